// The synthetic graph of the query benchmark: actors, relation types and dated edges generated from
// a fixed seed, written through Store::AddArticle as an ingest would write them.
#ifndef GEOKG_TOOLS_BENCH_QUERY_BENCH_GRAPH_H_
#define GEOKG_TOOLS_BENCH_QUERY_BENCH_GRAPH_H_

#include <cstddef>
#include <string>

#include "graph/status.h"
#include "graph/store.h"

namespace geokg::bench {

struct GraphShape {
  std::size_t edges = 1000000;
  std::size_t actors = 300;
  std::size_t edges_per_article = 10;
  int first_year =
      2015;  // dates are days spread evenly over ten years from January 1st of this year
};

// The name of actor i: "A000", "A001", ...
std::string ActorName(std::size_t i);

// Writes the graph into an empty store and returns how many edges it wrote. Edges join two distinct
// actors picked uniformly; their type is one of sixteen common relation types, except that about
// one edge in 1700 is MEDIATES, a sparse type whose graph gives shortest paths several hops long.
// An article holds `edges_per_article` edges dated on or up to three days before its publication
// day. The same shape gives the same graph on every machine.
Result<std::size_t> WriteGraph(graph::Store* store, const GraphShape& shape);

}  // namespace geokg::bench

#endif  // GEOKG_TOOLS_BENCH_QUERY_BENCH_GRAPH_H_
