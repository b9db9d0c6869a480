// What `geokg shell` reads: lines from a terminal through GNU readline (with history kept across
// sessions) or from any other standard input, cut into statements that end with ';'.
#ifndef GEOKG_TOOLS_GEOKG_SHELL_INPUT_H_
#define GEOKG_TOOLS_GEOKG_SHELL_INPUT_H_

#include <optional>
#include <string>
#include <vector>

namespace geokg::cli {

// Collects lines until a ';' outside strings, backticked names and comments ends a statement.
// Several statements may share a line, and one may span many; a string ends with its line.
class StatementSplitter {
 public:
  // Adds one line (without its line break); returns the statements it completed, without their ';'.
  std::vector<std::string> Feed(const std::string& line);
  // True when part of a statement is waiting for its ';'.
  bool pending() const { return has_code_; }
  // The unfinished statement, which is then dropped: what standard input left without a final ';'.
  std::string TakeRest();

 private:
  std::string buffer_;
  char quote_ = 0;  // the quote an open string or name started with
  bool block_comment_ = false;
  bool has_code_ = false;  // the buffer holds more than white space and comments
};

// Where lines come from. On a terminal, readline edits them, shows `prompt` and recalls the
// statements of earlier sessions from the history file ($GEOKG_HISTORY, else ~/.geokg_history, the
// last 1000 kept).
class LineSource {
 public:
  LineSource();
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  bool interactive() const { return interactive_; }
  // The next line, or nullopt at the end of input.
  std::optional<std::string> Read(const char* prompt);
  // Adds a finished statement or command to the history (terminals only) and saves it.
  void Remember(const std::string& entry);

 private:
  bool interactive_;
  std::string history_path_;
};

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_SHELL_INPUT_H_
