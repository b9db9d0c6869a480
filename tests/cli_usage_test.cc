// End-to-end tests of the command line's contract: help, usage errors and exit statuses.
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/cli_run.h"

using geokg::testing::RunGeokg;
using geokg::testing::TempDir;

TEST_CASE("every command has --help and exits 0 with it", "[cli]") {
  TempDir dir;
  auto overview = RunGeokg(dir, "--help");
  REQUIRE(overview.status == 0);
  std::vector<std::string> commands = {"ingest", "extract", "actors", "relations",
                                       "edges",  "stats",   "export", "timeline"};
  for (const auto& c : commands) {
    INFO(c);
    CHECK(overview.out.find("  " + c + " ") != std::string::npos);
    auto help = RunGeokg(dir, c + " --help");
    CHECK(help.status == 0);
    CHECK(help.out.rfind("usage: geokg " + c, 0) == 0);
  }
}

TEST_CASE("wrong usage exits 2 and says why", "[cli]") {
  TempDir dir;
  auto none = RunGeokg(dir, "");
  CHECK(none.status == 2);
  auto unknown = RunGeokg(dir, "frobnicate");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  auto option = RunGeokg(dir, "stats --colour");
  CHECK(option.status == 2);
  CHECK(option.err.find("unknown option '--colour'") != std::string::npos);
  auto no_path = RunGeokg(dir, "ingest");
  CHECK(no_path.status == 2);
  auto no_value = RunGeokg(dir, "edges --from");
  CHECK(no_value.status == 2);
  CHECK(no_value.err.find("needs a value") != std::string::npos);
  auto format = RunGeokg(dir, "extract --format xml x.txt");
  CHECK(format.status == 2);
  auto date = RunGeokg(dir, "timeline --from yesterday");
  CHECK(date.status == 2);
  CHECK(date.err.find("is not a date") != std::string::npos);
}

TEST_CASE("a missing input path is an error naming it", "[cli]") {
  TempDir dir;
  auto r = RunGeokg(dir, "ingest --db db no-such-file.jsonl");
  CHECK(r.status == 1);
  CHECK(r.err.find("no-such-file.jsonl") != std::string::npos);
}

TEST_CASE("a path that cannot be read is reported and the next paths are still ingested", "[cli]") {
  TempDir dir;
  std::ofstream(dir / "first.txt") << "Russia accused Ukraine of shelling the plant.\n";
  std::ofstream(dir / "table.csv") << "a,b\n";
  std::ofstream(dir / "last.txt") << "China urged Russia to negotiate.\n";
  auto r = RunGeokg(dir, "ingest --db db first.txt table.csv missing.txt last.txt");
  CHECK(r.status == 1);
  CHECK(r.err.find("unsupported file type: table.csv") != std::string::npos);
  CHECK(r.err.find("no such file or directory: missing.txt") != std::string::npos);
  // Each unreadable path is named once, not prefixed with itself again.
  CHECK(r.err.find("table.csv: unsupported") == std::string::npos);
  CHECK(r.out.find("2 articles read: 2 new") != std::string::npos);
  auto edges = RunGeokg(dir, "edges --db db");
  CHECK(edges.out.find("Ukraine") != std::string::npos);
  CHECK(edges.out.find("China") != std::string::npos);
}
