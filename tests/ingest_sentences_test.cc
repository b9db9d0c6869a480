// Tests of sentence splitting (ingest/sentences.h) and of the tokens extraction matches on
// (ingest/tokenizer.h).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sentences.h"
#include "ingest/tokenizer.h"

namespace {

using geokg::ingest::Sentence;
using geokg::ingest::SplitSentences;
using geokg::ingest::Token;
using geokg::ingest::Tokenize;

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::vector<std::string> Norms(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, static_cast<std::uint32_t>(text.size()), &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.norm);
  return out;
}

}  // namespace

TEST_CASE("sentences split on final punctuation with byte offsets", "[extract]") {
  std::string text = "Russia warned Poland.  Poland rejected the warning! Was it heard?";
  std::vector<Sentence> sentences = SplitSentences(text);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].begin == 0);
  CHECK(sentences[0].end == 21);
  CHECK(sentences[1].begin == 23);
  CHECK(text.substr(sentences[1].begin, sentences[1].end - sentences[1].begin) ==
        "Poland rejected the warning!");
  CHECK(text.substr(sentences[2].begin, sentences[2].end - sentences[2].begin) == "Was it heard?");
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    CHECK(sentences[i].index == i);
    CHECK_FALSE(sentences[i].headline);
  }
}

TEST_CASE("a lone line without final punctuation is a headline", "[extract]") {
  std::string text =
      "Kenya blames Somalia for border raid\n\n  Kenya's envoy spoke on Monday. He left early.\n";
  std::vector<Sentence> sentences = SplitSentences(text);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].headline);
  CHECK(text.substr(sentences[0].begin, sentences[0].end) ==
        "Kenya blames Somalia for border raid");
  CHECK_FALSE(sentences[1].headline);
  CHECK_FALSE(sentences[2].headline);
  CHECK(text.substr(sentences[2].begin, sentences[2].end - sentences[2].begin) == "He left early.");
}

TEST_CASE("a headline with a question mark in it stays a headline", "[extract]") {
  std::vector<Sentence> sentences =
      SplitSentences("Peace at last? Envoys meet in Doha\n\nThe talks began.");
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].headline);
  CHECK(sentences[1].headline);
  CHECK_FALSE(sentences[2].headline);
}

TEST_CASE("a paragraph of several lines is not a headline", "[extract]") {
  std::vector<Sentence> sentences = SplitSentences("The envoy said the talks\nwould go on");
  REQUIRE(sentences.size() == 1);
  CHECK_FALSE(sentences[0].headline);
}

TEST_CASE("abbreviations and initials do not end a sentence", "[extract]") {
  CHECK(Texts("The U.S. envoy met Mr. Hale on Jan. 5 in St. Louis. Dr. J. K. Rowe agreed.") ==
        std::vector<std::string>{"The U.S. envoy met Mr. Hale on Jan. 5 in St. Louis.",
                                 "Dr. J. K. Rowe agreed."});
  // A lower-case word after a period continues the sentence.
  CHECK(Texts("He cited e.g. sanctions and tariffs. Then he left.").size() == 2);
}

TEST_CASE("closing quotes after the period belong to the sentence", "[extract]") {
  CHECK(
      Texts("“We will respond,” he said. “Nothing else.” Then he left.") ==
      std::vector<std::string>{"“We will respond,” he said.", "“Nothing else.”", "Then he left."});
  CHECK(Texts("He said \"enough.\" Talks ended.") ==
        std::vector<std::string>{"He said \"enough.\"", "Talks ended."});
}

TEST_CASE("empty and blank text have no sentences", "[extract]") {
  CHECK(SplitSentences("").empty());
  CHECK(SplitSentences(" \n\n \t").empty());
}

TEST_CASE("tokens are lower case with byte offsets", "[extract]") {
  std::string text = "Russia’s UN envoy";
  std::vector<Token> tokens;
  Tokenize(text, 0, static_cast<std::uint32_t>(text.size()), &tokens);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].norm == "russia");
  CHECK(tokens[0].capitalized);
  CHECK_FALSE(tokens[0].upper);
  CHECK(tokens[1].norm == "'s");
  CHECK_FALSE(tokens[1].space_before);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "’s");
  CHECK(tokens[2].norm == "un");
  CHECK(tokens[2].upper);
  CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "envoy");
}

TEST_CASE("possessives, hyphens, abbreviations and quotes tokenise predictably", "[extract]") {
  CHECK(Norms("Russia's") == std::vector<std::string>{"russia", "'s"});
  CHECK(Norms("Palestinians' demands") ==
        std::vector<std::string>{"palestinians", "'s", "demands"});
  CHECK(Norms("IS-K’s rise") == std::vector<std::string>{"is", "-", "k", "'s", "rise"});
  CHECK(Norms("US-led forces") == std::vector<std::string>{"us", "-", "led", "forces"});
  CHECK(Norms("the U.S. said") == std::vector<std::string>{"the", "us", "said"});
  CHECK(Norms("Côte d'Ivoire") == std::vector<std::string>{"côte", "d'ivoire"});
  CHECK(Norms("“Yes,” he said — ``no''") ==
        std::vector<std::string>{"\"", "yes", ",", "\"", "he", "said", "--", "\"", "no", "\""});
  CHECK(Norms("15,000 troops") == std::vector<std::string>{"15,000", "troops"});
  CHECK(Norms("held ... responsible") == std::vector<std::string>{"held", "...", "responsible"});
}

TEST_CASE("a tokenised range keeps offsets into the whole text", "[extract]") {
  std::string text = "First. Second sentence.";
  std::vector<Token> tokens;
  Tokenize(text, 7, static_cast<std::uint32_t>(text.size()), &tokens);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].begin == 7);
  CHECK(tokens[0].norm == "second");
}
