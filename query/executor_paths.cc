// Paths: shortest paths between two bound nodes, path values built from a matched pattern, and OPTIONAL
// MATCH, which keeps a row whose pattern has no match.
#include <fmt/format.h>

#include <unordered_map>

#include "query/executor.h"
#include "query/executor_internal.h"

namespace geokg::query {

namespace {

// Breadth-first from one bound node to another, level by level, so that the first level reaching the target
// holds every shortest path.
class ShortestPath final : public PerRow {
 public:
  ShortestPath(ExecContext* ctx, OperatorPtr child, ExpandSpec spec, int path_slot, bool all)
      : PerRow(ctx, std::move(child)), spec_(std::move(spec)), path_slot_(path_slot), all_(all) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    auto from = NodeIn(in, spec_.from_slot), to = NodeIn(in, spec_.to_slot);
    if (!from || !to) return Status::OK();
    if (*from == *to) return spec_.min_hops == 0 ? Emit(in, {*from}, {}, out) : Status::OK();
    std::unordered_map<graph::ActorId, int> depth = {{*from, 0}};
    parents_.clear();
    std::vector<graph::ActorId> frontier = {*from};
    for (int d = 1; d <= spec_.max_hops && !frontier.empty() && !depth.count(*to); ++d) {
      std::vector<graph::ActorId> next;
      for (graph::ActorId u : frontier) {
        std::vector<std::pair<graph::Edge, graph::ActorId>> edges;
        if (Status s = Neighbours(ctx_, spec_, u, std::nullopt, false, &edges); !s.ok()) return s;
        for (auto& [edge, v] : edges) {
          auto [it, fresh] = depth.emplace(v, d);
          if (fresh) next.push_back(v);
          if (it->second == d) parents_[v].emplace_back(edge, u);
        }
      }
      frontier = std::move(next);
    }
    if (!depth.count(*to) || depth[*to] < spec_.min_hops) return Status::OK();
    std::vector<graph::ActorId> nodes = {*to};
    std::vector<graph::Edge> rels;
    return Unwind(in, *from, &nodes, &rels, out);
  }

  std::string Describe() const override {
    return fmt::format("{} {} hops ..{}", all_ ? "AllShortestPaths" : "ShortestPath", spec_.text, spec_.max_hops);
  }

 private:
  // Walks the parent links back from the target; each complete walk is one path, written source first.
  Status Unwind(const Row& in, graph::ActorId from, std::vector<graph::ActorId>* nodes,
                std::vector<graph::Edge>* rels, std::vector<Row>* out) {
    if (!all_ && !out->empty()) return Status::OK();
    if (nodes->back() == from) {
      std::vector<graph::ActorId> n(nodes->rbegin(), nodes->rend());
      std::vector<graph::Edge> r(rels->rbegin(), rels->rend());
      return Emit(in, n, r, out);
    }
    for (const auto& [edge, parent] : parents_[nodes->back()]) {
      nodes->push_back(parent);
      rels->push_back(edge);
      Status s = Unwind(in, from, nodes, rels, out);
      nodes->pop_back();
      rels->pop_back();
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status Emit(const Row& in, const std::vector<graph::ActorId>& ids, const std::vector<graph::Edge>& edges,
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
  std::unordered_map<graph::ActorId, std::vector<std::pair<graph::Edge, graph::ActorId>>> parents_;
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
      if (node.type() != Value::Type::kNode) return Value();
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
