// Tokens with byte offsets and a normalised form, for matching the gazetteer and the lexicon.
//
// A word's norm is lower case (ASCII and Latin-1 letters), with ’ and ‘ as ' and the dots of "U.S."
// dropped. A possessive ending is a token of its own with norm "'s" ("Russia’s" -> "russia" "'s";
// "Palestinians'" -> "palestinians" "'s"). A hyphen between two word characters is a token of its
// own with norm "-" and no space before it, so that "IS-K" is "is" "-" "k" and "US-led" is "us" "-"
// "led". Curly and straight double quotes,
// `` and '' all have norm "\""; dashes standing alone have norm "--".
#ifndef GEOKG_INGEST_TOKENIZER_H_
#define GEOKG_INGEST_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::ingest {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };

// Which way a quotation mark faces: curly quotes say so, a straight one does not.
enum class QuoteSide : std::uint8_t { kNone, kOpen, kClose, kEither };

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the tokenised text
  std::uint32_t end = 0;
  std::string norm;
  TokenKind kind = TokenKind::kPunct;
  QuoteSide quote = QuoteSide::kNone;
  bool capitalized = false;  // the first letter is upper case
  bool upper = false;        // every letter is upper case, and there is one
  bool space_before = true;  // white space or the start of the range precedes it
};

// Appends the tokens of text[begin, end) to *out; offsets are into `text`.
void Tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>* out);

// The tokens of a phrase written in a data file, for building lookups that match Tokenize's output.
std::vector<Token> TokenizePhrase(std::string_view phrase);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_TOKENIZER_H_
