// geokg analyze: centrality, PageRank, components, paths with their evidence, contradictions and
// stance over time, on the graph or a selected part of it.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/analytics.h"
#include "graph/export.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/selection.h"
#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

// What every analysis gets: the store, the selected view, and the command line.
struct Context {
  graph::Store* store;
  const graph::GraphView* view;
  const Args* args;
  std::vector<graph::ActorId> actors;  // the analysis' own actor arguments, resolved
  std::size_t top = 0;                 // rows to show; 0 for all
  std::int64_t days = 0;               // contradictions: --days
};

// Sentences may span lines in the article; a table cell may not.
std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "accuses", or "accuses (implied)" when only the wording of the sentence implies the edge,
// "attacks (inferred)" when the context supplies its source.
std::string Relation(const graph::CitedEdge& cited) {
  std::string_view basis = graph::EdgeBasis(cited.edge);
  return basis.empty() ? cited.relation : fmt::format("{} ({})", cited.relation, basis);
}

std::string Cite(const graph::CitedEdge& cited) {
  return fmt::format("\"{}\" [{} #{}]", OneLine(cited.sentence), cited.edge.article_id,
                     cited.edge.evidence.sentence);
}

std::string DateText(const graph::Date& date) { return date.known() ? date.ToString() : "undated"; }

const std::string& Name(const Context& ctx, std::size_t vertex) {
  return ctx.view->vertices()[vertex].name;
}

std::size_t Shown(const Context& ctx, std::size_t rows) {
  return ctx.top == 0 ? rows : std::min(ctx.top, rows);
}

int RunCentrality(const Context& ctx) {
  auto rows = graph::Centrality(*ctx.view);
  if (!rows.ok()) return Fail(rows.status());
  std::stable_sort(rows->begin(), rows->end(), [](const auto& a, const auto& b) {
    return a.betweenness != b.betweenness ? a.betweenness > b.betweenness : a.degree > b.degree;
  });
  Table table({"actor", "kind", "in", "out", "degree", "betweenness", "normalised"});
  for (std::size_t i = 0; i < Shown(ctx, rows->size()); ++i) {
    const graph::ActorCentrality& row = (*rows)[i];
    table.Add({Name(ctx, row.vertex),
               std::string(graph::ActorKindName(ctx.view->vertices()[row.vertex].kind)),
               std::to_string(row.in_degree), std::to_string(row.out_degree),
               std::to_string(row.degree), fmt::format("{:.2f}", row.betweenness),
               fmt::format("{:.3f}", row.betweenness_normalized)});
  }
  table.Print(stdout);
  return kExitOk;
}

int RunPageRank(const Context& ctx) {
  auto ranks = graph::PageRank(*ctx.view);
  if (!ranks.ok()) return Fail(ranks.status());
  std::vector<std::size_t> order(ranks->size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return (*ranks)[a] > (*ranks)[b]; });
  Table table({"rank", "actor", "kind", "pagerank"});
  for (std::size_t i = 0; i < Shown(ctx, order.size()); ++i) {
    std::size_t v = order[i];
    table.Add({std::to_string(i + 1), Name(ctx, v),
               std::string(graph::ActorKindName(ctx.view->vertices()[v].kind)),
               fmt::format("{:.4f}", (*ranks)[v])});
  }
  table.Print(stdout);
  return kExitOk;
}

int RunComponents(const Context& ctx) {
  auto components = graph::WeakComponents(*ctx.view);
  if (!components.ok()) return Fail(components.status());
  Table table({"component", "actors", "members"});
  for (std::size_t c = 0; c < Shown(ctx, components->members.size()); ++c) {
    std::vector<std::string> names;
    for (std::size_t v : components->members[c]) names.push_back(Name(ctx, v));
    table.Add({std::to_string(c + 1), std::to_string(names.size()),
               fmt::format("{}", fmt::join(names, ", "))});
  }
  table.Print(stdout);
  return kExitOk;
}

int RunPath(const Context& ctx) {
  graph::PathOptions options;
  options.directed = ctx.args->Has("--directed");
  if (ctx.top != 0) options.evidence_per_edge = ctx.top;
  auto path = graph::ShortestPath(*ctx.store, *ctx.view, ctx.actors[0], ctx.actors[1], options);
  if (!path.ok()) return Fail(path.status());
  const auto& words = ctx.args->positional();
  if (!path->found) {
    fmt::print("no {}path from {} to {} in the selected graph\n",
               options.directed ? "directed " : "", words[1], words[2]);
    return kExitOk;
  }
  std::vector<std::string> names;
  if (!path->hops.empty()) names.push_back(Name(ctx, path->hops.front().from));
  for (const graph::PathHop& hop : path->hops) names.push_back(Name(ctx, hop.to));
  fmt::print("{} hop{}: {}\n\n", path->hops.size(), path->hops.size() == 1 ? "" : "s",
             fmt::join(names, " - "));
  if (path->hops.empty()) return kExitOk;
  Table table({"hop", "source", "relation", "target", "date", "evidence"});
  for (std::size_t i = 0; i < path->hops.size(); ++i) {
    const graph::PathHop& hop = path->hops[i];
    for (const graph::CitedEdge& cited : hop.evidence) {
      bool forward = ctx.view->vertices()[hop.from].actor == cited.edge.source;
      table.Add({std::to_string(i + 1), Name(ctx, forward ? hop.from : hop.to), Relation(cited),
                 Name(ctx, forward ? hop.to : hop.from), DateText(cited.edge.date), Cite(cited)});
    }
  }
  table.Print(stdout);
  return kExitOk;
}

int RunContradictions(const Context& ctx) {
  graph::ContradictionOptions options;
  options.days = ctx.days;
  auto found = graph::Contradictions(*ctx.store, *ctx.view, options);
  if (!found.ok()) return Fail(found.status());
  if (found->empty()) {
    fmt::print("no rejection within {} days of an accusation\n", options.days);
    return kExitOk;
  }
  Table table(
      {"accuser", "accused", "accused on", "rejected on", "days", "accusation", "rejection"});
  for (std::size_t i = 0; i < Shown(ctx, found->size()); ++i) {
    const graph::Contradiction& c = (*found)[i];
    table.Add({Name(ctx, c.accuser), Name(ctx, c.accused), DateText(c.accusation.edge.date),
               DateText(c.rejection.edge.date), std::to_string(c.days_apart),
               Relation(c.accusation) + ": " + Cite(c.accusation),
               Relation(c.rejection) + ": " + Cite(c.rejection)});
  }
  table.Print(stdout);
  return kExitOk;
}

int RunStance(const Context& ctx) {
  auto counts = graph::StanceOverTime(*ctx.store, *ctx.view, ctx.actors[0], ctx.actors[1]);
  if (!counts.ok()) return Fail(counts.status());
  const auto& words = ctx.args->positional();
  if (counts->empty()) {
    fmt::print("no edges between {} and {} in the selected graph\n", words[1], words[2]);
    return kExitOk;
  }
  // One row per period: what each side did to the other, "accuses 2, urges 1".
  std::vector<std::pair<graph::Date, std::array<std::vector<std::string>, 2>>> periods;
  for (const graph::StanceCount& count : *counts) {
    if (periods.empty() || !(periods.back().first == count.period))
      periods.push_back({count.period, {}});
    periods.back().second[count.forward ? 0 : 1].push_back(
        fmt::format("{} {}", count.relation_name, count.count));
  }
  Table table({"period", fmt::format("{} -> {}", words[1], words[2]),
               fmt::format("{} -> {}", words[2], words[1])});
  for (const auto& [period, sides] : periods)
    table.Add({DateText(period), fmt::format("{}", fmt::join(sides[0], ", ")),
               fmt::format("{}", fmt::join(sides[1], ", "))});
  table.Print(stdout);
  return kExitOk;
}

struct Analysis {
  std::size_t actors;  // positional actor arguments it takes
  int (*run)(const Context&);
};

const std::map<std::string, Analysis>& Analyses() {
  static const std::map<std::string, Analysis> analyses = {
      {"centrality", {0, RunCentrality}},         {"pagerank", {0, RunPageRank}},
      {"components", {0, RunComponents}},         {"path", {2, RunPath}},
      {"contradictions", {0, RunContradictions}}, {"stance", {2, RunStance}}};
  return analyses;
}

int RunAnalyze(const Args& args) {
  const std::vector<std::string>& words = args.positional();
  auto analysis = Analyses().find(words[0]);
  if (analysis == Analyses().end())
    return UsageError("analyze", fmt::format("unknown analysis '{}' (centrality, pagerank, "
                                             "components, path, contradictions or stance)",
                                             words[0]));
  if (words.size() - 1 != analysis->second.actors)
    return UsageError("analyze",
                      analysis->second.actors == 0
                          ? fmt::format("'{}' takes no actors", words[0])
                          : fmt::format("'{}' takes two actors: {} A B", words[0], words[0]));
  if (args.Has("--days") && words[0] != "contradictions")
    return UsageError("analyze", "--days applies to contradictions only");
  if (args.Has("--directed") && words[0] != "path")
    return UsageError("analyze", "--directed applies to path only");
  Context ctx{nullptr, nullptr, &args, {}, 0, graph::ContradictionOptions().days};
  if (auto days = args.Get("--days")) {
    auto parsed = ParseCount(*days, 0);
    if (!parsed)
      return UsageError("analyze", fmt::format("--days '{}' is not a whole number", *days));
    ctx.days = static_cast<std::int64_t>(*parsed);
  }
  if (auto top = args.Get("--top")) {
    auto parsed = ParseCount(*top, 1);
    if (!parsed)
      return UsageError("analyze", fmt::format("--top '{}' is not a whole number from 1", *top));
    ctx.top = *parsed;
  }
  auto selection = ParseSelection(args);
  if (!selection.ok()) return UsageError("analyze", selection.status().message());

  auto store = OpenStore(args, true);
  if (!store) return kExitError;
  auto options = ResolveSelection(*selection, *store);
  if (!options.ok()) return Fail(options.status());
  for (std::size_t i = 1; i < words.size(); ++i) {
    auto id = ResolveActor(*store, words[i]);
    if (!id.ok()) return Fail(id.status());
    ctx.actors.push_back(*id);
  }
  auto view = graph::SelectGraph(*store, *options);
  if (!view.ok()) return Fail(view.status());
  ctx.store = store.get();
  ctx.view = &*view;
  return analysis->second.run(ctx);
}

}  // namespace

Command AnalyzeCommand() {
  std::vector<OptionSpec> options = {
      DbOption(),
      {"--days", "", "N", "contradictions: the most days between accusation and rejection (30)"},
      {"--directed", "", "", "path: follow edges only from source to target"},
      {"--top", "", "N",
       "show only the first N rows (for path: N sentences per relation of a hop, default 3)"}};
  for (OptionSpec& option : SelectionOptions()) options.push_back(std::move(option));
  return {{"analyze",
           "[--db DIR] centrality|pagerank|components|path A B|contradictions [--days N]|"
           "stance A B [selection options]",
           "Who sits in the middle, how actors connect, contradictions, and stance over time.",
           options, 1, 3,
           "Analyses:\n"
           "  centrality      in/out degree and betweenness (over the undirected graph)\n"
           "  pagerank        PageRank, rank flowing from source to target, weighted by count\n"
           "  components      weakly connected components, largest first\n"
           "  path A B        a shortest path from A to B with the evidence of every hop\n"
           "  contradictions  A accuses or blames B, and B rejects or denies it within --days\n"
           "  stance A B      what A and B did to each other, per month and relation\n\n"
           "The selection options choose the part of the graph analysed, as for export."},
          RunAnalyze};
}

}  // namespace geokg::cli
