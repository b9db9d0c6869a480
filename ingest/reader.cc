#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "ingest/reader_utf8.h"
#include "ingest/text_reader.h"

namespace geokg::ingest {

namespace {

namespace fs = std::filesystem;

// How much of a file's start is examined for its encoding and for binary content.
constexpr std::size_t kProbeBytes = 8 << 10;

// The encoding, other than UTF-8, that a byte order mark or the pattern of NUL bytes shows, and how it was
// told: "UTF-16LE text (byte order mark FF FE)".
std::optional<std::string> ForeignEncoding(std::string_view head) {
  using namespace std::string_view_literals;
  for (const auto& [bom, name, bytes] :
       {std::tuple{"\x00\x00\xFE\xFF"sv, "UTF-32BE", "00 00 FE FF"},
        std::tuple{"\xFF\xFE\x00\x00"sv, "UTF-32LE", "FF FE 00 00"},
        std::tuple{"\xFE\xFF"sv, "UTF-16BE", "FE FF"}, std::tuple{"\xFF\xFE"sv, "UTF-16LE", "FF FE"}}) {
    if (head.starts_with(bom)) return fmt::format("{} text (byte order mark {})", name, bytes);
  }
  // Without a mark, UTF-16 text in a Latin script has a NUL in every other byte, and only there.
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  const std::size_t pairs = head.size() / 2;
  if (pairs < 4) return std::nullopt;
  if (odd == 0 && even * 2 >= pairs) return std::string("UTF-16BE text without a byte order mark");
  if (even == 0 && odd * 2 >= pairs) return std::string("UTF-16LE text without a byte order mark");
  return std::nullopt;
}

// Text files have no NUL bytes and are UTF-8: both together this early mean an image, an archive or a
// database. A NUL in otherwise valid text is a damaged record (or the zero-filled tail a crash can leave),
// reported where it is, so that the records around it are kept.
bool LooksBinary(std::string_view head) {
  if (head.find('\0') == std::string_view::npos) return false;
  // A sequence the probe cuts in two is no evidence.
  return FindInvalidUtf8(head.substr(0, head.size() - std::min<std::size_t>(head.size(), 3))).has_value();
}

enum class Format { kText, kJson, kJsonLines };

std::optional<Format> FormatOf(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".txt" || ext == ".text" || ext == ".md") return Format::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".json") return Format::kJson;
  return std::nullopt;
}

// How standard input is read: JSON Lines when it starts with '{'.
Format SniffFormat(LineReader& in) {
  const std::string_view head = in.Peek();
  const auto first = std::find_if(head.begin(), head.end(),
                                  [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
  const int c = first != head.end() ? static_cast<unsigned char>(*first) : in.SkipBlank();
  return c == '{' ? Format::kJsonLines : Format::kText;
}

struct Sinks {
  const ReadLimits& limits;
  const ArticleSink& on_article;
  const ErrorSink& on_error;
};

// `format` is nullopt for standard input, whose format its first bytes tell.
void ReadStream(std::istream& stream, const std::string& source, const std::string& stem,
                std::optional<Format> format, const Sinks& sinks) {
  LineReader in(stream);
  const std::string_view head = in.Peek().substr(0, kProbeBytes);
  if (auto encoding = ForeignEncoding(head)) {
    sinks.on_error({{source, 0}, fmt::format("{}: geokg reads UTF-8; convert the file first", *encoding)});
    return;
  }
  if (LooksBinary(head)) {
    sinks.on_error({{source, 0}, "binary file"});
    return;
  }
  if (!format) format = SniffFormat(in);
  if (*format == Format::kText) {
    ReadTextArticle(in, source, stem, sinks.limits, sinks.on_article, sinks.on_error);
  } else {
    ReadJsonArticles(in, source, stem, *format == Format::kJson, sinks.limits, sinks.on_article,
                     sinks.on_error);
  }
}

// Each of these returns the cause when the path itself cannot be read; the caller names the path.
std::optional<std::string> ReadFile(const fs::path& path, Format format, const Sinks& sinks) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return fmt::format("cannot read: {}", std::strerror(errno));
  ReadStream(stream, path.string(), path.stem().string(), format, sinks);
  return std::nullopt;
}

// Whether `dir` is `ancestor` or lies under it; both are canonical.
bool Within(const fs::path& dir, const fs::path& ancestor) {
  return std::mismatch(ancestor.begin(), ancestor.end(), dir.begin(), dir.end()).first ==
         ancestor.end();
}

// Directories are followed through symlinks, but each real directory only once: a second link to
// a directory does not read its articles twice, and a link back up the tree is reported as a loop
// (a crawler's mirror gone wrong, most likely) rather than followed. `real` is `dir` made
// canonical, empty when that failed.
std::optional<std::string> ReadFolder(const fs::path& dir, const fs::path& real,
                                      std::set<fs::path>* visited, const Sinks& sinks) {
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    entries.push_back(it->path());
  }
  if (error) return fmt::format("cannot read directory: {}", error.message());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const fs::file_type type = fs::status(entry, error).type();
    std::optional<std::string> cause;
    if (type == fs::file_type::directory) {
      const fs::path target = fs::canonical(entry, error);
      if (error) {
        cause = fmt::format("cannot read directory: {}", error.message());
      } else if (visited->insert(target).second) {
        cause = ReadFolder(entry, target, visited, sinks);
      } else if (Within(real, target)) {
        cause = fmt::format("directory loop: links back to {}, not followed", target.string());
      }
    } else if (auto format = FormatOf(entry)) {
      // A dangling symlink gets its error from ReadFile; a FIFO or a device would block or never end.
      if (type == fs::file_type::regular || type == fs::file_type::not_found) {
        cause = ReadFile(entry, *format, sinks);
      } else if (error) {
        cause = fmt::format("cannot read: {}", error.message());
      } else {
        cause = "not a regular file";
      }
    }
    if (cause) sinks.on_error({{entry.string(), 0}, *cause});
  }
  return std::nullopt;
}

Status ReadPath(const std::string& path, const Sinks& sinks) {
  if (path == "-") {
    ReadStream(std::cin, "<stdin>", "stdin", std::nullopt, sinks);
    return Status::OK();
  }
  std::error_code error;
  const fs::file_type type = fs::status(path, error).type();
  if (type == fs::file_type::not_found) {
    return Status::NotFound(fmt::format("no such file or directory: {}", path));
  }
  if (error) return Status::IOError(fmt::format("cannot read {}: {}", path, error.message()));
  std::optional<std::string> cause;
  if (type == fs::file_type::directory) {
    std::set<fs::path> visited;
    const fs::path real = fs::canonical(path, error);  // empty when it fails
    if (!error) visited.insert(real);
    cause = ReadFolder(path, real, &visited, sinks);
  } else if (auto format = FormatOf(path)) {
    cause = ReadFile(path, *format, sinks);
  } else {
    return Status::InvalidArgument(fmt::format(
        "unsupported file type: {} (articles are .txt, .text, .md, .jsonl, .ndjson or .json)", path));
  }
  if (cause) return Status::IOError(fmt::format("{}: {}", path, *cause));
  return Status::OK();
}

}  // namespace

std::string Origin::ToString() const {
  return line == 0 ? file : fmt::format("{}:{}", file, line);
}

std::string ReadError::ToString() const {
  return origin.file.empty() ? message : fmt::format("{}: {}", origin.ToString(), message);
}

Status ReadArticles(const std::string& path, const ArticleSink& on_article, const ErrorSink& on_error,
                    const ReadLimits& limits) {
  // The file system and the allocator may throw, and so may the caller's sinks; no exception leaves
  // the module.
  try {
    return ReadPath(path, Sinks{limits, on_article, on_error});
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("reading {}: {}", path, e.what()));
  } catch (...) {
    return Status::IOError(fmt::format("reading {}: unknown error", path));
  }
}

}  // namespace geokg::ingest
