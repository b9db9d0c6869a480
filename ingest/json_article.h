// One JSON record (a line of a JSONL file, an element of a JSON array) as an article, with the field names
// of geokg's own format and of the common crawlers (news-please, NewsAPI, schema.org NewsArticle).
#ifndef GEOKG_INGEST_JSON_ARTICLE_H_
#define GEOKG_INGEST_JSON_ARTICLE_H_

#include <string>

#include <simdjson.h>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

// Keeps one simdjson parser, whose buffers grow to the largest record seen, across the records of a file.
class JsonArticleParser {
 public:
  // Parses `record` (whose capacity may grow: simdjson reads a few bytes past the end) into an article. The
  // fields, each taken from the first of its names holding a non-empty value of a usable type:
  //   id:     id, _id, article_id, uid (a string or a number); `default_id` when none
  //   url:    url, link, source_url
  //   title:  title, headline
  //   date:   date, date_publish, published, publish_date, published_at, pubdate, date_published, datetime,
  //           publishedAt (NewsAPI), datePublished (schema.org)
  //   text:   text, maintext, body, content, article, text_content, articleBody (schema.org); required
  //   outlet: outlet, source, publisher, site_name, source_domain (a string, or an object with a "name")
  // Other fields, and values of other types, are ignored. Returns InvalidArgument with the cause for a NUL
  // byte, invalid UTF-8, broken JSON, a value other than an object, no text, or a date that is no date.
  Result<graph::Article> Parse(std::string* record, std::string default_id);

 private:
  simdjson::dom::parser parser_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_JSON_ARTICLE_H_
