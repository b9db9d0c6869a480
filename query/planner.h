// Planner: checks a parsed query against the store's schema and turns it into a tree of operators
// (query/executor.h).
//
// Checks: every variable is bound before use, every label, relation type, property and function exists (the
// error names the nearest valid one: "unknown relation type BLAME (did you mean BLAMES?)"), aggregates appear
// only in WITH and RETURN, WITH items that are not variables have aliases.
//
// Plans: clauses run in order, each extending the rows of the one before. A MATCH pattern starts from its
// most selective node: one already bound, else one with a name (a seek through the store's name index), else
// one with a kind label, else a scan of every actor; it then expands edge by edge through the store's out- or
// in-edge index, with the relation types and any date range the WHERE clause puts on the edge pushed into the
// scan. Each WHERE condition runs as soon as the variables it reads are bound.
#ifndef GEOKG_QUERY_PLANNER_H_
#define GEOKG_QUERY_PLANNER_H_

#include <string>
#include <vector>

#include "graph/status.h"
#include "query/ast.h"
#include "query/executor.h"

namespace geokg::query {

struct Plan {
  OperatorPtr root;
  std::vector<std::string> columns;
  std::vector<int> column_slots;  // where each column's value is in the root's rows
};

// Plans `query` for the store behind `ctx`, which must be loaded and outlive the plan. Fails with
// InvalidArgument pointing into the query text.
Result<Plan> PlanQuery(const Query& query, ExecContext* ctx);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_PLANNER_H_
