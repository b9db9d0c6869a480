// Golden files: the DOT export and the timeline of the sample articles (data/articles), compared
// byte for byte with what the program prints, so that any change to the diagram or the timeline
// shows up in review as a diff of tests/golden/.
//
// When a change is intended, regenerate the files and review the diff before committing:
//   GEOKG_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
// (or GEOKG_UPDATE_GOLDEN=1 build/bin/cli_tests '[golden]'). The test then writes the files and
// warns instead of comparing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli_run.h"

using geokg::testing::ReadAll;
using geokg::testing::RunGeokg;
using geokg::testing::SampleArticles;
using geokg::testing::TempDir;

namespace {

std::string GoldenPath(const std::string& name) {
  return std::string(GEOKG_SOURCE_DIR) + "/tests/golden/" + name;
}

bool Updating() {
  const char* update = std::getenv("GEOKG_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// "line N: expected ... got ...", so that a failure says where, not only that, the output changed.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int n = 1;; ++n) {
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) return "the files differ only in their final newline";
    if (!more_e || !more_a || el != al)
      return "line " + std::to_string(n) + ":\n  expected: " + (more_e ? el : "<end of file>") +
             "\n  actual:   " + (more_a ? al : "<end of output>");
  }
}

// Compares `actual` with tests/golden/NAME, or writes it there under GEOKG_UPDATE_GOLDEN=1.
void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  INFO("golden file " << path << " (regenerate with GEOKG_UPDATE_GOLDEN=1)");
  if (Updating()) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    WARN("wrote " << path);
    return;
  }
  REQUIRE(std::filesystem::exists(path));
  const std::string expected = ReadAll(path);
  if (expected != actual) FAIL(FirstDifference(expected, actual));
  SUCCEED();
}

// The sample articles ingested into a fresh database, as a user would.
void IngestSamples(const TempDir& dir) {
  auto ingest = RunGeokg(dir, "ingest --db db '" + SampleArticles() + "'");
  INFO(ingest.err);
  REQUIRE(ingest.status == 0);
}

// Golden files must not depend on where the test ran: the database path is the one thing a
// temporary directory could leak into the output.
void CheckNoTempPath(const TempDir& dir, const std::string& output) {
  CHECK(output.find(dir.path().string()) == std::string::npos);
}

}  // namespace

TEST_CASE("the DOT export of the sample articles matches tests/golden/sample.dot",
          "[cli][golden]") {
  TempDir dir;
  IngestSamples(dir);
  auto dot = RunGeokg(dir, "export --db db --format dot");
  INFO(dot.err);
  REQUIRE(dot.status == 0);
  CheckNoTempPath(dir, dot.out);
  CheckGolden("sample.dot", dot.out);
}

TEST_CASE("the timeline of the sample articles matches tests/golden/sample_timeline.*",
          "[cli][golden]") {
  TempDir dir;
  IngestSamples(dir);
  auto table = RunGeokg(dir, "timeline --db db");
  INFO(table.err);
  REQUIRE(table.status == 0);
  CheckNoTempPath(dir, table.out);
  CheckGolden("sample_timeline.txt", table.out);

  auto json = RunGeokg(dir, "timeline --db db --format json");
  INFO(json.err);
  REQUIRE(json.status == 0);
  CheckNoTempPath(dir, json.out);
  CheckGolden("sample_timeline.json", json.out);
}

TEST_CASE("the golden outputs do not depend on the database or on ingesting twice",
          "[cli][golden]") {
  // A second database, filled in two runs (the second skipping every article as a duplicate), must
  // print the same bytes: the golden files would otherwise pass or fail by chance.
  TempDir first, second;
  IngestSamples(first);
  IngestSamples(second);
  IngestSamples(second);
  for (std::string args :
       {"export --db db --format dot", "timeline --db db", "timeline --db db --format json"}) {
    INFO(args);
    auto a = RunGeokg(first, args);
    auto b = RunGeokg(second, args);
    REQUIRE(a.status == 0);
    REQUIRE(b.status == 0);
    CHECK(a.out == b.out);
  }
}
