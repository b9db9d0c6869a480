// Tests of the gazetteer (ingest/gazetteer.h) on data/gazetteer, of how role words map people to
// the actors they speak for (through the Extractor), and of the errors for malformed data files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractor.h"
#include "ingest/gazetteer.h"
#include "ingest/lexicon.h"
#include "ingest/tokenizer.h"

namespace {

namespace fs = std::filesystem;
using geokg::graph::Date;
using geokg::ingest::Gazetteer;
using geokg::ingest::GazetteerKind;
using geokg::ingest::GazetteerMatch;

const Gazetteer& Gaz() {
  static const Gazetteer* gazetteer = [] {
    auto loaded = Gazetteer::Load(std::string(GEOKG_DATA_DIR) + "/gazetteer");
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return loaded->release();
  }();
  return *gazetteer;
}

// What the gazetteer finds at the start of `text`: "actor:US/1" (kind, name, tokens covered) or "".
std::string MatchStart(std::string_view text, Date date = Date()) {
  std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase(text);
  GazetteerMatch m = Gaz().MatchAt(tokens, 0, date);
  if (m.length == 0) return "";
  std::string length = "/" + std::to_string(m.length);
  switch (m.kind) {
    case GazetteerKind::kActor:
      return "actor:" + Gaz().actor(m.index).name + length;
    case GazetteerKind::kDemonym:
      return "demonym:" + Gaz().actor(m.index).name + length;
    case GazetteerKind::kPerson:
      return "person:" + Gaz().actor(Gaz().person(m.index).actor).name + length;
    case GazetteerKind::kRole:
      return "role:" + Gaz().role(m.index).name + length;
  }
  return "?";
}

const geokg::ingest::Extractor& Ex() {
  static const geokg::ingest::Extractor* extractor = [] {
    auto loaded = geokg::ingest::Extractor::Load(GEOKG_DATA_DIR);
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return loaded->release();
  }();
  return *extractor;
}

// "source relation target speaker" for every edge of `text`.
std::vector<std::string> Edges(const std::string& text) {
  geokg::graph::Article article;
  article.text = text;
  std::vector<std::string> out;
  for (const auto& e : Ex().Extract(article).edges) {
    out.push_back(e.source + " " + e.relation + " " + e.target + " " + e.evidence.speaker);
  }
  return out;
}

// A data directory made of the real files, with one file replaced.
class DataCopy {
 public:
  DataCopy(const std::string& file, const std::string& content) {
    dir_ = fs::temp_directory_path() / ("geokg_gazetteer_test_" + std::to_string(++counter_));
    fs::remove_all(dir_);
    fs::copy(GEOKG_DATA_DIR, dir_, fs::copy_options::recursive);
    std::ofstream(dir_ / file, std::ios::trunc) << content;
  }
  ~DataCopy() { fs::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

}  // namespace

TEST_CASE("gazetteer matches canonical names and aliases", "[extract]") {
  CHECK(MatchStart("US") == "actor:US/1");
  CHECK(MatchStart("United States of America") == "actor:US/4");
  CHECK(MatchStart("U.S.") == "actor:US/1");
  CHECK(MatchStart("Nato") == "actor:NATO/1");
  CHECK(MatchStart("ISKP") == "actor:IS-K/1");
  CHECK(MatchStart("ISIL-Khorasan") == "actor:IS-K/3");
  CHECK(MatchStart("Islamic State Khorasan Province") == "actor:IS-K/4");
  CHECK(MatchStart("al-Qaeda") == "actor:al-Qaida/3");
  CHECK(MatchStart("Ansar Allah") == "actor:Houthis/2");
  CHECK(MatchStart("East Turkestan Islamic Movement") == "actor:ETIM/4");
}

TEST_CASE("gazetteer prefers the longest name", "[extract]") {
  CHECK(MatchStart("Islamic State-Khorasan said") == "actor:IS-K/4");
  CHECK(MatchStart("Islamic State said") == "actor:IS/2");
  CHECK(MatchStart("South Korea rejected") == "actor:South Korea/2");
  CHECK(MatchStart("Pakistani Taliban") == "actor:TTP/2");
  CHECK(MatchStart("UN Security Council") == "actor:UN/3");
}

TEST_CASE("gazetteer matches demonyms and their plurals", "[extract]") {
  CHECK(MatchStart("Pakistani") == "demonym:Pakistan/1");
  CHECK(MatchStart("Pakistanis") == "demonym:Pakistan/1");
  CHECK(MatchStart("Chinese") == "demonym:China/1");
  CHECK(MatchStart("North Korean") == "demonym:North Korea/2");
  CHECK(MatchStart("Palestinians") == "demonym:Palestine/1");
}

TEST_CASE("possessives need no entry of their own", "[extract]") {
  CHECK(MatchStart("Russia's") == "actor:Russia/1");
  CHECK(MatchStart("Russia’s") == "actor:Russia/1");
  CHECK(MatchStart("IS-K’s") == "actor:IS-K/3");
}

TEST_CASE("capitals and institutions stand for their state", "[extract]") {
  CHECK(MatchStart("Islamabad") == "actor:Pakistan/1");
  CHECK(MatchStart("Washington") == "actor:US/1");
  CHECK(MatchStart("Kremlin") == "actor:Russia/1");
  CHECK(MatchStart("White House") == "actor:US/2");
  CHECK(MatchStart("Foreign Office") == "actor:UK/2");
  CHECK(MatchStart("Security Council") == "actor:UN/2");
}

TEST_CASE("a name's case in the data constrains the text", "[extract]") {
  CHECK(MatchStart("us") == "");
  CHECK(MatchStart("who") == "");
  CHECK(MatchStart("WHO") == "actor:WHO/1");
  CHECK(MatchStart("turkey") == "");
  CHECK(MatchStart("RUSSIA") == "actor:Russia/1");
}

TEST_CASE("gazetteer knows role words and people", "[extract]") {
  CHECK(MatchStart("foreign minister") == "role:foreign minister/2");
  CHECK(MatchStart("Ambassador") == "role:ambassador/1");
  CHECK(MatchStart("António Guterres") == "person:UN/2");
  CHECK(MatchStart("Guterres") == "person:UN/1");
  CHECK(MatchStart("Vladimir Putin") == "person:Russia/2");
}

TEST_CASE("the gazetteer reads every actor's definition", "[extract]") {
  auto us = Gaz().FindActor("US");
  REQUIRE(us);
  const auto& actor = Gaz().actor(*us);
  CHECK(actor.kind == geokg::graph::ActorKind::kState);
  CHECK(actor.code == "USA");
  CHECK(std::find(actor.aliases.begin(), actor.aliases.end(), "United States") !=
        actor.aliases.end());
  CHECK(std::find(actor.aliases.begin(), actor.aliases.end(), "Washington") != actor.aliases.end());
  auto isk = Gaz().FindActor("IS-K");
  REQUIRE(isk);
  CHECK(Gaz().actor(*isk).kind == geokg::graph::ActorKind::kGroup);
  CHECK(Gaz().actor(*isk).code.empty());
  CHECK_FALSE(Gaz().FindActor("Atlantis"));
}

TEST_CASE("a role phrase speaks for its leftmost actor", "[extract]") {
  CHECK(Edges("Russia's UN Ambassador Ivan Petrov condemned Poland.") ==
        std::vector<std::string>{"Russia condemns Poland Ivan Petrov"});
  CHECK(Edges("UN counterterrorism chief Olga Brandt warned Hungary.") ==
        std::vector<std::string>{"UN warns Hungary Olga Brandt"});
  CHECK(Edges("US Ambassador Mary Cole urged Cuba to free the prisoners.") ==
        std::vector<std::string>{"US urges Cuba Mary Cole"});
  CHECK(Edges("China's envoy, Li Wen, accused Japan of provocation.") ==
        std::vector<std::string>{"China accuses Japan Li Wen"});
  CHECK(Edges("Pakistan's UN representative, Ali Noor, rejected the Indian proposal.") ==
        std::vector<std::string>{"Pakistan rejects India Ali Noor"});
}

TEST_CASE("a surname alone resolves to the actor its first mention gave", "[extract]") {
  CHECK(Edges("Russia's UN Ambassador Ivan Petrov arrived on Monday. Later, Petrov accused "
              "Lithuania.") == std::vector<std::string>{"Russia accuses Lithuania Petrov"});
  CHECK(Edges("Guterres condemned Sudan.") ==
        std::vector<std::string>{"UN condemns Sudan Guterres"});
}

TEST_CASE("a person's office dates pick among entries of the same name", "[extract]") {
  auto trump_in = [](Date date) {
    std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase("Donald Trump");
    GazetteerMatch m = Gaz().MatchAt(tokens, 0, date);
    REQUIRE(m.kind == GazetteerKind::kPerson);
    return Gaz().person(m.index).from.year;
  };
  CHECK(trump_in(Date::Day(2018, 6, 1)) == 2017);
  CHECK(trump_in(Date::Day(2025, 3, 1)) == 2025);
}

TEST_CASE("malformed data files are reported with file and line", "[extract]") {
  SECTION("unknown actor kind") {
    DataCopy data("gazetteer/actors.tsv", "# header\nUS\tstate\tUSA\nXland\tplanet\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.status().IsInvalidArgument());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("actors.tsv:3") && Catch::Contains("planet"));
  }
  SECTION("an alias naming two actors") {
    DataCopy data("gazetteer/actors.tsv", "US\tstate\tUSA\tAmerica\nUK\tstate\tGBR\tAmerica\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("actors.tsv:2") && Catch::Contains("America"));
  }
  SECTION("a person of an unknown actor") {
    DataCopy data("gazetteer/people.tsv", "Jane Roe\tAtlantis\tQueen\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("people.tsv:1") && Catch::Contains("Atlantis"));
  }
  SECTION("a duplicate relation id") {
    DataCopy data("lexicon/relations.tsv",
                  "1\taccuses\t112\tACCUSE\tno\n1\tblames\t112\tACCUSE\tno\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("relations.tsv:2") && Catch::Contains("id 1"));
  }
  SECTION("a trigger of an unknown relation") {
    DataCopy data("lexicon/triggers.tsv", "# forms\trelation\tform\nhug|hugs\tembraces\tverb\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("triggers.tsv:2") && Catch::Contains("embraces"));
  }
  SECTION("an unknown function word category") {
    DataCopy data("lexicon/function_words.tsv", "not\tnegator\nperhaps\thedge\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(),
               Catch::Contains("function_words.tsv:2") && Catch::Contains("hedge"));
  }
  SECTION("a row with too many cells") {
    DataCopy data("gazetteer/roles.tsv", "envoy\tperson\textra\n");
    auto loaded = geokg::ingest::Extractor::Load(data.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK_THAT(loaded.status().message(), Catch::Contains("roles.tsv:1"));
  }
}

TEST_CASE("a missing data directory is NotFound", "[extract]") {
  auto loaded = geokg::ingest::Extractor::Load("/nonexistent/geokg-data");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().IsNotFound());
  CHECK_THAT(loaded.status().message(), Catch::Contains("actors.tsv"));
}
