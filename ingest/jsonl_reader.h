// The JSON article formats of reader.h: JSON Lines, and a JSON array of objects.
#ifndef GEOKG_INGEST_JSONL_READER_H_
#define GEOKG_INGEST_JSONL_READER_H_

#include <string>

#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace geokg::ingest {

// Reads `in` as JSON Lines, one article per non-blank line (see JsonArticleParser for the fields), or, when
// `allow_array` and the input starts with '[', as one JSON array of such objects. Each bad record goes to
// `on_error` with its 1-based line and reading goes on; a line over limits.max_article_bytes is skipped
// unparsed. An array that is itself broken ends the read at that point. Articles without an id get
// "<id_prefix>:<line>", or "<id_prefix>:<n>" for the n-th element of an array, since the elements of an
// array may share a line.
void ReadJsonArticles(LineReader& in, const std::string& source, const std::string& id_prefix,
                      bool allow_array, const ReadLimits& limits, const ArticleSink& on_article,
                      const ErrorSink& on_error);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_JSONL_READER_H_
