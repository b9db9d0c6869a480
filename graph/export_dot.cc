// DOT for Graphviz, written through boost::write_graphviz.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/graph/graphviz.hpp>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/graph_view_internal.h"

namespace geokg::graph {

namespace {

using exporting::DotQuote;

// Readable as text on white (ColorBrewer Dark2 and Set1). The pale yellow comes first, where
// relation id 0, which the lexicon does not use, falls; red falls on attacks (8).
constexpr std::array<const char*, 11> kPalette = {"#e6ab02", "#d95f02", "#7570b3", "#e7298a",
                                                  "#66a61e", "#1b9e77", "#a6761d", "#666666",
                                                  "#e41a1c", "#377eb8", "#984ea3"};

using Colors = std::map<RelationId, const char*>;

// Each relation in the view gets the palette entry of its id modulo 11, so that with the lexicon's
// small consecutive ids a relation keeps its colour from one diagram to the next; a relation whose
// entry another relation of the diagram already has takes the next free one, so that up to eleven
// relations stay distinct.
Colors RelationColors(const GraphView& view) {
  std::set<RelationId> relations;
  for (const ViewEdge& edge : view.edges()) relations.insert(edge.relation);
  std::vector<bool> taken(kPalette.size());
  Colors colors;
  for (RelationId relation : relations) {
    std::size_t slot = relation % kPalette.size();
    for (std::size_t tries = 0; taken[slot] && tries < kPalette.size(); ++tries)
      slot = (slot + 1) % kPalette.size();
    taken[slot] = true;
    colors[relation] = kPalette[slot];
  }
  return colors;
}

const char* Shape(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState:
      return "box";
    case ActorKind::kOrganization:
      return "hexagon";
    case ActorKind::kGroup:
      return "diamond";
    case ActorKind::kOther:
      break;
  }
  return "ellipse";
}

// Logarithmic, so that a relationship reported a hundred times does not drown the diagram.
double PenWidth(std::size_t count) {
  return std::min(8.0, 1.0 + 1.5 * std::log2(static_cast<double>(std::max<std::size_t>(count, 1))));
}

// "accuses ×3, 2025-02..2025-03"; the count is left out when it is 1, the dates when unknown.
std::string EdgeLabel(const ViewEdge& edge) {
  std::string label = exporting::RelationName(edge);
  if (edge.count != 1) label += fmt::format(" \u00d7{}", edge.count);
  if (std::string span = exporting::DateSpan(edge); !span.empty()) label += ", " + span;
  return label;
}

// The relation as an SVG class name: letters, digits, '-' and '_' only.
std::string ClassName(const ViewEdge& edge) {
  std::string name = exporting::RelationName(edge);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
  return name;
}

// A cluster naming the relations (in their colours) and the actor kinds (in their shapes) that the
// diagram uses, one row each. Invisible edges keep each row in id order and put kinds under
// relations.
void WriteLegend(const GraphView& view, const Colors& colors, std::ostream& os) {
  std::map<RelationId, std::string> relations;
  std::set<ActorKind> kinds;
  for (const ViewEdge& edge : view.edges())
    relations.emplace(edge.relation, exporting::RelationName(edge));
  for (const ViewVertex& vertex : view.vertices()) kinds.insert(vertex.kind);
  if (relations.empty()) return;

  os << "subgraph cluster_legend {\n"
        "graph [label=\"legend\", fontsize=11, color=\"#aaaaaa\", fontcolor=\"#444444\"];\n"
        "node [fontsize=10, height=0.3];\nedge [style=invis];\n"
        "subgraph legend_relations {\ngraph [rank=same];\n";
  std::string previous;
  for (const auto& [id, name] : relations) {
    std::string node = fmt::format("legend_relation_{}", id);
    const char* color = colors.at(id);
    os << node << " [label=" << DotQuote(name) << ", shape=box, style=rounded, penwidth=2, color=\""
       << color << "\", fontcolor=\"" << color << "\"];\n";
    if (!previous.empty()) os << previous << " -> " << node << ";\n";
    previous = node;
  }
  os << "}\nsubgraph legend_kinds {\ngraph [rank=same];\n";
  previous.clear();
  for (ActorKind kind : kinds) {
    std::string node = fmt::format("legend_kind_{}", ActorKindName(kind));
    os << node << " [label=" << DotQuote(ActorKindName(kind)) << ", shape=" << Shape(kind)
       << "];\n";
    if (!previous.empty()) os << previous << " -> " << node << ";\n";
    previous = node;
  }
  os << "}\n"
     << fmt::format("legend_relation_{} -> legend_kind_{};\n", relations.begin()->first,
                    ActorKindName(*kinds.begin()))
     << "}\n";
}

std::string Dot(const GraphView& view, const std::string& title) {
  const GraphView::Impl& impl = view.impl();
  const Colors colors = RelationColors(view);
  auto write_vertex = [&](std::ostream& os, std::size_t v) {
    const ViewVertex& vertex = impl.vertices[v];
    std::string tooltip(ActorKindName(vertex.kind));
    if (!vertex.code.empty()) tooltip += ", " + vertex.code;
    os << "[label=" << DotQuote(vertex.name) << ", shape=" << Shape(vertex.kind)
       << ", tooltip=" << DotQuote(tooltip) << "]";
  };
  auto write_edge = [&](std::ostream& os, const BoostViewGraph::edge_descriptor& e) {
    const ViewEdge& edge = impl.edges[impl.graph[e].index];
    const char* color = colors.at(edge.relation);
    std::string span = exporting::DateSpan(edge);
    std::string tooltip = fmt::format(
        "{} {} {}: {} edge{}{}, confidence up to {:.2f}", impl.vertices[edge.source].name,
        exporting::RelationName(edge), impl.vertices[edge.target].name, edge.count,
        edge.count == 1 ? "" : "s", span.empty() ? "" : ", " + span, edge.confidence);
    os << "[label=" << DotQuote(EdgeLabel(edge)) << ", color=\"" << color << "\", fontcolor=\""
       << color << "\", penwidth=" << fmt::format("{:.1f}", PenWidth(edge.count))
       << ", weight=" << edge.count << ", class=" << DotQuote(ClassName(edge))
       << ", tooltip=" << DotQuote(tooltip) << "]";
  };
  auto write_graph = [&](std::ostream& os) {
    os << "graph [label=" << DotQuote(title) << ", labelloc=t, fontsize=16];\n";
    WriteLegend(view, colors, os);
  };
  std::ostringstream out;
  boost::write_graphviz(out, impl.graph, write_vertex, write_edge, write_graph);
  return out.str();
}

}  // namespace

Status ExportDot(Store& store, const ExportOptions& options, std::ostream& out) {
  return exporting::ExportSelection(store, options, "DOT", out, Dot);
}

}  // namespace geokg::graph
