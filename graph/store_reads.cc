// The read side of RocksDbStore: actors, relation types, articles, edge scans and statistics.
#include <fmt/format.h>

#include <limits>

#include "graph/keys.h"
#include "graph/records.h"
#include "graph/rocksdb_store.h"

namespace geokg::graph {

namespace {

std::string_view View(const rocksdb::Slice& slice) { return {slice.data(), slice.size()}; }

// The date bounds of a filter as an inclusive range of Date::Packed() values. An edge without a
// known date never matches a bound, and a coarse `to` ("2025-02") covers its whole month or year.
struct DateRange {
  bool bounded = false;
  std::uint32_t lo = 0;
  std::uint32_t hi = std::numeric_limits<std::uint32_t>::max();

  explicit DateRange(const EdgeFilter& filter) {
    if (filter.from && filter.from->known()) {
      bounded = true;
      lo = filter.from->Packed();
    }
    if (filter.to && filter.to->known()) {
      bounded = true;
      const Date& to = *filter.to;
      hi = to.Packed() + (to.precision == DatePrecision::kYear    ? 9999
                          : to.precision == DatePrecision::kMonth ? 99
                                                                  : 0);
    }
    if (bounded && lo == 0) lo = 1;
  }

  bool Contains(std::uint32_t packed) const { return !bounded || (packed >= lo && packed <= hi); }
};

}  // namespace

Result<std::optional<std::string>> ReadKey(rocksdb::DB* db, std::string_view key) {
  std::string value;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, "reading the database");
  return std::optional<std::string>(std::move(value));
}

Status RocksDbStore::Scan(const std::string& lower, const std::string& upper,
                          const KeyVisitor& visit) {
  rocksdb::ReadOptions read;
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) read.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read));
  for (it->Seek(lower); it->Valid(); it->Next()) {
    Result<bool> more = visit(View(it->key()), View(it->value()));
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
  }
  return FromRocks(it->status(), "scanning " + dir_);
}

Status RocksDbStore::ScanPrefix(const std::string& prefix, const KeyVisitor& visit) {
  return Scan(prefix, keys::PrefixEnd(prefix), visit);
}

Result<std::optional<ActorId>> RocksDbStore::ActorIdByName(std::string_view canonical_name) {
  auto value = Get(keys::ActorNameKey(canonical_name));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<ActorId>();
  auto id = keys::DecodeU32(**value);
  if (!id.ok())
    return Status::Corruption(
        fmt::format("actor name \"{}\": {}", canonical_name, id.status().message()));
  return std::optional<ActorId>(*id);
}

Result<std::optional<Article>> RocksDbStore::ArticleBySeq(ArticleSeq seq) {
  auto value = Get(keys::ArticleKey(seq));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Article>();
  auto article = records::DecodeArticle(**value);
  if (!article.ok()) return article.status();
  return std::optional<Article>(std::move(*article));
}

Result<std::vector<Actor>> RocksDbStore::Actors() {
  std::vector<Actor> actors;
  Status s = ScanPrefix(keys::FamilyPrefix(keys::Family::kActor),
                        [&](std::string_view, std::string_view value) -> Result<bool> {
                          auto actor = records::DecodeActor(value);
                          if (!actor.ok()) return actor.status();
                          actors.push_back(std::move(*actor));
                          return true;
                        });
  if (!s.ok()) return s;
  return actors;
}

Result<std::optional<Actor>> RocksDbStore::GetActor(ActorId id) {
  auto value = Get(keys::ActorKey(id));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Actor>();
  auto actor = records::DecodeActor(**value);
  if (!actor.ok()) return actor.status();
  return std::optional<Actor>(std::move(*actor));
}

Result<std::optional<Actor>> RocksDbStore::FindActor(std::string_view name) {
  // An exact canonical name wins over another actor's alias that normalises the same way.
  auto exact = ActorIdByName(name);
  if (!exact.ok()) return exact.status();
  std::optional<ActorId> id = *exact;
  if (!id) {
    std::string normalized = keys::NormalizeName(name);
    if (normalized.empty()) return std::optional<Actor>();
    // Several actors may share an alias; the earliest stored answers.
    Status s = ScanPrefix(keys::AliasPrefix(normalized),
                          [&](std::string_view key, std::string_view) -> Result<bool> {
                            auto found = keys::DecodeAliasKey(key);
                            if (!found.ok()) return found.status();
                            id = *found;
                            return false;
                          });
    if (!s.ok()) return s;
    if (!id) return std::optional<Actor>();
  }
  auto actor = GetActor(*id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value())
    return Status::Corruption(
        fmt::format("actor {} is indexed under \"{}\" but not stored", *id, name));
  return actor;
}

Result<std::vector<RelationType>> RocksDbStore::Relations() {
  std::vector<RelationType> relations;
  Status s = ScanPrefix(keys::FamilyPrefix(keys::Family::kRelation),
                        [&](std::string_view, std::string_view value) -> Result<bool> {
                          auto relation = records::DecodeRelation(value);
                          if (!relation.ok()) return relation.status();
                          relations.push_back(std::move(*relation));
                          return true;
                        });
  if (!s.ok()) return s;
  return relations;
}

Result<std::optional<Article>> RocksDbStore::GetArticle(std::string_view id) {
  auto value = Get(keys::ArticleIdKey(id));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Article>();
  auto seq = keys::DecodeU32(**value);
  if (!seq.ok())
    return Status::Corruption(fmt::format("article id \"{}\": {}", id, seq.status().message()));
  auto article = ArticleBySeq(*seq);
  if (!article.ok()) return article.status();
  if (!article->has_value())
    return Status::Corruption(
        fmt::format("article \"{}\" is indexed as {} but not stored", id, *seq));
  return article;
}

Status RocksDbStore::ScanArticles(const std::function<bool(const Article&)>& visit) {
  return ScanPrefix(keys::FamilyPrefix(keys::Family::kArticle),
                    [&](std::string_view, std::string_view value) -> Result<bool> {
                      auto article = records::DecodeArticle(value);
                      if (!article.ok()) return article.status();
                      return visit(*article);
                    });
}

Result<bool> RocksDbStore::VisitEdge(EdgeId id, const std::function<bool(const Edge&)>& keep,
                                     const EdgeVisitor& visit) {
  auto value = Get(keys::EdgeKey(id));
  if (!value.ok()) return value.status();
  if (!value->has_value())
    return Status::Corruption(fmt::format("edge {} is indexed but not stored", id));
  auto edge = records::DecodeEdge(**value);
  if (!edge.ok()) return edge.status();
  if (!keep(*edge)) return true;
  return visit(*edge);
}

Status RocksDbStore::ScanEdges(const EdgeFilter& filter, const EdgeVisitor& visit) {
  const DateRange dates(filter);
  auto keep_all = [](const Edge&) { return true; };
  auto keep_relation = [&](const Edge& e) {
    return !filter.relation || e.relation == *filter.relation;
  };

  if (filter.source || filter.target) {
    // The index keys carry the other end, the relation and the date: only matching entries load
    // their edge.
    const bool out = filter.source.has_value();
    ActorId node = out ? *filter.source : *filter.target;
    std::string prefix = out ? (filter.relation ? keys::OutEdgePrefix(node, *filter.relation)
                                                : keys::OutEdgePrefix(node))
                             : (filter.relation ? keys::InEdgePrefix(node, *filter.relation)
                                                : keys::InEdgePrefix(node));
    return ScanPrefix(prefix, [&](std::string_view key, std::string_view) -> Result<bool> {
      auto entry = out ? keys::DecodeOutEdgeKey(key) : keys::DecodeInEdgeKey(key);
      if (!entry.ok()) return entry.status();
      if (filter.target && entry->target != *filter.target) return true;
      if (!dates.Contains(entry->date)) return true;
      return VisitEdge(entry->edge, keep_all, visit);
    });
  }

  if (dates.bounded) {
    std::string upper = dates.hi == std::numeric_limits<std::uint32_t>::max()
                            ? keys::PrefixEnd(keys::FamilyPrefix(keys::Family::kTime))
                            : keys::TimePrefix(dates.hi + 1);
    return Scan(keys::TimePrefix(dates.lo), upper,
                [&](std::string_view key, std::string_view) -> Result<bool> {
                  auto entry = keys::DecodeTimeKey(key);
                  if (!entry.ok()) return entry.status();
                  return VisitEdge(entry->edge, keep_relation, visit);
                });
  }

  return ScanPrefix(keys::FamilyPrefix(keys::Family::kEdge),
                    [&](std::string_view, std::string_view value) -> Result<bool> {
                      auto edge = records::DecodeEdge(value);
                      if (!edge.ok()) return edge.status();
                      if (!keep_relation(*edge)) return true;
                      return visit(*edge);
                    });
}

Result<StoreStats> RocksDbStore::Stats() {
  StoreStats stats;
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    stats.actors = counters_.next_actor - 1;
    stats.articles = counters_.next_article - 1;
    stats.edges = counters_.edges;
  }
  Status s = ScanPrefix(keys::FamilyPrefix(keys::Family::kRelation),
                        [&](std::string_view, std::string_view) -> Result<bool> {
                          ++stats.relation_types;
                          return true;
                        });
  if (!s.ok()) return s;
  return stats;
}

}  // namespace geokg::graph
