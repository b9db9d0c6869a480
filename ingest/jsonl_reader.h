// The JSON article formats of reader.h: JSON Lines, and a JSON array of objects.
#ifndef GEOKG_INGEST_JSONL_READER_H_
#define GEOKG_INGEST_JSONL_READER_H_

#include <string>

#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace geokg::ingest {

// Reads `in` as JSON Lines, one article per non-blank line (see JsonArticleParser for the fields); a byte
// order mark at the start of a line, left by concatenating files, is ignored. When `allow_array` (a .json
// file), the input may instead be one JSON array of such objects, or objects spread over several lines
// (pretty-printed); it is JSON Lines when its first line holds one whole record. Each bad record goes to
// `on_error` with its 1-based line and reading goes on; a record over limits.max_article_bytes is skipped
// unparsed. An array or a spread-out object that is itself broken (cut short, brackets that do not pair)
// ends the read at that point, keeping the records before it. Articles without an id get
// "<id_prefix>:<line>", or "<id_prefix>:<n>" for the n-th element of an array, since the elements of an
// array may share a line.
void ReadJsonArticles(LineReader& in, const std::string& source, const std::string& id_prefix,
                      bool allow_array, const ReadLimits& limits, const ArticleSink& on_article,
                      const ErrorSink& on_error);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_JSONL_READER_H_
