#include "graph/records.h"

#include <fmt/format.h>

#include <bit>
#include <cstdint>

#include "graph/coding.h"

namespace geokg::graph::records {

namespace {

using coding::Decoder;
using coding::PutFixed;
using coding::PutString;

constexpr std::uint8_t kFlagDateIsPublication = 1;
constexpr std::uint8_t kFlagImplied = 2;
constexpr std::uint8_t kFlagInferred = 4;

Status Bad(std::string_view what, std::string_view bytes) {
  return Status::Corruption(fmt::format("malformed {} record ({} bytes)", what, bytes.size()));
}

void PutDate(std::string* out, const Date& date) {
  PutFixed(out, static_cast<std::uint32_t>(date.year));
  PutFixed(out, static_cast<std::uint8_t>(date.month));
  PutFixed(out, static_cast<std::uint8_t>(date.day));
  PutFixed(out, static_cast<std::uint8_t>(date.precision));
}

bool GetDate(Decoder* d, Date* date) {
  std::uint32_t year = 0;
  std::uint8_t month = 0, day = 0, precision = 0;
  if (!d->Fixed(&year) || !d->Fixed(&month) || !d->Fixed(&day) || !d->Fixed(&precision))
    return false;
  if (precision > static_cast<std::uint8_t>(DatePrecision::kDay)) return false;
  *date = Date{static_cast<int>(year), month, day, static_cast<DatePrecision>(precision)};
  return true;
}

}  // namespace

std::string EncodeActor(const Actor& actor) {
  std::string out;
  PutFixed(&out, actor.id);
  PutString(&out, actor.name);
  PutFixed(&out, static_cast<std::uint8_t>(actor.kind));
  PutString(&out, actor.code);
  PutFixed(&out, static_cast<std::uint32_t>(actor.aliases.size()));
  for (const std::string& alias : actor.aliases) PutString(&out, alias);
  return out;
}

Result<Actor> DecodeActor(std::string_view bytes) {
  Actor actor;
  Decoder d(bytes);
  std::uint8_t kind = 0;
  std::uint32_t aliases = 0;
  if (!d.Fixed(&actor.id) || !d.String(&actor.name) || !d.Fixed(&kind) || !d.String(&actor.code) ||
      !d.Fixed(&aliases))
    return Bad("actor", bytes);
  if (kind > static_cast<std::uint8_t>(ActorKind::kGroup)) return Bad("actor", bytes);
  actor.kind = static_cast<ActorKind>(kind);
  // Each alias takes at least its 4-byte length: a larger count is damage, not a reason to reserve
  // memory.
  if (aliases > d.remaining() / sizeof(std::uint32_t)) return Bad("actor", bytes);
  actor.aliases.resize(aliases);
  for (std::string& alias : actor.aliases)
    if (!d.String(&alias)) return Bad("actor", bytes);
  if (!d.done()) return Bad("actor", bytes);
  return actor;
}

std::string EncodeRelation(const RelationType& relation) {
  std::string out;
  PutFixed(&out, relation.id);
  PutString(&out, relation.name);
  PutString(&out, relation.cameo);
  PutString(&out, relation.plover);
  return out;
}

Result<RelationType> DecodeRelation(std::string_view bytes) {
  RelationType relation;
  Decoder d(bytes);
  if (!d.Fixed(&relation.id) || !d.String(&relation.name) || !d.String(&relation.cameo) ||
      !d.String(&relation.plover) || !d.done())
    return Bad("relation type", bytes);
  return relation;
}

std::string EncodeArticle(const Article& article) {
  // The fixed-width fields and the string lengths: one allocation for the whole text.
  constexpr std::size_t kFixed = 5 * 4 + 7 + 8;
  std::string out;
  out.reserve(kFixed + article.id.size() + article.url.size() + article.title.size() +
              article.outlet.size() + article.text.size());
  PutString(&out, article.id);
  PutString(&out, article.url);
  PutString(&out, article.title);
  PutString(&out, article.outlet);
  PutDate(&out, article.published);
  PutFixed(&out, article.content_hash);
  PutString(&out, article.text);
  return out;
}

Result<Article> DecodeArticle(std::string_view bytes) {
  Article article;
  Decoder d(bytes);
  if (!d.String(&article.id) || !d.String(&article.url) || !d.String(&article.title) ||
      !d.String(&article.outlet) || !GetDate(&d, &article.published) ||
      !d.Fixed(&article.content_hash) || !d.String(&article.text) || !d.done())
    return Bad("article", bytes);
  return article;
}

std::string EncodeEdge(const Edge& edge) {
  // The fixed-width fields and the string lengths; every article writes one record per edge.
  constexpr std::size_t kFixed = 8 + 4 + 2 + 4 + 4 + 3 * 4 + 4 + 4 + 7 + 1 + 4;
  std::string out;
  out.reserve(kFixed + edge.article_id.size() + edge.evidence.speaker.size() +
              edge.evidence.rule.size());
  PutFixed(&out, edge.id);
  PutFixed(&out, edge.source);
  PutFixed(&out, edge.relation);
  PutFixed(&out, edge.target);
  PutString(&out, edge.article_id);
  PutFixed(&out, edge.evidence.sentence);
  PutFixed(&out, edge.evidence.begin);
  PutFixed(&out, edge.evidence.end);
  PutString(&out, edge.evidence.speaker);
  PutString(&out, edge.evidence.rule);
  PutDate(&out, edge.date);
  PutFixed(&out, static_cast<std::uint8_t>((edge.date_is_publication ? kFlagDateIsPublication : 0) |
                                           (edge.implied ? kFlagImplied : 0) |
                                           (edge.inferred ? kFlagInferred : 0)));
  PutFixed(&out, std::bit_cast<std::uint32_t>(edge.confidence));
  return out;
}

Result<Edge> DecodeEdge(std::string_view bytes) {
  Edge edge;
  Decoder d(bytes);
  std::uint8_t flags = 0;
  std::uint32_t confidence = 0;
  if (!d.Fixed(&edge.id) || !d.Fixed(&edge.source) || !d.Fixed(&edge.relation) ||
      !d.Fixed(&edge.target) || !d.String(&edge.article_id) || !d.Fixed(&edge.evidence.sentence) ||
      !d.Fixed(&edge.evidence.begin) || !d.Fixed(&edge.evidence.end) ||
      !d.String(&edge.evidence.speaker) || !d.String(&edge.evidence.rule) ||
      !GetDate(&d, &edge.date) || !d.Fixed(&flags) || !d.Fixed(&confidence) || !d.done())
    return Bad("edge", bytes);
  if ((flags & ~(kFlagDateIsPublication | kFlagImplied | kFlagInferred)) != 0)
    return Bad("edge", bytes);
  edge.date_is_publication = (flags & kFlagDateIsPublication) != 0;
  edge.implied = (flags & kFlagImplied) != 0;
  edge.inferred = (flags & kFlagInferred) != 0;
  edge.confidence = std::bit_cast<float>(confidence);
  return edge;
}

}  // namespace geokg::graph::records
