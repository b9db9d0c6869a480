// The operators that read the store: node scans and seeks, and expansions along edges.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "query/eval.h"
#include "query/executor.h"
#include "query/executor_internal.h"

namespace geokg::query {

namespace {

class NodeScan final : public PerRow {
 public:
  NodeScan(ExecContext* ctx, OperatorPtr child, int slot, ScanSpec what, std::string text)
      : PerRow(ctx, std::move(child)), slot_(slot), what_(what), text_(std::move(text)) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    if (what_.actors) {
      auto nodes = ctx_->AllNodes();
      if (!nodes.ok()) return nodes.status();
      for (const NodePtr& node : **nodes) {
        if (what_.kind && node->kind != *what_.kind) continue;
        out->push_back(in);
        out->back()[slot_] = Value::Node(node);
      }
    }
    if (what_.articles) {
      auto articles = ctx_->AllArticles();
      if (!articles.ok()) return articles.status();
      for (const ArticlePtr& article : **articles) {
        out->push_back(in);
        out->back()[slot_] = Value::OfArticle(article);
      }
    }
    return Status::OK();
  }
  std::string Describe() const override {
    if (!what_.actors) return "ArticleScan " + text_;
    return (what_.articles ? "NodeScan (actors and articles) " : "NodeScan ") + text_;
  }

 private:
  int slot_;
  ScanSpec what_;
  std::string text_;
};

class ArticleSeek final : public PerRow {
 public:
  ArticleSeek(ExecContext* ctx, OperatorPtr child, int slot, ExprPtr id, std::string text)
      : PerRow(ctx, std::move(child)), slot_(slot), id_(std::move(id)), text_(std::move(text)) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    auto id = Eval(*id_, in, ctx_);
    if (!id.ok()) return id.status();
    if (id->type() != Value::Type::kString) return Status::OK();
    auto article = ctx_->Article(id->AsString());
    if (!article.ok()) return article.status();
    if (*article) {
      out->push_back(in);
      out->back()[slot_] = Value::OfArticle(*article);
    }
    return Status::OK();
  }
  std::string Describe() const override { return "ArticleSeek " + text_; }

 private:
  int slot_;
  ExprPtr id_;
  std::string text_;
};

// Finds the actor with exactly this canonical name through the store's name index.
class NodeSeek final : public PerRow {
 public:
  NodeSeek(ExecContext* ctx, OperatorPtr child, int slot, std::string name, std::string text)
      : PerRow(ctx, std::move(child)), slot_(slot), name_(std::move(name)), text_(std::move(text)) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    if (!resolved_) {
      if (Status s = Resolve(); !s.ok()) return s;
    }
    if (node_) {
      out->push_back(in);
      out->back()[slot_] = Value::Node(node_);
    }
    return Status::OK();
  }
  std::string Describe() const override { return fmt::format("NodeSeek {} by name '{}'", text_, name_); }

 private:
  Status Resolve() {
    resolved_ = true;
    auto found = ctx_->store()->FindActor(name_);
    if (!found.ok()) return found.status();
    if (found->has_value() && (*found)->name == name_) {
      auto node = ctx_->Node((*found)->id);
      if (!node.ok()) return node.status();
      node_ = *node;
      return Status::OK();
    }
    // The index also matches aliases and ignores case; `name` in a query means the canonical name exactly.
    if (found->has_value()) {
      auto nodes = ctx_->AllNodes();
      if (!nodes.ok()) return nodes.status();
      for (const NodePtr& n : **nodes)
        if (n->name == name_) node_ = n;
    }
    return Status::OK();
  }

  int slot_;
  std::string name_;
  std::string text_;
  bool resolved_ = false;
  NodePtr node_;
};

// Hands out the rows of one input row's edges as they are pulled, writing each into the caller's row
// rather than building them all first: a 2-hop pattern makes tens of thousands of rows, and a row built
// and moved costs an allocation that assigning into the reused one does not.
class Expand final : public Operator {
 public:
  Expand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec)
      : Operator(ctx, std::move(child)), spec_(std::move(spec)) {}

  void Reset() override {
    hops_ = nullptr;
    next_ = 0;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    while (true) {
      while (hops_ && next_ < hops_->size()) {
        const Hop& hop = (*hops_)[next_++];
        if (InSlots(in_, spec_.distinct_from, hop.id)) continue;
        // The caller's row usually still holds the previous output of the same input row: only the
        // slots that differ from it are assigned.
        if (row->size() != in_.size()) {
          *row = in_;
        } else {
          for (std::size_t i = 0; i < in_.size(); ++i)
            if (!(*row)[i].Identical(in_[i])) (*row)[i] = in_[i];
        }
        if (spec_.bind_rel) (*row)[spec_.rel_slot] = hop.rel;
        if (!spec_.to_bound) (*row)[spec_.to_slot] = hop.other;
        return true;
      }
      hops_ = nullptr;
      next_ = 0;
      auto more = child_->Next(&in_);
      if (!more.ok() || !*more) return more;
      auto from = NodeIn(in_, spec_.from_slot);
      if (!from) continue;
      std::optional<graph::ActorId> far;
      if (spec_.to_bound) {
        far = NodeIn(in_, spec_.to_slot);
        if (!far) continue;
      }
      auto edges = Edges(*from, far);
      if (!edges.ok()) return edges.status();
      hops_ = *edges;
    }
  }

  std::string Describe() const override {
    std::string dates;
    if (spec_.from_date || spec_.to_date)
      dates = fmt::format(" dates {}..{}", spec_.from_date ? spec_.from_date->ToString() : "",
                          spec_.to_date ? spec_.to_date->ToString() : "");
    return (spec_.to_bound ? "ExpandInto " : "Expand ") + spec_.text + dates;
  }

 private:
  // An edge as the rows take it: the relationship and far node values are made once per edge, not once
  // per row.
  struct Hop {
    graph::EdgeId id;
    Value rel;
    Value other;
  };
  using Edges_ = std::vector<Hop>;

  // The edges at `from` (reaching `far` when given). Input rows often repeat a node (every edge into it
  // brings it again), so the lists are kept for the query's life, up to kCachedEdges edges in all.
  Result<const Edges_*> Edges(graph::ActorId from, std::optional<graph::ActorId> far) {
    auto key = std::make_pair(from, far.value_or(0));
    if (auto it = cache_.find(key); it != cache_.end()) return &it->second;
    refs_.clear();
    if (Status s = Neighbours(ctx_, spec_, from, far, true, &refs_); !s.ok()) return s;
    scratch_.clear();
    scratch_.reserve(refs_.size());
    for (const auto& [ref, other] : refs_) {
      Value node;
      if (!spec_.to_bound) {
        auto n = ctx_->Node(other);
        if (!n.ok()) return n.status();
        node = Value::Node(*n);
      }
      scratch_.push_back(Hop{ref.id, spec_.bind_rel ? ctx_->Rel(ref) : Value(), std::move(node)});
    }
    if (cached_ + scratch_.size() > kCachedEdges) return &scratch_;
    cached_ += scratch_.size();
    return &cache_.emplace(key, std::move(scratch_)).first->second;
  }

  static constexpr std::size_t kCachedEdges = 200000;
  ExpandSpec spec_;
  std::map<std::pair<graph::ActorId, graph::ActorId>, Edges_> cache_;
  std::size_t cached_ = 0;
  std::vector<std::pair<graph::EdgeRef, graph::ActorId>> refs_;
  Edges_ scratch_;
  Row in_;                        // the input row whose edges are being handed out
  const Edges_* hops_ = nullptr;  // its edges: in cache_ or scratch_
  std::size_t next_ = 0;
};

class VarExpand final : public PerRow {
 public:
  VarExpand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec)
      : PerRow(ctx, std::move(child)), spec_(std::move(spec)) {}

 protected:
  Status Fill(const Row& in, std::vector<Row>* out) override {
    auto from = NodeIn(in, spec_.from_slot);
    if (!from) return Status::OK();
    if (spec_.to_bound) {
      target_ = NodeIn(in, spec_.to_slot);
      if (!target_) return Status::OK();
    }
    adjacency_.clear();
    rels_.clear();
    nodes_ = {*from};
    return Walk(in, *from, out);
  }

  std::string Describe() const override {
    return fmt::format("{} {} hops {}..{}", spec_.to_bound ? "VarExpandInto" : "VarExpand", spec_.text,
                       spec_.min_hops, spec_.max_hops);
  }

 private:
  // Depth-first over paths that use each edge at most once, as Cypher's relationship uniqueness requires.
  Status Walk(const Row& in, graph::ActorId at, std::vector<Row>* out) {
    if (Status s = ctx_->Tick(); !s.ok()) return s;
    int depth = static_cast<int>(rels_.size());
    if (depth >= spec_.min_hops && (!spec_.to_bound || at == *target_)) {
      if (Status s = Emit(in, out); !s.ok()) return s;
    }
    if (depth >= spec_.max_hops) return Status::OK();
    auto it = adjacency_.find(at);
    if (it == adjacency_.end()) {
      std::vector<std::pair<graph::EdgeRef, graph::ActorId>> edges;
      if (Status s = Neighbours(ctx_, spec_, at, std::nullopt, false, &edges); !s.ok()) return s;
      it = adjacency_.emplace(at, std::move(edges)).first;
    }
    for (const auto& [edge, other] : it->second) {
      bool used = std::any_of(rels_.begin(), rels_.end(), [&](const graph::EdgeRef& e) { return e.id == edge.id; });
      if (used || InSlots(in, spec_.distinct_from, edge.id)) continue;
      rels_.push_back(edge);
      nodes_.push_back(other);
      Status s = Walk(in, other, out);
      rels_.pop_back();
      nodes_.pop_back();
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status Emit(const Row& in, std::vector<Row>* out) {
    Row row = in;
    List rels, nodes;
    for (const auto& e : rels_) rels.push_back(ctx_->Rel(e));
    for (graph::ActorId id : nodes_) {
      auto node = ctx_->Node(id);
      if (!node.ok()) return node.status();
      nodes.push_back(Value::Node(*node));
    }
    if (!spec_.to_bound) row[spec_.to_slot] = nodes.back();
    if (spec_.reversed) {
      std::reverse(rels.begin(), rels.end());
      std::reverse(nodes.begin(), nodes.end());
    }
    row[spec_.rel_slot] = Value::OfList(std::move(rels));
    if (spec_.nodes_slot >= 0) row[spec_.nodes_slot] = Value::OfList(std::move(nodes));
    out->push_back(std::move(row));
    return Status::OK();
  }

  ExpandSpec spec_;
  std::optional<graph::ActorId> target_;
  std::unordered_map<graph::ActorId, std::vector<std::pair<graph::EdgeRef, graph::ActorId>>> adjacency_;
  std::vector<graph::EdgeRef> rels_;
  std::vector<graph::ActorId> nodes_;
};

}  // namespace

bool InSlots(const Row& row, const std::vector<int>& slots, graph::EdgeId id) {
  for (int s : slots) {
    const Value& v = row[s];
    if (v.type() == Value::Type::kRel && v.AsRel().edge.id == id) return true;
    if (v.type() == Value::Type::kList)
      for (const Value& r : v.AsList())
        if (r.type() == Value::Type::kRel && r.AsRel().edge.id == id) return true;
  }
  return false;
}

Status Neighbours(ExecContext* ctx, const ExpandSpec& spec, graph::ActorId node, std::optional<graph::ActorId> far,
                  bool with_dates, std::vector<std::pair<graph::EdgeRef, graph::ActorId>>* out) {
  for (bool outgoing : {true, false}) {
    if ((outgoing && spec.direction == Direction::kIn) || (!outgoing && spec.direction == Direction::kOut)) continue;
    graph::EdgeFilter f;
    (outgoing ? f.source : f.target) = node;
    if (far) (outgoing ? f.target : f.source) = *far;
    if (with_dates) {
      f.from = spec.from_date;
      f.to = spec.to_date;
    }
    Status late;
    auto visit = [&](const graph::EdgeRef& e) {
      if (late = ctx->Tick(); !late.ok()) return false;
      // Either way, a self-loop is found by both scans; it is one match.
      if (!outgoing && spec.direction == Direction::kBoth && e.source == e.target) return true;
      out->emplace_back(e, outgoing ? e.target : e.source);
      return true;
    };
    if (spec.relations.empty()) {
      if (Status s = ctx->store()->ScanEdgeRefs(f, visit); !s.ok()) return s;
    }
    for (graph::RelationId r : spec.relations) {
      f.relation = r;
      if (Status s = ctx->store()->ScanEdgeRefs(f, visit); !s.ok()) return s;
      if (!late.ok()) break;
    }
    if (!late.ok()) return late;
  }
  return Status::OK();
}

std::optional<graph::ActorId> NodeIn(const Row& row, int slot) {
  const Value& v = row[slot];
  if (v.type() != Value::Type::kNode) return std::nullopt;
  return v.AsNode().id;
}

OperatorPtr MakeNodeScan(ExecContext* ctx, OperatorPtr child, int slot, ScanSpec what, std::string text) {
  return std::make_unique<NodeScan>(ctx, std::move(child), slot, what, std::move(text));
}

OperatorPtr MakeArticleSeek(ExecContext* ctx, OperatorPtr child, int slot, ExprPtr id, std::string text) {
  return std::make_unique<ArticleSeek>(ctx, std::move(child), slot, std::move(id), std::move(text));
}

OperatorPtr MakeNodeSeek(ExecContext* ctx, OperatorPtr child, int slot, std::string name, std::string text) {
  return std::make_unique<NodeSeek>(ctx, std::move(child), slot, std::move(name), std::move(text));
}

OperatorPtr MakeExpand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec) {
  return std::make_unique<Expand>(ctx, std::move(child), std::move(spec));
}

OperatorPtr MakeVarExpand(ExecContext* ctx, OperatorPtr child, ExpandSpec spec) {
  return std::make_unique<VarExpand>(ctx, std::move(child), std::move(spec));
}

}  // namespace geokg::query
