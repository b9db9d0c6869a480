#include "graph/export.h"

#include <fmt/format.h>

#include <array>
#include <boost/graph/graphviz.hpp>
#include <exception>
#include <vector>

#include "graph/graph_view_internal.h"

namespace geokg::graph {

namespace {

// Readable as text on white (ColorBrewer Dark2, then Set1). Eleven colours: relation ids tend to be
// multiples of 10 (CAMEO codes), and 11 is coprime with 10, so neighbouring root codes get distinct
// colours.
constexpr std::array<const char*, 11> kPalette = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a",
                                                  "#66a61e", "#e6ab02", "#a6761d", "#666666",
                                                  "#e41a1c", "#377eb8", "#984ea3"};

const char* RelationColor(RelationId relation) { return kPalette[relation % kPalette.size()]; }

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

// Length of the valid UTF-8 sequence starting at s[i], or 0. Graphviz warns about (and mangles)
// invalid UTF-8, and names come from crawled text.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  std::size_t n = c < 0x80                   ? 1
                  : (c >= 0xC2 && c <= 0xDF) ? 2
                  : (c >= 0xE0 && c <= 0xEF) ? 3
                  : (c >= 0xF0 && c <= 0xF4) ? 4
                                             : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  if ((c == 0xE0 && at(i + 1) < 0xA0) || (c == 0xED && at(i + 1) >= 0xA0) ||
      (c == 0xF0 && at(i + 1) < 0x90) || (c == 0xF4 && at(i + 1) >= 0x90))
    return 0;
  return n;
}

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n, other control
// characters as spaces, invalid UTF-8 as U+FFFD.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    char c = s[i];
    if (n > 1) {
      out.append(s.substr(i, n));
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
    i += n;
  }
  out += '"';
  return out;
}

std::string DateSpan(const ViewEdge& edge) {
  if (!edge.first.known()) return "date unknown";
  if (edge.first == edge.last) return edge.first.ToString();
  return edge.first.ToString() + " to " + edge.last.ToString();
}

std::string RelationLabel(const ViewEdge& edge) {
  std::string name =
      edge.relation_name.empty() ? fmt::format("relation {}", edge.relation) : edge.relation_name;
  return fmt::format("{} ({})", name, edge.count);
}

// What the filter selects, for the title: "source US, dates 2025-01-01 to 2025-02-28".
Result<std::string> DescribeFilter(Store& store, const EdgeFilter& filter) {
  std::vector<std::string> parts;
  for (auto [role, id] : {std::pair{"source", filter.source}, std::pair{"target", filter.target}}) {
    if (!id) continue;
    auto actor = store.GetActor(*id);
    if (!actor.ok()) return actor.status();
    parts.push_back(
        fmt::format("{} {}", role, actor->has_value() ? (*actor)->name : fmt::format("#{}", *id)));
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
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string SizeSummary(const GraphView& view) {
  std::size_t stored = 0;
  for (const ViewEdge& edge : view.edges()) stored += edge.count;
  return fmt::format("{} actors, {} relationships from {} edges", view.vertices().size(),
                     view.edges().size(), stored);
}

}  // namespace

Status ExportDot(const GraphView& view, const std::string& title, std::ostream& out) {
  const GraphView::Impl& impl = view.impl();
  auto write_vertex = [&](std::ostream& os, std::size_t v) {
    const ViewVertex& vertex = impl.vertices[v];
    os << "[label=" << Quote(vertex.name) << ", shape=" << Shape(vertex.kind) << "]";
  };
  auto write_edge = [&](std::ostream& os, const BoostViewGraph::edge_descriptor& e) {
    const ViewEdge& edge = impl.edges[impl.graph[e].index];
    const char* color = RelationColor(edge.relation);
    os << "[label=" << Quote(RelationLabel(edge)) << ", color=\"" << color << "\", fontcolor=\""
       << color << "\", tooltip=" << Quote(DateSpan(edge)) << "]";
  };
  auto write_graph = [&](std::ostream& os) {
    os << "graph [label=" << Quote(title) << ", labelloc=t, fontsize=16];\n";
  };
  // write_graphviz reports nothing itself; a stream set to throw, or a failing allocation, may
  // still throw.
  try {
    boost::write_graphviz(out, impl.graph, write_vertex, write_edge, write_graph);
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("writing the DOT output: {}", e.what()));
  }
  if (!out) return Status::IOError("writing the DOT output failed");
  return Status::OK();
}

Status ExportDot(Store& store, const EdgeFilter& filter, std::ostream& out) {
  auto view = LoadGraph(store, filter);
  if (!view.ok()) return view.status();
  auto selection = DescribeFilter(store, filter);
  if (!selection.ok()) return selection.status();
  std::string title = "geokg graph: " + SizeSummary(*view);
  if (!selection->empty()) title += "; " + *selection;
  return ExportDot(*view, title, out);
}

}  // namespace geokg::graph
