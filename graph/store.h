// Store: the persistent graph, kept in a RocksDB database directory.
//
// A Store is opened by one process for writing at a time; RocksDB's LOCK file enforces it, and a second
// writer gets Status::Locked("database is locked by another process: DIR"). Any number of read-only opens
// may run beside the writer; they see the database as it was when they opened it, always a set of whole
// articles. A read-only open is a RocksDB secondary instance with a private directory for its log under
// the temp directory, removed on close. It is not RocksDB's read-only mode, which its own header calls
// undefined beside a live writer: under a running ingest our stress test saw such opens miss articles
// from the middle of the graph and fail on table files compacted away. A secondary instance has the same
// race with the writer's flushes, so an open only counts when the writer's MANIFEST did not change while
// it ran; otherwise the instance catches up with the writer and checks again.
//
// Each article is written with its actors, relation types and edges in one atomic RocksDB WriteBatch: after a
// crash an article is either entirely present or absent. Adding an article whose id, or whose content hash and
// text, is already stored changes nothing and reports a duplicate.
//
// Durability: every batch goes through RocksDB's write-ahead log, never with the log disabled, but without
// an fsync per article (one per article would cap an ingest at the disk's sync rate). An article is
// acknowledged once the log write reached the operating system, so a crash of the process (even SIGKILL)
// loses no acknowledged article; a power loss or kernel crash may lose the last articles acknowledged
// before it, never part of one. Re-running the ingest stores what was lost, since stored articles are
// skipped as duplicates.
//
// Since nothing changes under a read-only open, it keeps the edge index entries and the actors it has read
// (up to about 50 MB), so that a query engine expanding from the same actors again reads them from memory.
//
// A Store is safe to use from several threads: AddArticle calls are serialised internally; reads may run
// concurrently with each other and with writes. The key layout is documented in graph/keys.h.
#ifndef GEOKG_GRAPH_STORE_H_
#define GEOKG_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::graph {

// Everything one article adds to the graph, written atomically by Store::AddArticle.
struct ArticleBatch {
  Article article;
  std::vector<Actor> actors;            // every actor the edges name (id ignored; matched by name)
  std::vector<RelationType> relations;  // every relation type the edges use
  std::vector<EdgeDraft> edges;
};

struct AddOutcome {
  bool added = false;          // false: a duplicate, nothing was written
  std::string duplicate_of;    // the id of the stored article it duplicates, when !added
  std::size_t edges_added = 0;
  std::size_t actors_added = 0;
};

struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t actors = 0;
  std::uint64_t edges = 0;
  std::uint64_t relation_types = 0;

  friend bool operator==(const StoreStats&, const StoreStats&) = default;
};

// A filter over edges. Unset members match everything. Dates compare by Date::Packed(), so a coarse edge date
// ("2025-02") sorts before every day it covers; a coarse `to` bound covers its whole month or year, and an
// edge without a known date matches no date bound.
struct EdgeFilter {
  std::optional<ActorId> source;
  std::optional<ActorId> target;
  std::optional<RelationId> relation;
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
};

// What the out- and in-edge indexes say about an edge: its ends, relation and date, without the
// evidence its record holds. Enough to filter by type, date and endpoint; Store::GetEdge reads the
// rest.
struct EdgeRef {
  EdgeId id = 0;
  ActorId source = 0;
  RelationId relation = 0;
  ActorId target = 0;
  std::uint32_t date = 0;  // Date::Packed(): 0 when unknown; Date::FromPacked gives the date back

  friend bool operator==(const EdgeRef&, const EdgeRef&) = default;
};

// Return false to stop a scan early.
using EdgeVisitor = std::function<bool(const Edge&)>;
using EdgeRefVisitor = std::function<bool(const EdgeRef&)>;

class Store {
 public:
  struct Options {
    bool read_only = false;         // open beside a writer; AddArticle then fails
    bool create_if_missing = true;  // ignored when read_only
  };

  // Opens (or creates) the database in `dir`. Fails with Locked when another process holds it for writing,
  // NotFound when it does not exist and cannot be created, Corruption when it was written by a newer format.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const Options& options);
  static Result<std::unique_ptr<Store>> Open(const std::string& dir) { return Open(dir, Options()); }

  virtual ~Store() = default;

  // Writes the article, the actors and relation types not yet stored, and the edges, in one WriteBatch.
  // A duplicate (same id, or same text under another id) writes nothing and returns added == false.
  // Edges naming an actor or relation absent from the batch make the call fail with InvalidArgument and
  // write nothing.
  virtual Result<AddOutcome> AddArticle(const ArticleBatch& batch) = 0;

  // Every actor, ordered by id.
  virtual Result<std::vector<Actor>> Actors() = 0;
  virtual Result<std::optional<Actor>> GetActor(ActorId id) = 0;
  // Looks an actor up by canonical name, alias or code, ignoring case and runs of white space ("usa",
  // "ISIS-K"). An exact canonical name wins; among actors sharing an alias, the one stored first.
  virtual Result<std::optional<Actor>> FindActor(std::string_view name) = 0;

  // Every relation type stored, ordered by id.
  virtual Result<std::vector<RelationType>> Relations() = 0;

  virtual Result<std::optional<Article>> GetArticle(std::string_view id) = 0;
  // Every article in the order it was stored.
  virtual Status ScanArticles(const std::function<bool(const Article&)>& visit) = 0;

  // Visits the edges matching `filter`. The scan runs over the out-edge index when a source is given, the
  // in-edge index when a target is given, the time index when only dates are given, else all edges. Order:
  // by source (out), target (in) or date (time), then relation, date, edge id.
  virtual Status ScanEdges(const EdgeFilter& filter, const EdgeVisitor& visit) = 0;
  // The same edges in the same order as ScanEdges, as what the index keys say about them. With a
  // source or a target it reads index keys only, no edge record, which makes it several times
  // cheaper; without either it reads the records.
  virtual Status ScanEdgeRefs(const EdgeFilter& filter, const EdgeRefVisitor& visit) = 0;
  // One edge by id; nullopt when there is none.
  virtual Result<std::optional<Edge>> GetEdge(EdgeId id) = 0;

  virtual Result<StoreStats> Stats() = 0;

  // Rewrites the whole database into one sorted run, for after a large ingest: an ingest leaves many
  // overlapping table files behind, and every index scan seeks in each of them (on a million edges a
  // 2-hop pattern spent a third of its time there). Takes seconds per million edges; the store stays
  // readable meanwhile. Fails with InvalidArgument on a read-only store, IOError when RocksDB fails.
  virtual Status Compact() = 0;
};

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_STORE_H_
