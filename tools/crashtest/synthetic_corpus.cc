#include "tools/crashtest/synthetic_corpus.h"

#include <fmt/format.h>

#include <fstream>
#include <random>
#include <sstream>
#include <vector>

namespace geokg::crashtest {

namespace {

// The rows of a data TSV file, without comments and blank lines.
Result<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

struct Vocabulary {
  std::vector<std::string> actors;
  std::vector<std::string> past_verbs;  // "accused", "urged", ...
};

Result<Vocabulary> LoadVocabulary(const std::string& data_dir) {
  Vocabulary v;
  auto actors = ReadTsv(data_dir + "/gazetteer/actors.tsv");
  if (!actors.ok()) return actors.status();
  for (const auto& row : *actors)
    if (!row.empty() && !row[0].empty()) v.actors.push_back(row[0]);
  auto triggers = ReadTsv(data_dir + "/lexicon/triggers.tsv");
  if (!triggers.ok()) return triggers.status();
  for (const auto& row : *triggers) {
    // Multi-word triggers with gaps ("urge ... to") would need their object placed inside them.
    if (row.size() < 3 || row[2] != "verb" || row[0].find("...") != std::string::npos) continue;
    std::vector<std::string> forms;
    std::stringstream ss(row[0]);
    for (std::string form; std::getline(ss, form, '|');) forms.push_back(form);
    // The forms are base, third person, past, participle: the past tense is the third.
    if (forms.size() >= 3) v.past_verbs.push_back(forms[2]);
  }
  if (v.actors.empty() || v.past_verbs.empty())
    return Status::InvalidArgument(data_dir + " holds no actor or no verb to build a corpus from");
  return v;
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

class Generator {
 public:
  Generator(const Vocabulary& v, std::uint32_t seed) : v_(v), rng_(seed) {}

  std::string Text(std::size_t sentences) {
    static constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    std::string text;
    for (std::size_t s = 0; s < sentences; ++s) {
      const std::string& a = Pick(v_.actors);
      const std::string& b = Pick(v_.actors);
      const std::string& verb = Pick(v_.past_verbs);
      switch (rng_() % 6) {
        case 0:
          text += fmt::format("{} {} {} on {}.", a, verb, b, kDays[rng_() % 5]);
          break;
        case 1:
          text += fmt::format("Officials in {} said talks with {} would resume next month.", a, b);
          break;
        case 2:
          text += fmt::format("A spokesperson for {} {} {} over the border incident.", a, verb, b);
          break;
        case 3:
          text += fmt::format("The meeting in {} ended without a joint statement.", a);
          break;
        case 4:
          text += fmt::format("{} and {} {} {} in a joint statement.", a, b, verb, Pick(v_.actors));
          break;
        default:
          text += fmt::format("Analysts said the dispute between {} and {} could widen.", a, b);
          break;
      }
      text += s % 4 == 3 ? "\n\n" : " ";
    }
    return text;
  }

  std::size_t Below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

 private:
  const std::string& Pick(const std::vector<std::string>& items) {
    return items[Below(items.size())];
  }

  const Vocabulary& v_;
  std::mt19937 rng_;
};

}  // namespace

Status WriteSyntheticCorpus(const std::string& data_dir, const CorpusOptions& options,
                            const std::string& path) {
  auto vocabulary = LoadVocabulary(data_dir);
  if (!vocabulary.ok()) return vocabulary.status();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write " + path);
  Generator generator(*vocabulary, options.seed);
  std::vector<std::string> texts;
  texts.reserve(options.articles);
  for (std::size_t i = 0; i < options.articles; ++i) {
    const bool duplicate =
        options.duplicate_every != 0 && i > 0 && i % options.duplicate_every == 0;
    texts.push_back(duplicate ? texts[generator.Below(i)] : generator.Text(options.sentences));
    out << fmt::format(
        R"({{"id": "synthetic-{}", "title": "Synthetic report {}", "date": "2025-{:02}-{:02}", )"
        R"("url": "https://example.org/synthetic/{}", "source": "Synthetic Wire", "text": "{}"}})"
        "\n",
        i, i, 1 + i % 12, 1 + i % 28, i, JsonEscape(texts.back()));
  }
  out.flush();
  if (!out) return Status::IOError("cannot write " + path);
  return Status::OK();
}

}  // namespace geokg::crashtest
