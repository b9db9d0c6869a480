// The RocksDB store: writing articles, reading them back, duplicates, locking, formats and edge
// scans.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "graph/keys.h"
#include "graph/store.h"
#include "graph/testing.h"

namespace geokg::graph {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system's temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("geokg-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
             "-" + std::to_string(std::random_device()()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string db() const { return (path_ / "db").string(); }

 private:
  fs::path path_;
};

std::unique_ptr<Store> OpenOrDie(const std::string& dir,
                                 Store::Options options = Store::Options()) {
  auto store = Store::Open(dir, options);
  INFO(store.status().ToString());
  REQUIRE(store.ok());
  return std::move(*store);
}

const Actor kUs{0, "US", ActorKind::kState, "USA", {"United States", "Washington"}};
const Actor kRussia{
    0, "Russia", ActorKind::kState, "RUS", {"Russian Federation", "Moscow", "Kremlin"}};
const Actor kUn{0, "UN", ActorKind::kOrganization, "", {"United Nations"}};
const Actor kIsk{
    0, "IS-K", ActorKind::kGroup, "", {"ISIS-K", "Islamic State Khorasan", "Al-Qa'ida ally"}};
const RelationType kAccuses{112, "accuses", "112", "ACCUSE"};
const RelationType kMeets{40, "meets", "040", "CONSULT"};
const RelationType kCondemns{122, "condemns", "122", "DISAPPROVE"};

EdgeDraft Draft(std::string source, const RelationType& relation, std::string target, Date date,
                std::uint32_t sentence = 0) {
  EdgeDraft d;
  d.source = std::move(source);
  d.relation = relation.name;
  d.target = std::move(target);
  d.date = date;
  d.evidence = {sentence, sentence * 100, sentence * 100 + 80, "", "rule." + relation.name};
  d.confidence = 0.5f + 0.1f * static_cast<float>(sentence % 5);
  return d;
}

ArticleBatch MakeBatch(std::string id, std::string text, std::vector<EdgeDraft> edges) {
  ArticleBatch b;
  b.article.id = id;
  b.article.url = "https://news.example/" + id;
  b.article.title = "Title of " + id;
  b.article.outlet = "Example News";
  b.article.published = Date::Day(2025, 2, 11);
  b.article.text = std::move(text);
  b.actors = {kUs, kRussia, kUn, kIsk};
  b.relations = {kAccuses, kMeets, kCondemns};
  b.edges = std::move(edges);
  return b;
}

std::vector<Edge> AllEdges(Store& store, const EdgeFilter& filter = EdgeFilter()) {
  std::vector<Edge> edges;
  Status s = store.ScanEdges(filter, [&](const Edge& e) {
    edges.push_back(e);
    return true;
  });
  INFO(s.ToString());
  REQUIRE(s.ok());
  return edges;
}

StoreStats StatsOf(Store& store) {
  auto stats = store.Stats();
  REQUIRE(stats.ok());
  return *stats;
}

// Adds an article that must be new.
void Add(Store& store, const ArticleBatch& batch) {
  auto outcome = store.AddArticle(batch);
  INFO(outcome.status().ToString());
  REQUIRE(outcome.ok());
  REQUIRE(outcome->added);
}

// Writes one key behind the store's back, to damage or age a closed database.
void PutRaw(const std::string& dir, const std::string& key, const std::string& value) {
  geokg::Status s = geokg::graph::testing::PutRawForTesting(dir, key, value);
  INFO(s.ToString());
  REQUIRE(s.ok());
}

ActorId IdOf(Store& store, const std::string& name) {
  auto actor = store.FindActor(name);
  REQUIRE(actor.ok());
  REQUIRE(actor->has_value());
  return (*actor)->id;
}

TEST_CASE("an article round-trips with its actors, relations and edges", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  ArticleBatch batch = MakeBatch("a1", "Russia accused the US. The UN condemned IS-K.",
                                 {Draft("Russia", kAccuses, "US", Date::Day(2025, 2, 10), 0),
                                  Draft("UN", kCondemns, "IS-K", Date::Month(2025, 2), 1)});
  batch.edges[0].evidence.speaker = "Vassily Nebenzia";
  batch.edges[0].implied = true;
  batch.edges[1].date_is_publication = true;
  batch.edges[1].inferred = true;

  auto added = store->AddArticle(batch);
  REQUIRE(added.ok());
  CHECK(added->added);
  CHECK(added->duplicate_of.empty());
  CHECK(added->edges_added == 2);
  CHECK(added->actors_added == 4);

  auto article = store->GetArticle("a1");
  REQUIRE(article.ok());
  REQUIRE(article->has_value());
  const Article& a = **article;
  CHECK(a.id == batch.article.id);
  CHECK(a.url == batch.article.url);
  CHECK(a.title == batch.article.title);
  CHECK(a.outlet == batch.article.outlet);
  CHECK(a.published == batch.article.published);
  CHECK(a.text == batch.article.text);
  CHECK(a.content_hash == ContentHash(batch.article.text));

  auto actors = store->Actors();
  REQUIRE(actors.ok());
  REQUIRE(actors->size() == batch.actors.size());
  for (std::size_t i = 0; i < batch.actors.size(); ++i) {
    CHECK((*actors)[i].id == i + 1);
    CHECK((*actors)[i].name == batch.actors[i].name);
    CHECK((*actors)[i].kind == batch.actors[i].kind);
    CHECK((*actors)[i].code == batch.actors[i].code);
    CHECK((*actors)[i].aliases == batch.actors[i].aliases);
    auto by_id = store->GetActor(i + 1);
    REQUIRE(by_id.ok());
    REQUIRE(by_id->has_value());
    CHECK((*by_id)->name == batch.actors[i].name);
  }
  auto missing = store->GetActor(99);
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());

  auto relations = store->Relations();
  REQUIRE(relations.ok());
  std::map<RelationId, std::string> stored_relations;
  for (const RelationType& r : *relations)
    stored_relations[r.id] = r.name + "/" + r.cameo + "/" + r.plover;
  for (const RelationType& r : batch.relations)
    CHECK(stored_relations[r.id] == r.name + "/" + r.cameo + "/" + r.plover);
  CHECK(std::is_sorted(relations->begin(), relations->end(),
                       [](const RelationType& x, const RelationType& y) { return x.id < y.id; }));

  std::vector<Edge> edges = AllEdges(*store);
  REQUIRE(edges.size() == batch.edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    const EdgeDraft& d = batch.edges[i];
    CHECK(e.id == ((EdgeId{1} << 16) | i));
    CHECK(e.source == IdOf(*store, d.source));
    CHECK(e.target == IdOf(*store, d.target));
    CHECK(stored_relations[e.relation].rfind(d.relation + "/", 0) == 0);
    CHECK(e.article_id == batch.article.id);
    CHECK(e.evidence.sentence == d.evidence.sentence);
    CHECK(e.evidence.begin == d.evidence.begin);
    CHECK(e.evidence.end == d.evidence.end);
    CHECK(e.evidence.speaker == d.evidence.speaker);
    CHECK(e.evidence.rule == d.evidence.rule);
    CHECK(e.date == d.date);
    CHECK(e.date_is_publication == d.date_is_publication);
    CHECK(e.confidence == d.confidence);
    CHECK(e.implied == d.implied);
    CHECK(e.inferred == d.inferred);
  }

  StoreStats stats = StatsOf(*store);
  CHECK(stats.articles == 1);
  CHECK(stats.actors == batch.actors.size());
  CHECK(stats.edges == batch.edges.size());
  CHECK(stats.relation_types == batch.relations.size());

  std::vector<std::string> scanned;
  Status s = store->ScanArticles([&](const Article& art) {
    scanned.push_back(art.id);
    return true;
  });
  REQUIRE(s.ok());
  CHECK(scanned == std::vector<std::string>{"a1"});
}

TEST_CASE("re-ingesting an article changes nothing", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  const std::string text = "Russia accused the US of escalation.\n\nThe UN met Russia.";
  ArticleBatch batch =
      MakeBatch("a1", text, {Draft("Russia", kAccuses, "US", Date::Day(2025, 2, 10))});
  Add(*store, batch);
  StoreStats before = StatsOf(*store);
  std::size_t edges_before = AllEdges(*store).size();

  ArticleBatch same_id = batch;
  same_id.article.text = "Entirely different text.";
  ArticleBatch same_text = batch;
  same_text.article.id = "a1-mirror";
  ArticleBatch respaced = batch;
  respaced.article.id = "a1-respaced";
  respaced.article.text = "  Russia accused the US of\tescalation. The UN   met Russia.\n";
  for (const ArticleBatch* again : {&batch, &same_id, &same_text, &respaced}) {
    INFO(again->article.id);
    auto outcome = store->AddArticle(*again);
    REQUIRE(outcome.ok());
    CHECK_FALSE(outcome->added);
    CHECK(outcome->duplicate_of == "a1");
    CHECK(outcome->edges_added == 0);
    CHECK(StatsOf(*store) == before);
  }
  CHECK(AllEdges(*store).size() == edges_before);
  auto mirror = store->GetArticle("a1-mirror");
  REQUIRE(mirror.ok());
  CHECK_FALSE(mirror->has_value());

  // Text that differs in more than white space is a new article, even under a colliding hash.
  ArticleBatch other = batch;
  other.article.id = "a2";
  other.article.text = text + " More.";
  other.article.content_hash = ContentHash(text);
  auto outcome = store->AddArticle(other);
  REQUIRE(outcome.ok());
  CHECK(outcome->added);
  CHECK(StatsOf(*store).articles == before.articles + 1);
}

TEST_CASE("reopening gives back the same graph and continues its numbering", "[graph][store]") {
  TempDir tmp;
  std::vector<Edge> edges;
  StoreStats stats;
  {
    auto store = OpenOrDie(tmp.db());
    Add(*store, MakeBatch("a1", "one", {Draft("US", kMeets, "UN", Date::Year(2024))}));
    Add(*store, MakeBatch("a2", "two", {Draft("IS-K", kAccuses, "US", Date())}));
    edges = AllEdges(*store);
    stats = StatsOf(*store);
  }
  auto store = OpenOrDie(tmp.db());
  CHECK(StatsOf(*store) == stats);
  std::vector<Edge> reopened = AllEdges(*store);
  REQUIRE(reopened.size() == edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    CHECK(reopened[i].id == edges[i].id);
    CHECK(reopened[i].source == edges[i].source);
    CHECK(reopened[i].target == edges[i].target);
    CHECK(reopened[i].date == edges[i].date);
  }
  CHECK(IdOf(*store, "united nations") == edges[0].target);

  ArticleBatch third = MakeBatch("a3", "three", {Draft("US", kMeets, "Chad", Date::Year(2025))});
  third.actors.push_back(Actor{0, "Chad", ActorKind::kState, "TCD", {}});
  auto outcome = store->AddArticle(third);
  REQUIRE(outcome.ok());
  CHECK(outcome->actors_added == 1);
  CHECK(IdOf(*store, "chad") == stats.actors + 1);
  EdgeFilter to_chad;
  to_chad.target = IdOf(*store, "Chad");
  std::vector<Edge> chad_edges = AllEdges(*store, to_chad);
  REQUIRE(chad_edges.size() == 1);
  CHECK(chad_edges[0].id >> 16 == stats.articles + 1);
}

TEST_CASE("concurrent writers and readers share one store", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  constexpr int kThreads = 4, kArticles = 8;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kArticles; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
        ArticleBatch batch = MakeBatch(
            id, "text " + id,
            {Draft("US", kMeets, id, Date::Year(2025)), Draft(id, kAccuses, "Russia", Date())});
        batch.actors.push_back(Actor{0, id, ActorKind::kOther, "", {}});
        auto outcome = store->AddArticle(batch);
        if (!outcome.ok() || !outcome->added) ++failures;
        if (!store->ScanEdges(EdgeFilter(), [](const Edge&) { return true; }).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(failures == 0);
  StoreStats stats = StatsOf(*store);
  CHECK(stats.articles == kThreads * kArticles);
  CHECK(stats.edges == 2 * kThreads * kArticles);
  CHECK(stats.actors == 4 + kThreads * kArticles);
  std::set<EdgeId> ids;
  for (const Edge& e : AllEdges(*store)) ids.insert(e.id);
  CHECK(ids.size() == stats.edges);
}

TEST_CASE("a second writer is refused with Locked", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  auto second = Store::Open(tmp.db());
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().IsLocked());
  CHECK_THAT(second.status().message(), Catch::Contains("locked by another process"));
  CHECK_THAT(second.status().message(), Catch::Contains(tmp.db()));

  // Another process, trying while this one holds the database. The child only opens and exits.
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto other = Store::Open(tmp.db());
    ::_exit(other.ok() ? 1 : other.status().IsLocked() ? 0 : 2);
  }
  int wstatus = 0;
  pid_t done = 0;
  for (int waited_ms = 0; waited_ms < 30000 && done == 0; waited_ms += 10) {
    done = ::waitpid(child, &wstatus, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done == 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, &wstatus, 0);
  }
  REQUIRE(done == child);
  REQUIRE(WIFEXITED(wstatus));
  CHECK(WEXITSTATUS(wstatus) == 0);

  // Once released, the database opens again.
  store.reset();
  CHECK(Store::Open(tmp.db()).ok());
}

TEST_CASE("a read-only open works beside the writer", "[graph][store]") {
  TempDir tmp;
  auto writer = OpenOrDie(tmp.db());
  Add(*writer, MakeBatch("a1", "one", {Draft("US", kMeets, "UN", Date::Year(2024))}));

  Store::Options read_only;
  read_only.read_only = true;
  auto reader = OpenOrDie(tmp.db(), read_only);
  CHECK(StatsOf(*reader) == StatsOf(*writer));
  CHECK(AllEdges(*reader).size() == 1);
  auto refused = reader->AddArticle(MakeBatch("a2", "two", {}));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().IsInvalidArgument());
  CHECK_THAT(refused.status().message(), Catch::Contains("opened read-only"));

  // The writer goes on; the reader keeps the graph it opened.
  Add(*writer, MakeBatch("a2", "two", {Draft("US", kAccuses, "Russia", Date::Year(2025))}));
  CHECK(AllEdges(*writer).size() == 2);
  CHECK(AllEdges(*reader).size() == 1);

  auto absent = Store::Open((fs::path(tmp.db()) / "nothing").string(), read_only);
  REQUIRE_FALSE(absent.ok());
  CHECK(absent.status().IsNotFound());
}

TEST_CASE("a database of a newer format is refused", "[graph][store]") {
  TempDir tmp;
  { OpenOrDie(tmp.db()); }
  PutRaw(tmp.db(), keys::MetaKey(keys::kMetaFormatVersion),
         keys::EncodeU32(keys::kFormatVersion + 1));
  auto store = Store::Open(tmp.db());
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == Status::Code::kCorruption);
  CHECK_THAT(
      store.status().message(),
      Catch::Contains("database format version " + std::to_string(keys::kFormatVersion + 1) +
                      " is newer than this geokg (" + std::to_string(keys::kFormatVersion) + ")"));
}

TEST_CASE("an older format is read as it is and upgraded by a writer", "[graph][store]") {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.db());
    Add(*store, MakeBatch("a1", "one", {Draft("US", kMeets, "UN", Date::Year(2024))}));
  }
  PutRaw(tmp.db(), keys::MetaKey(keys::kMetaFormatVersion), keys::EncodeU32(1));
  auto stamped = [&] {
    std::string bytes;
    REQUIRE(geokg::graph::testing::GetRawForTesting(tmp.db(),
                                                    keys::MetaKey(keys::kMetaFormatVersion), &bytes)
                .ok());
    auto number = keys::DecodeU32(bytes);
    REQUIRE(number.ok());
    return *number;
  };
  Store::Options read_only;
  read_only.read_only = true;
  {
    auto reader = OpenOrDie(tmp.db(), read_only);
    CHECK(AllEdges(*reader).size() == 1);
  }
  CHECK(stamped() == 1);
  {
    auto writer = OpenOrDie(tmp.db());
    CHECK(AllEdges(*writer).size() == 1);
  }
  CHECK(stamped() == keys::kFormatVersion);
}

TEST_CASE("damaged stored bytes are reported as Corruption", "[graph][store]") {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.db());
    Add(*store, MakeBatch("a1", "one", {Draft("US", kMeets, "UN", Date::Year(2024))}));
  }
  PutRaw(tmp.db(), keys::ActorKey(1), "\x01garbage");
  auto store = OpenOrDie(tmp.db());
  auto actors = store->Actors();
  REQUIRE_FALSE(actors.ok());
  CHECK(actors.status().code() == Status::Code::kCorruption);
  auto us = store->FindActor("us");
  REQUIRE_FALSE(us.ok());
  CHECK(us.status().code() == Status::Code::kCorruption);
}

TEST_CASE("ScanEdges filters by source, target, relation and dates", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  Add(*store, MakeBatch("a1", "one",
                        {Draft("Russia", kAccuses, "US", Date::Day(2025, 1, 5)),
                         Draft("US", kAccuses, "Russia", Date::Day(2025, 1, 20)),
                         Draft("US", kMeets, "UN", Date::Month(2025, 2)),
                         Draft("UN", kCondemns, "IS-K", Date())}));
  Add(*store, MakeBatch("a2", "two",
                        {Draft("US", kAccuses, "Russia", Date::Day(2025, 3, 1)),
                         Draft("Russia", kMeets, "UN", Date::Year(2025)),
                         Draft("US", kCondemns, "IS-K", Date::Day(2024, 12, 31)),
                         Draft("Russia", kAccuses, "US", Date::Day(2025, 2, 14))}));
  const std::vector<Edge> all = AllEdges(*store);
  REQUIRE(all.size() == 8);
  const ActorId us = IdOf(*store, "US"), russia = IdOf(*store, "Russia"), un = IdOf(*store, "UN");

  auto expect = [&](const EdgeFilter& f, auto&& predicate) {
    std::set<EdgeId> expected, got;
    for (const Edge& e : all)
      if (predicate(e)) expected.insert(e.id);
    for (const Edge& e : AllEdges(*store, f)) CHECK(got.insert(e.id).second);
    CHECK_FALSE(expected.empty());
    CHECK(got == expected);
  };
  auto in_range = [](const Edge& e, std::uint32_t lo, std::uint32_t hi) {
    return e.date.known() && e.date.Packed() >= lo && e.date.Packed() <= hi;
  };

  EdgeFilter f;
  f.source = us;
  expect(f, [&](const Edge& e) { return e.source == us; });
  f.relation = kAccuses.id;
  expect(f, [&](const Edge& e) { return e.source == us && e.relation == kAccuses.id; });
  f.target = russia;
  f.from = Date::Day(2025, 2, 1);
  expect(f, [&](const Edge& e) {
    return e.source == us && e.target == russia && e.relation == kAccuses.id &&
           e.date.Packed() >= 20250201;
  });

  f = EdgeFilter();
  f.target = un;
  expect(f, [&](const Edge& e) { return e.target == un; });
  f.relation = kMeets.id;
  f.to = Date::Day(2025, 1, 31);
  // "2025" sorts before every day of it, so the year-precise meeting is within "to 2025-01-31".
  expect(f, [&](const Edge& e) {
    return e.target == un && e.relation == kMeets.id && in_range(e, 1, 20250131);
  });

  f = EdgeFilter();
  f.from = Date::Day(2025, 1, 1);
  f.to = Date::Month(2025, 2);  // the whole of February
  expect(f, [&](const Edge& e) { return in_range(e, 20250101, 20250299); });
  std::vector<Edge> by_time = AllEdges(*store, f);
  CHECK(std::is_sorted(by_time.begin(), by_time.end(), [](const Edge& x, const Edge& y) {
    return x.date.Packed() < y.date.Packed();
  }));
  f.relation = kAccuses.id;
  expect(f, [&](const Edge& e) {
    return e.relation == kAccuses.id && in_range(e, 20250101, 20250299);
  });

  f = EdgeFilter();
  f.to = Date::Year(2024);
  expect(f, [&](const Edge& e) {
    return in_range(e, 1, 20249999);
  });  // undated edges never match a bound

  f = EdgeFilter();
  f.relation = kCondemns.id;
  expect(f, [&](const Edge& e) { return e.relation == kCondemns.id; });

  // A visitor may stop the scan.
  int visited = 0;
  REQUIRE(store->ScanEdges(EdgeFilter(), [&](const Edge&) { return ++visited < 3; }).ok());
  CHECK(visited == 3);
}

TEST_CASE("FindActor matches names and aliases ignoring case and spacing", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  Add(*store, MakeBatch("a1", "one", {}));
  for (const Actor& actor : {kUs, kRussia, kUn, kIsk}) {
    std::vector<std::string> names = actor.aliases;
    names.push_back(actor.name);
    for (std::string name : names) {
      for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      name = "  " + name + " ";
      INFO(name);
      auto found = store->FindActor(name);
      REQUIRE(found.ok());
      REQUIRE(found->has_value());
      CHECK((*found)->name == actor.name);
    }
  }
  auto curly = store->FindActor("al-qa\xE2\x80\x99ida  ALLY");
  REQUIRE(curly.ok());
  REQUIRE(curly->has_value());
  CHECK((*curly)->name == kIsk.name);
  auto by_code = store->FindActor("usa");
  REQUIRE(by_code.ok());
  REQUIRE(by_code->has_value());
  CHECK((*by_code)->name == kUs.name);
  for (const char* unknown : {"united", "rus sia", "", "   "}) {
    auto none = store->FindActor(unknown);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
  }

  // A stored actor arriving with a new alias takes it on, without becoming a new actor.
  ArticleBatch later = MakeBatch("a2", "two", {});
  later.actors = {Actor{0, "US", ActorKind::kState, "USA", {"America", "united states"}}};
  auto outcome = store->AddArticle(later);
  REQUIRE(outcome.ok());
  CHECK(outcome->actors_added == 0);
  auto america = store->FindActor("AMERICA");
  REQUIRE(america.ok());
  REQUIRE(america->has_value());
  CHECK((*america)->name == "US");
  std::vector<std::string> expected_aliases = kUs.aliases;
  expected_aliases.push_back("America");
  CHECK((*america)->aliases == expected_aliases);
  CHECK(StatsOf(*store).actors == 4);
}

TEST_CASE("an edge naming an unknown actor or relation writes nothing", "[graph][store]") {
  TempDir tmp;
  auto store = OpenOrDie(tmp.db());
  Add(*store, MakeBatch("a1", "one", {Draft("US", kMeets, "UN", Date::Year(2024))}));
  StoreStats before = StatsOf(*store);

  ArticleBatch unknown_actor = MakeBatch("a2", "two",
                                         {Draft("US", kMeets, "Chad", Date::Year(2025)),
                                          Draft("Mali", kMeets, "Niger", Date::Year(2025))});
  unknown_actor.actors.push_back(Actor{0, "Chad", ActorKind::kState, "TCD", {}});
  unknown_actor.relations.push_back(RelationType{200, "threatens", "138", "THREATEN"});
  auto failed = store->AddArticle(unknown_actor);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().IsInvalidArgument());
  CHECK_THAT(failed.status().message(), Catch::Contains("\"Mali\""));
  CHECK_THAT(failed.status().message(), Catch::Contains("a2"));

  ArticleBatch unknown_relation =
      MakeBatch("a3", "three", {Draft("US", kMeets, "UN", Date::Year(2025))});
  unknown_relation.edges[0].relation = "sanctions";
  failed = store->AddArticle(unknown_relation);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().IsInvalidArgument());
  CHECK_THAT(failed.status().message(), Catch::Contains("\"sanctions\""));

  CHECK(StatsOf(*store) == before);
  for (const char* id : {"a2", "a3"}) {
    auto article = store->GetArticle(id);
    REQUIRE(article.ok());
    CHECK_FALSE(article->has_value());
  }
  auto chad = store->FindActor("Chad");
  REQUIRE(chad.ok());
  CHECK_FALSE(chad->has_value());

  // Actors and relations stored by earlier articles need not be repeated.
  ArticleBatch bare = MakeBatch("a4", "four", {Draft("US", kMeets, "UN", Date::Year(2025))});
  bare.actors.clear();
  bare.relations.clear();
  auto outcome = store->AddArticle(bare);
  REQUIRE(outcome.ok());
  CHECK(outcome->added);
  CHECK(StatsOf(*store).edges == before.edges + 1);
}

}  // namespace
}  // namespace geokg::graph
