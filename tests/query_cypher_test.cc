// Runs the data-driven Cypher tests in tests/queries/*.test over the fixture graph of query_fixture.h.
//
// A .test file holds cases, each:
//   -- NAME                  starts a case; a name ending in " [kuzu]" marks a query that runs unchanged on
//                            Kuzu and gives the same rows there (tools/kuzu/diff checks it)
//   QUERY                    one or more lines
//   ---- columns             optional: the next line holds the expected column names, tab-separated
//   ---- N                   N expected rows follow, cells tab-separated as Value::ToString prints them;
//                            compared in order when the query has ORDER BY or is an EXPLAIN, else as
//                            sorted lists
//   ---- error               or: the lines up to the next blank line are a substring of the error message
//                            (several lines check the quoted query line and the caret under it)
// Lines starting with '#' outside a query are comments; blank lines separate cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "query/engine.h"
#include "tests/query_fixture.h"

namespace {

struct Case {
  std::string file;
  int line = 0;
  std::string name;
  std::string query;
  bool expect_error = false;
  std::string error;
  bool check_columns = false;
  std::string columns;
  std::vector<std::string> rows;
  std::size_t row_count = 0;
};

std::string Trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Fails the test (with the file and line) on a malformed .test file rather than skipping the case.
std::vector<Case> ReadCases(const std::filesystem::path& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<Case> cases;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  for (std::size_t i = 0; i < lines.size();) {
    std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') {
      ++i;
      continue;
    }
    INFO(path.string() << ":" << i + 1);
    REQUIRE(line.rfind("-- ", 0) == 0);
    Case c;
    c.file = path.filename().string();
    c.line = static_cast<int>(i + 1);
    c.name = line.substr(3);
    for (++i; i < lines.size() && lines[i].rfind("----", 0) != 0; ++i) c.query += lines[i] + "\n";
    REQUIRE(i < lines.size());
    if (Trim(lines[i]) == "---- columns") {
      REQUIRE(i + 2 < lines.size());
      c.check_columns = true;
      c.columns = lines[i + 1];
      i += 2;
    }
    std::string marker = Trim(lines[i].substr(4));
    ++i;
    if (marker == "error") {
      c.expect_error = true;
      for (; i < lines.size() && !Trim(lines[i]).empty(); ++i) c.error += (c.error.empty() ? "" : "\n") + lines[i];
      REQUIRE(!c.error.empty());
    } else {
      REQUIRE(!marker.empty());
      REQUIRE(std::all_of(marker.begin(), marker.end(), [](char ch) { return std::isdigit(ch); }));
      c.row_count = std::stoul(marker);
      for (std::size_t r = 0; r < c.row_count; ++r, ++i) {
        REQUIRE(i < lines.size());
        c.rows.push_back(lines[i]);
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string Join(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
  return out;
}

// Rows are compared in order when the query fixes one: ORDER BY, or an EXPLAIN plan.
bool Ordered(std::string query) {
  for (char& ch : query) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return query.find("ORDER BY") != std::string::npos || query.rfind("EXPLAIN", 0) == 0;
}

}  // namespace

// Every case runs on the writable store, then twice on a read-only open of it: a read-only store keeps the
// index entries it has scanned (graph/rocksdb_store.h), and the second run reads them from there.
TEST_CASE("Cypher queries in tests/queries give their expected rows or errors", "[query][cypher]") {
  geokg::testing::QueryFixture fixture;
  geokg::graph::Store::Options read_only;
  read_only.read_only = true;
  auto reader = geokg::graph::Store::Open(fixture.dir().string(), read_only);
  REQUIRE(reader.ok());
  geokg::query::Engine writable_engine(fixture.store()), reader_engine(reader->get());
  const std::vector<std::pair<const char*, geokg::query::Engine*>> engines = {
      {"writable store", &writable_engine},
      {"read-only store", &reader_engine},
      {"read-only store, again", &reader_engine}};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(GEOKG_SOURCE_DIR "/tests/queries"))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());

  std::size_t total = 0;
  for (const auto& [store_name, engine] : engines) {
    for (const auto& file : files) {
      for (const Case& c : ReadCases(file)) {
        ++total;
        INFO(store_name << ": " << c.file << ":" << c.line << " " << c.name << "\n" << c.query);
        auto result = engine->Run(c.query);
        if (c.expect_error) {
          REQUIRE_FALSE(result.ok());
          CHECK(result.status().IsInvalidArgument());
          INFO("message: " << result.status().message());
          CHECK(result.status().message().find(c.error) != std::string::npos);
          continue;
        }
        if (!result.ok()) FAIL_CHECK(result.status().message());
        if (!result.ok()) continue;
        if (c.check_columns) CHECK(Join(result->columns) == c.columns);
        std::vector<std::string> got;
        for (const auto& row : result->rows) {
          std::vector<std::string> cells;
          for (const auto& v : row) cells.push_back(v.ToString());
          got.push_back(Join(cells));
        }
        std::vector<std::string> want = c.rows;
        if (!Ordered(c.query)) {
          std::sort(got.begin(), got.end());
          std::sort(want.begin(), want.end());
        }
        CHECK(got == want);
      }
    }
  }
  CHECK(total >= 3 * 50);
}
