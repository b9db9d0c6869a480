// geokg export: the graph, or a selected part of it, for Graphviz, Gephi, Cytoscape and Neo4j.
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/export.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/selection.h"

extern char** environ;

namespace geokg::cli {

namespace {

using Exporter = Status (*)(graph::Store&, const graph::ExportOptions&, std::ostream&);

const std::map<std::string, Exporter>& TextFormats() {
  static const std::map<std::string, Exporter> formats = {
      {"dot", graph::ExportDot},   {"svg", graph::ExportDot},
      {"png", graph::ExportDot},   {"graphml", graph::ExportGraphml},
      {"gexf", graph::ExportGexf}, {"cytoscape", graph::ExportCytoscape}};
  return formats;
}

// Writes all of `text` to `fd`, retrying after signals; false when the reader went away.
bool WriteAll(int fd, const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// Renders DOT text with Graphviz's dot into `path`, or standard output when it is empty. Runs dot
// without a shell, so that no file name is ever parsed as a command.
int Render(const std::string& dot_text, const std::string& format, const std::string& path) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return Fail(fmt::format("cannot start dot: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::string type = "-T" + format;
  std::vector<std::string> words = {"dot", type};
  if (!path.empty()) words.insert(words.end(), {"-o", path});
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[0]);
  if (spawned != 0) {
    ::close(pipe_fds[1]);
    if (spawned == ENOENT)
      return Fail(fmt::format(
          "--format {} needs Graphviz's 'dot' program, which is not installed (apt-get install "
          "graphviz); --format dot writes the graph for rendering elsewhere",
          format));
    return Fail(fmt::format("cannot start dot: {}", std::strerror(spawned)));
  }
  // A dot that exits early must not kill geokg with SIGPIPE; its exit status tells what happened.
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  bool sent = WriteAll(pipe_fds[1], dot_text);
  ::close(pipe_fds[1]);
  std::signal(SIGPIPE, previous);
  int status = 0;
  pid_t waited = 0;
  do {
    waited = ::waitpid(pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  if (waited < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !sent)
    return Fail(fmt::format("dot failed to render the graph as {}", format));
  return kExitOk;
}

int WriteText(const std::string& text, const std::string& path) {
  if (path.empty()) {
    fmt::print("{}", text);
    return kExitOk;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Fail(fmt::format("cannot write '{}'", path));
  return kExitOk;
}

int RunExport(const Args& args) {
  std::string format = args.Get("--format").value_or("dot");
  std::string path = args.Get("--output").value_or("");
  if (format != "neo4j" && !TextFormats().count(format))
    return UsageError("export", fmt::format("unknown format '{}' (dot, svg, png, graphml, gexf, "
                                            "cytoscape or neo4j)",
                                            format));
  if (format == "neo4j" && path.empty())
    return UsageError("export", "--format neo4j writes two files: give the directory with -o DIR");
  if (format == "png" && path.empty() && ::isatty(STDOUT_FILENO))
    return UsageError("export", "--format png is binary: give -o FILE or redirect the output");
  auto selection = ParseSelection(args);
  if (!selection.ok()) return UsageError("export", selection.status().message());

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  auto options = ResolveSelection(*selection, *store);
  if (!options.ok()) return Fail(options.status());

  if (format == "neo4j") {
    if (Status s = graph::ExportNeo4j(*store, *options, path); !s.ok()) return Fail(s);
    return kExitOk;
  }
  std::ostringstream text;
  if (Status s = TextFormats().at(format)(*store, *options, text); !s.ok()) return Fail(s);
  if (format == "svg" || format == "png") {
    std::fflush(stdout);
    return Render(text.str(), format, path);
  }
  return WriteText(text.str(), path);
}

}  // namespace

Command ExportCommand() {
  std::vector<OptionSpec> options = {
      DbOption(),
      {"--format", "", "FORMAT",
       "dot (default), svg or png (through Graphviz's dot), graphml, gexf, cytoscape, neo4j"},
      {"--output", "-o", "FILE",
       "write to FILE instead of standard output; for neo4j, the directory (required)"}};
  for (OptionSpec& option : SelectionOptions()) options.push_back(std::move(option));
  return {{"export",
           "[--db DIR] [--format F] [-o FILE|DIR] [--actor X [--depth N]] [--from DATE] "
           "[--to DATE] [--type T] [--min-count N]",
           "Write the graph for Graphviz, Gephi, Cytoscape or Neo4j: one edge per actor pair and "
           "relation.",
           options, 0, 0,
           "Formats:\n"
           "  dot        Graphviz: colour per relation with a legend, pen width by count, labels\n"
           "             with count and date span, node shape by actor kind\n"
           "  svg, png   the DOT rendered by Graphviz's dot, which must be installed\n"
           "  graphml    typed attributes, for Gephi and Cytoscape\n"
           "  gexf       GEXF 1.3 with each edge's time interval, for Gephi's timeline\n"
           "  cytoscape  Cytoscape.js JSON\n"
           "  neo4j      actors.csv and edges.csv (one row per stored edge) in -o DIR, for\n"
           "             neo4j-admin database import full --nodes=actors.csv "
           "--relationships=edges.csv\n"
           "--min-count applies first, then --actor's ego network."},
          RunExport};
}

}  // namespace geokg::cli
