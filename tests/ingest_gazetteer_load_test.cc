// Tests of the errors for malformed data files: each names the file, the line and the cause, and a
// missing file is NotFound. The gazetteer's own files are loaded through Gazetteer::Load, the
// lexicon's through Extractor::Load.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/extractor.h"
#include "ingest/gazetteer.h"

namespace {

namespace fs = std::filesystem;
using geokg::ingest::Gazetteer;

// A data directory made of the real files, with one file replaced.
class DataCopy {
 public:
  DataCopy(const std::string& file, const std::string& content) {
    dir_ = fs::temp_directory_path() / ("geokg_gazetteer_load_test_" + std::to_string(::getpid()) + "_" +
                                           std::to_string(++counter_));
    fs::remove_all(dir_);
    fs::copy(GEOKG_DATA_DIR, dir_, fs::copy_options::recursive);
    std::ofstream(dir_ / file, std::ios::trunc) << content;
  }
  ~DataCopy() { fs::remove_all(dir_); }
  std::string path() const { return dir_.string(); }
  std::string gazetteer() const { return (dir_ / "gazetteer").string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

// The message of loading the gazetteer with `file` replaced by `content`; "" when it loads.
std::string GazetteerError(const std::string& file, const std::string& content) {
  DataCopy data("gazetteer/" + file, content);
  auto loaded = Gazetteer::Load(data.gazetteer());
  if (loaded.ok()) return "";
  CHECK(loaded.status().IsInvalidArgument());
  return loaded.status().message();
}

}  // namespace

TEST_CASE("malformed actors are reported with file and line", "[extract]") {
  CHECK_THAT(GazetteerError("actors.tsv", "# header\nUS\tstate\tUSA\nXland\tplanet\n"),
             Catch::Contains("actors.tsv:3") && Catch::Contains("planet"));
  CHECK_THAT(GazetteerError("actors.tsv", "US\tstate\tUSA\tAmerica\nUK\tstate\tGBR\tAmerica\n"),
             Catch::Contains("actors.tsv:2") && Catch::Contains("America"));
  CHECK_THAT(GazetteerError("actors.tsv", "US\tstate\tUS\n"),
             Catch::Contains("actors.tsv:1") && Catch::Contains("alpha-3"));
}

TEST_CASE("malformed people are reported with file and line", "[extract]") {
  CHECK_THAT(GazetteerError("people.tsv", "Jane Roe\tAtlantis\tQueen\n"),
             Catch::Contains("people.tsv:1") && Catch::Contains("Atlantis"));
  CHECK_THAT(GazetteerError("people.tsv", "Jane Roe\tUS\tEnvoy\t2020-13-01\n"),
             Catch::Contains("people.tsv:1") && Catch::Contains("YYYY"));
  CHECK_THAT(GazetteerError("people.tsv", "# c\nJane Roe\tUS\tEnvoy\t2021\t2019\n"),
             Catch::Contains("people.tsv:2") && Catch::Contains("ends before it starts"));
  // An explicit short name that would name people of two actors.
  CHECK_THAT(
      GazetteerError("people.tsv", "Jane Roe\tUS\tEnvoy\t-\t-\t-\tRoe\nJohn Roe\tUK\tEnvoy\n"),
      Catch::Contains("people.tsv:1") && Catch::Contains("'Roe'"));
  // A derived surname two actors share is dropped silently; one person's two offices are fine.
  CHECK(GazetteerError("people.tsv",
                       "Jane Roe\tUS\tEnvoy\nJohn Roe\tUK\tEnvoy\n"
                       "Ann Lee\tUS\tEnvoy\t2010\t2012\nAnn Lee\tEU\tEnvoy\t2013\n") == "");
}

TEST_CASE("malformed periods are reported with file and line", "[extract]") {
  CHECK_THAT(GazetteerError("periods.tsv", "Kabul\tAtlantis\t2021\n"),
             Catch::Contains("periods.tsv:1") && Catch::Contains("Atlantis"));
  CHECK_THAT(GazetteerError("periods.tsv", "# names\tactor\tfrom\tto\nKabul\tTaliban\t-\t-\n"),
             Catch::Contains("periods.tsv:2") && Catch::Contains("needs a from or a to"));
  CHECK_THAT(GazetteerError("periods.tsv", "Kabul\tTaliban\t2021\t1996\n"),
             Catch::Contains("periods.tsv:1") && Catch::Contains("ends before it starts"));
  CHECK_THAT(GazetteerError("periods.tsv", "Kabul\tTaliban\t2021\nKabul\tIS-K\t2020\t2022\n"),
             Catch::Contains("periods.tsv:2") && Catch::Contains("overlapping"));
  // Periods of one name that do not overlap may belong to different actors.
  CHECK(GazetteerError("periods.tsv", "Kabul\tTaliban\t2021\nKabul\tIS-K\t2019\t2020\n") == "");
}

TEST_CASE("a non-actor phrase may not be an actor's name", "[extract]") {
  CHECK_THAT(GazetteerError("non_actors.tsv", "South China Sea\nWhite House\n"),
             Catch::Contains("non_actors.tsv:2") && Catch::Contains("'US'"));
}

TEST_CASE("malformed lexicon files are reported with file and line", "[extract]") {
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

TEST_CASE("a missing data file is NotFound", "[extract]") {
  auto loaded = geokg::ingest::Extractor::Load("/nonexistent/geokg-data");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.status().IsNotFound());
  CHECK_THAT(loaded.status().message(), Catch::Contains("actors.tsv"));
  DataCopy data("gazetteer/periods.tsv", "");
  REQUIRE(fs::remove(fs::path(data.gazetteer()) / "periods.tsv"));
  auto gazetteer = Gazetteer::Load(data.gazetteer());
  REQUIRE_FALSE(gazetteer.ok());
  CHECK(gazetteer.status().IsNotFound());
  CHECK_THAT(gazetteer.status().message(), Catch::Contains("periods.tsv"));
}
