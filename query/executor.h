// Executor: the pull-based operators a plan is made of, and the context they share while a query runs.
//
// A row is a vector of values, one slot per variable or computed column, numbered by the planner. Every
// operator but Argument pulls rows from its child, one at a time, and extends, filters or regroups them; the
// store is read only by the scans (NodeScan, NodeSeek, Expand, VarExpand, ShortestPath). Store::ScanEdges
// pushes edges into a callback, so an expand buffers the edges of one input row and then hands them out.
#ifndef GEOKG_QUERY_EXECUTOR_H_
#define GEOKG_QUERY_EXECUTOR_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"
#include "query/ast.h"
#include "query/value.h"

namespace geokg::query {

using Row = std::vector<Value>;

// What the operators of one query share: the store, the query text (for error positions), the deadline,
// and caches of the actors, articles and relation types read, so that each is read from the store once per
// query.
class ExecContext {
 public:
  using Clock = std::chrono::steady_clock;

  ExecContext(graph::Store* store, std::string_view query) : store_(store), query_(query) {}

  // Reads the relation types; must succeed before anything else is used.
  [[nodiscard]] Status Load();

  graph::Store* store() const { return store_; }
  std::string_view query() const { return query_; }
  const std::vector<graph::RelationType>& relations() const { return relations_; }

  // The relation type name as queries spell it: "accuses" -> "ACCUSES", "calls for" -> "CALLS_FOR".
  static std::string TypeName(std::string_view stored_name);
  std::optional<graph::RelationId> RelationByTypeName(std::string_view type_name) const;

  Result<NodePtr> Node(graph::ActorId id);
  Result<const std::vector<NodePtr>*> AllNodes();
  // The article with this id; nullptr when there is none.
  Result<ArticlePtr> Article(const std::string& id);
  // Every article, in the order they were stored.
  Result<const std::vector<ArticlePtr>*> AllArticles();
  Value Rel(const graph::Edge& edge) const;
  // A relationship from what the index says about the edge, not yet complete (see Relationship).
  Value Rel(const graph::EdgeRef& ref) const;
  // The whole edge of `rel`, read from the store once per query when `rel` is not complete.
  Result<const graph::Edge*> FullEdge(const Relationship& rel);
  // `v` with every relationship in it complete, so that a result shows every property.
  Result<Value> Complete(const Value& v);

  // Makes Tick fail with LimitExceeded once `deadline` has passed; `limit_text` ("10 s") names the limit.
  void set_deadline(Clock::time_point deadline, std::string limit_text) {
    deadline_ = deadline;
    limit_text_ = std::move(limit_text);
  }
  // Called by the operators for each unit of work (a row, an edge scanned, a path step), so that a runaway
  // query ends soon after its deadline; reads the clock once every 256 calls to keep the check cheap.
  Status Tick() {
    if (!deadline_ || (++ticks_ & 0xFF) != 0) return Status::OK();
    return CheckDeadline();
  }

  // PROFILE: operators time themselves.
  bool profiling() const { return profiling_; }
  void set_profiling(bool on) { profiling_ = on; }

  // How many slots a row has; set by the planner once it has numbered them all.
  std::size_t width() const { return width_; }
  void set_width(std::size_t width) { width_ = width; }

  // InvalidArgument("error at line L, column C: MESSAGE") pointing at `offset` in the query.
  Status ErrorAt(std::size_t offset, const std::string& message) const;

 private:
  graph::Store* store_;
  std::string_view query_;
  std::vector<graph::RelationType> relations_;
  std::unordered_map<graph::RelationId, std::string> type_names_;
  std::unordered_map<graph::ActorId, NodePtr> nodes_;
  // The same nodes by id for the first kIndexedNodes ids: actor ids are dense counters, and an expansion
  // looks up the far node of every edge it reads, where a vector answers in one load.
  static constexpr graph::ActorId kIndexedNodes = 1 << 16;
  std::vector<NodePtr> node_index_;
  void Remember(graph::ActorId id, const NodePtr& node);
  std::optional<std::vector<NodePtr>> all_nodes_;
  std::unordered_map<std::string, ArticlePtr> articles_;
  std::optional<std::vector<ArticlePtr>> all_articles_;
  std::unordered_map<graph::EdgeId, graph::Edge> full_edges_;
  std::size_t width_ = 0;
  bool profiling_ = false;
  std::optional<Clock::time_point> deadline_;
  std::string limit_text_;
  std::uint64_t ticks_ = 0;

  Status CheckDeadline() const;
};

class Operator {
 public:
  Operator(ExecContext* ctx, std::unique_ptr<Operator> child) : ctx_(ctx), child_(std::move(child)) {}
  virtual ~Operator() = default;
  Operator(const Operator&) = delete;
  Operator& operator=(const Operator&) = delete;

  // Fills *row with the next row; false when there are no more. A failed store read or a runtime error
  // (division by zero, a bad date) ends the query with that Status.
  Result<bool> Next(Row* row) {
    if (Status s = ctx_->Tick(); !s.ok()) return s;
    Result<bool> more = ctx_->profiling() ? TimedNext(row) : DoNext(row);
    if (more.ok() && *more) ++rows_;
    return more;
  }

  // Makes the operator start over, as OPTIONAL MATCH needs for each of its input rows.
  virtual void Reset() {
    if (child_) child_->Reset();
  }

  // One line per operator, children indented below their parent; with `profile`, the rows each produced and
  // the time spent in it, its inputs' time excluded.
  std::string Explain(bool profile, int depth = 0) const;

 protected:
  virtual Result<bool> DoNext(Row* row) = 0;
  virtual std::string Describe() const = 0;
  // Operators with a second input (Optional's inner plan) list it here for Explain.
  virtual const Operator* Inner() const { return nullptr; }

  ExecContext* ctx_;
  std::unique_ptr<Operator> child_;
  std::uint64_t rows_ = 0;

 private:
  Result<bool> TimedNext(Row* row);
  std::chrono::nanoseconds Self() const;

  std::chrono::nanoseconds time_{0};  // in DoNext, inputs included; PROFILE only
};

using OperatorPtr = std::unique_ptr<Operator>;

// The leaf of every plan: yields one row, `Set`'s row (at first all null), after each Reset.
class Argument final : public Operator {
 public:
  Argument(ExecContext* ctx, std::size_t slots) : Operator(ctx, nullptr), row_(slots) {}
  void Set(const Row& row) { row_ = row; }
  void Reset() override { done_ = false; }

 protected:
  Result<bool> DoNext(Row* row) override;
  std::string Describe() const override { return "Argument"; }

 private:
  Row row_;
  bool done_ = false;
};

// How an expansion walks from a bound node: which edges, which way, and where the result goes.
struct ExpandSpec {
  int from_slot = -1;
  int rel_slot = -1;   // the relationship, or for a variable length the list of relationships
  // False when nothing reads the relationship (anonymous, without properties or path, and no other
  // relationship of the MATCH could be the same edge): Expand then leaves its slot null.
  bool bind_rel = true;
  int to_slot = -1;
  bool to_bound = false;  // the far node is already in the row: only edges reaching it are kept
  Direction direction = Direction::kOut;  // from the `from` node's point of view
  std::vector<graph::RelationId> relations;  // empty: every relation type
  std::optional<graph::Date> from_date, to_date;  // pushed into the store's scan; rows are still filtered
  std::vector<int> distinct_from;  // relationship slots of the same MATCH the edge must differ from
  std::string text;  // the pattern as EXPLAIN shows it
  // Variable length only.
  int min_hops = 1;
  int max_hops = 1;
  int nodes_slot = -1;  // hidden: the nodes along the expansion, for path variables
  // The walk runs against the pattern's writing order; the lists are turned round to follow the pattern.
  bool reversed = false;
};

struct PathStep {
  int node_slot = -1;
  int rel_slot = -1;        // the relationship (or list of them) after node_slot; -1 after the last node
  int segment_slot = -1;    // for a variable-length step, the nodes it passed through, in pattern order
};

struct SortKey {
  ExprPtr expr;
  bool descending = false;
};

struct Assignment {
  ExprPtr expr;
  int slot = -1;
  std::string text;  // for EXPLAIN
};

// Which nodes a scan yields: actors (all, or of one kind), articles, or both for an unlabelled node that no
// relationship touches.
struct ScanSpec {
  bool actors = true;
  std::optional<graph::ActorKind> kind;
  bool articles = false;
};

OperatorPtr MakeNodeScan(ExecContext* ctx, OperatorPtr child, int slot, ScanSpec what, std::string text);
OperatorPtr MakeNodeSeek(ExecContext* ctx, OperatorPtr child, int slot, std::string name, std::string text);
// The article whose id `id` evaluates to, for each input row: how `(art:Article {id: r.article})` finds the
// article of an edge without scanning them all.
OperatorPtr MakeArticleSeek(ExecContext* ctx, OperatorPtr child, int slot, ExprPtr id, std::string text);
OperatorPtr MakeExpand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec);
OperatorPtr MakeVarExpand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec);
// Both ends bound: the shortest paths between them (one, or all of the shortest length) into path_slot.
OperatorPtr MakeShortestPath(ExecContext* ctx, OperatorPtr child, ExpandSpec spec, int path_slot, bool all);
OperatorPtr MakeBuildPath(ExecContext* ctx, OperatorPtr child, std::vector<PathStep> steps, int path_slot,
                          std::string text);
// For each row of `child`, the rows of `inner` (whose leaf is `argument`), or the row itself with
// `new_slots` null when `inner` has none.
OperatorPtr MakeOptional(ExecContext* ctx, OperatorPtr child, OperatorPtr inner, Argument* argument,
                         std::vector<int> new_slots);

OperatorPtr MakeFilter(ExecContext* ctx, OperatorPtr child, ExprPtr predicate, std::string text);
OperatorPtr MakeProject(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> items);
// Groups by `keys` and computes the aggregate calls in `aggregates` (count, collect, min, max, sum, avg).
OperatorPtr MakeAggregate(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> keys,
                          std::vector<Assignment> aggregates);
OperatorPtr MakeDistinct(ExecContext* ctx, OperatorPtr child, std::vector<int> slots, std::string text);
// With `keep`, only the first `keep` rows of the order are wanted (ORDER BY ... SKIP s LIMIT l keeps s + l).
OperatorPtr MakeSort(ExecContext* ctx, OperatorPtr child, std::vector<SortKey> keys, std::optional<std::size_t> keep,
                     std::string text);
OperatorPtr MakeSkip(ExecContext* ctx, OperatorPtr child, std::int64_t count);
OperatorPtr MakeLimit(ExecContext* ctx, OperatorPtr child, std::int64_t count);
OperatorPtr MakeUnwind(ExecContext* ctx, OperatorPtr child, ExprPtr list, int slot, std::string text);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_EXECUTOR_H_
