#include "ingest/reader_utf8.h"

#include <algorithm>

namespace geokg::ingest {

namespace {

// The valid range of the byte after `lead` (Unicode 15, table 3-7); the other continuation bytes are
// always 0x80..0xBF. This is what rules out overlong forms, surrogates and code points past U+10FFFF.
struct ByteRange {
  unsigned char low, high;
};
ByteRange SecondByteRange(unsigned char lead) {
  switch (lead) {
    case 0xE0: return {0xA0, 0xBF};
    case 0xED: return {0x80, 0x9F};
    case 0xF0: return {0x90, 0xBF};
    case 0xF4: return {0x80, 0x8F};
    default: return {0x80, 0xBF};
  }
}

// Length of the sequence that `lead` starts; 0 when no sequence may start with it.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = bytes[i];
    const std::size_t length = SequenceLength(lead);
    if (length == 0) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= text.size()) return i;
      const ByteRange range = k == 1 ? SecondByteRange(lead) : ByteRange{0x80, 0xBF};
      if (bytes[i + k] < range.low || bytes[i + k] > range.high) return i;
    }
    i += length;
  }
  return std::nullopt;
}

TextPosition LocateOffset(std::string_view text, std::size_t offset, std::size_t first_line) {
  const std::string_view before = text.substr(0, offset);
  const auto newlines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t line_start = newlines == 0 ? 0 : before.rfind('\n') + 1;
  return {first_line + newlines, offset - line_start + 1};
}

}  // namespace geokg::ingest
