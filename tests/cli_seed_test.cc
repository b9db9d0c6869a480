// End-to-end test on the seed article, a real news story that lives only in ../shared/corpus/ (it
// is not ours to copy into the repository). Issue #5 is done when its timeline puts the December
// killing before the Monday Security Council statements and its DOT renders without warnings; this
// checks both through the program, and is skipped with a warning where the corpus is not checked
// out.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli_run.h"
#include "tests/cli_tables.h"

using geokg::testing::HaveProgram;
using geokg::testing::ParseTimelineJson;
using geokg::testing::ReadAll;
using geokg::testing::RunGeokg;
using geokg::testing::TempDir;
using geokg::testing::TimelineEvent;

namespace {

std::string SeedPath() {
  return (std::filesystem::path(GEOKG_SOURCE_DIR) / ".." / "shared" / "corpus" / "seed.jsonl")
      .lexically_normal()
      .string();
}

}  // namespace

TEST_CASE("the seed article's timeline puts the December killing before Monday's statements",
          "[cli][seed]") {
  const std::string seed = SeedPath();
  if (!std::filesystem::exists(seed)) {
    WARN("skipped: " << seed << " is missing (the shared corpus is not checked out here)");
    return;
  }
  TempDir dir;
  auto ingest = RunGeokg(dir, "ingest --db db '" + seed + "'");
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.status == 0);

  auto json = RunGeokg(dir, "timeline --db db --format json");
  REQUIRE(json.status == 0);
  std::vector<TimelineEvent> events = ParseTimelineJson(json.out);
  REQUIRE(!events.empty());

  // The killing: "In December, a suicide bomber killed ... the Taliban's minister of refugees",
  // published 2025-02-11, is an attacks event of the last December, with month precision.
  std::size_t killing = events.size();
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].relation == "attacks" &&
        events[i].evidence.find("In December") != std::string::npos)
      killing = i;
  INFO(json.out);
  REQUIRE(killing < events.size());
  CHECK(events[killing].date == "2024-12");
  CHECK(events[killing].precision == "month");
  CHECK_FALSE(events[killing].published);
  CHECK(events[killing].target == "Taliban");

  // The statements at the Security Council meeting "on Monday": the Monday before publication.
  std::vector<std::size_t> monday;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].date == "2025-02-10") monday.push_back(i);
  REQUIRE(monday.size() >= 3);
  for (std::size_t i : monday) {
    INFO(events[i].source << " " << events[i].relation << " " << events[i].target);
    CHECK(events[i].precision == "day");
    CHECK_FALSE(events[i].published);
    CHECK(killing < i);
  }
  // The speakers at the meeting, not only the headlines, carry the Monday date.
  bool envoy = false;
  for (std::size_t i : monday)
    envoy |=
        events[i].source == "US" && events[i].relation == "warns" && events[i].target == "IS-K";
  CHECK(envoy);

  // The table prints the same order.
  auto table = RunGeokg(dir, "timeline --db db");
  REQUIRE(table.status == 0);
  std::size_t december = table.out.find("\n2024-12 ");
  if (table.out.rfind("2024-12 ", 0) == 0) december = 0;
  REQUIRE(december != std::string::npos);
  std::size_t first_monday = table.out.find("2025-02-10 ");
  REQUIRE(first_monday != std::string::npos);
  CHECK(december < first_monday);
}

TEST_CASE("the seed article's DOT renders with dot -Tsvg without warnings", "[cli][seed]") {
  const std::string seed = SeedPath();
  if (!std::filesystem::exists(seed)) {
    WARN("skipped: " << seed << " is missing (the shared corpus is not checked out here)");
    return;
  }
  TempDir dir;
  REQUIRE(RunGeokg(dir, "ingest --db db '" + seed + "'").status == 0);
  auto dot = RunGeokg(dir, "export --db db --format dot -o seed.dot");
  INFO(dot.err);
  REQUIRE(dot.status == 0);
  // The attack is drawn too, not only the statements.
  CHECK(ReadAll(dir / "seed.dot").find("class=\"attacks\"") != std::string::npos);
  if (!HaveProgram("dot")) {
    WARN("skipped rendering: Graphviz's dot is not installed (tools/setup installs it)");
    return;
  }
  // Graphviz itself, so that a warning geokg might swallow still shows.
  std::string command = "dot -Tsvg '" + (dir / "seed.dot") + "' -o '" + (dir / "direct.svg") +
                        "' 2>'" + (dir / "dot.err") + "'";
  int status = std::system(command.c_str());
  INFO(ReadAll(dir / "dot.err"));
  CHECK(status == 0);
  CHECK(ReadAll(dir / "dot.err").empty());
  CHECK(ReadAll(dir / "direct.svg").find("<svg") != std::string::npos);
  // And through geokg, which runs the same dot.
  auto svg = RunGeokg(dir, "export --db db --format svg -o seed.svg");
  CHECK(svg.status == 0);
  CHECK(svg.err.empty());
  CHECK(ReadAll(dir / "seed.svg").find("<svg") != std::string::npos);
}
