#include "query/engine.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace geokg::query {

namespace {

// Caches the names and texts an answer needs, so that each actor, relation and article is read once.
class Names {
 public:
  explicit Names(graph::Store* store) : store_(store) {}

  Status Load() {
    auto relations = store_->Relations();
    if (!relations.ok()) return relations.status();
    for (auto& r : *relations) relations_[r.id] = r.name;
    return Status::OK();
  }

  const std::string& Actor(graph::ActorId id) {
    auto it = actors_.find(id);
    if (it != actors_.end()) return it->second;
    auto actor = store_->GetActor(id);
    std::string name = actor.ok() && actor->has_value() ? (*actor)->name : "#" + std::to_string(id);
    return actors_.emplace(id, std::move(name)).first->second;
  }

  std::string Relation(graph::RelationId id) const {
    auto it = relations_.find(id);
    return it != relations_.end() ? it->second : "#" + std::to_string(id);
  }

  // The article's document, or nullptr when the article is missing.
  const graph::Article* Article(const std::string& id) {
    auto it = articles_.find(id);
    if (it == articles_.end()) {
      auto article = store_->GetArticle(id);
      std::optional<graph::Article> value;
      if (article.ok() && article->has_value()) value = std::move(**article);
      it = articles_.emplace(id, std::move(value)).first;
      if (it->second) documents_[id] = it->second->Document();
    }
    return it->second ? &*it->second : nullptr;
  }

  std::string Evidence(const graph::Edge& edge) {
    if (!Article(edge.article_id)) return "";
    const std::string& doc = documents_[edge.article_id];
    auto begin = std::min<std::size_t>(edge.evidence.begin, doc.size());
    auto end = std::clamp<std::size_t>(edge.evidence.end, begin, doc.size());
    return doc.substr(begin, end - begin);
  }

 private:
  graph::Store* store_;
  std::unordered_map<graph::ActorId, std::string> actors_;
  std::unordered_map<graph::RelationId, std::string> relations_;
  std::unordered_map<std::string, std::optional<graph::Article>> articles_;
  std::unordered_map<std::string, std::string> documents_;
};

bool Earlier(const graph::Date& a, const graph::Date& b) { return a.Packed() < b.Packed(); }

}  // namespace

Result<graph::Actor> Engine::ResolveActor(std::string_view name) {
  auto found = store_->FindActor(name);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("unknown actor '" + std::string(name) + "'");
  return std::move(**found);
}

Result<graph::EdgeFilter> Engine::ResolveFilter(const EdgeQuery& q) {
  graph::EdgeFilter filter;
  filter.from = q.from;
  filter.to = q.to;
  if (q.source) {
    auto actor = ResolveActor(*q.source);
    if (!actor.ok()) return actor.status();
    filter.source = actor->id;
  }
  if (q.target) {
    auto actor = ResolveActor(*q.target);
    if (!actor.ok()) return actor.status();
    filter.target = actor->id;
  }
  if (q.relation) {
    auto relations = store_->Relations();
    if (!relations.ok()) return relations.status();
    std::string known;
    for (const auto& r : *relations) {
      if (r.name == *q.relation) filter.relation = r.id;
      known += (known.empty() ? "" : ", ") + r.name;
    }
    if (!filter.relation)
      return Status::NotFound("unknown relation type '" + *q.relation + "' (known: " + known + ")");
  }
  return filter;
}

Status Engine::Collect(const graph::EdgeFilter& filter, std::vector<TimelineEvent>* out) {
  Names names(store_);
  if (Status s = names.Load(); !s.ok()) return s;
  return store_->ScanEdges(filter, [&](const graph::Edge& edge) {
    TimelineEvent event;
    event.edge = edge;
    event.source = names.Actor(edge.source);
    event.relation = names.Relation(edge.relation);
    event.target = names.Actor(edge.target);
    event.evidence = names.Evidence(edge);
    if (const graph::Article* article = names.Article(edge.article_id)) event.title = article->title;
    out->push_back(std::move(event));
    return true;
  });
}

Result<std::vector<TimelineEvent>> Engine::Edges(const EdgeQuery& q) {
  auto filter = ResolveFilter(q);
  if (!filter.ok()) return filter.status();
  std::vector<TimelineEvent> events;
  if (Status s = Collect(*filter, &events); !s.ok()) return s;
  return events;
}

Result<std::vector<RelationshipRow>> Engine::Relationships(const EdgeQuery& q) {
  auto filter = ResolveFilter(q);
  if (!filter.ok()) return filter.status();
  Names names(store_);
  if (Status s = names.Load(); !s.ok()) return s;
  std::map<std::tuple<graph::ActorId, graph::RelationId, graph::ActorId>, RelationshipRow> rows;
  Status s = store_->ScanEdges(*filter, [&](const graph::Edge& edge) {
    RelationshipRow& row = rows[{edge.source, edge.relation, edge.target}];
    if (row.count++ == 0) {
      row.source = names.Actor(edge.source);
      row.relation = names.Relation(edge.relation);
      row.target = names.Actor(edge.target);
    }
    if (edge.date.known()) {
      if (!row.first.known() || Earlier(edge.date, row.first)) row.first = edge.date;
      if (!row.last.known() || Earlier(row.last, edge.date)) row.last = edge.date;
    }
    return true;
  });
  if (!s.ok()) return s;
  std::vector<RelationshipRow> out;
  for (auto& [key, row] : rows) out.push_back(std::move(row));
  std::stable_sort(out.begin(), out.end(), [](const RelationshipRow& a, const RelationshipRow& b) {
    return std::tie(b.count, a.source, a.relation, a.target) <
           std::tie(a.count, b.source, b.relation, b.target);
  });
  return out;
}

Result<std::vector<TimelineEvent>> Engine::Timeline(const TimelineQuery& q) {
  EdgeQuery as_source{q.actor, q.with, q.relation, q.from, q.to};
  auto first = Edges(as_source);
  if (!first.ok()) return first.status();
  std::vector<TimelineEvent> events = std::move(*first);
  // An actor's timeline holds the events it suffers as well as those it starts.
  if (q.actor) {
    EdgeQuery as_target{q.with, q.actor, q.relation, q.from, q.to};
    auto second = Edges(as_target);
    if (!second.ok()) return second.status();
    for (auto& e : *second)
      if (e.edge.source != e.edge.target) events.push_back(std::move(e));
  }
  std::sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    // Unknown dates (packed 0) sort after every known date.
    auto key = [](const TimelineEvent& e) {
      std::uint32_t d = e.edge.date.Packed();
      return std::make_tuple(d == 0 ? UINT32_MAX : d, e.edge.article_id, e.edge.evidence.sentence,
                             e.edge.id);
    };
    return key(a) < key(b);
  });
  return events;
}

}  // namespace geokg::query
