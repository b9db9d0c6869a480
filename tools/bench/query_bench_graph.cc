#include "tools/bench/query_bench_graph.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <set>

namespace geokg::bench {

namespace {

// SplitMix64: a tiny generator whose sequence is fixed by its definition, unlike the standard
// library's distributions, so that every machine builds the same graph.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 16> kCommon = {
    "accuses",         "blames",    "warns",      "condemns",  "supports", "meets",
    "threatens",       "calls for", "praises",    "sanctions", "attacks",  "aids",
    "negotiates with", "rejects",   "criticises", "thanks"};
constexpr const char* kSparse = "mediates";

// The civil date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
graph::Date DayToDate(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  auto y = static_cast<int>(yoe) + static_cast<int>(era) * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return graph::Date::Day(y + (m <= 2), static_cast<int>(m), static_cast<int>(d));
}

std::int64_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  auto yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

graph::Actor MakeActor(std::size_t i) {
  static constexpr graph::ActorKind kKinds[] = {
      graph::ActorKind::kState, graph::ActorKind::kOrganization, graph::ActorKind::kGroup};
  graph::Actor a;
  a.name = ActorName(i);
  a.kind = kKinds[i % 3];
  if (a.kind == graph::ActorKind::kState) a.code = fmt::format("X{:02}", i % 100);
  return a;
}

}  // namespace

std::string ActorName(std::size_t i) { return fmt::format("A{:03}", i); }

Result<std::size_t> WriteGraph(graph::Store* store, const GraphShape& shape) {
  Random random(20250210);
  std::vector<graph::RelationType> relations;
  for (std::size_t i = 0; i < kCommon.size(); ++i)
    relations.push_back({static_cast<graph::RelationId>(i + 1), kCommon[i], "", ""});
  relations.push_back({static_cast<graph::RelationId>(kCommon.size() + 1), kSparse, "", ""});
  const std::int64_t first_day = DaysFromCivil(shape.first_year, 1, 1);
  const std::int64_t days = DaysFromCivil(shape.first_year + 10, 1, 1) - first_day;
  std::size_t written = 0;
  for (std::size_t n = 0; written < shape.edges; ++n) {
    graph::ArticleBatch batch;
    std::int64_t day =
        first_day + static_cast<std::int64_t>(random.Below(static_cast<std::size_t>(days)));
    batch.article.id = fmt::format("s{:07}", n);
    batch.article.title = fmt::format("Synthetic article {}", n);
    batch.article.url = fmt::format("https://bench.example/{}", n);
    batch.article.outlet = fmt::format("Outlet {}", n % 20);
    batch.article.published = DayToDate(day);
    batch.article.text = fmt::format("The body of synthetic article {}.", n);
    batch.relations = relations;
    std::set<std::size_t> actors;
    for (std::size_t k = 0; k < shape.edges_per_article && written < shape.edges; ++k, ++written) {
      std::size_t source = random.Below(shape.actors);
      std::size_t target = (source + 1 + random.Below(shape.actors - 1)) % shape.actors;
      graph::EdgeDraft e;
      e.source = ActorName(source);
      e.target = ActorName(target);
      e.relation = random.Below(1700) == 0 ? kSparse : kCommon[random.Below(kCommon.size())];
      e.date = DayToDate(day - static_cast<std::int64_t>(random.Below(4)));
      e.confidence = 0.5f + static_cast<float>(random.Below(50)) / 100.0f;
      e.evidence.sentence = static_cast<std::uint32_t>(k);
      batch.edges.push_back(std::move(e));
      actors.insert(source);
      actors.insert(target);
    }
    for (std::size_t i : actors) batch.actors.push_back(MakeActor(i));
    auto outcome = store->AddArticle(batch);
    if (!outcome.ok()) return outcome.status();
  }
  return written;
}

}  // namespace geokg::bench
