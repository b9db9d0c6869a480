// geokg: builds a knowledge graph of geopolitical actors from news articles and answers questions about it.
#include <fmt/format.h>

#include <cstring>

#include "tools/geokg/commands.h"

namespace geokg::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      IngestCommand(), ExtractCommand(), ActorsCommand(), RelationsCommand(),
      EdgesCommand(),  StatsCommand(),   ExportCommand(), TimelineCommand(), QueryCommand(), AnalyzeCommand(),
      ShellCommand(),
  };
  return commands;
}

namespace {

void PrintOverview(std::FILE* out) {
  fmt::print(out,
             "usage: geokg COMMAND [OPTIONS] [ARGS]\n\n"
             "Builds a knowledge graph of geopolitical actors from news articles.\n\ncommands:\n");
  for (const auto& c : Commands()) fmt::print(out, "  {:<10} {}\n", c.spec.name, c.spec.summary);
  fmt::print(out, "\nRun 'geokg COMMAND --help' for a command's options.\n");
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    PrintOverview(stderr);
    return kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintOverview(stdout);
    return kExitOk;
  }
  for (const auto& command : Commands()) {
    if (command.spec.name != name) continue;
    Args args;
    if (auto error = Parse(command.spec, argc - 2, argv + 2, &args)) return UsageError(name, *error);
    if (args.help) {
      fmt::print("{}", HelpText(command.spec));
      return kExitOk;
    }
    return command.run(args);
  }
  return UsageError("", fmt::format("unknown command '{}'", name));
}

}  // namespace
}  // namespace geokg::cli

int main(int argc, char** argv) { return geokg::cli::Main(argc, argv); }
