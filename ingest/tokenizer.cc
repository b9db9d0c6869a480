#include "ingest/tokenizer.h"

#include "ingest/utf8.h"

namespace geokg::ingest {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Builds one word token: its norm and case flags, letter by letter.
class WordBuilder {
 public:
  explicit WordBuilder(Token* token) : token_(token) {}

  void AddLetter(std::string_view text, std::size_t pos, CodePoint c) {
    bool upper = IsUpperLetter(c.value), lower = IsLowerLetter(c.value);
    if (!seen_letter_ && (upper || lower)) {
      token_->capitalized = upper;
      seen_letter_ = true;
    }
    if (lower) all_upper_ = false;
    if (upper || lower) any_cased_ = true;
    AppendLower(c, text.substr(pos, c.length), &token_->norm);
  }
  void AddApostrophe() { token_->norm += '\''; }
  void Finish() { token_->upper = any_cased_ && all_upper_; }

 private:
  Token* token_;
  bool seen_letter_ = false;
  bool all_upper_ = true;
  bool any_cased_ = false;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Token>* out)
      : text_(text), pos_(begin), end_(end), out_(out) {}

  void Run() {
    bool space = true;
    while (pos_ < end_) {
      CodePoint c = At(pos_);
      if (IsSpace(c.value)) {
        space = true;
        pos_ += c.length;
        continue;
      }
      std::size_t before = out_->size();
      if (IsWordChar(c.value)) {
        Word();
      } else {
        Punct(c, space);
      }
      if (out_->size() > before) (*out_)[before].space_before = space;
      space = false;
    }
  }

 private:
  CodePoint At(std::size_t pos) const { return DecodeUtf8(text_.substr(0, end_), pos); }
  bool WordCharAt(std::size_t pos) const { return pos < end_ && IsWordChar(At(pos).value); }

  Token& Start(std::size_t begin, TokenKind kind) {
    Token& t = out_->emplace_back();
    t.begin = static_cast<std::uint32_t>(begin);
    t.kind = kind;
    return t;
  }

  // A run of letters and digits, with the abbreviation dots of "U.S." and inner apostrophes
  // ("d'Ivoire"), and a possessive ending split off as a token of its own.
  void Word() {
    std::size_t start = pos_;
    Token* t = &Start(start, TokenKind::kWord);
    WordBuilder builder(t);
    bool digits_only = true;
    std::size_t segment = 0;  // letters since the last abbreviation dot
    while (pos_ < end_) {
      CodePoint c = At(pos_);
      if (IsWordChar(c.value)) {
        if (c.value >= 0x80 || !IsAsciiDigit(static_cast<char>(c.value))) digits_only = false;
        builder.AddLetter(text_, pos_, c);
        pos_ += c.length;
        ++segment;
        continue;
      }
      if (c.value == '.' && segment == 1 && IsAbbreviationDot(pos_)) {
        pos_ += 1;
        segment = 0;
        continue;
      }
      if (digits_only && (c.value == '.' || c.value == ',') && pos_ + 1 < end_ &&
          IsAsciiDigit(text_[pos_ + 1])) {
        t->norm += static_cast<char>(c.value);
        pos_ += 1;
        continue;
      }
      if (IsApostrophe(c.value) && InnerApostrophe(pos_ + c.length)) {
        builder.AddApostrophe();
        pos_ += c.length;
        segment = 0;
        continue;
      }
      break;
    }
    builder.Finish();
    if (digits_only) t->kind = TokenKind::kNumber;
    t->end = static_cast<std::uint32_t>(pos_);
    Possessive(t->norm);
  }

  // "U.S.", "U.N.", "e.g.": a single letter, a dot, and a letter followed by a dot or the end of
  // the word.
  bool IsAbbreviationDot(std::size_t dot) const {
    if (dot + 1 >= end_ || !IsAsciiAlpha(text_[dot + 1])) {
      // The closing dot of "U.S.": the word so far must already hold one dot.
      return dot > 1 && text_[dot - 2] == '.';
    }
    return dot + 2 >= end_ || text_[dot + 2] == '.';
  }

  // An apostrophe followed by letters that are not a possessive "s".
  bool InnerApostrophe(std::size_t after) const {
    if (!WordCharAt(after)) return false;
    CodePoint next = At(after);
    bool is_s = next.value == 's' || next.value == 'S';
    return !(is_s && !WordCharAt(after + 1));
  }

  // Splits "'s" (and the bare apostrophe of "Palestinians'") off the word just read.
  void Possessive(std::string_view word) {
    if (pos_ >= end_) return;
    CodePoint c = At(pos_);
    if (!IsApostrophe(c.value)) return;
    std::size_t after = pos_ + c.length;
    bool has_s =
        after < end_ && (text_[after] == 's' || text_[after] == 'S') && !WordCharAt(after + 1);
    bool plural = !has_s && !word.empty() && word.back() == 's' && !WordCharAt(after);
    if (!has_s && !plural) return;
    Token& t = Start(pos_, TokenKind::kPunct);
    t.norm = std::string("'s");
    t.space_before = false;
    pos_ = has_s ? after + 1 : after;
    t.end = static_cast<std::uint32_t>(pos_);
  }

  void Punct(CodePoint c, bool space) {
    std::size_t start = pos_;
    pos_ += c.length;
    QuoteSide side = QuoteSide::kNone;
    std::string_view norm = PunctNorm(c, space, &side);
    Token& t = Start(start, TokenKind::kPunct);
    // Built from a view rather than assigned a literal: GCC 12 warns falsely (-Wrestrict) on the
    // latter.
    t.norm = std::string(norm);
    t.quote = side;
    t.end = static_cast<std::uint32_t>(pos_);
  }

  // The norm of the punctuation mark c that started just before pos_; consumes the rest of a
  // multi-character mark ("``", "...", "--").
  std::string_view PunctNorm(CodePoint c, bool space, QuoteSide* side) {
    switch (c.value) {
      case '"':
        *side = QuoteSide::kEither;
        return "\"";
      case 0x201C:
      case 0x201E:
      case 0x00AB:
        *side = QuoteSide::kOpen;
        return "\"";
      case 0x201D:
      case 0x00BB:
        *side = QuoteSide::kClose;
        return "\"";
      case '`':
      case '\'':
        // `` and '' stand for double quotes in older newswire text.
        if (pos_ < end_ && text_[pos_] == static_cast<char>(c.value)) {
          ++pos_;
          *side = c.value == '`' ? QuoteSide::kOpen : QuoteSide::kClose;
          return "\"";
        }
        return "'";
      case 0x2019:
      case 0x2018:
        return "'";
      case 0x2013:
      case 0x2014:
        return "--";
      case 0x2026:
        return "...";
      case '.':
        // "..." is one token, like the ellipsis character.
        if (pos_ + 1 < end_ && text_[pos_] == '.' && text_[pos_ + 1] == '.') {
          while (pos_ < end_ && text_[pos_] == '.') ++pos_;
          return "...";
        }
        return ".";
      default:
        break;
    }
    if (!IsHyphen(c.value)) return text_.substr(pos_ - c.length, c.length);
    if (!space && WordCharAt(pos_)) return "-";
    while (pos_ < end_ && text_[pos_] == '-') ++pos_;
    return "--";
  }

  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  std::vector<Token>* out_;
};

}  // namespace

void Tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              std::vector<Token>* out) {
  if (end > text.size()) end = static_cast<std::uint32_t>(text.size());
  Tokenizer(text, begin, end, out).Run();
}

std::vector<Token> TokenizePhrase(std::string_view phrase) {
  std::vector<Token> tokens;
  Tokenize(phrase, 0, static_cast<std::uint32_t>(phrase.size()), &tokens);
  return tokens;
}

}  // namespace geokg::ingest
