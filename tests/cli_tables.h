// Reads what the CLI prints back into rows, so that the end-to-end tests can compare one command's
// output with another's (say `analyze centrality` with `relations`) instead of with numbers typed
// in.
#ifndef GEOKG_TESTS_CLI_TABLES_H_
#define GEOKG_TESTS_CLI_TABLES_H_

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace geokg::testing {

using Row = std::map<std::string, std::string>;

// Byte offsets of each code point of `line`, and the size at the end: the tables pad cells by code
// points, so a name like "Türkiye" must not shift the columns after it.
inline std::vector<std::size_t> CodePointOffsets(const std::string& line) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) offsets.push_back(i);
  offsets.push_back(line.size());
  return offsets;
}

inline std::string Trim(const std::string& s) {
  std::size_t begin = s.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(' ') - begin + 1);
}

// The rows of a box-less table (header, a line of dashes per column, then rows), keyed by header.
// Text before the header (the path summary, say) is skipped: the table starts at the line above the
// first line made only of dashes and spaces.
inline std::vector<Row> ParseTable(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t dashes = 1;
  while (dashes < lines.size() && (lines[dashes].find('-') == std::string::npos ||
                                   lines[dashes].find_first_not_of("- ") != std::string::npos))
    ++dashes;
  std::vector<Row> rows;
  if (dashes >= lines.size()) return rows;
  // Columns start where a run of dashes starts; the cells are in code points.
  std::vector<std::size_t> starts;
  const std::string& rule = lines[dashes];
  for (std::size_t i = 0; i < rule.size(); ++i)
    if (rule[i] == '-' && (i == 0 || rule[i - 1] == ' ')) starts.push_back(i);
  auto cells = [&](const std::string& line) {
    std::vector<std::size_t> offsets = CodePointOffsets(line);
    std::size_t points = offsets.size() - 1;
    std::vector<std::string> out;
    for (std::size_t c = 0; c < starts.size(); ++c) {
      std::size_t from = std::min(starts[c], points);
      std::size_t to = c + 1 < starts.size() ? std::min(starts[c + 1], points) : points;
      out.push_back(Trim(line.substr(offsets[from], offsets[to] - offsets[from])));
    }
    return out;
  };
  std::vector<std::string> header = cells(lines[dashes - 1]);
  for (std::size_t i = dashes + 1; i < lines.size() && !lines[i].empty(); ++i) {
    std::vector<std::string> values = cells(lines[i]);
    Row row;
    for (std::size_t c = 0; c < header.size(); ++c) row[header[c]] = values[c];
    rows.push_back(std::move(row));
  }
  return rows;
}

// Occurrences of `needle` in `text`.
inline int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// Whether a program is on the PATH, for the tests that need Graphviz or python3.
inline bool HaveProgram(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// One event of `geokg timeline --format json`, which prints one event per line.
struct TimelineEvent {
  std::string date, precision, source, relation, target, evidence, article, sentence;
  bool implied = false;
  bool published = false;  // dated by the publication, not by the text
};

inline std::vector<TimelineEvent> ParseTimelineJson(const std::string& json) {
  auto field = [](const std::string& line, const std::string& name) {
    std::smatch m;
    std::regex re("\"" + name + R"re(": (null|"((?:[^"\\]|\\.)*)"|true|false|\d+))re");
    if (!std::regex_search(line, m, re)) return std::string("<missing " + name + ">");
    return m[2].matched ? m[2].str() : m[1].str();
  };
  std::vector<TimelineEvent> events;
  std::istringstream in(json);
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"relation\":") == std::string::npos) continue;
    TimelineEvent e;
    e.date = field(line, "date");
    e.precision = field(line, "precision");
    e.source = field(line, "source");
    e.relation = field(line, "relation");
    e.target = field(line, "target");
    e.evidence = field(line, "evidence");
    e.article = field(line, "article");
    e.sentence = field(line, "sentence");
    e.implied = field(line, "implied") == "true";
    e.published = field(line, "date_is_publication") == "true";
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace geokg::testing

#endif  // GEOKG_TESTS_CLI_TABLES_H_
