#include "ingest/ingestor.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

namespace geokg::ingest {

namespace {

// Articles handed to the workers at once, per thread: enough to amortise starting the threads.
constexpr std::size_t kChunkPerThread = 64;

unsigned ThreadCount(unsigned requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IngestSummary& IngestSummary::operator+=(const IngestSummary& other) {
  read += other.read;
  added += other.added;
  duplicates += other.duplicates;
  edges += other.edges;
  errors += other.errors;
  return *this;
}

graph::ArticleBatch MakeBatch(graph::Article article, const Extraction& extraction) {
  graph::ArticleBatch batch;
  batch.article = std::move(article);
  batch.actors = extraction.actors;
  batch.relations = extraction.relations;
  batch.edges = extraction.edges;
  return batch;
}

Result<graph::AddOutcome> Ingestor::IngestArticle(graph::Article article) {
  if (article.content_hash == 0) article.content_hash = graph::ContentHash(article.text);
  Extraction extraction = extractor_->Extract(article);
  return store_->AddArticle(MakeBatch(std::move(article), extraction));
}

Status Ingestor::Flush(std::vector<Pending>* chunk, IngestSummary* summary, const ErrorSink& on_error) {
  std::vector<Extraction> extractions(chunk->size());
  unsigned threads = std::min<unsigned>(ThreadCount(options_.threads), static_cast<unsigned>(chunk->size()));
  if (threads <= 1) {
    for (std::size_t i = 0; i < chunk->size(); ++i) extractions[i] = extractor_->Extract((*chunk)[i].article);
  } else {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < chunk->size();)
        extractions[i] = extractor_->Extract((*chunk)[i].article);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }

  Status failure;
  for (std::size_t i = 0; i < chunk->size(); ++i) {
    Pending& p = (*chunk)[i];
    auto outcome = store_->AddArticle(MakeBatch(std::move(p.article), extractions[i]));
    if (!outcome.ok()) {
      ++summary->errors;
      // A bad article is the article's problem; any other failure is the store's, and stops the ingest.
      if (!outcome.status().IsInvalidArgument() && outcome.status().code() != Status::Code::kLimitExceeded) {
        failure = outcome.status();
        break;
      }
      on_error(ReadError{p.origin, outcome.status().message()});
    } else if (outcome->added) {
      ++summary->added;
      summary->edges += outcome->edges_added;
    } else {
      ++summary->duplicates;
    }
  }
  chunk->clear();
  return failure;
}

Result<IngestSummary> Ingestor::IngestPath(const std::string& path, const ErrorSink& on_error) {
  IngestSummary summary;
  Status store_failure;
  std::vector<Pending> chunk;
  const std::size_t chunk_size = kChunkPerThread * ThreadCount(options_.threads);
  Status read = ReadArticles(
      path,
      [&](graph::Article article, const Origin& origin) {
        // After a store failure nothing more is written; the remaining articles are only counted as read.
        ++summary.read;
        if (!store_failure.ok()) return;
        if (article.content_hash == 0) article.content_hash = graph::ContentHash(article.text);
        chunk.push_back({std::move(article), origin});
        if (chunk.size() >= chunk_size) store_failure = Flush(&chunk, &summary, on_error);
      },
      [&](const ReadError& error) {
        ++summary.errors;
        on_error(error);
      },
      options_.limits);
  if (store_failure.ok() && !chunk.empty()) store_failure = Flush(&chunk, &summary, on_error);
  if (!store_failure.ok()) return store_failure;
  if (!read.ok()) {
    ++summary.errors;
    on_error({{}, read.message()});  // the reader's message names the path
  }
  return summary;
}

}  // namespace geokg::ingest
