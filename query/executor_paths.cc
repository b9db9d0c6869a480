// Paths: shortest paths between two bound nodes, path values built from a matched pattern, and OPTIONAL
// MATCH, which keeps a row whose pattern has no match.
#include <fmt/format.h>

#include <unordered_map>

#include "query/executor.h"
#include "query/executor_internal.h"

namespace geokg::query {

namespace {

// Breadth-first from both bound nodes at once, a level at a time on the side with the smaller frontier, until
// the two searches meet: on a graph where every node has d neighbours, a path of length L then costs about
// 2 d^(L/2) scans instead of d^L. Each side records, for every node it reaches, every edge that reaches it
// at its depth, so that allShortestPaths can list each shortest path once.
class ShortestPath final : public PerRow {
 public:
  ShortestPath(ExecContext* ctx, OperatorPtr child, ExpandSpec spec, int path_slot, bool all)
      : PerRow(ctx, std::move(child)), spec_(std::move(spec)), path_slot_(path_slot), all_(all) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    auto from = NodeIn(in, spec_.from_slot), to = NodeIn(in, spec_.to_slot);
    if (!from || !to) return Status::OK();
    if (*from == *to) return spec_.min_hops == 0 ? Emit(in, {*from}, {}, out) : Status::OK();
    Side forward(spec_, *from);
    ExpandSpec backward_spec = spec_;
    if (spec_.direction != Direction::kBoth)
      backward_spec.direction = spec_.direction == Direction::kOut ? Direction::kIn : Direction::kOut;
    Side backward(backward_spec, *to);
    while (forward.level + backward.level < spec_.max_hops && !forward.frontier.empty() &&
           !backward.frontier.empty()) {
      bool ahead = forward.frontier.size() <= backward.frontier.size();
      Side& side = ahead ? forward : backward;
      Side& other = ahead ? backward : forward;
      if (Status s = Advance(&side); !s.ok()) return s;
      // Every shortest path crosses the frontier just reached at exactly one node: those nodes, at the least
      // total length, are where its halves join.
      int length = -1;
      std::vector<graph::ActorId> meeting;
      for (graph::ActorId v : side.frontier) {
        auto it = other.depth.find(v);
        if (it == other.depth.end()) continue;
        int total = side.level + it->second;
        if (length < 0 || total < length) {
          length = total;
          meeting.clear();
        }
        if (total == length) meeting.push_back(v);
      }
      if (length < 0) continue;
      if (length < spec_.min_hops) return Status::OK();
      for (graph::ActorId m : meeting) {
        if (Status s = Join(in, forward, backward, m, out); !s.ok()) return s;
        if (!all_ && !out->empty()) break;
      }
      return Status::OK();
    }
    return Status::OK();
  }

  std::string Describe() const override {
    std::string bound = spec_.max_hops < kUnboundedShortest ? fmt::format(" up to {} hops", spec_.max_hops) : "";
    return fmt::format("{} {}{}, searching from both ends", all_ ? "AllShortestPaths" : "ShortestPath", spec_.text,
                       bound);
  }

 private:
  using Step = std::pair<graph::EdgeRef, graph::ActorId>;  // the edge that reaches a node, and the node before it

  struct Side {
    Side(ExpandSpec s, graph::ActorId origin) : spec(std::move(s)), depth{{origin, 0}}, frontier{origin} {}
    ExpandSpec spec;
    int level = 0;
    std::unordered_map<graph::ActorId, int> depth;
    std::unordered_map<graph::ActorId, std::vector<Step>> parents;
    std::vector<graph::ActorId> frontier;
  };

  Status Advance(Side* side) {
    ++side->level;
    std::vector<graph::ActorId> next;
    for (graph::ActorId u : side->frontier) {
      if (Status s = ctx_->Tick(); !s.ok()) return s;
      std::vector<Step> edges;
      if (Status s = Neighbours(ctx_, side->spec, u, std::nullopt, false, &edges); !s.ok()) return s;
      for (auto& [edge, v] : edges) {
        auto [it, fresh] = side->depth.emplace(v, side->level);
        if (fresh) next.push_back(v);
        if (it->second == side->level) side->parents[v].emplace_back(edge, u);
      }
    }
    side->frontier = std::move(next);
    return Status::OK();
  }

  // Every walk from `node` back to the side's origin through its parents, each as nodes and edges listed
  // from `node` outwards.
  void Walks(const Side& side, graph::ActorId node, std::vector<graph::ActorId>* nodes,
             std::vector<graph::EdgeRef>* edges, std::vector<std::pair<std::vector<graph::ActorId>,
                                                                    std::vector<graph::EdgeRef>>>* out) const {
    if (!all_ && !out->empty()) return;
    auto it = side.parents.find(node);
    if (it == side.parents.end()) {
      out->emplace_back(*nodes, *edges);
      return;
    }
    for (const auto& [edge, parent] : it->second) {
      nodes->push_back(parent);
      edges->push_back(edge);
      Walks(side, parent, nodes, edges, out);
      nodes->pop_back();
      edges->pop_back();
    }
  }

  // The paths through `m`: each walk from the source to m followed by each walk from m to the target.
  Status Join(const Row& in, const Side& forward, const Side& backward, graph::ActorId m, std::vector<Row>* out) {
    std::vector<std::pair<std::vector<graph::ActorId>, std::vector<graph::EdgeRef>>> heads, tails;
    std::vector<graph::ActorId> nodes = {m};
    std::vector<graph::EdgeRef> edges;
    Walks(forward, m, &nodes, &edges, &heads);
    Walks(backward, m, &nodes, &edges, &tails);
    for (const auto& [head_nodes, head_edges] : heads) {
      for (const auto& [tail_nodes, tail_edges] : tails) {
        std::vector<graph::ActorId> ids(head_nodes.rbegin(), head_nodes.rend());
        ids.insert(ids.end(), tail_nodes.begin() + 1, tail_nodes.end());
        std::vector<graph::EdgeRef> path(head_edges.rbegin(), head_edges.rend());
        path.insert(path.end(), tail_edges.begin(), tail_edges.end());
        if (Status s = Emit(in, ids, path, out); !s.ok()) return s;
        if (!all_) return Status::OK();
      }
    }
    return Status::OK();
  }

  Status Emit(const Row& in, const std::vector<graph::ActorId>& ids, const std::vector<graph::EdgeRef>& edges,
              std::vector<Row>* out) {
    Path path;
    for (graph::ActorId id : ids) {
      auto node = ctx_->Node(id);
      if (!node.ok()) return node.status();
      path.nodes.push_back(Value::Node(*node));
    }
    for (const auto& e : edges) path.rels.push_back(ctx_->Rel(e));
    Row row = in;
    if (spec_.rel_slot >= 0) row[spec_.rel_slot] = Value::OfList(path.rels);
    if (path_slot_ >= 0) row[path_slot_] = Value::OfPath(std::move(path));
    out->push_back(std::move(row));
    return Status::OK();
  }

  ExpandSpec spec_;
  int path_slot_;
  bool all_;
};

class BuildPath final : public Operator {
 public:
  BuildPath(ExecContext* ctx, OperatorPtr child, std::vector<PathStep> steps, int path_slot, std::string text)
      : Operator(ctx, std::move(child)), steps_(std::move(steps)), path_slot_(path_slot), text_(std::move(text)) {}

 protected:
  Result<bool> DoNext(Row* row) override {
    auto more = child_->Next(row);
    if (!more.ok() || !*more) return more;
    (*row)[path_slot_] = Build(*row);
    return true;
  }
  std::string Describe() const override { return "BuildPath " + text_; }

 private:
  // null when a part of the pattern is null, as after an unmatched OPTIONAL MATCH.
  Value Build(const Row& row) const {
    Path path;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      const Value& node = row[steps_[i].node_slot];
      if (!node.is_node()) return Value();
      if (i == 0) path.nodes.push_back(node);
      if (steps_[i].rel_slot < 0) break;
      const Value& next = row[steps_[i + 1].node_slot];
      const Value& rel = row[steps_[i].rel_slot];
      const Value& segment = steps_[i].segment_slot >= 0 ? row[steps_[i].segment_slot] : Value();
      if (next.type() != Value::Type::kNode) return Value();
      if (rel.type() == Value::Type::kList && segment.type() == Value::Type::kList) {
        const List& nodes = segment.AsList();
        const List& rels = rel.AsList();
        path.rels.insert(path.rels.end(), rels.begin(), rels.end());
        if (nodes.size() > 2) path.nodes.insert(path.nodes.end(), nodes.begin() + 1, nodes.end() - 1);
      } else if (rel.type() == Value::Type::kRel) {
        path.rels.push_back(rel);
      } else {
        return Value();
      }
      path.nodes.push_back(next);
    }
    return Value::OfPath(std::move(path));
  }

  std::vector<PathStep> steps_;
  int path_slot_;
  std::string text_;
};

class Optional final : public Operator {
 public:
  Optional(ExecContext* ctx, OperatorPtr child, OperatorPtr inner, Argument* argument, std::vector<int> new_slots)
      : Operator(ctx, std::move(child)), inner_(std::move(inner)), argument_(argument),
        new_slots_(std::move(new_slots)) {}

  void Reset() override {
    active_ = false;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    while (true) {
      if (active_) {
        auto more = inner_->Next(row);
        if (!more.ok()) return more;
        if (*more) {
          matched_ = true;
          return true;
        }
        active_ = false;
        if (!matched_) {
          *row = outer_;
          for (int s : new_slots_) (*row)[s] = Value();
          return true;
        }
      }
      auto more = child_->Next(&outer_);
      if (!more.ok() || !*more) return more;
      argument_->Set(outer_);
      inner_->Reset();
      active_ = true;
      matched_ = false;
    }
  }
  std::string Describe() const override { return "Optional"; }
  const Operator* Inner() const override { return inner_.get(); }

 private:
  OperatorPtr inner_;
  Argument* argument_;
  std::vector<int> new_slots_;
  Row outer_;
  bool active_ = false;
  bool matched_ = false;
};

}  // namespace

OperatorPtr MakeShortestPath(ExecContext* ctx, OperatorPtr child, ExpandSpec spec, int path_slot, bool all) {
  return std::make_unique<ShortestPath>(ctx, std::move(child), std::move(spec), path_slot, all);
}

OperatorPtr MakeBuildPath(ExecContext* ctx, OperatorPtr child, std::vector<PathStep> steps, int path_slot,
                          std::string text) {
  return std::make_unique<BuildPath>(ctx, std::move(child), std::move(steps), path_slot, std::move(text));
}

OperatorPtr MakeOptional(ExecContext* ctx, OperatorPtr child, OperatorPtr inner, Argument* argument,
                         std::vector<int> new_slots) {
  return std::make_unique<Optional>(ctx, std::move(child), std::move(inner), argument, std::move(new_slots));
}

}  // namespace geokg::query
