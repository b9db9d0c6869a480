#include "ingest/data_file.h"

#include <fstream>
#include <sstream>

#include "ingest/utf8.h"

namespace geokg::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    CodePoint c = DecodeUtf8(s, i);
    if (c.value == 0xFFFD && c.length == 1 && static_cast<unsigned char>(s[i]) >= 0x80)
      return false;
    i += c.length;
  }
  return true;
}

}  // namespace

Result<DataFile> DataFile::Read(const std::string& path, std::size_t min_cells,
                                std::size_t max_cells) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": no such data file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot be read");
  std::string content = buffer.str();

  DataFile file;
  file.path_ = path;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t newline = content.find('\n', pos);
    if (newline == std::string::npos) newline = content.size();
    std::string_view line(content.data() + pos, newline - pos);
    pos = newline + 1;
    ++line_no;
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    DataRow row;
    row.line = line_no;
    if (!ValidUtf8(line)) return file.Error(row, "not valid UTF-8");
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      std::string_view cell =
          Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      row.cells.emplace_back(cell == "-" ? std::string_view() : cell);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    while (row.cells.size() > min_cells && row.cells.back().empty()) row.cells.pop_back();
    if (row.cells.size() < min_cells || row.cells.size() > max_cells) {
      return file.Error(row,
                        "expected " + std::to_string(min_cells) +
                            (min_cells == max_cells ? "" : " to " + std::to_string(max_cells)) +
                            " tab-separated cells, found " + std::to_string(row.cells.size()));
    }
    file.rows_.push_back(std::move(row));
  }
  return file;
}

Status DataFile::Error(const DataRow& row, std::string_view cause) const {
  return Status::InvalidArgument(path_ + ":" + std::to_string(row.line) + ": " +
                                 std::string(cause));
}

std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t bar = cell.find('|', start);
    if (bar == std::string_view::npos) bar = cell.size();
    std::string_view item = Trim(cell.substr(start, bar - start));
    if (!item.empty()) items.emplace_back(item);
    start = bar + 1;
  }
  return items;
}

}  // namespace geokg::ingest
