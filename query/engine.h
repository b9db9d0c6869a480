// Engine: the front door of geokg's query module. Answers analysts' questions over a Store: Cypher queries
// (Run), the relationship table (who does what to whom, how often, over which dates) and timelines (events
// in date order with their evidence).
//
// An Engine borrows the store, which must outlive it. Every call returns NotFound naming the actor when an
// actor name given by the user is not in the store, IOError or Corruption when the store fails.
#ifndef GEOKG_QUERY_ENGINE_H_
#define GEOKG_QUERY_ENGINE_H_

#include <chrono>
#include <cstddef>
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
  // line of it. PROFILE: the plan with the rows each operator produced and the time spent in it (its inputs'
  // time excluded), beside the query's own rows.
  std::string plan;
};

// Bounds on one Cypher query, so that a careless or hostile query fails with a clear LimitExceeded instead of
// holding the machine. Zero turns a limit off. The defaults are those of `geokg query` and `geokg shell`,
// whose options the messages name.
struct QueryLimits {
  std::size_t max_query_bytes = 100000;       // the query text; --max-query-length
  std::chrono::milliseconds timeout{30000};   // parsing, planning and running; --timeout
  std::uint64_t max_rows = 1000000;           // rows in the result; --max-rows
};

// What a database holds, as queries see it: for `geokg shell`'s :schema.
struct Schema {
  struct Count {
    std::string name;
    std::uint64_t count = 0;
  };
  std::vector<Count> labels;          // Actor, State, Organization, Group, Article: how many nodes carry each
  std::vector<Count> relation_types;  // ACCUSES, ...: how many edges, most first
  std::vector<std::string> actor_properties;
  std::vector<std::string> article_properties;
  std::vector<std::string> relationship_properties;
};

class Engine {
 public:
  explicit Engine(graph::Store* store) : store_(store) {}

  // Runs one query of geokg's read-only openCypher subset (grammar at the top of query/parser.h; dates and
  // nulls in query/value.h). A query that starts with EXPLAIN is planned, not run. The graph it sees:
  //   nodes: every actor has label :Actor, and :State, :Organization or :Group by kind; properties name,
  //     kind ("state", ...), code (null when none), aliases (a list of strings);
  //   articles: nodes labelled :Article with properties id, title, url, outlet (null when none) and date
  //     (the publication date). No relationship touches them: `MATCH (art:Article {id: r.article})` finds
  //     the article of an edge r by a seek. An unlabelled node that no relationship touches matches actors
  //     and articles, as in Neo4j; one with a relationship is an actor;
  //   relationships: the type is the stored relation name upper-cased, other characters as '_'
  //     ("calls for" -> CALLS_FOR); properties date (a date, null when unknown), precision ("day", "month",
  //     "year"; null when undated), article (its id), sentence, speaker (null when none), confidence,
  //     implied, inferred (the source comes from the context, not from the sentence).
  // Fails with InvalidArgument on a malformed query or a runtime error (a division by zero, a bad date),
  // the message giving the line and column and a caret under the offending text; an unknown relation type,
  // label, variable, property or function names the nearest valid one. CREATE, MERGE, DELETE, SET and REMOVE
  // fail with "geokg queries are read-only". A query over one of `limits` fails with LimitExceeded naming
  // the limit ("query ran longer than 30 s (--timeout)"). Store failures come back as the store's Status.
  Result<QueryResult> Run(std::string_view cypher, const QueryLimits& limits = QueryLimits());

  // The labels and relation types with their counts, and the property names. Reads every edge once.
  Result<Schema> Describe();

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
