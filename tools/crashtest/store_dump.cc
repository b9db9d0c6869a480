#include "tools/crashtest/store_dump.h"

#include <fmt/format.h>

#include <bit>
#include <cstdint>

namespace geokg::crashtest {

namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string DateText(const graph::Date& date) {
  return fmt::format("{}/{}", date.ToString(), graph::DatePrecisionName(date.precision));
}

// The id and the name come first, so that a prefix check can compare them alone: a later article
// may add aliases to an actor.
std::string ActorText(const graph::Actor& a) {
  std::string aliases;
  for (const std::string& alias : a.aliases) aliases += Quote(alias) + ",";
  return fmt::format("{}\t{}\t{}\t{}\t[{}]", a.id, Quote(a.name), graph::ActorKindName(a.kind),
                     Quote(a.code), aliases);
}

std::string_view IdAndName(std::string_view actor) {
  return actor.substr(0, actor.find('\t', actor.find('\t') + 1));
}

std::string ArticleText(const graph::Article& a) {
  return fmt::format("id={} url={} title={} outlet={} published={} hash={:016x} text={}",
                     Quote(a.id), Quote(a.url), Quote(a.title), Quote(a.outlet),
                     DateText(a.published), a.content_hash, Quote(a.text));
}

// The confidence as its bits: a float that merely prints the same is not the same.
std::string EdgeText(const graph::Edge& e) {
  return fmt::format(
      "edge={:#x} {}-[{}]->{} article={} sentence={} bytes={}..{} speaker={} rule={} date={} "
      "publication_date={} confidence={:#x} implied={} inferred={}",
      e.id, e.source, e.relation, e.target, Quote(e.article_id), e.evidence.sentence,
      e.evidence.begin, e.evidence.end, Quote(e.evidence.speaker), Quote(e.evidence.rule),
      DateText(e.date), e.date_is_publication, std::bit_cast<std::uint32_t>(e.confidence),
      e.implied, e.inferred);
}

// Counts the edges the out-edge (or in-edge) index lists for every actor.
Result<std::size_t> CountIndexed(graph::Store& store, const std::vector<graph::Actor>& actors,
                                 bool out) {
  std::size_t count = 0;
  for (const graph::Actor& actor : actors) {
    graph::EdgeFilter filter;
    (out ? filter.source : filter.target) = actor.id;
    bool misfiled = false;
    Status s = store.ScanEdges(filter, [&](const graph::Edge& e) {
      misfiled = (out ? e.source : e.target) != actor.id;
      ++count;
      return !misfiled;
    });
    if (!s.ok()) return s;
    if (misfiled)
      return Status::Corruption(fmt::format("the {} index files an edge under actor {}",
                                            out ? "out-edge" : "in-edge", actor.id));
  }
  return count;
}

Status Mismatch(std::string_view what, std::size_t stored, std::size_t scanned) {
  return Status::Corruption(
      fmt::format("{}: the store counts {}, the scan finds {}", what, stored, scanned));
}

}  // namespace

Result<StoreDump> DumpStore(const std::string& dir) {
  graph::Store::Options options;
  options.read_only = true;
  auto opened = graph::Store::Open(dir, options);
  if (!opened.ok()) return opened.status();
  graph::Store& store = **opened;
  StoreDump dump;

  auto actors = store.Actors();
  if (!actors.ok()) return actors.status();
  for (const graph::Actor& a : *actors) dump.actors.push_back(ActorText(a));
  auto relations = store.Relations();
  if (!relations.ok()) return relations.status();
  for (const graph::RelationType& r : *relations)
    dump.relations.push_back(
        fmt::format("{}\t{}\t{}\t{}", r.id, Quote(r.name), Quote(r.cameo), Quote(r.plover)));

  std::vector<std::string> article_ids;
  Status s = store.ScanArticles([&](const graph::Article& a) {
    dump.articles.push_back({ArticleText(a), {}});
    article_ids.push_back(a.id);
    return true;
  });
  if (!s.ok()) return s;

  Status misplaced;
  s = store.ScanEdges({}, [&](const graph::Edge& e) {
    // Edge ids number the article (from 1) in their upper bits.
    const std::uint64_t seq = e.id >> 16;
    if (seq == 0 || seq > dump.articles.size() || article_ids[seq - 1] != e.article_id) {
      misplaced =
          Status::Corruption(fmt::format("edge {:#x} of article \"{}\" is not numbered "
                                         "after its article",
                                         e.id, e.article_id));
      return false;
    }
    dump.articles[seq - 1].edges.push_back(EdgeText(e));
    ++dump.edges;
    return true;
  });
  if (!s.ok()) return s;
  if (!misplaced.ok()) return misplaced;

  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();
  dump.counters = *stats;
  if (stats->articles != dump.articles.size())
    return Mismatch("articles", stats->articles, dump.articles.size());
  if (stats->actors != dump.actors.size())
    return Mismatch("actors", stats->actors, dump.actors.size());
  if (stats->edges != dump.edges) return Mismatch("edges", stats->edges, dump.edges);
  for (bool out : {true, false}) {
    auto indexed = CountIndexed(store, *actors, out);
    if (!indexed.ok()) return indexed.status();
    if (*indexed != dump.edges)
      return Mismatch(out ? "edges in the out-edge index" : "edges in the in-edge index",
                      dump.edges, *indexed);
  }
  return dump;
}

std::string FirstDifference(const StoreDump& expected, const StoreDump& actual) {
  if (std::string prefix = PrefixDifference(expected, actual); !prefix.empty()) return prefix;
  if (actual.articles.size() != expected.articles.size())
    return fmt::format("{} articles instead of {}; the first missing is {}", actual.articles.size(),
                       expected.articles.size(), expected.articles[actual.articles.size()].article);
  for (std::size_t i = 0; i < expected.actors.size() || i < actual.actors.size(); ++i) {
    if (i >= actual.actors.size()) return "actor missing: " + expected.actors[i];
    if (i >= expected.actors.size()) return "actor too many: " + actual.actors[i];
    if (actual.actors[i] != expected.actors[i])
      return fmt::format("actor {} differs:\n  expected {}\n  found    {}", i + 1,
                         expected.actors[i], actual.actors[i]);
  }
  if (actual.relations != expected.relations) return "the relation types differ";
  if (!(actual.counters == expected.counters)) return "the store's counters differ";
  return {};
}

std::string PrefixDifference(const StoreDump& full, const StoreDump& partial) {
  if (partial.articles.size() > full.articles.size())
    return fmt::format("{} articles, more than the {} of a clean run", partial.articles.size(),
                       full.articles.size());
  for (std::size_t i = 0; i < partial.articles.size(); ++i) {
    const ArticleDump& want = full.articles[i];
    const ArticleDump& got = partial.articles[i];
    if (got.article != want.article)
      return fmt::format("article {} differs:\n  expected {}\n  found    {}", i + 1, want.article,
                         got.article);
    if (got.edges == want.edges) continue;
    if (got.edges.size() != want.edges.size())
      return fmt::format("article {} has {} edges instead of {}: {}", i + 1, got.edges.size(),
                         want.edges.size(), want.article);
    for (std::size_t k = 0; k < want.edges.size(); ++k)
      if (got.edges[k] != want.edges[k])
        return fmt::format("edge {} of article {} differs:\n  expected {}\n  found    {}", k, i + 1,
                           want.edges[k], got.edges[k]);
  }
  if (partial.actors.size() > full.actors.size())
    return fmt::format("{} actors, more than the {} of a clean run", partial.actors.size(),
                       full.actors.size());
  for (std::size_t i = 0; i < partial.actors.size(); ++i)
    if (IdAndName(partial.actors[i]) != IdAndName(full.actors[i]))
      return fmt::format("actor {} is {} instead of {}", i + 1, IdAndName(partial.actors[i]),
                         IdAndName(full.actors[i]));
  return {};
}

}  // namespace geokg::crashtest
