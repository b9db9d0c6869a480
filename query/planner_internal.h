// The planner's state, shared by planner.cc (clauses, projections, binding) and planner_match.cc (patterns).
// Internal to query/.
#ifndef GEOKG_QUERY_PLANNER_INTERNAL_H_
#define GEOKG_QUERY_PLANNER_INTERNAL_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "query/planner.h"

namespace geokg::query {

// kNode is an actor; kAnyNode an unlabelled node that no relationship touched, which may be an actor or an
// article.
enum class VarKind { kNode, kArticle, kAnyNode, kRel, kRelList, kPath, kValue };

inline bool IsNodeKind(VarKind k) { return k == VarKind::kNode || k == VarKind::kArticle || k == VarKind::kAnyNode; }

// The property names a variable of this kind has; nullptr for kinds without properties of their own.
const std::vector<std::string>* PropertiesOf(VarKind kind);

struct Var {
  std::string name;  // empty for the hidden slots of anonymous pattern elements
  int slot = -1;
  VarKind kind = VarKind::kValue;
};

class Planner {
 public:
  explicit Planner(ExecContext* ctx) : ctx_(ctx), query_(ctx->query()) {}

  Result<Plan> Run(const Query& query);

 private:
  // A WHERE condition or a condition a pattern implies (a label, a property map entry).
  struct Condition {
    ExprPtr expr;
    std::set<int> slots;  // the slots it reads
    std::string text;
    bool applied = false;
    int label_slot = -1;  // a label's condition: the node it constrains, so that a scan by kind can cover it
    std::optional<graph::ActorKind> kind;
  };

  // planner.cc
  Status Bind(Expr* e, const std::vector<Var>& scope, bool allow_aggregates, bool in_aggregate = false);
  Result<OperatorPtr> PlanProjection(const Clause& clause, OperatorPtr input, Plan* plan);
  Result<OperatorPtr> PlanUnwind(const Clause& clause, OperatorPtr input);
  Result<std::int64_t> Count(const ExprPtr& e, const char* what);
  std::string Text(const Expr& e) const;
  Status Error(std::size_t offset, const std::string& message) const { return ctx_->ErrorAt(offset, message); }
  const Var* Find(std::string_view name) const;
  int NewSlot() { return next_slot_++; }

  // planner_match.cc
  Result<OperatorPtr> PlanMatch(const Clause& clause, OperatorPtr input);
  Status DeclarePatterns(const Clause& clause, std::vector<int>* new_slots);
  Status AddPatternConditions(const Clause& clause);
  Status AddWhere(const ExprPtr& where);
  OperatorPtr ApplyReady(OperatorPtr op);
  OperatorPtr PlanStart(const NodePattern& node, OperatorPtr op);
  Result<OperatorPtr> PlanPart(const PatternPart& part, OperatorPtr op);
  Result<OperatorPtr> PlanShortest(const PatternPart& part, OperatorPtr op);
  Result<ExpandSpec> MakeSpec(const RelPattern& rel, const NodePattern& from, const NodePattern& to, bool reversed);
  int StartScore(const NodePattern& node) const;
  // The unapplied condition `slot.name = 'literal'`, which a seek by name can answer: its index and the name.
  std::optional<std::pair<std::size_t, std::string>> NameSeek(int slot) const;
  // The unapplied condition `slot.id = expr` with everything `expr` reads bound: its index and `expr`.
  std::optional<std::pair<std::size_t, ExprPtr>> IdSeek(int slot) const;
  Result<VarKind> NodeKind(const NodePattern& node, const PatternPart& part, const Var* bound) const;
  VarKind KindOf(int slot) const;
  void DateRange(int rel_slot, ExpandSpec* spec) const;
  int SlotOf(const NodePattern& node) const;
  int SlotOf(const RelPattern& rel) const;

  ExecContext* ctx_;
  std::string_view query_;
  int next_slot_ = 0;
  std::vector<Var> scope_;
  // The current MATCH clause's state.
  std::vector<Condition> conditions_;
  std::set<int> bound_;
  std::vector<int> clause_rels_;
  std::vector<const RelPattern*> clause_rel_patterns_;  // parallel to clause_rels_
  const Clause* clause_ = nullptr;
  std::vector<const void*> pattern_keys_;  // NodePattern or RelPattern addresses, parallel to pattern_slots_
  std::vector<int> pattern_slots_;
  std::vector<int> segment_slots_;  // parallel to pattern_keys_: the hidden node list of a variable length
  std::vector<VarKind> pattern_kinds_;  // parallel to pattern_keys_
};

}  // namespace geokg::query

#endif  // GEOKG_QUERY_PLANNER_INTERNAL_H_
