// The CSV files neo4j-admin's import takes: one for the actors, one row per stored edge in the
// other.
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "graph/export.h"
#include "graph/export_internal.h"

namespace geokg::graph {

namespace {

using exporting::CsvField;

// The labels geokg's Cypher gives an actor, in the importer's ';'-separated form.
const char* Labels(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState:
      return "Actor;State";
    case ActorKind::kOrganization:
      return "Actor;Organization";
    case ActorKind::kGroup:
      return "Actor;Group";
    case ActorKind::kOther:
      break;
  }
  return "Actor";
}

// The importer splits arrays at ';' and has no escape for it, so a ';' inside an alias becomes ','.
std::string AliasArray(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& alias : aliases) {
    if (!out.empty()) out += ';';
    for (char c : alias) out += c == ';' ? ',' : c;
  }
  return out;
}

// Relationship types are upper case, as in geokg's Cypher: accuses -> ACCUSES.
std::string RelationshipType(const ViewEdge& edge) {
  std::string type = exporting::RelationName(edge);
  for (char& c : type)
    c = c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return type;
}

Status WriteFile(const std::filesystem::path& path,
                 const std::function<Status(std::ostream&)>& write) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError(fmt::format("cannot write '{}'", path.string()));
  Status written = exporting::Guarded(path.string(), out, [&] { return write(out); });
  out.close();
  if (written.ok() && !out) return Status::IOError(fmt::format("cannot write '{}'", path.string()));
  return written;
}

Status WriteActors(Store& store, const GraphView& view, std::ostream& out) {
  out << "actorId:ID,name,kind,code,aliases:string[],:LABEL\n";
  for (const ViewVertex& vertex : view.vertices()) {
    auto actor = store.GetActor(vertex.actor);
    if (!actor.ok()) return actor.status();
    std::vector<std::string> aliases =
        actor->has_value() ? (*actor)->aliases : std::vector<std::string>();
    out << vertex.actor << ',' << CsvField(vertex.name) << ',' << ActorKindName(vertex.kind) << ','
        << CsvField(vertex.code) << ',' << CsvField(AliasArray(aliases)) << ','
        << Labels(vertex.kind) << '\n';
  }
  return Status::OK();
}

// Every stored edge behind a view edge: the view's filter selects them, the view's (source,
// relation, target) triples apply what the selection dropped after aggregating.
Status WriteEdges(Store& store, const GraphView& view, std::ostream& out) {
  std::map<std::tuple<ActorId, RelationId, ActorId>, std::string> types;
  for (const ViewEdge& edge : view.edges())
    types[{view.vertices()[edge.source].actor, edge.relation, view.vertices()[edge.target].actor}] =
        RelationshipType(edge);
  out << ":START_ID,:END_ID,:TYPE,date,precision,article,sentence:int,speaker,confidence:float,"
         "implied:boolean,inferred:boolean\n";
  return store.ScanEdges(view.filter(), [&](const Edge& edge) {
    auto type = types.find({edge.source, edge.relation, edge.target});
    if (type == types.end()) return true;
    out << edge.source << ',' << edge.target << ',' << CsvField(type->second) << ','
        << edge.date.ToString() << ',' << DatePrecisionName(edge.date.precision) << ','
        << CsvField(edge.article_id) << ',' << edge.evidence.sentence << ','
        << CsvField(edge.evidence.speaker) << ',' << fmt::format("{}", edge.confidence) << ','
        << (edge.implied ? "true" : "false") << ',' << (edge.inferred ? "true" : "false") << '\n';
    return static_cast<bool>(out);
  });
}

}  // namespace

Status ExportNeo4j(Store& store, const ExportOptions& options, const std::string& dir) {
  auto view = SelectGraph(store, options);
  if (!view.ok()) return view.status();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Status::IOError(fmt::format("cannot create directory '{}': {}", dir, ec.message()));
  const std::filesystem::path base(dir);
  if (Status s = WriteFile(base / "actors.csv",
                           [&](std::ostream& out) { return WriteActors(store, *view, out); });
      !s.ok())
    return s;
  return WriteFile(base / "edges.csv",
                   [&](std::ostream& out) { return WriteEdges(store, *view, out); });
}

}  // namespace geokg::graph
