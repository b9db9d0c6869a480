// geokg_query_fixture DIR: writes the graph the Cypher tests query (tests/query_fixture_graph.h) as
// a geokg database in DIR/db and as Kuzu's CSV files and schema in DIR/kuzu, for tools/kuzu/diff.
#include <fmt/format.h>

#include <filesystem>

#include "graph/store.h"
#include "tests/query_fixture_graph.h"
#include "tools/kuzu/kuzu_csv.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: geokg_query_fixture DIR\n");
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path dir = argv[1];
  std::error_code ec;
  fs::remove_all(dir / "db", ec);
  fs::remove_all(dir / "kuzu", ec);
  fs::create_directories(dir / "kuzu", ec);
  if (ec) {
    fmt::print(stderr, "geokg_query_fixture: cannot create '{}': {}\n", (dir / "kuzu").string(),
               ec.message());
    return 1;
  }
  auto store = geokg::graph::Store::Open((dir / "db").string());
  geokg::Status s = store.ok() ? geokg::testing::BuildQueryFixture(store->get()) : store.status();
  if (s.ok()) s = geokg::kuzu::WriteKuzuFiles(store->get(), (dir / "kuzu").string());
  if (!s.ok()) {
    fmt::print(stderr, "geokg_query_fixture: {}\n", s.ToString());
    return 1;
  }
  return 0;
}
