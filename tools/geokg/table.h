// Aligned text tables for the terminal, and the escaping the TSV and JSON outputs need.
#ifndef GEOKG_TOOLS_GEOKG_TABLE_H_
#define GEOKG_TOOLS_GEOKG_TABLE_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::size_t size() const { return rows_.size(); }
  // Columns padded to their widest cell (counted in code points), a rule under the header.
  void Print(std::FILE* out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A TSV cell: tabs and line breaks become spaces.
std::string TsvCell(std::string_view s);
// A JSON string literal, quotes included.
std::string JsonString(std::string_view s);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_TABLE_H_
