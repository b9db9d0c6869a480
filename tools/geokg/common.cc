#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "tools/geokg/commands.h"

namespace geokg::cli {

OptionSpec DbOption() {
  return {"--db", "", "DIR", "database directory (default: $GEOKG_DB, else ./geokg.db)"};
}

OptionSpec DataOption() {
  return {"--data", "", "DIR", "gazetteer and lexicon directory (default: $GEOKG_DATA, else the bundled data/)"};
}

std::string DatabasePath(const Args& args) {
  if (auto db = args.Get("--db")) return *db;
  if (const char* env = std::getenv("GEOKG_DB"); env && *env) return env;
  return "geokg.db";
}

std::string DataPath(const Args& args) {
  if (auto data = args.Get("--data")) return *data;
  if (const char* env = std::getenv("GEOKG_DATA"); env && *env) return env;
  return GEOKG_DATA_DIR;
}

std::unique_ptr<graph::Store> OpenStore(const Args& args, bool read_only) {
  std::string dir = DatabasePath(args);
  std::error_code ec;
  if (read_only && !std::filesystem::exists(dir, ec)) {
    Fail(fmt::format("no database at '{}' (create one with 'geokg ingest --db {} PATH...')", dir, dir));
    return nullptr;
  }
  graph::Store::Options options;
  options.read_only = read_only;
  auto store = graph::Store::Open(dir, options);
  if (!store.ok()) {
    Fail(store.status());
    return nullptr;
  }
  return std::move(*store);
}

std::unique_ptr<ingest::Extractor> LoadExtractor(const Args& args) {
  auto extractor = ingest::Extractor::Load(DataPath(args));
  if (!extractor.ok()) {
    Fail(extractor.status());
    return nullptr;
  }
  return std::move(*extractor);
}

int Fail(const Status& status) { return Fail(status.message()); }

int Fail(const std::string& message) {
  fmt::print(stderr, "geokg: {}\n", message);
  return kExitError;
}

int UsageError(const std::string& command, const std::string& message) {
  fmt::print(stderr, "geokg: {}\nRun 'geokg {}--help' for usage.\n", message,
             command.empty() ? "" : command + " ");
  return kExitUsage;
}

}  // namespace geokg::cli
