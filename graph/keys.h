// The RocksDB key layout of a geokg database. Internal to graph/ (and its tests); other modules use
// Store.
//
// Every key starts with one tag byte naming its family. The rest is fixed-width big-endian unsigned
// integers and raw strings, so that RocksDB's bytewise order is the numeric order the store scans
// in. The tags are printable letters so that `ldb scan` dumps stay readable.
//
//   family        key bytes                                                        value
//   meta          'm' name                                                         u32 or u64
//   actor         'a' u32 actor id                                                 Actor
//   actor name    'n' canonical name                                               u32 actor id
//   alias         'l' normalised name, 0x00, u32 actor id                          empty
//   relation      'r' u16 relation id                                              RelationType
//   article       'p' u32 article seq                                              Article
//   article id    'x' external article id                                          u32 seq
//   content hash  'h' u64 ContentHash, u32 article seq                             empty
//   edge          'e' u64 edge id                                                  Edge
//   out-edge      'o' u32 source, u16 relation, u32 date, u32 target, u64 edge id  empty
//   in-edge       'i' u32 target, u16 relation, u32 date, u32 source, u64 edge id  empty
//   time          't' u32 date, u64 edge id                                        empty
//
// The values named by a type are that type's record (graph/records.h); meta values are listed at
// kMeta*.
//
// Why:
// - Big-endian integers compare bytewise as they compare numerically: actors scan in id order,
//   articles in the order they were stored, and the time index chronologically.
// - Ids are dense counters kept in meta ("next_actor", "next_article", both starting at 1;
//   "edge_count" for Stats). Only the single writer (RocksDB's LOCK) advances them, inside the
//   article's WriteBatch.
// - An alias key holds NormalizeName(name): lowercase ASCII, trimmed, inner white space collapsed
//   to one space, typographic apostrophes folded to '. Every actor's canonical name and code are in
//   the alias index too, so one family answers case-insensitive look-ups. The 0x00 separator, which
//   a normalised name never contains, makes "name 0x00" the prefix of exactly that name's entries
//   (so "us" does not run into "usa"), while the bare normalised text is a prefix for look-up by
//   the start of a name. The actor id comes last so that two actors may share an alias.
// - A content hash may collide, so the seq is part of the key rather than the value: every article
//   with that hash stays findable, and the store compares the stored text before calling an article
//   a duplicate.
// - EdgeId = (ArticleSeq << 16) | index within the article: an article's edges are contiguous and
//   ordered.
// - The three index families carry in the key everything a filter tests (except the relation in the
//   time index), so a query is ONE prefix or range scan that rejects entries without reading edge
//   records; the values are empty because the key is the data. Dates are Date::Packed() (yyyymmdd,
//   zeros for unknown parts, 0 when unknown), so undated edges sort first in the time index and a
//   date bound skips them. The relation comes before the date in the out- and in-edge keys, so
//   that one actor's edges of one relation in a date range are one key range (OutEdgeSeek), and a
//   date range over every relation is a seek per relation.
// - meta "format_version" changes whenever any of the above changes meaning. A database whose
//   version is newer than kFormatVersion is refused rather than misread.
//
// Value records (graph/records.h) are the struct's fields in declaration order, except that an
// edge's three booleans share one flags byte after its date (bit 1 date_is_publication, 2 implied,
// 4 inferred): the same big-endian integers, strings as u32 length + bytes, a Date as u32 year +
// u8 month + u8 day + u8 precision, a float as its IEEE-754 bits, an alias list as u32 count +
// strings. Decoding checks every length and value range
// and rejects trailing bytes, returning Corruption.
#ifndef GEOKG_GRAPH_KEYS_H_
#define GEOKG_GRAPH_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::graph::keys {

// The layout this code reads and writes.
// Version 2 added the edge flag `inferred`; version 1 databases are read as they are and upgraded
// when opened for writing.
inline constexpr std::uint32_t kFormatVersion = 2;

enum class Family : char {
  kMeta = 'm',
  kActor = 'a',
  kActorName = 'n',
  kAlias = 'l',
  kRelation = 'r',
  kArticle = 'p',
  kArticleId = 'x',
  kContentHash = 'h',
  kEdge = 'e',
  kOutEdge = 'o',
  kInEdge = 'i',
  kTime = 't',
};

inline constexpr std::string_view kMetaFormatVersion = "format_version";  // u32
inline constexpr std::string_view kMetaNextActor = "next_actor";          // u32 ActorId
inline constexpr std::string_view kMetaNextArticle = "next_article";      // u32 ArticleSeq
inline constexpr std::string_view kMetaEdgeCount = "edge_count";          // u64

// Lowercase ASCII, trimmed, runs of white space (and control bytes) collapsed to one space, U+2018
// and U+2019 folded to '. Bytes >= 0x80 otherwise pass unchanged, so non-Latin names still match
// exactly.
std::string NormalizeName(std::string_view name);

// The one-byte prefix of a whole family.
std::string FamilyPrefix(Family family);
// The smallest key greater than every key starting with `prefix`: the exclusive upper bound of a
// prefix scan. Empty when no such key exists (the prefix is all 0xff bytes).
std::string PrefixEnd(std::string_view prefix);

std::string MetaKey(std::string_view name);
std::string ActorKey(ActorId id);
std::string ActorNameKey(std::string_view canonical_name);
// `normalized` must come from NormalizeName.
std::string AliasPrefix(std::string_view normalized);  // 'l' normalized 0x00
std::string AliasKey(std::string_view normalized, ActorId id);
std::string RelationKey(RelationId id);
std::string ArticleKey(ArticleSeq seq);
std::string ArticleIdKey(std::string_view external_id);
std::string ContentHashPrefix(std::uint64_t hash);
std::string ContentHashKey(std::uint64_t hash, ArticleSeq seq);
std::string EdgeKey(EdgeId id);

EdgeId MakeEdgeId(ArticleSeq seq, std::uint16_t index);

// What an out-edge or in-edge index key says about its edge.
struct EdgeIndexEntry {
  ActorId source = 0;
  RelationId relation = 0;
  std::uint32_t date = 0;  // Date::Packed()
  ActorId target = 0;
  EdgeId edge = 0;

  friend bool operator==(const EdgeIndexEntry&, const EdgeIndexEntry&) = default;
};

// What a content hash key says.
struct ContentHashEntry {
  std::uint64_t hash = 0;
  ArticleSeq seq = 0;

  friend bool operator==(const ContentHashEntry&, const ContentHashEntry&) = default;
};

// What a time index key says about its edge.
struct TimeEntry {
  std::uint32_t date = 0;
  EdgeId edge = 0;

  friend bool operator==(const TimeEntry&, const TimeEntry&) = default;
};

std::string OutEdgeKey(const EdgeIndexEntry& entry);
std::string InEdgeKey(const EdgeIndexEntry& entry);
std::string TimeKey(const TimeEntry& entry);
// Prefixes for one actor's edges, optionally of one relation.
std::string OutEdgePrefix(ActorId source);
std::string OutEdgePrefix(ActorId source, RelationId relation);
std::string InEdgePrefix(ActorId target);
std::string InEdgePrefix(ActorId target, RelationId relation);
// The first key of `actor`'s out-edges (or in-edges) of `relation` dated `date` or later: within
// one relation the index is in date order, so a date range is a key range starting here.
std::string OutEdgeSeek(ActorId source, RelationId relation, std::uint32_t date);
std::string InEdgeSeek(ActorId target, RelationId relation, std::uint32_t date);
// 't' date: the first key of edges dated `date` or later.
std::string TimePrefix(std::uint32_t date);

// Key decoders. Bytes that are not a key of the family give Corruption.
Result<EdgeIndexEntry> DecodeOutEdgeKey(std::string_view key);
Result<EdgeIndexEntry> DecodeInEdgeKey(std::string_view key);
Result<TimeEntry> DecodeTimeKey(std::string_view key);
Result<ActorId> DecodeAliasKey(std::string_view key);  // the actor id
Result<ContentHashEntry> DecodeContentHashKey(std::string_view key);

// Values of the meta, actor name and article id families.
std::string EncodeU32(std::uint32_t value);
std::string EncodeU64(std::uint64_t value);
Result<std::uint32_t> DecodeU32(std::string_view value);
Result<std::uint64_t> DecodeU64(std::string_view value);

}  // namespace geokg::graph::keys

#endif  // GEOKG_GRAPH_KEYS_H_
