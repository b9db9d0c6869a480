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

// Visits the out-edge (or in-edge) index entries of `node` of the filter's relation within `dates`,
// through a RocksDB iterator; the caller tests the far end.
Status ScanIndexKeys(rocksdb::DB* db, const std::string& dir, const EdgeFilter& filter,
                     const DateRange& dates, bool out, ActorId node, const EdgeRefVisitor& visit) {
  const std::string prefix = out ? (filter.relation ? keys::OutEdgePrefix(node, *filter.relation)
                                                    : keys::OutEdgePrefix(node))
                                 : (filter.relation ? keys::InEdgePrefix(node, *filter.relation)
                                                    : keys::InEdgePrefix(node));
  auto seek = [&](RelationId relation) {
    return out ? keys::OutEdgeSeek(node, relation, dates.lo)
               : keys::InEdgeSeek(node, relation, dates.lo);
  };
  const std::string upper = keys::PrefixEnd(prefix);
  rocksdb::ReadOptions read;
  rocksdb::Slice upper_slice(upper);
  read.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read));
  // Within one relation the keys are in date order, so a date range is a key range: the scan seeks
  // to each relation's first date in range and on past its last, never reading the dates outside.
  it->Seek(dates.bounded ? seek(filter.relation.value_or(0)) : prefix);
  while (it->Valid()) {
    const std::string_view key = View(it->key());
    auto entry = out ? keys::DecodeOutEdgeKey(key) : keys::DecodeInEdgeKey(key);
    if (!entry.ok()) return entry.status();
    if (dates.bounded && entry->date < dates.lo) {
      it->Seek(seek(entry->relation));
      continue;
    }
    if (dates.bounded && entry->date > dates.hi) {
      if (filter.relation || entry->relation == std::numeric_limits<RelationId>::max()) break;
      it->Seek(seek(static_cast<RelationId>(entry->relation + 1)));
      continue;
    }
    if (!visit(EdgeRef{entry->edge, entry->source, entry->relation, entry->target, entry->date}))
      return Status::OK();
    it->Next();
  }
  return FromRocks(it->status(), "scanning " + dir);
}

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
  if (read_only_) {
    std::lock_guard<std::mutex> lock(read_cache_mu_);
    if (auto it = actors_.find(id); it != actors_.end()) return std::optional<Actor>(it->second);
  }
  auto value = Get(keys::ActorKey(id));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Actor>();
  auto actor = records::DecodeActor(**value);
  if (!actor.ok()) return actor.status();
  if (read_only_) {
    std::lock_guard<std::mutex> lock(read_cache_mu_);
    if (actors_.size() < kMaxCachedActors) actors_.emplace(id, *actor);
  }
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

Result<std::optional<Edge>> RocksDbStore::GetEdge(EdgeId id) {
  auto value = Get(keys::EdgeKey(id));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::optional<Edge>();
  auto edge = records::DecodeEdge(**value);
  if (!edge.ok()) return edge.status();
  return std::optional<Edge>(std::move(*edge));
}

std::uint64_t RocksDbStore::RefListKey(bool out, ActorId node, std::optional<RelationId> relation) {
  return (std::uint64_t{node} << 32) | (std::uint64_t{out} << 31) |
         (relation ? std::uint64_t{*relation} + 1 : 0);
}

std::shared_ptr<const RocksDbStore::RefList> RocksDbStore::CachedRefs(std::uint64_t key) {
  std::lock_guard<std::mutex> lock(read_cache_mu_);
  auto it = ref_lists_.find(key);
  return it == ref_lists_.end() ? nullptr : it->second;
}

void RocksDbStore::CacheRefs(std::uint64_t key, std::shared_ptr<const RefList> refs) {
  std::lock_guard<std::mutex> lock(read_cache_mu_);
  if (cached_refs_ + refs->size() > kMaxCachedRefs) return;
  if (ref_lists_.emplace(key, refs).second) cached_refs_ += refs->size();
}

Status RocksDbStore::ScanIndex(const EdgeFilter& filter, const EdgeRefVisitor& visit) {
  const DateRange dates(filter);
  const bool out = filter.source.has_value();
  const ActorId node = out ? *filter.source : *filter.target;
  auto wanted = [&](const EdgeRef& ref) {
    return dates.Contains(ref.date) && (!out || !filter.target || ref.target == *filter.target);
  };
  const std::uint64_t list_key = RefListKey(out, node, filter.relation);
  if (read_only_) {
    if (std::shared_ptr<const RefList> refs = CachedRefs(list_key)) {
      for (const EdgeRef& ref : *refs)
        if (wanted(ref) && !visit(ref)) break;
      return Status::OK();
    }
  }
  if (read_only_ && !dates.bounded) {
    auto refs = std::make_shared<RefList>();
    Status s = ScanIndexKeys(db_.get(), dir_, filter, dates, out, node, [&](const EdgeRef& ref) {
      refs->push_back(ref);
      return true;
    });
    if (!s.ok()) return s;
    CacheRefs(list_key, refs);
    for (const EdgeRef& ref : *refs)
      if (wanted(ref) && !visit(ref)) break;
    return Status::OK();
  }
  return ScanIndexKeys(db_.get(), dir_, filter, dates, out, node,
                       [&](const EdgeRef& ref) { return !wanted(ref) || visit(ref); });
}

Status RocksDbStore::ScanEdgeRefs(const EdgeFilter& filter, const EdgeRefVisitor& visit) {
  if (filter.source || filter.target) return ScanIndex(filter, visit);
  // The time index does not hold an edge's ends or relation: only the records do.
  return ScanEdges(filter, [&](const Edge& e) {
    return visit(EdgeRef{e.id, e.source, e.relation, e.target, e.date.Packed()});
  });
}

Status RocksDbStore::ScanEdges(const EdgeFilter& filter, const EdgeVisitor& visit) {
  const DateRange dates(filter);
  auto load = [&](EdgeId id) -> Result<Edge> {
    auto edge = GetEdge(id);
    if (!edge.ok()) return edge.status();
    if (!edge->has_value())
      return Status::Corruption(fmt::format("edge {} is indexed but not stored", id));
    return std::move(**edge);
  };

  if (filter.source || filter.target) {
    // The index keys carry the other end, the relation and the date: only matching entries load
    // their edge.
    Status failed;
    Status s = ScanIndex(filter, [&](const EdgeRef& ref) {
      auto edge = load(ref.id);
      if (!edge.ok()) {
        failed = edge.status();
        return false;
      }
      return visit(*edge);
    });
    return s.ok() ? failed : s;
  }

  if (dates.bounded) {
    std::string upper = dates.hi == std::numeric_limits<std::uint32_t>::max()
                            ? keys::PrefixEnd(keys::FamilyPrefix(keys::Family::kTime))
                            : keys::TimePrefix(dates.hi + 1);
    return Scan(keys::TimePrefix(dates.lo), upper,
                [&](std::string_view key, std::string_view) -> Result<bool> {
                  auto entry = keys::DecodeTimeKey(key);
                  if (!entry.ok()) return entry.status();
                  auto edge = load(entry->edge);
                  if (!edge.ok()) return edge.status();
                  if (filter.relation && edge->relation != *filter.relation) return true;
                  return visit(*edge);
                });
  }

  return ScanPrefix(keys::FamilyPrefix(keys::Family::kEdge),
                    [&](std::string_view, std::string_view value) -> Result<bool> {
                      auto edge = records::DecodeEdge(value);
                      if (!edge.ok()) return edge.status();
                      if (filter.relation && edge->relation != *filter.relation) return true;
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
