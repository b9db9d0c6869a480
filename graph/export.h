// Exporters: the stored graph, or a selected part of it, in the formats analysts' tools read.
//
// Every exporter first selects (SelectGraph) and then writes the aggregated view: one node per
// actor and one edge per (source, relation, target) with its count, date span and best confidence;
// only the Neo4j files keep one row per stored edge. Text is written as UTF-8, bytes that are not
// valid UTF-8 becoming U+FFFD, and each format escapes its own special characters, so that any
// actor name or speaker round-trips through the format's own reader.
//
// DOT: for Graphviz. One colour per relation, a legend cluster naming the relations and actor kinds
//   present, pen width growing with the count, edge labels "accuses ×3, 2025-02..2025-03", node
//   shapes by kind (state box, organisation hexagon, group diamond, other ellipse). Render it with
//   `dot -Tsvg`. The legend's node ids start with "legend_", the actors' are numbers; each edge's
//   `weight` is its count and `class` its relation, so that a program reading the DOT back need not
//   parse labels.
// GraphML: typed attributes. Nodes: name, kind, code; edges: relation, count (int), first, last
//   (ISO dates as strings, possibly coarse: "2025-02"), confidence (double). Gephi and Cytoscape
//   open it.
// GEXF 1.3: the same attributes, and each edge's time interval (mode="dynamic", timeformat="date")
//   from the first day its first date covers to the last day its last date covers, for Gephi's
//   timeline; undated edges have none.
// Cytoscape.js JSON: {"elements": {"nodes": [{"data": {id, name, kind, code}}, ...],
//   "edges": [{"data": {id, source, target, relation, count, first, last, confidence}}, ...]}}.
// Neo4j: actors.csv and edges.csv for `neo4j-admin database import full --nodes=actors.csv
//   --relationships=edges.csv`, with the labels (Actor plus State, Organization or Group) and the
//   upper-case relationship types of geokg's own Cypher. RFC 4180 quoting; a field holding a line
//   break needs the importer's --multiline-fields=true.
#ifndef GEOKG_GRAPH_EXPORT_H_
#define GEOKG_GRAPH_EXPORT_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "graph/graph_view.h"
#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph {

// What to export. The filter selects the stored edges, which are then aggregated; min_count and the
// ego network apply to the aggregated view, in that order.
struct ExportOptions {
  EdgeFilter filter;             // dates, relation type, source, target of the stored edges
  std::optional<ActorId> actor;  // keep only the actors within `depth` hops of this one
  std::size_t depth = 1;         // hops from `actor`, following edges in either direction
  std::size_t min_count = 1;     // drop relationships standing for fewer stored edges
};

// The view the exporters write: LoadGraph(store, options.filter), without the edges under
// min_count, then when an actor is given its ego network: the actors a breadth-first search over
// the remaining edges, either way round, reaches in at most `depth` hops, and every remaining edge
// between two of them. An actor with no edge left gives an empty view. Fails like LoadGraph.
Result<GraphView> SelectGraph(Store& store, const ExportOptions& options);

// Each writes the selection to `out`, titled after the selection where the format has a title.
// They fail with the store's error, or IOError when `out` fails.
Status ExportDot(Store& store, const ExportOptions& options, std::ostream& out);
Status ExportGraphml(Store& store, const ExportOptions& options, std::ostream& out);
Status ExportGexf(Store& store, const ExportOptions& options, std::ostream& out);
Status ExportCytoscape(Store& store, const ExportOptions& options, std::ostream& out);

// Writes actors.csv (the selection's actors) and edges.csv (every stored edge behind the
// selection's view edges) into `dir`, creating it when missing and replacing those two files. Fails
// with the store's error, or IOError naming the file that could not be written.
Status ExportNeo4j(Store& store, const ExportOptions& options, const std::string& dir);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_EXPORT_H_
