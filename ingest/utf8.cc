#include "ingest/utf8.h"

namespace geokg::ingest {

CodePoint DecodeUtf8(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(pos);
  if (b < 0x80) return {b, 1};
  std::uint32_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (length == 0 || pos + length > text.size()) return {0xFFFD, 1};
  char32_t value = b & (0x7F >> length);
  for (std::uint32_t i = 1; i < length; ++i) {
    unsigned char cont = byte(pos + i);
    if ((cont & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (cont & 0x3F);
  }
  return {value, length};
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // Latin-1 punctuation and symbols
  if (c == 0xD7 || c == 0xF7) return false;                  // multiplication and division signs
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, math, dingbats
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  return c != 0xFFFD && !IsSpace(c);
}

bool IsUpperLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

bool IsLowerLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

void AppendLower(CodePoint c, std::string_view bytes, std::string* out) {
  if (c.value >= 'A' && c.value <= 'Z') {
    *out += static_cast<char>(c.value + ('a' - 'A'));
  } else if (c.value >= 0xC0 && c.value <= 0xDE && c.value != 0xD7) {
    char32_t lower = c.value + 0x20;  // Latin-1 upper and lower case letters are 0x20 apart
    *out += static_cast<char>(0xC0 | (lower >> 6));
    *out += static_cast<char>(0x80 | (lower & 0x3F));
  } else {
    out->append(bytes);
  }
}

}  // namespace geokg::ingest
