// Shortest paths by breadth-first search, with the evidence of every hop.
#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>
#include <vector>

#include "graph/analytics.h"
#include "graph/analytics_internal.h"

namespace geokg::graph {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// Each vertex's predecessor on a shortest path from `start`, kNone when unreached.
template <class Graph>
std::vector<std::size_t> Predecessors(const Graph& graph, std::size_t start) {
  std::vector<std::size_t> predecessor(boost::num_vertices(graph), kNone);
  predecessor[start] = start;
  boost::breadth_first_search(graph, start,
                              boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
                                  boost::make_iterator_property_map(
                                      predecessor.begin(), boost::get(boost::vertex_index, graph)),
                                  boost::on_tree_edge()))));
  return predecessor;
}

// The vertices from `from` to `to`, empty when `to` is unreached.
std::vector<std::size_t> Walk(const std::vector<std::size_t>& predecessor, std::size_t from,
                              std::size_t to) {
  if (predecessor[to] == kNone) return {};
  std::vector<std::size_t> vertices = {to};
  while (vertices.back() != from) vertices.push_back(predecessor[vertices.back()]);
  return {vertices.rbegin(), vertices.rend()};
}

Status AddEvidence(Store& store, const GraphView& view, std::size_t limit, analytics::Citer* citer,
                   PathHop* hop) {
  for (std::size_t e : hop->edges) {
    const ViewEdge& edge = view.edges()[e];
    Status cited_ok;
    std::size_t cited_here = 0;
    Status scanned = store.ScanEdges(analytics::FilterFor(view, edge), [&](const Edge& stored) {
      if (limit != 0 && cited_here++ == limit) return false;
      auto cited = citer->Cite(stored, edge.relation_name);
      if (!cited.ok()) {
        cited_ok = cited.status();
        return false;
      }
      hop->evidence.push_back(std::move(*cited));
      return true;
    });
    if (!scanned.ok()) return scanned;
    if (!cited_ok.ok()) return cited_ok;
  }
  return Status::OK();
}

Result<Path> FindPath(Store& store, const GraphView& view, ActorId from, ActorId to,
                      const PathOptions& options) {
  Path path;
  auto start = view.FindVertex(from);
  auto end = view.FindVertex(to);
  if (!start || !end) return path;
  std::vector<std::size_t> vertices =
      options.directed ? Walk(Predecessors(analytics::Directed(view), *start), *start, *end)
                       : Walk(Predecessors(analytics::Undirected(view), *start), *start, *end);
  if (vertices.empty()) return path;
  path.found = true;
  analytics::Citer citer(&store);
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
    PathHop hop;
    hop.from = vertices[i];
    hop.to = vertices[i + 1];
    for (std::size_t e : view.OutEdges(hop.from))
      if (view.edges()[e].target == hop.to) hop.edges.push_back(e);
    if (!options.directed) {
      for (std::size_t e : view.InEdges(hop.from))
        if (view.edges()[e].source == hop.to) hop.edges.push_back(e);
    }
    std::sort(hop.edges.begin(), hop.edges.end());
    if (Status s = AddEvidence(store, view, options.evidence_per_edge, &citer, &hop); !s.ok())
      return s;
    path.hops.push_back(std::move(hop));
  }
  return path;
}

}  // namespace

Result<Path> ShortestPath(Store& store, const GraphView& view, ActorId from, ActorId to,
                          const PathOptions& options) {
  return analytics::Guarded<Path>([&] { return FindPath(store, view, from, to, options); });
}

}  // namespace geokg::graph
