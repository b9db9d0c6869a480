#include "tools/geokg/shell_input.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace geokg::cli {

namespace {

constexpr int kHistoryLines = 1000;

std::string HistoryPath() {
  if (const char* path = std::getenv("GEOKG_HISTORY"); path && *path) return path;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.geokg_history";
  return "";
}

}  // namespace

std::vector<std::string> StatementSplitter::Feed(const std::string& line) {
  std::vector<std::string> done;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    if (block_comment_) {
      if (c == '*' && next == '/') {
        block_comment_ = false;
        ++i;
      }
    } else if (quote_) {
      if (c == '\\' && quote_ != '`') {
        ++i;
      } else if (c == quote_) {
        quote_ = 0;
      }
    } else if (c == '\'' || c == '"' || c == '`') {
      quote_ = c;
      has_code_ = true;
    } else if (c == '/' && next == '*') {
      block_comment_ = true;
      ++i;
    } else if (c == '/' && next == '/') {
      break;
    } else if (c == ';') {
      buffer_ += line.substr(start, i - start);
      if (has_code_) done.push_back(buffer_);
      buffer_.clear();
      has_code_ = false;
      start = i + 1;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      has_code_ = true;
    }
  }
  // Comments before a statement are dropped, so that error positions count from its first word.
  if (has_code_) buffer_ += line.substr(std::min(start, line.size())) + "\n";
  // The shell closes a string at the end of its line (write \n for a line break inside one), so
  // that one stray quote cannot swallow every later statement.
  quote_ = 0;
  return done;
}

std::string StatementSplitter::TakeRest() {
  std::string rest = has_code_ ? buffer_ : "";
  buffer_.clear();
  has_code_ = false;
  block_comment_ = false;
  return rest;
}

LineSource::LineSource() : interactive_(::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO)) {
  if (!interactive_) return;
  history_path_ = HistoryPath();
  using_history();
  stifle_history(kHistoryLines);
  if (!history_path_.empty()) read_history(history_path_.c_str());
}

LineSource::~LineSource() {
  if (interactive_ && !history_path_.empty())
    history_truncate_file(history_path_.c_str(), kHistoryLines);
}

std::optional<std::string> LineSource::Read(const char* prompt) {
  if (!interactive_) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  char* raw = readline(prompt);
  if (!raw) return std::nullopt;
  std::string line(raw);
  std::free(raw);
  return line;
}

void LineSource::Remember(const std::string& entry) {
  if (!interactive_ || entry.empty()) return;
  add_history(entry.c_str());
  if (!history_path_.empty() && append_history(1, history_path_.c_str()) != 0)
    write_history(history_path_.c_str());
}

}  // namespace geokg::cli
