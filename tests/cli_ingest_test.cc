// End-to-end tests of `geokg ingest` and the commands that read what it stored.
#include <catch2/catch.hpp>

#include <regex>

#include "graph/store.h"
#include "tests/cli_run.h"

using geokg::testing::RunGeokg;
using geokg::testing::SampleArticles;
using geokg::testing::TempDir;

namespace {

std::string Db(const TempDir& dir) { return "--db '" + (dir / "db") + "'"; }

// "N articles read: N new, N duplicates skipped, N edges added, N errors" -> the five numbers.
std::vector<int> Summary(const std::string& out) {
  std::smatch m;
  std::regex re(R"((\d+) articles read: (\d+) new, (\d+) duplicates skipped, (\d+) edges added, (\d+) errors)");
  REQUIRE(std::regex_search(out, m, re));
  return {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), std::stoi(m[5])};
}

int CountLines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("ingest stores the sample articles once", "[cli]") {
  TempDir dir;
  auto first = RunGeokg(dir, "ingest " + Db(dir) + " '" + SampleArticles() + "'");
  INFO(first.err);
  REQUIRE(first.status == 0);
  auto s1 = Summary(first.out);
  CHECK(s1[0] >= 3);
  CHECK(s1[1] == s1[0]);  // all new
  CHECK(s1[2] == 0);
  CHECK(s1[3] > 0);  // edges added
  CHECK(s1[4] == 0);

  auto stats1 = RunGeokg(dir, "stats " + Db(dir));
  REQUIRE(stats1.status == 0);

  auto second = RunGeokg(dir, "ingest " + Db(dir) + " '" + SampleArticles() + "'");
  REQUIRE(second.status == 0);
  auto s2 = Summary(second.out);
  CHECK(s2[0] == s1[0]);
  CHECK(s2[1] == 0);
  CHECK(s2[2] == s1[0]);  // every article a duplicate
  CHECK(s2[3] == 0);

  auto stats2 = RunGeokg(dir, "stats " + Db(dir));
  CHECK(stats2.out == stats1.out);
}

TEST_CASE("the database comes from --db, then $GEOKG_DB, then ./geokg.db", "[cli]") {
  TempDir dir;
  std::string env = "GEOKG_DB='" + (dir / "envdb") + "'";
  REQUIRE(RunGeokg(dir, "ingest '" + SampleArticles() + "'", "", env).status == 0);
  CHECK(std::filesystem::exists(dir / "envdb"));
  CHECK_FALSE(std::filesystem::exists(dir / "geokg.db"));

  auto missing = RunGeokg(dir, "stats --db '" + (dir / "nodb") + "'", "", env);
  CHECK(missing.status == 1);  // --db wins over the environment, and a missing database is an error
  CHECK(missing.err.find("no database at") != std::string::npos);

  REQUIRE(RunGeokg(dir, "ingest '" + SampleArticles() + "'").status == 0);
  CHECK(std::filesystem::exists(dir / "geokg.db"));
}

TEST_CASE("actors, relations, edges and timeline read the stored graph", "[cli]") {
  TempDir dir;
  REQUIRE(RunGeokg(dir, "ingest " + Db(dir) + " '" + SampleArticles() + "'").status == 0);

  auto actors = RunGeokg(dir, "actors " + Db(dir));
  REQUIRE(actors.status == 0);
  CHECK(actors.out.find("Iran") != std::string::npos);
  CHECK(actors.out.find("state") != std::string::npos);

  auto relations = RunGeokg(dir, "relations " + Db(dir));
  REQUIRE(relations.status == 0);
  CHECK(relations.out.rfind("source", 0) == 0);
  int rows = CountLines(relations.out) - 2;
  CHECK(rows > 0);

  auto edges = RunGeokg(dir, "edges " + Db(dir));
  REQUIRE(edges.status == 0);
  CHECK(CountLines(edges.out) - 2 >= rows);

  // Every edge listed with --from Iran has Iran as its source.
  auto from_iran = RunGeokg(dir, "edges " + Db(dir) + " --from iran");
  REQUIRE(from_iran.status == 0);
  std::istringstream lines(from_iran.out);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);
  int iran_rows = 0;
  while (std::getline(lines, line)) {
    CHECK(line.rfind("Iran ", 0) == 0);
    ++iran_rows;
  }
  CHECK(iran_rows > 0);

  auto timeline = RunGeokg(dir, "timeline " + Db(dir) + " Iran");
  REQUIRE(timeline.status == 0);
  std::regex date_line(R"((^|\n)(\d{4}-\d{2}(-\d{2})?))");
  std::vector<std::string> dates;
  for (std::sregex_iterator it(timeline.out.begin(), timeline.out.end(), date_line), end; it != end; ++it)
    dates.push_back((*it)[2]);
  REQUIRE(dates.size() >= 2);
  CHECK(std::is_sorted(dates.begin(), dates.end()));
}

TEST_CASE("unknown names get clear errors", "[cli]") {
  TempDir dir;
  REQUIRE(RunGeokg(dir, "ingest " + Db(dir) + " '" + SampleArticles() + "'").status == 0);
  auto actor = RunGeokg(dir, "edges " + Db(dir) + " --from Atlantis");
  CHECK(actor.status == 1);
  CHECK(actor.err.find("unknown actor 'Atlantis'") != std::string::npos);
  auto relation = RunGeokg(dir, "edges " + Db(dir) + " --type hugs");
  CHECK(relation.status == 1);
  CHECK(relation.err.find("unknown relation type 'hugs'") != std::string::npos);
}

TEST_CASE("a broken line is reported with its file and line, the rest is stored", "[cli]") {
  TempDir dir;
  std::string good1 = R"({"id": "a1", "title": "T", "date": "2025-01-02", "text": "Iran condemned Israel."})";
  std::string good2 = R"({"id": "a2", "title": "U", "date": "2025-01-03", "text": "Israel warned Iran."})";
  std::ofstream(dir / "mixed.jsonl") << good1 << "\n{\"id\": \"broken\", \"text\": \n" << good2 << "\n";
  auto r = RunGeokg(dir, "ingest " + Db(dir) + " '" + (dir / "mixed.jsonl") + "'");
  CHECK(r.status == 1);
  CHECK(r.err.find("mixed.jsonl:2:") != std::string::npos);
  auto s = Summary(r.out);
  CHECK(s[1] == 2);
  CHECK(s[4] == 1);
}

TEST_CASE("a second writer gets the locked error", "[cli]") {
  TempDir dir;
  auto held = geokg::graph::Store::Open(dir / "db");
  REQUIRE(held.ok());
  auto r = RunGeokg(dir, "ingest " + Db(dir) + " '" + SampleArticles() + "'");
  CHECK(r.status == 1);
  CHECK(r.err.find("database is locked by another process") != std::string::npos);
}

TEST_CASE("stdin is read with -", "[cli]") {
  TempDir dir;
  auto r = RunGeokg(dir, "ingest " + Db(dir) + " -",
                    "Turkey urges calm\nDate: 2025-02-01\n\nTurkey urged Greece to return to talks.\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(Summary(r.out)[1] == 1);
}
