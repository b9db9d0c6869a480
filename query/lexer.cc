#include "query/lexer.h"

#include <cctype>

#include "query/errors.h"

namespace geokg::query {

namespace {

bool IsNameStart(char c) {
  // Bytes >= 0x80 start or continue UTF-8 sequences: names may be written in any script.
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool IsNameChar(char c) { return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  Result<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      if (Status s = SkipSpace(); !s.ok()) return s;
      Token t;
      t.offset = pos_;
      if (pos_ >= q_.size()) {
        t.end = pos_;
        out.push_back(t);
        return out;
      }
      char c = q_[pos_];
      Status s;
      if (IsNameStart(c)) {
        t.kind = Token::Kind::kName;
        while (pos_ < q_.size() && IsNameChar(q_[pos_])) ++pos_;
        t.text = q_.substr(t.offset, pos_ - t.offset);
      } else if (IsDigit(c) || (c == '.' && pos_ + 1 < q_.size() && IsDigit(q_[pos_ + 1]))) {
        s = Number(&t);
      } else if (c == '\'' || c == '"') {
        t.kind = Token::Kind::kString;
        s = Quoted(c, &t.text);
      } else if (c == '`') {
        t.kind = Token::Kind::kQuotedName;
        s = Backticked(&t.text);
      } else if (c == '$') {
        ++pos_;
        t.kind = Token::Kind::kParameter;
        while (pos_ < q_.size() && IsNameChar(q_[pos_])) ++pos_;
        t.text = q_.substr(t.offset + 1, pos_ - t.offset - 1);
        if (t.text.empty()) s = Error(t.offset, "'$' must be followed by a parameter name");
      } else {
        s = Symbol(&t);
      }
      if (!s.ok()) return s;
      t.end = pos_;
      out.push_back(std::move(t));
    }
  }

 private:
  Status Error(std::size_t at, const std::string& message) { return ErrorAt(q_, at, "syntax error", message); }

  Status SkipSpace() {
    while (pos_ < q_.size()) {
      char c = q_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (q_.substr(pos_, 2) == "//") {
        while (pos_ < q_.size() && q_[pos_] != '\n') ++pos_;
      } else if (q_.substr(pos_, 2) == "/*") {
        std::size_t end = q_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) return Error(pos_, "unterminated comment");
        pos_ = end + 2;
      } else {
        break;
      }
    }
    return Status::OK();
  }

  Status Number(Token* t) {
    std::size_t start = pos_;
    while (pos_ < q_.size() && IsDigit(q_[pos_])) ++pos_;
    bool is_float = false;
    // "1..3" is a range, not the float "1." followed by ".3".
    if (pos_ + 1 < q_.size() && q_[pos_] == '.' && IsDigit(q_[pos_ + 1])) {
      is_float = true;
      ++pos_;
      while (pos_ < q_.size() && IsDigit(q_[pos_])) ++pos_;
    }
    if (pos_ < q_.size() && (q_[pos_] == 'e' || q_[pos_] == 'E')) {
      std::size_t mark = pos_++;
      if (pos_ < q_.size() && (q_[pos_] == '+' || q_[pos_] == '-')) ++pos_;
      if (pos_ < q_.size() && IsDigit(q_[pos_])) {
        is_float = true;
        while (pos_ < q_.size() && IsDigit(q_[pos_])) ++pos_;
      } else {
        pos_ = mark;
      }
    }
    if (pos_ < q_.size() && IsNameStart(q_[pos_])) return Error(pos_, "a number cannot run into a name");
    t->kind = is_float ? Token::Kind::kFloat : Token::Kind::kInteger;
    t->text = q_.substr(start, pos_ - start);
    return Status::OK();
  }

  Status Quoted(char quote, std::string* out) {
    std::size_t start = pos_++;
    while (pos_ < q_.size() && q_[pos_] != quote) {
      char c = q_[pos_++];
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (pos_ >= q_.size()) break;
      char e = q_[pos_++];
      switch (e) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case '\\':
        case '\'':
        case '"': *out += e; break;
        default: return Error(pos_ - 2, std::string("unknown escape '\\") + e + "' in string");
      }
    }
    if (pos_ >= q_.size()) return Error(start, "unterminated string");
    ++pos_;
    return Status::OK();
  }

  Status Backticked(std::string* out) {
    std::size_t start = pos_++;
    std::size_t end = q_.find('`', pos_);
    if (end == std::string_view::npos) return Error(start, "unterminated `name`");
    *out = q_.substr(pos_, end - pos_);
    pos_ = end + 1;
    if (out->empty()) return Error(start, "empty `name`");
    return Status::OK();
  }

  Status Symbol(Token* t) {
    static constexpr std::string_view kTwo[] = {"..", "<>", "!=", "<=", ">="};
    for (std::string_view two : kTwo) {
      if (q_.substr(pos_, 2) == two) {
        t->kind = Token::Kind::kSymbol;
        t->text = two;
        pos_ += 2;
        return Status::OK();
      }
    }
    static constexpr std::string_view kOne = "()[]{},.:;|+-*/%^=<>";
    if (kOne.find(q_[pos_]) == std::string_view::npos) {
      std::size_t len = 1;
      while (pos_ + len < q_.size() && (static_cast<unsigned char>(q_[pos_ + len]) & 0xC0) == 0x80) ++len;
      return Error(pos_, "unexpected character '" + std::string(q_.substr(pos_, len)) + "'");
    }
    t->kind = Token::Kind::kSymbol;
    t->text = q_.substr(pos_++, 1);
    return Status::OK();
  }

  std::string_view q_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<std::vector<Token>> Lex(std::string_view query) { return Lexer(query).Run(); }

}  // namespace geokg::query
