#include "query/errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace geokg::query {

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Position PositionOf(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!IsContinuation(text[i])) {
      ++p.column;
    }
  }
  return p;
}

Status ErrorAt(std::string_view query, std::size_t offset, std::string_view kind, const std::string& message) {
  offset = std::min(offset, query.size());
  Position p = PositionOf(query, offset);
  std::size_t begin = offset;
  while (begin > 0 && query[begin - 1] != '\n') --begin;
  std::size_t end = query.find('\n', offset);
  std::string_view line = query.substr(begin, end == std::string_view::npos ? query.npos : end - begin);
  // Tabs stay tabs under the caret so that it lines up whatever the terminal's tab width.
  std::string caret;
  for (std::size_t i = begin; i < offset; ++i) {
    if (query[i] == '\t') {
      caret += '\t';
    } else if (!IsContinuation(query[i])) {
      caret += ' ';
    }
  }
  return Status::InvalidArgument(
      fmt::format("{} at line {}, column {}: {}\n  {}\n  {}^", kind, p.line, p.column, message, line, caret));
}

std::string Nearest(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& c : candidates) {
    std::size_t d = EditDistance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  std::size_t allowed = std::max<std::size_t>(2, name.size() / 3);
  return best_distance <= allowed ? best : "";
}

std::string Suggestion(std::string_view name, const std::vector<std::string>& candidates) {
  std::string nearest = Nearest(name, candidates);
  if (!nearest.empty()) return fmt::format(" (did you mean {}?)", nearest);
  if (candidates.empty() || candidates.size() > 12) return "";
  std::string all;
  for (const auto& c : candidates) all += (all.empty() ? "" : ", ") + c;
  return " (expected one of: " + all + ")";
}

}  // namespace geokg::query
