// Just enough UTF-8 for segmentation: decoding one code point and classifying it.
#ifndef GEOKG_INGEST_UTF8_H_
#define GEOKG_INGEST_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::ingest {

struct CodePoint {
  char32_t value = 0;        // U+FFFD for a malformed sequence
  std::uint32_t length = 1;  // bytes, at least 1
};

// The code point at text[pos]; pos < text.size().
CodePoint DecodeUtf8(std::string_view text, std::size_t pos);

bool IsSpace(char32_t c);
// Letters and digits of any script: everything but spaces, ASCII punctuation and the punctuation
// blocks.
bool IsWordChar(char32_t c);
// Case, for ASCII and the Latin-1 letters; other scripts count as neither.
bool IsUpperLetter(char32_t c);
bool IsLowerLetter(char32_t c);
// Appends `bytes` (the encoding of c) to *out in lower case.
void AppendLower(CodePoint c, std::string_view bytes, std::string* out);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_UTF8_H_
