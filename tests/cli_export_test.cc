// End-to-end tests of `geokg export`: every format and every selection option, on the sample
// articles. Each output is checked against what the store holds, as `geokg relations` and
// `geokg edges` print it, so that a format that drops, merges or misdates relationships fails.
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/cli_run.h"
#include "tests/cli_sample_db.h"
#include "tests/cli_tables.h"

using geokg::testing::Actors;
using geokg::testing::Count;
using geokg::testing::FromRelations;
using geokg::testing::HaveProgram;
using geokg::testing::ParseTable;
using geokg::testing::ReadAll;
using geokg::testing::Relationships;
using geokg::testing::Row;
using geokg::testing::Run;
using geokg::testing::RunGeokg;
using geokg::testing::SampleDb;
using geokg::testing::TempDir;

namespace {

// The relationships that the stored edges dated in [from, to] add up to.
Relationships FromEdges(const std::string& from, const std::string& to) {
  Relationships out;
  for (const Row& row : ParseTable(Run("edges --db db"))) {
    const std::string& date = row.at("date");
    if (date >= from && date <= to) ++out[{row.at("source"), row.at("relation"), row.at("target")}];
  }
  return out;
}

// The actors within `depth` hops of `actor`, either way round, as the ego network is defined.
std::set<std::string> Ego(const Relationships& relationships, const std::string& actor, int depth) {
  std::set<std::string> reached = {actor}, frontier = {actor};
  for (int hop = 0; hop < depth; ++hop) {
    std::set<std::string> next;
    for (const auto& [key, count] : relationships) {
      const auto& [source, relation, target] = key;
      if (frontier.count(source) && !reached.count(target)) next.insert(target);
      if (frontier.count(target) && !reached.count(source)) next.insert(source);
    }
    reached.insert(next.begin(), next.end());
    frontier = next;
  }
  return reached;
}

Relationships Between(const Relationships& relationships, const std::set<std::string>& actors) {
  Relationships out;
  for (const auto& [key, count] : relationships)
    if (actors.count(std::get<0>(key)) && actors.count(std::get<2>(key))) out[key] = count;
  return out;
}

struct DotGraph {
  std::set<std::string> actors;
  Relationships relationships;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> labels;
};

// The actor nodes ("0[label=...") and edges ("0->1 [label="accuses ×4, ..."]") of geokg's DOT;
// the legend's nodes and edges are named "legend_..." and stay out.
DotGraph ParseDot(const std::string& dot) {
  DotGraph g;
  std::map<std::string, std::string> names;
  std::regex node(R"re(^(\d+)\[label="([^"]*)")re");
  std::regex edge(R"re(^(\d+)->(\d+) \[label="([^"]*)".*class="([^"]*)")re");
  std::regex count(R"re(×(\d+))re");
  std::istringstream in(dot);
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, m, node)) {
      names[m[1]] = m[2];
      g.actors.insert(m[2]);
    } else if (std::regex_search(line, m, edge)) {
      std::string label = m[3];
      std::smatch c;
      int n = std::regex_search(label, c, count) ? std::stoi(c[1]) : 1;
      std::tuple<std::string, std::string, std::string> key{names.at(m[1]), m[4], names.at(m[2])};
      g.relationships[key] += n;
      g.labels[key] = label;
    }
  }
  return g;
}

void CheckDot(const std::string& args, const Relationships& expected) {
  INFO("export --db db --format dot " << args);
  DotGraph g = ParseDot(Run("export --db db --format dot " + args));
  CHECK(g.relationships == expected);
  CHECK(g.actors == Actors(expected));
}

// GEXF intervals are whole days: a month- or year-precision date spans from its first day to its last.
std::string FirstDay(const std::string& date) {
  if (date.size() == 4) return date + "-01-01";
  if (date.size() == 7) return date + "-01";
  return date;
}
std::string LastDay(const std::string& date) {
  if (date.size() == 4) return date + "-12-31";
  if (date.size() != 7) return date;
  const int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return date + "-" + std::to_string(month == 2 && leap ? 29 : kDays[month - 1]);
}

}  // namespace

TEST_CASE("export dot labels each relationship with the store's count and date span",
          "[cli][export]") {
  Relationships store = FromRelations();
  REQUIRE(store.size() >= 10);
  DotGraph g = ParseDot(Run("export --db db"));
  CHECK(g.relationships == store);
  CHECK(g.actors == Actors(store));
  // Every label carries its relationship's date span, as the relationship table has it.
  for (const Row& row : ParseTable(Run("relations --db db"))) {
    const std::string& label = g.labels[{row.at("source"), row.at("relation"), row.at("target")}];
    INFO(label);
    CHECK(label.find(row.at("first")) != std::string::npos);
    CHECK(label.find(row.at("last")) != std::string::npos);
  }
  // The legend names each relation drawn.
  std::string dot = Run("export --db db");
  for (const auto& [key, count] : store)
    CHECK(dot.find("label=\"" + std::get<1>(key) + "\", shape=box, style=rounded") !=
          std::string::npos);
}

TEST_CASE("export dot keeps only the selected relation type, counts and dates", "[cli][export]") {
  Relationships store = FromRelations();
  CheckDot("--type accuses", FromRelations("--type accuses"));
  CheckDot("--type urges", FromRelations("--type urges"));

  Relationships at_least_two;
  for (const auto& [key, count] : store)
    if (count >= 2) at_least_two[key] = count;
  REQUIRE(!at_least_two.empty());
  REQUIRE(at_least_two.size() < store.size());
  CheckDot("--min-count 2", at_least_two);

  // The sample articles span March to June 2025; these windows cut through them.
  CheckDot("--from 2025-03-11", FromEdges("2025-03-11", "9999"));
  CheckDot("--to 2025-04-02", FromEdges("0000", "2025-04-02"));
  CheckDot("--from 2025-03-11 --to 2025-05-20", FromEdges("2025-03-11", "2025-05-20"));
  CheckDot("--from 2025-04 --to 2025-04", FromEdges("2025-04-01", "2025-04-30"));
  CHECK(ParseDot(Run("export --db db --from 2030-01-01")).relationships.empty());
}

TEST_CASE("export dot --actor --depth keeps the ego network", "[cli][export]") {
  Relationships store = FromRelations();
  for (std::string actor : {"Turkey", "Iran", "Mali"}) {
    for (int depth : {1, 2, 3}) {
      INFO(actor << " depth " << depth);
      Relationships expected = Between(store, Ego(store, actor, depth));
      REQUIRE(!expected.empty());
      CheckDot("--actor " + actor + " --depth " + std::to_string(depth), expected);
    }
  }
  // Depth 1 is the default.
  CheckDot("--actor Turkey", Between(store, Ego(store, "Turkey", 1)));
  // min-count applies before the ego network is grown.
  Relationships at_least_two;
  for (const auto& [key, count] : store)
    if (count >= 2) at_least_two[key] = count;
  CheckDot("--actor Iran --depth 2 --min-count 2",
           Between(at_least_two, Ego(at_least_two, "Iran", 2)));

  auto unknown = RunGeokg(SampleDb(), "export --db db --actor Atlantis");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("Atlantis") != std::string::npos);
  auto depth_alone = RunGeokg(SampleDb(), "export --db db --depth 2");
  CHECK(depth_alone.status == 2);
}

TEST_CASE("export svg draws every relationship through Graphviz", "[cli][export]") {
  if (!HaveProgram("dot")) {
    WARN("skipped: Graphviz's dot is not installed (tools/setup installs it)");
    return;
  }
  Relationships store = FromRelations();
  auto svg = RunGeokg(SampleDb(), "export --db db --format svg");
  REQUIRE(svg.status == 0);
  CHECK(svg.err.empty());
  // Graphviz keeps each DOT edge's class: one "edge RELATION" group per relationship.
  std::map<std::string, int> per_relation;
  for (const auto& [key, count] : store) ++per_relation[std::get<1>(key)];
  for (const auto& [relation, n] : per_relation) {
    INFO(relation);
    CHECK(Count(svg.out, "class=\"edge " + relation + "\"") == n);
  }
  CHECK(Count(svg.out, "class=\"edge ") == static_cast<int>(store.size()));
  auto filtered = RunGeokg(SampleDb(), "export --db db --format svg --type accuses");
  REQUIRE(filtered.status == 0);
  CHECK(Count(filtered.out, "class=\"edge ") ==
        static_cast<int>(FromRelations("--type accuses").size()));
}

TEST_CASE("export png writes an image, and svg says when Graphviz is missing", "[cli][export]") {
  const TempDir& dir = SampleDb();
  // Without dot on the PATH the render cannot happen: the error must say what to install.
  auto missing = RunGeokg(dir, "export --db db --format svg -o none.svg", "", "PATH=/nonexistent");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("'dot' program, which is not installed") != std::string::npos);
  if (!HaveProgram("dot")) {
    WARN("skipped rendering: Graphviz's dot is not installed (tools/setup installs it)");
    return;
  }
  auto png = RunGeokg(dir, "export --db db --format png -o graph.png");
  CHECK(png.status == 0);
  CHECK(png.err.empty());
  CHECK(ReadAll(dir / "graph.png").rfind("\x89PNG\r\n\x1a\n", 0) == 0);
}

TEST_CASE("export graphml and gexf hold each relationship with its count and dates",
          "[cli][export]") {
  std::map<std::tuple<std::string, std::string, std::string>, Row> table;
  for (const Row& row : ParseTable(Run("relations --db db")))
    table[{row.at("source"), row.at("relation"), row.at("target")}] = row;
  REQUIRE(!table.empty());

  std::string graphml = Run("export --db db --format graphml");
  CHECK(graphml.find("attr.name=\"count\" attr.type=\"int\"") != std::string::npos);
  // Node ids to names, then each <edge> with its data.
  std::map<std::string, std::string> names;
  std::regex node(R"re(<node id="([^"]+)">\s*<data key="name">([^<]*)</data>)re");
  for (std::sregex_iterator it(graphml.begin(), graphml.end(), node), end; it != end; ++it)
    names[(*it)[1].str()] = (*it)[2].str();
  std::regex edge(
      R"re(<edge [^>]*source="([^"]+)" target="([^"]+)"[^>]*>\s*<data key="relation">([^<]*)</data>\s*<data key="count">(\d+)</data>\s*<data key="first">([^<]*)</data>\s*<data key="last">([^<]*)</data>)re");
  int edges = 0;
  for (std::sregex_iterator it(graphml.begin(), graphml.end(), edge), end; it != end;
       ++it, ++edges) {
    auto key = std::make_tuple(names[(*it)[1].str()], (*it)[3].str(), names[(*it)[2].str()]);
    INFO("graphml " << std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    REQUIRE(table.count(key) == 1);
    CHECK((*it)[4].str() == table[key].at("count"));
    CHECK((*it)[5].str() == table[key].at("first"));
    CHECK((*it)[6].str() == table[key].at("last"));
  }
  CHECK(edges == static_cast<int>(table.size()));
  CHECK(Count(graphml, "<edge ") == static_cast<int>(table.size()));

  // GEXF: the same, with the date span as the edge's time interval for Gephi's timeline.
  std::string gexf = Run("export --db db --format gexf");
  names.clear();
  std::regex gnode(R"re(<node id="([^"]+)" label="([^"]*)")re");
  for (std::sregex_iterator it(gexf.begin(), gexf.end(), gnode), end; it != end; ++it)
    names[(*it)[1].str()] = (*it)[2].str();
  std::regex gedge(
      R"re(<edge id="[^"]+" source="([^"]+)" target="([^"]+)" label="([^"]*)" kind="[^"]*" weight="(\d+)" start="([^"]*)" end="([^"]*)")re");
  edges = 0;
  for (std::sregex_iterator it(gexf.begin(), gexf.end(), gedge), end; it != end; ++it, ++edges) {
    auto key = std::make_tuple(names[(*it)[1].str()], (*it)[3].str(), names[(*it)[2].str()]);
    INFO("gexf " << std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key));
    REQUIRE(table.count(key) == 1);
    CHECK((*it)[4].str() == table[key].at("count"));
    CHECK((*it)[5].str() == FirstDay(table[key].at("first")));
    CHECK((*it)[6].str() == LastDay(table[key].at("last")));
  }
  CHECK(edges == static_cast<int>(table.size()));
}

TEST_CASE("export cytoscape is JSON with the store's relationships", "[cli][export]") {
  Relationships store = FromRelations();
  std::string json = Run("export --db db --format cytoscape");
  std::map<std::string, std::string> names;
  std::regex node(R"re("id": "([^"]+)", "name": "([^"]*)")re");
  for (std::sregex_iterator it(json.begin(), json.end(), node), end; it != end; ++it)
    names[(*it)[1].str()] = (*it)[2].str();
  std::regex edge(
      R"re("source": "([^"]+)", "target": "([^"]+)", "relation": "([^"]*)", "count": (\d+))re");
  Relationships exported;
  for (std::sregex_iterator it(json.begin(), json.end(), edge), end; it != end; ++it)
    exported[{names[(*it)[1].str()], (*it)[3].str(), names[(*it)[2].str()]}] +=
        std::stoi((*it)[4].str());
  CHECK(exported == store);
  if (HaveProgram("python3")) {
    std::ofstream(SampleDb() / "cytoscape.json") << json;
    CHECK(std::system(("python3 -m json.tool '" + (SampleDb() / "cytoscape.json") + "' >/dev/null")
                          .c_str()) == 0);
  }
  // A selection narrows it the same way as the DOT.
  std::string accuses = Run("export --db db --format cytoscape --type accuses");
  CHECK(Count(accuses, "\"source\":") == static_cast<int>(FromRelations("--type accuses").size()));
}

TEST_CASE("export neo4j writes the CSVs neo4j-admin imports, one row per stored edge",
          "[cli][export]") {
  const TempDir& dir = SampleDb();
  Run("export --db db --format neo4j -o neo4j");
  std::string actors = ReadAll(dir / "neo4j/actors.csv");
  std::string edges = ReadAll(dir / "neo4j/edges.csv");
  CHECK(actors.rfind("actorId:ID,", 0) == 0);
  CHECK(actors.substr(0, actors.find('\n')).find(":LABEL") != std::string::npos);
  CHECK(edges.rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  // Every stored edge, and every actor of the graph.
  auto stored_edges = ParseTable(Run("edges --db db"));
  int stored = static_cast<int>(stored_edges.size());
  CHECK(Count(edges, "\n") - 1 == stored);
  // The last two columns say whether the edge is implied or inferred, as `geokg edges` does.
  int implied = 0, inferred = 0;
  for (const auto& row : stored_edges) {
    implied += row.at("basis") == "implied";
    inferred += row.at("basis") == "inferred";
  }
  CHECK(inferred > 0);
  CHECK(Count(edges, ",true,false\n") == implied);
  CHECK(Count(edges, ",false,true\n") == inferred);
  CHECK(Count(actors, "\n") - 1 == static_cast<int>(Actors(FromRelations()).size()));
  // Types are the relation in upper case, as Cypher writes them.
  std::map<std::string, int> per_type;
  for (const auto& [key, count] : FromRelations()) {
    std::string type = std::get<1>(key);
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    per_type[type] += count;
  }
  for (const auto& [type, n] : per_type) CHECK(Count(edges, "," + type + ",") == n);

  // A selection exports only the edges behind it.
  Run("export --db db --format neo4j -o accuses --type accuses");
  int accuses = 0;
  for (const auto& [key, count] : FromRelations("--type accuses")) accuses += count;
  CHECK(Count(ReadAll(dir / "accuses/edges.csv"), "\n") - 1 == accuses);

  auto no_dir = RunGeokg(dir, "export --db db --format neo4j");
  CHECK(no_dir.status == 2);
  CHECK(no_dir.err.find("-o DIR") != std::string::npos);
}

TEST_CASE("export rejects an unknown format and malformed selections", "[cli][export]") {
  const TempDir& dir = SampleDb();
  auto format = RunGeokg(dir, "export --db db --format pdf");
  CHECK(format.status == 2);
  CHECK(format.err.find("unknown format 'pdf'") != std::string::npos);
  CHECK(RunGeokg(dir, "export --db db --from March").status == 2);
  CHECK(RunGeokg(dir, "export --db db --min-count many").status == 2);
  auto type = RunGeokg(dir, "export --db db --type befriends");
  CHECK(type.status == 1);
  CHECK(type.err.find("befriends") != std::string::npos);
}
