#include "ingest/article_date.h"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace geokg::ingest {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words split at white space and commas, without a trailing period ("Feb." is "Feb").
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word.back() == '.') word.pop_back();
    if (!word.empty()) words.push_back(Lower(word));
    word.clear();
  };
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return words;
}

// 1..12 for an English month name or its abbreviation ("sep" and "sept"); 0 otherwise.
int MonthNumber(const std::string& word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word == "sept") return 9;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool IsWeekday(const std::string& word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view day : kDays) {
    if (word == day || (word.size() == 3 && day.substr(0, 3) == word)) return true;
  }
  return false;
}

// A whole number of `min_digits` to `max_digits` digits, with an ordinal suffix allowed for days ("11th").
std::optional<int> Number(std::string word, std::size_t min_digits, std::size_t max_digits,
                          bool ordinal = false) {
  if (ordinal && word.size() > 2) {
    const std::string suffix = word.substr(word.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") word.resize(word.size() - 2);
  }
  if (word.size() < min_digits || word.size() > max_digits) return std::nullopt;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int value = 0;
  std::from_chars(word.data(), word.data() + word.size(), value);
  return value;
}

// Year 0 does not exist, and graph::Date uses 0 for "unknown".
std::optional<int> Year(const std::string& word) {
  auto year = Number(word, 4, 4);
  if (year && *year == 0) return std::nullopt;
  return year;
}

// Lets graph::Date::Parse decide whether the day exists, so that both parsers agree on the calendar.
std::optional<graph::Date> MakeDay(int year, int month, int day) {
  return graph::Date::Parse(fmt::format("{:04}-{:02}-{:02}", year, month, day));
}

}  // namespace

std::optional<graph::Date> ParseArticleDate(std::string_view text) {
  if (auto iso = graph::Date::Parse(text)) return iso;
  std::vector<std::string> w = Words(text);
  std::size_t i = 0;
  if (i < w.size() && IsWeekday(w[i])) ++i;
  if (w.size() - i < 2) return std::nullopt;
  // Whatever follows the year (a time of day, a zone) does not change the date.
  if (int month = MonthNumber(w[i])) {
    if (auto year = Year(w[i + 1])) return graph::Date::Month(*year, month);
    auto day = Number(w[i + 1], 1, 2, /*ordinal=*/true);
    auto year = i + 2 < w.size() ? Year(w[i + 2]) : std::nullopt;
    if (day && year) return MakeDay(*year, month, *day);
    return std::nullopt;
  }
  if (w.size() - i < 3) return std::nullopt;
  auto day = Number(w[i], 1, 2, /*ordinal=*/true);
  const int month = MonthNumber(w[i + 1]);
  auto year = Year(w[i + 2]);
  if (day && month != 0 && year) return MakeDay(*year, month, *day);
  return std::nullopt;
}

}  // namespace geokg::ingest
