#include "query/executor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "query/errors.h"

namespace geokg::query {

Status ExecContext::Load() {
  auto relations = store_->Relations();
  if (!relations.ok()) return relations.status();
  relations_ = std::move(*relations);
  for (const auto& r : relations_) type_names_[r.id] = TypeName(r.name);
  return Status::OK();
}

std::string ExecContext::TypeName(std::string_view stored_name) {
  std::string out;
  for (char c : stored_name) {
    auto u = static_cast<unsigned char>(c);
    out += std::isalnum(u) ? static_cast<char>(std::toupper(u)) : '_';
  }
  return out;
}

std::optional<graph::RelationId> ExecContext::RelationByTypeName(std::string_view type_name) const {
  for (const auto& [id, name] : type_names_)
    if (name == type_name) return id;
  return std::nullopt;
}

void ExecContext::Remember(graph::ActorId id, const NodePtr& node) {
  nodes_.emplace(id, node);
  if (id >= kIndexedNodes) return;
  if (node_index_.size() <= id) node_index_.resize(std::min<std::size_t>(kIndexedNodes, std::size_t{id} * 2 + 16));
  node_index_[id] = node;
}

Result<NodePtr> ExecContext::Node(graph::ActorId id) {
  if (id < node_index_.size() && node_index_[id]) return node_index_[id];
  auto it = nodes_.find(id);
  if (it != nodes_.end()) return it->second;
  auto actor = store_->GetActor(id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value()) return Status::Corruption(fmt::format("an edge names actor #{}, which is not stored", id));
  NodePtr node = std::make_shared<const graph::Actor>(std::move(**actor));
  Remember(id, node);
  return node;
}

Result<const std::vector<NodePtr>*> ExecContext::AllNodes() {
  if (!all_nodes_) {
    auto actors = store_->Actors();
    if (!actors.ok()) return actors.status();
    std::vector<NodePtr> nodes;
    for (auto& a : *actors) {
      auto it = nodes_.find(a.id);
      if (it == nodes_.end()) {
        Remember(a.id, std::make_shared<const graph::Actor>(std::move(a)));
        it = nodes_.find(a.id);
      }
      nodes.push_back(it->second);
    }
    all_nodes_ = std::move(nodes);
  }
  return &*all_nodes_;
}

Result<ArticlePtr> ExecContext::Article(const std::string& id) {
  auto it = articles_.find(id);
  if (it != articles_.end()) return it->second;
  auto article = store_->GetArticle(id);
  if (!article.ok()) return article.status();
  ArticlePtr found;
  if (article->has_value()) {
    (*article)->text.clear();
    found = std::make_shared<const graph::Article>(std::move(**article));
  }
  articles_.emplace(id, found);
  return found;
}

Result<const std::vector<ArticlePtr>*> ExecContext::AllArticles() {
  if (!all_articles_) {
    std::vector<ArticlePtr> articles;
    Status failed;
    Status s = store_->ScanArticles([&](const graph::Article& a) {
      if (failed = Tick(); !failed.ok()) return false;
      auto it = articles_.find(a.id);
      if (it == articles_.end() || !it->second) {
        auto copy = std::make_shared<const graph::Article>(
            graph::Article{a.id, a.url, a.title, a.outlet, a.published, a.content_hash, ""});
        it = articles_.insert_or_assign(a.id, std::move(copy)).first;
      }
      articles.push_back(it->second);
      return true;
    });
    if (!s.ok()) return s;
    if (!failed.ok()) return failed;
    all_articles_ = std::move(articles);
  }
  return &*all_articles_;
}

Status ExecContext::CheckDeadline() const {
  if (Clock::now() <= *deadline_) return Status::OK();
  return Status::LimitExceeded(fmt::format("query ran longer than {} (--timeout)", limit_text_));
}

Value ExecContext::Rel(const graph::Edge& edge) const {
  auto it = type_names_.find(edge.relation);
  std::string type = it != type_names_.end() ? it->second : "#" + std::to_string(edge.relation);
  return Value::Rel(std::make_shared<const Relationship>(Relationship{edge, std::move(type), true}));
}

Value ExecContext::Rel(const graph::EdgeRef& ref) const {
  auto rel = std::make_shared<Relationship>();
  rel->edge.id = ref.id;
  rel->edge.source = ref.source;
  rel->edge.relation = ref.relation;
  rel->edge.target = ref.target;
  rel->edge.date = graph::Date::FromPacked(ref.date);
  auto it = type_names_.find(ref.relation);
  rel->type = it != type_names_.end() ? it->second : "#" + std::to_string(ref.relation);
  rel->complete = false;
  return Value::Rel(std::move(rel));
}

Result<const graph::Edge*> ExecContext::FullEdge(const Relationship& rel) {
  if (rel.complete) return &rel.edge;
  auto it = full_edges_.find(rel.edge.id);
  if (it != full_edges_.end()) return &it->second;
  auto edge = store_->GetEdge(rel.edge.id);
  if (!edge.ok()) return edge.status();
  if (!edge->has_value()) return Status::Corruption(fmt::format("edge {} is indexed but not stored", rel.edge.id));
  return &full_edges_.emplace(rel.edge.id, std::move(**edge)).first->second;
}

Result<Value> ExecContext::Complete(const Value& v) {
  auto all = [&](const List& items) -> Result<List> {
    List out;
    out.reserve(items.size());
    for (const Value& item : items) {
      auto done = Complete(item);
      if (!done.ok()) return done.status();
      out.push_back(std::move(*done));
    }
    return out;
  };
  switch (v.type()) {
    case Value::Type::kRel: {
      if (v.AsRel().complete) return v;
      auto edge = FullEdge(v.AsRel());
      if (!edge.ok()) return edge.status();
      return Value::Rel(std::make_shared<const Relationship>(Relationship{**edge, v.AsRel().type, true}));
    }
    case Value::Type::kList: {
      auto items = all(v.AsList());
      if (!items.ok()) return items.status();
      return Value::OfList(std::move(*items));
    }
    case Value::Type::kMap: {
      Map entries;
      for (const auto& [key, value] : v.AsMap()) {
        auto done = Complete(value);
        if (!done.ok()) return done.status();
        entries.emplace_back(key, std::move(*done));
      }
      return Value::OfMap(std::move(entries));
    }
    case Value::Type::kPath: {
      auto rels = all(v.AsPath().rels);
      if (!rels.ok()) return rels.status();
      return Value::OfPath(Path{v.AsPath().nodes, std::move(*rels)});
    }
    default: return v;
  }
}

Status ExecContext::ErrorAt(std::size_t offset, const std::string& message) const {
  return query::ErrorAt(query_, offset, "error", message);
}

Result<bool> Operator::TimedNext(Row* row) {
  auto start = ExecContext::Clock::now();
  Result<bool> more = DoNext(row);
  time_ += ExecContext::Clock::now() - start;
  return more;
}

std::chrono::nanoseconds Operator::Self() const {
  auto self = time_;
  if (child_) self -= child_->time_;
  if (const Operator* inner = Inner()) self -= inner->time_;
  return std::max(self, std::chrono::nanoseconds(0));
}

std::string Operator::Explain(bool profile, int depth) const {
  std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::string out = indent + Describe();
  if (profile)
    out += fmt::format("  [{} row{}, {:.3f} ms]", rows_, rows_ == 1 ? "" : "s",
                       std::chrono::duration<double, std::milli>(Self()).count());
  out += "\n";
  if (const Operator* inner = Inner()) {
    out += indent + "  for each row, the optional pattern:\n" + inner->Explain(profile, depth + 2);
    if (child_) out += indent + "  of the rows of:\n" + child_->Explain(profile, depth + 2);
    return out;
  }
  if (child_) out += child_->Explain(profile, depth + 1);
  return out;
}

Result<bool> Argument::DoNext(Row* row) {
  if (done_) return false;
  done_ = true;
  *row = row_;
  return true;
}

}  // namespace geokg::query
