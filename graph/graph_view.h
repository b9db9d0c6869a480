// GraphView: the stored graph in memory as a Boost.Graph, for algorithms and exporters.
//
// LoadGraph reads the edges matching a filter and aggregates them: one view edge per (source,
// relation, target), saying how many stored edges it stands for and their first and last known
// dates. The vertices are the actors those edges touch, in actor-id order; view edges are ordered
// by source id, relation id, target id. The view keeps the filter, so that whoever goes back to the
// stored edges behind a view edge (for their evidence) selects the same ones.
//
// The Boost.Graph itself (graph/graph_view_internal.h) is seen only by graph/'s own .cc files, so
// that other modules do not compile Boost headers: they get the plain vectors below and index-based
// adjacency.
#ifndef GEOKG_GRAPH_GRAPH_VIEW_H_
#define GEOKG_GRAPH_GRAPH_VIEW_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph {

struct ViewVertex {
  ActorId actor = 0;
  std::string name;
  ActorKind kind = ActorKind::kOther;
  std::string code;  // ISO 3166 alpha-3 for states, else empty
};

struct ViewEdge {
  std::size_t source = 0;  // index into GraphView::vertices()
  std::size_t target = 0;
  RelationId relation = 0;
  std::string relation_name;  // "" when the relation type is not stored
  std::size_t count = 0;      // stored edges this one stands for
  Date first;                 // earliest known date; unknown when no edge has a date
  Date last;                  // latest known date
  // The highest confidence among its edges: a relationship is as certain as its best evidence.
  float confidence = 0;
};

class GraphView {
 public:
  struct Impl;  // defined in graph/graph_view_internal.h

  explicit GraphView(std::unique_ptr<Impl> impl);
  GraphView(GraphView&&) noexcept;
  GraphView& operator=(GraphView&&) noexcept;
  ~GraphView();

  const std::vector<ViewVertex>& vertices() const;
  const std::vector<ViewEdge>& edges() const;
  // The filter the stored edges were selected with.
  const EdgeFilter& filter() const;

  // The vertex of an actor, nullopt when no loaded edge touches it.
  std::optional<std::size_t> FindVertex(ActorId actor) const;
  // Indices into edges() of the edges leaving / entering a vertex. Precondition: vertex <
  // vertices().size().
  std::vector<std::size_t> OutEdges(std::size_t vertex) const;
  std::vector<std::size_t> InEdges(std::size_t vertex) const;

  // For graph/'s algorithms and exporters.
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Builds the view of the edges matching `filter`. Fails with the store's error, or LimitExceeded
// when the view does not fit in memory.
Result<GraphView> LoadGraph(Store& store, const EdgeFilter& filter);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_GRAPH_VIEW_H_
