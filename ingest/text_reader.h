// The plain-text article format of reader.h: title line, optional `Key: value` headers, blank line, body.
#ifndef GEOKG_INGEST_TEXT_READER_H_
#define GEOKG_INGEST_TEXT_READER_H_

#include <string>

#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace geokg::ingest {

// Reads the rest of `in` as one article and hands it to `on_article`, or one error to `on_error`: an
// empty input, one over limits.max_article_bytes, a NUL byte or invalid UTF-8 (with its line), a Date
// header that is no date, or no text at all. `source` names the input in origins; `default_id` is the id
// when no ID header gives one.
//
// The first non-empty line is the title; `Key: value` lines with the keys Title, Date (or Published), URL
// (or Link), Source (or Outlet, Publisher) and ID, case-insensitive, before or right after it and up to
// the first blank line, are metadata. With a Title header, a plain first line opens the body instead. When
// headers come first and give no title, the first line after them is the title. A lone line is the body,
// with no title. A Markdown heading mark ("# ") is dropped from the title; CRLF and CR line ends become
// "\n".
void ReadTextArticle(LineReader& in, const std::string& source, const std::string& default_id,
                     const ReadLimits& limits, const ArticleSink& on_article,
                     const ErrorSink& on_error);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_TEXT_READER_H_
