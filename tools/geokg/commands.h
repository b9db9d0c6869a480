// The commands of the geokg program and what they share: where the database and the data live, and how a
// failure becomes a message and an exit status.
#ifndef GEOKG_TOOLS_GEOKG_COMMANDS_H_
#define GEOKG_TOOLS_GEOKG_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/store.h"
#include "ingest/extractor.h"
#include "tools/geokg/args.h"

namespace geokg::cli {

// Exit statuses.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  CommandSpec spec;
  int (*run)(const Args& args);
};

// Every command, in the order `geokg --help` lists them.
const std::vector<Command>& Commands();

Command IngestCommand();
Command ExtractCommand();
Command ActorsCommand();
Command RelationsCommand();
Command EdgesCommand();
Command StatsCommand();
Command ExportCommand();
Command TimelineCommand();
Command QueryCommand();
Command ShellCommand();
Command AnalyzeCommand();

// The options every database command takes, and every command that reads the data directory.
OptionSpec DbOption();
OptionSpec DataOption();

// --db, else $GEOKG_DB, else ./geokg.db.
std::string DatabasePath(const Args& args);
// --data, else $GEOKG_DATA, else the data directory of the source tree geokg was built from.
std::string DataPath(const Args& args);

// Opens the database; prints the error and returns nullptr on failure. Read-only opens need the database to
// exist already.
std::unique_ptr<graph::Store> OpenStore(const Args& args, bool read_only);
std::unique_ptr<ingest::Extractor> LoadExtractor(const Args& args);

// Prints "geokg: MESSAGE" to stderr and returns kExitError.
int Fail(const Status& status);
int Fail(const std::string& message);
// Prints "geokg: MESSAGE" and the hint to run --help, and returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_COMMANDS_H_
