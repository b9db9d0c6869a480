// The writer's memory of stored actors, relation types and texts (RocksDbStore::WriterCache): what
// one article teaches it reaches the next articles and the next open, and a failed article teaches
// it nothing. Also: read-only opens leave no directory behind.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "graph/store.h"
#include "tests/graph_fixture.h"

namespace geokg::graph {
namespace {

namespace fs = std::filesystem;
using fixture::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& dir, bool read_only = false) {
  Store::Options options;
  options.read_only = read_only;
  auto store = Store::Open(dir, options);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(*store);
}

const RelationType kAccuses{112, "accuses", "112", "ACCUSE"};

ArticleBatch Batch(const std::string& id, std::vector<Actor> actors,
                   std::vector<RelationType> relations, std::vector<EdgeDraft> edges) {
  ArticleBatch b;
  b.article.id = id;
  b.article.text = "Text of " + id + ".";
  b.actors = std::move(actors);
  b.relations = std::move(relations);
  b.edges = std::move(edges);
  return b;
}

EdgeDraft Draft(const std::string& source, const std::string& relation, const std::string& target) {
  EdgeDraft d;
  d.source = source;
  d.relation = relation;
  d.target = target;
  d.confidence = 0.5f;
  return d;
}

Actor Named(const std::string& name, std::vector<std::string> aliases, std::string code = "",
            ActorKind kind = ActorKind::kState) {
  return Actor{0, name, kind, std::move(code), std::move(aliases)};
}

void Add(Store& store, const ArticleBatch& batch) {
  auto outcome = store.AddArticle(batch);
  INFO(outcome.status().ToString());
  REQUIRE(outcome.ok());
  REQUIRE(outcome->added);
}

Actor Find(Store& store, const std::string& name) {
  auto actor = store.FindActor(name);
  REQUIRE(actor.ok());
  REQUIRE(actor->has_value());
  return **actor;
}

}  // namespace

TEST_CASE("a failed article teaches the writer nothing", "[graph][cache]") {
  TempDir tmp;
  auto store = OpenOrDie((tmp / "db"));
  Add(*store, Batch("a1", {Named("Iran", {"Tehran"})}, {kAccuses}, {}));

  // A new actor and a new relation type, then an edge naming a type nobody defines.
  auto failed =
      store->AddArticle(Batch("a2", {Named("Atlantis", {"Poseidonis"})}, {{7, "sinks", "", ""}},
                              {Draft("Atlantis", "floods", "Iran")}));
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().IsInvalidArgument());

  // The edge names Atlantis, which must now be unknown rather than half-remembered.
  auto unknown = store->AddArticle(Batch("a3", {}, {}, {Draft("Atlantis", "accuses", "Iran")}));
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().find(
            "\"Atlantis\", which is neither in the article nor stored") != std::string::npos);
  auto relations = store->Relations();
  REQUIRE(relations.ok());
  REQUIRE(relations->size() == 1);
  CHECK((*relations)[0].name == "accuses");

  // Stored properly, Atlantis takes the next id.
  Add(*store,
      Batch("a4", {Named("Atlantis", {"Poseidonis"})}, {}, {Draft("Atlantis", "accuses", "Iran")}));
  const Actor atlantis = Find(*store, "poseidonis");
  CHECK(atlantis.id == 2);
  CHECK(atlantis.name == "Atlantis");
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->actors == 2);
  CHECK(stats->edges == 1);
}

TEST_CASE("what one article teaches the writer reaches later articles and later opens",
          "[graph][cache]") {
  TempDir tmp;
  {
    auto store = OpenOrDie((tmp / "db"));
    Add(*store, Batch("a1", {Named("US", {"America"}, "", ActorKind::kOther)}, {kAccuses}, {}));
    // More aliases, a code and a kind for the same actor.
    Add(*store, Batch("a2", {Named("US", {"America", "United States"}, "USA")}, {}, {}));
    // An edge between stored actors needs no actor in its batch.
    Add(*store, Batch("a3", {Named("Iran", {})}, {}, {Draft("US", "accuses", "Iran")}));
    const Actor us = Find(*store, "united states");
    CHECK(us.aliases == std::vector<std::string>{"America", "United States"});
    CHECK(us.code == "USA");
    CHECK(us.kind == ActorKind::kState);
    // The lexicon recoded a relation type: the new definition is stored.
    Add(*store,
        Batch("a4", {}, {{112, "accuses", "111", "ACCUSE"}}, {Draft("Iran", "accuses", "US")}));
  }
  auto store = OpenOrDie((tmp / "db"));
  Add(*store,
      Batch("a5", {Named("US", {"USA", "Washington"})}, {}, {Draft("US", "accuses", "Iran")}));
  const Actor us = Find(*store, "washington");
  CHECK(us.id == 1);
  CHECK(us.aliases == std::vector<std::string>{"America", "United States", "Washington"});
  // The texts stored before the open are known too: a1's text under another id is a duplicate.
  ArticleBatch copy = Batch("a6", {}, {}, {});
  copy.article.text = "Text of a1.";
  auto duplicate = store->AddArticle(copy);
  REQUIRE(duplicate.ok());
  CHECK_FALSE(duplicate->added);
  CHECK(duplicate->duplicate_of == "a1");
  auto relations = store->Relations();
  REQUIRE(relations.ok());
  REQUIRE(relations->size() == 1);
  CHECK((*relations)[0].cameo == "111");
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->actors == 2);
  CHECK(stats->edges == 3);
}

TEST_CASE("read-only opens leave no directory behind", "[graph][cache]") {
  TempDir tmp;
  { Add(*OpenOrDie((tmp / "db")), Batch("a1", {Named("Iran", {})}, {kAccuses}, {})); }
  // A temp directory of this test's own, so that other tests' readers do not count.
  const fs::path temp = fs::path((tmp / "db")).parent_path() / "tmp";
  fs::create_directories(temp);
  const char* old_tmpdir = std::getenv("TMPDIR");
  const std::string saved = old_tmpdir != nullptr ? old_tmpdir : "";
  ::setenv("TMPDIR", temp.c_str(), 1);
  auto entries = [&] {
    return std::distance(fs::directory_iterator(temp), fs::directory_iterator());
  };
  {
    auto reader = OpenOrDie((tmp / "db"), /*read_only=*/true);
    CHECK(entries() == 1);
    auto stats = reader->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->articles == 1);
  }
  CHECK(entries() == 0);
  if (old_tmpdir != nullptr) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

}  // namespace geokg::graph
