// Expression evaluation over a row, with openCypher's null semantics: a comparison or arithmetic with null is
// null, AND/OR/XOR/NOT use three-valued logic, and WHERE keeps a row only when its predicate is true.
#ifndef GEOKG_QUERY_EVAL_H_
#define GEOKG_QUERY_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"
#include "query/ast.h"
#include "query/executor.h"
#include "query/value.h"

namespace geokg::query {

// The value of `e` over `row`. Fails with InvalidArgument pointing into the query on a runtime error: an
// operator applied to types it does not take, a division by zero, a string date() cannot read.
Result<Value> Eval(const Expr& e, const Row& row, ExecContext* ctx);

// Whether a predicate holds: true only when it evaluates to true. Fails when it is neither a boolean nor null.
Result<bool> Holds(const Expr& e, const Row& row, ExecContext* ctx);

// The property names of nodes (actors), articles and relationships (edges), as queries spell them.
const std::vector<std::string>& NodeProperties();
const std::vector<std::string>& ArticleProperties();
const std::vector<std::string>& RelProperties();

// Labels: "Actor" matches every actor; "State", "Organization" and "Group" one ActorKind; "Article" the
// articles.
inline constexpr std::string_view kArticleLabel = "Article";
const std::vector<std::string>& NodeLabels();
// The kind a label stands for; nullopt for "Actor" (every kind) and "Article".
std::optional<graph::ActorKind> LabelKind(std::string_view label);
// The labels of a node or article value, as labels() returns them.
std::vector<std::string> LabelsOf(const Value& node);

struct FunctionInfo {
  std::string name;  // as documented: "toLower"; calls match it ignoring case
  int min_args = 0;
  int max_args = 0;  // -1: any number
  bool aggregate = false;
};
// Every function a query may call; nullptr when `name` is none of them.
const FunctionInfo* FindFunction(std::string_view name);
std::vector<std::string> FunctionNames();

// Calls the scalar function `call` names on its evaluated arguments (the planner has checked the name and the
// number of arguments).
Result<Value> CallFunction(const Expr& call, const std::vector<Value>& args, ExecContext* ctx);

// The property `key` of a node, relationship, map or date; null for null and for a key the value lacks.
// Fails only when reading an edge's record from the store fails.
Result<Value> PropertyOf(const Value& v, const std::string& key, ExecContext* ctx);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_EVAL_H_
