// The Boost.Graph view and the DOT exporter's text.
#include <unistd.h>

#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "graph/export.h"
#include "graph/graph_view.h"
#include "graph/store.h"

namespace geokg::graph {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("geokg-export-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
             "-" + std::to_string(std::random_device()()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string db() const { return (path_ / "db").string(); }

 private:
  fs::path path_;
};

const std::vector<Actor> kActors = {
    {0, "US", ActorKind::kState, "USA", {"United States"}},
    {0, "Russia", ActorKind::kState, "RUS", {}},
    {0, "UN", ActorKind::kOrganization, "", {"United Nations"}},
    {0, "IS-K", ActorKind::kGroup, "", {}},
    {0, "The \"Wagner\" \\ Group", ActorKind::kOther, "", {}},
};
const std::vector<RelationType> kRelations = {{112, "accuses", "112", "ACCUSE"},
                                              {40, "meets", "040", "CONSULT"},
                                              {122, "condemns", "122", "DISAPPROVE"}};

struct Spec {
  std::string source, relation, target;
  Date date;
};

// Three articles whose edges repeat some (source, relation, target) triples.
const std::vector<std::vector<Spec>> kArticles = {
    {{"Russia", "accuses", "US", Date::Day(2025, 1, 5)},
     {"US", "meets", "UN", Date::Month(2025, 2)},
     {"Russia", "accuses", "US", Date::Day(2025, 1, 9)}},
    {{"Russia", "accuses", "US", Date::Day(2024, 12, 1)},
     {"US", "accuses", "Russia", Date()},
     {"UN", "condemns", "IS-K", Date::Year(2025)}},
    {{"US", "meets", "UN", Date::Day(2025, 3, 2)},
     {"The \"Wagner\" \\ Group", "condemns", "UN", Date::Day(2025, 3, 3)}},
};

using Triple = std::tuple<std::string, std::string, std::string>;

std::unique_ptr<Store> FilledStore(const std::string& dir) {
  auto store = Store::Open(dir);
  REQUIRE(store.ok());
  for (std::size_t a = 0; a < kArticles.size(); ++a) {
    ArticleBatch batch;
    batch.article.id = "article-" + std::to_string(a);
    batch.article.text = "Text of article " + std::to_string(a);
    batch.actors = kActors;
    batch.relations = kRelations;
    for (const Spec& spec : kArticles[a]) {
      EdgeDraft draft;
      draft.source = spec.source;
      draft.relation = spec.relation;
      draft.target = spec.target;
      draft.date = spec.date;
      batch.edges.push_back(draft);
    }
    auto outcome = (*store)->AddArticle(batch);
    INFO(outcome.status().ToString());
    REQUIRE(outcome.ok());
  }
  return std::move(*store);
}

// How many inserted edges each triple has, optionally only those from `source`.
std::map<Triple, std::size_t> ExpectedCounts(const std::string& source = "") {
  std::map<Triple, std::size_t> counts;
  for (const auto& article : kArticles)
    for (const Spec& spec : article)
      if (source.empty() || spec.source == source)
        ++counts[{spec.source, spec.relation, spec.target}];
  return counts;
}

// Undoes the DOT escaping of a quoted string's contents.
std::string Unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

struct ParsedDot {
  std::map<std::string, std::string> node_name;   // DOT node id -> label
  std::map<std::string, std::string> node_shape;  // DOT node id -> shape
  std::map<Triple, std::string> edge_label;       // (source name, relation, target name) -> label
  std::map<Triple, std::string> edge_weight;
  std::map<std::string, std::string> relation_color;
  std::size_t edge_lines = 0;  // edges between actors, not the legend's
  std::string title;
};

ParsedDot Parse(const std::string& dot) {
  static const std::regex node(
      R"re(^(\d+)\[label="((?:[^"\\]|\\.)*)", shape=(\w+), tooltip="(?:[^"\\]|\\.)*"\];$)re");
  static const std::regex edge(
      R"re(^(\d+)->(\d+) \[label="((?:[^"\\]|\\.)*)", color="(#[0-9a-f]{6})", )re"
      R"re(fontcolor="#[0-9a-f]{6}", penwidth=[0-9.]+, weight=(\d+), class="(\w+)", )re"
      R"re(tooltip="(?:[^"\\]|\\.)*"\];$)re");
  static const std::regex title(
      R"re(^graph \[label="((?:[^"\\]|\\.)*)", labelloc=t, fontsize=16\];$)re");
  static const std::regex edge_line(R"re(^\d+->\d+ .*)re");
  ParsedDot parsed;
  std::vector<std::array<std::string, 6>> edges;
  std::istringstream in(dot);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, node)) {
      parsed.node_name[m[1]] = Unescape(m[2]);
      parsed.node_shape[m[1]] = m[3];
    } else if (std::regex_match(line, m, edge)) {
      edges.push_back({m[1], m[2], Unescape(m[3]), m[4], m[5], m[6]});
    } else if (std::regex_match(line, m, title)) {
      parsed.title = Unescape(m[1]);
    }
    if (std::regex_match(line, edge_line)) ++parsed.edge_lines;
  }
  for (const auto& [from, to, label, color, weight, relation] : edges) {
    Triple key{parsed.node_name[from], relation, parsed.node_name[to]};
    CHECK(parsed.edge_label.count(key) == 0);
    parsed.edge_label[key] = label;
    parsed.edge_weight[key] = weight;
    // One colour per relation.
    auto [it, fresh] = parsed.relation_color.emplace(relation, color);
    CHECK(it->second == color);
  }
  return parsed;
}

// The label the DOT should give a triple: "accuses ×3, 2024-12-01..2025-01-09", the count left out
// when 1 and the dates when none is known.
std::string ExpectedLabel(const Triple& key, std::size_t count) {
  Date first, last;
  for (const auto& article : kArticles)
    for (const Spec& spec : article) {
      if (Triple{spec.source, spec.relation, spec.target} != key || !spec.date.known()) continue;
      if (!first.known() || spec.date.Packed() < first.Packed()) first = spec.date;
      if (!last.known() || spec.date.Packed() > last.Packed()) last = spec.date;
    }
  std::string label = std::get<1>(key);
  if (count != 1) label += " \u00d7" + std::to_string(count);
  if (first.known())
    label += ", " + (first == last ? first.ToString() : first.ToString() + ".." + last.ToString());
  return label;
}

TEST_CASE("the graph view aggregates edges per source, relation and target", "[graph][export]") {
  TempDir tmp;
  auto store = FilledStore(tmp.db());
  auto view = LoadGraph(*store, EdgeFilter());
  REQUIRE(view.ok());

  std::map<Triple, std::size_t> expected = ExpectedCounts();
  REQUIRE(view->edges().size() == expected.size());
  std::size_t actors_with_edges = 0;
  for (const Actor& actor : kActors) {
    auto stored = store->FindActor(actor.name);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    auto vertex = view->FindVertex((*stored)->id);
    REQUIRE(vertex.has_value());
    CHECK(view->vertices()[*vertex].name == actor.name);
    CHECK(view->vertices()[*vertex].kind == actor.kind);
    ++actors_with_edges;
  }
  CHECK(view->vertices().size() == actors_with_edges);

  for (const ViewEdge& edge : view->edges()) {
    Triple key{view->vertices()[edge.source].name, edge.relation_name,
               view->vertices()[edge.target].name};
    INFO(std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    CHECK(edge.count == expected[key]);
    Date first, last;
    for (const auto& article : kArticles)
      for (const Spec& spec : article) {
        if (Triple{spec.source, spec.relation, spec.target} != key || !spec.date.known()) continue;
        if (!first.known() || spec.date.Packed() < first.Packed()) first = spec.date;
        if (!last.known() || spec.date.Packed() > last.Packed()) last = spec.date;
      }
    CHECK(edge.first == first);
    CHECK(edge.last == last);
  }

  // Adjacency agrees with the edge list.
  for (std::size_t v = 0; v < view->vertices().size(); ++v) {
    for (std::size_t e : view->OutEdges(v)) CHECK(view->edges()[e].source == v);
    for (std::size_t e : view->InEdges(v)) CHECK(view->edges()[e].target == v);
  }
  std::size_t out_total = 0;
  for (std::size_t v = 0; v < view->vertices().size(); ++v) out_total += view->OutEdges(v).size();
  CHECK(out_total == view->edges().size());
  CHECK_FALSE(view->FindVertex(9999).has_value());
}

TEST_CASE("DOT export has one labelled edge per actor pair and relation", "[graph][export]") {
  TempDir tmp;
  auto store = FilledStore(tmp.db());
  std::ostringstream out;
  Status s = ExportDot(*store, ExportOptions(), out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  const std::string dot = out.str();
  INFO(dot);
  CHECK(dot.rfind("digraph G {", 0) == 0);
  ParsedDot parsed = Parse(dot);

  std::map<Triple, std::size_t> expected = ExpectedCounts();
  CHECK(parsed.edge_lines == expected.size());
  REQUIRE(parsed.edge_label.size() == expected.size());
  for (const auto& [key, count] : expected) {
    INFO(std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    CHECK(parsed.edge_label[key] == ExpectedLabel(key, count));
    CHECK(parsed.edge_weight[key] == std::to_string(count));
  }
  CHECK(parsed.relation_color.size() == kRelations.size());
  std::set<std::string> colors;
  for (const auto& [relation, color] : parsed.relation_color) colors.insert(color);
  CHECK(colors.size() ==
        kRelations.size());  // the sample's relation ids fall on distinct palette entries

  std::map<std::string, std::string> shape_by_name;
  for (const auto& [id, name] : parsed.node_name) shape_by_name[name] = parsed.node_shape[id];
  REQUIRE(shape_by_name.size() == kActors.size());
  for (const Actor& actor : kActors) {
    INFO(actor.name);
    REQUIRE(shape_by_name.count(actor.name));
    const std::map<ActorKind, std::string> kShapes = {{ActorKind::kState, "box"},
                                                      {ActorKind::kOrganization, "hexagon"},
                                                      {ActorKind::kGroup, "diamond"},
                                                      {ActorKind::kOther, "ellipse"}};
    CHECK(shape_by_name[actor.name] == kShapes.at(actor.kind));
  }
  // The quote and backslash in a name are escaped, not passed through.
  CHECK(dot.find(R"(label="The \"Wagner\" \\ Group")") != std::string::npos);

  std::size_t stored_edges = 0;
  for (const auto& [key, count] : expected) stored_edges += count;
  CHECK_THAT(parsed.title, Catch::Contains(std::to_string(kActors.size()) + " actors"));
  CHECK_THAT(parsed.title, Catch::Contains(std::to_string(stored_edges) + " edges"));
}

TEST_CASE("DOT export follows the filter", "[graph][export]") {
  TempDir tmp;
  auto store = FilledStore(tmp.db());
  auto russia = store->FindActor("Russia");
  REQUIRE(russia.ok());
  REQUIRE(russia->has_value());
  ExportOptions options;
  options.filter.source = (*russia)->id;
  std::ostringstream out;
  REQUIRE(ExportDot(*store, options, out).ok());
  ParsedDot parsed = Parse(out.str());

  std::map<Triple, std::size_t> expected = ExpectedCounts("Russia");
  REQUIRE(parsed.edge_label.size() == expected.size());
  for (const auto& [key, count] : expected)
    CHECK(parsed.edge_label[key] == ExpectedLabel(key, count));
  CHECK_THAT(parsed.title, Catch::Contains("source Russia"));
  for (const auto& [id, name] : parsed.node_name) CHECK((name == "Russia" || name == "US"));

  // An empty selection is still a valid graph.
  ExportOptions nothing;
  nothing.filter.from = Date::Year(2030);
  std::ostringstream empty;
  REQUIRE(ExportDot(*store, nothing, empty).ok());
  ParsedDot none = Parse(empty.str());
  CHECK(none.edge_lines == 0);
  CHECK(none.node_name.empty());
  CHECK(empty.str().find('}') != std::string::npos);
}

}  // namespace
}  // namespace geokg::graph
