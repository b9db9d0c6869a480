// The commands that show what the database holds: actors, relations, edges, stats.
#include <fmt/format.h>

#include "graph/model.h"
#include "query/engine.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

query::EdgeQuery EdgeQueryFrom(const Args& args) {
  query::EdgeQuery q;
  q.source = args.Get("--from");
  q.target = args.Get("--to");
  q.relation = args.Get("--type");
  return q;
}

std::vector<OptionSpec> EdgeFilterOptions() {
  return {DbOption(),
          {"--from", "", "ACTOR", "only edges whose source is ACTOR (name or alias)"},
          {"--to", "", "ACTOR", "only edges whose target is ACTOR"},
          {"--type", "", "RELATION", "only edges of this relation type (accuses, urges, ...)"}};
}

int RunActors(const Args& args) {
  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  auto actors = store->Actors();
  if (!actors.ok()) return Fail(actors.status());
  Table table({"id", "name", "kind", "code", "aliases"});
  for (const auto& a : *actors)
    table.Add({std::to_string(a.id), a.name, std::string(graph::ActorKindName(a.kind)), a.code,
               Join(a.aliases, ", ")});
  table.Print(stdout);
  return kExitOk;
}

int RunRelations(const Args& args) {
  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto rows = engine.Relationships(EdgeQueryFrom(args));
  if (!rows.ok()) return Fail(rows.status());
  Table table({"source", "relation", "target", "count", "first", "last"});
  for (const auto& r : *rows)
    table.Add({r.source, r.relation, r.target, std::to_string(r.count), r.first.ToString(), r.last.ToString()});
  table.Print(stdout);
  return kExitOk;
}

int RunEdges(const Args& args) {
  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto edges = engine.Edges(EdgeQueryFrom(args));
  if (!edges.ok()) return Fail(edges.status());
  Table table({"source", "relation", "target", "date", "confidence", "basis", "speaker", "article",
               "sentence"});
  for (const auto& e : *edges)
    table.Add({e.source, e.relation, e.target, e.edge.date.ToString(),
               fmt::format("{:.2f}", e.edge.confidence), std::string(graph::EdgeBasis(e.edge)),
               e.edge.evidence.speaker, e.edge.article_id,
               std::to_string(e.edge.evidence.sentence)});
  table.Print(stdout);
  return kExitOk;
}

int RunStats(const Args& args) {
  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  auto stats = store->Stats();
  if (!stats.ok()) return Fail(stats.status());
  fmt::print("database        {}\narticles        {}\nactors          {}\nedges           {}\nrelation types  {}\n",
             DatabasePath(args), stats->articles, stats->actors, stats->edges, stats->relation_types);
  return kExitOk;
}

}  // namespace

Command ActorsCommand() {
  return {{"actors", "[--db DIR]", "List the actors in the database.", {DbOption()}, 0, 0, ""}, RunActors};
}

Command RelationsCommand() {
  return {{"relations", "[--db DIR] [--from A] [--to B] [--type T]",
           "The relationship table: source, relation, target, count and date span.", EdgeFilterOptions(), 0, 0,
           ""},
          RunRelations};
}

Command EdgesCommand() {
  return {{"edges", "[--db DIR] [--from A] [--to B] [--type T]",
           "List the stored edges with their date, confidence, speaker and article.", EdgeFilterOptions(), 0, 0,
           ""},
          RunEdges};
}

Command StatsCommand() {
  return {{"stats", "[--db DIR]", "Count the articles, actors, edges and relation types.", {DbOption()}, 0, 0,
           ""},
          RunStats};
}

}  // namespace geokg::cli
