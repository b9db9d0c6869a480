#include "ingest/json_scan.h"

#include <string>

namespace geokg::ingest {

namespace {

bool EndsScalar(char c) {
  return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

ValueExtent ScanJsonValue(std::string_view json, std::size_t begin) {
  std::string open;  // the closing brackets still owed, innermost last
  bool in_string = false;
  std::size_t i = begin;
  for (; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped byte cannot end the string
      } else if (c == '"') {
        in_string = false;
        if (open.empty()) return {i + 1, {}};
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
        open += '}';
        break;
      case '[':
        open += ']';
        break;
      case '}':
      case ']':
        if (open.empty()) return {i, {}};  // a scalar ends before its container's closer
        if (open.back() != c) return {i, "a closing bracket does not match its opening one"};
        open.pop_back();
        if (open.empty()) return {i + 1, {}};
        break;
      default:
        if (open.empty() && EndsScalar(c)) return {i, {}};
        break;
    }
  }
  if (in_string) return {i, "the input ends inside a string"};
  if (!open.empty()) return {i, "the input ends before the value's closing bracket"};
  return {i, {}};
}

}  // namespace geokg::ingest
