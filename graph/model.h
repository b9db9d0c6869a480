// The data model of geokg: actors, relation types, dated edges with their evidence, and articles.
//
// These are plain values. Identifiers are assigned by the store (actors, articles, edges) or by the relation
// lexicon in data/ (relation types, whose numeric ids are stable across releases so that stored keys keep
// their meaning). Extraction produces EdgeDrafts that name actors and relations; the store resolves the names
// to ids inside the article's single write.
#ifndef GEOKG_GRAPH_MODEL_H_
#define GEOKG_GRAPH_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::graph {

using ActorId = std::uint32_t;
using RelationId = std::uint16_t;
using ArticleSeq = std::uint32_t;  // dense internal number of a stored article
using EdgeId = std::uint64_t;      // (ArticleSeq << 16) | index of the edge within its article

enum class ActorKind : std::uint8_t { kOther = 0, kState = 1, kOrganization = 2, kGroup = 3 };

// "state", "organization", "group", "other".
std::string_view ActorKindName(ActorKind kind);
// Accepts the names above (and "org", "organisation", "international organisation"); nullopt otherwise.
std::optional<ActorKind> ParseActorKind(std::string_view name);

struct Actor {
  ActorId id = 0;                    // 0 until the store has assigned one
  std::string name;                  // canonical name, unique: "US", "IS-K"
  ActorKind kind = ActorKind::kOther;
  std::string code;                  // ISO 3166 alpha-3 for states ("USA"), else empty
  std::vector<std::string> aliases;  // every other name the actor goes by
};

struct RelationType {
  RelationId id = 0;   // stable, from the lexicon
  std::string name;    // "accuses"
  std::string cameo;   // CAMEO code, "112"
  std::string plover;  // PLOVER category, "ACCUSE"
};

enum class DatePrecision : std::uint8_t { kUnknown = 0, kYear = 1, kMonth = 2, kDay = 3 };

// A calendar date known to a precision. Fields finer than the precision are 0.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::kUnknown;

  static Date Day(int y, int m, int d) { return {y, m, d, DatePrecision::kDay}; }
  static Date Month(int y, int m) { return {y, m, 0, DatePrecision::kMonth}; }
  static Date Year(int y) { return {y, 0, 0, DatePrecision::kYear}; }

  bool known() const { return precision != DatePrecision::kUnknown; }
  // yyyymmdd with zeros for unknown parts: orders dates chronologically, coarser first. 0 when unknown.
  std::uint32_t Packed() const;
  static Date FromPacked(std::uint32_t packed);
  // "2025-02-10", "2025-02", "2025", or "" when unknown.
  std::string ToString() const;
  // Parses ISO 8601 prefixes ("2025", "2025-02", "2025-02-11", "2025-02-11T10:30:00Z", "2025-02-11 10:30")
  // and "2025/02/11". nullopt when the text is not such a date or names an impossible day.
  static std::optional<Date> Parse(std::string_view text);

  friend bool operator==(const Date&, const Date&) = default;
};

std::string_view DatePrecisionName(DatePrecision p);  // "unknown", "year", "month", "day"

// Where an edge comes from: the sentence of the article that states it.
struct Evidence {
  std::uint32_t sentence = 0;  // index of the sentence in the article's document
  std::uint32_t begin = 0;     // byte offsets of the sentence in Article::Document()
  std::uint32_t end = 0;
  std::string speaker;         // the person as written ("Vassily Nebenzia"), empty when none
  std::string rule;            // which extraction rule produced the edge, for auditing
};

struct Edge {
  EdgeId id = 0;
  ActorId source = 0;
  RelationId relation = 0;
  ActorId target = 0;
  std::string article_id;
  Evidence evidence;
  Date date;                         // when the event happened, as far as known
  bool date_is_publication = false;  // the date is the article's, not one the text gives
  float confidence = 0;              // 0..1
  bool implied = false;              // implied by the wording ("rejects US accusations"), not stated
  // The source is not in the sentence at all but taken from the context: the perpetrator the
  // sentence before named ("IS-K continues to launch attacks. In December, a suicide bomber killed
  // ...").
  bool inferred = false;
};

// How the edge is known when the text does not state it: "implied" or "inferred", else "".
std::string_view EdgeBasis(const Edge& edge);

// An edge as extraction produces it, before the store has resolved names to ids.
struct EdgeDraft {
  std::string source;    // canonical actor name
  std::string relation;  // relation type name
  std::string target;    // canonical actor name
  Evidence evidence;
  Date date;
  bool date_is_publication = false;
  float confidence = 0;
  bool implied = false;
  bool inferred = false;
};

struct Article {
  std::string id;      // the source's id, or one derived from the content hash
  std::string url;
  std::string title;
  std::string outlet;
  Date published;
  std::uint64_t content_hash = 0;  // ContentHash(text); set by the store when 0
  std::string text;                // the body, without the title

  // The text extraction reads and evidence offsets point into: the title, a blank line, then the body.
  std::string Document() const;
};

// A stable 64-bit hash (FNV-1a) of an article body with runs of white space collapsed, so that the same text
// re-crawled with other line breaks is recognised as a duplicate.
std::uint64_t ContentHash(std::string_view text);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_MODEL_H_
