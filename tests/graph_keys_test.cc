// The key layout and record encodings of graph/keys.h and graph/records.h.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/keys.h"
#include "graph/records.h"

namespace geokg::graph {
namespace {

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

Edge SampleEdge() {
  Edge e;
  e.id = keys::MakeEdgeId(7, 3);
  e.source = 1;
  e.relation = 112;
  e.target = 70000;
  e.article_id = "reuters-2025-02-11-001";
  e.evidence = {4, 120, 230, "Vassily Nebenzia", "accuse.verb"};
  e.date = Date::Month(2025, 2);
  e.date_is_publication = true;
  e.confidence = 0.75f;
  e.implied = true;
  e.inferred = true;
  return e;
}

TEST_CASE("big-endian keys sort in numeric order", "[graph][keys]") {
  std::vector<ActorId> ids = {0, 1, 2, 255, 256, 65535, 65536, 16777216, 4294967295u};
  std::vector<std::string> actor_keys;
  for (ActorId id : ids) actor_keys.push_back(keys::ActorKey(id));
  CHECK(std::is_sorted(actor_keys.begin(), actor_keys.end()));

  std::vector<std::string> article_keys;
  for (ActorId seq : ids) article_keys.push_back(keys::ArticleKey(seq));
  CHECK(std::is_sorted(article_keys.begin(), article_keys.end()));

  std::vector<std::string> edge_keys;
  for (std::uint64_t id : {0ull, 1ull, 65535ull, 65536ull, 1ull << 32, 1ull << 47, ~0ull})
    edge_keys.push_back(keys::EdgeKey(id));
  CHECK(std::is_sorted(edge_keys.begin(), edge_keys.end()));
}

TEST_CASE("the time index sorts chronologically, undated edges first", "[graph][keys]") {
  std::vector<Date> dates = {Date(),
                             Date::Year(2024),
                             Date::Day(2024, 12, 31),
                             Date::Year(2025),
                             Date::Month(2025, 2),
                             Date::Day(2025, 2, 1),
                             Date::Day(2025, 10, 1)};
  std::vector<std::string> time_keys;
  for (const Date& d : dates) time_keys.push_back(keys::TimeKey({d.Packed(), 99}));
  CHECK(std::is_sorted(time_keys.begin(), time_keys.end()));
  // Within one date, by edge id.
  CHECK(keys::TimeKey({20250201, 5}) < keys::TimeKey({20250201, 1ull << 20}));
}

TEST_CASE("edge index keys are readable by one prefix scan", "[graph][keys]") {
  Edge e = SampleEdge();
  keys::EdgeIndexEntry entry{e.source, e.relation, e.date.Packed(), e.target, e.id};
  std::string out = keys::OutEdgeKey(entry), in = keys::InEdgeKey(entry),
              time = keys::TimeKey({entry.date, e.id});

  CHECK(StartsWith(out, keys::OutEdgePrefix(e.source)));
  CHECK(StartsWith(out, keys::OutEdgePrefix(e.source, e.relation)));
  CHECK_FALSE(StartsWith(out, keys::OutEdgePrefix(e.target)));
  CHECK_FALSE(StartsWith(out, keys::OutEdgePrefix(e.source, e.relation + 1)));
  CHECK(StartsWith(in, keys::InEdgePrefix(e.target)));
  CHECK(StartsWith(in, keys::InEdgePrefix(e.target, e.relation)));
  CHECK_FALSE(StartsWith(in, keys::InEdgePrefix(e.source)));
  CHECK(StartsWith(time, keys::TimePrefix(entry.date)));

  // Every key of a prefix lies below PrefixEnd(prefix); the next source's keys do not.
  std::string end = keys::PrefixEnd(keys::OutEdgePrefix(e.source));
  CHECK(out < end);
  keys::EdgeIndexEntry next_source = entry;
  next_source.source = e.source + 1;
  CHECK(keys::OutEdgeKey(next_source) >= end);

  // Out-edges of one source order by relation, then date.
  keys::EdgeIndexEntry later = entry;
  later.date = Date::Day(2025, 3, 1).Packed();
  later.target = 1;
  CHECK(keys::OutEdgeKey(entry) < keys::OutEdgeKey(later));
  keys::EdgeIndexEntry other_relation = entry;
  other_relation.relation = e.relation + 1;
  other_relation.date = 0;
  CHECK(keys::OutEdgeKey(later) < keys::OutEdgeKey(other_relation));
}

TEST_CASE("index keys round-trip", "[graph][keys]") {
  keys::EdgeIndexEntry entry{4294967295u, 65535, 20250211, 3, keys::MakeEdgeId(4294967295u, 65535)};
  auto out = keys::DecodeOutEdgeKey(keys::OutEdgeKey(entry));
  REQUIRE(out.ok());
  CHECK(*out == entry);
  auto in = keys::DecodeInEdgeKey(keys::InEdgeKey(entry));
  REQUIRE(in.ok());
  CHECK(*in == entry);
  auto time = keys::DecodeTimeKey(keys::TimeKey({entry.date, entry.edge}));
  REQUIRE(time.ok());
  CHECK(*time == keys::TimeEntry{entry.date, entry.edge});
  auto alias = keys::DecodeAliasKey(keys::AliasKey("united states", 42));
  REQUIRE(alias.ok());
  CHECK(*alias == 42u);
  auto hashed = keys::DecodeContentHashKey(keys::ContentHashKey(0xfedcba9876543210ull, 9));
  REQUIRE(hashed.ok());
  CHECK(*hashed == keys::ContentHashEntry{0xfedcba9876543210ull, 9});
  CHECK(entry.edge >> 16 == 4294967295u);
  CHECK((entry.edge & 0xffff) == 65535u);
}

TEST_CASE("malformed keys give Corruption", "[graph][keys]") {
  keys::EdgeIndexEntry entry{1, 2, 20250101, 3, 4};
  std::string out = keys::OutEdgeKey(entry);
  CHECK(keys::DecodeInEdgeKey(out).status().code() == Status::Code::kCorruption);  // wrong family
  CHECK(keys::DecodeOutEdgeKey(out.substr(0, out.size() - 1)).status().code() ==
        Status::Code::kCorruption);
  CHECK(keys::DecodeOutEdgeKey(out + "x").status().code() == Status::Code::kCorruption);
  CHECK(keys::DecodeOutEdgeKey("").status().code() == Status::Code::kCorruption);
  CHECK(keys::DecodeTimeKey("t123").status().code() == Status::Code::kCorruption);
  CHECK(keys::DecodeAliasKey(std::string("lus") + "\x01\x00\x00\x00\x01").status().code() ==
        Status::Code::kCorruption);
  CHECK(keys::DecodeContentHashKey("h").status().code() == Status::Code::kCorruption);
  CHECK(keys::DecodeU32("abc").status().code() == Status::Code::kCorruption);
  CHECK(keys::DecodeU64(keys::EncodeU32(5)).status().code() == Status::Code::kCorruption);
  auto u32 = keys::DecodeU32(keys::EncodeU32(123456789));
  REQUIRE(u32.ok());
  CHECK(*u32 == 123456789u);
}

TEST_CASE("alias keys of one name do not run into longer names", "[graph][keys]") {
  std::string us = keys::AliasKey("us", 9), usa = keys::AliasKey("usa", 1);
  CHECK(StartsWith(us, keys::AliasPrefix("us")));
  CHECK_FALSE(StartsWith(usa, keys::AliasPrefix("us")));
  // The bare name without the separator finds both, for look-up by the start of a name.
  std::string bare = keys::FamilyPrefix(keys::Family::kAlias) + "us";
  CHECK(StartsWith(us, bare));
  CHECK(StartsWith(usa, bare));
}

TEST_CASE("names normalise for case-insensitive look-up", "[graph][keys]") {
  CHECK(keys::NormalizeName("  United \t  STATES\n") == "united states");
  CHECK(keys::NormalizeName("Côte d\xE2\x80\x99Ivoire") == "c\xC3\xB4te d'ivoire");
  CHECK(keys::NormalizeName("\xE2\x80\x98Quoted\xE2\x80\x99") == "'quoted'");
  CHECK(keys::NormalizeName("IS-K") == keys::NormalizeName("is-k"));
  CHECK(keys::NormalizeName("a\xC2\xA0 b") == "a b");
  CHECK(keys::NormalizeName(std::string("x\0y", 3)) == "x y");
  CHECK(keys::NormalizeName(" \t ").empty());
}

TEST_CASE("PrefixEnd bounds a prefix scan", "[graph][keys]") {
  CHECK(keys::PrefixEnd("a") == "b");
  CHECK(keys::PrefixEnd("a\xff") == "b");
  CHECK(keys::PrefixEnd("\xff\xff").empty());
}

TEST_CASE("records round-trip", "[graph][keys]") {
  Actor actor{70000, "IS-K", ActorKind::kGroup, "", {"ISIS-K", "Islamic State Khorasan", ""}};
  auto a = records::DecodeActor(records::EncodeActor(actor));
  REQUIRE(a.ok());
  CHECK(a->id == actor.id);
  CHECK(a->name == actor.name);
  CHECK(a->kind == actor.kind);
  CHECK(a->code == actor.code);
  CHECK(a->aliases == actor.aliases);

  RelationType relation{112, "accuses", "112", "ACCUSE"};
  auto r = records::DecodeRelation(records::EncodeRelation(relation));
  REQUIRE(r.ok());
  CHECK(r->id == relation.id);
  CHECK(r->name == relation.name);
  CHECK(r->cameo == relation.cameo);
  CHECK(r->plover == relation.plover);

  Article article{"id-1",   "https://example.org/a", "Title",
                  "Outlet", Date::Day(2025, 2, 11),  0xabcdef,
                  "Body\n"};
  auto p = records::DecodeArticle(records::EncodeArticle(article));
  REQUIRE(p.ok());
  CHECK(p->id == article.id);
  CHECK(p->url == article.url);
  CHECK(p->title == article.title);
  CHECK(p->outlet == article.outlet);
  CHECK(p->published == article.published);
  CHECK(p->content_hash == article.content_hash);
  CHECK(p->text == article.text);

  Edge edge = SampleEdge();
  auto e = records::DecodeEdge(records::EncodeEdge(edge));
  REQUIRE(e.ok());
  CHECK(e->id == edge.id);
  CHECK(e->source == edge.source);
  CHECK(e->relation == edge.relation);
  CHECK(e->target == edge.target);
  CHECK(e->article_id == edge.article_id);
  CHECK(e->evidence.sentence == edge.evidence.sentence);
  CHECK(e->evidence.begin == edge.evidence.begin);
  CHECK(e->evidence.end == edge.evidence.end);
  CHECK(e->evidence.speaker == edge.evidence.speaker);
  CHECK(e->evidence.rule == edge.evidence.rule);
  CHECK(e->date == edge.date);
  CHECK(e->date_is_publication == edge.date_is_publication);
  CHECK(e->confidence == edge.confidence);
  CHECK(e->implied == edge.implied);
  CHECK(e->inferred == edge.inferred);
}

TEST_CASE("damaged records give Corruption, never a crash", "[graph][keys]") {
  Edge edge = SampleEdge();
  Actor actor{3, "US", ActorKind::kState, "USA", {"United States", "Washington"}};
  Article article{"id", "u", "t", "o", Date::Year(2025), 1, "text"};
  RelationType relation{1, "meets", "040", "CONSULT"};
  std::vector<std::pair<std::string, Status (*)(std::string_view)>> cases = {
      {records::EncodeEdge(edge),
       [](std::string_view b) { return records::DecodeEdge(b).status(); }},
      {records::EncodeActor(actor),
       [](std::string_view b) { return records::DecodeActor(b).status(); }},
      {records::EncodeArticle(article),
       [](std::string_view b) { return records::DecodeArticle(b).status(); }},
      {records::EncodeRelation(relation),
       [](std::string_view b) { return records::DecodeRelation(b).status(); }},
  };
  for (const auto& [bytes, decode] : cases) {
    CHECK(decode(bytes).ok());
    // Every truncation, and a trailing byte.
    for (std::size_t n = 0; n < bytes.size(); ++n)
      CHECK(decode(std::string_view(bytes).substr(0, n)).code() == Status::Code::kCorruption);
    CHECK(decode(bytes + '\0').code() == Status::Code::kCorruption);
  }

  // A string length far past the end, an alias count far past the end, an unknown kind, date
  // precision and flag.
  std::string actor_bytes = records::EncodeActor(actor);
  std::string long_name = actor_bytes;
  long_name[4] = '\x7f';
  CHECK(records::DecodeActor(long_name).status().code() == Status::Code::kCorruption);
  std::string many_aliases = records::EncodeActor(Actor{3, "US", ActorKind::kState, "USA", {}});
  many_aliases.replace(many_aliases.size() - 4, 4, "\xff\xff\xff\xff");
  CHECK(records::DecodeActor(many_aliases).status().code() == Status::Code::kCorruption);
  std::string bad_kind = actor_bytes;
  bad_kind[4 + 4 + actor.name.size()] = 9;
  CHECK(records::DecodeActor(bad_kind).status().code() == Status::Code::kCorruption);

  std::string edge_bytes = records::EncodeEdge(edge);
  std::string bad_flags = edge_bytes;
  bad_flags[bad_flags.size() - 5] = '\x80';
  CHECK(records::DecodeEdge(bad_flags).status().code() == Status::Code::kCorruption);
  std::string bad_precision = edge_bytes;
  bad_precision[bad_precision.size() - 6] = 7;
  CHECK(records::DecodeEdge(bad_precision).status().code() == Status::Code::kCorruption);
}

}  // namespace
}  // namespace geokg::graph
