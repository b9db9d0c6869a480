#include <fmt/format.h>

#include "graph/model.h"
#include "query/engine.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/timeline_output.h"

namespace geokg::cli {

namespace {

std::optional<graph::Date> DateOption(const Args& args, const std::string& name, std::string* error) {
  auto text = args.Get(name);
  if (!text) return std::nullopt;
  auto date = graph::Date::Parse(*text);
  if (!date) *error = fmt::format("{} '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name, *text);
  return date;
}

int RunTimeline(const Args& args) {
  query::TimelineQuery q;
  if (!args.positional().empty()) q.actor = args.positional()[0];
  q.with = args.Get("--with");
  q.relation = args.Get("--type");
  std::string error;
  q.from = DateOption(args, "--from", &error);
  q.to = DateOption(args, "--to", &error);
  if (!error.empty()) return UsageError("timeline", error);
  std::string format = args.Get("--format").value_or("table");
  if (format != "table" && format != "json" && format != "timelinejs" && format != "html")
    return UsageError("timeline", fmt::format("unknown format '{}' (table, json, timelinejs or html)", format));

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto events = engine.Timeline(q);
  if (!events.ok()) return Fail(events.status());
  std::string title = q.actor ? "Timeline of " + *q.actor : "Timeline";
  if (q.with) title += " and " + *q.with;
  if (format == "json") {
    PrintTimelineJson(stdout, *events);
  } else if (format == "timelinejs") {
    PrintTimelineJs(stdout, title, *events);
  } else if (format == "html") {
    PrintTimelineHtml(stdout, title, *events);
  } else {
    PrintTimelineTable(stdout, *events);
  }
  return kExitOk;
}

}  // namespace

Command TimelineCommand() {
  return {{"timeline",
           "[--db DIR] [ACTOR] [--with ACTOR] [--type T] [--from DATE] [--to DATE] [--format F]",
           "The events of an actor (or of all actors) in date order, with their evidence.",
           {DbOption(),
            {"--with", "", "ACTOR", "only events between ACTOR and the first actor"},
            {"--type", "", "RELATION", "only events of this relation type"},
            {"--from", "", "DATE", "only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
            {"--to", "", "DATE", "only events on or before DATE"},
            {"--format", "", "FORMAT", "table (default), json, timelinejs (TimelineJS 3) or html (one page)"}},
           0,
           1,
           ""},
          RunTimeline};
}

}  // namespace geokg::cli
