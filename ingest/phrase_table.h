// PhraseTable: a trie over token norms mapping phrases of a data file to payloads (indexes into the
// owner's tables), matched against a sentence's tokens. Built once at load time; lookups allocate
// nothing.
#ifndef GEOKG_INGEST_PHRASE_TABLE_H_
#define GEOKG_INGEST_PHRASE_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/tokenizer.h"

namespace geokg::ingest {

class PhraseTable {
 public:
  // A phrase token "..." matches up to this many word tokens ("held ... responsible").
  static constexpr std::size_t kMaxGap = 3;
  static constexpr std::size_t kMaxMatches = 16;

  struct Match {
    std::uint32_t length = 0;  // tokens
    std::span<const std::uint32_t> payloads;
  };

  PhraseTable();

  // Adds `payload` under the phrase's token norms. Returns false when the phrase has no tokens.
  bool Add(std::span<const Token> phrase, std::uint32_t payload);

  // Writes every phrase that starts at tokens[start] into out, longest first; returns how many.
  std::size_t MatchAt(std::span<const Token> tokens, std::size_t start,
                      Match (&out)[kMaxMatches]) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static constexpr std::uint32_t kGap = 0xFFFFFFFFu;

  std::uint32_t Child(std::uint32_t node, std::uint32_t word) const;
  void Walk(std::span<const Token> tokens, std::size_t start, std::size_t pos, std::uint32_t node,
            Match (&out)[kMaxMatches], std::size_t* count) const;

  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> words_;
  std::unordered_map<std::uint64_t, std::uint32_t> children_;  // (node << 32 | word) -> node
  std::vector<std::vector<std::uint32_t>> payloads_;           // by node; node 0 is the root
  std::vector<bool> has_gap_;                                  // by node
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_PHRASE_TABLE_H_
