// Planning MATCH and OPTIONAL MATCH: variables, conditions, the order of scans and expansions.
#include <fmt/format.h>

#include <algorithm>

#include "query/errors.h"
#include "query/eval.h"
#include "query/planner_internal.h"

namespace geokg::query {

namespace {

ExprPtr NewExpr(Expr::Kind kind, std::size_t offset) {
  auto e = std::make_shared<Expr>();
  e->kind = kind;
  e->offset = offset;
  return e;
}

// `var.key = value`, with the variable already bound to `slot`.
ExprPtr PropertyEquals(const std::string& var, int slot, const std::string& key, ExprPtr value, std::size_t offset) {
  auto v = NewExpr(Expr::Kind::kVariable, offset);
  v->name = var;
  v->slot = slot;
  auto p = NewExpr(Expr::Kind::kProperty, offset);
  p->name = key;
  p->args = {v};
  auto eq = NewExpr(Expr::Kind::kBinary, offset);
  eq->binary_op = BinaryOp::kEq;
  eq->args = {p, std::move(value)};
  return eq;
}

// `'Label' IN labels(var)`, with the variable already bound to `slot`.
ExprPtr HasLabel(const std::string& var, int slot, const std::string& label, std::size_t offset) {
  auto v = NewExpr(Expr::Kind::kVariable, offset);
  v->name = var;
  v->slot = slot;
  auto call = NewExpr(Expr::Kind::kCall, offset);
  call->name = "labels";
  call->args = {v};
  auto name = NewExpr(Expr::Kind::kLiteral, offset);
  name->value = Value::String(label);
  auto in = NewExpr(Expr::Kind::kBinary, offset);
  in->binary_op = BinaryOp::kIn;
  in->args = {name, call};
  return in;
}

void CollectSlots(const Expr& e, std::set<int>* out) {
  if ((e.kind == Expr::Kind::kVariable || e.kind == Expr::Kind::kSlot) && e.slot >= 0) out->insert(e.slot);
  for (const auto& a : e.args) CollectSlots(*a, out);
}

void SplitAnd(const ExprPtr& e, std::vector<ExprPtr>* out) {
  if (e->kind == Expr::Kind::kBinary && e->binary_op == BinaryOp::kAnd) {
    SplitAnd(e->args[0], out);
    SplitAnd(e->args[1], out);
  } else {
    out->push_back(e);
  }
}

// The property `key` of the variable in `slot`, as `e` reads it.
bool IsPropertyOf(const Expr& e, int slot, const char* key) {
  return e.kind == Expr::Kind::kProperty && e.name == key && e.args[0]->kind == Expr::Kind::kVariable &&
         e.args[0]->slot == slot;
}

// A date written as a literal: '2025-02' or date('2025-02').
std::optional<graph::Date> ConstantDate(const Expr& e) {
  if (e.kind == Expr::Kind::kLiteral) return AsDateLike(e.value);
  if (e.kind == Expr::Kind::kCall && e.args.size() == 1 && e.args[0]->kind == Expr::Kind::kLiteral) {
    const FunctionInfo* f = FindFunction(e.name);
    if (f && f->name == "date") return AsDateLike(e.args[0]->value);
  }
  return std::nullopt;
}

BinaryOp Mirror(BinaryOp op) {
  switch (op) {
    case BinaryOp::kLt: return BinaryOp::kGt;
    case BinaryOp::kLe: return BinaryOp::kGe;
    case BinaryOp::kGt: return BinaryOp::kLt;
    case BinaryOp::kGe: return BinaryOp::kLe;
    default: return op;
  }
}

std::string NodeText(const NodePattern& n) {
  std::string out = "(" + n.var;
  for (const auto& l : n.labels) out += ":" + l;
  return out + ")";
}

std::string RelText(const RelPattern& r, Direction direction) {
  std::string inner = r.var;
  for (std::size_t i = 0; i < r.types.size(); ++i) inner += (i == 0 ? ":" : "|") + r.types[i];
  if (r.variable_length)
    inner += fmt::format("*{}..{}", r.min_hops, r.max_hops ? std::to_string(*r.max_hops) : "");
  std::string body = inner.empty() ? "--" : "-[" + inner + "]-";
  if (direction == Direction::kOut) return body + ">";
  if (direction == Direction::kIn) return "<" + body;
  return body;
}

// Whether one edge could match both relationship patterns: not when both list types and share none.
bool MayOverlap(const RelPattern& a, const RelPattern& b) {
  if (a.types.empty() || b.types.empty()) return true;
  for (const auto& t : a.types)
    if (std::find(b.types.begin(), b.types.end(), t) != b.types.end()) return true;
  return false;
}

Direction Flip(Direction d) {
  return d == Direction::kOut ? Direction::kIn : (d == Direction::kIn ? Direction::kOut : d);
}

}  // namespace

int Planner::SlotOf(const NodePattern& node) const {
  for (std::size_t i = 0; i < pattern_keys_.size(); ++i)
    if (pattern_keys_[i] == &node) return pattern_slots_[i];
  return -1;
}

int Planner::SlotOf(const RelPattern& rel) const {
  for (std::size_t i = 0; i < pattern_keys_.size(); ++i)
    if (pattern_keys_[i] == &rel) return pattern_slots_[i];
  return -1;
}

Result<VarKind> Planner::NodeKind(const NodePattern& node, const PatternPart& part, const Var* bound) const {
  bool article = false;
  std::string actor_label;
  for (const auto& label : node.labels) {
    if (label == kArticleLabel) {
      article = true;
    } else {
      actor_label = label;
    }
  }
  const bool attached = !part.rels.empty();
  const std::string name = node.var.empty() ? "the node" : node.var;
  if (article && !actor_label.empty())
    return Error(node.offset, fmt::format("{} cannot be both an :Article and an actor (:{})", name, actor_label));
  const bool is_article = article || (bound && bound->kind == VarKind::kArticle);
  if (is_article && attached)
    return Error(node.offset, "articles have no relationships; find the article of an edge r with "
                              "MATCH (art:Article {id: r.article})");
  if (bound && bound->kind == VarKind::kArticle && !actor_label.empty())
    return Error(node.offset, fmt::format("{} is an article, not an actor (:{})", name, actor_label));
  if (bound && bound->kind == VarKind::kNode && article)
    return Error(node.offset, fmt::format("{} is an actor, not an :Article", name));
  if (bound) return bound->kind;
  if (article) return VarKind::kArticle;
  return !actor_label.empty() || attached ? VarKind::kNode : VarKind::kAnyNode;
}

VarKind Planner::KindOf(int slot) const {
  for (std::size_t i = 0; i < pattern_slots_.size(); ++i)
    if (pattern_slots_[i] == slot) return pattern_kinds_[i];
  for (const auto& v : scope_)
    if (v.slot == slot) return v.kind;
  return VarKind::kValue;
}

Status Planner::DeclarePatterns(const Clause& clause, std::vector<int>* new_slots) {
  auto declare = [&](const std::string& name, VarKind kind) {
    int slot = NewSlot();
    new_slots->push_back(slot);
    if (!name.empty()) scope_.push_back({name, slot, kind});
    return slot;
  };
  std::vector<std::string> types;
  for (const auto& r : ctx_->relations()) types.push_back(ExecContext::TypeName(r.name));
  for (const PatternPart& part : clause.patterns) {
    for (const NodePattern& n : part.nodes) {
      const Var* v = n.var.empty() ? nullptr : Find(n.var);
      if (v && !IsNodeKind(v->kind))
        return Error(n.offset, fmt::format("{} is bound to something other than a node", n.var));
      for (const auto& label : n.labels)
        if (std::find(NodeLabels().begin(), NodeLabels().end(), label) == NodeLabels().end())
          return Error(n.offset, "unknown label :" + label + Suggestion(label, NodeLabels()));
      auto kind = NodeKind(n, part, v);
      if (!kind.ok()) return kind.status();
      pattern_keys_.push_back(&n);
      pattern_slots_.push_back(v ? v->slot : declare(n.var, *kind));
      segment_slots_.push_back(-1);
      pattern_kinds_.push_back(*kind);
      const std::vector<std::string>& known = *PropertiesOf(*kind);
      for (const auto& [key, value] : n.properties)
        if (std::find(known.begin(), known.end(), key) == known.end())
          return Error(n.offset, fmt::format("unknown {} property {}{}",
                                             *kind == VarKind::kArticle ? "article" : "node", key,
                                             Suggestion(key, known)));
    }
    for (const RelPattern& r : part.rels) {
      if (!r.var.empty() && Find(r.var))
        return Error(r.offset, fmt::format("variable {} is already bound; a relationship variable cannot be reused",
                                           r.var));
      for (std::size_t i = 0; i < r.types.size(); ++i)
        if (!ctx_->RelationByTypeName(r.types[i]))
          return Error(r.type_offsets[i],
                       "unknown relation type " + r.types[i] +
                           (types.empty() ? " (the database has no relationships)" : Suggestion(r.types[i], types)));
      for (const auto& [key, value] : r.properties)
        if (std::find(RelProperties().begin(), RelProperties().end(), key) == RelProperties().end())
          return Error(r.offset, "unknown relationship property " + key + Suggestion(key, RelProperties()));
      bool many = r.variable_length || part.shortest != PatternPart::Shortest::kNone;
      if (many && !r.properties.empty())
        return Error(r.offset, "a variable-length relationship cannot have a property map; use WHERE");
      VarKind kind = many ? VarKind::kRelList : VarKind::kRel;
      pattern_keys_.push_back(&r);
      pattern_slots_.push_back(declare(r.var, kind));
      segment_slots_.push_back(r.variable_length && !part.path_var.empty() ? declare("", VarKind::kValue) : -1);
      pattern_kinds_.push_back(kind);
    }
    if (!part.path_var.empty()) {
      if (Find(part.path_var)) return Error(part.offset, "variable " + part.path_var + " is already bound");
      declare(part.path_var, VarKind::kPath);
    }
  }
  return Status::OK();
}

Status Planner::AddPatternConditions(const Clause& clause) {
  auto add = [&](const std::string& var, int slot, const std::string& key, const ExprPtr& value,
                 std::size_t offset) -> Status {
    if (Status s = Bind(value.get(), scope_, false); !s.ok()) return s;
    Condition c;
    c.expr = PropertyEquals(var, slot, key, value, offset);
    CollectSlots(*c.expr, &c.slots);
    c.text = fmt::format("{}.{} = {}", var.empty() ? "_" : var, key, Text(*value));
    conditions_.push_back(std::move(c));
    return Status::OK();
  };
  for (const PatternPart& part : clause.patterns) {
    for (const NodePattern& n : part.nodes) {
      int slot = SlotOf(n);
      std::string var = n.var.empty() ? "_" : n.var;
      for (const auto& label : n.labels) {
        auto kind = LabelKind(label);
        if (!kind) {
          // :Actor and :Article need a test only on a node bound earlier that may be either.
          if (KindOf(slot) != VarKind::kAnyNode) continue;
          Condition c;
          c.expr = HasLabel(n.var, slot, label, n.offset);
          CollectSlots(*c.expr, &c.slots);
          c.text = var + ":" + label;
          conditions_.push_back(std::move(c));
          continue;
        }
        auto value = NewExpr(Expr::Kind::kLiteral, n.offset);
        value->value = Value::String(std::string(graph::ActorKindName(*kind)));
        if (Status s = add(n.var, slot, "kind", value, n.offset); !s.ok()) return s;
        conditions_.back().text = var + ":" + label;
        conditions_.back().label_slot = slot;
        conditions_.back().kind = kind;
      }
      for (const auto& [key, value] : n.properties)
        if (Status s = add(n.var, slot, key, value, n.offset); !s.ok()) return s;
    }
    for (const RelPattern& r : part.rels)
      for (const auto& [key, value] : r.properties)
        if (Status s = add(r.var, SlotOf(r), key, value, r.offset); !s.ok()) return s;
  }
  return Status::OK();
}

Status Planner::AddWhere(const ExprPtr& where) {
  if (!where) return Status::OK();
  if (Status s = Bind(where.get(), scope_, false); !s.ok()) return s;
  std::vector<ExprPtr> parts;
  SplitAnd(where, &parts);
  for (const auto& e : parts) {
    Condition c;
    c.expr = e;
    CollectSlots(*e, &c.slots);
    c.text = Text(*e);
    conditions_.push_back(std::move(c));
  }
  return Status::OK();
}

OperatorPtr Planner::ApplyReady(OperatorPtr op) {
  for (Condition& c : conditions_) {
    if (c.applied || !std::includes(bound_.begin(), bound_.end(), c.slots.begin(), c.slots.end())) continue;
    c.applied = true;
    op = MakeFilter(ctx_, std::move(op), c.expr, c.text);
  }
  return op;
}

std::optional<std::pair<std::size_t, std::string>> Planner::NameSeek(int slot) const {
  for (std::size_t i = 0; i < conditions_.size(); ++i) {
    const Condition& c = conditions_[i];
    const Expr& e = *c.expr;
    if (c.applied || e.kind != Expr::Kind::kBinary || e.binary_op != BinaryOp::kEq) continue;
    for (int side = 0; side < 2; ++side) {
      const Expr& value = *e.args[1 - side];
      if (IsPropertyOf(*e.args[side], slot, "name") && value.kind == Expr::Kind::kLiteral &&
          value.value.type() == Value::Type::kString)
        return std::make_pair(i, value.value.AsString());
    }
  }
  return std::nullopt;
}

std::optional<std::pair<std::size_t, ExprPtr>> Planner::IdSeek(int slot) const {
  for (std::size_t i = 0; i < conditions_.size(); ++i) {
    const Condition& c = conditions_[i];
    const Expr& e = *c.expr;
    if (c.applied || e.kind != Expr::Kind::kBinary || e.binary_op != BinaryOp::kEq) continue;
    for (int side = 0; side < 2; ++side) {
      if (!IsPropertyOf(*e.args[side], slot, "id")) continue;
      std::set<int> reads;
      CollectSlots(*e.args[1 - side], &reads);
      if (!reads.count(slot) && std::includes(bound_.begin(), bound_.end(), reads.begin(), reads.end()))
        return std::make_pair(i, e.args[1 - side]);
    }
  }
  return std::nullopt;
}

int Planner::StartScore(const NodePattern& node) const {
  int slot = SlotOf(node);
  VarKind kind = KindOf(slot);
  if (bound_.count(slot)) return 4;
  if (kind != VarKind::kArticle && NameSeek(slot)) return 3;
  if (kind != VarKind::kNode && IdSeek(slot)) return 3;
  // Articles outnumber actors by far: a scan of them goes last, when a seek by id may have become possible.
  if (kind != VarKind::kNode) return 0;
  for (const auto& l : node.labels)
    if (LabelKind(l)) return 2;
  return 1;
}

OperatorPtr Planner::PlanStart(const NodePattern& node, OperatorPtr op) {
  int slot = SlotOf(node);
  VarKind kind = KindOf(slot);
  if (!bound_.count(slot)) {
    auto name = kind != VarKind::kArticle ? NameSeek(slot) : std::nullopt;
    auto id = kind != VarKind::kNode && !name ? IdSeek(slot) : std::nullopt;
    if (name) {
      // Only actors have names: the seek answers an unlabelled node too.
      conditions_[name->first].applied = true;
      op = MakeNodeSeek(ctx_, std::move(op), slot, name->second, NodeText(node));
    } else if (id) {
      conditions_[id->first].applied = true;
      op = MakeArticleSeek(ctx_, std::move(op), slot, id->second,
                           fmt::format("{} by id {}", NodeText(node), Text(*id->second)));
    } else {
      ScanSpec what;
      what.actors = kind != VarKind::kArticle;
      what.articles = kind != VarKind::kNode;
      for (Condition& c : conditions_) {
        if (c.label_slot != slot || c.applied || (what.kind && c.kind != what.kind)) continue;
        what.kind = c.kind;
        what.articles = false;
        c.applied = true;
      }
      op = MakeNodeScan(ctx_, std::move(op), slot, what, NodeText(node));
    }
    bound_.insert(slot);
  }
  return ApplyReady(std::move(op));
}

void Planner::DateRange(int rel_slot, ExpandSpec* spec) const {
  for (const Condition& c : conditions_) {
    const Expr& e = *c.expr;
    if (c.applied || e.kind != Expr::Kind::kBinary) continue;
    for (int side = 0; side < 2; ++side) {
      auto date = ConstantDate(*e.args[1 - side]);
      if (!IsPropertyOf(*e.args[side], rel_slot, "date") || !date) continue;
      BinaryOp op = side == 0 ? e.binary_op : Mirror(e.binary_op);
      bool lower = op == BinaryOp::kGt || op == BinaryOp::kGe || op == BinaryOp::kEq;
      bool upper = op == BinaryOp::kLt || op == BinaryOp::kLe || op == BinaryOp::kEq;
      // The scan's bounds are inclusive; the condition itself still runs, so `>` needs no adjustment.
      if (lower && (!spec->from_date || spec->from_date->Packed() < date->Packed())) spec->from_date = date;
      if (upper && (!spec->to_date || spec->to_date->Packed() > date->Packed())) spec->to_date = date;
    }
  }
}

Result<ExpandSpec> Planner::MakeSpec(const RelPattern& rel, const NodePattern& from, const NodePattern& to,
                                     bool reversed) {
  ExpandSpec spec;
  spec.from_slot = SlotOf(from);
  spec.to_slot = SlotOf(to);
  spec.to_bound = bound_.count(spec.to_slot) > 0;
  spec.rel_slot = SlotOf(rel);
  spec.direction = reversed ? Flip(rel.direction) : rel.direction;
  spec.reversed = reversed;
  for (const auto& type : rel.types) spec.relations.push_back(*ctx_->RelationByTypeName(type));
  // Relationship uniqueness only needs checking against patterns that could match the same edge.
  for (std::size_t i = 0; i < clause_rels_.size(); ++i)
    if (MayOverlap(rel, *clause_rel_patterns_[i])) spec.distinct_from.push_back(clause_rels_[i]);
  spec.bind_rel = !rel.var.empty() || !rel.properties.empty() || rel.variable_length;
  for (const PatternPart& part : clause_->patterns)
    for (const RelPattern& other : part.rels)
      if (&other == &rel ? !part.path_var.empty() : MayOverlap(rel, other)) spec.bind_rel = true;
  spec.text = NodeText(from) + RelText(rel, spec.direction) + NodeText(to);
  spec.min_hops = rel.variable_length ? rel.min_hops : 1;
  spec.max_hops = rel.variable_length ? rel.max_hops.value_or(std::max(kMaxUnboundedHops, rel.min_hops)) : 1;
  for (std::size_t i = 0; i < pattern_keys_.size(); ++i)
    if (pattern_keys_[i] == &rel) spec.nodes_slot = segment_slots_[i];
  if (!rel.variable_length) DateRange(spec.rel_slot, &spec);
  return spec;
}

Result<OperatorPtr> Planner::PlanPart(const PatternPart& part, OperatorPtr op) {
  if (part.shortest != PatternPart::Shortest::kNone) return PlanShortest(part, std::move(op));
  std::size_t start = 0;
  for (std::size_t i = 1; i < part.nodes.size(); ++i)
    if (StartScore(part.nodes[i]) > StartScore(part.nodes[start])) start = i;
  op = PlanStart(part.nodes[start], std::move(op));
  auto expand = [&](std::size_t rel, std::size_t from, std::size_t to) -> Status {
    // A far end found by name is sought first: the expansion then scans only the edges between the two.
    if (!bound_.count(SlotOf(part.nodes[to])) && NameSeek(SlotOf(part.nodes[to])))
      op = PlanStart(part.nodes[to], std::move(op));
    auto spec = MakeSpec(part.rels[rel], part.nodes[from], part.nodes[to], from > to);
    if (!spec.ok()) return spec.status();
    bound_.insert({spec->rel_slot, spec->to_slot});
    if (spec->nodes_slot >= 0) bound_.insert(spec->nodes_slot);
    clause_rels_.push_back(spec->rel_slot);
    clause_rel_patterns_.push_back(&part.rels[rel]);
    op = part.rels[rel].variable_length ? MakeVarExpand(ctx_, std::move(op), std::move(*spec))
                                        : MakeExpand(ctx_, std::move(op), std::move(*spec));
    op = ApplyReady(std::move(op));
    return Status::OK();
  };
  for (std::size_t i = start; i < part.rels.size(); ++i)
    if (Status s = expand(i, i, i + 1); !s.ok()) return s;
  for (std::size_t i = start; i-- > 0;)
    if (Status s = expand(i, i + 1, i); !s.ok()) return s;
  if (!part.path_var.empty()) {
    std::vector<PathStep> steps;
    for (std::size_t i = 0; i < part.nodes.size(); ++i) {
      PathStep step;
      step.node_slot = SlotOf(part.nodes[i]);
      if (i < part.rels.size()) {
        step.rel_slot = SlotOf(part.rels[i]);
        for (std::size_t k = 0; k < pattern_keys_.size(); ++k)
          if (pattern_keys_[k] == &part.rels[i]) step.segment_slot = segment_slots_[k];
      }
      steps.push_back(step);
    }
    const Var* path = Find(part.path_var);
    op = MakeBuildPath(ctx_, std::move(op), std::move(steps), path->slot, part.path_var);
    bound_.insert(path->slot);
  }
  return ApplyReady(std::move(op));
}

Result<OperatorPtr> Planner::PlanShortest(const PatternPart& part, OperatorPtr op) {
  op = PlanStart(part.nodes[0], std::move(op));
  op = PlanStart(part.nodes[1], std::move(op));
  auto spec = MakeSpec(part.rels[0], part.nodes[0], part.nodes[1], false);
  if (!spec.ok()) return spec.status();
  if (part.rels[0].variable_length && !part.rels[0].max_hops) spec->max_hops = kUnboundedShortest;
  int path_slot = part.path_var.empty() ? -1 : Find(part.path_var)->slot;
  bound_.insert(spec->rel_slot);
  if (path_slot >= 0) bound_.insert(path_slot);
  clause_rels_.push_back(spec->rel_slot);
  clause_rel_patterns_.push_back(&part.rels[0]);
  op = MakeShortestPath(ctx_, std::move(op), std::move(*spec), path_slot,
                        part.shortest == PatternPart::Shortest::kAll);
  return ApplyReady(std::move(op));
}

Result<OperatorPtr> Planner::PlanMatch(const Clause& clause, OperatorPtr input) {
  conditions_.clear();
  clause_rels_.clear();
  clause_rel_patterns_.clear();
  clause_ = &clause;
  pattern_keys_.clear();
  pattern_slots_.clear();
  segment_slots_.clear();
  pattern_kinds_.clear();
  bound_.clear();
  for (const auto& v : scope_) bound_.insert(v.slot);
  std::vector<int> new_slots;
  if (Status s = DeclarePatterns(clause, &new_slots); !s.ok()) return s;
  if (Status s = AddPatternConditions(clause); !s.ok()) return s;
  if (Status s = AddWhere(clause.where); !s.ok()) return s;
  Argument* argument = nullptr;
  OperatorPtr op;
  if (clause.optional) {
    argument = new Argument(ctx_, 0);
    op.reset(argument);
  } else {
    op = std::move(input);
  }
  op = ApplyReady(std::move(op));
  std::vector<bool> done(clause.patterns.size());
  for (std::size_t n = 0; n < clause.patterns.size(); ++n) {
    // Parts connected to what is bound, or with a selective start, go first.
    std::size_t best = clause.patterns.size();
    int best_score = -1;
    for (std::size_t i = 0; i < clause.patterns.size(); ++i) {
      if (done[i]) continue;
      int score = 0;
      for (const auto& node : clause.patterns[i].nodes) score = std::max(score, StartScore(node));
      if (score > best_score) {
        best = i;
        best_score = score;
      }
    }
    done[best] = true;
    auto next = PlanPart(clause.patterns[best], std::move(op));
    if (!next.ok()) return next.status();
    op = std::move(*next);
  }
  op = ApplyReady(std::move(op));
  if (clause.optional) op = MakeOptional(ctx_, std::move(input), std::move(op), argument, std::move(new_slots));
  return op;
}

}  // namespace geokg::query
