#include <fmt/format.h>

#include "graph/model.h"
#include "query/engine.h"
#include "tools/geokg/commands.h"

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

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  query::Engine engine(store.get());
  auto events = engine.Timeline(q);
  if (!events.ok()) return Fail(events.status());
  for (const auto& e : *events) {
    std::string when = e.edge.date.known() ? e.edge.date.ToString() : "undated";
    if (e.edge.date_is_publication) when += " (published)";
    fmt::print("{:<23} {} {} {}{}\n", when, e.source, e.relation, e.target, e.edge.implied ? " (implied)" : "");
    std::string who = e.edge.evidence.speaker.empty() ? "" : e.edge.evidence.speaker + ": ";
    fmt::print("{:<23} {}\"{}\"\n{:<23} [{} #{}] {}\n\n", "", who, e.evidence, "", e.edge.article_id,
               e.edge.evidence.sentence, e.title);
  }
  if (events->empty()) fmt::print("no events\n");
  return kExitOk;
}

}  // namespace

Command TimelineCommand() {
  return {{"timeline",
           "[--db DIR] [ACTOR] [--with ACTOR] [--type T] [--from DATE] [--to DATE]",
           "The events of an actor (or of all actors) in date order, with their evidence.",
           {DbOption(),
            {"--with", "", "ACTOR", "only events between ACTOR and the first actor"},
            {"--type", "", "RELATION", "only events of this relation type"},
            {"--from", "", "DATE", "only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
            {"--to", "", "DATE", "only events on or before DATE"}},
           0,
           1,
           ""},
          RunTimeline};
}

}  // namespace geokg::cli
