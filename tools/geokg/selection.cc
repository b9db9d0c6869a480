#include "tools/geokg/selection.h"

#include <fmt/format.h>

#include <charconv>

namespace geokg::cli {

namespace {

Result<std::optional<graph::Date>> DateOption(const Args& args, const std::string& name) {
  auto text = args.Get(name);
  if (!text) return std::optional<graph::Date>();
  auto date = graph::Date::Parse(*text);
  if (!date)
    return Status::InvalidArgument(
        fmt::format("{} '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", name, *text));
  return date;
}

Result<std::size_t> CountOption(const Args& args, const std::string& name, std::size_t fallback,
                                std::size_t min) {
  auto text = args.Get(name);
  if (!text) return fallback;
  auto count = ParseCount(*text, min);
  if (!count)
    return Status::InvalidArgument(
        fmt::format("{} '{}' is not a whole number from {}", name, *text, min));
  return *count;
}

}  // namespace

std::vector<OptionSpec> SelectionOptions() {
  return {{"--actor", "", "ACTOR", "only ACTOR's ego network: the actors within --depth hops"},
          {"--depth", "", "N", "hops from --actor, following edges either way (default 1)"},
          {"--from", "", "DATE", "only edges dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"},
          {"--to", "", "DATE", "only edges dated on or before DATE"},
          {"--type", "", "RELATION", "only edges of this relation type (accuses, urges, ...)"},
          {"--min-count", "", "N", "only relationships standing for at least N edges (default 1)"}};
}

std::optional<std::size_t> ParseCount(const std::string& text, std::size_t min) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min)
    return std::nullopt;
  return value;
}

Result<SelectionArgs> ParseSelection(const Args& args) {
  SelectionArgs selection;
  selection.actor = args.Get("--actor");
  selection.relation = args.Get("--type");
  if (args.Has("--depth") && !selection.actor)
    return Status::InvalidArgument("--depth needs --actor: it counts hops from that actor");
  auto depth = CountOption(args, "--depth", 1, 0);
  if (!depth.ok()) return depth.status();
  selection.depth = *depth;
  auto min_count = CountOption(args, "--min-count", 1, 1);
  if (!min_count.ok()) return min_count.status();
  selection.min_count = *min_count;
  auto from = DateOption(args, "--from");
  if (!from.ok()) return from.status();
  selection.from = *from;
  auto to = DateOption(args, "--to");
  if (!to.ok()) return to.status();
  selection.to = *to;
  return selection;
}

Result<graph::ActorId> ResolveActor(graph::Store& store, const std::string& name) {
  auto actor = store.FindActor(name);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value()) return Status::NotFound(fmt::format("unknown actor '{}'", name));
  return (*actor)->id;
}

Result<graph::ExportOptions> ResolveSelection(const SelectionArgs& selection, graph::Store& store) {
  graph::ExportOptions options;
  options.filter.from = selection.from;
  options.filter.to = selection.to;
  options.depth = selection.depth;
  options.min_count = selection.min_count;
  if (selection.actor) {
    auto id = ResolveActor(store, *selection.actor);
    if (!id.ok()) return id.status();
    options.actor = *id;
  }
  if (selection.relation) {
    auto relations = store.Relations();
    if (!relations.ok()) return relations.status();
    std::vector<std::string> names;
    for (const graph::RelationType& relation : *relations) {
      if (relation.name == *selection.relation) options.filter.relation = relation.id;
      names.push_back(relation.name);
    }
    if (!options.filter.relation)
      return Status::NotFound(fmt::format("unknown relation type '{}' (the database has: {})",
                                          *selection.relation, fmt::join(names, ", ")));
  }
  return options;
}

}  // namespace geokg::cli
