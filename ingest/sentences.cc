#include "ingest/sentences.h"

#include "ingest/utf8.h"

namespace geokg::ingest {
namespace {

// Words whose period is part of the word, not the end of a sentence. These are spelling conventions
// of English, not names, so they live here with the mechanism rather than in the data directory.
constexpr std::string_view kAbbreviations[] = {
    "mr",  "mrs",  "ms",   "dr",  "st",  "sr",  "jr",  "prof", "gen", "lt",   "col",
    "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev",  "hon", "pres", "jan",
    "feb", "mar",  "apr",  "jun", "jul", "aug", "sep", "sept", "oct", "nov",  "dec",
    "inc", "corp", "ltd",  "co",  "vs",  "etc", "mt",  "ft"};

bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// A closing quotation mark or bracket at text[pos]; returns its length, 0 when there is none.
std::size_t CloserLength(std::string_view text, std::size_t pos) {
  char c = text[pos];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  CodePoint cp = DecodeUtf8(text, pos);
  if (cp.value == 0x201D || cp.value == 0x2019 || cp.value == 0x00BB) return cp.length;
  return 0;
}

// Whether the code point at text[pos] may begin a sentence: a capital, a digit, or an opening mark.
bool CanStartSentence(std::string_view text, std::size_t pos) {
  CodePoint cp = DecodeUtf8(text, pos);
  char32_t c = cp.value;
  if (IsUpperLetter(c) || (c >= '0' && c <= '9')) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`') return true;
  if (c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x201E) return true;
  // Scripts without case begin sentences with any letter.
  return IsWordChar(c) && !IsLowerLetter(c) && c >= 0x250;
}

// Whether the period at text[dot] belongs to an abbreviation or an initial rather than ending a
// sentence.
bool IsAbbreviationPeriod(std::string_view text, std::size_t begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > begin && (IsAsciiAlpha(text[start - 1]) || text[start - 1] == '.')) --start;
  std::string_view word = text.substr(start, dot - start);
  if (word.empty()) return false;
  // "U.S", "e.g": letters separated by dots.
  if (word.find('.') != std::string_view::npos) return true;
  // An initial: "John F. Kennedy".
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
  if (word.size() > 5) return false;
  char lower[6] = {};
  for (std::size_t i = 0; i < word.size(); ++i) lower[i] = Lower(word[i]);
  std::string_view key(lower, word.size());
  for (std::string_view abbreviation : kAbbreviations) {
    if (abbreviation == key) return true;
  }
  return false;
}

std::size_t SkipSpace(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    CodePoint cp = DecodeUtf8(text, pos);
    if (!IsSpace(cp.value)) break;
    pos += cp.length;
  }
  return pos;
}

std::size_t TrimEnd(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    std::size_t last = end - 1;
    while (last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (!IsSpace(DecodeUtf8(text, last).value)) break;
    end = last;
  }
  return end;
}

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<Sentence>* out) : text_(text), out_(out) {}

  void Run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t start = SkipSpace(text_, pos, text_.size());
      if (start >= text_.size()) break;
      std::size_t end = ParagraphEnd(start);
      Paragraph(start, TrimEnd(text_, start, end));
      pos = end;
    }
  }

 private:
  // A paragraph runs to the first line that holds only white space.
  std::size_t ParagraphEnd(std::size_t start) const {
    std::size_t pos = start;
    while (pos < text_.size()) {
      std::size_t newline = text_.find('\n', pos);
      if (newline == std::string_view::npos) return text_.size();
      std::size_t next = newline + 1;
      std::size_t line_end = text_.find('\n', next);
      if (line_end == std::string_view::npos) line_end = text_.size();
      if (SkipSpace(text_, next, line_end) == line_end) return newline;
      pos = next;
    }
    return text_.size();
  }

  bool EndsWithTerminal(std::size_t begin, std::size_t end) const {
    while (end > begin) {
      std::size_t last = end - 1;
      while (last > begin && (static_cast<unsigned char>(text_[last]) & 0xC0) == 0x80) --last;
      if (CloserLength(text_, last) == end - last) {
        end = last;
        continue;
      }
      return IsTerminal(text_[last]);
    }
    return false;
  }

  void Paragraph(std::size_t begin, std::size_t end) {
    bool headline = text_.substr(begin, end - begin).find('\n') == std::string_view::npos &&
                    !EndsWithTerminal(begin, end);
    std::size_t start = begin;
    std::size_t pos = begin;
    while (pos < end) {
      if (!IsTerminal(text_[pos])) {
        ++pos;
        continue;
      }
      std::size_t mark = pos;
      ++pos;
      while (pos < end && IsTerminal(text_[pos])) ++pos;
      while (pos < end) {
        std::size_t closer = CloserLength(text_, pos);
        if (closer == 0) break;
        pos += closer;
      }
      if (pos >= end) break;
      std::size_t next = SkipSpace(text_, pos, end);
      if (next == pos || !CanStartSentence(text_, next)) continue;
      if (text_[mark] == '.' && pos == mark + 1 && IsAbbreviationPeriod(text_, start, mark))
        continue;
      Emit(start, pos, headline);
      start = next;
      pos = next;
    }
    Emit(start, end, headline);
  }

  void Emit(std::size_t begin, std::size_t end, bool headline) {
    end = TrimEnd(text_, begin, end);
    if (end <= begin) return;
    Sentence s;
    s.index = static_cast<std::uint32_t>(out_->size());
    s.begin = static_cast<std::uint32_t>(begin);
    s.end = static_cast<std::uint32_t>(end);
    s.headline = headline;
    out_->push_back(s);
  }

  std::string_view text_;
  std::vector<Sentence>* out_;
};

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  Splitter(text, &sentences).Run();
  return sentences;
}

}  // namespace geokg::ingest
