// Degree and betweenness centrality, weakly connected components.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <numeric>

#include "graph/analytics.h"
#include "graph/analytics_internal.h"

namespace geokg::graph {

using analytics::Guarded;

Result<std::vector<ActorCentrality>> Centrality(const GraphView& view) {
  return Guarded<std::vector<ActorCentrality>>([&] {
    const std::size_t n = view.vertices().size();
    std::vector<ActorCentrality> rows(n);
    for (std::size_t v = 0; v < n; ++v) rows[v].vertex = v;
    for (const ViewEdge& edge : view.edges()) {
      ++rows[edge.source].out_degree;
      ++rows[edge.target].in_degree;
    }
    analytics::SimpleGraph graph = analytics::Undirected(view);
    std::vector<double> betweenness(n, 0.0);
    // On an undirected graph Boost counts each pair once (it halves the two directions' sums).
    boost::brandes_betweenness_centrality(
        graph, boost::centrality_map(boost::make_iterator_property_map(
                   betweenness.begin(), boost::get(boost::vertex_index, graph))));
    const double pairs = n < 3 ? 0.0 : static_cast<double>((n - 1) * (n - 2)) / 2.0;
    for (std::size_t v = 0; v < n; ++v) {
      rows[v].degree = rows[v].in_degree + rows[v].out_degree;
      rows[v].betweenness = betweenness[v];
      rows[v].betweenness_normalized = pairs == 0 ? 0.0 : betweenness[v] / pairs;
    }
    return rows;
  });
}

Result<Components> WeakComponents(const GraphView& view) {
  return Guarded<Components>([&] {
    const std::size_t n = view.vertices().size();
    analytics::SimpleGraph graph = analytics::Undirected(view);
    std::vector<std::size_t> boost_component(n);
    std::size_t count = n == 0 ? 0 : boost::connected_components(graph, boost_component.data());

    std::vector<std::vector<std::size_t>> members(count);
    for (std::size_t v = 0; v < n; ++v) members[boost_component[v]].push_back(v);
    // Members are ascending, so comparing first vertices breaks ties by the lowest vertex.
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
      return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
    });
    Components components;
    components.component.resize(n);
    for (std::size_t c = 0; c < members.size(); ++c)
      for (std::size_t v : members[c]) components.component[v] = c;
    components.members = std::move(members);
    return components;
  });
}

}  // namespace geokg::graph
