// The store reads the query engine expands through: Store::ScanEdgeRefs (index keys only, date
// ranges pushed into key ranges, and on a read-only store the entries kept between scans),
// Store::GetEdge, Store::Compact, and relationships read from the index coming out of a query
// complete.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graph/store.h"
#include "query/engine.h"
#include "tests/query_fixture.h"

namespace {

using geokg::graph::ActorId;
using geokg::graph::Date;
using geokg::graph::Edge;
using geokg::graph::EdgeFilter;
using geokg::graph::EdgeRef;
using geokg::graph::RelationId;
using geokg::graph::Store;

std::vector<Edge> AllEdges(Store* store) {
  std::vector<Edge> edges;
  REQUIRE(store
              ->ScanEdges({},
                          [&](const Edge& e) {
                            edges.push_back(e);
                            return true;
                          })
              .ok());
  return edges;
}

// What the filter keeps, worked out edge by edge as store.h defines it.
bool Matches(const EdgeFilter& f, const Edge& e) {
  if (f.source && e.source != *f.source) return false;
  if (f.target && e.target != *f.target) return false;
  if (f.relation && e.relation != *f.relation) return false;
  if (!f.from && !f.to) return true;
  if (!e.date.known()) return false;
  if (f.from && e.date.Packed() < f.from->Packed()) return false;
  if (f.to) {
    std::uint32_t hi =
        f.to->Packed() + (f.to->precision == geokg::graph::DatePrecision::kYear    ? 9999
                          : f.to->precision == geokg::graph::DatePrecision::kMonth ? 99
                                                                                   : 0);
    if (e.date.Packed() > hi) return false;
  }
  return true;
}

std::vector<EdgeRef> Refs(Store* store, const EdgeFilter& f) {
  std::vector<EdgeRef> refs;
  REQUIRE(store
              ->ScanEdgeRefs(f,
                             [&](const EdgeRef& r) {
                               refs.push_back(r);
                               return true;
                             })
              .ok());
  return refs;
}

std::vector<EdgeFilter> Filters(const std::vector<Edge>& edges) {
  std::vector<ActorId> actors;
  std::vector<RelationId> relations;
  for (const Edge& e : edges) {
    actors.push_back(e.source);
    actors.push_back(e.target);
    relations.push_back(e.relation);
  }
  std::sort(actors.begin(), actors.end());
  actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
  std::sort(relations.begin(), relations.end());
  relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
  const std::vector<std::pair<std::optional<Date>, std::optional<Date>>> ranges = {
      {std::nullopt, std::nullopt},
      {Date::Day(2025, 2, 1), Date::Day(2025, 3, 20)},
      {Date::Month(2025, 3), Date::Month(2025, 3)},
      {Date::Day(2025, 3, 15), std::nullopt},
      {std::nullopt, Date::Day(2025, 2, 3)},
      {Date::Year(2025), Date::Year(2025)},
      {Date::Day(2026, 1, 1), std::nullopt}};
  std::vector<EdgeFilter> filters;
  for (ActorId a : actors) {
    for (int side = 0; side < 3; ++side) {
      std::vector<std::optional<RelationId>> types = {std::nullopt};
      types.insert(types.end(), relations.begin(), relations.end());
      for (const auto& type : types) {
        for (const auto& [from, to] : ranges) {
          EdgeFilter f;
          if (side == 0) f.source = a;
          if (side == 1) f.target = a;
          if (side == 2) {
            f.source = a;
            f.target = actors[(std::find(actors.begin(), actors.end(), a) - actors.begin() + 1) %
                              actors.size()];
          }
          f.relation = type;
          f.from = from;
          f.to = to;
          filters.push_back(f);
        }
      }
    }
  }
  return filters;
}

void CheckScans(Store* store, const std::vector<Edge>& edges) {
  for (const EdgeFilter& f : Filters(edges)) {
    INFO("source " << f.source.value_or(0) << " target " << f.target.value_or(0) << " relation "
                   << f.relation.value_or(0) << " from " << (f.from ? f.from->ToString() : "-")
                   << " to " << (f.to ? f.to->ToString() : "-"));
    std::vector<Edge> full;
    REQUIRE(store
                ->ScanEdges(f,
                            [&](const Edge& e) {
                              full.push_back(e);
                              return true;
                            })
                .ok());
    std::vector<EdgeRef> refs = Refs(store, f);
    // The same edges in the same order as ScanEdges gives, with the fields of their records.
    REQUIRE(refs.size() == full.size());
    for (std::size_t i = 0; i < refs.size(); ++i) {
      CHECK(refs[i].id == full[i].id);
      CHECK(refs[i].source == full[i].source);
      CHECK(refs[i].target == full[i].target);
      CHECK(refs[i].relation == full[i].relation);
      CHECK(Date::FromPacked(refs[i].date) == full[i].date);
    }
    // ... and exactly those the filter keeps.
    std::vector<geokg::graph::EdgeId> want, got;
    for (const Edge& e : edges)
      if (Matches(f, e)) want.push_back(e.id);
    for (const EdgeRef& r : refs) got.push_back(r.id);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    CHECK(got == want);
  }
}

}  // namespace

TEST_CASE("ScanEdgeRefs gives what ScanEdges gives, from index keys alone", "[query][store]") {
  geokg::testing::QueryFixture fixture;
  const std::vector<Edge> edges = AllEdges(fixture.store());
  REQUIRE(edges.size() >= 19);
  CheckScans(fixture.store(), edges);

  // A read-only store keeps the entries it scanned; the second pass reads them from there.
  Store::Options read_only;
  read_only.read_only = true;
  auto reader = Store::Open(fixture.dir().string(), read_only);
  REQUIRE(reader.ok());
  CheckScans(reader->get(), edges);
  CheckScans(reader->get(), edges);

  // A visitor that returns false stops the scan, cached or not.
  EdgeFilter from_iran;
  from_iran.source = edges.front().source;
  for (Store* store : {fixture.store(), reader->get()}) {
    int seen = 0;
    REQUIRE(store->ScanEdgeRefs(from_iran, [&](const EdgeRef&) { return ++seen < 1; }).ok());
    CHECK(seen == 1);
  }
}

TEST_CASE("GetEdge reads one edge by id", "[query][store]") {
  geokg::testing::QueryFixture fixture;
  for (const Edge& e : AllEdges(fixture.store())) {
    auto got = fixture.store()->GetEdge(e.id);
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    CHECK((*got)->article_id == e.article_id);
    CHECK((*got)->evidence.speaker == e.evidence.speaker);
    CHECK((*got)->evidence.sentence == e.evidence.sentence);
    CHECK((*got)->confidence == e.confidence);
  }
  auto missing = fixture.store()->GetEdge(0xFFFFFFFFFFFFull);
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
}

TEST_CASE("Compact keeps every edge and is refused on a read-only store", "[query][store]") {
  geokg::testing::QueryFixture fixture;
  const std::vector<Edge> before = AllEdges(fixture.store());
  auto stats = fixture.store()->Stats();
  REQUIRE(stats.ok());
  REQUIRE(fixture.store()->Compact().ok());
  const std::vector<Edge> after = AllEdges(fixture.store());
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].id == before[i].id);
    CHECK(after[i].evidence.speaker == before[i].evidence.speaker);
  }
  auto compacted = fixture.store()->Stats();
  REQUIRE(compacted.ok());
  CHECK(*compacted == *stats);
  CheckScans(fixture.store(), after);

  Store::Options read_only;
  read_only.read_only = true;
  auto reader = Store::Open(fixture.dir().string(), read_only);
  REQUIRE(reader.ok());
  geokg::Status refused = (*reader)->Compact();
  CHECK(refused.IsInvalidArgument());
}

TEST_CASE("relationships found through the index come out of a query with every property",
          "[query][store]") {
  geokg::testing::QueryFixture fixture;
  Store::Options read_only;
  read_only.read_only = true;
  auto reader = Store::Open(fixture.dir().string(), read_only);
  REQUIRE(reader.ok());
  for (Store* store : {fixture.store(), reader->get()}) {
    geokg::query::Engine engine(store);
    auto result = engine.Run(
        "MATCH (a:Actor {name: 'Iran'})-[r:ACCUSES]->(b:Actor {name: 'Israel'}) "
        "RETURN r, [r], {r: r}, r.speaker, r.article ORDER BY r.date");
    REQUIRE(result.ok());
    REQUIRE(result->rows.size() == 2);
    const auto& first = result->rows[0];
    CHECK(first[0].ToJson().find(R"("article":"a1")") != std::string::npos);
    CHECK(first[1].ToJson().find(R"("article":"a1")") != std::string::npos);
    CHECK(first[2].ToJson().find(R"("article":"a1")") != std::string::npos);
    CHECK(first[3].ToString() == "Esmaeil Baghaei");
    CHECK(first[4].ToString() == "a1");
    CHECK(result->rows[1][0].ToJson().find(R"("article":"a5")") != std::string::npos);

    auto path = engine.Run(
        "MATCH p = shortestPath((a:Actor {name: 'Iran'})-[*]-(b:Actor {name: 'Hamas'})) RETURN p");
    REQUIRE(path.ok());
    REQUIRE(path->rows.size() == 1);
    CHECK(path->rows[0][0].ToJson().find(R"("article":"a)") != std::string::npos);
  }
}
