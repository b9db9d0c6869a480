#include "ingest/json_article.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

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

// The names each field is read from, first match first.
constexpr std::string_view kIdNames[] = {"id", "_id", "article_id", "uid"};
constexpr std::string_view kUrlNames[] = {"url", "link", "source_url"};
constexpr std::string_view kTitleNames[] = {"title", "headline"};
constexpr std::string_view kDateNames[] = {
    "date",           "date_publish", "published",   "publish_date", "published_at",
    "pubdate",        "date_published", "datetime",  "publishedAt",  "datePublished"};
constexpr std::string_view kTextNames[] = {"text",    "maintext",     "body",       "content",
                                           "article", "text_content", "articleBody"};
constexpr std::string_view kOutletNames[] = {"outlet", "source", "publisher", "site_name",
                                             "source_domain"};

bool IsArticleField(std::string_view key) {
  for (std::span<const std::string_view> names :
       {std::span<const std::string_view>(kIdNames), std::span<const std::string_view>(kUrlNames),
        std::span<const std::string_view>(kTitleNames), std::span<const std::string_view>(kDateNames),
        std::span<const std::string_view>(kTextNames), std::span<const std::string_view>(kOutletNames)}) {
    if (std::find(names.begin(), names.end(), key) != names.end()) return true;
  }
  return false;
}

// A record that names a field geokg reads twice is ambiguous: parsers disagree on which value wins.
std::optional<std::string> FindDuplicateField(simdjson::dom::object record) {
  std::vector<std::string_view> seen;
  for (const auto field : record) {
    if (!IsArticleField(field.key)) continue;
    if (std::find(seen.begin(), seen.end(), field.key) != seen.end()) {
      return fmt::format("duplicate key \"{}\": the record names the field twice", field.key);
    }
    seen.push_back(field.key);
  }
  return std::nullopt;
}

// simdjson's messages name its internals ("tape"); these say what is wrong with the input.
std::string JsonErrorText(simdjson::error_code error) {
  switch (error) {
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "improper structure (missing or extra commas, braces, brackets or quotes)";
    case simdjson::TRAILING_CONTENT: return "more than one JSON value on the line";
    case simdjson::UNCLOSED_STRING: return "a string is not closed (is the record cut short?)";
    case simdjson::DEPTH_ERROR:
      return fmt::format("nested deeper than {} levels", simdjson::DEFAULT_MAX_DEPTH);
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return "a number that is malformed or out of range";
    case simdjson::STRING_ERROR:
      return "a malformed string (a bad escape, or a lone UTF-16 surrogate such as \\ud800)";
    case simdjson::UNESCAPED_CHARS: return "a control character in a string is not escaped";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "a misspelt true, false or null";
    default: return simdjson::error_message(error);
  }
}

std::string FirstField(simdjson::dom::object record, std::span<const std::string_view> names,
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
    return Status::InvalidArgument(fmt::format("broken JSON: {}", JsonErrorText(error)));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument(
        fmt::format("expected a JSON object, found {}", TypeName(root.type())));
  }
  if (auto duplicate = FindDuplicateField(object)) return Status::InvalidArgument(*duplicate);
  graph::Article article;
  article.text = FirstField(object, kTextNames);
  if (article.text.empty()) {
    return Status::InvalidArgument(
        "no text: none of text, maintext, body, content, article, text_content, articleBody holds a "
        "non-empty string");
  }
  article.id = FirstField(object, kIdNames, Accept::kNumber);
  if (article.id.empty()) article.id = std::move(default_id);
  article.url = FirstField(object, kUrlNames);
  article.title = FirstField(object, kTitleNames);
  article.outlet = FirstField(object, kOutletNames, Accept::kNamedObject);
  const std::string date = FirstField(object, kDateNames);
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
