// geokg query: runs one Cypher query over the database and prints its rows.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "query/engine.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/query_output.h"

namespace geokg::cli {

namespace {

int RunQuery(const Args& args) {
  std::string format_name = args.Get("--format").value_or("table");
  auto format = ParseOutputFormat(format_name);
  if (!format)
    return UsageError("query",
                      fmt::format("unknown format '{}' (table, json, csv or tsv)", format_name));
  query::QueryLimits limits;
  if (auto error = ReadLimits(args, &limits)) return UsageError("query", *error);
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
  if (text.find_first_not_of(" \t\r\n;") == std::string::npos)
    return UsageError("query", "no query given");

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto result = engine.Run(text, limits);
  if (!result.ok()) return Fail(result.status());
  PrintResult(*result, *format, stdout, stderr);
  return kExitOk;
}

}  // namespace

Command QueryCommand() {
  std::vector<OptionSpec> options = {
      DbOption(),
      {"--format", "", "FORMAT", "table (default), json, csv or tsv"},
      {"--file", "-f", "FILE", "read the query from FILE"}};
  for (auto& o : LimitOptions()) options.push_back(std::move(o));
  return {
      {"query",
       "[--db DIR] [--format table|json|csv|tsv] [--timeout S] [--max-rows N] ['QUERY' | -f FILE]",
       "Run a Cypher query (read-only openCypher subset) and print its rows.", std::move(options),
       0, 1,
       "Without QUERY or -f the query is read from standard input. EXPLAIN QUERY prints the plan; "
       "PROFILE QUERY\n"
       "adds the rows each operator produced and the time it took. Nodes are actors (:Actor, "
       ":State,\n"
       ":Organization, :Group) and articles (:Article); :schema in geokg shell lists the labels, "
       "relation\n"
       "types and properties. Example:\n"
       "  geokg query \"MATCH (a:State)-[r:ACCUSES]->(b) WHERE r.date >= date('2025-01') "
       "RETURN a.name, b.name, count(*) AS n ORDER BY n DESC\""},
      RunQuery};
}

}  // namespace geokg::cli
