#include "ingest/ingestor.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <utility>

namespace geokg::ingest {

namespace {

// Articles extracted as one chunk, per thread: enough to amortise starting the threads.
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

graph::ArticleBatch MakeBatch(graph::Article article, Extraction extraction) {
  graph::ArticleBatch batch;
  batch.article = std::move(article);
  batch.actors = std::move(extraction.actors);
  batch.relations = std::move(extraction.relations);
  batch.edges = std::move(extraction.edges);
  return batch;
}

Result<graph::AddOutcome> Ingestor::IngestArticle(graph::Article article) {
  if (article.content_hash == 0) article.content_hash = graph::ContentHash(article.text);
  Extraction extraction = extractor_->Extract(article);
  return store_->AddArticle(MakeBatch(std::move(article), std::move(extraction)));
}

// The writes are the serial part of an ingest. So that they neither wait for extraction nor hold
// it up, one chunk of articles is extracted by the workers while the calling thread stores the
// chunk before it and reads the chunk after; when it gets there first, the calling thread helps
// with the extraction it waits for. With one thread there are no workers and the calling thread
// extracts each chunk just before storing it.
class Ingestor::Pipeline {
 public:
  Pipeline(const Ingestor& ingestor, IngestSummary* summary, const ErrorSink& on_error)
      : ingestor_(ingestor),
        summary_(*summary),
        on_error_(on_error),
        threads_(ThreadCount(ingestor.options_.threads)),
        chunk_size_(kChunkPerThread * threads_) {}
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  // After a store failure a chunk may still be in the workers' hands.
  ~Pipeline() {
    if (running_) Extract(running_.get());
  }

  // Takes an article read. Returns the store's failure, after which nothing more may be added.
  Status Add(graph::Article article, const Origin& origin) {
    filling_.push_back({std::move(article), origin, {}});
    if (filling_.size() < chunk_size_) return Status::OK();
    return Advance();
  }

  // Stores every article added.
  Status Finish() {
    Status status = Advance();  // starts the last chunk and stores the one before
    if (status.ok()) status = Advance();
    return status;
  }

 private:
  struct Pending {
    graph::Article article;
    Origin origin;
    graph::ArticleBatch batch;  // what the article adds, once extracted
  };
  struct Chunk {
    std::vector<Pending> articles;
    std::atomic<std::size_t> next{0};  // the first article no thread has taken
    std::vector<std::thread> workers;
  };

  void Work(Chunk* chunk) const {
    for (std::size_t i; (i = chunk->next.fetch_add(1)) < chunk->articles.size();) {
      graph::Article& article = chunk->articles[i].article;
      if (article.content_hash == 0) article.content_hash = graph::ContentHash(article.text);
      Extraction extraction = ingestor_.extractor_->Extract(article);
      chunk->articles[i].batch = MakeBatch(std::move(article), std::move(extraction));
    }
  }

  // Returns once every article of `chunk` is extracted.
  void Extract(Chunk* chunk) const {
    Work(chunk);
    for (std::thread& worker : chunk->workers) worker.join();
    chunk->workers.clear();
  }

  // Finishes the running chunk, starts the one filled, then stores the finished one.
  Status Advance() {
    std::unique_ptr<Chunk> done = std::move(running_);
    if (done) Extract(done.get());
    if (!filling_.empty()) {
      running_ = std::make_unique<Chunk>();
      running_->articles = std::move(filling_);
      filling_.clear();
      const std::size_t workers = std::min<std::size_t>(threads_ - 1, running_->articles.size());
      for (std::size_t t = 0; t < workers; ++t)
        running_->workers.emplace_back([this, chunk = running_.get()] { Work(chunk); });
    }
    return done ? Write(done.get()) : Status::OK();
  }

  Status Write(Chunk* chunk) {
    for (Pending& p : chunk->articles) {
      auto outcome = ingestor_.store_->AddArticle(p.batch);
      if (!outcome.ok()) {
        ++summary_.errors;
        // A bad article is the article's problem; any other failure is the store's, and stops the
        // ingest.
        if (!outcome.status().IsInvalidArgument() &&
            outcome.status().code() != Status::Code::kLimitExceeded)
          return outcome.status();
        on_error_(ReadError{p.origin, outcome.status().message()});
      } else if (outcome->added) {
        ++summary_.added;
        summary_.edges += outcome->edges_added;
      } else {
        ++summary_.duplicates;
      }
    }
    return Status::OK();
  }

  const Ingestor& ingestor_;
  IngestSummary& summary_;
  const ErrorSink& on_error_;
  const unsigned threads_;
  const std::size_t chunk_size_;
  std::vector<Pending> filling_;    // read, not yet extracted
  std::unique_ptr<Chunk> running_;  // being extracted
};

Result<IngestSummary> Ingestor::IngestPath(const std::string& path, const ErrorSink& on_error) {
  IngestSummary summary;
  Status store_failure;
  Pipeline pipeline(*this, &summary, on_error);
  Status read = ReadArticles(
      path,
      [&](graph::Article article, const Origin& origin) {
        // After a store failure nothing more is written; the remaining articles are only counted as
        // read.
        ++summary.read;
        if (store_failure.ok()) store_failure = pipeline.Add(std::move(article), origin);
      },
      [&](const ReadError& error) {
        ++summary.errors;
        on_error(error);
      },
      options_.limits);
  if (store_failure.ok()) store_failure = pipeline.Finish();
  if (!store_failure.ok()) return store_failure;
  if (!read.ok()) {
    ++summary.errors;
    on_error({{}, read.message()});  // the reader's message names the path
  }
  return summary;
}

}  // namespace geokg::ingest
