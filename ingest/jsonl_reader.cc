#include "ingest/jsonl_reader.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/json_article.h"
#include "ingest/json_scan.h"

namespace geokg::ingest {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string OverLimit(std::size_t bytes, const ReadLimits& limits) {
  return fmt::format("record of {} bytes is over the limit of {} bytes", bytes,
                     limits.max_article_bytes);
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool IsBlank(std::string_view s) { return std::all_of(s.begin(), s.end(), IsSpace); }

std::size_t SkipSpace(std::string_view s, std::size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return pos;
}

// `line_offset` is the number of lines before the first one `in` reads.
void ReadLines(LineReader& in, std::size_t line_offset, const std::string& source,
               const std::string& id_prefix, const ReadLimits& limits,
               const ArticleSink& on_article, const ErrorSink& on_error) {
  JsonArticleParser parser;
  std::string line;
  std::size_t length = 0;
  while (in.NextLine(limits.max_article_bytes, &line, &length)) {
    const Origin origin{source, line_offset + in.line()};
    if (length > limits.max_article_bytes) {
      on_error({origin, OverLimit(length, limits)});
      continue;
    }
    // Files concatenated with `cat` keep the byte order marks their editors wrote.
    if (std::string_view(line).starts_with(kByteOrderMark)) line.erase(0, kByteOrderMark.size());
    if (IsBlank(line)) continue;
    auto article = parser.Parse(&line, fmt::format("{}:{}", id_prefix, origin.line));
    if (article.ok()) {
      on_article(std::move(article).value(), origin);
    } else {
      on_error({origin, article.status().message()});
    }
  }
}

// Line numbers of offsets into a text, for offsets that only grow: counting from the previous one keeps
// a large file linear.
class LineCounter {
 public:
  LineCounter(std::string_view text, std::size_t first_line) : text_(text), line_(first_line) {}
  std::size_t LineAt(std::size_t offset) {
    line_ += static_cast<std::size_t>(
        std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                   text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    offset_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t line_;
};

// Reads the records of a .json file held in memory, each located by ScanJsonValue and parsed on its own
// like a line: a bad record costs only itself, and a file cut short keeps the records before the cut.
class JsonFileReader {
 public:
  JsonFileReader(std::string_view json, std::size_t first_line, const std::string& source,
                 const std::string& id_prefix, const ReadLimits& limits,
                 const ArticleSink& on_article, const ErrorSink& on_error)
      : json_(json), lines_(json, first_line), source_(source), id_prefix_(id_prefix),
        limits_(limits), on_article_(on_article), on_error_(on_error) {}

  // `json` starts with '['. Articles without an id get "<id_prefix>:<n>" for the n-th element.
  void ReadArray();
  // Whitespace-separated values, such as one pretty-printed object. Articles without an id get
  // "<id_prefix>:<line>", as in JSON Lines.
  void ReadValues();

 private:
  void Record(std::size_t begin, std::size_t end, const std::string& default_id);
  void Broken(std::size_t at, std::string_view what, std::string_view cause) {
    on_error_({{source_, lines_.LineAt(at)},
               fmt::format("broken JSON{}: {}; the rest of the file is skipped", what, cause)});
  }

  std::string_view json_;
  LineCounter lines_;
  const std::string& source_;
  const std::string& id_prefix_;
  const ReadLimits& limits_;
  const ArticleSink& on_article_;
  const ErrorSink& on_error_;
  JsonArticleParser parser_;
  std::string record_;
};

void JsonFileReader::Record(std::size_t begin, std::size_t end, const std::string& default_id) {
  const Origin origin{source_, lines_.LineAt(begin)};
  if (end - begin > limits_.max_article_bytes) {
    on_error_({origin, OverLimit(end - begin, limits_)});
    return;
  }
  record_.assign(json_.substr(begin, end - begin));
  auto article = parser_.Parse(&record_, default_id);
  if (article.ok()) {
    on_article_(std::move(article).value(), origin);
  } else {
    on_error_({origin, article.status().message()});
  }
}

void JsonFileReader::ReadArray() {
  constexpr std::string_view kArray = " array";
  std::size_t count = 0;
  std::size_t pos = SkipSpace(json_, 1);
  if (pos < json_.size() && json_[pos] == ']') {
    pos = SkipSpace(json_, pos + 1);
  } else {
    for (;;) {
      if (pos >= json_.size()) return Broken(pos, kArray, "the file ends inside the array");
      const ValueExtent value = ScanJsonValue(json_, pos);
      if (!value.error.empty())
        return Broken(pos, kArray, fmt::format("element {}: {}", count + 1, value.error));
      if (value.end == pos)
        return Broken(pos, kArray, fmt::format("element {} is missing", count + 1));
      ++count;
      Record(pos, value.end, fmt::format("{}:{}", id_prefix_, count));
      pos = SkipSpace(json_, value.end);
      if (pos >= json_.size()) return Broken(pos, kArray, "the file ends inside the array");
      if (json_[pos] == ']') {
        pos = SkipSpace(json_, pos + 1);
        break;
      }
      if (json_[pos] != ',')
        return Broken(pos, kArray, fmt::format("expected ',' or ']' after element {}", count));
      pos = SkipSpace(json_, pos + 1);
    }
  }
  if (pos < json_.size())
    on_error_({{source_, lines_.LineAt(pos)}, "content after the JSON array is ignored"});
}

void JsonFileReader::ReadValues() {
  for (std::size_t pos = SkipSpace(json_, 0); pos < json_.size();) {
    const ValueExtent value = ScanJsonValue(json_, pos);
    if (!value.error.empty()) return Broken(pos, "", value.error);
    if (value.end == pos)
      return Broken(pos, "", fmt::format("unexpected '{}' where a record should start", json_[pos]));
    Record(pos, value.end, fmt::format("{}:{}", id_prefix_, lines_.LineAt(pos)));
    pos = SkipSpace(json_, value.end);
  }
}

// A .json file: an array of articles, JSON Lines, or objects spread over lines (pretty-printed).
void ReadJsonFile(LineReader& in, const std::string& source, const std::string& id_prefix,
                  const ReadLimits& limits, const ArticleSink& on_article,
                  const ErrorSink& on_error) {
  const std::size_t first_line = in.line() + 1;
  std::string json;
  if (!in.ReadRest(simdjson::SIMDJSON_MAXSIZE_BYTES, &json)) {
    on_error({{source, 0}, "JSON file over 4 GiB; write it as JSON Lines instead"});
    return;
  }
  JsonFileReader reader(json, first_line, source, id_prefix, limits, on_article, on_error);
  if (json.front() == '[') return reader.ReadArray();
  // JSON Lines when the first line holds one whole record: then a broken line costs only itself.
  const ValueExtent first = ScanJsonValue(json, 0);
  const std::string_view first_line_text = std::string_view(json).substr(0, json.find('\n'));
  if (!first.error.empty() || first.end > first_line_text.size() ||
      !IsBlank(first_line_text.substr(first.end))) {
    return reader.ReadValues();
  }
  std::istringstream rest(std::move(json));
  LineReader rest_lines(rest);
  ReadLines(rest_lines, first_line - 1, source, id_prefix, limits, on_article, on_error);
}

}  // namespace

void ReadJsonArticles(LineReader& in, const std::string& source, const std::string& id_prefix,
                      bool allow_array, const ReadLimits& limits, const ArticleSink& on_article,
                      const ErrorSink& on_error) {
  const int first = in.SkipBlank();
  if (first < 0) {
    on_error({{source, 0}, "empty file"});
  } else if (allow_array) {
    ReadJsonFile(in, source, id_prefix, limits, on_article, on_error);
  } else {
    ReadLines(in, 0, source, id_prefix, limits, on_article, on_error);
  }
  if (in.failed()) on_error({{source, in.line()}, "read error; the rest of the file is skipped"});
}

}  // namespace geokg::ingest
