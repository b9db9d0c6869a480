// The planner's clause loop, projections (WITH, RETURN), UNWIND, and the binding of names in expressions.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "query/errors.h"
#include "query/eval.h"
#include "query/planner_internal.h"

namespace geokg::query {

namespace {

bool IsAggregate(const Expr& e) {
  if (e.kind != Expr::Kind::kCall) return false;
  const FunctionInfo* f = FindFunction(e.name);
  return f && f->aggregate;
}

bool HasAggregate(const Expr& e) {
  if (IsAggregate(e)) return true;
  return std::any_of(e.args.begin(), e.args.end(), [](const ExprPtr& a) { return HasAggregate(*a); });
}

// Moves each aggregate call of `e` into `aggs` and puts a reference to its result slot in its place.
template <class NewSlot>
void ExtractAggregates(const ExprPtr& e, std::vector<Assignment>* aggs, std::string_view query, NewSlot new_slot) {
  if (IsAggregate(*e)) {
    auto call = std::make_shared<Expr>(*e);
    int slot = new_slot();
    aggs->push_back({call, slot, std::string(query.substr(e->offset, e->end - e->offset))});
    e->kind = Expr::Kind::kSlot;
    e->slot = slot;
    e->args.clear();
    return;
  }
  for (const auto& a : e->args) ExtractAggregates(a, aggs, query, new_slot);
}

const Expr* FindVariable(const Expr& e) {
  if (e.kind == Expr::Kind::kVariable) return &e;
  for (const auto& a : e.args)
    if (const Expr* v = FindVariable(*a)) return v;
  return nullptr;
}

std::vector<std::string> Names(const std::vector<Var>& scope) {
  std::vector<std::string> names;
  for (const auto& v : scope)
    if (!v.name.empty()) names.push_back(v.name);
  return names;
}

ExprPtr SlotRef(int slot, const Expr& like) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::kSlot;
  e->slot = slot;
  e->offset = like.offset;
  e->end = like.end;
  return e;
}

}  // namespace

const std::vector<std::string>* PropertiesOf(VarKind kind) {
  static const std::vector<std::string> kEither = [] {
    std::vector<std::string> names = NodeProperties();
    names.insert(names.end(), ArticleProperties().begin(), ArticleProperties().end());
    return names;
  }();
  switch (kind) {
    case VarKind::kNode: return &NodeProperties();
    case VarKind::kArticle: return &ArticleProperties();
    case VarKind::kAnyNode: return &kEither;
    case VarKind::kRel: return &RelProperties();
    default: return nullptr;
  }
}

// Planning annotates the query's tree in place (slots, aggregate references), so a tree is planned once.
Result<Plan> PlanQuery(const Query& query, ExecContext* ctx) { return Planner(ctx).Run(query); }

std::string Planner::Text(const Expr& e) const {
  if (e.end <= e.offset || e.end > query_.size()) return e.name;
  return std::string(query_.substr(e.offset, e.end - e.offset));
}

const Var* Planner::Find(std::string_view name) const {
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

Result<Plan> Planner::Run(const Query& query) {
  Plan plan;
  auto* argument = new Argument(ctx_, 0);
  OperatorPtr op(argument);
  for (const Clause& clause : query.clauses) {
    Result<OperatorPtr> next = clause.kind == Clause::Kind::kMatch    ? PlanMatch(clause, std::move(op))
                               : clause.kind == Clause::Kind::kUnwind ? PlanUnwind(clause, std::move(op))
                                                                      : PlanProjection(clause, std::move(op), &plan);
    if (!next.ok()) return next.status();
    op = std::move(*next);
  }
  ctx_->set_width(static_cast<std::size_t>(next_slot_));
  argument->Set(Row(static_cast<std::size_t>(next_slot_)));
  plan.root = std::move(op);
  return plan;
}

Status Planner::Bind(Expr* e, const std::vector<Var>& scope, bool allow_aggregates, bool in_aggregate) {
  switch (e->kind) {
    case Expr::Kind::kVariable: {
      for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
        if (it->name == e->name) {
          e->slot = it->slot;
          return Status::OK();
        }
      }
      return Error(e->offset, "unknown variable " + e->name + Suggestion(e->name, Names(scope)));
    }
    case Expr::Kind::kProperty: {
      if (Status s = Bind(e->args[0].get(), scope, allow_aggregates, in_aggregate); !s.ok()) return s;
      const Expr& base = *e->args[0];
      if (base.kind != Expr::Kind::kVariable) return Status::OK();
      for (const auto& v : scope) {
        const std::vector<std::string>* known = PropertiesOf(v.kind);
        if (v.slot != base.slot || !known) continue;
        const char* what = v.kind == VarKind::kRel ? "relationship" : v.kind == VarKind::kArticle ? "article" : "node";
        if (std::find(known->begin(), known->end(), e->name) == known->end())
          return Error(e->offset, fmt::format("unknown property {} of {} {}{}", e->name, what, v.name,
                                              Suggestion(e->name, *known)));
      }
      return Status::OK();
    }
    case Expr::Kind::kCall: {
      const FunctionInfo* f = FindFunction(e->name);
      if (!f) return Error(e->offset, "unknown function " + e->name + Suggestion(e->name, FunctionNames()));
      if (f->aggregate && !allow_aggregates)
        return Error(e->offset, fmt::format("{}() aggregates, which only WITH and RETURN may do", e->name));
      if (f->aggregate && in_aggregate)
        return Error(e->offset, fmt::format("{}() cannot be used inside another aggregate", e->name));
      if (e->star && f->name != "count") return Error(e->offset, f->name + "(*) is not valid; only count(*)");
      if (e->distinct && !f->aggregate) return Error(e->offset, "DISTINCT is only valid in an aggregate");
      int n = static_cast<int>(e->args.size());
      if (!e->star && (n < f->min_args || (f->max_args >= 0 && n > f->max_args)))
        return Error(e->offset, fmt::format("{}() takes {} argument{}, not {}", f->name,
                                            f->min_args == f->max_args ? std::to_string(f->min_args)
                                                                       : fmt::format("{} or more", f->min_args),
                                            f->max_args == 1 ? "" : "s", n));
      if (f->aggregate && !e->star && n == 0) return Error(e->offset, f->name + "() needs an argument");
      for (const auto& a : e->args)
        if (Status s = Bind(a.get(), scope, allow_aggregates, in_aggregate || f->aggregate); !s.ok()) return s;
      return Status::OK();
    }
    default:
      for (const auto& a : e->args)
        if (Status s = Bind(a.get(), scope, allow_aggregates, in_aggregate); !s.ok()) return s;
      return Status::OK();
  }
}

Result<std::int64_t> Planner::Count(const ExprPtr& e, const char* what) {
  if (Status s = Bind(e.get(), {}, false); !s.ok()) return s;
  auto v = Eval(*e, Row(), ctx_);
  if (!v.ok()) return v.status();
  if (v->type() != Value::Type::kInt || v->AsInt() < 0)
    return Error(e->offset, fmt::format("{} needs a non-negative integer, not {}", what, v->ToString()));
  return v->AsInt();
}

Result<OperatorPtr> Planner::PlanUnwind(const Clause& clause, OperatorPtr input) {
  if (Status s = Bind(clause.unwind.get(), scope_, false); !s.ok()) return s;
  if (Find(clause.alias)) return Error(clause.offset, "variable " + clause.alias + " is already bound");
  int slot = NewSlot();
  scope_.push_back({clause.alias, slot, VarKind::kValue});
  return MakeUnwind(ctx_, std::move(input), clause.unwind, slot, Text(*clause.unwind) + " AS " + clause.alias);
}

Result<OperatorPtr> Planner::PlanProjection(const Clause& clause, OperatorPtr input, Plan* plan) {
  const Projection& p = clause.projection;
  const bool is_return = clause.kind == Clause::Kind::kReturn;
  std::vector<ProjectionItem> items = p.items;
  if (p.star) {
    // Columns in name order, as Neo4j gives them.
    std::vector<Var> named = scope_;
    std::sort(named.begin(), named.end(), [](const Var& a, const Var& b) { return a.name < b.name; });
    for (const auto& v : named) {
      if (v.name.empty()) continue;
      auto e = std::make_shared<Expr>();
      e->kind = Expr::Kind::kVariable;
      e->name = v.name;
      e->offset = clause.offset;
      items.push_back({e, v.name, true});
    }
    if (items.empty()) return Error(clause.offset, "* has no variables to project");
  }
  std::vector<Var> new_scope;
  std::vector<Assignment> keys, aggs, finals;
  bool aggregating = false;
  for (auto& item : items) {
    if (Status s = Bind(item.expr.get(), scope_, true); !s.ok()) return s;
    aggregating = aggregating || HasAggregate(*item.expr);
    if (item.expr->kind == Expr::Kind::kVariable && !item.explicit_alias) item.alias = item.expr->name;
    if (!is_return && !item.explicit_alias && item.expr->kind != Expr::Kind::kVariable)
      return Error(item.expr->offset, fmt::format("WITH {} needs an alias: WITH {} AS name", item.alias, item.alias));
    for (const auto& v : new_scope)
      if (v.name == item.alias) return Error(item.expr->offset, "the column name " + item.alias + " is used twice");
    VarKind kind = VarKind::kValue;
    if (item.expr->kind == Expr::Kind::kVariable)
      if (const Var* v = Find(item.expr->name)) kind = v->kind;
    new_scope.push_back({item.alias, NewSlot(), kind});
  }
  OperatorPtr op = std::move(input);
  if (aggregating) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const ExprPtr& e = items[i].expr;
      if (!HasAggregate(*e)) {
        keys.push_back({e, new_scope[i].slot, items[i].alias});
        continue;
      }
      ExtractAggregates(e, &aggs, query_, [this] { return NewSlot(); });
      if (const Expr* v = FindVariable(*e))
        return Error(v->offset, fmt::format("{} is neither aggregated nor a grouping key of its own; "
                                            "return it as a separate column", v->name));
      finals.push_back({e, new_scope[i].slot, items[i].alias});
    }
    op = MakeAggregate(ctx_, std::move(op), std::move(keys), std::move(aggs));
    op = MakeProject(ctx_, std::move(op), std::move(finals));
  } else {
    for (std::size_t i = 0; i < items.size(); ++i)
      finals.push_back({items[i].expr, new_scope[i].slot, items[i].alias});
    op = MakeProject(ctx_, std::move(op), std::move(finals));
  }
  std::vector<int> slots;
  std::string names;
  for (const auto& v : new_scope) {
    slots.push_back(v.slot);
    names += (names.empty() ? "" : ", ") + v.name;
  }
  if (p.distinct) op = MakeDistinct(ctx_, std::move(op), slots, names);
  std::optional<std::int64_t> skip, limit;
  if (p.skip) {
    auto n = Count(p.skip, "SKIP");
    if (!n.ok()) return n.status();
    skip = *n;
  }
  if (p.limit) {
    auto n = Count(p.limit, "LIMIT");
    if (!n.ok()) return n.status();
    limit = *n;
  }
  if (!p.order_by.empty()) {
    // ORDER BY sees the new columns; without aggregation or DISTINCT also the variables before them.
    std::vector<Var> sort_scope;
    if (!aggregating && !p.distinct) sort_scope = scope_;
    sort_scope.insert(sort_scope.end(), new_scope.begin(), new_scope.end());
    std::vector<SortKey> sort_keys;
    std::string text;
    for (const SortItem& s : p.order_by) {
      // An ORDER BY key written like a RETURN item sorts by that item: `ORDER BY count(*)`.
      ExprPtr e = s.expr;
      for (std::size_t i = 0; i < items.size(); ++i)
        if (Text(*s.expr) == Text(*items[i].expr)) e = SlotRef(new_scope[i].slot, *s.expr);
      if (e->kind != Expr::Kind::kSlot) {
        if (Status st = Bind(e.get(), sort_scope, false); !st.ok()) return st;
      }
      sort_keys.push_back({e, s.descending});
      text += (text.empty() ? "" : ", ") + Text(*s.expr) + (s.descending ? " DESC" : "");
    }
    std::optional<std::size_t> keep;
    if (limit && *limit <= INT64_MAX - skip.value_or(0)) keep = static_cast<std::size_t>(skip.value_or(0) + *limit);
    op = MakeSort(ctx_, std::move(op), std::move(sort_keys), keep, text);
  }
  if (skip) op = MakeSkip(ctx_, std::move(op), *skip);
  if (limit) op = MakeLimit(ctx_, std::move(op), *limit);
  scope_ = new_scope;
  if (p.where) {
    if (Status s = Bind(p.where.get(), scope_, false); !s.ok()) return s;
    op = MakeFilter(ctx_, std::move(op), p.where, Text(*p.where));
  }
  if (is_return) {
    for (const auto& v : new_scope) {
      plan->columns.push_back(v.name);
      plan->column_slots.push_back(v.slot);
    }
  }
  return op;
}

}  // namespace geokg::query
