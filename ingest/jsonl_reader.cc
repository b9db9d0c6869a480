#include "ingest/jsonl_reader.h"

#include <cctype>
#include <string_view>

#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/json_article.h"
#include "ingest/reader_utf8.h"

namespace geokg::ingest {

namespace {

namespace ondemand = simdjson::ondemand;

std::string OverLimit(std::size_t bytes, const ReadLimits& limits) {
  return fmt::format("record of {} bytes is over the limit of {} bytes", bytes,
                     limits.max_article_bytes);
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view TypeName(ondemand::json_type type) {
  switch (type) {
    case ondemand::json_type::array: return "an array";
    case ondemand::json_type::string: return "a string";
    case ondemand::json_type::boolean: return "a boolean";
    case ondemand::json_type::null: return "null";
    default: return "a number";
  }
}

void ReadLines(LineReader& in, const std::string& source, const std::string& id_prefix,
               const ReadLimits& limits, const ArticleSink& on_article, const ErrorSink& on_error) {
  JsonArticleParser parser;
  std::string line;
  std::size_t length = 0;
  while (in.NextLine(limits.max_article_bytes, &line, &length)) {
    const Origin origin{source, in.line()};
    if (length > limits.max_article_bytes) {
      on_error({origin, OverLimit(length, limits)});
    } else if (!IsBlank(line)) {
      auto article = parser.Parse(&line, fmt::format("{}:{}", id_prefix, origin.line));
      if (article.ok()) {
        on_article(std::move(article).value(), origin);
      } else {
        on_error({origin, article.status().message()});
      }
    }
  }
}

// The array is in memory as a whole anyway, so each element is located by ondemand iteration and then
// parsed on its own like a line: one bad element does not cost the others.
void ReadArray(LineReader& in, const std::string& source, const std::string& id_prefix,
               const ReadLimits& limits, const ArticleSink& on_article, const ErrorSink& on_error) {
  const std::size_t first_line = in.line() + 1;
  std::string json;
  if (!in.ReadRest(simdjson::SIMDJSON_MAXSIZE_BYTES, &json)) {
    on_error({{source, 0}, "JSON array over 4 GiB; write it as JSON Lines instead"});
    return;
  }
  if (auto bad = FindInvalidUtf8(json)) {
    const TextPosition at = LocateOffset(json, *bad, first_line);
    on_error({{source, at.line}, fmt::format("invalid UTF-8 at byte {}", at.byte)});
    return;
  }
  auto line_of = [&](const char* at) {
    return LocateOffset(json, static_cast<std::size_t>(at - json.data()), first_line).line;
  };
  json.reserve(json.size() + simdjson::SIMDJSON_PADDING);
  ondemand::parser array_parser;
  ondemand::document document;
  ondemand::array array;
  // Where iteration stopped, for errors that leave no element to point at.
  auto current_line = [&] {
    const char* at = nullptr;
    return document.current_location().get(at) == simdjson::SUCCESS ? line_of(at) : 0;
  };
  auto broken = [&](std::size_t line, simdjson::error_code error) {
    on_error({{source, line},
              fmt::format("broken JSON array: {}; the rest of the file is skipped",
                          simdjson::error_message(error))});
  };
  if (auto error = array_parser.iterate(json).get(document)) return broken(first_line, error);
  if (auto error = document.get_array().get(array)) return broken(current_line(), error);
  JsonArticleParser parser;
  std::string record;
  std::size_t count = 0;
  for (auto element : array) {
    ondemand::value value;
    const char* at = nullptr;
    if (auto error = element.get(value)) return broken(current_line(), error);
    if (auto error = value.current_location().get(at)) return broken(current_line(), error);
    const Origin origin{source, line_of(at)};
    ++count;
    ondemand::json_type type;
    if (auto error = value.type().get(type)) return broken(origin.line, error);
    if (type != ondemand::json_type::object) {
      on_error({origin, fmt::format("expected a JSON object, found {}", TypeName(type))});
      continue;
    }
    ondemand::object object;
    std::string_view raw;
    if (auto error = value.get_object().get(object)) return broken(origin.line, error);
    if (auto error = object.raw_json().get(raw)) return broken(origin.line, error);
    if (raw.size() > limits.max_article_bytes) {
      on_error({origin, OverLimit(raw.size(), limits)});
      continue;
    }
    record.assign(raw);
    auto article = parser.Parse(&record, fmt::format("{}:{}", id_prefix, count));
    if (article.ok()) {
      on_article(std::move(article).value(), origin);
    } else {
      on_error({origin, article.status().message()});
    }
  }
  const char* tail = nullptr;
  if (document.current_location().get(tail) == simdjson::SUCCESS) {
    on_error({{source, line_of(tail)}, "content after the JSON array is ignored"});
  }
}

}  // namespace

void ReadJsonArticles(LineReader& in, const std::string& source, const std::string& id_prefix,
                      bool allow_array, const ReadLimits& limits, const ArticleSink& on_article,
                      const ErrorSink& on_error) {
  const int first = in.SkipBlank();
  if (first < 0) {
    on_error({{source, 0}, "empty file"});
  } else if (allow_array && first == '[') {
    ReadArray(in, source, id_prefix, limits, on_article, on_error);
  } else {
    ReadLines(in, source, id_prefix, limits, on_article, on_error);
  }
  if (in.failed()) on_error({{source, in.line()}, "read error; the rest of the file is skipped"});
}

}  // namespace geokg::ingest
