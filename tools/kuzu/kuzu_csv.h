// Writes a geokg store as the CSV files and the schema Kuzu loads, so that the same graph can be
// queried with the same Cypher in both (tools/kuzu/diff, tools/bench/query_bench.cc).
//
// Kuzu has one label per node table and one table per relationship type, so the schema is:
//   NODE TABLE Actor(name STRING PRIMARY KEY, kind, code, aliases STRING[])
//   NODE TABLE Article(id STRING PRIMARY KEY, title, url, outlet, date)
//   REL TABLE <TYPE>(FROM Actor TO Actor, date, precision, article, sentence INT64, speaker,
//                    confidence DOUBLE, implied BOOLEAN, inferred BOOLEAN), one per relation type,
//                    named as geokg's Cypher names it (ACCUSES, CALLS_FOR).
// Kind labels (:State, ...) have no counterpart; queries that use them do not port. Dates are Kuzu
// DATEs when every date is a day, else strings ("2025-02", which order and compare as geokg's
// coarse dates do).
#ifndef GEOKG_TOOLS_KUZU_KUZU_CSV_H_
#define GEOKG_TOOLS_KUZU_KUZU_CSV_H_

#include <string>

#include "graph/status.h"
#include "graph/store.h"

namespace geokg::kuzu {

// Writes actors.csv, articles.csv, one CSV per relation type and load.cypher (the CREATE and COPY
// statements, one per line, naming the files by absolute path) into `dir`, which must exist. Fails
// with the store's error or IOError naming the file.
Status WriteKuzuFiles(graph::Store* store, const std::string& dir);

}  // namespace geokg::kuzu

#endif  // GEOKG_TOOLS_KUZU_KUZU_CSV_H_
