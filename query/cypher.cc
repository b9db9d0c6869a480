// Engine::Run: a Cypher query through lexer, parser, planner and executor, within its limits.
#include <fmt/format.h>

#include <exception>

#include "query/engine.h"
#include "query/executor.h"
#include "query/parser.h"
#include "query/planner.h"

namespace geokg::query {

namespace {

std::string Duration(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return fmt::format("{} s", d.count() / 1000);
  return fmt::format("{} ms", d.count());
}

Result<QueryResult> RunQuery(graph::Store* store, std::string_view cypher, const QueryLimits& limits) {
  if (limits.max_query_bytes && cypher.size() > limits.max_query_bytes)
    return Status::LimitExceeded(fmt::format("the query is {} bytes long, over the limit of {} (--max-query-length)",
                                             cypher.size(), limits.max_query_bytes));
  ExecContext ctx(store, cypher);
  if (limits.timeout.count() > 0)
    ctx.set_deadline(ExecContext::Clock::now() + limits.timeout, Duration(limits.timeout));
  auto query = Parse(cypher);
  if (!query.ok()) return query.status();
  if (Status s = ctx.Load(); !s.ok()) return s;
  ctx.set_profiling(query->mode == Query::Mode::kProfile);
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
    if (limits.max_rows && result.rows.size() >= limits.max_rows)
      return Status::LimitExceeded(fmt::format("the query returned more than {} rows (--max-rows); add LIMIT or "
                                               "raise --max-rows", limits.max_rows));
    std::vector<Value> out;
    out.reserve(plan->column_slots.size());
    for (int slot : plan->column_slots) {
      auto cell = ctx.Complete(row[static_cast<std::size_t>(slot)]);
      if (!cell.ok()) return cell.status();
      out.push_back(std::move(*cell));
    }
    result.rows.push_back(std::move(out));
  }
  if (query->mode == Query::Mode::kProfile) result.plan = plan->root->Explain(true);
  return result;
}

}  // namespace

Result<QueryResult> Engine::Run(std::string_view cypher, const QueryLimits& limits) {
  // The module's border: whatever the standard library throws (bad_alloc on a runaway query) becomes a
  // Status here rather than crossing into the caller.
  try {
    return RunQuery(store_, cypher, limits);
  } catch (const std::exception& e) {
    return Status::LimitExceeded(std::string("query failed: ") + e.what());
  }
}

}  // namespace geokg::query
