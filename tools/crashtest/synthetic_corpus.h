// A deterministic synthetic corpus for the reliability tools, the tests and the extraction
// benchmark: JSON Lines articles built from the gazetteer and the relation lexicon in a data
// directory, so that it never holds third-party text and every article yields edges.
//
// The same (data directory, options) always gives the same bytes. Every `duplicate_every`-th
// article repeats an earlier article's text under a new id, so that an ingest also exercises the
// store's duplicate detection.
#ifndef GEOKG_TOOLS_CRASHTEST_SYNTHETIC_CORPUS_H_
#define GEOKG_TOOLS_CRASHTEST_SYNTHETIC_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/status.h"

namespace geokg::crashtest {

struct CorpusOptions {
  std::size_t articles = 10000;
  std::size_t sentences = 12;  // per article
  std::uint32_t seed = 20250211;
  std::size_t duplicate_every = 97;  // 0: no duplicates
};

// Writes the corpus to `path`. Fails with NotFound when the data directory lacks
// gazetteer/actors.tsv or lexicon/triggers.tsv, InvalidArgument when they hold no actor or no verb,
// IOError when `path` cannot be written.
Status WriteSyntheticCorpus(const std::string& data_dir, const CorpusOptions& options,
                            const std::string& path);

}  // namespace geokg::crashtest

#endif  // GEOKG_TOOLS_CRASHTEST_SYNTHETIC_CORPUS_H_
