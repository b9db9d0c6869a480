// End-to-end tests of `geokg timeline`'s formats.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/cli_run.h"

using geokg::testing::RunGeokg;
using geokg::testing::SampleArticles;
using geokg::testing::TempDir;

namespace {

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Whether python3 accepts `path` as JSON; true when python3 is missing, so only real errors fail.
bool ValidJson(const std::string& path) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) return true;
  return std::system(("python3 -m json.tool '" + path + "' >/dev/null").c_str()) == 0;
}

}  // namespace

TEST_CASE("timeline writes JSON, TimelineJS and HTML with the same events", "[cli]") {
  TempDir dir;
  REQUIRE(RunGeokg(dir, "ingest --db db '" + SampleArticles() + "'").status == 0);
  auto table = RunGeokg(dir, "timeline --db db Iran");
  REQUIRE(table.status == 0);
  int events = Count(table.out, "\n\n");
  REQUIRE(events > 0);

  auto json = RunGeokg(dir, "timeline --db db Iran --format json");
  REQUIRE(json.status == 0);
  std::ofstream(dir / "t.json") << json.out;
  CHECK(ValidJson(dir / "t.json"));
  CHECK(Count(json.out, "\"relation\":") == events);
  std::regex date(R"re("date": "(\d{4}(-\d{2}){0,2})")re");
  std::vector<std::string> dates;
  for (std::sregex_iterator it(json.out.begin(), json.out.end(), date), end; it != end; ++it)
    dates.push_back((*it)[1]);
  CHECK(std::is_sorted(dates.begin(), dates.end()));

  auto tjs = RunGeokg(dir, "timeline --db db Iran --format timelinejs");
  REQUIRE(tjs.status == 0);
  std::ofstream(dir / "tjs.json") << tjs.out;
  CHECK(ValidJson(dir / "tjs.json"));
  CHECK(Count(tjs.out, "\"start_date\"") == static_cast<int>(dates.size()));

  auto html = RunGeokg(dir, "timeline --db db Iran --format html");
  REQUIRE(html.status == 0);
  CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(Count(html.out, "<li>") == events);
  CHECK(html.out.find("http") == std::string::npos);  // self-contained: nothing to fetch
  CHECK(html.out.find("<script") == std::string::npos);

  auto bad = RunGeokg(dir, "timeline --db db --format pdf");
  CHECK(bad.status == 2);
}
