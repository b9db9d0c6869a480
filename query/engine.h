// Engine: the front door of geokg's query module. Answers analysts' questions over a Store: Cypher queries
// (Run), the relationship table (who does what to whom, how often, over which dates) and timelines (events
// in date order with their evidence).
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
#include "query/value.h"

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

// The answer to a Cypher query: named columns and rows of typed values (Value::ToString prints a cell).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  // EXPLAIN: the plan, one operator a line, top operator first; then `columns` is {"plan"} and each row one
  // line of it. PROFILE: the plan with the rows each operator produced, beside the query's own rows.
  std::string plan;
};

class Engine {
 public:
  explicit Engine(graph::Store* store) : store_(store) {}

  // Runs one query of geokg's read-only openCypher subset (grammar at the top of query/parser.h; dates and
  // nulls in query/value.h). A query that starts with EXPLAIN is planned, not run. The graph it sees:
  //   nodes: every actor has label :Actor, and :State, :Organization or :Group by kind; properties name,
  //     kind ("state", ...), code (null when none), aliases (a list of strings);
  //   relationships: the type is the stored relation name upper-cased, other characters as '_'
  //     ("calls for" -> CALLS_FOR); properties date (a date, null when unknown), precision ("day", "month",
  //     "year"; null when undated), article (its id), sentence, speaker (null when none), confidence,
  //     implied.
  // Fails with InvalidArgument on a malformed query or a runtime error (a division by zero, a bad date),
  // the message giving the line and column and a caret under the offending text; an unknown relation type,
  // label, variable, property or function names the nearest valid one. CREATE, MERGE, DELETE, SET and REMOVE
  // fail with "geokg queries are read-only". Store failures come back as the store's Status.
  Result<QueryResult> Run(std::string_view cypher);

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
