// Tests of ingest::DateResolver: the cases of tests/data/dates.tsv against data/dates.tsv, then
// offsets, kinds and the errors of a malformed dates file.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/dates.h"

namespace {

using geokg::graph::Date;
using geokg::ingest::DateKind;
using geokg::ingest::DateMention;
using geokg::ingest::DateResolver;

const DateResolver& Resolver() {
  static const auto* resolver = [] {
    auto loaded = DateResolver::Load(GEOKG_DATA_DIR);
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return new DateResolver(std::move(*loaded));
  }();
  return *resolver;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

// The text of each mention, to compare offsets without counting bytes by hand.
std::vector<std::string> Texts(std::string_view text, const std::vector<DateMention>& mentions) {
  std::vector<std::string> out;
  for (const DateMention& m : mentions) out.emplace_back(text.substr(m.begin, m.end - m.begin));
  return out;
}

// A dates file with one made-up name for each month ("mb".."mm") and weekday ("wb".."wh").
std::string MinimalFile() {
  std::string file;
  for (int m = 1; m <= 12; ++m) {
    file +=
        "month\tm" + std::string(1, static_cast<char>('a' + m)) + "\t" + std::to_string(m) + "\n";
  }
  for (int d = 1; d <= 7; ++d) {
    file +=
        "weekday\tw" + std::string(1, static_cast<char>('a' + d)) + "\t" + std::to_string(d) + "\n";
  }
  return file;
}

}  // namespace

TEST_CASE("every case of tests/data/dates.tsv resolves as expected", "[dates]") {
  const std::string path = std::string(GEOKG_SOURCE_DIR) + "/tests/data/dates.tsv";
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    INFO(path << ":" << line_no << ": " << line);
    const std::vector<std::string> f = SplitTabs(line);
    REQUIRE(f.size() == 4);
    Date published;
    if (!f[1].empty()) {
      auto parsed = Date::Parse(f[1]);
      REQUIRE(parsed);
      published = *parsed;
    }
    const Date got = Resolver().ResolveClause(f[0], published);
    CHECK(got.ToString() == f[2]);
    CHECK(geokg::graph::DatePrecisionName(got.precision) == f[3]);
    ++cases;
  }
  // An unreadable or truncated file must not pass by checking nothing.
  CHECK(cases >= 60);
}

TEST_CASE("mentions carry byte offsets and kinds", "[dates]") {
  const Date published = Date::Day(2025, 2, 11);
  const std::string text =
      "On Monday, 10 February 2025, Russia said that in December and in 2021, and yesterday, "
      "it had warned Ukraine last Monday.";
  const auto mentions = Resolver().Find(text, published);
  REQUIRE(Texts(text, mentions) == std::vector<std::string>{"Monday, 10 February 2025", "December",
                                                            "2021", "yesterday", "last Monday"});
  CHECK(mentions[0].kind == DateKind::kExplicit);
  CHECK(mentions[0].date == Date::Day(2025, 2, 10));
  CHECK(mentions[1].kind == DateKind::kMonth);
  CHECK(mentions[1].date == Date::Month(2024, 12));
  CHECK(mentions[2].kind == DateKind::kYear);
  CHECK(mentions[2].date == Date::Year(2021));
  CHECK(mentions[3].kind == DateKind::kRelative);
  CHECK(mentions[3].date == Date::Day(2025, 2, 10));
  CHECK(mentions[4].kind == DateKind::kWeekday);
  CHECK(mentions[4].date == Date::Day(2025, 2, 10));
}

TEST_CASE("offsets count bytes across multi-byte characters", "[dates]") {
  const std::string text = "Le 3 février — “Feb. 10” — et l’année 2024-03-12.";
  const auto mentions = Resolver().Find(text, Date::Day(2025, 2, 12));
  REQUIRE(Texts(text, mentions) == std::vector<std::string>{"Feb. 10", "2024-03-12"});
  CHECK(mentions[0].begin == text.find("Feb."));
  CHECK(mentions[1].end == text.size() - 1);
}

TEST_CASE("a sentence period after a month abbreviation stays out; a year range gives both years",
          "[dates]") {
  const std::string text = "In Dec. the 2020-2021 talks ended.";
  const auto mentions = Resolver().Find(text, Date::Day(2025, 2, 11));
  REQUIRE(Texts(text, mentions) == std::vector<std::string>{"Dec", "2020", "2021"});
  CHECK(mentions[0].date == Date::Month(2024, 12));
  CHECK(mentions[2].date == Date::Year(2021));
}

TEST_CASE("unresolved mentions are reported with an unknown date", "[dates]") {
  const std::string text = "On Monday and in December.";
  const auto mentions = Resolver().Find(text, Date());
  REQUIRE(Texts(text, mentions) == std::vector<std::string>{"Monday", "December"});
  CHECK_FALSE(mentions[0].date.known());
  CHECK_FALSE(mentions[1].date.known());
  CHECK_FALSE(Resolver().ResolveClause(text, Date()).known());
}

TEST_CASE("a missing dates file is an IO error naming it", "[dates]") {
  auto loaded = DateResolver::Load("/nonexistent/geokg-data");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().code() == geokg::Status::Code::kIOError);
  CHECK(loaded.status().message().find("/nonexistent/geokg-data/dates.tsv") != std::string::npos);
}

TEST_CASE("another language needs only another dates file", "[dates]") {
  auto french = DateResolver::Parse(MinimalFile() +
                                        "month\tdécembre\t12\nrelative\thier\t-1 day\n"
                                        "relative\tla semaine dernière\t-1 week\n",
                                    "fr.tsv");
  REQUIRE(french.ok());
  const std::string text = "Le 3 décembre, hier et la semaine   dernière.";
  const auto mentions = french->Find(text, Date::Day(2025, 2, 11));
  REQUIRE(Texts(text, mentions) ==
          std::vector<std::string>{"3 décembre", "hier", "la semaine   dernière"});
  CHECK(mentions[0].date == Date::Day(2024, 12, 3));
  CHECK(mentions[1].date == Date::Day(2025, 2, 10));
  CHECK(mentions[2].date == Date::Month(2025, 2));
}

TEST_CASE("a malformed dates file names the line and the cause", "[dates]") {
  const std::string valid = MinimalFile();  // lines 1..19
  REQUIRE(DateResolver::Parse(valid, "t.tsv").ok());

  auto error = [&](const std::string& extra) {
    auto parsed = DateResolver::Parse(valid + extra, "t.tsv");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().IsInvalidArgument());
    return parsed.status().message();
  };
  CHECK(error("season\tspring\t1\n") ==
        "t.tsv:20: unknown kind 'season' (expected month, weekday, relative, prior, next, ordinal, "
        "number-before, number-after or year-before)");
  CHECK(error("month\tsmarch\t13\n") == "t.tsv:20: month number '13' is not 1..12");
  CHECK(error("relative\tyesterday\t-1 days\n").starts_with("t.tsv:20: relative value '-1 days'"));
  CHECK(error("month\tmb\t2\n") == "t.tsv:20: 'mb' is already defined on line 1");
  CHECK(error("month\tmay\t5\tloud\n") == "t.tsv:20: unknown flag 'loud' (expected 'cased')");
  CHECK(error("ordinal\tth\nordinal\tth\n") == "t.tsv:21: 'th' is listed twice as ordinal");
  CHECK(error("month\t3rd\t3\n") == "t.tsv:20: '3rd' has a character that is not a letter");
  CHECK(error("month\n") == "t.tsv:20: expected a kind and a phrase separated by a tab");
  auto incomplete = DateResolver::Parse(valid.substr(0, valid.find("weekday")), "t.tsv");
  REQUIRE_FALSE(incomplete.ok());
  CHECK(incomplete.status().message() == "t.tsv: no name for weekday 1");
}
