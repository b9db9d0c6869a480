// Publication dates as article sources write them. Crawlers mostly give ISO 8601, but text headers and feeds
// also say "11 February 2025", "Feb 11, 2025" or "Tue, 11 Feb 2025 10:30:00 GMT".
#ifndef GEOKG_INGEST_ARTICLE_DATE_H_
#define GEOKG_INGEST_ARTICLE_DATE_H_

#include <optional>
#include <string_view>

#include "graph/model.h"

namespace geokg::ingest {

// Accepts what graph::Date::Parse accepts, and English written dates: "11 February 2025",
// "February 11, 2025", "Feb. 11 2025", "11th Feb 2025", "February 2025" (month precision), each
// optionally after a weekday ("Tuesday, ") and before a time of day, which is dropped. Ambiguous numeric
// forms such as "02/11/2025" are refused. nullopt when the text is not such a date or names an impossible
// day.
std::optional<graph::Date> ParseArticleDate(std::string_view text);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_ARTICLE_DATE_H_
