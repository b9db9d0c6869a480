// PageRank over the view's edges, by power iteration.
#include <algorithm>
#include <cmath>
#include <vector>

#include "graph/analytics.h"
#include "graph/analytics_internal.h"

namespace geokg::graph {

Result<std::vector<double>> PageRank(const GraphView& view, const PageRankOptions& options) {
  if (!(options.damping >= 0.0 && options.damping < 1.0))
    return Status::InvalidArgument("the PageRank damping factor must be at least 0 and below 1");
  return analytics::Guarded<std::vector<double>>([&] {
    const std::size_t n = view.vertices().size();
    const double d = options.damping;
    auto weight = [&](const ViewEdge& edge) {
      return options.weighted ? static_cast<double>(edge.count) : 1.0;
    };
    std::vector<double> out_weight(n, 0.0);
    for (const ViewEdge& edge : view.edges()) out_weight[edge.source] += weight(edge);

    std::vector<double> rank(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
    std::vector<double> next(n);
    for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
      // Dangling actors' rank goes to everyone, which keeps the total at 1.
      double dangling = 0.0;
      for (std::size_t v = 0; v < n; ++v)
        if (out_weight[v] == 0.0) dangling += rank[v];
      const double base = ((1.0 - d) + d * dangling) / static_cast<double>(n);
      std::fill(next.begin(), next.end(), base);
      for (const ViewEdge& edge : view.edges())
        next[edge.target] += d * rank[edge.source] * weight(edge) / out_weight[edge.source];
      double change = 0.0;
      for (std::size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
      rank.swap(next);
      if (change < options.tolerance) break;
    }
    return rank;
  });
}

}  // namespace geokg::graph
