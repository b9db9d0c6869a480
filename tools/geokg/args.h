// Command-line parsing for the geokg program: each command declares its options, and Parse turns argv
// into an Args or a usage error (exit status 2).
#ifndef GEOKG_TOOLS_GEOKG_ARGS_H_
#define GEOKG_TOOLS_GEOKG_ARGS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geokg::cli {

struct OptionSpec {
  std::string name;        // "--db"
  std::string short_name;  // "-o", or empty
  std::string value_name;  // "DIR"; empty for a flag
  std::string help;
};

struct CommandSpec {
  std::string name;
  std::string synopsis;  // "[--db DIR] PATH..."
  std::string summary;   // one line
  std::vector<OptionSpec> options;
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;  // SIZE_MAX for any number
  std::string details;             // printed after the options by --help
};

class Args {
 public:
  std::optional<std::string> Get(const std::string& name) const;
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  const std::vector<std::string>& positional() const { return positional_; }

  bool help = false;  // --help or -h was given

 private:
  friend std::optional<std::string> Parse(const CommandSpec&, int, char**, Args*);
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// Parses argv[0..argc) (the words after the command name). Returns the error message on wrong usage.
std::optional<std::string> Parse(const CommandSpec& spec, int argc, char** argv, Args* out);

// The --help text of a command.
std::string HelpText(const CommandSpec& spec);

}  // namespace geokg::cli

#endif  // GEOKG_TOOLS_GEOKG_ARGS_H_
