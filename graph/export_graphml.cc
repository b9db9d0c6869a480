// GraphML with typed attributes.
#include <fmt/format.h>

#include <string>

#include "graph/export.h"
#include "graph/export_internal.h"

namespace geokg::graph {

namespace {

using exporting::XmlEscape;

// Key ids are the attribute names, so that the file reads well and tools that show ids agree with
// those that show names.
constexpr const char* kKeys =
    "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"code\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n"
    "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
    "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
    "  <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
    "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n";

// Empty values are left out: GraphML reads a missing <data> as no value.
void Data(std::string* out, const char* key, const std::string& value) {
  if (value.empty()) return;
  *out += fmt::format("      <data key=\"{}\">{}</data>\n", key, XmlEscape(value));
}

std::string Graphml(const GraphView& view, const std::string& title) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  out += kKeys;
  out += "  <graph id=\"geokg\" edgedefault=\"directed\">\n";
  out += fmt::format("    <desc>{}</desc>\n", XmlEscape(title));
  for (const ViewVertex& vertex : view.vertices()) {
    out += fmt::format("    <node id=\"n{}\">\n", vertex.actor);
    Data(&out, "name", vertex.name);
    Data(&out, "kind", std::string(ActorKindName(vertex.kind)));
    Data(&out, "code", vertex.code);
    out += "    </node>\n";
  }
  for (std::size_t e = 0; e < view.edges().size(); ++e) {
    const ViewEdge& edge = view.edges()[e];
    out += fmt::format("    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">\n", e,
                       view.vertices()[edge.source].actor, view.vertices()[edge.target].actor);
    Data(&out, "relation", exporting::RelationName(edge));
    Data(&out, "count", std::to_string(edge.count));
    Data(&out, "first", edge.first.ToString());
    Data(&out, "last", edge.last.ToString());
    Data(&out, "confidence", exporting::XmlDouble(edge.confidence));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace

Status ExportGraphml(Store& store, const ExportOptions& options, std::ostream& out) {
  return exporting::ExportSelection(store, options, "GraphML", out, Graphml);
}

}  // namespace geokg::graph
