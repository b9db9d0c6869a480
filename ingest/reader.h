// Article readers: plain text, JSON Lines, folders and stdin.
//
// A .txt file is one article: the first non-empty line is the title; `Key: value` lines right after it (or
// before it), up to the first blank line, are metadata (Date, URL, Source/Outlet, ID, Title); the rest is the
// body. A .jsonl (or .json, .ndjson) file holds one JSON object per line with id, url, title, date, text and
// the usual crawler variants (maintext, body, content, date_publish, published, source_domain, ...); a .json
// file may instead hold one JSON array of such objects, or objects spread over several lines.
// A folder is read recursively in name order, taking .txt, .text, .md, .jsonl, .ndjson and .json files and
// following symlinked folders, each real folder once. "-" is standard input, read as JSON Lines when its first
// non-blank byte is '{', else as one text article.
#ifndef GEOKG_INGEST_READER_H_
#define GEOKG_INGEST_READER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

// Where an article or an error comes from. line is 1-based; 0 for a whole file.
struct Origin {
  std::string file;
  std::size_t line = 0;
  std::string ToString() const;  // "file:line" or "file"
};

struct ReadError {
  Origin origin;
  std::string message;  // the cause: "invalid UTF-8 at byte 17", "expected a JSON object, found an array"
  // "file:line: message"; just the message when `origin.file` is empty, for a cause that names its path.
  std::string ToString() const;
};

struct ReadLimits {
  // Larger articles (a text file, a JSON line or array element) are refused with an error, unread.
  std::size_t max_article_bytes = 16u << 20;
};

using ArticleSink = std::function<void(graph::Article article, const Origin& origin)>;
using ErrorSink = std::function<void(const ReadError& error)>;

// Reads every article under `path` and hands each to `on_article`, in order. A bad article (broken JSON line,
// invalid UTF-8, no text, over the size limit) goes to `on_error` and reading goes on with the next one. A
// file in UTF-16 or UTF-32 (told by its byte order mark, or by NUL bytes in every other byte) or a binary
// file (NUL bytes and invalid UTF-8 in its first 8 KiB) gives one error for the whole file.
// Articles without an id get "<file stem>" (text), "<file stem>:<line>" (JSONL) or "<file stem>:<n>" (the n-th
// element of a JSON array); the stem of standard input is "stdin". Returns a non-OK Status only when `path`
// itself cannot be read: NotFound when it does not exist, InvalidArgument for a file of another type, IOError
// when it is unreadable. Per-article problems never stop the read. No exception escapes: one thrown by a sink
// ends the read with an IOError.
Status ReadArticles(const std::string& path, const ArticleSink& on_article, const ErrorSink& on_error,
                    const ReadLimits& limits = ReadLimits());

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_READER_H_
