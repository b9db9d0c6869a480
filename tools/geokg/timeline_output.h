// The formats `geokg timeline` writes: an annotated list for the terminal, JSON, TimelineJS's JSON, and one
// self-contained HTML page.
#ifndef GEOKG_TOOLS_GEOKG_TIMELINE_OUTPUT_H_
#define GEOKG_TOOLS_GEOKG_TIMELINE_OUTPUT_H_

#include <cstdio>
#include <string>
#include <vector>

#include "query/engine.h"

namespace geokg::cli {

void PrintTimelineTable(std::FILE* out, const std::vector<query::TimelineEvent>& events);
// One JSON object with an "events" array: date, precision, source, relation, target, evidence and article.
void PrintTimelineJson(std::FILE* out, const std::vector<query::TimelineEvent>& events);
// TimelineJS 3's JSON (https://timeline.knightlab.com/docs/json-format.html); undated events are left out,
// since TimelineJS needs a start date.
void PrintTimelineJs(std::FILE* out, const std::string& title, const std::vector<query::TimelineEvent>& events);
// A page that needs no network: styles inline, no scripts.
void PrintTimelineHtml(std::FILE* out, const std::string& title, const std::vector<query::TimelineEvent>& events);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_TIMELINE_OUTPUT_H_
