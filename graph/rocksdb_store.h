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

  // What the writer knows is stored, so that AddArticle does not read actors and relation types
  // back for every article. Only this process writes (RocksDB's LOCK), so nothing else changes
  // them. Loaded by the first AddArticle, updated after each successful write.
  struct WriterCache {
    bool loaded = false;
    std::map<std::string, ActorId, std::less<>> actor_ids;  // canonical name -> id
    std::map<ActorId, Actor> actors;
    std::vector<RelationType> relations;  // ordered by id
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
  Result<StoreStats> Stats() override;

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
  // Loads the edge an index entry points to and hands it to `visit` when `keep` accepts it.
  Result<bool> VisitEdge(EdgeId id, const std::function<bool(const Edge&)>& keep,
                         const EdgeVisitor& visit);

  std::unique_ptr<rocksdb::DB> db_;
  const std::string dir_;
  const bool read_only_;
  const std::string secondary_dir_;
  // Fills cache_ from the database.
  Status LoadWriterCache();

  std::mutex write_mu_;  // serialises AddArticle and guards counters_ and cache_
  Counters counters_;
  WriterCache cache_;
};

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_ROCKSDB_STORE_H_
