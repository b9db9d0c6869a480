#include "ingest/phrase_table.h"

#include <algorithm>

namespace geokg::ingest {

PhraseTable::PhraseTable() : payloads_(1), has_gap_(1, false) {}

bool PhraseTable::Add(std::span<const Token> phrase, std::uint32_t payload) {
  if (phrase.empty()) return false;
  std::uint32_t node = 0;
  for (const Token& token : phrase) {
    std::uint32_t word = kGap;
    if (token.norm != "...") {
      auto [it, inserted] =
          words_.try_emplace(token.norm, static_cast<std::uint32_t>(words_.size() + 1));
      word = it->second;
    }
    std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | word;
    auto [child, added] = children_.try_emplace(key, static_cast<std::uint32_t>(payloads_.size()));
    if (added) {
      payloads_.emplace_back();
      has_gap_.push_back(false);
    }
    if (word == kGap) has_gap_[node] = true;
    node = child->second;
  }
  std::vector<std::uint32_t>& list = payloads_[node];
  if (std::find(list.begin(), list.end(), payload) == list.end()) list.push_back(payload);
  return true;
}

std::uint32_t PhraseTable::Child(std::uint32_t node, std::uint32_t word) const {
  auto it = children_.find((static_cast<std::uint64_t>(node) << 32) | word);
  return it == children_.end() ? 0 : it->second;
}

void PhraseTable::Walk(std::span<const Token> tokens, std::size_t start, std::size_t pos,
                       std::uint32_t node, Match (&out)[kMaxMatches], std::size_t* count) const {
  if (node != 0 && !payloads_[node].empty() && *count < kMaxMatches) {
    out[(*count)++] = {static_cast<std::uint32_t>(pos - start), payloads_[node]};
  }
  if (pos >= tokens.size()) return;
  auto word = words_.find(std::string_view(tokens[pos].norm));
  if (word != words_.end()) {
    if (std::uint32_t next = Child(node, word->second); next != 0)
      Walk(tokens, start, pos + 1, next, out, count);
  }
  if (!has_gap_[node]) return;
  std::uint32_t after_gap = Child(node, kGap);
  // A gap spans one to kMaxGap word tokens; punctuation ends it.
  for (std::size_t skip = 1; skip <= kMaxGap && pos + skip < tokens.size(); ++skip) {
    if (tokens[pos + skip - 1].kind == TokenKind::kPunct) break;
    Walk(tokens, start, pos + skip, after_gap, out, count);
  }
}

std::size_t PhraseTable::MatchAt(std::span<const Token> tokens, std::size_t start,
                                 Match (&out)[kMaxMatches]) const {
  std::size_t count = 0;
  Walk(tokens, start, start, 0, out, &count);
  std::sort(out, out + count, [](const Match& a, const Match& b) { return a.length > b.length; });
  return count;
}

}  // namespace geokg::ingest
