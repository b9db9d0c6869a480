// Escaping and labels shared by the exporters.
#include <fmt/format.h>

#include <cmath>
#include <exception>

#include "graph/export_internal.h"

namespace geokg::graph::exporting {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls emit(sequence) for each valid UTF-8 sequence of `s` and for U+FFFD in place of each byte
// that starts none: names come from crawled text, and every format here requires valid UTF-8.
template <class Emit>
void ForEachCharacter(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = Utf8Length(s, i);
    emit(n == 0 ? kReplacement : s.substr(i, n));
    i += n == 0 ? 1 : n;
  }
}

}  // namespace

std::size_t Utf8Length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  std::size_t n = c < 0x80                   ? 1
                  : (c >= 0xC2 && c <= 0xDF) ? 2
                  : (c >= 0xE0 && c <= 0xEF) ? 3
                  : (c >= 0xF0 && c <= 0xF4) ? 4
                                             : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  if ((c == 0xE0 && at(i + 1) < 0xA0) || (c == 0xED && at(i + 1) >= 0xA0) ||
      (c == 0xF0 && at(i + 1) < 0x90) || (c == 0xF4 && at(i + 1) >= 0x90))
    return 0;
  return n;
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  ForEachCharacter(s, [&](std::string_view c) { out += c; });
  return out;
}

std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  ForEachCharacter(s, [&](std::string_view c) {
    if (c == "\"" || c == "\\") {
      out += '\\';
      out += c;
    } else if (c == "\n") {
      out += "\\n";
    } else if (c.size() == 1 && (static_cast<unsigned char>(c[0]) < 0x20 || c[0] == 0x7f)) {
      out += ' ';
    } else {
      out += c;
    }
  });
  return out + '"';
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  ForEachCharacter(s, [&](std::string_view c) {
    if (c == "&") {
      out += "&amp;";
    } else if (c == "<") {
      out += "&lt;";
    } else if (c == ">") {
      out += "&gt;";
    } else if (c == "\"") {
      out += "&quot;";
    } else if (c == "'") {
      out += "&apos;";
    } else if (c == "\t" || c == "\n" || c == "\r") {
      out += fmt::format("&#{};", static_cast<int>(c[0]));
    } else if ((c.size() == 1 && static_cast<unsigned char>(c[0]) < 0x20) || c == "\xEF\xBF\xBE" ||
               c == "\xEF\xBF\xBF") {
      out += kReplacement;
    } else {
      out += c;
    }
  });
  return out;
}

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  ForEachCharacter(s, [&](std::string_view c) {
    if (c == "\"" || c == "\\") {
      out += '\\';
      out += c;
    } else if (c == "\n") {
      out += "\\n";
    } else if (c == "\r") {
      out += "\\r";
    } else if (c == "\t") {
      out += "\\t";
    } else if (c.size() == 1 && static_cast<unsigned char>(c[0]) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<int>(c[0]));
    } else {
      out += c;
    }
  });
  return out + '"';
}

std::string CsvField(std::string_view s) {
  std::string text = ValidUtf8(s);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string XmlDouble(float value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  return fmt::format("{}", value);
}

std::string JsonNumber(float value) {
  return std::isfinite(value) ? fmt::format("{}", value) : "null";
}

std::string RelationName(const ViewEdge& edge) {
  return edge.relation_name.empty() ? fmt::format("relation {}", edge.relation)
                                    : edge.relation_name;
}

std::string DateSpan(const ViewEdge& edge) {
  if (!edge.first.known()) return "";
  if (edge.first == edge.last) return edge.first.ToString();
  return edge.first.ToString() + ".." + edge.last.ToString();
}

Status Guarded(std::string_view format, std::ostream& out, const std::function<Status()>& write) {
  try {
    if (Status s = write(); !s.ok()) return s;
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("writing the {} output: {}", format, e.what()));
  }
  if (!out) return Status::IOError(fmt::format("writing the {} output failed", format));
  return Status::OK();
}

}  // namespace geokg::graph::exporting
