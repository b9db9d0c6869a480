// GEXF 1.3 with edge time intervals, for Gephi's timeline.
#include <fmt/format.h>

#include <string>

#include "graph/day_span.h"
#include "graph/export.h"
#include "graph/export_internal.h"

namespace geokg::graph {

namespace {

using exporting::XmlEscape;

constexpr const char* kAttributes =
    "    <attributes class=\"node\" mode=\"static\">\n"
    "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
    "      <attribute id=\"code\" title=\"code\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\" mode=\"static\">\n"
    "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
    "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
    "      <attribute id=\"first\" title=\"first\" type=\"string\"/>\n"
    "      <attribute id=\"last\" title=\"last\" type=\"string\"/>\n"
    "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
    "    </attributes>\n";

void AttValue(std::string* out, const char* id, const std::string& value) {
  if (value.empty()) return;
  *out += fmt::format("          <attvalue for=\"{}\" value=\"{}\"/>\n", id, XmlEscape(value));
}

// start="..." end="...": from the first day the first date covers to the last day the last date
// covers, so that a relationship dated "2025-02" is alive through February. Nothing for an undated
// edge, which Gephi then shows at every time.
std::string Interval(const ViewEdge& edge) {
  if (!edge.first.known()) return "";
  return fmt::format(" start=\"{}\" end=\"{}\"", IsoDay(DaysCovered(edge.first).first),
                     IsoDay(DaysCovered(edge.last).last));
}

std::string Gexf(const GraphView& view, const std::string& title) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
  out += fmt::format(
      "  <meta>\n    <creator>geokg</creator>\n    <description>{}</description>\n  </meta>\n",
      XmlEscape(title));
  out += "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  out += kAttributes;
  out += "    <nodes>\n";
  for (const ViewVertex& vertex : view.vertices()) {
    out += fmt::format("      <node id=\"n{}\" label=\"{}\">\n        <attvalues>\n", vertex.actor,
                       XmlEscape(vertex.name));
    AttValue(&out, "kind", std::string(ActorKindName(vertex.kind)));
    AttValue(&out, "code", vertex.code);
    out += "        </attvalues>\n      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (std::size_t e = 0; e < view.edges().size(); ++e) {
    const ViewEdge& edge = view.edges()[e];
    std::string relation = XmlEscape(exporting::RelationName(edge));
    // `kind` keeps Gephi from merging two relations between the same pair into one edge.
    out += fmt::format(
        "      <edge id=\"e{}\" source=\"n{}\" target=\"n{}\" label=\"{}\" kind=\"{}\" "
        "weight=\"{}\"{}>\n        <attvalues>\n",
        e, view.vertices()[edge.source].actor, view.vertices()[edge.target].actor, relation,
        relation, edge.count, Interval(edge));
    AttValue(&out, "relation", exporting::RelationName(edge));
    AttValue(&out, "count", std::to_string(edge.count));
    AttValue(&out, "first", edge.first.ToString());
    AttValue(&out, "last", edge.last.ToString());
    AttValue(&out, "confidence", exporting::XmlDouble(edge.confidence));
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace

Status ExportGexf(Store& store, const ExportOptions& options, std::ostream& out) {
  return exporting::ExportSelection(store, options, "GEXF", out, Gexf);
}

}  // namespace geokg::graph
