// What graph/'s analytics share: the simple graphs Boost's algorithms run on, citing stored edges,
// and keeping exceptions inside the module. Internal to graph/.
#ifndef GEOKG_GRAPH_ANALYTICS_INTERNAL_H_
#define GEOKG_GRAPH_ANALYTICS_INTERNAL_H_

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <new>
#include <stdexcept>
#include <string>

#include "graph/analytics.h"

namespace geokg::graph::analytics {

// One edge per pair of adjacent vertices, whatever the relations and directions between them;
// vertex descriptors are the view's vertex indices. Edges are added in ascending pair order, so
// each vertex's neighbours come in ascending order.
using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using SimpleDigraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

SimpleGraph Undirected(const GraphView& view);
SimpleDigraph Directed(const GraphView& view);

// The filter that selects the stored edges behind `edge`: the view's, narrowed to its triple.
EdgeFilter FilterFor(const GraphView& view, const ViewEdge& edge);

// Cites stored edges, loading each article once.
class Citer {
 public:
  explicit Citer(Store* store) : store_(store) {}
  Result<CitedEdge> Cite(const Edge& edge, const std::string& relation);

 private:
  Store* store_;
  std::map<std::string, std::string> documents_;  // article id -> Document(), "" when not stored
};

// Runs `compute`; Boost and the containers report exhaustion by throwing, and no exception leaves
// graph/.
template <class T, class F>
Result<T> Guarded(F compute) {
  try {
    return compute();
  } catch (const std::bad_alloc&) {
    return Status::LimitExceeded("the analysis does not fit in memory");
  } catch (const std::length_error&) {
    return Status::LimitExceeded("the analysis does not fit in memory");
  }
}

}  // namespace geokg::graph::analytics

#endif  // GEOKG_GRAPH_ANALYTICS_INTERNAL_H_
