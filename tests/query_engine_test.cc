// Tests of query::Engine over a store filled with hand-made batches.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <unistd.h>

#include "graph/store.h"
#include "query/engine.h"

namespace {

using geokg::graph::Actor;
using geokg::graph::ActorKind;
using geokg::graph::ArticleBatch;
using geokg::graph::Date;
using geokg::graph::EdgeDraft;

class StoreFixture {
 public:
  StoreFixture() {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("geokg-query-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir_);
    auto store = geokg::graph::Store::Open(dir_.string());
    REQUIRE(store.ok());
    store_ = std::move(*store);
  }
  ~StoreFixture() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Adds an article whose sentences are `lines`; edge i comes from sentence i.
  void Add(const std::string& id, Date published, const std::vector<std::string>& lines,
           const std::vector<EdgeDraft>& edges) {
    ArticleBatch batch;
    batch.article.id = id;
    batch.article.title = "Title of " + id;
    batch.article.published = published;
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    std::uint32_t base = static_cast<std::uint32_t>(batch.article.title.size() + 2);
    for (const auto& line : lines) {
      spans.emplace_back(base + text.size(), base + text.size() + line.size());
      text += line + " ";
    }
    batch.article.text = text;
    batch.actors = {Actor{0, "Iran", ActorKind::kState, "IRN", {"Tehran"}},
                    Actor{0, "Israel", ActorKind::kState, "ISR", {}},
                    Actor{0, "US", ActorKind::kState, "USA", {"United States"}}};
    batch.relations = {{1, "accuses", "112", "ACCUSE"}, {4, "warns", "130", "THREATEN"}};
    for (std::size_t i = 0; i < edges.size(); ++i) {
      EdgeDraft e = edges[i];
      e.evidence.sentence = static_cast<std::uint32_t>(i + 1);
      e.evidence.begin = spans[i].first;
      e.evidence.end = spans[i].second;
      batch.edges.push_back(e);
    }
    auto outcome = store_->AddArticle(batch);
    REQUIRE(outcome.ok());
    REQUIRE(outcome->added);
  }

  geokg::graph::Store* store() { return store_.get(); }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<geokg::graph::Store> store_;
};

EdgeDraft Draft(const char* s, const char* r, const char* t, Date date) {
  EdgeDraft e;
  e.source = s;
  e.relation = r;
  e.target = t;
  e.date = date;
  e.confidence = 0.9f;
  return e;
}

}  // namespace

TEST_CASE("relationships aggregate edges per source, relation and target", "[query]") {
  StoreFixture f;
  f.Add("a1", Date::Day(2025, 3, 1), {"Iran accused Israel.", "Israel warned Iran."},
        {Draft("Iran", "accuses", "Israel", Date::Day(2025, 3, 1)),
         Draft("Israel", "warns", "Iran", Date::Day(2025, 3, 1))});
  f.Add("a2", Date::Day(2025, 1, 5), {"Iran accused Israel again."},
        {Draft("Iran", "accuses", "Israel", Date::Month(2024, 12))});
  geokg::query::Engine engine(f.store());

  auto rows = engine.Relationships({});
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  const auto& top = rows->front();
  CHECK(top.source == "Iran");
  CHECK(top.relation == "accuses");
  CHECK(top.target == "Israel");
  CHECK(top.count == 2);
  CHECK(top.first == Date::Month(2024, 12));
  CHECK(top.last == Date::Day(2025, 3, 1));

  geokg::query::EdgeQuery by_alias;
  by_alias.source = "tehran";
  auto from_iran = engine.Relationships(by_alias);
  REQUIRE(from_iran.ok());
  REQUIRE(from_iran->size() == 1);
  CHECK(from_iran->front().source == "Iran");
}

TEST_CASE("timeline orders by date, unknown dates last, and carries the evidence", "[query]") {
  StoreFixture f;
  f.Add("late", Date::Day(2025, 3, 1), {"Israel warned Iran.", "Iran accused the US."},
        {Draft("Israel", "warns", "Iran", Date::Day(2025, 3, 1)), Draft("Iran", "accuses", "US", Date())});
  f.Add("early", Date::Day(2025, 1, 5), {"Iran accused Israel."},
        {Draft("Iran", "accuses", "Israel", Date::Day(2025, 1, 4))});
  geokg::query::Engine engine(f.store());

  geokg::query::TimelineQuery q;
  q.actor = "Iran";
  auto events = engine.Timeline(q);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 3);
  CHECK((*events)[0].edge.article_id == "early");
  CHECK((*events)[0].evidence == "Iran accused Israel.");
  CHECK((*events)[0].title == "Title of early");
  CHECK((*events)[1].source == "Israel");  // events the actor suffers are in its timeline too
  CHECK((*events)[2].target == "US");
  CHECK_FALSE((*events)[2].edge.date.known());

  q.with = "Israel";
  auto pair = engine.Timeline(q);
  REQUIRE(pair.ok());
  CHECK(pair->size() == 2);

  q.with.reset();
  q.from = Date::Day(2025, 2, 1);
  auto later = engine.Timeline(q);
  REQUIRE(later.ok());
  REQUIRE(later->size() == 1);
  CHECK(later->front().relation == "warns");
}

TEST_CASE("unknown names are NotFound errors naming them", "[query]") {
  StoreFixture f;
  f.Add("a1", Date::Day(2025, 3, 1), {"Iran accused Israel."},
        {Draft("Iran", "accuses", "Israel", Date::Day(2025, 3, 1))});
  geokg::query::Engine engine(f.store());
  geokg::query::EdgeQuery q;
  q.source = "Atlantis";
  auto rows = engine.Relationships(q);
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().IsNotFound());
  CHECK(rows.status().message().find("Atlantis") != std::string::npos);

  geokg::query::EdgeQuery bad_type;
  bad_type.relation = "hugs";
  auto typed = engine.Edges(bad_type);
  REQUIRE_FALSE(typed.ok());
  CHECK(typed.status().message().find("known: accuses, warns") != std::string::npos);
}
