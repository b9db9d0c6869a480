// The sample articles ingested once per test process, and the store's relationships as
// `geokg relations` prints them: what the export and analyze tests compare the outputs with.
#ifndef GEOKG_TESTS_CLI_SAMPLE_DB_H_
#define GEOKG_TESTS_CLI_SAMPLE_DB_H_

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "tests/cli_run.h"
#include "tests/cli_tables.h"

namespace geokg::testing {

// source, relation, target -> count: one relationship as the store aggregates it.
using Relationships = std::map<std::tuple<std::string, std::string, std::string>, int>;

// A database of the sample articles, shared by the checks of a case: ingesting is the slow part.
inline const TempDir& SampleDb() {
  static const TempDir dir;
  static const std::string error = [] {
    auto ingest = RunGeokg(dir, "ingest --db db '" + SampleArticles() + "'");
    return ingest.status == 0 ? std::string() : "ingest failed: " + ingest.err;
  }();
  INFO(error);
  REQUIRE(error.empty());
  return dir;
}

// Runs `geokg ARGS` on the sample database; the test fails unless it exits 0.
inline std::string Run(const std::string& args) {
  auto r = RunGeokg(SampleDb(), args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.status == 0);
  return r.out;
}

// The relationship table of the store, optionally filtered by relation type.
inline Relationships FromRelations(const std::string& args = "") {
  Relationships out;
  for (const Row& row : ParseTable(Run("relations --db db " + args)))
    out[{row.at("source"), row.at("relation"), row.at("target")}] = std::stoi(row.at("count"));
  return out;
}

// The actors that take part in the relationships.
inline std::set<std::string> Actors(const Relationships& relationships) {
  std::set<std::string> out;
  for (const auto& [key, count] : relationships) {
    out.insert(std::get<0>(key));
    out.insert(std::get<2>(key));
  }
  return out;
}

}  // namespace geokg::testing

#endif  // GEOKG_TESTS_CLI_SAMPLE_DB_H_
