// Hooks for tests of the store's defences: they write bytes behind the store's back, the way a damaged disk
// or a newer geokg would, without the tests depending on RocksDB themselves. Not for use outside tests.
#ifndef GEOKG_GRAPH_TESTING_H_
#define GEOKG_GRAPH_TESTING_H_

#include <string>

#include "graph/status.h"

namespace geokg::graph::testing {

// Writes one raw key and value into the closed database in `dir`. IOError when it cannot be opened.
Status PutRawForTesting(const std::string& dir, const std::string& key, const std::string& value);
// Reads one raw value from the closed database in `dir` into *value. NotFound when the key is
// absent.
Status GetRawForTesting(const std::string& dir, const std::string& key, std::string* value);

}  // namespace geokg::graph::testing

#endif  // GEOKG_GRAPH_TESTING_H_
