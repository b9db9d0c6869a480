// The exporters' formats read back by their readers (Boost's read_graphviz and read_graphml,
// Boost.PropertyTree's XML and JSON parsers, an RFC 4180 parser), and the selection they export.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "graph/export.h"
#include "tests/graph_fixture.h"

namespace geokg::graph {
namespace {

using fixture::ArticleSpec;
using fixture::IdOf;

const std::string kFish = "Fish & \"Chips\" <Ltd>";
const std::string kIvory = "C\u00f4te d'Ivoire";
const std::string kBreak = "Line\nBreak, Inc";
const std::string kBad = "Bad\xff";  // not UTF-8: every format writes U+FFFD
const std::string kBadWritten = "Bad\uFFFD";
const std::string kZakharova = "Maria \"Masha\" Zakharova, spokeswoman";
const std::string kTwoLines = "Line one\nLine two";

const std::vector<Actor> kActors = {
    {0, "US", ActorKind::kState, "USA", {"United States", "U.S.; America"}},
    {0, "Russia", ActorKind::kState, "RUS", {}},
    {0, "UN", ActorKind::kOrganization, "", {"United Nations"}},
    {0, "IS-K", ActorKind::kGroup, "", {}},
    {0, kFish, ActorKind::kOther, "", {}},
    {0, kIvory, ActorKind::kState, "CIV", {}},
    {0, kBreak, ActorKind::kGroup, "", {}},
    {0, kBad, ActorKind::kOther, "", {}},
};

const std::vector<ArticleSpec> kArticles = {
    {"a1",
     {{"Russia accused the US on 5 January.",
       {{"Russia", "accuses", "US", Date::Day(2025, 1, 5), false, kZakharova, 0.9f}}},
      {"It repeated the charge on 9 January.",
       {{"Russia", "accuses", "US", Date::Day(2025, 1, 9)}}},
      {"The US urged the UN in February.", {{"US", "urges", "UN", Date::Month(2025, 2)}}}}},
    {"a2",
     {{"Russia had accused the US in December.",
       {{"Russia", "accuses", "US", Date::Day(2024, 12, 1)}}},
      {"The US accused Russia.", {{"US", "accuses", "Russia", Date(), true}}},
      {"The UN condemned IS-K this year.", {{"UN", "condemns", "IS-K", Date::Year(2025)}}}}},
    {"a3",
     {{"The US urged the UN again.", {{"US", "urges", "UN", Date::Day(2025, 3, 2)}}},
      {"Fish & Chips condemned the UN.",
       {{kFish, "condemns", "UN", Date::Day(2025, 3, 3), false, kTwoLines}}},
      {"C\u00f4te d'Ivoire urged Line Break.", {{kIvory, "urges", kBreak, Date::Day(2025, 3, 4)}}},
      {"Bad condemned IS-K.", {{kBad, "condemns", "IS-K", Date::Day(2025, 3, 5)}}}}},
};

using Triple = std::tuple<std::string, std::string, std::string>;

// The aggregated view of kArticles, worked out by hand: count, first and last date, and the GEXF
// interval (the first day the first date covers to the last day the last date covers).
struct Aggregate {
  std::size_t count;
  std::string first, last, start, end;
};
const std::map<Triple, Aggregate> kExpected = {
    {{"Russia", "accuses", "US"}, {3, "2024-12-01", "2025-01-09", "2024-12-01", "2025-01-09"}},
    {{"US", "urges", "UN"}, {2, "2025-02", "2025-03-02", "2025-02-01", "2025-03-02"}},
    {{"US", "accuses", "Russia"}, {1, "", "", "", ""}},
    {{"UN", "condemns", "IS-K"}, {1, "2025", "2025", "2025-01-01", "2025-12-31"}},
    {{kFish, "condemns", "UN"}, {1, "2025-03-03", "2025-03-03", "2025-03-03", "2025-03-03"}},
    {{kIvory, "urges", kBreak}, {1, "2025-03-04", "2025-03-04", "2025-03-04", "2025-03-04"}},
    {{kBadWritten, "condemns", "IS-K"},
     {1, "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05"}},
};
const std::map<std::string, std::string> kKinds = {
    {"US", "state"},  {"Russia", "state"}, {"UN", "organization"}, {"IS-K", "group"},
    {kFish, "other"}, {kIvory, "state"},   {kBreak, "group"},      {kBadWritten, "other"}};
constexpr std::size_t kStoredEdges = 10;

// What Graphviz makes of a DOT string's escapes: \n (and \l, \r) end a line, a backslash takes the
// next character literally.
std::string GraphvizText(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char next = s[++i];
    out += next == 'n' || next == 'l' || next == 'r' ? '\n' : next;
  }
  return out;
}

struct DotVertex {
  std::string node_id, label, shape, color;
};
struct DotEdge {
  std::string label, relation, color;
  int weight = 0;
};
using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;

struct ReadBack {
  std::map<std::string, std::string> kind_of;  // actor name -> kind
  std::map<Triple, std::size_t> count;
  std::map<Triple, std::string> label;
  std::set<std::string> legend_relations, legend_kinds;
  std::map<std::string, std::string> edge_color, legend_color;  // by relation
};

ReadBack ReadDot(const std::string& dot) {
  DotGraph graph;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("node_id", boost::get(&DotVertex::node_id, graph));
  dp.property("label", boost::get(&DotVertex::label, graph));
  dp.property("shape", boost::get(&DotVertex::shape, graph));
  dp.property("label", boost::get(&DotEdge::label, graph));
  dp.property("class", boost::get(&DotEdge::relation, graph));
  dp.property("weight", boost::get(&DotEdge::weight, graph));
  dp.property("color", boost::get(&DotVertex::color, graph));
  dp.property("color", boost::get(&DotEdge::color, graph));
  bool parsed = false;
  try {
    parsed = boost::read_graphviz(dot, graph, dp, "node_id");
  } catch (const std::exception& e) {
    FAIL("read_graphviz: " << e.what());
  }
  REQUIRE(parsed);
  const std::map<std::string, std::string> kind_of_shape = {
      {"box", "state"}, {"hexagon", "organization"}, {"diamond", "group"}, {"ellipse", "other"}};
  ReadBack back;
  auto is_legend = [&](std::size_t v) { return graph[v].node_id.rfind("legend_", 0) == 0; };
  for (std::size_t v = 0; v < boost::num_vertices(graph); ++v) {
    const DotVertex& vertex = graph[v];
    std::string label = GraphvizText(vertex.label);
    if (vertex.node_id.rfind("legend_relation_", 0) == 0) {
      back.legend_relations.insert(label);
      back.legend_color[label] = vertex.color;
    }
    if (vertex.node_id.rfind("legend_kind_", 0) == 0) back.legend_kinds.insert(label);
    if (is_legend(v)) continue;
    REQUIRE(kind_of_shape.count(vertex.shape));
    back.kind_of[label] = kind_of_shape.at(vertex.shape);
  }
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    std::size_t s = boost::source(*it, graph), t = boost::target(*it, graph);
    if (is_legend(s) || is_legend(t)) continue;
    Triple key{GraphvizText(graph[s].label), graph[*it].relation, GraphvizText(graph[t].label)};
    CHECK(back.count.count(key) == 0);
    back.count[key] = static_cast<std::size_t>(graph[*it].weight);
    back.label[key] = GraphvizText(graph[*it].label);
    auto [color, fresh] = back.edge_color.emplace(graph[*it].relation, graph[*it].color);
    CHECK(color->second == graph[*it].color);  // one colour per relation
  }
  return back;
}

TEST_CASE("DOT reads back as the aggregated view, with a legend", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  std::ostringstream out;
  Status s = ExportDot(*store, ExportOptions(), out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  INFO(out.str());
  ReadBack back = ReadDot(out.str());

  CHECK(back.kind_of == kKinds);
  std::map<Triple, std::size_t> expected_counts;
  for (const auto& [key, agg] : kExpected) expected_counts[key] = agg.count;
  CHECK(back.count == expected_counts);
  CHECK(back.label[{"Russia", "accuses", "US"}] == "accuses \u00d73, 2024-12-01..2025-01-09");
  CHECK(back.label[{"US", "urges", "UN"}] == "urges \u00d72, 2025-02..2025-03-02");
  CHECK(back.label[{"US", "accuses", "Russia"}] == "accuses");
  CHECK(back.label[{"UN", "condemns", "IS-K"}] == "condemns, 2025");
  CHECK(back.legend_relations == std::set<std::string>{"accuses", "urges", "condemns"});
  CHECK(back.legend_kinds == std::set<std::string>{"state", "organization", "group", "other"});
  CHECK(back.legend_color == back.edge_color);
}

TEST_CASE("DOT gives relations whose ids collide modulo the palette distinct colours",
          "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(
      tmp / "db", kActors,
      {{"p",
        {{"The US accused and praised Russia.",
          {{"US", "accuses", "Russia", Date()}, {"US", "praises", "Russia", Date()}}}}}});
  std::ostringstream out;
  REQUIRE(ExportDot(*store, ExportOptions(), out).ok());
  ReadBack back = ReadDot(out.str());
  REQUIRE(back.edge_color.size() == 2);
  CHECK(back.edge_color["accuses"] != back.edge_color["praises"]);
  CHECK(back.legend_color == back.edge_color);
}

struct MlVertex {
  std::string name, kind, code;
};
struct MlEdge {
  std::string relation, first, last;
  int count = 0;
  double confidence = 0;
};
using MlGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, MlVertex, MlEdge>;

TEST_CASE("GraphML reads back as the aggregated view, typed", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  std::ostringstream out;
  REQUIRE(ExportGraphml(*store, ExportOptions(), out).ok());
  INFO(out.str());
  CHECK_THAT(out.str(), Catch::Contains("attr.name=\"count\" attr.type=\"int\""));
  CHECK_THAT(out.str(), Catch::Contains("attr.name=\"confidence\" attr.type=\"double\""));
  // XML readers tolerate a bare '&' before a space, so the escaping is checked in the text too.
  CHECK_THAT(out.str(), Catch::Contains(">Fish &amp; &quot;Chips&quot; &lt;Ltd&gt;</data>"));
  CHECK_THAT(out.str(), Catch::Contains(">Line&#10;Break, Inc</data>"));

  MlGraph graph;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", boost::get(&MlVertex::name, graph));
  dp.property("kind", boost::get(&MlVertex::kind, graph));
  dp.property("code", boost::get(&MlVertex::code, graph));
  dp.property("relation", boost::get(&MlEdge::relation, graph));
  dp.property("count", boost::get(&MlEdge::count, graph));
  dp.property("first", boost::get(&MlEdge::first, graph));
  dp.property("last", boost::get(&MlEdge::last, graph));
  dp.property("confidence", boost::get(&MlEdge::confidence, graph));
  std::istringstream in(out.str());
  try {
    boost::read_graphml(in, graph, dp);
  } catch (const std::exception& e) {
    FAIL("read_graphml: " << e.what());
  }

  std::map<std::string, std::string> kinds, codes;
  for (std::size_t v = 0; v < boost::num_vertices(graph); ++v) {
    kinds[graph[v].name] = graph[v].kind;
    codes[graph[v].name] = graph[v].code;
  }
  CHECK(boost::num_vertices(graph) == kKinds.size());
  CHECK(kinds == kKinds);
  CHECK(codes["US"] == "USA");
  CHECK(codes[kIvory] == "CIV");
  CHECK(codes["UN"].empty());

  std::map<Triple, Aggregate> seen;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const MlEdge& edge = graph[*it];
    Triple key{graph[boost::source(*it, graph)].name, edge.relation,
               graph[boost::target(*it, graph)].name};
    CHECK(seen.count(key) == 0);
    seen[key] = {static_cast<std::size_t>(edge.count), edge.first, edge.last, "", ""};
    // The best confidence among the triple's edges: 0.9 for Russia's first accusation.
    CHECK(edge.confidence == Approx(std::get<0>(key) == "Russia" ? 0.9 : 0.5));
  }
  REQUIRE(seen.size() == kExpected.size());
  for (const auto& [key, agg] : kExpected) {
    INFO(std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    CHECK(seen[key].count == agg.count);
    CHECK(seen[key].first == agg.first);
    CHECK(seen[key].last == agg.last);
  }
}

boost::property_tree::ptree ParseXml(const std::string& text) {
  boost::property_tree::ptree tree;
  std::istringstream in(text);
  try {
    boost::property_tree::read_xml(in, tree);
  } catch (const std::exception& e) {
    FAIL("not well-formed XML: " << e.what());
  }
  return tree;
}

TEST_CASE("GEXF is well-formed 1.3 with edge time intervals", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  std::ostringstream out;
  REQUIRE(ExportGexf(*store, ExportOptions(), out).ok());
  INFO(out.str());
  boost::property_tree::ptree tree = ParseXml(out.str());
  const auto& gexf = tree.get_child("gexf");
  CHECK(gexf.get<std::string>("<xmlattr>.version") == "1.3");
  CHECK(gexf.get<std::string>("<xmlattr>.xmlns") == "http://gexf.net/1.3");
  const auto& graph = gexf.get_child("graph");
  CHECK(graph.get<std::string>("<xmlattr>.mode") == "dynamic");
  CHECK(graph.get<std::string>("<xmlattr>.timeformat") == "date");
  CHECK_THAT(out.str(), Catch::Contains("label=\"Fish &amp; &quot;Chips&quot; &lt;Ltd&gt;\""));

  std::map<std::string, std::string> name_of;  // node id -> label
  std::map<std::string, std::string> kinds;
  for (const auto& [tag, node] : graph.get_child("nodes")) {
    REQUIRE(tag == "node");
    std::string label = node.get<std::string>("<xmlattr>.label");
    name_of[node.get<std::string>("<xmlattr>.id")] = label;
    for (const auto& [value_tag, value] : node.get_child("attvalues"))
      if (value.get<std::string>("<xmlattr>.for") == "kind")
        kinds[label] = value.get<std::string>("<xmlattr>.value");
  }
  CHECK(kinds == kKinds);

  std::size_t edges = 0;
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    REQUIRE(tag == "edge");
    ++edges;
    Triple key{name_of.at(edge.get<std::string>("<xmlattr>.source")),
               edge.get<std::string>("<xmlattr>.label"),
               name_of.at(edge.get<std::string>("<xmlattr>.target"))};
    INFO(std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    REQUIRE(kExpected.count(key));
    const Aggregate& agg = kExpected.at(key);
    CHECK(edge.get<std::size_t>("<xmlattr>.weight") == agg.count);
    CHECK(edge.get<std::string>("<xmlattr>.start", "") == agg.start);
    CHECK(edge.get<std::string>("<xmlattr>.end", "") == agg.end);
  }
  CHECK(edges == kExpected.size());
}

TEST_CASE("Cytoscape.js JSON is well-formed and escaped", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  std::ostringstream out;
  REQUIRE(ExportCytoscape(*store, ExportOptions(), out).ok());
  INFO(out.str());
  boost::property_tree::ptree tree;
  std::istringstream in(out.str());
  try {
    boost::property_tree::read_json(in, tree);
  } catch (const std::exception& e) {
    FAIL("not well-formed JSON: " << e.what());
  }
  std::map<std::string, std::string> name_of, kinds;
  for (const auto& [unused, node] : tree.get_child("elements.nodes")) {
    std::string name = node.get<std::string>("data.name");
    name_of[node.get<std::string>("data.id")] = name;
    kinds[name] = node.get<std::string>("data.kind");
  }
  CHECK(kinds == kKinds);
  std::size_t edges = 0;
  for (const auto& [unused, edge] : tree.get_child("elements.edges")) {
    ++edges;
    Triple key{name_of.at(edge.get<std::string>("data.source")),
               edge.get<std::string>("data.relation"),
               name_of.at(edge.get<std::string>("data.target"))};
    REQUIRE(kExpected.count(key));
    CHECK(edge.get<std::size_t>("data.count") == kExpected.at(key).count);
    // PropertyTree reads JSON null as the text "null".
    const std::string& first = kExpected.at(key).first;
    CHECK(edge.get<std::string>("data.first") == (first.empty() ? "null" : first));
  }
  CHECK(edges == kExpected.size());
  // Escaped as JSON requires, not as XML or DOT would.
  CHECK_THAT(out.str(), Catch::Contains(R"("Fish & \"Chips\" <Ltd>")"));
  CHECK_THAT(out.str(), Catch::Contains(R"("Line\nBreak, Inc")"));
}

// RFC 4180: fields separated by commas, records by line breaks; a quoted field may hold both, and
// "" stands for a quote. Fails the test on a stray quote.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      REQUIRE_FALSE(was_quoted);
      quoted = was_quoted = true;
    } else if (c == ',' || c == '\n') {
      row.push_back(field);
      field.clear();
      was_quoted = false;
      if (c == '\n') rows.push_back(std::move(row)), row.clear();
    } else {
      REQUIRE_FALSE(was_quoted);
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return rows;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("Neo4j CSVs hold every actor and one row per stored edge", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  REQUIRE(ExportNeo4j(*store, ExportOptions(), tmp / "neo4j").ok());

  auto actors = ParseCsv(ReadFile(tmp / "neo4j/actors.csv"));
  REQUIRE(!actors.empty());
  CHECK(actors[0] == std::vector<std::string>{"actorId:ID", "name", "kind", "code",
                                              "aliases:string[]", ":LABEL"});
  std::map<std::string, std::vector<std::string>> actor_row;  // by name
  std::map<std::string, std::string> name_of_id;
  for (std::size_t i = 1; i < actors.size(); ++i) {
    REQUIRE(actors[i].size() == 6);
    actor_row[actors[i][1]] = actors[i];
    name_of_id[actors[i][0]] = actors[i][1];
  }
  REQUIRE(actor_row.size() == kKinds.size());
  for (const auto& [name, kind] : kKinds) {
    INFO(name);
    REQUIRE(actor_row.count(name));
    CHECK(actor_row[name][2] == kind);
    CHECK(actor_row[name][0] == std::to_string(IdOf(*store, name == kBadWritten ? kBad : name)));
  }
  CHECK(actor_row["US"][3] == "USA");
  // The importer splits arrays at ';' and cannot escape it, so the alias's own ';' became ','.
  CHECK(actor_row["US"][4] == "United States;U.S., America");
  CHECK(actor_row["US"][5] == "Actor;State");
  CHECK(actor_row["UN"][5] == "Actor;Organization");
  CHECK(actor_row["IS-K"][5] == "Actor;Group");
  CHECK(actor_row[kFish][5] == "Actor");

  auto edges = ParseCsv(ReadFile(tmp / "neo4j/edges.csv"));
  REQUIRE(!edges.empty());
  CHECK(edges[0] == std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "date", "precision",
                                             "article", "sentence:int", "speaker",
                                             "confidence:float", "implied:boolean",
                                             "inferred:boolean"});
  REQUIRE(edges.size() == kStoredEdges + 1);
  std::map<Triple, std::size_t> counts;
  std::size_t implied = 0;
  for (std::size_t i = 1; i < edges.size(); ++i) {
    const auto& row = edges[i];
    REQUIRE(row.size() == 11);
    REQUIRE(name_of_id.count(row[0]));
    REQUIRE(name_of_id.count(row[1]));
    ++counts[{name_of_id[row[0]], row[2], name_of_id[row[1]]}];
    if (row[9] == "true") ++implied;
    CHECK((row[9] == "true" || row[9] == "false"));
    CHECK(row[10] == "false");
    if (row[3] == "2025-01-05") {
      CHECK(row[4] == "day");
      CHECK(row[5] == "a1");
      CHECK(row[6] == "0");
      CHECK(row[7] == kZakharova);
      CHECK(row[8] == "0.9");
    }
    if (row[3] == "2025-03-03") CHECK(row[7] == kTwoLines);
    if (row[3] == "2025") CHECK(row[4] == "year");
  }
  CHECK(implied == 1);
  std::map<Triple, std::size_t> expected;
  for (const auto& [key, agg] : kExpected) {
    std::string type = std::get<1>(key);
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    expected[{std::get<0>(key), type, std::get<2>(key)}] = agg.count;
  }
  CHECK(counts == expected);
}

std::set<std::string> Names(const GraphView& view) {
  std::set<std::string> names;
  for (const ViewVertex& vertex : view.vertices()) names.insert(vertex.name);
  return names;
}

std::map<Triple, std::size_t> Counts(const GraphView& view) {
  std::map<Triple, std::size_t> counts;
  for (const ViewEdge& edge : view.edges())
    counts[{view.vertices()[edge.source].name, edge.relation_name,
            view.vertices()[edge.target].name}] = edge.count;
  return counts;
}

TEST_CASE("the selection applies min-count, then the ego network", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);

  ExportOptions options;
  options.min_count = 2;
  auto frequent = SelectGraph(*store, options);
  REQUIRE(frequent.ok());
  // Only Russia -> US (3) and US -> UN (2) stand for two edges or more.
  CHECK(Counts(*frequent) == std::map<Triple, std::size_t>{{{"Russia", "accuses", "US"}, 3},
                                                           {{"US", "urges", "UN"}, 2}});
  CHECK(Names(*frequent) == std::set<std::string>{"Russia", "US", "UN"});

  options = ExportOptions();
  options.actor = IdOf(*store, "UN");
  options.depth = 1;
  auto near = SelectGraph(*store, options);
  REQUIRE(near.ok());
  // UN's neighbours either way round: US urges it, it condemns IS-K, Fish & Chips condemns it.
  CHECK(Names(*near) == std::set<std::string>{"UN", "US", "IS-K", kFish});
  CHECK(Counts(*near) == std::map<Triple, std::size_t>{{{"US", "urges", "UN"}, 2},
                                                       {{"UN", "condemns", "IS-K"}, 1},
                                                       {{kFish, "condemns", "UN"}, 1}});

  options.depth = 2;
  auto farther = SelectGraph(*store, options);
  REQUIRE(farther.ok());
  // Two hops add Russia (through US) and Bad (through IS-K), and the edges among them.
  CHECK(Names(*farther) == std::set<std::string>{"UN", "US", "IS-K", kFish, "Russia", kBad});
  CHECK(Counts(*farther).size() == 6);
  CHECK(Counts(*farther).count({"US", "accuses", "Russia"}));

  options.min_count = 2;
  auto both = SelectGraph(*store, options);
  REQUIRE(both.ok());
  CHECK(Counts(*both) == std::map<Triple, std::size_t>{{{"Russia", "accuses", "US"}, 3},
                                                       {{"US", "urges", "UN"}, 2}});

  options = ExportOptions();
  options.actor = IdOf(*store, "UN");
  options.depth = 0;
  auto alone = SelectGraph(*store, options);
  REQUIRE(alone.ok());
  CHECK(alone->vertices().empty());
  CHECK(alone->edges().empty());

  // The exported DOT is the selection, and its title says how it was made.
  options.depth = 1;
  options.filter.relation = 3;  // condemns
  std::ostringstream dot;
  REQUIRE(ExportDot(*store, options, dot).ok());
  INFO(dot.str());
  ReadBack back = ReadDot(dot.str());
  CHECK(back.count == std::map<Triple, std::size_t>{{{"UN", "condemns", "IS-K"}, 1},
                                                    {{kFish, "condemns", "UN"}, 1}});
  CHECK(back.legend_relations == std::set<std::string>{"condemns"});
  CHECK_THAT(dot.str(), Catch::Contains("relation condemns, within 1 hop of UN"));
}

TEST_CASE("every format writes an empty selection validly", "[graph][export]") {
  fixture::TempDir tmp;
  auto store = fixture::BuildStore(tmp / "db", kActors, kArticles);
  ExportOptions options;
  options.filter.from = Date::Year(2030);
  std::ostringstream dot, graphml, gexf, cytoscape;
  REQUIRE(ExportDot(*store, options, dot).ok());
  REQUIRE(ExportGraphml(*store, options, graphml).ok());
  REQUIRE(ExportGexf(*store, options, gexf).ok());
  REQUIRE(ExportCytoscape(*store, options, cytoscape).ok());
  CHECK(ReadDot(dot.str()).count.empty());
  CHECK(ParseXml(graphml.str()).get_child("graphml.graph").count("node") == 0);
  CHECK(ParseXml(gexf.str()).get_child("gexf.graph.nodes").empty());
  boost::property_tree::ptree tree;
  std::istringstream in(cytoscape.str());
  REQUIRE_NOTHROW(boost::property_tree::read_json(in, tree));
  CHECK(tree.get_child("elements.nodes").empty());
  REQUIRE(ExportNeo4j(*store, options, tmp / "empty").ok());
  CHECK(ParseCsv(ReadFile(tmp / "empty/edges.csv")).size() == 1);
}

}  // namespace
}  // namespace geokg::graph
