// Engine::Run: a Cypher query through lexer, parser, planner and executor.
#include <exception>

#include "query/engine.h"
#include "query/executor.h"
#include "query/parser.h"
#include "query/planner.h"

namespace geokg::query {

namespace {

Result<QueryResult> RunQuery(graph::Store* store, std::string_view cypher) {
  auto query = Parse(cypher);
  if (!query.ok()) return query.status();
  ExecContext ctx(store, cypher);
  if (Status s = ctx.Load(); !s.ok()) return s;
  auto plan = PlanQuery(*query, &ctx);
  if (!plan.ok()) return plan.status();
  QueryResult result;
  if (query->mode == Query::Mode::kExplain) {
    result.plan = plan->root->Explain(false);
    result.columns = {"plan"};
    std::size_t begin = 0;
    for (std::size_t end; (end = result.plan.find('\n', begin)) != std::string::npos; begin = end + 1)
      result.rows.push_back({Value::String(result.plan.substr(begin, end - begin))});
    return result;
  }
  result.columns = plan->columns;
  Row row;
  while (true) {
    auto more = plan->root->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::vector<Value> out;
    out.reserve(plan->column_slots.size());
    for (int slot : plan->column_slots) out.push_back(row[static_cast<std::size_t>(slot)]);
    result.rows.push_back(std::move(out));
  }
  if (query->mode == Query::Mode::kProfile) result.plan = plan->root->Explain(true);
  return result;
}

}  // namespace

Result<QueryResult> Engine::Run(std::string_view cypher) {
  // The module's border: whatever the standard library throws (bad_alloc on a runaway query) becomes a
  // Status here rather than crossing into the caller.
  try {
    return RunQuery(store_, cypher);
  } catch (const std::exception& e) {
    return Status::LimitExceeded(std::string("query failed: ") + e.what());
  }
}

}  // namespace geokg::query
