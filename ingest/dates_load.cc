// Reading data/dates.tsv (format in data/README.md) into the lookup tables of DateResolver.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "ingest/dates.h"
#include "ingest/dates_internal.h"

namespace geokg::ingest {

namespace {

using dates_internal::Char;
using dates_internal::CharAt;
using dates_internal::IsAsciiLetter;
using dates_internal::LowerAscii;
using Meaning = DateTables::Meaning;
using Phrase = DateTables::Phrase;
using Unit = DateTables::Unit;

bool ParseInt(std::string_view s, int* out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

// Reads the lines of one dates file into `tables`, noting which months and weekdays have names.
class Loader {
 public:
  explicit Loader(DateTables* tables) : tables_(tables) {}

  Status AddLine(std::string_view line, std::size_t line_no) {
    const std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() < 2) {
      return Status::InvalidArgument("expected a kind and a phrase separated by a tab");
    }
    if (fields.size() > 4) return Status::InvalidArgument("more than 4 tab-separated columns");
    const std::string_view kind = fields[0], phrase = fields[1];
    const std::string_view value = fields.size() > 2 ? fields[2] : "";
    const std::string_view flags = fields.size() > 3 ? fields[3] : "";
    Phrase p;
    p.line = line_no;
    Status s = ParseWords(phrase, &p);
    if (!s.ok()) return s;
    if (flags == "cased") {
      if (!IsAsciiLetter(phrase.front())) {
        return Status::InvalidArgument(
            fmt::format("'cased' needs '{}' to begin with an ASCII letter", phrase));
      }
      p.cased = phrase.front();
    } else if (!flags.empty()) {
      return Status::InvalidArgument(fmt::format("unknown flag '{}' (expected 'cased')", flags));
    }
    if (kind == "ordinal") return AddWord(&tables_->ordinals, kind, p, value);
    if (kind == "number-before") return AddWord(&tables_->number_before, kind, p, value);
    if (kind == "number-after") return AddWord(&tables_->number_after, kind, p, value);
    if (kind == "year-before") return AddWord(&tables_->year_before, kind, p, value);
    if (kind == "month" || kind == "weekday") {
      const bool month = kind == "month";
      const int last = month ? 12 : 7;
      if (!ParseInt(value, &p.value) || p.value < 1 || p.value > last) {
        return Status::InvalidArgument(
            fmt::format("{} number '{}' is not 1..{}", kind, value, last));
      }
      p.meaning = month ? Meaning::kMonth : Meaning::kWeekday;
      if (month) {
        months_named_[p.value - 1] = true;
      } else {
        weekdays_named_[p.value - 1] = true;
      }
    } else if (kind == "relative") {
      s = ParseRelative(value, &p);
      if (!s.ok()) return s;
    } else if (kind == "prior" || kind == "next") {
      if (!value.empty()) return Status::InvalidArgument(fmt::format("{} takes no value", kind));
      p.meaning = kind == "prior" ? Meaning::kPrior : Meaning::kNext;
    } else {
      return Status::InvalidArgument(
          fmt::format("unknown kind '{}' (expected month, weekday, relative, prior, next, ordinal, "
                      "number-before, number-after or year-before)",
                      kind));
    }
    std::vector<Phrase>& same_start = tables_->phrases[p.words.front()];
    for (const Phrase& other : same_start) {
      if (other.words == p.words) {
        return Status::InvalidArgument(
            fmt::format("'{}' is already defined on line {}", phrase, other.line));
      }
    }
    same_start.push_back(std::move(p));
    return Status::OK();
  }

  // Every month and weekday needs a name: a gap is a typing error in a number.
  Status Finish() {
    for (int i = 0; i < 12; ++i) {
      if (!months_named_[i]) {
        return Status::InvalidArgument(fmt::format("no name for month {}", i + 1));
      }
    }
    for (int i = 0; i < 7; ++i) {
      if (!weekdays_named_[i]) {
        return Status::InvalidArgument(fmt::format("no name for weekday {}", i + 1));
      }
    }
    for (auto& [word, phrases] : tables_->phrases) {
      std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
        return a.words.size() > b.words.size();
      });
    }
    return Status::OK();
  }

 private:
  // The words of a phrase in lower case. The text is split into words at anything but a letter, so
  // a phrase with another character could never match.
  static Status ParseWords(std::string_view phrase, Phrase* p) {
    for (std::string_view word : Split(phrase, ' ')) {
      if (word.empty()) continue;
      for (std::size_t i = 0; i < word.size();) {
        const Char c = CharAt(word, i);
        if (!c.letter) {
          return Status::InvalidArgument(
              fmt::format("'{}' has a character that is not a letter", phrase));
        }
        i += c.size;
      }
      std::string lower(word);
      for (char& c : lower) c = LowerAscii(c);
      p->words.push_back(std::move(lower));
    }
    if (p->words.empty()) return Status::InvalidArgument("empty phrase");
    return Status::OK();
  }

  static Status AddWord(DateTables::WordSet* set, std::string_view kind, const Phrase& p,
                        std::string_view value) {
    if (p.words.size() != 1 || !value.empty() || p.cased != 0) {
      return Status::InvalidArgument(fmt::format("{} takes one word and no value or flag", kind));
    }
    if (!set->insert(p.words.front()).second) {
      return Status::InvalidArgument(
          fmt::format("'{}' is listed twice as {}", p.words.front(), kind));
    }
    return Status::OK();
  }

  // "-1 day", "0 week", "1 month".
  static Status ParseRelative(std::string_view value, Phrase* p) {
    const std::vector<std::string_view> parts = Split(value, ' ');
    static constexpr std::array<std::pair<std::string_view, Unit>, 4> kUnits = {
        {{"day", Unit::kDay},
         {"week", Unit::kWeek},
         {"month", Unit::kMonth},
         {"year", Unit::kYear}}};
    const auto unit = parts.size() == 2
                          ? std::find_if(kUnits.begin(), kUnits.end(),
                                         [&](const auto& u) { return u.first == parts[1]; })
                          : kUnits.end();
    if (unit == kUnits.end() || !ParseInt(parts[0], &p->value)) {
      return Status::InvalidArgument(
          fmt::format("relative value '{}' is not an offset and a unit, such as '-1 day' (units: "
                      "day, week, month, year)",
                      value));
    }
    p->meaning = Meaning::kRelative;
    p->unit = unit->second;
    return Status::OK();
  }

  DateTables* tables_;
  std::array<bool, 12> months_named_{};
  std::array<bool, 7> weekdays_named_{};
};

}  // namespace

Result<DateResolver> DateResolver::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/dates.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return Status::IOError(fmt::format("cannot read {}", path));
  return Parse(contents.str(), path);
}

Result<DateResolver> DateResolver::Parse(std::string_view contents, const std::string& file_name) {
  auto tables = std::make_shared<DateTables>();
  Loader loader(tables.get());
  std::size_t line_no = 0;
  for (std::string_view line : Split(contents, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Status s = loader.AddLine(line, line_no);
    if (!s.ok()) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", file_name, line_no, s.message()));
    }
  }
  Status s = loader.Finish();
  if (!s.ok()) return Status::InvalidArgument(fmt::format("{}: {}", file_name, s.message()));
  return DateResolver(std::move(tables));
}

}  // namespace geokg::ingest
