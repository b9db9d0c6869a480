// Tests of the limits on a Cypher query (query length, time, rows) and of Engine::Describe.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "query/engine.h"
#include "tests/query_fixture.h"

namespace {

using geokg::query::Engine;
using geokg::query::QueryLimits;
using namespace std::chrono_literals;

QueryLimits None() {
  QueryLimits limits;
  limits.max_query_bytes = 0;
  limits.timeout = 0ms;
  limits.max_rows = 0;
  return limits;
}

TEST_CASE("a query longer than the limit fails before it is parsed", "[query][limits]") {
  geokg::testing::QueryFixture fixture;
  Engine engine(fixture.store());
  QueryLimits limits = None();
  limits.max_query_bytes = 20;
  std::string text = "MATCH (a) RETURN count(a)";  // 25 bytes
  auto result = engine.Run(text, limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == geokg::Status::Code::kLimitExceeded);
  CHECK(result.status().message() ==
        "the query is 25 bytes long, over the limit of 20 (--max-query-length)");
  limits.max_query_bytes = 25;
  auto fits = engine.Run(text, limits);
  REQUIRE(fits.ok());
  CHECK(fits->rows[0][0].AsInt() == 17);
}

TEST_CASE("a query that runs past its time limit stops with LimitExceeded", "[query][limits]") {
  geokg::testing::QueryFixture fixture;
  Engine engine(fixture.store());
  QueryLimits limits = None();
  limits.timeout = 50ms;
  // 10^12 rows: it could never finish, so only the deadline ends it.
  auto start = std::chrono::steady_clock::now();
  auto result = engine.Run(
      "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)", limits);
  auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == geokg::Status::Code::kLimitExceeded);
  CHECK(result.status().message() == "query ran longer than 50 ms (--timeout)");
  CHECK(took < 5s);

  SECTION("variable-length expansion is interrupted too") {
    auto paths =
        engine.Run("MATCH p = (a)-[*0..10]-(b) MATCH q = (c)-[*0..10]-(d) RETURN count(*)", limits);
    REQUIRE_FALSE(paths.ok());
    CHECK(paths.status().code() == geokg::Status::Code::kLimitExceeded);
  }
  SECTION("whole seconds are named in seconds") {
    limits.timeout = 1s;
    auto slow = engine.Run(
        "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)", limits);
    REQUIRE_FALSE(slow.ok());
    CHECK(slow.status().message() == "query ran longer than 1 s (--timeout)");
  }
}

TEST_CASE("a result over the row limit fails; one at the limit does not", "[query][limits]") {
  geokg::testing::QueryFixture fixture;
  Engine engine(fixture.store());
  QueryLimits limits = None();
  limits.max_rows = 12;
  auto actors = engine.Run("MATCH (a:Actor) RETURN a.name", limits);
  REQUIRE(actors.ok());
  CHECK(actors->rows.size() == 12);
  auto nodes = engine.Run("MATCH (n) RETURN n", limits);
  REQUIRE_FALSE(nodes.ok());
  CHECK(nodes.status().code() == geokg::Status::Code::kLimitExceeded);
  CHECK(nodes.status().message() ==
        "the query returned more than 12 rows (--max-rows); add LIMIT or raise --max-rows");
  auto limited = engine.Run("MATCH (n) RETURN n LIMIT 12", limits);
  CHECK(limited.ok());
}

TEST_CASE("the default limits let ordinary queries through", "[query][limits]") {
  geokg::testing::QueryFixture fixture;
  Engine engine(fixture.store());
  auto result = engine.Run("MATCH (a)-[r]->(b) RETURN count(*)");
  REQUIRE(result.ok());
  CHECK(result->rows[0][0].AsInt() == 19);
  QueryLimits defaults;
  CHECK(defaults.max_query_bytes == 100000);
  CHECK(defaults.timeout == 30s);
  CHECK(defaults.max_rows == 1000000);
}

TEST_CASE("Describe lists labels and relation types with their counts", "[query][schema]") {
  geokg::testing::QueryFixture fixture;
  Engine engine(fixture.store());
  auto schema = engine.Describe();
  REQUIRE(schema.ok());
  std::string labels;
  for (const auto& l : schema->labels) labels += l.name + "=" + std::to_string(l.count) + " ";
  CHECK(labels == "Actor=12 State=5 Organization=3 Group=3 Article=5 ");
  std::string types;
  for (const auto& t : schema->relation_types)
    types += t.name + "=" + std::to_string(t.count) + " ";
  CHECK(types ==
        "ACCUSES=5 SUPPORTS=3 BLAMES=2 CALLS_FOR=2 CONDEMNS=2 MEETS=2 WARNS=2 THREATENS=1 ");
  CHECK(schema->article_properties ==
        std::vector<std::string>{"id", "title", "url", "outlet", "date"});
  CHECK(schema->actor_properties.front() == "name");
  CHECK(schema->relationship_properties.front() == "date");
}

}  // namespace
