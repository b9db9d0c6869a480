#include "graph/keys.h"

#include <fmt/format.h>

#include "graph/coding.h"

namespace geokg::graph::keys {

namespace {

using coding::Decoder;
using coding::PutFixed;

std::string Tag(Family family) { return std::string(1, static_cast<char>(family)); }

// Appending rather than `Tag(f) + std::string(s)`, which GCC 12 misreports under -Wrestrict.
std::string TagAnd(Family family, std::string_view rest) {
  std::string key = Tag(family);
  key.append(rest);
  return key;
}

// Checks the tag byte and hands back a decoder over the rest.
bool StartKey(std::string_view key, Family family, Decoder* decoder) {
  if (key.empty() || key.front() != static_cast<char>(family)) return false;
  *decoder = Decoder(key.substr(1));
  return true;
}

Status BadKey(std::string_view what, std::string_view key) {
  return Status::Corruption(fmt::format("malformed {} key ({} bytes)", what, key.size()));
}

std::string EdgeIndexKey(Family family, ActorId first, RelationId relation, std::uint32_t date,
                         ActorId second, EdgeId edge) {
  std::string key = Tag(family);
  PutFixed(&key, first);
  PutFixed(&key, relation);
  PutFixed(&key, date);
  PutFixed(&key, second);
  PutFixed(&key, edge);
  return key;
}

// Reads the fields in key order; `first` and `second` are source/target or target/source by family.
bool DecodeEdgeIndex(std::string_view key, Family family, ActorId* first, RelationId* relation,
                     std::uint32_t* date, ActorId* second, EdgeId* edge) {
  Decoder d("");
  return StartKey(key, family, &d) && d.Fixed(first) && d.Fixed(relation) && d.Fixed(date) &&
         d.Fixed(second) && d.Fixed(edge) && d.done();
}

// Length of a UTF-8 typographic single quote (U+2018, U+2019) or no-break space (U+00A0) at `i`,
// else 0.
std::size_t FoldedSequence(std::string_view s, std::size_t i, char* replacement) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i + 2 < s.size() && at(i) == 0xE2 && at(i + 1) == 0x80 &&
      (at(i + 2) == 0x98 || at(i + 2) == 0x99)) {
    *replacement = '\'';
    return 3;
  }
  if (i + 1 < s.size() && at(i) == 0xC2 && at(i + 1) == 0xA0) {
    *replacement = ' ';
    return 2;
  }
  return 0;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    char c = name[i];
    if (std::size_t n = FoldedSequence(name, i, &c)) {
      i += n;
    } else {
      ++i;
    }
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
  }
  return out;
}

std::string FamilyPrefix(Family family) { return Tag(family); }

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(end.back());
    if (last != 0xff) {
      ++last;
      return end;
    }
    end.pop_back();
  }
  return end;
}

std::string MetaKey(std::string_view name) { return TagAnd(Family::kMeta, name); }

std::string ActorKey(ActorId id) {
  std::string key = Tag(Family::kActor);
  PutFixed(&key, id);
  return key;
}

std::string ActorNameKey(std::string_view canonical_name) {
  return TagAnd(Family::kActorName, canonical_name);
}

std::string AliasPrefix(std::string_view normalized) {
  std::string key = Tag(Family::kAlias);
  key.append(normalized);
  key.push_back('\0');
  return key;
}

std::string AliasKey(std::string_view normalized, ActorId id) {
  std::string key = AliasPrefix(normalized);
  PutFixed(&key, id);
  return key;
}

std::string RelationKey(RelationId id) {
  std::string key = Tag(Family::kRelation);
  PutFixed(&key, id);
  return key;
}

std::string ArticleKey(ArticleSeq seq) {
  std::string key = Tag(Family::kArticle);
  PutFixed(&key, seq);
  return key;
}

std::string ArticleIdKey(std::string_view external_id) {
  return TagAnd(Family::kArticleId, external_id);
}

std::string ContentHashPrefix(std::uint64_t hash) {
  std::string key = Tag(Family::kContentHash);
  PutFixed(&key, hash);
  return key;
}

std::string ContentHashKey(std::uint64_t hash, ArticleSeq seq) {
  std::string key = ContentHashPrefix(hash);
  PutFixed(&key, seq);
  return key;
}

std::string EdgeKey(EdgeId id) {
  std::string key = Tag(Family::kEdge);
  PutFixed(&key, id);
  return key;
}

EdgeId MakeEdgeId(ArticleSeq seq, std::uint16_t index) {
  return (static_cast<EdgeId>(seq) << 16) | index;
}

std::string OutEdgeKey(const EdgeIndexEntry& e) {
  return EdgeIndexKey(Family::kOutEdge, e.source, e.relation, e.date, e.target, e.edge);
}

std::string InEdgeKey(const EdgeIndexEntry& e) {
  return EdgeIndexKey(Family::kInEdge, e.target, e.relation, e.date, e.source, e.edge);
}

std::string TimeKey(const TimeEntry& entry) {
  std::string key = TimePrefix(entry.date);
  PutFixed(&key, entry.edge);
  return key;
}

std::string OutEdgePrefix(ActorId source) {
  std::string key = Tag(Family::kOutEdge);
  PutFixed(&key, source);
  return key;
}

std::string OutEdgePrefix(ActorId source, RelationId relation) {
  std::string key = OutEdgePrefix(source);
  PutFixed(&key, relation);
  return key;
}

std::string InEdgePrefix(ActorId target) {
  std::string key = Tag(Family::kInEdge);
  PutFixed(&key, target);
  return key;
}

std::string InEdgePrefix(ActorId target, RelationId relation) {
  std::string key = InEdgePrefix(target);
  PutFixed(&key, relation);
  return key;
}

std::string OutEdgeSeek(ActorId source, RelationId relation, std::uint32_t date) {
  std::string key = OutEdgePrefix(source, relation);
  PutFixed(&key, date);
  return key;
}

std::string InEdgeSeek(ActorId target, RelationId relation, std::uint32_t date) {
  std::string key = InEdgePrefix(target, relation);
  PutFixed(&key, date);
  return key;
}

std::string TimePrefix(std::uint32_t date) {
  std::string key = Tag(Family::kTime);
  PutFixed(&key, date);
  return key;
}

Result<EdgeIndexEntry> DecodeOutEdgeKey(std::string_view key) {
  EdgeIndexEntry e;
  if (!DecodeEdgeIndex(key, Family::kOutEdge, &e.source, &e.relation, &e.date, &e.target, &e.edge))
    return BadKey("out-edge", key);
  return e;
}

Result<EdgeIndexEntry> DecodeInEdgeKey(std::string_view key) {
  EdgeIndexEntry e;
  if (!DecodeEdgeIndex(key, Family::kInEdge, &e.target, &e.relation, &e.date, &e.source, &e.edge))
    return BadKey("in-edge", key);
  return e;
}

Result<TimeEntry> DecodeTimeKey(std::string_view key) {
  TimeEntry entry;
  Decoder d("");
  if (!StartKey(key, Family::kTime, &d) || !d.Fixed(&entry.date) || !d.Fixed(&entry.edge) ||
      !d.done())
    return BadKey("time index", key);
  return entry;
}

Result<ActorId> DecodeAliasKey(std::string_view key) {
  // 'l', at least one name byte, 0x00, u32 id.
  constexpr std::size_t kSuffix = 1 + sizeof(ActorId);
  if (key.size() < 1 + 1 + kSuffix || key.front() != static_cast<char>(Family::kAlias) ||
      key[key.size() - kSuffix] != '\0')
    return BadKey("alias", key);
  ActorId id = 0;
  Decoder d(key.substr(key.size() - sizeof(ActorId)));
  if (!d.Fixed(&id)) return BadKey("alias", key);
  return id;
}

Result<ContentHashEntry> DecodeContentHashKey(std::string_view key) {
  ContentHashEntry entry;
  Decoder d("");
  if (!StartKey(key, Family::kContentHash, &d) || !d.Fixed(&entry.hash) || !d.Fixed(&entry.seq) ||
      !d.done())
    return BadKey("content hash", key);
  return entry;
}

std::string EncodeU32(std::uint32_t value) {
  std::string out;
  PutFixed(&out, value);
  return out;
}

std::string EncodeU64(std::uint64_t value) {
  std::string out;
  PutFixed(&out, value);
  return out;
}

Result<std::uint32_t> DecodeU32(std::string_view value) {
  std::uint32_t v = 0;
  Decoder d(value);
  if (!d.Fixed(&v) || !d.done())
    return Status::Corruption(
        fmt::format("expected a 4-byte integer, found {} bytes", value.size()));
  return v;
}

Result<std::uint64_t> DecodeU64(std::string_view value) {
  std::uint64_t v = 0;
  Decoder d(value);
  if (!d.Fixed(&v) || !d.done())
    return Status::Corruption(
        fmt::format("expected an 8-byte integer, found {} bytes", value.size()));
  return v;
}

}  // namespace geokg::graph::keys
