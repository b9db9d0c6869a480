#include "tools/geokg/args.h"

#include <fmt/format.h>

#include <cstdint>

namespace geokg::cli {

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Parse(const CommandSpec& spec, int argc, char** argv, Args* out) {
  bool options_done = false;
  for (int i = 0; i < argc; ++i) {
    std::string word = argv[i];
    if (options_done || word == "-" || word.size() < 2 || word[0] != '-') {
      out->positional_.push_back(word);
      continue;
    }
    if (word == "--") {
      options_done = true;
      continue;
    }
    if (word == "--help" || word == "-h") {
      out->help = true;
      continue;
    }
    std::string name = word, value;
    bool inline_value = false;
    if (auto eq = word.find('='); word.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = word.substr(0, eq);
      value = word.substr(eq + 1);
      inline_value = true;
    }
    const OptionSpec* option = nullptr;
    for (const auto& o : spec.options)
      if (o.name == name || (!o.short_name.empty() && o.short_name == name)) option = &o;
    if (!option) return fmt::format("unknown option '{}' for 'geokg {}'", name, spec.name);
    if (option->value_name.empty()) {
      if (inline_value) return fmt::format("option '{}' takes no value", option->name);
      out->values_[option->name] = "";
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argc) return fmt::format("option '{}' needs a value ({})", name, option->value_name);
      value = argv[++i];
    }
    out->values_[option->name] = value;
  }
  if (out->help) return std::nullopt;
  std::size_t n = out->positional_.size();
  if (n < spec.min_positional)
    return fmt::format("'geokg {}' needs {}", spec.name, spec.synopsis);
  if (n > spec.max_positional)
    return fmt::format("'geokg {}' takes at most {} argument{}, got {}", spec.name,
                       spec.max_positional, spec.max_positional == 1 ? "" : "s", n);
  return std::nullopt;
}

std::string HelpText(const CommandSpec& spec) {
  std::string text = fmt::format("usage: geokg {} {}\n\n{}\n", spec.name, spec.synopsis, spec.summary);
  if (!spec.options.empty()) text += "\noptions:\n";
  for (const auto& o : spec.options) {
    std::string left = o.short_name.empty() ? o.name : o.short_name + ", " + o.name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    text += fmt::format("  {:<22} {}\n", left, o.help);
  }
  text += fmt::format("  {:<22} {}\n", "-h, --help", "show this help");
  if (!spec.details.empty()) text += "\n" + spec.details + "\n";
  return text;
}

}  // namespace geokg::cli
