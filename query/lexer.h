// Lexer: splits query text into tokens. Keywords are not distinguished from names here: Cypher's keywords
// are case-insensitive and several (COUNT, DATE, END) are also valid names, so the parser decides.
#ifndef GEOKG_QUERY_LEXER_H_
#define GEOKG_QUERY_LEXER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace geokg::query {

struct Token {
  enum class Kind {
    kName,        // a letter or '_' followed by letters, digits, '_'
    kQuotedName,  // `any text`, never a keyword
    kInteger,
    kFloat,
    kString,      // 'text' or "text"; `text` holds the value with escapes resolved
    kParameter,   // $name
    kSymbol,      // punctuation and operators: ( ) [ ] { } , . .. : ; | + - * / % ^ = <> != < > <= >=
    kEnd,
  };
  Kind kind = Kind::kEnd;
  std::string text;
  std::size_t offset = 0;  // byte offsets of the token's first character in the query, and one past its last
  std::size_t end = 0;
};

// The tokens of `query`, ending with one kEnd token. Comments (// to the end of the line, /* ... */) and
// white space are skipped. Fails with a syntax error (line, column, caret) on an unterminated string or
// comment, a bad escape, or a character that starts no token.
Result<std::vector<Token>> Lex(std::string_view query);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_LEXER_H_
