// A database's whole content as comparable text, for the crash test: every actor, relation type,
// article and edge with all of their fields, grouped so that a partial database can be checked
// against a complete one article by article.
#ifndef GEOKG_TOOLS_CRASHTEST_STORE_DUMP_H_
#define GEOKG_TOOLS_CRASHTEST_STORE_DUMP_H_

#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/store.h"

namespace geokg::crashtest {

struct ArticleDump {
  std::string article;             // every field of the article, text included
  std::vector<std::string> edges;  // every field of each of its edges (ids, evidence), in id order
};

struct StoreDump {
  std::vector<std::string> actors;     // in id order
  std::vector<std::string> relations;  // in id order
  std::vector<ArticleDump> articles;   // in stored order
  graph::StoreStats counters;          // what Store::Stats reports
  std::size_t edges = 0;               // edges found by the full scan
};

// Reads the database in `dir` through a read-only open and checks it on the way: every edge belongs
// to the article its id numbers, the out-edge and in-edge indexes reach every edge exactly once,
// and the stored counters equal what the scans count. Fails with the store's error, or Corruption
// naming the first inconsistency.
Result<StoreDump> DumpStore(const std::string& dir);

// An empty string when `actual` equals `expected`, else the first difference, quoted.
std::string FirstDifference(const StoreDump& expected, const StoreDump& actual);

// An empty string when `partial` holds exactly the first articles of `full`, with the same edges,
// and every actor it holds under the same id and name; else the first difference.
std::string PrefixDifference(const StoreDump& full, const StoreDump& partial);

}  // namespace geokg::crashtest

#endif  // GEOKG_TOOLS_CRASHTEST_STORE_DUMP_H_
