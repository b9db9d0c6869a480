// geokg query: runs one Cypher query over the database and prints its rows.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "query/engine.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// In CSV and TSV a null is an empty field, as spreadsheet and database loaders expect.
std::string FieldText(const query::Value& v) { return v.is_null() ? "" : v.ToString(); }

void PrintDelimited(const query::QueryResult& r, bool csv) {
  auto cell = [csv](const std::string& s) { return csv ? CsvCell(s) : TsvCell(s); };
  const char* sep = csv ? "," : "\t";
  std::string line;
  for (std::size_t i = 0; i < r.columns.size(); ++i) line += (i ? sep : "") + cell(r.columns[i]);
  fmt::print("{}\n", line);
  for (const auto& row : r.rows) {
    line.clear();
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? sep : "") + cell(FieldText(row[i]));
    fmt::print("{}\n", line);
  }
}

void PrintJson(const query::QueryResult& r) {
  fmt::print("[");
  for (std::size_t n = 0; n < r.rows.size(); ++n) {
    std::string object = "{";
    for (std::size_t i = 0; i < r.columns.size(); ++i)
      object += (i ? "," : "") + JsonString(r.columns[i]) + ":" + r.rows[n][i].ToJson();
    fmt::print("{}\n{}", n ? "," : "", object + "}");
  }
  fmt::print("{}]\n", r.rows.empty() ? "" : "\n");
}

void PrintTable(const query::QueryResult& r) {
  Table table(r.columns);
  for (const auto& row : r.rows) {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(v.ToString());
    table.Add(std::move(cells));
  }
  table.Print(stdout);
  fmt::print("({} row{})\n", r.rows.size(), r.rows.size() == 1 ? "" : "s");
}

int RunQuery(const Args& args) {
  std::string format = args.Get("--format").value_or("table");
  if (format != "table" && format != "json" && format != "csv" && format != "tsv")
    return UsageError("query", fmt::format("unknown format '{}' (table, json, csv or tsv)", format));
  auto file = args.Get("--file");
  if (file && !args.positional().empty())
    return UsageError("query", "give the query as an argument or with -f, not both");
  std::string text;
  if (!args.positional().empty()) {
    text = args.positional()[0];
  } else if (file) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) return Fail(fmt::format("cannot read query file '{}'", *file));
    text.assign(std::istreambuf_iterator<char>(in), {});
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  }
  if (text.find_first_not_of(" \t\r\n;") == std::string::npos) return UsageError("query", "no query given");

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto result = engine.Run(text);
  if (!result.ok()) return Fail(result.status());
  bool explain = result->columns.size() == 1 && result->columns[0] == "plan" && !result->plan.empty();
  if (explain && format == "table") {
    fmt::print("{}", result->plan);
    return kExitOk;
  }
  if (format == "json") {
    PrintJson(*result);
  } else if (format == "csv" || format == "tsv") {
    PrintDelimited(*result, format == "csv");
  } else {
    PrintTable(*result);
  }
  // PROFILE's plan goes to stderr in the machine formats, so that stdout stays parseable.
  if (!explain && !result->plan.empty()) fmt::print(format == "table" ? stdout : stderr, "\n{}", result->plan);
  return kExitOk;
}

}  // namespace

Command QueryCommand() {
  return {{"query",
           "[--db DIR] [--format table|json|csv|tsv] ['QUERY' | -f FILE]",
           "Run a Cypher query (read-only openCypher subset) and print its rows.",
           {DbOption(),
            {"--format", "", "FORMAT", "table (default), json, csv or tsv"},
            {"--file", "-f", "FILE", "read the query from FILE"}},
           0,
           1,
           "Without QUERY or -f the query is read from standard input. EXPLAIN QUERY prints the plan; PROFILE QUERY\n"
           "adds the rows each operator produced. Example:\n"
           "  geokg query \"MATCH (a:State)-[r:ACCUSES]->(b) WHERE r.date >= date('2025-01') "
           "RETURN a.name, b.name, count(*) AS n ORDER BY n DESC\""},
          RunQuery};
}

}  // namespace geokg::cli
