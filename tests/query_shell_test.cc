// End-to-end tests of `geokg shell` and of `geokg query`'s table output: statements piped into the
// program over the fixture graph of tests/query_fixture_graph.h.
#include <catch2/catch.hpp>
#include <string>

#include "tests/cli_run.h"
#include "tests/query_fixture.h"

namespace {

using geokg::testing::RunGeokg;
using geokg::testing::TempDir;

class ShellFixture {
 public:
  geokg::testing::RunResult Shell(const std::string& input, const std::string& options = "") {
    return RunGeokg(dir_, "shell --db '" + graph_.dir().string() + "' " + options, input,
                    "GEOKG_HISTORY='" + dir_ / "history" + "'");
  }
  geokg::testing::RunResult Query(const std::string& args) {
    return RunGeokg(dir_, "query --db '" + graph_.dir().string() + "' " + args);
  }
  const TempDir& dir() const { return dir_; }

 private:
  geokg::testing::QueryFixture graph_;
  TempDir dir_;
};

TEST_CASE("query --format table frames the rows like sqlite3's box mode", "[query][cli]") {
  ShellFixture f;
  auto r = f.Query(
      "\"MATCH (a:Group) RETURN a.name AS group, size(a.aliases) AS aliases ORDER BY a.name\"");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "┌───────────┬─────────┐\n"
        "│ group     │ aliases │\n"
        "├───────────┼─────────┤\n"
        "│ Hamas     │       0 │\n"
        "│ Hezbollah │       0 │\n"
        "│ Houthis   │       1 │\n"
        "└───────────┴─────────┘\n"
        "(3 rows)\n");
}

TEST_CASE("table cells count wide characters as two columns and escape line breaks",
          "[query][cli]") {
  ShellFixture f;
  auto r = f.Query("\"RETURN '北京' AS city, 'a\\nb' AS text\"");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "┌──────┬──────┐\n"
        "│ city │ text │\n"
        "├──────┼──────┤\n"
        "│ 北京 │ a\\nb │\n"
        "└──────┴──────┘\n"
        "(1 row)\n");
}

TEST_CASE("query limits come from the command line", "[query][cli]") {
  ShellFixture f;
  auto rows = f.Query("--max-rows 3 'MATCH (a:Actor) RETURN a.name'");
  CHECK(rows.status == 1);
  CHECK(rows.err ==
        "geokg: the query returned more than 3 rows (--max-rows); add LIMIT or raise --max-rows\n");
  auto length = f.Query("--max-query-length 10 'MATCH (a:Actor) RETURN a.name'");
  CHECK(length.status == 1);
  CHECK(length.err ==
        "geokg: the query is 29 bytes long, over the limit of 10 (--max-query-length)\n");
  auto time = f.Query(
      "--timeout 0.05 'UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN "
      "count(*)'");
  CHECK(time.status == 1);
  CHECK(time.err == "geokg: query ran longer than 50 ms (--timeout)\n");
  auto bad = f.Query("--timeout soon 'RETURN 1'");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--timeout takes a number of seconds, not 'soon'") != std::string::npos);
}

TEST_CASE("the shell runs statements ending with ';' across and within lines", "[query][shell]") {
  ShellFixture f;
  auto r = f.Shell(
      "// a script: comments outside statements are skipped\n"
      ":format tsv\n"
      "MATCH (a:Actor {name: 'Iran'})-[r:ACCUSES]->(b)\n"
      "  // a comment; not the end\n"
      "RETURN b.name, r.date ORDER BY r.date;\n"
      "RETURN 'a;b' AS s; RETURN 2 AS n; // the end\n"
      "/* nothing\n   more */\n");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "b.name\tr.date\nIsrael\t2025-01-10\nUS\t2025-03-20\nIsrael\t2025-04-01\n"
        "s\na;b\n"
        "n\n2\n");
}

TEST_CASE("the shell reports an error and goes on; the exit status says one failed",
          "[query][shell]") {
  ShellFixture f;
  auto r = f.Shell(":format csv\nMATCH (a:Stat) RETURN a;\nRETURN 1 AS one;\n");
  CHECK(r.status == 1);
  CHECK(r.out == "one\n1\n");
  CHECK(r.err ==
        "error at line 1, column 7: unknown label :Stat (did you mean State?)\n"
        "  MATCH (a:Stat) RETURN a\n"
        "        ^\n");
}

TEST_CASE("the shell's :format, :schema, :help and :quit", "[query][shell]") {
  ShellFixture f;
  auto r = f.Shell(
      ":format json\nMATCH (art:Article {id: 'a5'}) RETURN art;\n:format\n:schema\n:help\n:quit\n"
      "RETURN 'never run';\n");
  CHECK(r.status == 0);
  CHECK(
      r.out.find("[\n{\"art\":{\"id\":\"a5\",\"title\":\"Article a5\",\"url\":null,\"outlet\":null,"
                 "\"date\":\"2025-04-01\"}}\n]\n") == 0);
  CHECK(r.out.find("format: json\n") != std::string::npos);
  CHECK(r.out.find("│ Article      │     5 │") != std::string::npos);
  CHECK(r.out.find("│ ACCUSES           │     5 │") != std::string::npos);
  CHECK(r.out.find("  :Article       id, title, url, outlet, date\n") != std::string::npos);
  CHECK(r.out.find(":format table|json|csv|tsv") != std::string::npos);
  CHECK(r.out.find("never run") == std::string::npos);
  auto bad = f.Shell(":format xml\n:frobnicate\n");
  CHECK(bad.status == 1);
  CHECK(bad.err ==
        "error: unknown format 'xml' (table, json, csv or tsv)\n"
        "error: unknown command :frobnicate (:help lists them)\n");
}

TEST_CASE("a final statement without ';' still runs", "[query][shell]") {
  ShellFixture f;
  auto r = f.Shell("RETURN 41 + 1 AS answer", "--format tsv");
  CHECK(r.status == 0);
  CHECK(r.out == "answer\n42\n");
}

}  // namespace
