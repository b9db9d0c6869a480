// Reading the tab-separated data files of the gazetteer and the lexicon (formats in
// data/README.md).
#ifndef GEOKG_INGEST_DATA_FILE_H_
#define GEOKG_INGEST_DATA_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace geokg::ingest {

struct DataRow {
  std::size_t line = 0;            // 1-based
  std::vector<std::string> cells;  // trimmed; a cell holding only "-" is empty
};

class DataFile {
 public:
  // Reads `path`: UTF-8 text, one row a line, cells separated by tabs; blank lines and lines
  // starting with '#' are skipped. NotFound when the file is missing, IOError when it cannot be
  // read, InvalidArgument (naming the line) when a row has fewer than `min_cells` or more than
  // `max_cells` cells or is not valid UTF-8.
  static Result<DataFile> Read(const std::string& path, std::size_t min_cells,
                               std::size_t max_cells);

  const std::vector<DataRow>& rows() const { return rows_; }

  // InvalidArgument "<path>:<line>: <cause>".
  Status Error(const DataRow& row, std::string_view cause) const;

 private:
  std::string path_;
  std::vector<DataRow> rows_;
};

// Splits a list cell ("Nato|NATO") on '|', trimming each item and dropping empty ones.
std::vector<std::string> SplitList(std::string_view cell);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_DATA_FILE_H_
