// Finds where one JSON value ends without parsing it, so that the elements of a JSON array file can
// be handed to the parser one at a time: a bad element then costs only itself, and a file cut short
// keeps the elements before the cut.
#ifndef GEOKG_INGEST_JSON_SCAN_H_
#define GEOKG_INGEST_JSON_SCAN_H_

#include <cstddef>
#include <string_view>

namespace geokg::ingest {

struct ValueExtent {
  std::size_t end = 0;     // one past the value's last byte; where scanning stopped on an error
  std::string_view error;  // empty when the value is whole
};

// Scans the value that starts at json[begin], which must not be white space. Strings and their
// escapes are followed and brackets must pair; anything else ends at white space, ',', ']' or '}'.
// The value is not otherwise checked: the parser does that. The error says why the value is not
// whole: the input ends inside it, or a closing bracket does not match. Nesting depth costs heap
// memory, not stack.
ValueExtent ScanJsonValue(std::string_view json, std::size_t begin);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_JSON_SCAN_H_
