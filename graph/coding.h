// Byte-level encoding shared by graph/keys.cc and graph/records.cc: fixed-width big-endian integers
// and length-prefixed strings. Internal to graph/.
#ifndef GEOKG_GRAPH_CODING_H_
#define GEOKG_GRAPH_CODING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg::graph::coding {

// Big-endian, so that bytewise key order equals numeric order.
template <class UInt>
void PutFixed(std::string* out, UInt value) {
  for (int shift = 8 * (static_cast<int>(sizeof(UInt)) - 1); shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((value >> shift) & 0xff));
}

inline void PutString(std::string* out, std::string_view s) {
  PutFixed<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}

// Reads what the Put functions wrote. Every read checks the remaining length and returns false when
// the input is too short, so that damaged bytes are reported rather than read past.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}

  template <class UInt>
  bool Fixed(UInt* value) {
    if (in_.size() < sizeof(UInt)) return false;
    UInt v = 0;
    for (std::size_t i = 0; i < sizeof(UInt); ++i)
      v = static_cast<UInt>((v << 8) | static_cast<unsigned char>(in_[i]));
    in_.remove_prefix(sizeof(UInt));
    *value = v;
    return true;
  }

  bool Bytes(std::size_t n, std::string_view* out) {
    if (in_.size() < n) return false;
    *out = in_.substr(0, n);
    in_.remove_prefix(n);
    return true;
  }

  bool String(std::string* out) {
    std::uint32_t size = 0;
    std::string_view bytes;
    if (!Fixed(&size) || !Bytes(size, &bytes)) return false;
    out->assign(bytes);
    return true;
  }

  std::size_t remaining() const { return in_.size(); }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace geokg::graph::coding

#endif  // GEOKG_GRAPH_CODING_H_
