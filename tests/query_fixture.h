// QueryFixture: the graph of tests/query_fixture_graph.h in a fresh store in a temporary directory.
#ifndef GEOKG_TESTS_QUERY_FIXTURE_H_
#define GEOKG_TESTS_QUERY_FIXTURE_H_

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "graph/store.h"
#include "tests/query_fixture_graph.h"

namespace geokg::testing {

class QueryFixture {
 public:
  QueryFixture() {
    static std::atomic<int> n{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("geokg-cypher-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir_);
    auto store = graph::Store::Open(dir_.string());
    REQUIRE(store.ok());
    store_ = std::move(*store);
    Status built = BuildQueryFixture(store_.get());
    INFO(built.ToString());
    REQUIRE(built.ok());
  }

  ~QueryFixture() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  graph::Store* store() { return store_.get(); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<graph::Store> store_;
};

}  // namespace geokg::testing

#endif  // GEOKG_TESTS_QUERY_FIXTURE_H_
