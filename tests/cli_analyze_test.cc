// End-to-end tests of `geokg analyze`: each analysis on the sample articles, checked against the
// store as `geokg relations` and `geokg edges` print it (degrees, components and shortest paths are
// recomputed here from the relationship table), plus a small corpus written in the test for the
// day window of contradictions and for stance across months.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <queue>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/cli_run.h"
#include "tests/cli_sample_db.h"
#include "tests/cli_tables.h"

using geokg::testing::Actors;
using geokg::testing::FromRelations;
using geokg::testing::ParseTable;
using geokg::testing::Relationships;
using geokg::testing::Row;
using geokg::testing::Run;
using geokg::testing::RunGeokg;
using geokg::testing::SampleDb;
using geokg::testing::TempDir;

namespace {

// Hops from `from` to every actor reached, over the relationships, either way round unless
// `directed`.
std::map<std::string, int> Distances(const Relationships& relationships, const std::string& from,
                                     bool directed) {
  std::map<std::string, int> distance = {{from, 0}};
  std::queue<std::string> queue;
  queue.push(from);
  while (!queue.empty()) {
    std::string at = queue.front();
    queue.pop();
    for (const auto& [key, count] : relationships) {
      const auto& [source, relation, target] = key;
      std::string next = source == at ? target : (!directed && target == at ? source : "");
      if (!next.empty() && !distance.count(next)) {
        distance[next] = distance[at] + 1;
        queue.push(next);
      }
    }
  }
  return distance;
}

// The (article, sentence) of every stored edge, keyed by source, relation and target.
std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> Evidence() {
  std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> out;
  for (const Row& row : ParseTable(Run("edges --db db")))
    out[{row.at("source"), row.at("relation"), row.at("target")}].insert(row.at("article") + " #" +
                                                                         row.at("sentence"));
  return out;
}

// "[article #3]" at the end of a cited sentence.
std::string Citation(const std::string& cell) {
  std::smatch m;
  static const std::regex re(R"re(\[([^\[\]]+ #\d+)\]$)re");
  return std::regex_search(cell, m, re) ? m[1].str() : "<no citation in: " + cell + ">";
}

// "accuses (implied)" and "attacks (inferred)" are stored as accuses and attacks edges.
std::string BareRelation(std::string relation) {
  std::size_t note = relation.find(" (");
  return note == std::string::npos ? relation : relation.substr(0, note);
}

int DaysBetween(const std::string& from, const std::string& to) {
  auto day = [](const std::string& date) {
    using namespace std::chrono;
    return sys_days(year(std::stoi(date.substr(0, 4))) / month(std::stoi(date.substr(5, 2))) /
                    std::stoi(date.substr(8, 2)));
  };
  return static_cast<int>((day(to) - day(from)).count());
}

}  // namespace

TEST_CASE("analyze centrality gives each actor the store's in and out degree", "[cli][analyze]") {
  Relationships store = FromRelations();
  std::vector<Row> rows = ParseTable(Run("analyze --db db centrality"));
  std::set<std::string> listed;
  double previous = INFINITY;
  for (const Row& row : rows) {
    const std::string& actor = row.at("actor");
    INFO(actor);
    listed.insert(actor);
    int in = 0, out = 0;
    std::set<std::string> neighbours;
    for (const auto& [key, count] : store) {
      if (std::get<0>(key) == actor) ++out, neighbours.insert(std::get<2>(key));
      if (std::get<2>(key) == actor) ++in, neighbours.insert(std::get<0>(key));
    }
    CHECK(std::stoi(row.at("in")) == in);
    CHECK(std::stoi(row.at("out")) == out);
    CHECK(std::stoi(row.at("degree")) == in + out);
    // Only an actor joining two others can lie between them.
    double betweenness = std::stod(row.at("betweenness"));
    if (neighbours.size() < 2) CHECK(betweenness == 0);
    CHECK(betweenness <= previous);
    previous = betweenness;
  }
  CHECK(listed == Actors(store));

  // --top keeps the head of the same ranking; a selection recomputes over its part of the graph.
  std::vector<Row> top = ParseTable(Run("analyze --db db centrality --top 3"));
  REQUIRE(top.size() == 3);
  for (std::size_t i = 0; i < top.size(); ++i) CHECK(top[i] == rows[i]);
  Relationships urges = FromRelations("--type urges");
  std::vector<Row> selected = ParseTable(Run("analyze --db db centrality --type urges"));
  std::set<std::string> selected_actors;
  for (const Row& row : selected) {
    selected_actors.insert(row.at("actor"));
    int out = 0;
    for (const auto& [key, count] : urges) out += std::get<0>(key) == row.at("actor");
    CHECK(std::stoi(row.at("out")) == out);
  }
  CHECK(selected_actors == Actors(urges));
}

TEST_CASE("analyze pagerank ranks every actor, and the never-targeted ones last",
          "[cli][analyze]") {
  Relationships store = FromRelations();
  std::vector<Row> rows = ParseTable(Run("analyze --db db pagerank"));
  std::set<std::string> targeted, listed;
  for (const auto& [key, count] : store) targeted.insert(std::get<2>(key));
  double sum = 0, lowest = INFINITY, previous = INFINITY;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    INFO(rows[i].at("actor"));
    CHECK(std::stoul(rows[i].at("rank")) == i + 1);
    double rank = std::stod(rows[i].at("pagerank"));
    CHECK(rank > 0);
    CHECK(rank <= previous);
    previous = rank;
    lowest = std::min(lowest, rank);
    sum += rank;
    listed.insert(rows[i].at("actor"));
  }
  CHECK(listed == Actors(store));
  // A distribution, up to the four printed decimals of each row.
  CHECK(std::abs(sum - 1.0) <= 0.00005 * static_cast<double>(rows.size()) + 1e-9);
  // Nothing flows into an actor that no one targets: it keeps only the teleport share, the least.
  int untargeted = 0;
  for (const Row& row : rows) {
    if (targeted.count(row.at("actor"))) continue;
    INFO(row.at("actor"));
    CHECK(std::stod(row.at("pagerank")) == Approx(lowest).margin(1e-9));
    ++untargeted;
  }
  CHECK(untargeted > 0);
}

TEST_CASE("analyze components partitions the actors as the relationships connect them",
          "[cli][analyze]") {
  Relationships store = FromRelations();
  std::vector<Row> rows = ParseTable(Run("analyze --db db components"));
  REQUIRE(rows.size() >= 2);
  std::set<std::string> seen;
  std::size_t previous = SIZE_MAX;
  for (const Row& row : rows) {
    std::vector<std::string> members;
    std::istringstream in(row.at("members"));
    for (std::string name; std::getline(in, name, ',');)
      members.push_back(geokg::testing::Trim(name));
    INFO(row.at("members"));
    CHECK(std::stoul(row.at("actors")) == members.size());
    CHECK(members.size() <= previous);  // largest first
    previous = members.size();
    // Exactly the actors reachable from the first member, either way round.
    std::map<std::string, int> reached = Distances(store, members.front(), false);
    CHECK(reached.size() == members.size());
    for (const std::string& m : members) {
      CHECK(reached.count(m) == 1);
      CHECK(seen.insert(m).second);
    }
  }
  CHECK(seen == Actors(store));
}

TEST_CASE("analyze path finds a shortest path and cites the evidence of every hop",
          "[cli][analyze]") {
  Relationships store = FromRelations();
  auto evidence = Evidence();
  std::set<std::string> actors = Actors(store);
  int found = 0, missing = 0;
  for (std::string from : {"Ukraine", "Iran", "Mali"}) {
    for (bool directed : {false, true}) {
      std::map<std::string, int> distance = Distances(store, from, directed);
      for (const std::string& to : actors) {
        if (to == from) continue;
        std::string args =
            "analyze --db db path '" + from + "' '" + to + "'" + (directed ? " --directed" : "");
        INFO(args);
        std::string out = Run(args);
        if (!distance.count(to)) {
          CHECK(out.find("no " + std::string(directed ? "directed " : "") + "path from") == 0);
          ++missing;
          continue;
        }
        ++found;
        // "N hops: A - B - C", as short as the search here finds, joining related actors.
        std::smatch m;
        REQUIRE(std::regex_search(out, m, std::regex(R"re(^(\d+) hops?: (.*)\n)re")));
        CHECK(std::stoi(m[1]) == distance.at(to));
        std::vector<std::string> names;
        std::string chain = m[2];
        for (std::size_t at = 0;;) {
          std::size_t dash = chain.find(" - ", at);
          names.push_back(chain.substr(at, dash - at));
          if (dash == std::string::npos) break;
          at = dash + 3;
        }
        REQUIRE(names.size() == static_cast<std::size_t>(distance.at(to)) + 1);
        CHECK(names.front() == from);
        CHECK(names.back() == to);
        // Each hop's rows: a stored relationship between the hop's two actors, with a sentence
        // that stands behind it.
        std::vector<Row> rows = ParseTable(out);
        std::set<std::string> hops;
        for (const Row& row : rows) {
          std::size_t hop = std::stoul(row.at("hop"));
          REQUIRE(hop >= 1);
          REQUIRE(hop < names.size());
          hops.insert(row.at("hop"));
          std::set<std::string> ends = {row.at("source"), row.at("target")};
          CHECK(ends == std::set<std::string>{names[hop - 1], names[hop]});
          if (directed) CHECK(row.at("source") == names[hop - 1]);
          auto key =
              std::make_tuple(row.at("source"), BareRelation(row.at("relation")), row.at("target"));
          REQUIRE(evidence.count(key) == 1);
          CHECK(evidence.at(key).count(Citation(row.at("evidence"))) == 1);
        }
        CHECK(hops.size() == names.size() - 1);  // no hop without evidence
      }
    }
  }
  CHECK(found > 0);
  CHECK(missing > 0);

  // --top 1: one sentence per relation of a hop.
  std::vector<Row> one = ParseTable(Run("analyze --db db path Ukraine Russia --top 1"));
  std::set<std::tuple<std::string, std::string, std::string>> relations;
  for (const Row& row : one)
    CHECK(relations.insert({row.at("source"), BareRelation(row.at("relation")), row.at("target")})
              .second);
  CHECK(!one.empty());
}

TEST_CASE("analyze contradictions pairs stored accusations with the rejections answering them",
          "[cli][analyze]") {
  Relationships store = FromRelations();
  auto evidence = Evidence();
  std::vector<Row> rows = ParseTable(Run("analyze --db db contradictions"));
  REQUIRE(!rows.empty());
  for (const Row& row : rows) {
    INFO(row.at("accusation") << " / " << row.at("rejection"));
    const std::string &accuser = row.at("accuser"), &accused = row.at("accused");
    std::string accusation =
        BareRelation(row.at("accusation").substr(0, row.at("accusation").find(':')));
    std::string rejection =
        BareRelation(row.at("rejection").substr(0, row.at("rejection").find(':')));
    CHECK((accusation == "accuses" || accusation == "blames"));
    CHECK((rejection == "rejects" || rejection == "denies"));
    CHECK(store.count({accuser, accusation, accused}) == 1);
    CHECK(store.count({accused, rejection, accuser}) == 1);
    CHECK(evidence[{accuser, accusation, accused}].count(Citation(row.at("accusation"))) == 1);
    CHECK(evidence[{accused, rejection, accuser}].count(Citation(row.at("rejection"))) == 1);
    int days = DaysBetween(row.at("accused on"), row.at("rejected on"));
    CHECK(days == std::stoi(row.at("days")));
    CHECK(days >= 0);
    CHECK(days <= 30);  // the default window
  }
}

TEST_CASE("analyze contradictions --days and stance follow the dates of the articles",
          "[cli][analyze]") {
  // An accusation, its rejection twenty days later, and a second accusation in another month.
  TempDir dir;
  std::ofstream(dir / "accuse.txt")
      << "Ukraine accuses Russia of shelling Odesa\nDate: 2025-01-02\n"
         "ID: t-accuse\n\nUkraine accused Russia of shelling grain "
         "terminals near Odesa.\n";
  std::ofstream(dir / "reject.txt")
      << "Russia answers Kyiv\nDate: 2025-01-22\nID: t-reject\n\n"
         "Russia rejected the Ukrainian allegations as a provocation.\n";
  std::ofstream(dir / "again.txt") << "Kyiv speaks again\nDate: 2025-03-05\nID: t-again\n\n"
                                      "Ukraine accused Russia of striking a hospital in Kharkiv.\n";
  auto ingest = RunGeokg(dir, "ingest --db db accuse.txt reject.txt again.txt");
  INFO(ingest.err);
  REQUIRE(ingest.status == 0);

  auto explicit_accusation = [&](const std::string& days) {
    auto r = RunGeokg(dir, "analyze --db db contradictions --days " + days);
    REQUIRE(r.status == 0);
    bool found = false;
    for (const Row& row : ParseTable(r.out)) {
      CHECK(std::stoi(row.at("days")) <= std::stoi(days));
      CHECK(row.at("accused on") <= row.at("rejected on"));  // an answer follows its accusation
      found |= Citation(row.at("accusation")).rfind("t-accuse #", 0) == 0;
    }
    return found;
  };
  CHECK(explicit_accusation("20"));
  CHECK(explicit_accusation("30"));
  CHECK_FALSE(explicit_accusation("19"));
  CHECK_FALSE(explicit_accusation("0"));

  // Stance: one row per month, both directions, counts adding up to the store's.
  auto stance = RunGeokg(dir, "analyze --db db stance Ukraine Russia");
  REQUIRE(stance.status == 0);
  std::vector<Row> periods = ParseTable(stance.out);
  REQUIRE(periods.size() == 2);
  CHECK(periods[0].at("period") == "2025-01");
  CHECK(periods[1].at("period") == "2025-03");
  CHECK(periods[1].at("Russia -> Ukraine").empty());
  std::map<std::string, int> forward, backward;
  std::regex count(R"re((\w+) (\d+))re");
  for (const Row& period : periods) {
    for (auto [cell, sums] : {std::pair{period.at("Ukraine -> Russia"), &forward},
                              std::pair{period.at("Russia -> Ukraine"), &backward}})
      for (std::sregex_iterator it(cell.begin(), cell.end(), count), end; it != end; ++it)
        (*sums)[(*it)[1].str()] += std::stoi((*it)[2].str());
  }
  auto relations = RunGeokg(dir, "relations --db db");
  std::map<std::string, int> stored_forward, stored_backward;
  for (const Row& row : ParseTable(relations.out)) {
    if (row.at("source") == "Ukraine" && row.at("target") == "Russia")
      stored_forward[row.at("relation")] += std::stoi(row.at("count"));
    if (row.at("source") == "Russia" && row.at("target") == "Ukraine")
      stored_backward[row.at("relation")] += std::stoi(row.at("count"));
  }
  CHECK(forward == stored_forward);
  CHECK(backward == stored_backward);
  // The other way round swaps the columns.
  std::vector<Row> swapped = ParseTable(RunGeokg(dir, "analyze --db db stance Russia Ukraine").out);
  REQUIRE(swapped.size() == periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i)
    CHECK(swapped[i].at("Russia -> Ukraine") == periods[i].at("Russia -> Ukraine"));
}

TEST_CASE("analyze stance on the sample articles adds up to the relationship table",
          "[cli][analyze]") {
  Relationships store = FromRelations();
  for (const auto& [a, b] :
       {std::pair{"Mali", "France"}, std::pair{"Ukraine", "Russia"}, std::pair{"US", "Iran"}}) {
    INFO(a << " and " << b);
    std::map<std::string, int> shown, stored;
    std::regex count(R"re((\w+) (\d+))re");
    for (const Row& row : ParseTable(Run(std::string("analyze --db db stance ") + a + " " + b))) {
      for (const std::string& column : {std::string(a) + " -> " + b, std::string(b) + " -> " + a}) {
        const std::string& cell = row.at(column);
        for (std::sregex_iterator it(cell.begin(), cell.end(), count), end; it != end; ++it)
          shown[column + " " + (*it)[1].str()] += std::stoi((*it)[2].str());
      }
    }
    for (const auto& [key, n] : store) {
      const auto& [source, relation, target] = key;
      if ((source == a && target == b) || (source == b && target == a))
        stored[source + " -> " + target + " " + relation] += n;
    }
    CHECK(!stored.empty());
    CHECK(shown == stored);
  }
  auto none = RunGeokg(SampleDb(), "analyze --db db stance Japan Mali");
  CHECK(none.status == 0);
  CHECK(none.out.find("no edges between Japan and Mali") == 0);
}

TEST_CASE("analyze rejects wrong usage and unknown actors", "[cli][analyze]") {
  const TempDir& dir = SampleDb();
  auto unknown = RunGeokg(dir, "analyze --db db closeness");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown analysis 'closeness'") != std::string::npos);
  CHECK(RunGeokg(dir, "analyze --db db path Ukraine").status == 2);
  CHECK(RunGeokg(dir, "analyze --db db centrality Ukraine").status == 2);
  CHECK(RunGeokg(dir, "analyze --db db centrality --days 3").status == 2);
  CHECK(RunGeokg(dir, "analyze --db db pagerank --directed").status == 2);
  CHECK(RunGeokg(dir, "analyze --db db contradictions --days soon").status == 2);
  CHECK(RunGeokg(dir, "analyze --db db pagerank --top 0").status == 2);
  auto actor = RunGeokg(dir, "analyze --db db path Ukraine Atlantis");
  CHECK(actor.status == 1);
  CHECK(actor.err.find("unknown actor 'Atlantis'") != std::string::npos);
}
