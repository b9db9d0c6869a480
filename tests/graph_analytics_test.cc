// graph/'s analytics on small hand-built graphs whose answers follow from their shape.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/analytics.h"
#include "graph/graph_view.h"
#include "tests/graph_fixture.h"

namespace geokg::graph {
namespace {

using fixture::ArticleSpec;
using fixture::IdOf;

std::vector<Actor> States(const std::vector<std::string>& names) {
  std::vector<Actor> actors;
  for (const std::string& name : names) actors.push_back({0, name, ActorKind::kState, "", {}});
  return actors;
}

GraphView Load(Store& store, const EdgeFilter& filter = EdgeFilter()) {
  auto view = LoadGraph(store, filter);
  REQUIRE(view.ok());
  return std::move(*view);
}

std::size_t VertexOf(Store& store, const GraphView& view, const std::string& name) {
  auto vertex = view.FindVertex(IdOf(store, name));
  REQUIRE(vertex.has_value());
  return *vertex;
}

// A star: Hub and four leaves, with edges both ways, two relations to L3 and a repeated edge to L1.
const std::vector<ArticleSpec> kStar = {
    {"star",
     {{"Hub accused L1.", {{"Hub", "accuses", "L1", Date::Day(2025, 1, 1)}}},
      {"Hub accused L1 again.", {{"Hub", "accuses", "L1", Date::Day(2025, 1, 2)}}},
      {"L2 accused Hub.", {{"L2", "accuses", "Hub", Date::Day(2025, 1, 3)}}},
      {"Hub accused and urged L3.",
       {{"Hub", "accuses", "L3", Date::Day(2025, 1, 4)},
        {"Hub", "urges", "L3", Date::Day(2025, 1, 4)}}},
      {"L4 condemned Hub.", {{"L4", "condemns", "Hub", Date::Day(2025, 1, 5)}}}}}};

TEST_CASE("a star's centre has all the betweenness", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", States({"Hub", "L1", "L2", "L3", "L4"}), kStar);
  GraphView view = Load(*store);
  auto rows = Centrality(view);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 5);
  const ActorCentrality& hub = (*rows)[VertexOf(*store, view, "Hub")];
  CHECK(hub.vertex == VertexOf(*store, view, "Hub"));
  // Each of the C(4,2) = 6 pairs of leaves has its one shortest path through Hub.
  CHECK(hub.betweenness == Approx(6.0));
  CHECK(hub.betweenness_normalized == Approx(1.0));
  // Out: accuses L1 (twice, one view edge), accuses L3, urges L3; in: from L2 and L4.
  CHECK(hub.out_degree == 3);
  CHECK(hub.in_degree == 2);
  CHECK(hub.degree == 5);
  for (const char* leaf : {"L1", "L2", "L3", "L4"}) {
    INFO(leaf);
    CHECK((*rows)[VertexOf(*store, view, leaf)].betweenness == Approx(0.0));
  }
  CHECK((*rows)[VertexOf(*store, view, "L3")].in_degree == 2);
  CHECK((*rows)[VertexOf(*store, view, "L1")].in_degree == 1);

  // The hop from Hub to L3 is two relations, and each is cited even when only one edge may be.
  PathOptions options;
  options.evidence_per_edge = 1;
  auto path = ShortestPath(*store, view, IdOf(*store, "Hub"), IdOf(*store, "L3"), options);
  REQUIRE(path.ok());
  REQUIRE(path->hops.size() == 1);
  CHECK(path->hops[0].edges.size() == 2);
  std::set<std::string> cited;
  for (const CitedEdge& edge : path->hops[0].evidence) cited.insert(edge.relation);
  CHECK(cited == std::set<std::string>{"accuses", "urges"});
}

// A chain A - B - C - D with mixed directions, A's accusation stated three times; X - Y apart; E
// stored with no edge.
const std::vector<ArticleSpec> kChain = {
    {"chain-1",
     {{"A accused B on the first.", {{"A", "accuses", "B", Date::Day(2025, 1, 1)}}},
      {"A accused B on the second.", {{"A", "accuses", "B", Date::Day(2025, 1, 2)}}},
      {"C blamed B.", {{"C", "blames", "B", Date::Day(2025, 1, 5)}}}}},
    {"chain-2",
     {{"A accused B on the third.", {{"A", "accuses", "B", Date::Day(2025, 1, 3)}}},
      {"C urged D.", {{"C", "urges", "D", Date::Day(2025, 1, 6)}}},
      {"X urged Y.", {{"X", "urges", "Y", Date::Day(2025, 1, 7)}}}}}};
const std::vector<std::string> kChainActors = {"A", "B", "C", "D", "E", "X", "Y"};

TEST_CASE("a chain's inner actors lie between the others", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", States(kChainActors), kChain);
  GraphView view = Load(*store);
  auto rows = Centrality(view);
  REQUIRE(rows.ok());
  // B is on the paths A-C and A-D, C on A-D and B-D; 6 vertices give (5*4)/2 = 10 pairs.
  CHECK((*rows)[VertexOf(*store, view, "B")].betweenness == Approx(2.0));
  CHECK((*rows)[VertexOf(*store, view, "C")].betweenness == Approx(2.0));
  CHECK((*rows)[VertexOf(*store, view, "B")].betweenness_normalized == Approx(0.2));
  for (const char* end : {"A", "D", "X", "Y"})
    CHECK((*rows)[VertexOf(*store, view, end)].betweenness == Approx(0.0));
}

TEST_CASE("weak components ignore direction, largest first", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", States(kChainActors), kChain);
  GraphView view = Load(*store);
  auto components = WeakComponents(view);
  REQUIRE(components.ok());
  REQUIRE(components->members.size() == 2);
  auto names = [&](const std::vector<std::size_t>& members) {
    std::set<std::string> out;
    for (std::size_t v : members) out.insert(view.vertices()[v].name);
    return out;
  };
  CHECK(names(components->members[0]) == std::set<std::string>{"A", "B", "C", "D"});
  CHECK(names(components->members[1]) == std::set<std::string>{"X", "Y"});
  CHECK(components->component[VertexOf(*store, view, "D")] == 0);
  CHECK(components->component[VertexOf(*store, view, "Y")] == 1);
  for (const auto& members : components->members)
    CHECK(std::is_sorted(members.begin(), members.end()));
}

TEST_CASE("a shortest path gives its hops in order with their sentences", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", States(kChainActors), kChain);
  GraphView view = Load(*store);
  const ActorId a = IdOf(*store, "A"), b = IdOf(*store, "B"), d = IdOf(*store, "D");

  auto path = ShortestPath(*store, view, a, d);
  REQUIRE(path.ok());
  REQUIRE(path->found);
  REQUIRE(path->hops.size() == 3);
  const std::vector<std::pair<std::string, std::string>> expected_hops = {
      {"A", "B"}, {"B", "C"}, {"C", "D"}};
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(view.vertices()[path->hops[i].from].name == expected_hops[i].first);
    CHECK(view.vertices()[path->hops[i].to].name == expected_hops[i].second);
    CHECK(path->hops[i].edges.size() == 1);
  }
  // A -> B stands for three edges, all cited by default (up to three), earliest first.
  const auto& first = path->hops[0].evidence;
  REQUIRE(first.size() == 3);
  CHECK(first[0].sentence == "A accused B on the first.");
  CHECK(first[0].edge.article_id == "chain-1");
  CHECK(first[0].relation == "accuses");
  CHECK(first[1].sentence == "A accused B on the second.");
  CHECK(first[2].sentence == "A accused B on the third.");
  CHECK(first[2].edge.article_id == "chain-2");
  // The hop B - C follows C's edge against its direction.
  REQUIRE(path->hops[1].evidence.size() == 1);
  CHECK(path->hops[1].evidence[0].sentence == "C blamed B.");
  CHECK(path->hops[1].evidence[0].edge.source == IdOf(*store, "C"));
  CHECK(path->hops[2].evidence[0].sentence == "C urged D.");

  PathOptions options;
  options.evidence_per_edge = 2;
  auto limited = ShortestPath(*store, view, a, b, options);
  REQUIRE(limited.ok());
  REQUIRE(limited->hops.size() == 1);
  CHECK(limited->hops[0].evidence.size() == 2);

  // Directed, A reaches B but nothing beyond: C's edge points into B.
  options = PathOptions();
  options.directed = true;
  auto directed = ShortestPath(*store, view, a, d, options);
  REQUIRE(directed.ok());
  CHECK_FALSE(directed->found);
  CHECK(directed->hops.empty());
  auto reverse = ShortestPath(*store, view, b, a, options);
  REQUIRE(reverse.ok());
  CHECK_FALSE(reverse->found);

  auto apart = ShortestPath(*store, view, a, IdOf(*store, "X"));
  REQUIRE(apart.ok());
  CHECK_FALSE(apart->found);
  auto isolated = ShortestPath(*store, view, a, IdOf(*store, "E"));
  REQUIRE(isolated.ok());
  CHECK_FALSE(isolated->found);
  auto itself = ShortestPath(*store, view, a, a);
  REQUIRE(itself.ok());
  CHECK(itself->found);
  CHECK(itself->hops.empty());

  // Evidence follows the view's filter: from 2025-01-02 on, A -> B has two edges.
  EdgeFilter later;
  later.from = Date::Day(2025, 1, 2);
  GraphView filtered = Load(*store, later);
  auto since = ShortestPath(*store, filtered, a, b);
  REQUIRE(since.ok());
  REQUIRE(since->hops.size() == 1);
  REQUIRE(since->hops[0].evidence.size() == 2);
  CHECK(since->hops[0].evidence[0].sentence == "A accused B on the second.");
}

TEST_CASE("PageRank matches the closed forms of small graphs", "[graph][analytics]") {
  const double d = 0.85;
  fixture::TempDir tmp;
  SECTION("a cycle ranks everyone equally") {
    auto store = fixture::BuildStore(tmp / "db", States({"A", "B", "C"}),
                                     {{"cycle",
                                       {{"A accused B.", {{"A", "accuses", "B", Date()}}},
                                        {"B accused C.", {{"B", "accuses", "C", Date()}}},
                                        {"C accused A.", {{"C", "accuses", "A", Date()}}}}}});
    auto ranks = PageRank(Load(*store));
    REQUIRE(ranks.ok());
    for (double rank : *ranks) CHECK(rank == Approx(1.0 / 3));
  }
  SECTION("leaves pointing at a centre with no way out") {
    std::vector<fixture::Sentence> sentences;
    for (const char* leaf : {"L1", "L2", "L3", "L4"})
      sentences.push_back(
          {std::string(leaf) + " accused Hub.", {{leaf, "accuses", "Hub", Date()}}});
    auto store = fixture::BuildStore(tmp / "db", States({"Hub", "L1", "L2", "L3", "L4"}),
                                     {{"inward", sentences}});
    GraphView view = Load(*store);
    auto ranks = PageRank(view);
    REQUIRE(ranks.ok());
    // With N = 5 actors and k = 4 leaves: leaf = ((1-d) + d*hub)/N and hub = 1 - k*leaf, so
    // leaf = 1/(N + d*k).
    const double leaf = 1.0 / (5 + d * 4);
    CHECK((*ranks)[VertexOf(*store, view, "Hub")] == Approx(1 - 4 * leaf).epsilon(1e-9));
    CHECK((*ranks)[VertexOf(*store, view, "L2")] == Approx(leaf).epsilon(1e-9));
  }
  SECTION("counts weigh the edges") {
    auto store =
        fixture::BuildStore(tmp / "db", States({"A", "B", "C"}),
                            {{"weights",
                              {{"A accused B thrice.",
                                {{"A", "accuses", "B", Date()},
                                 {"A", "accuses", "B", Date()},
                                 {"A", "accuses", "B", Date()}}},
                               {"A accused C.", {{"A", "accuses", "C", Date()}}},
                               {"B and C accused A.",
                                {{"B", "accuses", "A", Date()}, {"C", "accuses", "A", Date()}}}}}});
    GraphView view = Load(*store);
    const std::size_t va = VertexOf(*store, view, "A"), vb = VertexOf(*store, view, "B"),
                      vc = VertexOf(*store, view, "C");
    // B and C pass all their rank to A and the ranks sum to 1: a = ((1-d)/3 + d) / (1 + d). A
    // splits its rank 3:1 when weighted, 1:1 when not.
    const double a = ((1 - d) / 3 + d) / (1 + d);
    auto weighted = PageRank(view);
    REQUIRE(weighted.ok());
    CHECK((*weighted)[va] == Approx(a).epsilon(1e-9));
    CHECK((*weighted)[vb] == Approx((1 - d) / 3 + d * 0.75 * a).epsilon(1e-9));
    CHECK((*weighted)[vc] == Approx((1 - d) / 3 + d * 0.25 * a).epsilon(1e-9));
    PageRankOptions options;
    options.weighted = false;
    auto plain = PageRank(view, options);
    REQUIRE(plain.ok());
    CHECK((*plain)[vb] == Approx((1 - d) / 3 + d * 0.5 * a).epsilon(1e-9));
    CHECK((*plain)[vc] == Approx((*plain)[vb]));
    options.damping = 1.0;
    auto bad = PageRank(view, options);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().IsInvalidArgument());
  }
}

const std::vector<ArticleSpec> kDisputes = {
    {"c1",
     {{"The US accused Pakistan of harbouring militants.",
       {{"US", "accuses", "Pakistan", Date::Day(2025, 2, 1)}}}}},
    {"c2",
     {{"Pakistan rejected US accusations.",
       {{"Pakistan", "rejects", "US", Date::Day(2025, 2, 10)},
        {"US", "accuses", "Pakistan", Date::Day(2025, 2, 10), true}}}}},
    {"c3",
     {{"Russia blamed the UK for the attack.", {{"Russia", "blames", "UK", Date::Day(2025, 1, 1)}}},
      {"The UK denied it.", {{"UK", "denies", "Russia", Date::Day(2025, 3, 15)}}}}},
    {"c4",
     {{"The UN accused Mali in April.", {{"UN", "accuses", "Mali", Date::Month(2025, 4)}}},
      {"Mali rejected the UN's claims in May.",
       {{"Mali", "rejects", "UN", Date::Day(2025, 5, 3)}}}}},
    {"c5", {{"Pakistan rejected the US again.", {{"Pakistan", "rejects", "US", Date()}}}}}};

// (accuser, accused, accusation sentence, rejection sentence, days apart) of each contradiction.
using Found = std::tuple<std::string, std::string, std::string, std::string, std::int64_t>;

std::vector<Found> Describe(const GraphView& view, const std::vector<Contradiction>& found) {
  std::vector<Found> out;
  for (const Contradiction& c : found)
    out.emplace_back(view.vertices()[c.accuser].name, view.vertices()[c.accused].name,
                     c.accusation.sentence, c.rejection.sentence, c.days_apart);
  return out;
}

TEST_CASE("contradictions pair a rejection with the accusation it answers", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(
      tmp / "db", States({"US", "Pakistan", "Russia", "UK", "UN", "Mali"}), kDisputes);
  GraphView view = Load(*store);
  auto run = [&](std::int64_t days, std::vector<std::string> rejections = {"rejects", "denies"}) {
    ContradictionOptions options;
    options.days = days;
    options.rejections = std::move(rejections);
    auto found = Contradictions(*store, view, options);
    REQUIRE(found.ok());
    return Describe(view, *found);
  };
  const Found stated{"US", "Pakistan", "The US accused Pakistan of harbouring militants.",
                     "Pakistan rejected US accusations.", 9};
  const Found implied{"US", "Pakistan", "Pakistan rejected US accusations.",
                      "Pakistan rejected US accusations.", 0};
  // April covers April 1 to 30; May 3 is three days after its end.
  const Found mali{"UN", "Mali", "The UN accused Mali in April.",
                   "Mali rejected the UN's claims in May.", 3};
  // 2025-01-01 to 2025-03-15: 31 + 28 + 14 days.
  const Found uk{"Russia", "UK", "Russia blamed the UK for the attack.", "The UK denied it.", 73};

  // The stated accusation nine days before wins over the one the rejection's wording implies; the
  // UK's denial comes too late; the undated rejection pairs with nothing.
  CHECK(run(30) == std::vector<Found>{stated, mali});
  CHECK(run(5) == std::vector<Found>{implied, mali});
  CHECK(run(2) == std::vector<Found>{implied});
  CHECK(run(100) == std::vector<Found>{stated, uk, mali});
  CHECK(run(100, {"rejects"}) == std::vector<Found>{stated, mali});

  auto found = Contradictions(*store, view);
  REQUIRE(found.ok());
  REQUIRE(found->size() == 2);
  CHECK((*found)[0].accusation.relation == "accuses");
  CHECK((*found)[0].rejection.relation == "rejects");
  CHECK((*found)[0].accusation.edge.article_id == "c1");
  CHECK((*found)[0].rejection.edge.article_id == "c2");

  ContradictionOptions negative;
  negative.days = -1;
  auto bad = Contradictions(*store, view, negative);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsInvalidArgument());
}

const std::vector<ArticleSpec> kPair = {
    {"p1",
     {{"The US accused Russia in early January.",
       {{"US", "accuses", "Russia", Date::Day(2025, 1, 5)}}},
      {"The US accused Russia again.", {{"US", "accuses", "Russia", Date::Day(2025, 1, 20)}}},
      {"Russia accused the US.", {{"Russia", "accuses", "US", Date::Day(2025, 1, 9)}}}}},
    {"p2",
     {{"The US urged Russia.", {{"US", "urges", "Russia", Date::Day(2025, 2, 3)}}},
      {"Russia rejected the US in February.", {{"Russia", "rejects", "US", Date::Month(2025, 2)}}},
      {"Russia accused the US this year.", {{"Russia", "accuses", "US", Date::Year(2025)}}},
      {"The US urged Russia at some point.", {{"US", "urges", "Russia", Date()}}},
      {"The US urged the UN.", {{"US", "urges", "UN", Date::Day(2025, 2, 3)}}}}}};

using Stance = std::tuple<std::string, bool, std::string, std::size_t>;

std::vector<Stance> Rows(const std::vector<StanceCount>& counts) {
  std::vector<Stance> rows;
  for (const StanceCount& c : counts)
    rows.emplace_back(c.period.ToString(), c.forward, c.relation_name, c.count);
  return rows;
}

TEST_CASE("stance counts a pair's edges per month, both ways", "[graph][analytics]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", States({"US", "Russia", "UN"}), kPair);
  const ActorId us = IdOf(*store, "US"), russia = IdOf(*store, "Russia");
  GraphView view = Load(*store);

  auto counts = StanceOverTime(*store, view, us, russia);
  REQUIRE(counts.ok());
  // Undated first, then the year-only edge, then each month; US -> Russia before Russia -> US.
  CHECK(Rows(*counts) == std::vector<Stance>{{"", true, "urges", 1},
                                             {"2025", false, "accuses", 1},
                                             {"2025-01", true, "accuses", 2},
                                             {"2025-01", false, "accuses", 1},
                                             {"2025-02", true, "urges", 1},
                                             {"2025-02", false, "rejects", 1}});
  CHECK((*counts)[2].period.precision == DatePrecision::kMonth);

  auto mirrored = StanceOverTime(*store, view, russia, us);
  REQUIRE(mirrored.ok());
  CHECK(Rows(*mirrored) == std::vector<Stance>{{"", false, "urges", 1},
                                               {"2025", true, "accuses", 1},
                                               {"2025-01", true, "accuses", 1},
                                               {"2025-01", false, "accuses", 2},
                                               {"2025-02", true, "rejects", 1},
                                               {"2025-02", false, "urges", 1}});

  EdgeFilter accusations;
  accusations.relation = 1;
  GraphView accusing = Load(*store, accusations);
  auto only = StanceOverTime(*store, accusing, us, russia);
  REQUIRE(only.ok());
  CHECK(Rows(*only) == std::vector<Stance>{{"2025", false, "accuses", 1},
                                           {"2025-01", true, "accuses", 2},
                                           {"2025-01", false, "accuses", 1}});

  auto none = StanceOverTime(*store, view, russia, IdOf(*store, "UN"));
  REQUIRE(none.ok());
  CHECK(none->empty());
}

}  // namespace
}  // namespace geokg::graph
