// End-to-end tests of `geokg extract` and `geokg export`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <vector>

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

// The sample siege article's "The group has stepped up its attacks this year. In March, a roadside
// bomb killed four Ugandan soldiers" names its perpetrator only in the sentence before.
TEST_CASE("extract prints edges with an inferred source only when asked", "[cli]") {
  TempDir dir;
  std::string article = SampleArticles() + "/2025-06-16-somalia-hotel-siege.txt";
  auto stated = RunGeokg(dir, "extract '" + article + "'");
  auto all = RunGeokg(dir, "extract --inferred '" + article + "'");
  INFO(stated.err << all.err);
  REQUIRE(stated.status == 0);
  REQUIRE(all.status == 0);
  auto stated_rows = ParseTsv(stated.out);
  auto all_rows = ParseTsv(all.out);
  REQUIRE(!all_rows.empty());
  const auto& header = all_rows[0];
  auto column = [&](const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  std::size_t inferred = column("inferred"), source = column("source"),
              relation = column("relation"), target = column("target");
  std::vector<std::vector<std::string>> inferred_rows;
  std::set<std::tuple<std::string, std::string, std::string>> inferred_triples;
  for (std::size_t i = 1; i < all_rows.size(); ++i) {
    if (all_rows[i].at(inferred) != "1") continue;
    inferred_rows.push_back(all_rows[i]);
    inferred_triples.insert(
        {all_rows[i].at(source), all_rows[i].at(relation), all_rows[i].at(target)});
  }
  CHECK(inferred_triples.count({"al-Shabaab", "attacks", "Uganda"}) == 1);
  CHECK(stated_rows.size() + inferred_rows.size() == all_rows.size());
  for (std::size_t i = 1; i < stated_rows.size(); ++i) CHECK(stated_rows[i].at(inferred) == "0");
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
