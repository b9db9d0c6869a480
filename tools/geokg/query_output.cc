#include "tools/geokg/query_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

// The code point at s[*i], advancing *i past it; malformed bytes count as one replacement character
// each.
char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(*i);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  std::size_t k = *i + 1;
  for (int n = 0; n < extra; ++n, ++k) {
    if (k >= s.size() || (byte(k) & 0xC0) != 0x80) {
      *i += 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  *i = k;
  return cp;
}

// Terminal columns of one code point: combining marks take none, East Asian wide and full-width
// characters and emoji two.
int ColumnsOf(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

std::size_t Columns(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();)
    width += static_cast<std::size_t>(ColumnsOf(NextCodePoint(s, &i)));
  return width;
}

// A cell on one line: control characters become visible escapes so that they cannot break the
// frame.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string Rule(const char* left, const char* middle, const char* right,
                 const std::vector<std::size_t>& widths) {
  std::string line = left;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i) line += middle;
    for (std::size_t k = 0; k < widths[i] + 2; ++k) line += "─";
  }
  return line + right + "\n";
}

std::string Line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                 const std::vector<bool>& right) {
  std::string line = "│";
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const std::string& cell = cells[i];
    std::string pad(widths[i] - Columns(cell), ' ');
    line += " " + (right[i] ? pad + cell : cell + pad) + " │";
  }
  return line + "\n";
}

// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// In CSV and TSV a null is an empty field, as spreadsheet and database loaders expect.
std::string FieldText(const query::Value& v) { return v.is_null() ? "" : v.ToString(); }

void PrintDelimited(const query::QueryResult& r, bool csv, std::FILE* out) {
  auto cell = [csv](const std::string& s) { return csv ? CsvCell(s) : TsvCell(s); };
  const char* sep = csv ? "," : "\t";
  std::string line;
  for (std::size_t i = 0; i < r.columns.size(); ++i) line += (i ? sep : "") + cell(r.columns[i]);
  fmt::print(out, "{}\n", line);
  for (const auto& row : r.rows) {
    line.clear();
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? sep : "") + cell(FieldText(row[i]));
    fmt::print(out, "{}\n", line);
  }
}

void PrintJson(const query::QueryResult& r, std::FILE* out) {
  fmt::print(out, "[");
  for (std::size_t n = 0; n < r.rows.size(); ++n) {
    std::string object = "{";
    for (std::size_t i = 0; i < r.columns.size(); ++i)
      object += (i ? "," : "") + JsonString(r.columns[i]) + ":" + r.rows[n][i].ToJson();
    fmt::print(out, "{}\n{}", n ? "," : "", object + "}");
  }
  fmt::print(out, "{}]\n", r.rows.empty() ? "" : "\n");
}

void PrintTable(const query::QueryResult& r, std::FILE* out) {
  std::vector<std::vector<std::string>> cells;
  // A column reads right-aligned when every value in it is a number.
  std::vector<bool> right(r.columns.size(), !r.rows.empty());
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(row[i].ToString());
      if (!row[i].is_number() && !row[i].is_null()) right[i] = false;
    }
    cells.push_back(std::move(line));
  }
  fmt::print(out, "{}", BoxTable(r.columns, cells, right));
  fmt::print(out, "({} row{})\n", r.rows.size(), r.rows.size() == 1 ? "" : "s");
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  return std::nullopt;
}

std::string BoxTable(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& right) {
  std::vector<std::string> head;
  for (const auto& h : header) head.push_back(OneLine(h));
  std::vector<std::vector<std::string>> body;
  std::vector<std::size_t> widths;
  for (const auto& h : head) widths.push_back(Columns(h));
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < header.size(); ++i) {
      line.push_back(i < row.size() ? OneLine(row[i]) : "");
      widths[i] = std::max(widths[i], Columns(line.back()));
    }
    body.push_back(std::move(line));
  }
  std::vector<bool> align = right;
  align.resize(header.size(), false);
  std::string out = Rule("┌", "┬", "┐", widths);
  out += Line(head, widths, std::vector<bool>(header.size(), false));
  out += Rule("├", "┼", "┤", widths);
  for (const auto& line : body) out += Line(line, widths, align);
  return out + Rule("└", "┴", "┘", widths);
}

void PrintResult(const query::QueryResult& result, OutputFormat format, std::FILE* out,
                 std::FILE* diagnostics) {
  bool explain = result.columns.size() == 1 && result.columns[0] == "plan" && !result.plan.empty();
  if (explain && format == OutputFormat::kTable) {
    fmt::print(out, "{}", result.plan);
    return;
  }
  switch (format) {
    case OutputFormat::kJson:
      PrintJson(result, out);
      break;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      PrintDelimited(result, format == OutputFormat::kCsv, out);
      break;
    case OutputFormat::kTable:
      PrintTable(result, out);
      break;
  }
  if (!explain && !result.plan.empty())
    fmt::print(format == OutputFormat::kTable ? out : diagnostics, "\n{}", result.plan);
}

std::vector<OptionSpec> LimitOptions() {
  query::QueryLimits d;
  return {{"--timeout", "", "SECONDS",
           fmt::format("stop a query after SECONDS (default {}; 0: no limit)",
                       d.timeout.count() / 1000.0)},
          {"--max-rows", "", "N",
           fmt::format("fail a query that returns more than N rows (default {}; 0: no limit)",
                       d.max_rows)},
          {"--max-query-length", "", "N",
           fmt::format("refuse a query longer than N bytes (default {}; 0: no limit)",
                       d.max_query_bytes)}};
}

std::optional<std::string> ReadLimits(const Args& args, query::QueryLimits* limits) {
  if (auto t = args.Get("--timeout")) {
    double seconds = -1;
    auto [ptr, ec] = std::from_chars(t->data(), t->data() + t->size(), seconds);
    if (ec != std::errc() || ptr != t->data() + t->size() || !std::isfinite(seconds) ||
        seconds < 0 || seconds > 1e6)
      return fmt::format("--timeout takes a number of seconds, not '{}'", *t);
    // A positive timeout never rounds down to "no limit".
    auto ms = std::max<std::int64_t>(std::llround(seconds * 1000), seconds > 0 ? 1 : 0);
    limits->timeout = std::chrono::milliseconds(ms);
  }
  auto count = [](const std::string& name, const std::string& text,
                  auto* value) -> std::optional<std::string> {
    std::uint64_t n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || ptr != text.data() + text.size())
      return fmt::format("{} takes a whole number, not '{}'", name, text);
    *value = static_cast<std::remove_pointer_t<decltype(value)>>(n);
    return std::nullopt;
  };
  if (auto n = args.Get("--max-rows"))
    if (auto error = count("--max-rows", *n, &limits->max_rows)) return error;
  if (auto n = args.Get("--max-query-length"))
    if (auto error = count("--max-query-length", *n, &limits->max_query_bytes)) return error;
  return std::nullopt;
}

}  // namespace geokg::cli
