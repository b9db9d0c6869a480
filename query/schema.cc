// Engine::Describe: what `geokg shell`'s :schema shows.
#include <algorithm>
#include <map>

#include "query/engine.h"
#include "query/eval.h"
#include "query/executor.h"

namespace geokg::query {

Result<Schema> Engine::Describe() {
  Schema schema;
  auto actors = store_->Actors();
  if (!actors.ok()) return actors.status();
  std::map<graph::ActorKind, std::uint64_t> kinds;
  for (const auto& a : *actors) ++kinds[a.kind];
  auto stats = store_->Stats();
  if (!stats.ok()) return stats.status();
  for (const auto& label : NodeLabels()) {
    std::uint64_t n = label == kArticleLabel ? stats->articles : actors->size();
    if (auto kind = LabelKind(label)) n = kinds[*kind];
    schema.labels.push_back({label, n});
  }
  auto relations = store_->Relations();
  if (!relations.ok()) return relations.status();
  std::map<graph::RelationId, std::uint64_t> counts;
  Status s = store_->ScanEdges({}, [&](const graph::Edge& e) {
    ++counts[e.relation];
    return true;
  });
  if (!s.ok()) return s;
  for (const auto& r : *relations)
    schema.relation_types.push_back({ExecContext::TypeName(r.name), counts[r.id]});
  std::stable_sort(schema.relation_types.begin(), schema.relation_types.end(),
                   [](const Schema::Count& a, const Schema::Count& b) {
                     return a.count != b.count ? a.count > b.count : a.name < b.name;
                   });
  schema.actor_properties = NodeProperties();
  schema.article_properties = ArticleProperties();
  schema.relationship_properties = RelProperties();
  return schema;
}

}  // namespace geokg::query
