#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "graph/export.h"
#include "query/engine.h"
#include "tools/geokg/commands.h"

namespace geokg::cli {

namespace {

bool HaveGraphviz() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// Renders DOT text to SVG with Graphviz's dot, into `path` or stdout.
int RenderSvg(const std::string& dot_text, const std::string& path) {
  if (!HaveGraphviz())
    return Fail("--format svg needs Graphviz's 'dot' program, which is not installed (apt-get install graphviz); "
                "--format dot writes the graph without it");
  std::string command = path.empty() ? "dot -Tsvg" : fmt::format("dot -Tsvg -o '{}'", path);
  std::FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) return Fail("could not start dot");
  std::fwrite(dot_text.data(), 1, dot_text.size(), pipe);
  if (pclose(pipe) != 0) return Fail("dot failed to render the graph");
  return kExitOk;
}

int RunExport(const Args& args) {
  std::string format = args.Get("--format").value_or("dot");
  if (format != "dot" && format != "svg")
    return UsageError("export", fmt::format("unknown format '{}' (dot or svg)", format));
  std::string path = args.Get("--output").value_or("");

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::EdgeQuery q;
  q.relation = args.Get("--type");
  auto filter = query::Engine(store.get()).ResolveFilter(q);
  if (!filter.ok()) return Fail(filter.status());

  std::ostringstream dot;
  if (Status s = graph::ExportDot(*store, *filter, dot); !s.ok()) return Fail(s);
  if (format == "svg") return RenderSvg(dot.str(), path);
  if (path.empty()) {
    fmt::print("{}", dot.str());
    return kExitOk;
  }
  std::ofstream out(path, std::ios::binary);
  out << dot.str();
  out.close();
  if (!out) return Fail(fmt::format("cannot write '{}'", path));
  return kExitOk;
}

}  // namespace

Command ExportCommand() {
  return {{"export",
           "[--db DIR] [--format dot|svg] [--type T] [-o FILE]",
           "Write the graph for Graphviz: one edge per actor pair and relation, labelled with its count.",
           {DbOption(),
            {"--format", "", "FORMAT", "dot (default) or svg (needs Graphviz's dot)"},
            {"--type", "", "RELATION", "only edges of this relation type"},
            {"--output", "-o", "FILE", "write to FILE instead of standard output"}},
           0,
           0,
           ""},
          RunExport};
}

}  // namespace geokg::cli
