// Loading people.tsv (format in data/README.md): people's names and the short names that name
// them alone.
#include <map>
#include <set>

#include "ingest/data_file.h"
#include "ingest/gazetteer.h"

namespace geokg::ingest {
namespace {

// The short name a full name gives by default: its last word, when that is a capitalised word of
// three letters or more that is not all capitals, so that "Abdullah II" gives nothing and the
// lower-case tail of "Ban Ki-moon" does not become a name matching "moon".
std::optional<std::string> DerivedShortName(std::string_view name) {
  std::vector<Token> tokens = TokenizePhrase(name);
  if (tokens.size() < 2) return std::nullopt;
  const Token& last = tokens.back();
  if (last.kind != TokenKind::kWord || last.norm.size() < 3 || last.upper || !last.capitalized)
    return std::nullopt;
  return std::string(name.substr(last.begin));
}

struct PersonNames {
  std::vector<std::string> names;   // the name and its aliases
  std::vector<std::string> shorts;  // explicit short names
  bool derive = true;               // short names come from the names
};

// Who uses a short name: (person's name, actor) pairs.
using ShortNameUsers = std::map<std::string, std::set<std::pair<std::string, std::uint32_t>>>;

std::string NormOf(std::string_view name) {
  std::string norm;
  for (const Token& token : TokenizePhrase(name)) norm += token.norm + " ";
  return norm;
}

// Whether people of different names speak for different actors under the same short name. One
// person listed for several offices (Kaja Kallas for Estonia, then the EU) counts once.
bool Ambiguous(const std::set<std::pair<std::string, std::uint32_t>>& users) {
  for (const auto& a : users) {
    for (const auto& b : users) {
      if (a.first != b.first && a.second != b.second) return true;
    }
  }
  return false;
}

}  // namespace

Status Gazetteer::LoadPeople(const std::string& path) {
  auto file = DataFile::Read(path, 2, 7);
  if (!file.ok()) return file.status();
  std::vector<PersonNames> names;
  ShortNameUsers users;
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    PersonRecord person;
    person.name = cells[0];
    if (person.name.empty()) return file->Error(row, "empty person name");
    auto actor = FindActor(cells[1]);
    if (!actor)
      return file->Error(row, "unknown actor '" + cells[1] + "' (define it in actors.tsv)");
    person.actor = *actor;
    if (cells.size() > 2) person.office = cells[2];
    auto from =
        cells.size() > 3 && !cells[3].empty() ? graph::Date::Parse(cells[3]) : graph::Date();
    auto to = cells.size() > 4 && !cells[4].empty() ? graph::Date::Parse(cells[4]) : graph::Date();
    if (!from || !to) return file->Error(row, "dates must be written YYYY, YYYY-MM or YYYY-MM-DD");
    if (from->known() && to->known() && from->Packed() > LastDay(*to))
      return file->Error(row, "the term ends before it starts");
    person.from = *from;
    person.to = *to;
    PersonNames entry;
    entry.names.push_back(person.name);
    if (cells.size() > 5) {
      for (std::string& alias : SplitList(cells[5])) entry.names.push_back(std::move(alias));
    }
    if (cells.size() > 6 && !cells[6].empty()) {
      entry.derive = false;
      if (cells[6] != "none") entry.shorts = SplitList(cells[6]);
    }
    // Every surname counts towards ambiguity, even one the row keeps from naming the person, so
    // that "Khan" alone names no one when two Khans speak for different actors.
    for (const std::string& name : entry.names) {
      if (auto derived = DerivedShortName(name))
        users[NormOf(*derived)].emplace(person.name, person.actor);
    }
    for (const std::string& name : entry.shorts)
      users[NormOf(name)].emplace(person.name, person.actor);
    people_.push_back(std::move(person));
    names.push_back(std::move(entry));
  }
  std::size_t i = 0;
  for (const DataRow& row : file->rows()) {
    auto index = static_cast<std::uint32_t>(i);
    const PersonNames& entry = names[i++];
    for (const std::string& name : entry.names) {
      (void)AddName(name, GazetteerKind::kPerson, index);
      if (!entry.derive) continue;
      if (auto derived = DerivedShortName(name); derived && !Ambiguous(users[NormOf(*derived)]))
        (void)AddName(*derived, GazetteerKind::kPerson, index);
    }
    for (const std::string& name : entry.shorts) {
      if (Ambiguous(users[NormOf(name)])) {
        return file->Error(
            row, "short name '" + name + "' also names someone who speaks for another actor");
      }
      (void)AddName(name, GazetteerKind::kPerson, index);
    }
  }
  return Status::OK();
}

}  // namespace geokg::ingest
