// geokg shell: an interactive Cypher prompt over the database.
#include <fmt/format.h>

#include <cstdio>

#include "query/engine.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/query_output.h"
#include "tools/geokg/shell_input.h"

namespace geokg::cli {

namespace {

constexpr const char* kHelp =
    "Type a Cypher query and end it with ';' (it may span several lines). Commands:\n"
    "  :help                         this text\n"
    "  :format table|json|csv|tsv    how results print (now: {})\n"
    "  :schema                       labels, relationship types with their counts, and properties\n"
    "  :quit                         leave (so does end of input, Ctrl-D)\n"
    "Example: MATCH (a:State)-[r:ACCUSES]->(b) RETURN a.name, b.name, count(*) AS n ORDER BY n "
    "DESC;\n";

const char* FormatName(OutputFormat f) {
  switch (f) {
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kTsv:
      return "tsv";
    case OutputFormat::kTable:
      break;
  }
  return "table";
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string CountTable(const char* what, const char* unit,
                       const std::vector<query::Schema::Count>& counts) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : counts) rows.push_back({c.name, std::to_string(c.count)});
  return BoxTable({what, unit}, rows, {false, true});
}

class Shell {
 public:
  Shell(query::Engine* engine, OutputFormat format, query::QueryLimits limits)
      : engine_(engine), format_(format), limits_(limits) {}

  int Run() {
    if (input_.interactive())
      fmt::print("geokg shell: Cypher over the graph; end a query with ';', :help for help.\n");
    while (!quit_) {
      auto line = input_.Read(splitter_.pending() ? "   ...> " : "geokg> ");
      if (!line) {
        // End of input on a terminal (Ctrl-D) leaves the cursor after the prompt.
        if (input_.interactive()) fmt::print("\n");
        break;
      }
      if (!splitter_.pending() && IsCommand(*line)) {
        input_.Remember(*line);
        Command(*line);
        continue;
      }
      for (const std::string& statement : splitter_.Feed(*line)) {
        input_.Remember(OneLine(statement) + ";");
        Execute(statement);
        if (quit_) break;
      }
    }
    // A script's last query may lack its ';'.
    if (!quit_) {
      if (std::string rest = splitter_.TakeRest(); !rest.empty()) Execute(rest);
    }
    return failed_ && !input_.interactive() ? kExitError : kExitOk;
  }

 private:
  static bool IsCommand(const std::string& line) {
    std::size_t i = line.find_first_not_of(" \t");
    return i != std::string::npos && line[i] == ':';
  }

  static std::string OneLine(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '\n' ? ' ' : c;
    std::size_t b = out.find_first_not_of(' '), e = out.find_last_not_of(' ');
    return b == std::string::npos ? "" : out.substr(b, e - b + 1);
  }

  void Error(const std::string& message) {
    std::fflush(stdout);
    // Query errors already say "syntax error at line ..." or "error at line ...".
    bool worded = message.rfind("syntax error", 0) == 0 || message.rfind("error", 0) == 0;
    fmt::print(stderr, "{}{}\n", worded ? "" : "error: ", message);
    std::fflush(stderr);
    failed_ = true;
  }

  void Execute(std::string statement) {
    // Positions in errors count from the statement's first word, not from the blank lines before
    // it.
    statement.erase(0, statement.find_first_not_of(" \t\r\n"));
    auto result = engine_->Run(statement, limits_);
    if (!result.ok()) return Error(result.status().message());
    PrintResult(*result, format_, stdout, stderr);
    std::fflush(stdout);
  }

  void Command(const std::string& line) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < line.size();) {
      std::size_t b = line.find_first_not_of(" \t;", i);
      if (b == std::string::npos) break;
      std::size_t e = line.find_first_of(" \t;", b);
      words.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
      i = e == std::string::npos ? line.size() : e;
    }
    const std::string& name = words[0];
    if (name == ":quit" || name == ":exit" || name == ":q") {
      quit_ = true;
    } else if (name == ":help" || name == ":h") {
      fmt::print(kHelp, FormatName(format_));
    } else if (name == ":format") {
      if (words.size() == 1) {
        fmt::print("format: {}\n", FormatName(format_));
      } else if (auto f = words.size() == 2 ? ParseOutputFormat(words[1]) : std::nullopt) {
        format_ = *f;
      } else {
        Error(fmt::format("unknown format '{}' (table, json, csv or tsv)",
                          line.substr(line.find(":format") + 8)));
      }
    } else if (name == ":schema") {
      Schema();
    } else {
      Error(fmt::format("unknown command {} (:help lists them)", name));
    }
    std::fflush(stdout);
  }

  void Schema() {
    auto schema = engine_->Describe();
    if (!schema.ok()) return Error(schema.status().message());
    fmt::print("{}", CountTable("label", "nodes", schema->labels));
    fmt::print("{}", CountTable("relationship type", "edges", schema->relation_types));
    fmt::print("properties:\n  :Actor         {}\n  :Article       {}\n  relationships  {}\n",
               Join(schema->actor_properties), Join(schema->article_properties),
               Join(schema->relationship_properties));
  }

  query::Engine* engine_;
  OutputFormat format_;
  query::QueryLimits limits_;
  LineSource input_;
  StatementSplitter splitter_;
  bool quit_ = false;
  bool failed_ = false;
};

int RunShell(const Args& args) {
  std::string format_name = args.Get("--format").value_or("table");
  auto format = ParseOutputFormat(format_name);
  if (!format)
    return UsageError("shell",
                      fmt::format("unknown format '{}' (table, json, csv or tsv)", format_name));
  query::QueryLimits limits;
  if (auto error = ReadLimits(args, &limits)) return UsageError("shell", *error);
  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  return Shell(&engine, *format, limits).Run();
}

}  // namespace

Command ShellCommand() {
  std::vector<OptionSpec> options = {
      DbOption(), {"--format", "", "FORMAT", "table (default), json, csv or tsv"}};
  for (auto& o : LimitOptions()) options.push_back(std::move(o));
  return {{"shell", "[--db DIR] [--format table|json|csv|tsv] [--timeout S] [--max-rows N]",
           "Interactive Cypher prompt: queries end with ';', :help lists the commands.",
           std::move(options), 0, 0,
           "On a terminal, lines are edited with readline and the statements of earlier sessions "
           "are recalled from\n"
           "$GEOKG_HISTORY (default ~/.geokg_history). Other input is read as a script: statements "
           "run in order,\n"
           "an error is reported and the next statement runs, and the exit status is 1 when any "
           "failed.\n"
           "Commands: :help, :format table|json|csv|tsv, :schema, :quit."},
          RunShell};
}

}  // namespace geokg::cli
