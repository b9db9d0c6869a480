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
#include <thread>
#include <unistd.h>

#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/ingestor.h"
#include "ingest/sentences.h"
#include "tools/crashtest/synthetic_corpus.h"

namespace {

using Clock = std::chrono::steady_clock;

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
  geokg::crashtest::CorpusOptions options;
  options.articles = articles;
  options.duplicate_every = 0;  // every article is extracted and written, none skipped as a duplicate
  if (auto written = geokg::crashtest::WriteSyntheticCorpus(data, options, corpus_path); !written.ok()) {
    fmt::print(stderr, "bench: {}\n", written.message());
    return 1;
  }
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
