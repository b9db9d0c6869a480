// UTF-8 checks the article readers run before trusting text: where the first invalid byte is, so that
// an error can point at it instead of merely saying that a file is broken.
#ifndef GEOKG_INGEST_READER_UTF8_H_
#define GEOKG_INGEST_READER_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace geokg::ingest {

// The offset of the first byte of `text` that does not belong to a well-formed UTF-8 sequence (overlong
// encodings, surrogates and code points above U+10FFFF count as ill-formed), or nullopt when all is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// A byte offset as people count it: 1-based line and 1-based byte within that line.
struct TextPosition {
  std::size_t line = 1;
  std::size_t byte = 1;
};

// Where `offset` falls in `text`, whose first line is numbered `first_line`.
TextPosition LocateOffset(std::string_view text, std::size_t offset, std::size_t first_line = 1);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_READER_UTF8_H_
