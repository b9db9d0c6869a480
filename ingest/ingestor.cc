#include "ingest/ingestor.h"

#include <utility>

namespace geokg::ingest {

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

Result<IngestSummary> Ingestor::IngestPath(const std::string& path, const ErrorSink& on_error,
                                           const ReadLimits& limits) {
  IngestSummary summary;
  Status store_failure;
  Status read = ReadArticles(
      path,
      [&](graph::Article article, const Origin& origin) {
        // After a store failure nothing more is written; the remaining articles are only counted as read.
        ++summary.read;
        if (!store_failure.ok()) return;
        auto outcome = IngestArticle(std::move(article));
        if (!outcome.ok()) {
          ++summary.errors;
          if (outcome.status().IsInvalidArgument()) {
            on_error(ReadError{origin, outcome.status().message()});
          } else {
            store_failure = outcome.status();
          }
          return;
        }
        if (outcome->added) {
          ++summary.added;
          summary.edges += outcome->edges_added;
        } else {
          ++summary.duplicates;
        }
      },
      [&](const ReadError& error) {
        ++summary.errors;
        on_error(error);
      },
      limits);
  if (!read.ok()) return read;
  if (!store_failure.ok()) return store_failure;
  return summary;
}

}  // namespace geokg::ingest
