// End-to-end tests of `geokg timeline`'s selection (ACTOR, --with, --type, --from, --to) on the
// sample articles: each timeline must hold exactly the stored edges, as `geokg edges` lists them,
// that the selection describes, in date order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/cli_run.h"
#include "tests/cli_sample_db.h"
#include "tests/cli_tables.h"

using geokg::testing::ParseTable;
using geokg::testing::ParseTimelineJson;
using geokg::testing::Row;
using geokg::testing::Run;
using geokg::testing::RunGeokg;
using geokg::testing::SampleDb;
using geokg::testing::TimelineEvent;

namespace {

// source, relation, target, date, article, sentence: one stored edge as both commands show it.
using EdgeKey =
    std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

std::multiset<EdgeKey> StoredEdges(const std::function<bool(const EdgeKey&)>& keep) {
  std::multiset<EdgeKey> out;
  for (const Row& row : ParseTable(Run("edges --db db"))) {
    EdgeKey key{row.at("source"), row.at("relation"), row.at("target"),
                row.at("date"),   row.at("article"),  row.at("sentence")};
    if (keep(key)) out.insert(key);
  }
  return out;
}

// The timeline's events, checked to be in date order with the undated ones last.
std::multiset<EdgeKey> Timeline(const std::string& args) {
  std::vector<TimelineEvent> events =
      ParseTimelineJson(Run("timeline --db db --format json " + args));
  std::vector<std::string> dated;
  bool undated_seen = false;
  std::multiset<EdgeKey> out;
  for (const TimelineEvent& e : events) {
    if (e.date == "null") {
      undated_seen = true;
    } else {
      CHECK_FALSE(undated_seen);
      dated.push_back(e.date);
    }
    out.insert({e.source, e.relation, e.target, e.date, e.article, e.sentence});
  }
  CHECK(std::is_sorted(dated.begin(), dated.end()));
  return out;
}

}  // namespace

TEST_CASE("timeline without an actor holds every stored edge", "[cli][timeline]") {
  auto all = StoredEdges([](const EdgeKey&) { return true; });
  REQUIRE(all.size() >= 20);
  CHECK(Timeline("") == all);
  // The table shows the same events, one paragraph each.
  std::string table = Run("timeline --db db");
  CHECK(geokg::testing::Count(table, "\n\n") == static_cast<int>(all.size()));
}

TEST_CASE("timeline ACTOR and --with keep the events of the actor and of the pair",
          "[cli][timeline]") {
  for (std::string actor : {"Iran", "Mali", "Ukraine"}) {
    INFO(actor);
    auto expected = StoredEdges(
        [&](const EdgeKey& e) { return std::get<0>(e) == actor || std::get<2>(e) == actor; });
    REQUIRE(!expected.empty());
    CHECK(Timeline("'" + actor + "'") == expected);
  }
  // Either direction between the two, and an actor may be named by its code or an alias.
  auto pair = StoredEdges([](const EdgeKey& e) {
    std::set<std::string> ends = {std::get<0>(e), std::get<2>(e)};
    return ends == std::set<std::string>{"Iran", "US"};
  });
  REQUIRE(pair.size() >= 2);
  CHECK(Timeline("Iran --with US") == pair);
  CHECK(Timeline("IRN --with USA") == pair);
  CHECK(Timeline("Iran --with Japan").empty());
  CHECK(Run("timeline --db db Iran --with Japan") == "no events\n");
}

TEST_CASE("timeline --type, --from and --to select by relation and date", "[cli][timeline]") {
  CHECK(Timeline("--type rejects") ==
        StoredEdges([](const EdgeKey& e) { return std::get<1>(e) == "rejects"; }));
  CHECK(Timeline("Mali --type accuses") == StoredEdges([](const EdgeKey& e) {
          return std::get<1>(e) == "accuses" &&
                 (std::get<0>(e) == "Mali" || std::get<2>(e) == "Mali");
        }));
  auto window = [](const std::string& from, const std::string& to) {
    return StoredEdges([&](const EdgeKey& e) {
      const std::string& date = std::get<3>(e);
      return date >= from && date <= to;
    });
  };
  // The sample articles are dated from March to June 2025; the bounds are inclusive.
  auto middle = window("2025-03-11", "2025-05-20");
  REQUIRE(!middle.empty());
  CHECK(Timeline("--from 2025-03-11 --to 2025-05-20") == middle);
  CHECK(Timeline("--from 2025-04") == window("2025-04-01", "9999"));
  CHECK(Timeline("--to 2025-03") == window("0000", "2025-03-31"));
  CHECK(Timeline("--from 2025 --to 2025") == window("2025-01-01", "2025-12-31"));
  CHECK(Timeline("--from 2026-01-01").empty());

  auto unknown = RunGeokg(SampleDb(), "timeline --db db Atlantis");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("Atlantis") != std::string::npos);
}
