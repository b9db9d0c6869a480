#include "ingest/line_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace geokg::ingest {

namespace {

constexpr std::size_t kChunkBytes = 64 << 10;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Appends [data, data + n) to `out`, keeping `out` within `max_bytes`.
void AppendBounded(const char* data, std::size_t n, std::size_t max_bytes, std::string* out) {
  if (out->size() < max_bytes) out->append(data, std::min(n, max_bytes - out->size()));
}

}  // namespace

LineReader::LineReader(std::istream& in) : in_(in), buffer_(kChunkBytes) {}

bool LineReader::Fill() {
  if (pos_ < end_) return true;
  pos_ = end_ = 0;
  if (!in_.good()) return false;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  if (!started_) {
    started_ = true;
    if (std::string_view(buffer_.data(), end_).starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
  }
  return pos_ < end_;
}

std::string_view LineReader::Peek() {
  Fill();
  return std::string_view(buffer_.data() + pos_, end_ - pos_);
}

int LineReader::SkipBlank() {
  while (Fill()) {
    const auto c = static_cast<unsigned char>(buffer_[pos_]);
    if (!std::isspace(c)) return c;
    if (c == '\n') ++line_;
    ++pos_;
  }
  return -1;
}

bool LineReader::NextLine(std::size_t max_bytes, std::string* line, std::size_t* length) {
  line->clear();
  *length = 0;
  if (!Fill()) return false;
  do {
    const char* begin = buffer_.data() + pos_;
    const std::size_t available = end_ - pos_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', available));
    const std::size_t n = newline != nullptr ? static_cast<std::size_t>(newline - begin) : available;
    AppendBounded(begin, n, max_bytes, line);
    *length += n;
    pos_ += n;
    if (newline != nullptr) {
      ++pos_;
      break;
    }
  } while (Fill());
  ++line_;
  return true;
}

bool LineReader::ReadRest(std::size_t max_bytes, std::string* rest) {
  rest->clear();
  while (Fill()) {
    const std::size_t n = end_ - pos_;
    if (rest->size() + n > max_bytes) return false;
    rest->append(buffer_.data() + pos_, n);
    pos_ = end_;
  }
  return true;
}

}  // namespace geokg::ingest
