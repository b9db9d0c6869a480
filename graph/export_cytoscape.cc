// Cytoscape.js JSON.
#include <fmt/format.h>

#include <string>

#include "graph/export.h"
#include "graph/export_internal.h"

namespace geokg::graph {

namespace {

using exporting::JsonQuote;

// A date as a JSON string, or null when unknown.
std::string JsonDate(const Date& date) {
  return date.known() ? JsonQuote(date.ToString()) : "null";
}

std::string Cytoscape(const GraphView& view, const std::string& title) {
  std::string out = fmt::format(
      "{{\n  \"data\": {{\"name\": {}}},\n  \"elements\": {{\n    \"nodes\": [", JsonQuote(title));
  const char* separator = "\n";
  for (const ViewVertex& vertex : view.vertices()) {
    out += fmt::format(
        "{}      {{\"data\": {{\"id\": \"n{}\", \"name\": {}, \"kind\": {}, \"code\": {}}}}}",
        separator, vertex.actor, JsonQuote(vertex.name), JsonQuote(ActorKindName(vertex.kind)),
        JsonQuote(vertex.code));
    separator = ",\n";
  }
  out += view.vertices().empty() ? "],\n    \"edges\": [" : "\n    ],\n    \"edges\": [";
  separator = "\n";
  for (std::size_t e = 0; e < view.edges().size(); ++e) {
    const ViewEdge& edge = view.edges()[e];
    out += fmt::format(
        "{}      {{\"data\": {{\"id\": \"e{}\", \"source\": \"n{}\", \"target\": \"n{}\", "
        "\"relation\": {}, \"count\": {}, \"first\": {}, \"last\": {}, \"confidence\": {}}}}}",
        separator, e, view.vertices()[edge.source].actor, view.vertices()[edge.target].actor,
        JsonQuote(exporting::RelationName(edge)), edge.count, JsonDate(edge.first),
        JsonDate(edge.last), exporting::JsonNumber(edge.confidence));
    separator = ",\n";
  }
  out += view.edges().empty() ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n";
  return out;
}

}  // namespace

Status ExportCytoscape(Store& store, const ExportOptions& options, std::ostream& out) {
  return exporting::ExportSelection(store, options, "Cytoscape JSON", out, Cytoscape);
}

}  // namespace geokg::graph
