// libFuzzer target: the query lexer and parser (query/parser.h) on arbitrary text. Every input must
// give a Query or a syntax error; a crash, a sanitizer report or an exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto query = geokg::query::Parse(text);
  // A failure must explain itself.
  if (!query.ok() && query.status().message().empty()) __builtin_trap();
  return 0;
}
