#include "ingest/text_reader.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/article_date.h"
#include "ingest/reader_utf8.h"

namespace geokg::ingest {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string NormaliseNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      out += '\n';  // a lone CR, as old Mac files end their lines
    }
  }
  return out;
}

struct Line {
  std::string_view text;
  std::size_t number;
  bool blank() const { return Trim(text).empty(); }
};

std::vector<Line> SplitLines(std::string_view text, std::size_t first_line) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({text.substr(begin, end - begin), first_line + lines.size()});
    begin = end + 1;
  }
  return lines;
}

enum class Key { kTitle, kDate, kUrl, kOutlet, kId };

struct Header {
  Key key;
  std::string_view value;
};

// Only known keys make a header, so that a title such as "Breaking: ceasefire agreed" stays a title.
std::optional<Header> ParseHeader(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string key(Trim(line.substr(0, colon)));
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view value = Trim(line.substr(colon + 1));
  if (key == "title") return Header{Key::kTitle, value};
  if (key == "date" || key == "published") return Header{Key::kDate, value};
  if (key == "url" || key == "link") return Header{Key::kUrl, value};
  if (key == "source" || key == "outlet" || key == "publisher") return Header{Key::kOutlet, value};
  if (key == "id") return Header{Key::kId, value};
  return std::nullopt;
}

// The cause when `header` cannot go into `article`.
std::optional<std::string> ApplyHeader(const Header& header, graph::Article* article) {
  const std::string value(header.value);
  switch (header.key) {
    case Key::kTitle: article->title = value; break;
    case Key::kUrl: article->url = value; break;
    case Key::kOutlet: article->outlet = value; break;
    case Key::kId: article->id = value; break;
    case Key::kDate:
      if (value.empty()) break;
      if (auto date = ParseArticleDate(value)) {
        article->published = *date;
      } else {
        return fmt::format("unrecognised date \"{}\"", value);
      }
      break;
  }
  return std::nullopt;
}

std::string TitleText(std::string_view line) {
  line = Trim(line);
  const std::size_t marks = line.find_first_not_of('#');
  if (marks > 0 && marks != std::string_view::npos && line[marks] == ' ') line.remove_prefix(marks);
  return std::string(Trim(line));
}

// Everything from `first` on, without the blank lines around it.
std::string_view Rest(const std::vector<Line>& lines, std::size_t first, std::string_view text) {
  if (first >= lines.size()) return {};
  return Trim(text.substr(static_cast<std::size_t>(lines[first].text.data() - text.data())));
}

// Splits `text` into title, headers and body; the error (with its line) when a header is unusable.
std::optional<ReadError> ParseArticle(std::string_view text, std::size_t first_line,
                                      graph::Article* article) {
  const std::vector<Line> lines = SplitLines(text, first_line);
  std::size_t i = 0;
  while (i < lines.size() && lines[i].blank()) ++i;
  std::optional<std::size_t> title_line;
  for (; i < lines.size() && !lines[i].blank(); ++i) {
    if (auto header = ParseHeader(lines[i].text)) {
      if (auto cause = ApplyHeader(*header, article)) return ReadError{{"", lines[i].number}, *cause};
    } else if (title_line) {
      break;  // a second plain line: the body follows the title without a blank line
    } else {
      title_line = i;
    }
  }
  std::string body(Rest(lines, i, text));
  const bool titled_by_header = !article->title.empty();
  if (!title_line && !titled_by_header) {
    while (i < lines.size() && lines[i].blank()) ++i;
    if (i < lines.size()) title_line = i;
    body = Rest(lines, i + 1, text);
  }
  if (title_line && titled_by_header) {
    const std::string_view line = Trim(lines[*title_line].text);
    body = body.empty() ? std::string(line) : fmt::format("{}\n{}", line, body);
  } else if (title_line) {
    article->title = TitleText(lines[*title_line].text);
    if (body.empty()) std::swap(body, article->title);
  }
  article->text = std::move(body);
  return std::nullopt;
}

}  // namespace

void ReadTextArticle(LineReader& in, const std::string& source, const std::string& default_id,
                     const ReadLimits& limits, const ArticleSink& on_article,
                     const ErrorSink& on_error) {
  const Origin whole{source, 0};
  const std::size_t first_line = in.line() + 1;
  std::string raw;
  if (!in.ReadRest(limits.max_article_bytes, &raw)) {
    on_error({whole, fmt::format("article over the limit of {} bytes", limits.max_article_bytes)});
    return;
  }
  if (in.failed()) {
    on_error({whole, fmt::format("read error: {}", std::strerror(errno))});
    return;
  }
  const std::string text = NormaliseNewlines(raw);
  if (Trim(text).empty()) {
    on_error({whole, "empty file"});
    return;
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    const TextPosition at = LocateOffset(text, nul, first_line);
    on_error({{source, at.line}, fmt::format("NUL byte at byte {}", at.byte)});
    return;
  }
  if (auto bad = FindInvalidUtf8(text)) {
    const TextPosition at = LocateOffset(text, *bad, first_line);
    on_error({{source, at.line}, fmt::format("invalid UTF-8 at byte {}", at.byte)});
    return;
  }
  graph::Article article;
  if (auto error = ParseArticle(text, first_line, &article)) {
    error->origin.file = source;
    on_error(*error);
    return;
  }
  if (article.text.empty()) {
    on_error({whole, "no text: the file holds only headers"});
    return;
  }
  if (article.id.empty()) article.id = default_id;
  article.content_hash = graph::ContentHash(article.text);
  on_article(std::move(article), whole);
}

}  // namespace geokg::ingest
