// Ingestor: the front door of geokg's ingest module. Reads articles, extracts their edges and writes each
// article to the store in one atomic batch.
//
// Typical use:
//   auto extractor = geokg::ingest::Extractor::Load(data_dir);     // once
//   geokg::ingest::Ingestor ingestor(store.get(), extractor->get());
//   auto summary = ingestor.IngestPath("articles/", on_error);
//
// The Ingestor borrows the store and the extractor; both must outlive it.
#ifndef GEOKG_INGEST_INGESTOR_H_
#define GEOKG_INGEST_INGESTOR_H_

#include <cstddef>
#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/store.h"
#include "ingest/extractor.h"
#include "ingest/reader.h"

namespace geokg::ingest {

struct IngestSummary {
  std::size_t read = 0;        // articles read without error
  std::size_t added = 0;       // new articles stored
  std::size_t duplicates = 0;  // articles already stored, skipped
  std::size_t edges = 0;       // edges added
  std::size_t errors = 0;      // articles that could not be read or stored

  IngestSummary& operator+=(const IngestSummary& other);
};

// Builds the batch one article adds to the store: the article, its edges and their definitions.
graph::ArticleBatch MakeBatch(graph::Article article, Extraction extraction);

struct IngestOptions {
  // Threads that extract, the calling thread included; 0 means one per core. With more than one,
  // articles are extracted while the calling thread reads and writes the ones before them, but they
  // are still written one at a time, in the order they were read, so the stored graph does not
  // depend on the thread count. With one, the calling thread does everything.
  unsigned threads = 0;
  ReadLimits limits;
};

class Ingestor {
 public:
  Ingestor(graph::Store* store, const Extractor* extractor, IngestOptions options = IngestOptions())
      : store_(store), extractor_(extractor), options_(options) {}

  // Reads, extracts and stores every article under `path` (a file, a folder, or "-" for stdin). Problems with
  // single articles, and a `path` that cannot be read at all, go to `on_error` and are counted in `errors`;
  // the other articles are still stored, so a caller can go on with its next path. Returns a non-OK Status
  // only when the store fails (then nothing of the failing article is written and earlier articles stay
  // stored). `on_error` is called from the calling thread only; the store is written from it only.
  Result<IngestSummary> IngestPath(const std::string& path, const ErrorSink& on_error);

  // Extracts and stores one article.
  Result<graph::AddOutcome> IngestArticle(graph::Article article);

 private:
  // Extracts chunks of articles on worker threads while storing the chunk read before; ingestor.cc.
  class Pipeline;

  graph::Store* store_;
  const Extractor* extractor_;
  IngestOptions options_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_INGESTOR_H_
