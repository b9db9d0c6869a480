// End-to-end tests of `geokg extract` and `geokg export`.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <tuple>

#include "tests/cli_run.h"

using geokg::testing::RunGeokg;
using geokg::testing::SampleArticles;
using geokg::testing::TempDir;

namespace {

std::vector<std::vector<std::string>> ParseTsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cells.push_back(line.substr(start, tab - start));
    cells.push_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace

TEST_CASE("extract prints a TSV the scorer reads", "[cli]") {
  TempDir dir;
  auto r = RunGeokg(dir, "extract '" + SampleArticles() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  auto rows = ParseTsv(r.out);
  REQUIRE(rows.size() > 1);
  const auto& header = rows[0];
  for (const char* column : {"article_id", "source", "relation", "target", "event_date", "confidence", "sentence"})
    CHECK(std::find(header.begin(), header.end(), column) != header.end());
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i].size() == header.size());
}

TEST_CASE("extract finds the required edges of the seed article", "[cli]") {
  std::string seed = std::string(GEOKG_SOURCE_DIR) + "/../shared/corpus/seed.jsonl";
  if (!std::filesystem::exists(seed)) {
    WARN("seed article not found at " << seed);
    return;
  }
  TempDir dir;
  auto r = RunGeokg(dir, "extract --format tsv '" + seed + "'");
  REQUIRE(r.status == 0);
  std::set<std::tuple<std::string, std::string, std::string>> triples;
  for (const auto& row : ParseTsv(r.out)) triples.insert({row.at(1), row.at(2), row.at(3)});
  CHECK(triples.count({"China", "urges", "Taliban"}) == 1);
  CHECK(triples.count({"Russia", "blames", "US"}) == 1);
  CHECK(triples.count({"Pakistan", "rejects", "US"}) == 1);
  CHECK(triples.count({"US", "accuses", "Pakistan"}) == 1);
}

TEST_CASE("export writes DOT with one edge per pair and relation", "[cli]") {
  TempDir dir;
  REQUIRE(RunGeokg(dir, "ingest --db db '" + SampleArticles() + "'").status == 0);
  auto relations = RunGeokg(dir, "relations --db db");
  REQUIRE(relations.status == 0);
  auto r = RunGeokg(dir, "export --db db --format dot -o graph.dot");
  REQUIRE(r.status == 0);
  std::string dot = geokg::testing::ReadAll(dir / "graph.dot");
  CHECK(dot.find("digraph") != std::string::npos);
  int edge_lines = 0;
  std::istringstream in(dot);
  // Actors' node ids are numbers; the legend's invisible edges join "legend_" nodes and do not count.
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
        line.find("->") != std::string::npos)
      ++edge_lines;
  int table_rows = static_cast<int>(std::count(relations.out.begin(), relations.out.end(), '\n')) - 2;
  CHECK(edge_lines == table_rows);
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    auto svg = RunGeokg(dir, "export --db db --format svg -o graph.svg");
    CHECK(svg.status == 0);
    CHECK(svg.err.empty());
    CHECK(geokg::testing::ReadAll(dir / "graph.svg").find("<svg") != std::string::npos);
  }
}
