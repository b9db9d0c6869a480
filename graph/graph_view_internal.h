// The Boost.Graph behind GraphView. Internal to graph/: included only by graph .cc files.
#ifndef GEOKG_GRAPH_GRAPH_VIEW_INTERNAL_H_
#define GEOKG_GRAPH_GRAPH_VIEW_INTERNAL_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <vector>

#include "graph/graph_view.h"

namespace geokg::graph {

// Vertex descriptors are the indices of GraphView::vertices() (vecS); each edge's bundle holds its
// index in GraphView::edges(), so that Boost algorithms and the plain vectors describe the same
// graph.
struct BoostEdgeBundle {
  std::size_t index = 0;
};

using BoostViewGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                             boost::no_property, BoostEdgeBundle>;

struct GraphView::Impl {
  std::vector<ViewVertex> vertices;
  std::vector<ViewEdge> edges;
  EdgeFilter filter;
  BoostViewGraph graph;
};

// The view of `vertices` (in actor-id order, as FindVertex searches them) and `edges` (whose
// endpoints index `vertices`), selected from the store with `filter`. May throw std::bad_alloc.
GraphView MakeView(std::vector<ViewVertex> vertices, std::vector<ViewEdge> edges,
                   const EdgeFilter& filter);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_GRAPH_VIEW_INTERNAL_H_
