// Internals of ingest/dates.h shared by dates.cc (matching) and dates_load.cc (loading).
#ifndef GEOKG_INGEST_DATES_INTERNAL_H_
#define GEOKG_INGEST_DATES_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace geokg::ingest {

struct DateTables {
  enum class Meaning : std::uint8_t { kMonth, kWeekday, kRelative, kPrior, kNext };
  enum class Unit : std::uint8_t { kDay, kWeek, kMonth, kYear };

  struct Phrase {
    std::vector<std::string> words;  // lower case
    Meaning meaning = Meaning::kMonth;
    int value = 0;  // month 1..12, ISO weekday 1..7, or the offset of a relative phrase
    Unit unit = Unit::kDay;
    char cased = 0;  // when not 0, the letter the phrase must begin with as the text writes it
    std::size_t line = 0;
  };

  // Hashes std::string and std::string_view alike: looking up a word of the text builds no string.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

  // Phrases by their first word, longest first, so that "last week" wins over "last".
  std::unordered_map<std::string, std::vector<Phrase>, WordHash, std::equal_to<>> phrases;
  WordSet ordinals, number_before, number_after, year_before;
};

namespace dates_internal {

inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

struct Char {
  std::size_t size = 1;  // bytes
  bool letter = false;
};

// The character at byte `i` of `s`: letters of any script make words. Non-ASCII punctuation
// (no-break space, guillemets, dashes, curly quotes, currency signs, CJK marks) separates words as
// its ASCII kin does, and so does ill-formed UTF-8, which the article readers reject before.
Char CharAt(std::string_view s, std::size_t i);

}  // namespace dates_internal

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_DATES_INTERNAL_H_
