#include "graph/day_span.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <chrono>

namespace geokg::graph {

namespace {

std::int64_t DayNumber(std::chrono::sys_days day) { return day.time_since_epoch().count(); }

}  // namespace

DaySpan DaysCovered(const Date& date) {
  using std::chrono::last;
  using std::chrono::month;
  using std::chrono::year;
  assert(date.known());
  const year y(date.year);
  switch (date.precision) {
    case DatePrecision::kDay: {
      std::int64_t day = DayNumber(y / month(date.month) / std::chrono::day(date.day));
      return {day, day};
    }
    case DatePrecision::kMonth:
      return {DayNumber(y / month(date.month) / 1), DayNumber(y / month(date.month) / last)};
    case DatePrecision::kYear:
    case DatePrecision::kUnknown:
      break;
  }
  return {DayNumber(y / 1 / 1), DayNumber(y / 12 / 31)};
}

std::int64_t DaysApart(const DaySpan& a, const DaySpan& b) {
  return std::max<std::int64_t>({0, b.first - a.last, a.first - b.last});
}

std::string IsoDay(std::int64_t day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace geokg::graph
