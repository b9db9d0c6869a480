// Exporters: the stored graph as a GraphViz diagram.
//
// The DOT output has one node per actor (labelled with its canonical name, shaped by kind: state =
// box, organisation = hexagon, group = diamond, other = ellipse) and one edge per (source,
// relation, target), labelled "relation (count)" and coloured by relation id from a fixed palette,
// under a graph-level title. Render it with `dot -Tsvg`.
#ifndef GEOKG_GRAPH_EXPORT_H_
#define GEOKG_GRAPH_EXPORT_H_

#include <ostream>
#include <string>

#include "graph/graph_view.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph {

// Writes the edges matching `filter` as DOT, titled after the filter and the graph's size. Fails
// with the store's error, or IOError when `out` fails.
Status ExportDot(Store& store, const EdgeFilter& filter, std::ostream& out);

// Writes a loaded view as DOT under `title`.
Status ExportDot(const GraphView& view, const std::string& title, std::ostream& out);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_EXPORT_H_
