#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>

#include "ingest/ingestor.h"
#include "tools/geokg/commands.h"

namespace geokg::cli {

namespace {

int RunIngest(const Args& args) {
  ingest::IngestOptions options;
  if (auto threads = args.Get("--threads")) {
    char* end = nullptr;
    unsigned long n = std::strtoul(threads->c_str(), &end, 10);
    if (threads->empty() || *end != '\0' || n > 1024)
      return UsageError("ingest", fmt::format("--threads '{}' is not a number from 0 to 1024", *threads));
    options.threads = static_cast<unsigned>(n);
  }
  if (auto bytes = args.Get("--max-article-bytes")) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long n = std::strtoull(bytes->c_str(), &end, 10);
    // A JSON array file is parsed whole, and simdjson stops at 4 GiB.
    if (bytes->empty() || !std::isdigit(static_cast<unsigned char>(bytes->front())) || *end != '\0' ||
        errno != 0 || n == 0 || n > 0xFFFFFFFFull)
      return UsageError("ingest", fmt::format("--max-article-bytes '{}' is not a number from 1 to 4294967295",
                                              *bytes));
    options.limits.max_article_bytes = static_cast<std::size_t>(n);
  }
  auto extractor = LoadExtractor(args);
  if (!extractor) return kExitError;
  auto store = OpenStore(args, /*read_only=*/false);
  if (!store) return kExitError;

  ingest::Ingestor ingestor(store.get(), extractor.get(), options);
  ingest::IngestSummary total;
  int status = kExitOk;
  for (const auto& path : args.positional()) {
    auto summary = ingestor.IngestPath(path, [](const ingest::ReadError& error) {
      fmt::print(stderr, "geokg: {}\n", error.ToString());
    });
    if (!summary.ok()) {  // the store failed: stop, keep what is written
      status = Fail(summary.status());
      ++total.errors;
      break;
    }
    total += *summary;
  }
  fmt::print("{} articles read: {} new, {} duplicates skipped, {} edges added, {} errors\n", total.read,
             total.added, total.duplicates, total.edges, total.errors);
  return total.errors > 0 ? kExitError : status;
}

}  // namespace

Command IngestCommand() {
  return {{"ingest",
           "[--db DIR] [--data DIR] PATH...",
           "Read articles, extract their edges and store them (idempotent: stored articles are skipped).",
           {DbOption(), DataOption(),
            {"--threads", "", "N", "threads that extract (default 0: one per core); writes stay in read order"},
            {"--max-article-bytes", "", "N",
             "largest article read, in bytes (default 16777216); a larger one is reported and skipped"}},
           1,
           SIZE_MAX,
           "PATH is a .txt or .jsonl file, a folder (read recursively), or - for standard input.\n"
           "Exit status 1 when any article could not be read or stored; the others are still stored."},
          RunIngest};
}

}  // namespace geokg::cli
