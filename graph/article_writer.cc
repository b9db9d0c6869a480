// RocksDbStore::AddArticle: duplicate detection, name resolution and the article's single
// WriteBatch.
#include <fmt/format.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "graph/keys.h"
#include "graph/records.h"
#include "graph/rocksdb_store.h"

namespace geokg::graph {

namespace {

// Equal after the white-space collapsing ContentHash applies: what makes two texts the same
// article.
bool SameText(std::string_view a, std::string_view b) {
  auto next_word = [](std::string_view* s) {
    std::size_t begin = 0;
    while (begin < s->size() && std::isspace(static_cast<unsigned char>((*s)[begin]))) ++begin;
    std::size_t end = begin;
    while (end < s->size() && !std::isspace(static_cast<unsigned char>((*s)[end]))) ++end;
    std::string_view word = s->substr(begin, end - begin);
    s->remove_prefix(end);
    return word;
  };
  for (;;) {
    std::string_view wa = next_word(&a), wb = next_word(&b);
    if (wa != wb) return false;
    if (wa.empty()) return true;
  }
}

// True when merging `incoming` into `stored` would change nothing: the common case of an actor the
// gazetteer describes the same way in every article, decided without normalising any name.
bool AddsNothing(const Actor& stored, const Actor& incoming) {
  return incoming.aliases == stored.aliases && (incoming.code.empty() || !stored.code.empty()) &&
         (stored.kind != ActorKind::kOther || incoming.kind == ActorKind::kOther);
}

// Adds to `actor` the aliases of `incoming` it lacks (compared normalised), and fills its empty
// code and unknown kind. Returns the normalised names newly added, for the alias index, which also
// holds the code ("usa" finds "US"). Sets *changed when the actor record changed.
std::vector<std::string> MergeActor(Actor* actor, const Actor& incoming, bool* changed) {
  std::set<std::string> known = {keys::NormalizeName(actor->name),
                                 keys::NormalizeName(actor->code)};
  for (const std::string& alias : actor->aliases) known.insert(keys::NormalizeName(alias));
  std::vector<std::string> added;
  auto index = [&](const std::string& name) {
    std::string normalized = keys::NormalizeName(name);
    if (normalized.empty() || !known.insert(normalized).second) return false;
    added.push_back(std::move(normalized));
    return true;
  };
  for (const std::string& alias : incoming.aliases) {
    if (index(alias)) {
      actor->aliases.push_back(alias);
      *changed = true;
    }
  }
  if (actor->code.empty() && !incoming.code.empty()) {
    actor->code = incoming.code;
    index(actor->code);
    *changed = true;
  }
  if (actor->kind == ActorKind::kOther && incoming.kind != ActorKind::kOther) {
    actor->kind = incoming.kind;
    *changed = true;
  }
  return added;
}

// Collects one article's writes. Every check happens before the batch is written, so a failure
// leaves the database and the writer's cache untouched.
class BatchBuilder {
 public:
  BatchBuilder(const RocksDbStore::WriterCache& cache, const Article& article,
               const RocksDbStore::Counters& counters)
      : cache_(cache), article_(article), counters_(counters), seq_(counters.next_article) {}

  Status AddActors(const std::vector<Actor>& actors);
  Status AddRelations(const std::vector<RelationType>& relations);
  Status AddEdges(const std::vector<EdgeDraft>& drafts);
  // The article, the actor records and the counters; call last.
  void Finish();
  // Records in `cache` what the batch stored; call once the batch is written.
  void UpdateCache(RocksDbStore::WriterCache* cache);

  rocksdb::WriteBatch* batch() { return &batch_; }
  const RocksDbStore::Counters& counters() const { return counters_; }
  std::size_t actors_added() const { return new_actors_.size(); }

 private:
  Status Invalid(std::string_view what) const {
    return Status::InvalidArgument(fmt::format("article \"{}\": {}", article_.id, what));
  }
  Result<ActorId> ResolveActor(const std::string& name, std::size_t edge);
  Result<RelationId> ResolveRelation(const std::string& name, std::size_t edge) const;

  const RocksDbStore::WriterCache& cache_;
  const Article& article_;
  RocksDbStore::Counters counters_;
  const ArticleSeq seq_;
  rocksdb::WriteBatch batch_;

  // Canonical name -> id, for the batch's actors and those looked up for edges. The names are the
  // batch's or the cache's, which outlive the builder.
  std::unordered_map<std::string_view, ActorId> actor_ids_;
  // The batch's actors as they will be stored; only new and changed ones are written.
  std::map<ActorId, Actor> actors_;
  std::set<ActorId> new_actors_;
  std::set<ActorId> changed_actors_;
  // Relation name -> id: the batch's definitions first, then the stored ones.
  std::map<std::string, RelationId, std::less<>> relation_ids_;
  std::vector<RelationType> written_relations_;
};

Status BatchBuilder::AddActors(const std::vector<Actor>& actors) {
  for (const Actor& incoming : actors) {
    auto known = actor_ids_.find(incoming.name);
    ActorId id = 0;
    if (known != actor_ids_.end()) {
      id = known->second;
    } else if (auto stored = cache_.actor_ids.find(incoming.name);
               stored != cache_.actor_ids.end()) {
      id = stored->second;
      const Actor& record = cache_.actors.at(id);
      actor_ids_.emplace(incoming.name, id);
      if (AddsNothing(record, incoming)) continue;
      actors_[id] = record;
    } else {
      // Only a new name needs the check: a stored one passed it.
      if (keys::NormalizeName(incoming.name).empty()) return Invalid("an actor has an empty name");
      if (counters_.next_actor == std::numeric_limits<ActorId>::max())
        return Status::LimitExceeded("the database holds as many actors as it can number");
      id = counters_.next_actor++;
      actors_[id] = Actor{id, incoming.name, incoming.kind, "", {}};
      new_actors_.insert(id);
      batch_.Put(keys::ActorNameKey(incoming.name), keys::EncodeU32(id));
      batch_.Put(keys::AliasKey(keys::NormalizeName(incoming.name), id), "");
      actor_ids_.emplace(incoming.name, id);
    }
    auto merging = actors_.find(id);
    if (merging == actors_.end()) {
      // Named twice in the batch, and the first time it added nothing.
      if (AddsNothing(cache_.actors.at(id), incoming)) continue;
      merging = actors_.emplace(id, cache_.actors.at(id)).first;
    }
    bool changed = false;
    for (const std::string& normalized : MergeActor(&merging->second, incoming, &changed))
      batch_.Put(keys::AliasKey(normalized, id), "");
    if (changed) changed_actors_.insert(id);
  }
  return Status::OK();
}

Status BatchBuilder::AddRelations(const std::vector<RelationType>& relations) {
  std::map<RelationId, std::string> batch_names;
  for (const RelationType& relation : relations) {
    if (relation.name.empty()) return Invalid("a relation type has an empty name");
    if (relation.id == 0)
      return Invalid(fmt::format("relation type \"{}\" has no id", relation.name));
    auto [named, fresh_name] = relation_ids_.emplace(relation.name, relation.id);
    auto [numbered, fresh_id] = batch_names.emplace(relation.id, relation.name);
    if (!fresh_name && named->second != relation.id)
      return Invalid(fmt::format("relation type \"{}\" is given ids {} and {}", relation.name,
                                 named->second, relation.id));
    if (!fresh_id && numbered->second != relation.name)
      return Invalid(fmt::format("relation types \"{}\" and \"{}\" share id {}", numbered->second,
                                 relation.name, relation.id));
    if (!fresh_id) continue;
    // New or changed (the lexicon may rename or recode a type): the batch's definition is stored.
    auto old =
        std::lower_bound(cache_.relations.begin(), cache_.relations.end(), relation.id,
                         [](const RelationType& stored, RelationId id) { return stored.id < id; });
    if (old == cache_.relations.end() || old->id != relation.id || old->name != relation.name ||
        old->cameo != relation.cameo || old->plover != relation.plover) {
      batch_.Put(keys::RelationKey(relation.id), records::EncodeRelation(relation));
      written_relations_.push_back(relation);
    }
  }
  // Names the batch does not define resolve to stored types, the lowest id first.
  for (const RelationType& relation : cache_.relations)
    relation_ids_.emplace(relation.name, relation.id);
  return Status::OK();
}

Result<ActorId> BatchBuilder::ResolveActor(const std::string& name, std::size_t edge) {
  if (auto it = actor_ids_.find(name); it != actor_ids_.end()) return it->second;
  auto stored = cache_.actor_ids.find(name);
  if (stored == cache_.actor_ids.end())
    return Invalid(fmt::format(
        "edge {} names actor \"{}\", which is neither in the article nor stored", edge, name));
  actor_ids_.emplace(name, stored->second);
  return stored->second;
}

Result<RelationId> BatchBuilder::ResolveRelation(const std::string& name, std::size_t edge) const {
  if (auto it = relation_ids_.find(name); it != relation_ids_.end()) return it->second;
  return Invalid(
      fmt::format("edge {} names relation type \"{}\", which is neither in the article nor stored",
                  edge, name));
}

Status BatchBuilder::AddEdges(const std::vector<EdgeDraft>& drafts) {
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const EdgeDraft& draft = drafts[i];
    auto source = ResolveActor(draft.source, i);
    if (!source.ok()) return source.status();
    auto relation = ResolveRelation(draft.relation, i);
    if (!relation.ok()) return relation.status();
    auto target = ResolveActor(draft.target, i);
    if (!target.ok()) return target.status();

    Edge edge;
    edge.id = keys::MakeEdgeId(seq_, static_cast<std::uint16_t>(i));
    edge.source = *source;
    edge.relation = *relation;
    edge.target = *target;
    edge.article_id = article_.id;
    edge.evidence = draft.evidence;
    edge.date = draft.date;
    edge.date_is_publication = draft.date_is_publication;
    edge.confidence = draft.confidence;
    edge.implied = draft.implied;
    edge.inferred = draft.inferred;
    batch_.Put(keys::EdgeKey(edge.id), records::EncodeEdge(edge));

    keys::EdgeIndexEntry entry{edge.source, edge.relation, edge.date.Packed(), edge.target,
                               edge.id};
    batch_.Put(keys::OutEdgeKey(entry), "");
    batch_.Put(keys::InEdgeKey(entry), "");
    batch_.Put(keys::TimeKey({entry.date, edge.id}), "");
  }
  counters_.edges += drafts.size();
  return Status::OK();
}

void BatchBuilder::Finish() {
  for (const auto& [id, actor] : actors_) {
    if (new_actors_.count(id) != 0 || changed_actors_.count(id) != 0)
      batch_.Put(keys::ActorKey(id), records::EncodeActor(actor));
  }
  batch_.Put(keys::ArticleKey(seq_), records::EncodeArticle(article_));
  batch_.Put(keys::ArticleIdKey(article_.id), keys::EncodeU32(seq_));
  batch_.Put(keys::ContentHashKey(article_.content_hash, seq_), "");
  ++counters_.next_article;
  batch_.Put(keys::MetaKey(keys::kMetaNextActor), keys::EncodeU32(counters_.next_actor));
  batch_.Put(keys::MetaKey(keys::kMetaNextArticle), keys::EncodeU32(counters_.next_article));
  batch_.Put(keys::MetaKey(keys::kMetaEdgeCount), keys::EncodeU64(counters_.edges));
}

void BatchBuilder::UpdateCache(RocksDbStore::WriterCache* cache) {
  cache->content_hashes.insert(article_.content_hash);
  for (auto& [id, actor] : actors_) {
    if (new_actors_.count(id) != 0) cache->actor_ids.emplace(actor.name, id);
    cache->actors[id] = std::move(actor);
  }
  for (RelationType& relation : written_relations_) {
    auto at =
        std::lower_bound(cache->relations.begin(), cache->relations.end(), relation.id,
                         [](const RelationType& stored, RelationId id) { return stored.id < id; });
    if (at != cache->relations.end() && at->id == relation.id) {
      *at = std::move(relation);
    } else {
      cache->relations.insert(at, std::move(relation));
    }
  }
}

}  // namespace

Status RocksDbStore::LoadWriterCache() {
  WriterCache cache;
  auto actors = Actors();
  if (!actors.ok()) return actors.status();
  for (Actor& actor : *actors) {
    cache.actor_ids.emplace(actor.name, actor.id);
    cache.actors.emplace(actor.id, std::move(actor));
  }
  // Every name key must lead to a stored actor, as the reads that the cache replaces checked.
  Status names =
      ScanPrefix(keys::FamilyPrefix(keys::Family::kActorName),
                 [&](std::string_view key, std::string_view value) -> Result<bool> {
                   auto id = keys::DecodeU32(value);
                   if (!id.ok()) return id.status();
                   if (cache.actors.count(*id) == 0)
                     return Status::Corruption(fmt::format(
                         "actor \"{}\" is named as {} but not stored", key.substr(1), *id));
                   return true;
                 });
  if (!names.ok()) return names;
  auto relations = Relations();
  if (!relations.ok()) return relations.status();
  cache.relations = std::move(*relations);
  Status hashes = ScanPrefix(keys::FamilyPrefix(keys::Family::kContentHash),
                             [&](std::string_view key, std::string_view) -> Result<bool> {
                               auto entry = keys::DecodeContentHashKey(key);
                               if (!entry.ok()) return entry.status();
                               cache.content_hashes.insert(entry->hash);
                               return true;
                             });
  if (!hashes.ok()) return hashes;
  cache.loaded = true;
  cache_ = std::move(cache);
  return Status::OK();
}

Result<AddOutcome> RocksDbStore::AddArticle(const ArticleBatch& batch) {
  if (read_only_)
    return Status::InvalidArgument("cannot add an article: " + dir_ + " is opened read-only");
  if (batch.article.id.empty()) return Status::InvalidArgument("article has no id");
  // Copying an article costs as much as the rest of its duplicate check, so only a caller that
  // leaves the hash to the store pays for it.
  const Article* hashed = &batch.article;
  Article copy;
  if (hashed->content_hash == 0) {
    copy = batch.article;
    copy.content_hash = ContentHash(copy.text);
    hashed = &copy;
  }
  const Article& article = *hashed;
  constexpr std::size_t kMaxEdges = std::size_t{std::numeric_limits<std::uint16_t>::max()} + 1;
  if (batch.edges.size() > kMaxEdges)
    return Status::LimitExceeded(
        fmt::format("article \"{}\" has {} edges; one article holds at most {}", article.id,
                    batch.edges.size(), kMaxEdges));

  std::lock_guard<std::mutex> lock(write_mu_);
  AddOutcome outcome;
  if (!cache_.loaded) {
    if (Status loaded = LoadWriterCache(); !loaded.ok()) return loaded;
  }

  // Duplicates: the same id, or the same text under another id (a hash hit alone may be a
  // collision).
  auto by_id = Get(keys::ArticleIdKey(article.id));
  if (!by_id.ok()) return by_id.status();
  if (by_id->has_value()) {
    outcome.duplicate_of = article.id;
    return outcome;
  }
  if (cache_.content_hashes.count(article.content_hash) != 0) {
    Status scanned =
        ScanPrefix(keys::ContentHashPrefix(article.content_hash),
                   [&](std::string_view key, std::string_view) -> Result<bool> {
                     auto entry = keys::DecodeContentHashKey(key);
                     if (!entry.ok()) return entry.status();
                     auto stored = ArticleBySeq(entry->seq);
                     if (!stored.ok()) return stored.status();
                     if (!stored->has_value() || !SameText((*stored)->text, article.text))
                       return true;
                     outcome.duplicate_of = (*stored)->id;
                     return false;
                   });
    if (!scanned.ok()) return scanned;
    if (!outcome.duplicate_of.empty()) return outcome;
  }

  if (counters_.next_article == std::numeric_limits<ArticleSeq>::max())
    return Status::LimitExceeded("the database holds as many articles as it can number");
  BatchBuilder builder(cache_, article, counters_);
  Status built = builder.AddActors(batch.actors);
  if (built.ok()) built = builder.AddRelations(batch.relations);
  if (built.ok()) built = builder.AddEdges(batch.edges);
  if (!built.ok()) return built;
  builder.Finish();

  rocksdb::Status written = db_->Write(rocksdb::WriteOptions(), builder.batch());
  if (!written.ok())
    return FromRocks(written, fmt::format("writing article \"{}\" to {}", article.id, dir_));
  counters_ = builder.counters();
  builder.UpdateCache(&cache_);
  outcome.added = true;
  outcome.edges_added = batch.edges.size();
  outcome.actors_added = builder.actors_added();
  return outcome;
}

}  // namespace geokg::graph
