// LineReader: reads an input stream by lines in bounded memory, for the article readers.
//
// An article reader must survive a file with a gigabyte on one line: a line or a rest of input longer than
// the caller's limit is passed over without being stored. A UTF-8 byte order mark at the very start of the
// stream is dropped, since editors on Windows write one and it belongs to no article.
#ifndef GEOKG_INGEST_LINE_READER_H_
#define GEOKG_INGEST_LINE_READER_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::ingest {

class LineReader {
 public:
  // Borrows `in`, which must outlive the reader and is read only through it from now on.
  explicit LineReader(std::istream& in);

  // The bytes read ahead and not yet consumed; reads a first chunk of the stream when none are. Empty at the
  // end of the input.
  std::string_view Peek();

  // Consumes white space, counting the lines it completes, and returns the first other byte (as an unsigned
  // char) without consuming it, or -1 at the end of the input.
  int SkipBlank();

  // Reads the next line without its '\n'. At most `max_bytes` of it are stored in `line`; `*length` gets the
  // full length. Returns false, leaving `line` empty, at the end of the input.
  bool NextLine(std::size_t max_bytes, std::string* line, std::size_t* length);

  // Reads the rest of the input into `rest`. Returns false, and stops reading, as soon as it is clear that
  // the rest is longer than `max_bytes`.
  bool ReadRest(std::size_t max_bytes, std::string* rest);

  // The number of lines consumed: after NextLine, the 1-based number of the line it returned.
  std::size_t line() const { return line_; }

  // The stream failed (an I/O error, not the end of the input).
  bool failed() const { return in_.bad(); }

 private:
  // Reads the next chunk once the current one is consumed. False at the end of the input.
  bool Fill();

  std::istream& in_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::size_t line_ = 0;
  bool started_ = false;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_LINE_READER_H_
