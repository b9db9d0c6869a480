// Event dates: finds the date expressions of a sentence and resolves them against the article's
// publication date, so that an edge is dated when its event happened rather than when the story
// ran.
//
// Every word the resolver knows (month and weekday names, "yesterday", "last week", the words that
// tell a year from a count) comes from data/dates.tsv, described in data/README.md; the C++ knows
// only the calendar.
//
// Resolution against the publication date P:
// - "12 March 2024", "March 12, 2024", "2024-03-12", "2024/03/12", "Monday, 10 February 2025":
//   that day.
// - "March 12", "12th March": the last such day not after P.
// - "Monday", "on Monday": the last Monday on or before P, which is P itself when P is a Monday.
//   "last Monday" is strictly before P, "next Monday" strictly after.
// - "December 2024": that month. "December", "in December": the last December not after P (P's
//   own month counts); "last December" is strictly before P's month, "next December" after.
// - "2021", "the 2021 withdrawal", "2020-2021": that year, for four-digit numbers in
//   1900..P.year+1 (1900..2099 without P) that stand alone and are not counts or labels ("2,000
//   troops", "about 2000", "2000 troops", "Resolution 1973", "$2025", "the 1990s").
// - "yesterday", "today", "the day before yesterday": P plus the offset in days.
// - "last week", "this week": the ISO week (Monday to Sunday) before P's, or P's own, given as the
//   month that holds most of its days (the month of its Thursday). A week has no precision of its
//   own, and any one day inside it would claim more than the text says.
// - "last month", "last year": the month or year before P's, at that precision.
// Numeric dates that are read differently around the world ("12/03/2024", "12.03.2024") are
// skipped whole. A rule that needs more of P than P has (a weekday when P is unknown or known only
// to the month) leaves its mention unresolved: the mention is still reported, with an unknown date.
#ifndef GEOKG_INGEST_DATES_H_
#define GEOKG_INGEST_DATES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

enum class DateKind : std::uint8_t {
  kExplicit,  // a day with its month: "12 March 2024", "March 12", "2024-03-12"
  kWeekday,   // "on Monday"
  kRelative,  // "yesterday", "last week", "last year"
  kMonth,     // "in December", "December 2024"
  kYear,      // "in 2021"
};

struct DateMention {
  std::size_t begin = 0;  // byte offsets of the expression in the text given to Find: [begin, end)
  std::size_t end = 0;
  graph::Date date;  // unknown when the expression needs a publication date that is missing
  DateKind kind = DateKind::kExplicit;
};

struct DateTables;  // the words of the dates file, arranged for lookup (dates_internal.h)

// Immutable after loading; Find and ResolveClause may be called from many threads at once.
class DateResolver {
 public:
  // Reads `data_dir`/dates.tsv. IOError when the file cannot be read; InvalidArgument naming the
  // file, the line and the cause when a line is malformed.
  static Result<DateResolver> Load(const std::string& data_dir);

  // Builds a resolver from the contents of a dates file; `file_name` only labels errors.
  static Result<DateResolver> Parse(std::string_view contents, const std::string& file_name);

  // Every date expression of `text` in order, none overlapping, resolved against `published` (which
  // may be unknown or coarser than a day).
  std::vector<DateMention> Find(std::string_view text, graph::Date published) const;

  // The date an event told in `clause` takes: the most precise resolved date in it (the first one
  // among equals), or an unknown Date when there is none.
  graph::Date ResolveClause(std::string_view clause, graph::Date published) const;

 private:
  explicit DateResolver(std::shared_ptr<const DateTables> tables) : tables_(std::move(tables)) {}

  std::shared_ptr<const DateTables> tables_;  // shared by copies: it never changes after loading
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_DATES_H_
