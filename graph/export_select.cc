// The selection every exporter writes: filter, minimum count, ego network; and its title.
#include <fmt/format.h>

#include <deque>
#include <limits>
#include <new>
#include <utility>
#include <vector>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/graph_view_internal.h"

namespace geokg::graph {

namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

// Hops from `start` to every vertex over the edges marked in `usable`, either way round, stopping
// at `depth`; kUnreached beyond.
std::vector<std::size_t> Hops(const GraphView& view, std::size_t start, std::size_t depth,
                              const std::vector<bool>& usable) {
  std::vector<std::size_t> hops(view.vertices().size(), kUnreached);
  std::deque<std::size_t> queue = {start};
  hops[start] = 0;
  while (!queue.empty()) {
    std::size_t v = queue.front();
    queue.pop_front();
    if (hops[v] == depth) continue;
    for (const auto& incident : {view.OutEdges(v), view.InEdges(v)}) {
      for (std::size_t e : incident) {
        if (!usable[e]) continue;
        const ViewEdge& edge = view.edges()[e];
        std::size_t other = edge.source == v ? edge.target : edge.source;
        if (hops[other] != kUnreached) continue;
        hops[other] = hops[v] + 1;
        queue.push_back(other);
      }
    }
  }
  return hops;
}

GraphView Select(const GraphView& view, const ExportOptions& options) {
  const std::vector<ViewEdge>& edges = view.edges();
  std::vector<bool> keep_edge(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) keep_edge[e] = edges[e].count >= options.min_count;

  std::vector<bool> in_reach(view.vertices().size(), !options.actor.has_value());
  if (options.actor) {
    if (auto start = view.FindVertex(*options.actor)) {
      std::vector<std::size_t> hops = Hops(view, *start, options.depth, keep_edge);
      for (std::size_t v = 0; v < hops.size(); ++v) in_reach[v] = hops[v] != kUnreached;
    }
  }
  for (std::size_t e = 0; e < edges.size(); ++e)
    keep_edge[e] = keep_edge[e] && in_reach[edges[e].source] && in_reach[edges[e].target];

  // The view's invariant: its vertices are exactly the actors its edges touch.
  std::vector<std::size_t> new_index(view.vertices().size(), kUnreached);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (!keep_edge[e]) continue;
    new_index[edges[e].source] = 0;
    new_index[edges[e].target] = 0;
  }
  std::vector<ViewVertex> vertices;
  for (std::size_t v = 0; v < new_index.size(); ++v) {
    if (new_index[v] == kUnreached) continue;
    new_index[v] = vertices.size();
    vertices.push_back(view.vertices()[v]);
  }
  std::vector<ViewEdge> kept;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    if (!keep_edge[e]) continue;
    kept.push_back(edges[e]);
    kept.back().source = new_index[edges[e].source];
    kept.back().target = new_index[edges[e].target];
  }
  return MakeView(std::move(vertices), std::move(kept), view.filter());
}

Result<std::string> ActorName(Store& store, ActorId id) {
  auto actor = store.GetActor(id);
  if (!actor.ok()) return actor.status();
  return actor->has_value() ? (*actor)->name : fmt::format("#{}", id);
}

}  // namespace

Result<GraphView> SelectGraph(Store& store, const ExportOptions& options) {
  auto loaded = LoadGraph(store, options.filter);
  if (!loaded.ok()) return loaded.status();
  if (options.min_count <= 1 && !options.actor) return loaded;
  try {
    return Select(*loaded, options);
  } catch (const std::bad_alloc&) {
    return Status::LimitExceeded("the selected graph does not fit in memory");
  }
}

namespace exporting {

Result<std::string> Title(Store& store, const ExportOptions& options, const GraphView& view) {
  std::size_t stored = 0;
  for (const ViewEdge& edge : view.edges()) stored += edge.count;
  std::string title = fmt::format("geokg graph: {} actors, {} relationships from {} edges",
                                  view.vertices().size(), view.edges().size(), stored);

  const EdgeFilter& filter = options.filter;
  std::vector<std::string> parts;
  for (auto [role, id] : {std::pair{"source", filter.source}, std::pair{"target", filter.target}}) {
    if (!id) continue;
    auto name = ActorName(store, *id);
    if (!name.ok()) return name.status();
    parts.push_back(fmt::format("{} {}", role, *name));
  }
  if (filter.relation) {
    auto relations = store.Relations();
    if (!relations.ok()) return relations.status();
    std::string name = fmt::format("#{}", *filter.relation);
    for (const RelationType& relation : *relations)
      if (relation.id == *filter.relation) name = relation.name;
    parts.push_back("relation " + name);
  }
  std::string from = filter.from ? filter.from->ToString() : "",
              to = filter.to ? filter.to->ToString() : "";
  if (!from.empty() && !to.empty()) parts.push_back(fmt::format("dates {} to {}", from, to));
  if (!from.empty() && to.empty()) parts.push_back("dates from " + from);
  if (from.empty() && !to.empty()) parts.push_back("dates until " + to);
  if (options.min_count > 1) parts.push_back(fmt::format("count at least {}", options.min_count));
  if (options.actor) {
    auto name = ActorName(store, *options.actor);
    if (!name.ok()) return name.status();
    parts.push_back(
        fmt::format("within {} hop{} of {}", options.depth, options.depth == 1 ? "" : "s", *name));
  }
  if (!parts.empty()) title += fmt::format("; {}", fmt::join(parts, ", "));
  return title;
}

Status ExportSelection(Store& store, const ExportOptions& options, std::string_view format,
                       std::ostream& out, const Renderer& render) {
  auto view = SelectGraph(store, options);
  if (!view.ok()) return view.status();
  auto title = Title(store, options, *view);
  if (!title.ok()) return title.status();
  return Guarded(format, out, [&] {
    out << render(*view, *title);
    return Status::OK();
  });
}

}  // namespace exporting

}  // namespace geokg::graph
