// Stance over time: what two actors did to each other, month by month.
#include <map>
#include <tuple>

#include "graph/analytics.h"
#include "graph/analytics_internal.h"

namespace geokg::graph {

namespace {

// Day-precision dates fold into their month; coarser ones are their own period.
Date Period(const Date& date) {
  return date.precision == DatePrecision::kDay ? Date::Month(date.year, date.month) : date;
}

Result<std::vector<StanceCount>> Count(Store& store, const GraphView& view, ActorId a, ActorId b) {
  std::vector<StanceCount> rows;
  auto va = view.FindVertex(a);
  auto vb = view.FindVertex(b);
  if (!va || !vb) return rows;

  // (period, b -> a, relation): sorting on this key gives the documented order.
  std::map<std::tuple<std::uint32_t, bool, RelationId>, StanceCount> counts;
  for (const auto& direction : {std::tuple{*va, *vb, true}, std::tuple{*vb, *va, false}}) {
    // Named copies, not a structured binding: clang before 16 cannot capture a binding in a lambda.
    const auto from = std::get<0>(direction);
    const auto to = std::get<1>(direction);
    const bool forward = std::get<2>(direction);
    if (!forward && *va == *vb) break;  // an actor's edges to itself, counted once
    for (std::size_t e : view.OutEdges(from)) {
      const ViewEdge& edge = view.edges()[e];
      if (edge.target != to) continue;
      Status scanned = store.ScanEdges(analytics::FilterFor(view, edge), [&](const Edge& stored) {
        Date period = Period(stored.date);
        StanceCount& row = counts[{period.Packed(), !forward, edge.relation}];
        row.period = period;
        row.forward = forward;
        row.relation = edge.relation;
        row.relation_name = edge.relation_name;
        ++row.count;
        return true;
      });
      if (!scanned.ok()) return scanned;
    }
  }
  for (auto& [key, row] : counts) rows.push_back(std::move(row));
  return rows;
}

}  // namespace

Result<std::vector<StanceCount>> StanceOverTime(Store& store, const GraphView& view, ActorId a,
                                                ActorId b) {
  return analytics::Guarded<std::vector<StanceCount>>([&] { return Count(store, view, a, b); });
}

}  // namespace geokg::graph
