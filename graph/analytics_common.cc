// The simple graphs behind the analytics, and citing stored edges.
#include <set>
#include <utility>

#include "graph/analytics_internal.h"

namespace geokg::graph::analytics {

namespace {

template <class Graph>
Graph Simple(const GraphView& view, bool directed) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const ViewEdge& edge : view.edges()) {
    if (edge.source == edge.target) continue;
    if (directed || edge.source < edge.target)
      pairs.emplace(edge.source, edge.target);
    else
      pairs.emplace(edge.target, edge.source);
  }
  Graph graph(view.vertices().size());
  for (const auto& [u, v] : pairs) boost::add_edge(u, v, graph);
  return graph;
}

}  // namespace

SimpleGraph Undirected(const GraphView& view) { return Simple<SimpleGraph>(view, false); }
SimpleDigraph Directed(const GraphView& view) { return Simple<SimpleDigraph>(view, true); }

EdgeFilter FilterFor(const GraphView& view, const ViewEdge& edge) {
  EdgeFilter filter = view.filter();
  filter.source = view.vertices()[edge.source].actor;
  filter.target = view.vertices()[edge.target].actor;
  filter.relation = edge.relation;
  return filter;
}

Result<CitedEdge> Citer::Cite(const Edge& edge, const std::string& relation) {
  auto document = documents_.find(edge.article_id);
  if (document == documents_.end()) {
    auto article = store_->GetArticle(edge.article_id);
    if (!article.ok()) return article.status();
    document =
        documents_.emplace(edge.article_id, article->has_value() ? (*article)->Document() : "")
            .first;
  }
  CitedEdge cited{edge, relation, ""};
  const Evidence& evidence = edge.evidence;
  if (evidence.begin <= evidence.end && evidence.end <= document->second.size())
    cited.sentence = document->second.substr(evidence.begin, evidence.end - evidence.begin);
  return cited;
}

}  // namespace geokg::graph::analytics
