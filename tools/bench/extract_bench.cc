// Extraction and ingest throughput on a synthetic corpus.
//
// The corpus is generated deterministically from the gazetteer and the lexicon in the data directory, so it
// grows with them and never contains third-party text: every article mixes sentences that state a relation
// between two actors (in several constructions) with filler sentences that name actors without one.
//
//   geokg_bench [--data DIR] [--articles N] [--threads T]
//
// Prints sentences per second for extraction alone and for ingest into a fresh RocksDB database, on one
// thread and on T threads (default: one per core).
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/ingestor.h"
#include "ingest/sentences.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, sep);) out.push_back(part);
  return out;
}

struct Vocabulary {
  std::vector<std::string> actors;
  std::vector<std::string> past_verbs;  // "accused", "urged", ...
};

Vocabulary LoadVocabulary(const std::string& data) {
  Vocabulary v;
  for (const auto& row : ReadTsv(data + "/gazetteer/actors.tsv"))
    if (!row.empty()) v.actors.push_back(row[0]);
  for (const auto& row : ReadTsv(data + "/lexicon/triggers.tsv")) {
    if (row.size() < 3 || row[2] != "verb" || row[0].find("...") != std::string::npos) continue;
    auto forms = Split(row[0], '|');
    // Forms list base, third person, past, participle: the past tense is the third.
    if (forms.size() >= 3) v.past_verbs.push_back(forms[2]);
  }
  return v;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Writes `n` articles of about a dozen sentences to `path` as JSON Lines.
void WriteCorpus(const Vocabulary& v, std::size_t n, const std::string& path) {
  std::mt19937 rng(20250211);
  auto pick = [&](const std::vector<std::string>& items) -> const std::string& {
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
  };
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  std::ofstream out(path);
  for (std::size_t i = 0; i < n; ++i) {
    std::string text;
    for (int s = 0; s < 12; ++s) {
      const std::string& a = pick(v.actors);
      const std::string& b = pick(v.actors);
      const std::string& verb = pick(v.past_verbs);
      switch (rng() % 6) {
        case 0: text += fmt::format("{} {} {} on {}.", a, verb, b, kDays[rng() % 5]); break;
        case 1: text += fmt::format("Officials in {} said talks with {} would resume next month.", a, b); break;
        case 2: text += fmt::format("A spokesperson for {} {} {} over the border incident.", a, verb, b); break;
        case 3: text += fmt::format("The meeting in {} ended without a joint statement.", a); break;
        case 4: text += fmt::format("{} and {} {} {} in a joint statement.", a, b, verb, pick(v.actors)); break;
        default: text += fmt::format("Analysts said the dispute between {} and {} could widen.", a, b); break;
      }
      text += s % 4 == 3 ? "\n\n" : " ";
    }
    out << fmt::format(R"({{"id": "bench-{}", "title": "Synthetic report {}", "date": "2025-0{}-1{}", "text": "{}"}})",
                       i, i, 1 + i % 9, i % 10, JsonEscape(text))
        << "\n";
  }
}

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Corpus {
  std::vector<geokg::graph::Article> articles;
  std::size_t sentences = 0;
};

Corpus LoadCorpus(const std::string& path) {
  Corpus c;
  auto s = geokg::ingest::ReadArticles(
      path, [&](geokg::graph::Article a, const geokg::ingest::Origin&) { c.articles.push_back(std::move(a)); },
      [](const geokg::ingest::ReadError& e) { fmt::print(stderr, "bench: {}\n", e.ToString()); });
  if (!s.ok()) fmt::print(stderr, "bench: {}\n", s.message());
  for (const auto& a : c.articles) c.sentences += geokg::ingest::SplitSentences(a.Document()).size();
  return c;
}

// Sentences per second of extraction alone on `threads` threads, and the edges found.
std::pair<double, std::size_t> BenchExtract(const geokg::ingest::Extractor& ex, const Corpus& c, unsigned threads) {
  std::atomic<std::size_t> next{0}, edges{0};
  auto start = Clock::now();
  auto work = [&] {
    std::size_t found = 0;
    for (std::size_t i; (i = next.fetch_add(1)) < c.articles.size();) found += ex.Extract(c.articles[i]).edges.size();
    edges += found;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return {static_cast<double>(c.sentences) / Seconds(start), edges.load()};
}

double BenchIngest(const geokg::ingest::Extractor& ex, const Corpus& c, const std::string& corpus_path,
                   const std::filesystem::path& db, unsigned threads) {
  std::filesystem::remove_all(db);
  auto store = geokg::graph::Store::Open(db.string());
  if (!store.ok()) {
    fmt::print(stderr, "bench: {}\n", store.status().message());
    return 0;
  }
  geokg::ingest::IngestOptions options;
  options.threads = threads;
  geokg::ingest::Ingestor ingestor(store->get(), &ex, options);
  auto start = Clock::now();
  auto summary = ingestor.IngestPath(corpus_path, [](const geokg::ingest::ReadError&) {});
  double seconds = Seconds(start);
  if (!summary.ok() || summary->added != c.articles.size()) fmt::print(stderr, "bench: ingest incomplete\n");
  store->reset();
  std::filesystem::remove_all(db);
  return static_cast<double>(c.sentences) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = GEOKG_DATA_DIR;
  std::size_t articles = 20000;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data") data = argv[i + 1];
    else if (flag == "--articles") articles = std::stoul(argv[i + 1]);
    else if (flag == "--threads") threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  auto extractor = geokg::ingest::Extractor::Load(data);
  if (!extractor.ok()) {
    fmt::print(stderr, "bench: {}\n", extractor.status().message());
    return 1;
  }
  auto dir = std::filesystem::temp_directory_path() / fmt::format("geokg-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  std::string corpus_path = (dir / "corpus.jsonl").string();
  WriteCorpus(LoadVocabulary(data), articles, corpus_path);
  Corpus corpus = LoadCorpus(corpus_path);

  fmt::print("corpus: {} articles, {} sentences, {:.1f} MB; {} hardware threads\n", corpus.articles.size(),
             corpus.sentences, std::filesystem::file_size(corpus_path) / 1e6, std::thread::hardware_concurrency());
  BenchExtract(**extractor, corpus, 1);  // warm-up: page in the data and the allocator
  for (unsigned t : {1u, threads}) {
    auto [rate, edges] = BenchExtract(**extractor, corpus, t);
    fmt::print("extract  {:2} thread{}  {:>10.0f} sentences/s  ({} edges)\n", t, t == 1 ? " " : "s", rate, edges);
  }
  for (unsigned t : {1u, threads})
    fmt::print("ingest   {:2} thread{}  {:>10.0f} sentences/s  (read, extract, RocksDB write)\n", t,
               t == 1 ? " " : "s", BenchIngest(**extractor, corpus, corpus_path, dir / "db", t));
  std::filesystem::remove_all(dir);
  return 0;
}
