// Query latency on a synthetic graph of a million edges, against Kuzu on the same graph when it is
// installed.
//
//   geokg_query_bench [--dir DIR] [--edges N] [--actors N] [--runs N] [--no-kuzu]
//
// Builds the graph of tools/bench/query_bench_graph.h in DIR/db (default build/query-bench; kept
// and reused while the shape is unchanged), then times five analyst questions through Engine::Run:
// the median of --runs runs (default 21) after three warm-up runs, on one thread. When node and
// Kuzu (tools/kuzu/setup) are there, the same graph is loaded into a Kuzu database in DIR (through
// tools/kuzu/kuzu_csv.h) and the same questions are timed there by tools/kuzu/bench.js, in Kuzu's
// dialect where it differs (label(r) for type(r), its SHORTEST syntax); the report gives Kuzu's
// median over geokg's and checks that both found as many rows.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/store.h"
#include "query/engine.h"
#include "tools/bench/query_bench_graph.h"
#include "tools/kuzu/kuzu_csv.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Question {
  std::string name;
  std::string geokg;
  std::string kuzu;
  double target;  // how many times faster than Kuzu geokg should be
};

std::vector<Question> Questions() {
  return {
      {"1-hop typed neighbours",
       "MATCH (a:Actor {name: 'A007'})-[:ACCUSES]->(b:Actor) RETURN DISTINCT b.name", "", 10},
      {"counts by relation between two actors",
       "MATCH (a:Actor {name: 'A007'})-[r]->(b:Actor {name: 'A100'}) RETURN type(r), count(*)",
       "MATCH (a:Actor {name: 'A007'})-[r]->(b:Actor {name: 'A100'}) RETURN label(r), count(*)",
       10},
      {"100-row timeline in a date range",
       "MATCH (a:Actor {name: 'A007'})-[r]-(b:Actor) WHERE r.date >= date('2020-03-01') AND "
       "r.date <= date('2020-12-31') RETURN r.date, type(r), b.name ORDER BY r.date LIMIT 100",
       "MATCH (a:Actor {name: 'A007'})-[r]-(b:Actor) WHERE r.date >= date('2020-03-01') AND "
       "r.date <= date('2020-12-31') RETURN r.date, label(r), b.name ORDER BY r.date LIMIT 100",
       10},
      {"2-hop pattern",
       "MATCH (a:Actor {name: 'A007'})-[:SUPPORTS]->(b:Actor)-[:ACCUSES]->(c:Actor) "
       "RETURN c.name, count(*) AS n ORDER BY n DESC, c.name LIMIT 10",
       "", 1},
      {"shortest path",
       "MATCH p = shortestPath((a:Actor {name: 'A001'})-[:MEDIATES*]-(b:Actor {name: 'A150'})) "
       "RETURN length(p)",
       "MATCH p = (a:Actor {name: 'A001'})-[:MEDIATES* SHORTEST 1..30]-(b:Actor {name: 'A150'}) "
       "RETURN length(p)",
       1},
  };
}

struct Timing {
  double median_ms = 0;
  std::size_t rows = 0;
};

struct Options {
  fs::path dir = "build/query-bench";
  geokg::bench::GraphShape shape;
  int runs = 21;
  bool kuzu = true;
};

bool ParseOptions(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--no-kuzu") {
      o->kuzu = false;
      continue;
    }
    const char* v = value();
    if (!v) return false;
    if (arg == "--dir") {
      o->dir = v;
    } else if (arg == "--edges") {
      o->shape.edges = std::strtoull(v, nullptr, 10);
    } else if (arg == "--actors") {
      o->shape.actors = std::strtoull(v, nullptr, 10);
    } else if (arg == "--runs") {
      o->runs = std::atoi(v);
    } else {
      return false;
    }
  }
  return o->shape.edges > 0 && o->shape.actors >= 200 && o->runs > 0;
}

std::string ShapeText(const geokg::bench::GraphShape& s) {
  return fmt::format("edges={} actors={} per_article={} first_year={} generator=1 compacted\n",
                     s.edges, s.actors, s.edges_per_article, s.first_year);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Builds the graph unless DIR already holds one of this shape.
bool PrepareGraph(const Options& o) {
  fs::path marker = o.dir / "shape.txt";
  if (fs::exists(marker) && ReadFile(marker) == ShapeText(o.shape)) return true;
  std::error_code ec;
  for (const char* sub : {"db", "kuzu", "kuzu-db", "shape.txt"}) fs::remove_all(o.dir / sub, ec);
  fs::create_directories(o.dir, ec);
  auto store = geokg::graph::Store::Open((o.dir / "db").string());
  if (!store.ok()) {
    fmt::print(stderr, "query_bench: {}\n", store.status().ToString());
    return false;
  }
  fmt::print("writing {} edges among {} actors through Store::AddArticle...\n", o.shape.edges,
             o.shape.actors);
  auto start = Clock::now();
  auto written = geokg::bench::WriteGraph(store->get(), o.shape);
  if (!written.ok()) {
    fmt::print(stderr, "query_bench: {}\n", written.status().ToString());
    return false;
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  fmt::print("  {} edges in {:.1f} s ({:.0f} edges/s)\n", *written, seconds,
             static_cast<double>(*written) / seconds);
  // As after a bulk ingest: without it the scans seek through every table file the writes left.
  start = Clock::now();
  if (geokg::Status s = (*store)->Compact(); !s.ok()) {
    fmt::print(stderr, "query_bench: {}\n", s.ToString());
    return false;
  }
  fmt::print("  compacted in {:.1f} s\n",
             std::chrono::duration<double>(Clock::now() - start).count());
  std::ofstream(marker) << ShapeText(o.shape);
  return true;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

bool TimeGeokg(const Options& o, const std::vector<Question>& questions, std::vector<Timing>* out) {
  geokg::graph::Store::Options open;
  open.read_only = true;
  auto store = geokg::graph::Store::Open((o.dir / "db").string(), open);
  if (!store.ok()) {
    fmt::print(stderr, "query_bench: {}\n", store.status().ToString());
    return false;
  }
  geokg::query::Engine engine(store->get());
  for (const Question& q : questions) {
    std::vector<double> ms;
    Timing t;
    for (int run = -3; run < o.runs; ++run) {
      auto start = Clock::now();
      auto result = engine.Run(q.geokg);
      double took = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      if (!result.ok()) {
        fmt::print(stderr, "query_bench: {}: {}\n", q.name, result.status().ToString());
        return false;
      }
      t.rows = result->rows.size();
      if (run >= 0) ms.push_back(took);
    }
    t.median_ms = Median(ms);
    out->push_back(t);
  }
  return true;
}

// Runs tools/kuzu/bench.js; an empty result when node or Kuzu is missing.
std::vector<Timing> TimeKuzu(const Options& o, const std::vector<Question>& questions) {
  const fs::path script = fs::path(GEOKG_SOURCE_DIR) / "tools" / "kuzu" / "bench.js";
  const fs::path module = fs::path(GEOKG_SOURCE_DIR) / "build" / "kuzu" / "node_modules" / "kuzu";
  if (!o.kuzu || !fs::exists(module) || std::system("command -v node >/dev/null 2>&1") != 0) {
    fmt::print("Kuzu: not run ({})\n", o.kuzu ? "run tools/kuzu/setup to install it" : "--no-kuzu");
    return {};
  }
  if (!fs::exists(o.dir / "kuzu" / "load.cypher")) {
    std::error_code ec;
    fs::create_directories(o.dir / "kuzu", ec);
    auto store = geokg::graph::Store::Open((o.dir / "db").string());
    geokg::Status s = store.ok()
                          ? geokg::kuzu::WriteKuzuFiles(store->get(), (o.dir / "kuzu").string())
                          : store.status();
    if (!s.ok()) {
      fmt::print(stderr, "query_bench: {}\n", s.ToString());
      return {};
    }
  }
  fs::path list = o.dir / "kuzu-queries.tsv";
  {
    std::ofstream out(list);
    for (const Question& q : questions)
      out << q.name << "\t" << (q.kuzu.empty() ? q.geokg : q.kuzu) << "\n";
  }
  fs::path answers = o.dir / "kuzu-times.tsv";
  std::string command =
      fmt::format("node '{}' '{}' '{}' {} > '{}'", script.string(), fs::absolute(o.dir).string(),
                  fs::absolute(list).string(), o.runs, answers.string());
  if (std::system(command.c_str()) != 0) {
    fmt::print(stderr, "query_bench: Kuzu's run failed: {}\n", command);
    return {};
  }
  std::map<std::string, Timing> by_name;
  std::ifstream in(answers);
  for (std::string line; std::getline(in, line);) {
    std::stringstream ss(line);
    std::string name, median, rows;
    std::getline(ss, name, '\t');
    std::getline(ss, median, '\t');
    std::getline(ss, rows, '\t');
    by_name[name] = {std::strtod(median.c_str(), nullptr),
                     std::strtoull(rows.c_str(), nullptr, 10)};
  }
  std::vector<Timing> out;
  for (const Question& q : questions) out.push_back(by_name[q.name]);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, &o)) {
    fmt::print(stderr,
               "usage: geokg_query_bench [--dir DIR] [--edges N] [--actors N (>= 200)] [--runs N] "
               "[--no-kuzu]\n");
    return 2;
  }
  if (!PrepareGraph(o)) return 1;
  std::vector<Question> questions = Questions();
  std::vector<Timing> geokg;
  if (!TimeGeokg(o, questions, &geokg)) return 1;
  std::vector<Timing> kuzu = TimeKuzu(o, questions);
  fmt::print("\nmedian of {} runs, {} edges among {} actors, {} cores\n", o.runs, o.shape.edges,
             o.shape.actors, std::max(1u, std::thread::hardware_concurrency()));
  fmt::print("{:<40} {:>6} {:>10} {:>10} {:>8} {:>7}\n", "query", "rows", "geokg ms", "Kuzu ms",
             "ratio", "target");
  bool all_met = true;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    std::string kuzu_ms = "-", ratio = "-", target = fmt::format(">={:g}x", questions[i].target);
    if (!kuzu.empty()) {
      double r = kuzu[i].median_ms / geokg[i].median_ms;
      bool met = r >= questions[i].target;
      all_met = all_met && met;
      kuzu_ms = fmt::format("{:.3f}", kuzu[i].median_ms);
      ratio = fmt::format("{:.1f}x", r);
      target += met ? " met" : " MISSED";
      if (kuzu[i].rows != geokg[i].rows)
        fmt::print(stderr, "query_bench: {}: geokg found {} rows, Kuzu {}\n", questions[i].name,
                   geokg[i].rows, kuzu[i].rows);
    }
    fmt::print("{:<40} {:>6} {:>10.3f} {:>10} {:>8} {}\n", questions[i].name, geokg[i].rows,
               geokg[i].median_ms, kuzu_ms, ratio, target);
  }
  if (!kuzu.empty())
    fmt::print("ratio: Kuzu's median over geokg's; {}\n",
               all_met ? "every target met" : "some targets missed");
  return 0;
}
