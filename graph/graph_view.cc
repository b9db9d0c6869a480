#include "graph/graph_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <new>
#include <tuple>

#include "graph/graph_view_internal.h"

namespace geokg::graph {

namespace {

using EdgeKey = std::tuple<ActorId, RelationId, ActorId>;

struct Aggregate {
  std::size_t count = 0;
  Date first;
  Date last;
  float confidence = 0;
};

void AddDate(Aggregate* agg, const Date& date) {
  if (!date.known()) return;
  if (!agg->first.known() || date.Packed() < agg->first.Packed()) agg->first = date;
  if (!agg->last.known() || date.Packed() > agg->last.Packed()) agg->last = date;
}

// Aggregates the matching edges; vertices are the actors they touch.
Result<GraphView> Build(Store& store, const EdgeFilter& filter) {
  std::map<EdgeKey, Aggregate> aggregates;
  Status scanned = store.ScanEdges(filter, [&](const Edge& edge) {
    Aggregate& agg = aggregates[{edge.source, edge.relation, edge.target}];
    ++agg.count;
    AddDate(&agg, edge.date);
    agg.confidence = std::max(agg.confidence, edge.confidence);
    return true;
  });
  if (!scanned.ok()) return scanned;

  std::map<ActorId, std::size_t> vertex_of;
  for (const auto& [key, agg] : aggregates) {
    vertex_of.emplace(std::get<0>(key), 0);
    vertex_of.emplace(std::get<2>(key), 0);
  }
  std::vector<ViewVertex> vertices;
  for (auto& [actor_id, index] : vertex_of) {
    auto actor = store.GetActor(actor_id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value())
      return Status::Corruption(
          fmt::format("an edge names actor {}, which is not stored", actor_id));
    index = vertices.size();
    vertices.push_back({actor_id, (*actor)->name, (*actor)->kind, (*actor)->code});
  }

  auto relations = store.Relations();
  if (!relations.ok()) return relations.status();
  std::map<RelationId, std::string> relation_names;
  for (const RelationType& relation : *relations) relation_names[relation.id] = relation.name;

  std::vector<ViewEdge> edges;
  for (const auto& [key, agg] : aggregates) {
    const auto& [source, relation, target] = key;
    ViewEdge edge{vertex_of[source], vertex_of[target], relation, "",
                  agg.count,         agg.first,         agg.last, agg.confidence};
    if (auto name = relation_names.find(relation); name != relation_names.end())
      edge.relation_name = name->second;
    edges.push_back(std::move(edge));
  }
  return MakeView(std::move(vertices), std::move(edges), filter);
}

}  // namespace

GraphView::GraphView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphView::GraphView(GraphView&&) noexcept = default;
GraphView& GraphView::operator=(GraphView&&) noexcept = default;
GraphView::~GraphView() = default;

const std::vector<ViewVertex>& GraphView::vertices() const { return impl_->vertices; }
const std::vector<ViewEdge>& GraphView::edges() const { return impl_->edges; }
const EdgeFilter& GraphView::filter() const { return impl_->filter; }

std::optional<std::size_t> GraphView::FindVertex(ActorId actor) const {
  auto it = std::lower_bound(impl_->vertices.begin(), impl_->vertices.end(), actor,
                             [](const ViewVertex& v, ActorId id) { return v.actor < id; });
  if (it == impl_->vertices.end() || it->actor != actor) return std::nullopt;
  return static_cast<std::size_t>(it - impl_->vertices.begin());
}

std::vector<std::size_t> GraphView::OutEdges(std::size_t vertex) const {
  std::vector<std::size_t> out;
  for (auto [it, end] = boost::out_edges(vertex, impl_->graph); it != end; ++it)
    out.push_back(impl_->graph[*it].index);
  return out;
}

std::vector<std::size_t> GraphView::InEdges(std::size_t vertex) const {
  std::vector<std::size_t> in;
  for (auto [it, end] = boost::in_edges(vertex, impl_->graph); it != end; ++it)
    in.push_back(impl_->graph[*it].index);
  return in;
}

GraphView MakeView(std::vector<ViewVertex> vertices, std::vector<ViewEdge> edges,
                   const EdgeFilter& filter) {
  auto impl = std::make_unique<GraphView::Impl>();
  impl->graph = BoostViewGraph(vertices.size());
  for (std::size_t i = 0; i < edges.size(); ++i)
    boost::add_edge(edges[i].source, edges[i].target, BoostEdgeBundle{i}, impl->graph);
  impl->vertices = std::move(vertices);
  impl->edges = std::move(edges);
  impl->filter = filter;
  return GraphView(std::move(impl));
}

Result<GraphView> LoadGraph(Store& store, const EdgeFilter& filter) {
  // Boost and the containers report exhaustion by throwing; no exception leaves the module.
  try {
    return Build(store, filter);
  } catch (const std::bad_alloc&) {
    return Status::LimitExceeded("the graph view does not fit in memory");
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("building the graph view: {}", e.what()));
  }
}

}  // namespace geokg::graph
