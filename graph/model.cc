#include "graph/model.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace geokg::graph {

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kState: return "state";
    case ActorKind::kOrganization: return "organization";
    case ActorKind::kGroup: return "group";
    case ActorKind::kOther: break;
  }
  return "other";
}

std::optional<ActorKind> ParseActorKind(std::string_view name) {
  std::string s;
  for (char c : name) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "state" || s == "country") return ActorKind::kState;
  if (s == "organization" || s == "organisation" || s == "org" || s == "international organisation" ||
      s == "international organization" || s == "igo")
    return ActorKind::kOrganization;
  if (s == "group" || s == "armed group" || s == "political group") return ActorKind::kGroup;
  if (s == "other" || s == "person") return ActorKind::kOther;
  return std::nullopt;
}

std::string_view EdgeBasis(const Edge& edge) {
  if (edge.implied) return "implied";
  return edge.inferred ? "inferred" : "";
}

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kUnknown: break;
  }
  return "unknown";
}

std::uint32_t Date::Packed() const {
  if (!known()) return 0;
  return static_cast<std::uint32_t>(year * 10000 + month * 100 + day);
}

Date Date::FromPacked(std::uint32_t packed) {
  if (packed == 0) return Date();
  int y = static_cast<int>(packed / 10000), m = static_cast<int>(packed / 100 % 100),
      d = static_cast<int>(packed % 100);
  if (d != 0) return Day(y, m, d);
  if (m != 0) return Month(y, m);
  return Year(y);
}

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `pos`.
bool ReadNumber(std::string_view s, std::size_t pos, std::size_t width, int* out) {
  if (pos + width > s.size()) return false;
  for (std::size_t i = pos; i < pos + width; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  std::from_chars(s.data() + pos, s.data() + pos + width, *out);
  return true;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  int y = 0, m = 0, d = 0;
  if (!ReadNumber(text, 0, 4, &y) || y < 1) return std::nullopt;
  if (text.size() == 4) return Year(y);
  char sep = text[4];
  if ((sep != '-' && sep != '/') || !ReadNumber(text, 5, 2, &m) || m < 1 || m > 12) return std::nullopt;
  if (text.size() == 7) return Month(y, m);
  if (text.size() < 10 || text[7] != sep || !ReadNumber(text, 8, 2, &d)) return std::nullopt;
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  // A time of day may follow; it is not kept.
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return Day(y, m, d);
}

std::string Date::ToString() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::kUnknown: return "";
  }
  return buf;
}

std::string Article::Document() const {
  if (title.empty()) return text;
  if (text.empty()) return title;
  return title + "\n\n" + text;
}

std::uint64_t ContentHash(std::string_view text) {
  constexpr std::uint64_t kOffset = 14695981039346656037ull, kPrime = 1099511628211ull;
  std::uint64_t h = kOffset;
  bool pending_space = false, started = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) {
      h = (h ^ ' ') * kPrime;
      pending_space = false;
    }
    h = (h ^ c) * kPrime;
    started = true;
  }
  return h;
}

}  // namespace geokg::graph
