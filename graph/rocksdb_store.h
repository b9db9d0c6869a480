// RocksDbStore: the Store over one RocksDB database. Internal to graph/: included only by graph .cc
// files, so that no RocksDB header reaches the other modules. Opening lives in rocksdb_store.cc,
// reads in store_reads.cc, AddArticle in article_writer.cc.
#ifndef GEOKG_GRAPH_ROCKSDB_STORE_H_
#define GEOKG_GRAPH_ROCKSDB_STORE_H_

#include <rocksdb/db.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/store.h"

namespace geokg::graph {

// Converts a failed RocksDB status, naming what was being done.
Status FromRocks(const rocksdb::Status& status, std::string_view context);

// Reads one key; nullopt when it is absent.
Result<std::optional<std::string>> ReadKey(rocksdb::DB* db, std::string_view key);

class RocksDbStore final : public Store {
 public:
  // The meta counters, as stored.
  struct Counters {
    ActorId next_actor = 1;
    ArticleSeq next_article = 1;
    std::uint64_t edges = 0;
  };

  // Hashes a name, so that the writer's maps look names up without making strings of them.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const {
      return std::hash<std::string_view>()(name);
    }
  };

  // What the writer knows is stored, so that AddArticle does not read actors and relation types
  // back for every article. Only this process writes (RocksDB's LOCK), so nothing else changes
  // them. Loaded by the first AddArticle, updated after each successful write.
  struct WriterCache {
    bool loaded = false;
    // Canonical name -> id. Every article looks up each of its actors here.
    std::unordered_map<std::string, ActorId, NameHash, std::equal_to<>> actor_ids;
    std::map<ActorId, Actor> actors;
    std::vector<RelationType> relations;  // ordered by id
    // The content hashes of the stored articles (tens of bytes each), so that the duplicate
    // check of a new text reads nothing: creating a RocksDB iterator for the hash's prefix
    // cost more than the rest of that check.
    std::unordered_set<std::uint64_t> content_hashes;
  };

  // `secondary_dir`, when not empty, is the private directory of a read-only (secondary) open,
  // removed when the store closes.
  RocksDbStore(std::unique_ptr<rocksdb::DB> db, std::string dir, bool read_only, Counters counters,
               std::string secondary_dir)
      : db_(std::move(db)),
        dir_(std::move(dir)),
        read_only_(read_only),
        secondary_dir_(std::move(secondary_dir)),
        counters_(counters) {}
  ~RocksDbStore() override;

  Result<AddOutcome> AddArticle(const ArticleBatch& batch) override;
  Result<std::vector<Actor>> Actors() override;
  Result<std::optional<Actor>> GetActor(ActorId id) override;
  Result<std::optional<Actor>> FindActor(std::string_view name) override;
  Result<std::vector<RelationType>> Relations() override;
  Result<std::optional<Article>> GetArticle(std::string_view id) override;
  Status ScanArticles(const std::function<bool(const Article&)>& visit) override;
  Status ScanEdges(const EdgeFilter& filter, const EdgeVisitor& visit) override;
  Status ScanEdgeRefs(const EdgeFilter& filter, const EdgeRefVisitor& visit) override;
  Result<std::optional<Edge>> GetEdge(EdgeId id) override;
  Result<StoreStats> Stats() override;
  Status Compact() override;

  Result<std::optional<std::string>> Get(std::string_view key) { return ReadKey(db_.get(), key); }
  // Visits the keys in [lower, upper) in order (an empty `upper` means no bound) until `visit`
  // returns false or fails.
  using KeyVisitor = std::function<Result<bool>(std::string_view key, std::string_view value)>;
  Status Scan(const std::string& lower, const std::string& upper, const KeyVisitor& visit);
  Status ScanPrefix(const std::string& prefix, const KeyVisitor& visit);

  // The id stored under an exact canonical name.
  Result<std::optional<ActorId>> ActorIdByName(std::string_view canonical_name);
  Result<std::optional<Article>> ArticleBySeq(ArticleSeq seq);

 private:
  // ScanEdgeRefs over the out-edge index (filter.source set) or the in-edge index (else
  // filter.target).
  Status ScanIndex(const EdgeFilter& filter, const EdgeRefVisitor& visit);

  // A read-only store sees the database as it was when opened, so the index entries it scans can be
  // kept: a query engine expands from the same actors again and again, and a vector of entries is
  // read in a fraction of the time a RocksDB iterator takes over the same keys. Entries are kept
  // per actor, direction and relation (or all relations), in key order, up to kMaxCachedRefs in
  // all; only a scan without date bounds fills an entry, so that a narrow date range never reads
  // the whole list. Writable stores keep nothing, as AddArticle changes the index.
  using RefList = std::vector<EdgeRef>;
  static constexpr std::size_t kMaxCachedRefs = std::size_t{2} << 20;  // 48 MB of entries
  static std::uint64_t RefListKey(bool out, ActorId node, std::optional<RelationId> relation);
  std::shared_ptr<const RefList> CachedRefs(std::uint64_t key);
  void CacheRefs(std::uint64_t key, std::shared_ptr<const RefList> refs);

  std::unique_ptr<rocksdb::DB> db_;
  const std::string dir_;
  const bool read_only_;
  const std::string secondary_dir_;
  // Fills cache_ from the database.
  Status LoadWriterCache();

  std::mutex read_cache_mu_;  // guards ref_lists_, cached_refs_ and actors_
  std::unordered_map<std::uint64_t, std::shared_ptr<const RefList>> ref_lists_;
  std::size_t cached_refs_ = 0;
  // The actors a read-only store has read, for the same reason: each query names the far ends of
  // its edges, and a copy from here costs a fraction of a RocksDB look-up. Up to kMaxCachedActors.
  static constexpr std::size_t kMaxCachedActors = 100000;
  std::unordered_map<ActorId, Actor> actors_;

  std::mutex write_mu_;  // serialises AddArticle and guards counters_ and cache_
  Counters counters_;
  WriterCache cache_;
};

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_ROCKSDB_STORE_H_
