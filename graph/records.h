// The value records of a geokg database: how actors, relation types, articles and edges are stored.
// The byte format is described with the key layout in graph/keys.h. Internal to graph/ (and its
// tests).
#ifndef GEOKG_GRAPH_RECORDS_H_
#define GEOKG_GRAPH_RECORDS_H_

#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::graph::records {

std::string EncodeActor(const Actor& actor);
std::string EncodeRelation(const RelationType& relation);
std::string EncodeArticle(const Article& article);
std::string EncodeEdge(const Edge& edge);

// Bytes that are not a whole record of the kind give Corruption.
Result<Actor> DecodeActor(std::string_view bytes);
Result<RelationType> DecodeRelation(std::string_view bytes);
Result<Article> DecodeArticle(std::string_view bytes);
Result<Edge> DecodeEdge(std::string_view bytes);

}  // namespace geokg::graph::records

#endif  // GEOKG_GRAPH_RECORDS_H_
