// How the query module words its errors: where in the query text, with a caret under the spot, and which
// valid name the user probably meant.
#ifndef GEOKG_QUERY_ERRORS_H_
#define GEOKG_QUERY_ERRORS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace geokg::query {

// 1-based line and column (counted in code points) of a byte offset in `text`.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};
Position PositionOf(std::string_view text, std::size_t offset);

// InvalidArgument("KIND at line L, column C: MESSAGE") followed by the query line and a caret under the
// offending character. KIND is "syntax error" or "error".
Status ErrorAt(std::string_view query, std::size_t offset, std::string_view kind, const std::string& message);

// The candidate closest to `name` by edit distance (ignoring case), or "" when none is close enough to be a
// plausible typo.
std::string Nearest(std::string_view name, const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" for the nearest candidate, else " (expected one of: A, B, C)" when there are few
// candidates, else "".
std::string Suggestion(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_ERRORS_H_
