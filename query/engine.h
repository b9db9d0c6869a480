// Engine: the front door of geokg's query module. Answers analysts' questions over a Store: the
// relationship table (who does what to whom, how often, over which dates) and timelines (events in date
// order with their evidence).
//
// An Engine borrows the store, which must outlive it. Every call returns NotFound naming the actor when an
// actor name given by the user is not in the store, IOError or Corruption when the store fails.
#ifndef GEOKG_QUERY_ENGINE_H_
#define GEOKG_QUERY_ENGINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store.h"

namespace geokg::query {

// A user's filter, by names. Unset members match everything.
struct EdgeQuery {
  std::optional<std::string> source;    // actor name or alias
  std::optional<std::string> target;    // actor name or alias
  std::optional<std::string> relation;  // relation type name
  std::optional<graph::Date> from;
  std::optional<graph::Date> to;
};

// One row per (source, relation, target), with how many edges and the span of their dates.
struct RelationshipRow {
  std::string source;
  std::string relation;
  std::string target;
  std::uint64_t count = 0;
  graph::Date first;  // earliest known date; unknown when no edge has one
  graph::Date last;
};

struct TimelineEvent {
  graph::Edge edge;
  std::string source;
  std::string relation;
  std::string target;
  std::string evidence;  // the sentence the edge was read from
  std::string title;     // the article's title
};

struct TimelineQuery {
  std::optional<std::string> actor;  // events where this actor is source or target
  std::optional<std::string> with;   // ... and this one is the other end
  std::optional<std::string> relation;
  std::optional<graph::Date> from;
  std::optional<graph::Date> to;
};

class Engine {
 public:
  explicit Engine(graph::Store* store) : store_(store) {}

  // The stored edges matching `q`, one row per (source, relation, target), ordered by count (most first),
  // then source, relation, target.
  Result<std::vector<RelationshipRow>> Relationships(const EdgeQuery& q);

  // The edges matching `q` with names resolved, in the order of the store's scan.
  Result<std::vector<TimelineEvent>> Edges(const EdgeQuery& q);

  // Events in date order (unknown dates last), then by article and sentence.
  Result<std::vector<TimelineEvent>> Timeline(const TimelineQuery& q);

  // Resolves a name or alias to an actor; NotFound("unknown actor 'X'") otherwise.
  Result<graph::Actor> ResolveActor(std::string_view name);

  // Turns names into the ids of a store filter; NotFound naming an unknown actor or relation type.
  Result<graph::EdgeFilter> ResolveFilter(const EdgeQuery& q);

 private:
  Status Collect(const graph::EdgeFilter& filter, std::vector<TimelineEvent>* out);

  graph::Store* store_;
};

}  // namespace geokg::query

#endif  // GEOKG_QUERY_ENGINE_H_
