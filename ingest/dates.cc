#include "ingest/dates.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "ingest/dates_internal.h"

namespace geokg::ingest {

namespace {

namespace chr = std::chrono;
using dates_internal::Char;
using dates_internal::CharAt;
using dates_internal::LowerAscii;
using graph::Date;
using graph::DatePrecision;
using Meaning = DateTables::Meaning;
using Phrase = DateTables::Phrase;
using Unit = DateTables::Unit;

// ---- Calendar ----

enum class Shift : std::uint8_t { kNone, kPrior, kNext };

// Years before 1900 in running text are history rather than event dates; a four-digit number past
// the year after P is a count or a label.
constexpr int kFirstYear = 1900;
constexpr int kLastYearWithoutPublication = 2099;

bool HasDay(const Date& p) { return p.precision == DatePrecision::kDay; }
bool HasMonth(const Date& p) { return p.precision >= DatePrecision::kMonth; }

bool ValidDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return chr::year_month_day(chr::year(year), chr::month(static_cast<unsigned>(month)),
                             chr::day(static_cast<unsigned>(day)))
      .ok();
}

chr::sys_days Days(const Date& d) {
  return chr::sys_days(chr::year(d.year) / chr::month(static_cast<unsigned>(d.month)) /
                       chr::day(static_cast<unsigned>(d.day)));
}

Date DayOf(chr::sys_days days) {
  const chr::year_month_day ymd(days);
  return Date::Day(static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())));
}

int IsoWeekday(chr::sys_days days) { return static_cast<int>(chr::weekday(days).iso_encoding()); }

// The last `month`/`day` not after P. A P known only to its month counts as that month's last day.
Date ResolveDayMonth(int month, int day, const Date& p) {
  if (!HasMonth(p)) return Date();
  const int p_day = HasDay(p) ? p.day : 31;
  int year = month < p.month || (month == p.month && day <= p_day) ? p.year : p.year - 1;
  // 29 February can lie eight years back: 1900 was no leap year.
  for (int tries = 0; tries <= 8; ++tries, --year) {
    if (ValidDay(year, month, day)) return Date::Day(year, month, day);
  }
  return Date();
}

Date ResolveMonth(int month, Shift shift, const Date& p) {
  if (!HasMonth(p)) return Date();
  int year = p.year;
  switch (shift) {
    case Shift::kNone:
      year -= month > p.month ? 1 : 0;
      break;
    case Shift::kPrior:
      year -= month >= p.month ? 1 : 0;
      break;
    case Shift::kNext:
      year += month <= p.month ? 1 : 0;
      break;
  }
  return Date::Month(year, month);
}

Date ResolveWeekday(int weekday, Shift shift, const Date& p) {
  if (!HasDay(p)) return Date();
  const chr::sys_days today = Days(p);
  const int p_weekday = IsoWeekday(today);
  if (shift == Shift::kNext) {
    const int ahead = (weekday - p_weekday + 7) % 7;
    return DayOf(today + chr::days(ahead == 0 ? 7 : ahead));
  }
  int back = (p_weekday - weekday + 7) % 7;
  if (shift == Shift::kPrior && back == 0) back = 7;
  return DayOf(today - chr::days(back));
}

Date ResolveRelative(Unit unit, int offset, const Date& p) {
  switch (unit) {
    case Unit::kDay:
      return HasDay(p) ? DayOf(Days(p) + chr::days(offset)) : Date();
    case Unit::kWeek: {
      if (!HasDay(p)) return Date();
      // A week belongs to the month that holds most of its days: the month of its Thursday.
      const chr::sys_days today = Days(p);
      const Date thursday =
          DayOf(today - chr::days(IsoWeekday(today) - 1) + chr::days(3 + 7 * offset));
      return Date::Month(thursday.year, thursday.month);
    }
    case Unit::kMonth: {
      if (!HasMonth(p)) return Date();
      const int months = p.year * 12 + p.month - 1 + offset;
      return Date::Month(months / 12, months % 12 + 1);
    }
    case Unit::kYear:
      return p.known() ? Date::Year(p.year + offset) : Date();
  }
  return Date();
}

// ---- Characters ----

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The code points that separate words though they are not ASCII; see CharAt in dates_internal.h.
bool IsPunctuation(char32_t cp) {
  return cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x20CF) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF;
}

// "$2000" and "€2000" are sums. Currency signs: '$', U+00A2..U+00A5 (cent, pound, currency
// sign, yen) and the block U+20A0..U+20CF (euro, rouble, hryvnia...).
bool AfterCurrencySign(std::string_view s, std::size_t begin) {
  auto byte = [&](std::size_t back) { return static_cast<unsigned char>(s[begin - back]); };
  if (begin >= 1 && byte(1) == '$') return true;
  if (begin >= 2 && byte(2) == 0xC2 && byte(1) >= 0xA2 && byte(1) <= 0xA5) return true;
  return begin >= 3 && byte(3) == 0xE2 &&
         ((byte(2) == 0x82 && byte(1) >= 0xA0) || (byte(2) == 0x83 && byte(1) <= 0x8F));
}

bool IsNumberSeparator(char c) { return c == '-' || c == '/' || c == '.' || c == ',' || c == ':'; }

// ---- Matching ----

struct Token {
  enum class Type : std::uint8_t { kWord, kNumber, kPunct };
  std::size_t begin = 0;
  std::size_t end = 0;
  // Words: the phrases that begin with this word, or null.
  const std::vector<Phrase>* phrases = nullptr;
  // Numbers: up to three groups of digits joined by one separator ("2024-03-12", "2,000", "10:30").
  std::array<int, 3> value{};
  std::array<std::uint8_t, 3> digits{};  // at most 255
  std::uint8_t groups = 0;
  Type type = Type::kPunct;
  char sep = 0;
  bool plain = true;     // false when glued to letters or a currency sign, or oddly separated
  bool ordinal = false;  // a day with its ordinal suffix: "12th"
};

// One pass over one text: tokens first, then the date patterns over them.
class Matcher {
 public:
  Matcher(const DateTables& tables, std::string_view text, Date published)
      : tables_(tables), text_(text), lower_(text), p_(published) {
    for (char& c : lower_) c = LowerAscii(c);
    Tokenize();
  }

  std::vector<DateMention> Run() const {
    std::vector<DateMention> out;
    for (std::size_t i = 0; i < tokens_.size();) {
      DateMention mention;
      std::size_t next = i + 1;
      if (MatchExplicit(i, &mention, &next) || MatchMonth(i, &mention, &next) ||
          MatchNamed(i, &mention, &next)) {
        out.push_back(mention);
        i = next;
        continue;
      }
      AddYears(i, &out);
      ++i;
    }
    return out;
  }

 private:
  void Tokenize() {
    for (std::size_t i = 0; i < text_.size();) {
      if (IsDigit(text_[i])) {
        i = ScanNumber(i);
        continue;
      }
      Char c = CharAt(text_, i);
      if (!c.letter) {
        const char byte = text_[i];
        if (byte != ' ' && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
            byte != '\v') {
          tokens_.push_back({.begin = i, .end = i + c.size, .type = Token::Type::kPunct});
        }
        i += c.size;
        continue;
      }
      Token word{.begin = i, .type = Token::Type::kWord};
      while (i < text_.size() && (c = CharAt(text_, i)).letter) i += c.size;
      word.end = i;
      auto it = tables_.phrases.find(Word(word));
      if (it != tables_.phrases.end()) word.phrases = &it->second;
      tokens_.push_back(word);
    }
  }

  std::size_t ScanNumber(std::size_t i) {
    Token t{.begin = i, .type = Token::Type::kNumber};
    while (true) {
      const std::size_t start = i;
      int value = 0;
      for (; i < text_.size() && IsDigit(text_[i]); ++i) {
        if (i - start < 9) value = value * 10 + (text_[i] - '0');
      }
      if (t.groups < 3) {
        t.value[t.groups] = value;
        t.digits[t.groups] = static_cast<std::uint8_t>(std::min<std::size_t>(i - start, 255));
      }
      t.groups = static_cast<std::uint8_t>(std::min(t.groups + 1, 4));
      if (i + 1 >= text_.size() || !IsNumberSeparator(text_[i]) || !IsDigit(text_[i + 1])) break;
      if (t.sep != 0 && t.sep != text_[i]) t.plain = false;
      t.sep = text_[i++];
    }
    if (t.groups > 3) t.plain = false;
    // Letters glued on: an ordinal suffix joins a day ("12th"); others ("2000s", "10km") mean
    // that the number is no date.
    if (i < text_.size() && CharAt(text_, i).letter) {
      const std::size_t start = i;
      while (i < text_.size()) {
        const Char c = CharAt(text_, i);
        if (!c.letter) break;
        i += c.size;
      }
      const std::string_view suffix(lower_.data() + start, i - start);
      if (t.groups == 1 && t.digits[0] <= 2 && tables_.ordinals.contains(suffix)) {
        t.ordinal = true;
      } else {
        t.plain = false;
      }
    }
    const bool after_word = !tokens_.empty() && tokens_.back().type == Token::Type::kWord &&
                            tokens_.back().end == t.begin;  // "F16"
    if (after_word || AfterCurrencySign(text_, t.begin)) t.plain = false;
    t.end = i;
    tokens_.push_back(t);
    return i;
  }

  std::string_view Word(const Token& t) const {
    return std::string_view(lower_).substr(t.begin, t.end - t.begin);
  }

  bool IsWord(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].type == Token::Type::kWord;
  }

  bool IsPunct(std::size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].type == Token::Type::kPunct &&
           text_[tokens_[i].begin] == c;
  }

  bool InSet(const DateTables::WordSet& set, std::size_t i) const {
    return IsWord(i) && set.contains(Word(tokens_[i]));
  }

  // "2000 troops": the number `i` counts something rather than naming a year or a day.
  bool NumberAfter(std::size_t i) const { return InSet(tables_.number_after, i + 1); }

  // The period of an abbreviation ("Feb. 10") may sit between a month and its day or year.
  std::size_t SkipDot(std::size_t i) const {
    return IsPunct(i, '.') && tokens_[i].begin == tokens_[i - 1].end ? i + 1 : i;
  }

  DateMention Mention(std::size_t first, std::size_t last, Date date, DateKind kind) const {
    return {tokens_[first].begin, tokens_[last].end, date, kind};
  }

  // The phrase that starts at token `i`, with `*next` the token after it.
  const Phrase* PhraseAt(std::size_t i, std::size_t* next) const {
    if (!IsWord(i) || tokens_[i].phrases == nullptr) return nullptr;
    for (const Phrase& phrase : *tokens_[i].phrases) {
      std::size_t k = 1;
      while (k < phrase.words.size() && IsWord(i + k) && Word(tokens_[i + k]) == phrase.words[k]) {
        ++k;
      }
      if (k < phrase.words.size()) continue;
      if (phrase.cased != 0 && text_[tokens_[i].begin] != phrase.cased) continue;
      *next = i + k;
      return &phrase;
    }
    return nullptr;
  }

  bool MonthAt(std::size_t i, int* month, std::size_t* next) const {
    const Phrase* phrase = PhraseAt(i, next);
    if (phrase == nullptr || phrase->meaning != Meaning::kMonth) return false;
    *month = phrase->value;
    return true;
  }

  int DayAt(std::size_t i) const {
    if (i >= tokens_.size()) return 0;
    const Token& t = tokens_[i];
    const bool day = t.type == Token::Type::kNumber && t.plain && t.groups == 1 &&
                     t.digits[0] <= 2 && t.value[0] >= 1 && t.value[0] <= 31 && !NumberAfter(i);
    return day ? t.value[0] : 0;
  }

  int YearAt(std::size_t i) const {
    if (i >= tokens_.size()) return 0;
    const Token& t = tokens_[i];
    const bool year = t.type == Token::Type::kNumber && t.plain && !t.ordinal && t.groups == 1 &&
                      t.digits[0] == 4 && t.value[0] >= 1 && !NumberAfter(i);
    return year ? t.value[0] : 0;
  }

  // "2024-03-12", "12 March 2024", "March 12, 2024", "Feb. 10", "10th February".
  bool MatchExplicit(std::size_t i, DateMention* mention, std::size_t* next) const {
    const Token& t = tokens_[i];
    if (t.type == Token::Type::kNumber && t.plain && t.groups == 3 &&
        (t.sep == '-' || t.sep == '/') && t.digits == std::array<std::uint8_t, 3>{4, 2, 2}) {
      if (!ValidDay(t.value[0], t.value[1], t.value[2])) return false;
      *mention = Mention(i, i, Date::Day(t.value[0], t.value[1], t.value[2]), DateKind::kExplicit);
      *next = i + 1;
      return true;
    }
    int day = DayAt(i), month = 0;
    std::size_t last = 0;   // the last token of the day and the month
    std::size_t after = 0;  // where a year may start
    if (day != 0 && MonthAt(i + 1, &month, &after)) {
      last = after - 1;
      after = SkipDot(after);
    } else if (MonthAt(i, &month, &after) && (day = DayAt(SkipDot(after))) != 0) {
      last = SkipDot(after);
      after = last + 1;
    } else {
      return false;
    }
    // 2000 was a leap year: a day that fails in it ("30 February") is in no year at all.
    if (!ValidDay(2000, month, day)) return false;
    const std::size_t year_at = IsPunct(after, ',') ? after + 1 : after;
    if (const int year = YearAt(year_at)) {
      if (!ValidDay(year, month, day)) return false;
      *mention = Mention(i, year_at, Date::Day(year, month, day), DateKind::kExplicit);
      *next = year_at + 1;
      return true;
    }
    *mention = Mention(i, last, ResolveDayMonth(month, day, p_), DateKind::kExplicit);
    *next = last + 1;
    return true;
  }

  // "December 2024", "in December".
  bool MatchMonth(std::size_t i, DateMention* mention, std::size_t* next) const {
    int month = 0;
    std::size_t after = 0;
    if (!MonthAt(i, &month, &after)) return false;
    const std::size_t year_at = SkipDot(after);
    if (const int year = YearAt(year_at)) {
      *mention = Mention(i, year_at, Date::Month(year, month), DateKind::kMonth);
      *next = year_at + 1;
      return true;
    }
    *mention = Mention(i, after - 1, ResolveMonth(month, Shift::kNone, p_), DateKind::kMonth);
    *next = after;
    return true;
  }

  // Weekdays, relative phrases, and weekdays or months after "last" or "next".
  bool MatchNamed(std::size_t i, DateMention* mention, std::size_t* next) const {
    std::size_t after = 0;
    const Phrase* phrase = PhraseAt(i, &after);
    if (phrase == nullptr) return false;
    switch (phrase->meaning) {
      case Meaning::kRelative:
        *mention = Mention(i, after - 1, ResolveRelative(phrase->unit, phrase->value, p_),
                           DateKind::kRelative);
        *next = after;
        return true;
      case Meaning::kWeekday: {
        // "Monday, 10 February": the weekday only confirms the date that follows.
        const std::size_t date_at = IsPunct(after, ',') ? after + 1 : after;
        if (date_at < tokens_.size() && MatchExplicit(date_at, mention, next)) {
          mention->begin = tokens_[i].begin;
          return true;
        }
        *mention = Mention(i, after - 1, ResolveWeekday(phrase->value, Shift::kNone, p_),
                           DateKind::kWeekday);
        *next = after;
        return true;
      }
      case Meaning::kPrior:
      case Meaning::kNext: {
        std::size_t end = 0;
        const Phrase* named = PhraseAt(after, &end);
        if (named == nullptr) return false;
        const Shift shift = phrase->meaning == Meaning::kPrior ? Shift::kPrior : Shift::kNext;
        if (named->meaning == Meaning::kWeekday) {
          *mention =
              Mention(i, end - 1, ResolveWeekday(named->value, shift, p_), DateKind::kWeekday);
        } else if (named->meaning == Meaning::kMonth) {
          *mention = Mention(i, end - 1, ResolveMonth(named->value, shift, p_), DateKind::kMonth);
        } else {
          return false;
        }
        *next = end;
        return true;
      }
      case Meaning::kMonth:
        break;  // MatchMonth's
    }
    return false;
  }

  // "in 2021", "the 2021 withdrawal", "2020-2021", but not "2,000", "about 2000" or "2000 troops".
  void AddYears(std::size_t i, std::vector<DateMention>* out) const {
    const Token& t = tokens_[i];
    if (t.type != Token::Type::kNumber || !t.plain || t.ordinal) return;
    if (t.groups > 2 || (t.groups == 2 && t.sep != '-')) return;
    const bool number = (i > 0 && InSet(tables_.number_before, i - 1)) || NumberAfter(i);
    if (number && !(i > 0 && InSet(tables_.year_before, i - 1))) return;
    const int last_year = p_.known() ? p_.year + 1 : kLastYearWithoutPublication;
    for (std::size_t g = 0, begin = t.begin; g < t.groups; begin += t.digits[g] + 1, ++g) {
      if (t.digits[g] == 4 && t.value[g] >= kFirstYear && t.value[g] <= last_year) {
        out->push_back({begin, begin + 4, Date::Year(t.value[g]), DateKind::kYear});
      }
    }
  }

  const DateTables& tables_;
  std::string_view text_;
  std::string lower_;  // text_ with ASCII letters in lower case, at the same offsets
  Date p_;
  std::vector<Token> tokens_;
};

}  // namespace

namespace dates_internal {

Char CharAt(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return {1, IsAsciiLetter(s[i])};
  const std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (size == 1 || i + size > s.size()) return {1, false};
  char32_t cp = lead & (0x3Fu >> (size - 1));
  for (std::size_t k = 1; k < size; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return {1, false};
    cp = (cp << 6) | (next & 0x3F);
  }
  return {size, !IsPunctuation(cp)};
}

}  // namespace dates_internal

std::vector<DateMention> DateResolver::Find(std::string_view text, graph::Date published) const {
  return Matcher(*tables_, text, published).Run();
}

graph::Date DateResolver::ResolveClause(std::string_view clause, graph::Date published) const {
  graph::Date best;
  for (const DateMention& mention : Find(clause, published)) {
    if (mention.date.precision > best.precision) best = mention.date;
  }
  return best;
}

}  // namespace geokg::ingest
