// Tests of the lexicon's formats (data/README.md): the relation columns and trigger forms and flags
// the extraction rules read, loaded through Extractor::Load from a copy of data/ with one file
// replaced.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ingest/extractor.h"

namespace {

namespace fs = std::filesystem;
using geokg::ingest::Extractor;

// A data directory made of the real files, with lexicon files replaced.
class LexiconCopy {
 public:
  explicit LexiconCopy(const std::vector<std::pair<std::string, std::string>>& files) {
    dir_ = fs::temp_directory_path() / ("geokg_lexicon_test_" + std::to_string(::getpid()) + "_" +
                                           std::to_string(++counter_));
    fs::remove_all(dir_);
    fs::copy(GEOKG_DATA_DIR, dir_, fs::copy_options::recursive);
    for (const auto& [file, content] : files)
      std::ofstream(dir_ / "lexicon" / file, std::ios::trunc) << content;
  }
  ~LexiconCopy() { fs::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

// The message of loading data/ with lexicon/`file` replaced by `content`; "" when it loads.
std::string LoadError(const std::string& file, const std::string& content) {
  LexiconCopy data({{file, content}});
  auto loaded = Extractor::Load(data.path());
  if (loaded.ok()) return "";
  CHECK(loaded.status().IsInvalidArgument());
  return loaded.status().message();
}

// Relations whose threats may reach into a conditional (or not), and whose attacks are events (or
// not).
std::string Relations(bool conditional, bool event) {
  return std::string("1\taccuses\t112\tACCUSE\tno\n2\tthreatens\t13\tTHREATEN\tno\t") +
         (conditional ? "yes" : "no") + "\n3\tattacks\t19\tASSAULT\tno\tno\t" +
         (event ? "yes" : "no") + "\n";
}

constexpr char kTriggers[] =
    "threaten|threatened\tthreatens\tverb\n"
    "struck|killed\tattacks\tverb\n"
    "attack|attacks\tattacks\tnoun\n"
    "claimed\tattacks\tclaim\tevent\n";

// "source relation target" of each edge the text yields with these relations and triggers.
std::vector<std::string> Triples(const std::string& relations, const std::string& text) {
  LexiconCopy data({{"relations.tsv", relations}, {"triggers.tsv", kTriggers}});
  auto loaded = Extractor::Load(data.path());
  REQUIRE(loaded.ok());
  geokg::graph::Article article;
  article.text = text;
  std::vector<std::string> out;
  for (const auto& e : (*loaded)->Extract(article).edges)
    out.push_back(e.source + " " + e.relation + " " + e.target);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("relation columns are yes or no, and may be left out", "[extract]") {
  CHECK_THAT(LoadError("relations.tsv", "1\taccuses\t112\tACCUSE\tno\tno\tsometimes\n"),
             Catch::Contains("relations.tsv:1") && Catch::Contains("event"));
  CHECK_THAT(LoadError("relations.tsv", "1\taccuses\t112\tACCUSE\tno\tmaybe\n"),
             Catch::Contains("relations.tsv:1") && Catch::Contains("conditional"));
  CHECK_THAT(LoadError("relations.tsv", "1\taccuses\t112\tACCUSE\n"),
             Catch::Contains("relations.tsv:1"));
}

TEST_CASE("trigger forms and flags are checked", "[extract]") {
  CHECK_THAT(LoadError("triggers.tsv", "snub|snubs\taccuses\tadverb\n"),
             Catch::Contains("triggers.tsv:1") && Catch::Contains("adverb"));
  CHECK_THAT(LoadError("triggers.tsv", "# c\nclaimed\taccuses\tclaim\tstative\n"),
             Catch::Contains("triggers.tsv:2") && Catch::Contains("stative"));
  CHECK_THAT(LoadError("triggers.tsv", "withdraw\taccuses\tverb\tconditional\n"),
             Catch::Contains("triggers.tsv:1") && Catch::Contains("conditional"));
}

TEST_CASE("the relation columns change what the rules do", "[extract]") {
  const std::string threat = "Russia threatened to cut supplies if Moldova joins NATO.";
  CHECK(Triples(Relations(true, true), threat) == Strings{"Russia threatens Moldova"});
  CHECK(Triples(Relations(false, true), threat) == Strings{});

  const std::string deal = "The US struck a deal with Iran.";
  CHECK(Triples(Relations(true, true), deal) == Strings{});
  CHECK(Triples(Relations(true, false), deal) == Strings{"US attacks Iran"});

  const std::string claimed = "A bomber killed two Iraqi soldiers. The PKK claimed the attack.";
  CHECK(Triples(Relations(true, true), claimed) == Strings{"PKK attacks Iraq"});
  CHECK(Triples(Relations(true, false), claimed) == Strings{});
}
