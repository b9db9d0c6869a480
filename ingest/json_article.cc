#include "ingest/json_article.h"

#include <cctype>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "ingest/article_date.h"
#include "ingest/reader_utf8.h"

namespace geokg::ingest {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Which non-string values a field accepts besides strings.
enum class Accept { kString, kNumber, kNamedObject };

std::string ValueText(element value, Accept accept) {
  switch (value.type()) {
    case element_type::STRING: return std::string(Trim(value.get_string().value_unsafe()));
    case element_type::INT64:
      if (accept == Accept::kNumber) return fmt::format("{}", value.get_int64().value_unsafe());
      break;
    case element_type::UINT64:
      if (accept == Accept::kNumber) return fmt::format("{}", value.get_uint64().value_unsafe());
      break;
    case element_type::DOUBLE:
      if (accept == Accept::kNumber) return fmt::format("{}", value.get_double().value_unsafe());
      break;
    case element_type::OBJECT: {
      // NewsAPI's "source": {"id": "bbc-news", "name": "BBC News"}.
      element name;
      if (accept == Accept::kNamedObject && value["name"].get(name) == simdjson::SUCCESS) {
        return ValueText(name, Accept::kString);
      }
      break;
    }
    default: break;
  }
  return {};
}

std::string FirstField(simdjson::dom::object record, std::initializer_list<std::string_view> names,
                       Accept accept = Accept::kString) {
  for (std::string_view name : names) {
    element value;
    if (record.at_key(name).get(value) != simdjson::SUCCESS) continue;
    std::string text = ValueText(value, accept);
    if (!text.empty()) return text;
  }
  return {};
}

// The cause when `article` holds a NUL byte, which JSON can smuggle in as \u0000.
std::optional<std::string> FindNul(const graph::Article& article) {
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"id", &article.id},   {"url", &article.url},         {"title", &article.title},
      {"text", &article.text}, {"outlet", &article.outlet}};
  for (const auto& [name, value] : fields) {
    if (value->find('\0') != std::string::npos) return fmt::format("NUL byte (\\u0000) in the {}", name);
  }
  return std::nullopt;
}

std::string_view TypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY: return "an array";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
    default: return "a number";
  }
}

}  // namespace

Result<graph::Article> JsonArticleParser::Parse(std::string* record, std::string default_id) {
  if (const std::size_t nul = record->find('\0'); nul != std::string::npos) {
    return Status::InvalidArgument(fmt::format("NUL byte at byte {}", nul + 1));
  }
  record->reserve(record->size() + simdjson::SIMDJSON_PADDING);
  element root;
  if (auto error = parser_.parse(*record).get(root)) {
    if (error == simdjson::UTF8_ERROR) {
      const std::size_t bad = FindInvalidUtf8(*record).value_or(0);
      return Status::InvalidArgument(fmt::format("invalid UTF-8 at byte {}", bad + 1));
    }
    return Status::InvalidArgument(fmt::format("broken JSON: {}", simdjson::error_message(error)));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("expected a JSON object, found {}", TypeName(root.type())));
  }
  graph::Article article;
  article.text = FirstField(object, {"text", "maintext", "body", "content", "article", "text_content",
                                         "articleBody"});
  if (article.text.empty()) {
    return Status::InvalidArgument(
        "no text: none of text, maintext, body, content, article, text_content, articleBody holds a "
        "non-empty string");
  }
  article.id = FirstField(object, {"id", "_id", "article_id", "uid"}, Accept::kNumber);
  if (article.id.empty()) article.id = std::move(default_id);
  article.url = FirstField(object, {"url", "link", "source_url"});
  article.title = FirstField(object, {"title", "headline"});
  article.outlet = FirstField(object, {"outlet", "source", "publisher", "site_name", "source_domain"},
                              Accept::kNamedObject);
  const std::string date =
      FirstField(object, {"date", "date_publish", "published", "publish_date", "published_at", "pubdate",
                          "date_published", "datetime", "publishedAt", "datePublished"});
  if (!date.empty()) {
    auto published = ParseArticleDate(date);
    if (!published) return Status::InvalidArgument(fmt::format("unrecognised date \"{}\"", date));
    article.published = *published;
  }
  if (auto cause = FindNul(article)) return Status::InvalidArgument(*cause);
  article.content_hash = graph::ContentHash(article.text);
  return article;
}

}  // namespace geokg::ingest
