// The calendar days a Date covers, as day numbers, for measuring time between dates of any
// precision. Internal to graph/.
#ifndef GEOKG_GRAPH_DAY_SPAN_H_
#define GEOKG_GRAPH_DAY_SPAN_H_

#include <cstdint>
#include <string>

#include "graph/model.h"

namespace geokg::graph {

// Days since 1970-01-01 of the first and last day a date covers: a day itself, a month its days, a
// year its days. Coarse dates are periods, not their first day, so that "2025-02" is as near to
// 2025-02-27 as to 2025-02-01.
struct DaySpan {
  std::int64_t first = 0;
  std::int64_t last = 0;
};

// Precondition: date.known().
DaySpan DaysCovered(const Date& date);

// Days between two periods: 0 when they overlap.
std::int64_t DaysApart(const DaySpan& a, const DaySpan& b);

// "2025-02-28" for a day number.
std::string IsoDay(std::int64_t day);

}  // namespace geokg::graph

#endif  // GEOKG_GRAPH_DAY_SPAN_H_
