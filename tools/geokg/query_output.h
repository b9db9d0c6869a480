// How `geokg query` and `geokg shell` print a Cypher result: a box-drawn table for people, or JSON,
// CSV or TSV for programs; and the limit options both commands share.
#ifndef GEOKG_TOOLS_GEOKG_QUERY_OUTPUT_H_
#define GEOKG_TOOLS_GEOKG_QUERY_OUTPUT_H_

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/engine.h"
#include "tools/geokg/args.h"

namespace geokg::cli {

enum class OutputFormat { kTable, kJson, kCsv, kTsv };

// "table", "json", "csv", "tsv"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// Prints the rows of `result` to `out`. Table: the columns framed like sqlite3's and duckdb's box
// mode, numbers right-aligned, then "(N rows)"; an EXPLAIN prints its plan bare. JSON: an array of
// objects, one per row. CSV (RFC 4180) and TSV: a header line, nulls as empty fields. A PROFILE
// plan follows the table, or goes to `diagnostics` with the machine formats so that `out` stays
// parseable.
void PrintResult(const query::QueryResult& result, OutputFormat format, std::FILE* out,
                 std::FILE* diagnostics);

// Rows of cells framed with box-drawing characters; `right` marks the columns aligned right. Cells
// are measured in terminal columns (East Asian wide characters count two); line breaks and tabs
// inside a cell print as \n and \t.
std::string BoxTable(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& right);

// --timeout, --max-rows and --max-query-length, with their defaults in the help text.
std::vector<OptionSpec> LimitOptions();
// The limits the options give; the error message when one is not a number.
std::optional<std::string> ReadLimits(const Args& args, query::QueryLimits* limits);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_QUERY_OUTPUT_H_
