// Analytics: who sits in the middle of the graph, how actors connect, and what the evidence says
// about a pair.
//
// The structural measures (Centrality, PageRank, WeakComponents) run on a GraphView. Betweenness
// and components treat it as a simple undirected graph: two actors are adjacent when any relation
// links them, either way round, because standing between two actors does not depend on who spoke to
// whom or how often. Degrees count view edges, so two relations between a pair count twice.
//
// The evidence measures (ShortestPath, Contradictions, StanceOverTime) go back to the store for the
// stored edges behind the view's edges, selected with the view's filter, and cite each one with the
// sentence it was read from: the article's Document() between the edge's evidence offsets.
//
// Nothing here throws; running out of memory gives LimitExceeded.
#ifndef GEOKG_GRAPH_ANALYTICS_H_
#define GEOKG_GRAPH_ANALYTICS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::graph {

struct ActorCentrality {
  std::size_t vertex = 0;      // index into GraphView::vertices()
  std::size_t in_degree = 0;   // view edges entering it
  std::size_t out_degree = 0;  // view edges leaving it
  std::size_t degree = 0;      // in + out
  // Brandes: over the pairs of other actors, the share of each pair's shortest paths that run
  // through this actor, summed. A star's centre with k leaves scores k(k-1)/2.
  double betweenness = 0;
  // betweenness divided by the number of pairs of other actors, (n-1)(n-2)/2: 0..1.
  double betweenness_normalized = 0;
};

// One entry per vertex, in vertex order.
Result<std::vector<ActorCentrality>> Centrality(const GraphView& view);

struct PageRankOptions {
  double damping = 0.85;
  // Split an actor's rank over its edges by their counts, so that a relationship reported three
  // times passes on more than one reported once.
  bool weighted = true;
  double tolerance = 1e-10;  // stop once an iteration changes the ranks by less, summed
  std::size_t max_iterations = 1000;
};

// Rank flows from source to target: an actor ranks high when prominent actors act on it. One value
// per vertex, in vertex order, summing to 1. An actor with no outgoing edge spreads its rank over
// every actor. Fails with InvalidArgument when damping is outside [0, 1).
Result<std::vector<double>> PageRank(const GraphView& view, const PageRankOptions& options = {});

// Weakly connected components.
struct Components {
  std::vector<std::size_t> component;             // per vertex: its component
  std::vector<std::vector<std::size_t>> members;  // per component: its vertices, ascending
};

// Components are numbered largest first, ties by their lowest vertex.
Result<Components> WeakComponents(const GraphView& view);

// A stored edge and the sentence it was read from.
struct CitedEdge {
  Edge edge;
  std::string relation;  // the relation type's name
  std::string sentence;  // empty when the article is not stored or the offsets fall outside it
};

struct PathHop {
  std::size_t from = 0;  // vertices, in the path's direction
  std::size_t to = 0;
  // The view edges joining the two that the search may follow (both directions unless directed),
  // as indices into GraphView::edges(), ascending.
  std::vector<std::size_t> edges;
  // The stored edges behind them: for each view edge in `edges`, its first
  // PathOptions::evidence_per_edge in store order (date, undated first).
  std::vector<CitedEdge> evidence;
};

struct PathOptions {
  bool directed = false;  // follow edges only from source to target
  // Cited edges per view edge of a hop, so that every relation joining the two actors is cited;
  // 0 for every stored edge.
  std::size_t evidence_per_edge = 3;
};

struct Path {
  bool found = false;
  std::vector<PathHop> hops;  // empty when not found, or when both ends are the same actor
};

// A path with the fewest hops from `from` to `to`, by breadth-first search; neighbours are searched
// in vertex order, so the answer is deterministic. Not found when either actor has no edge in the
// view. Fails with the store's error.
Result<Path> ShortestPath(Store& store, const GraphView& view, ActorId from, ActorId to,
                          const PathOptions& options = {});

struct ContradictionOptions {
  std::int64_t days = 30;  // the most days between the accusation and the rejection
  std::vector<std::string> accusations = {"accuses", "blames"};
  std::vector<std::string> rejections = {"rejects", "denies"};
};

struct Contradiction {
  std::size_t accuser = 0;  // vertices
  std::size_t accused = 0;
  CitedEdge accusation;         // accuser -> accused
  CitedEdge rejection;          // accused -> accuser
  std::int64_t days_apart = 0;  // between the periods the two dates cover; 0 when they overlap
};

// Pairs every dated rejection (accused -> accuser, a rejection relation) in the view with one
// dated accusation (accuser -> accused, an accusation relation) at most `days` apart, chosen in
// this order of preference: a stated accusation, which has the accuser's own words, before one
// implied by a rejection's wording ("rejects US accusations"); among implied ones, the one the
// rejection's own sentence implies; then the nearest in time; then the earliest. Coarse dates count
// as the periods they cover. Ordered by the rejection's date, then accuser and accused. Relation
// names absent from the view match nothing. Fails with the store's error.
Result<std::vector<Contradiction>> Contradictions(Store& store, const GraphView& view,
                                                  const ContradictionOptions& options = {});

// How many stored edges of one relation went one way between a pair in one period.
struct StanceCount {
  // The month (Date::Month) of edges dated to a day or month; the year of edges dated only to a
  // year; unknown for undated edges.
  Date period;
  bool forward = true;  // a -> b; false for b -> a
  RelationId relation = 0;
  std::string relation_name;
  std::size_t count = 0;
};

// The edges between `a` and `b` in the view, both ways, counted per period and relation. Ordered by
// period (undated first, a year before its months), then a -> b before b -> a, then relation id.
// Fails with the store's error.
Result<std::vector<StanceCount>> StanceOverTime(Store& store, const GraphView& view, ActorId a,
                                                ActorId b);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_ANALYTICS_H_
