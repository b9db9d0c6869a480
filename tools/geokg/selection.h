// The options that select part of the graph, shared by `geokg export` and `geokg analyze`: an ego
// network (--actor, --depth), dates (--from, --to), a relation type (--type) and --min-count.
#ifndef GEOKG_TOOLS_GEOKG_SELECTION_H_
#define GEOKG_TOOLS_GEOKG_SELECTION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/export.h"
#include "graph/status.h"
#include "graph/store.h"
#include "tools/geokg/args.h"

namespace geokg::cli {

// The selection as the user wrote it, before names are looked up in the store.
struct SelectionArgs {
  std::optional<std::string> actor;
  std::size_t depth = 1;
  std::optional<graph::Date> from;
  std::optional<graph::Date> to;
  std::optional<std::string> relation;
  std::size_t min_count = 1;
};

std::vector<OptionSpec> SelectionOptions();

// Reads the selection options. Fails with InvalidArgument, a usage error, on a malformed date or
// number, or on --depth without --actor.
Result<SelectionArgs> ParseSelection(const Args& args);

// Looks the actor and relation type up. Fails with NotFound ("unknown actor 'X'", "unknown relation
// type 'T'") or the store's error.
Result<graph::ExportOptions> ResolveSelection(const SelectionArgs& selection, graph::Store& store);

// An actor by name, alias or code; NotFound "unknown actor 'X'" when there is none.
Result<graph::ActorId> ResolveActor(graph::Store& store, const std::string& name);

// A whole number from `min` up, or nullopt.
std::optional<std::size_t> ParseCount(const std::string& text, std::size_t min);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_SELECTION_H_
