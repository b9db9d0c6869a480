#include "ingest/gazetteer.h"

#include <map>
#include <set>

#include "ingest/data_file.h"

namespace geokg::ingest {
namespace {

bool IsAlpha3(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// "Ghanaian" -> "Ghanaians"; demonyms ending in a sibilant or "-ese" ("British", "Chinese") are
// their own plural.
std::optional<std::string> DemonymPlural(std::string_view demonym) {
  for (std::string_view ending : {"s", "sh", "ch", "ese", "x", "z"}) {
    if (demonym.ends_with(ending)) return std::nullopt;
  }
  return std::string(demonym) + "s";
}

// The packed form of the last day a date of any precision covers: "2024" runs to 2024-12-31.
std::uint32_t LastDay(const graph::Date& date) {
  std::uint32_t packed = date.Packed();
  if (date.precision == graph::DatePrecision::kYear) return packed + 1231;
  if (date.precision == graph::DatePrecision::kMonth) return packed + 31;
  return packed;
}

std::optional<graph::Date> ParseOptionalDate(std::string_view cell) {
  if (cell.empty()) return graph::Date();
  return graph::Date::Parse(cell);
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir) {
  std::unique_ptr<Gazetteer> gazetteer(new Gazetteer());
  if (Status s = gazetteer->LoadActors(dir + "/actors.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadPeople(dir + "/people.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadRoles(dir + "/roles.tsv"); !s.ok()) return s;
  return gazetteer;
}

Status Gazetteer::LoadActors(const std::string& path) {
  auto file = DataFile::Read(path, 2, 6);
  if (!file.ok()) return file.status();
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    graph::Actor actor;
    actor.name = cells[0];
    if (actor.name.empty()) return file->Error(row, "empty actor name");
    if (FindActor(actor.name))
      return file->Error(row, "actor '" + actor.name + "' is defined twice");
    auto kind = graph::ParseActorKind(cells[1]);
    if (!kind) return file->Error(row, "unknown actor kind '" + cells[1] + "'");
    actor.kind = *kind;
    if (cells.size() > 2) actor.code = cells[2];
    if (!actor.code.empty() && !IsAlpha3(actor.code)) {
      return file->Error(row, "code '" + actor.code + "' is not an ISO 3166 alpha-3 code");
    }
    auto index = static_cast<std::uint32_t>(actors_.size());
    std::vector<std::string> aliases =
        cells.size() > 3 ? SplitList(cells[3]) : std::vector<std::string>();
    std::vector<std::string> demonyms =
        cells.size() > 4 ? SplitList(cells[4]) : std::vector<std::string>();
    std::vector<std::string> metonyms =
        cells.size() > 5 ? SplitList(cells[5]) : std::vector<std::string>();
    for (auto* list : {&aliases, &metonyms}) {
      for (const std::string& name : *list) actor.aliases.push_back(name);
    }
    actors_.push_back(actor);
    if (auto error = AddName(actor.name, GazetteerKind::kActor, index))
      return file->Error(row, *error);
    for (const std::string& name : actor.aliases) {
      if (auto error = AddName(name, GazetteerKind::kActor, index)) return file->Error(row, *error);
    }
    for (const std::string& demonym : demonyms) {
      if (auto error = AddName(demonym, GazetteerKind::kDemonym, index))
        return file->Error(row, *error);
      if (auto plural = DemonymPlural(demonym)) {
        if (auto error = AddName(*plural, GazetteerKind::kDemonym, index))
          return file->Error(row, *error);
      }
    }
  }
  return Status::OK();
}

Status Gazetteer::LoadPeople(const std::string& path) {
  auto file = DataFile::Read(path, 2, 6);
  if (!file.ok()) return file.status();
  std::vector<std::vector<std::string>> names;
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
    auto from = ParseOptionalDate(cells.size() > 3 ? cells[3] : "");
    auto to = ParseOptionalDate(cells.size() > 4 ? cells[4] : "");
    if (!from || !to) return file->Error(row, "dates must be written YYYY, YYYY-MM or YYYY-MM-DD");
    person.from = *from;
    person.to = *to;
    std::vector<std::string> person_names = {person.name};
    if (cells.size() > 5) {
      for (std::string& alias : SplitList(cells[5])) person_names.push_back(std::move(alias));
    }
    people_.push_back(std::move(person));
    names.push_back(std::move(person_names));
  }
  // A surname alone names a person only when everyone of that surname speaks for the same actor.
  // Surnames are words of three letters or more, so that "Abdullah II" does not make "II" a name.
  auto surname_of = [](const std::vector<Token>& tokens) -> const Token* {
    if (tokens.size() < 2) return nullptr;
    const Token& last = tokens.back();
    return last.kind == TokenKind::kWord && last.norm.size() >= 3 && !last.upper ? &last : nullptr;
  };
  std::map<std::string, std::set<std::uint32_t>> surname_actors;
  for (std::uint32_t i = 0; i < people_.size(); ++i) {
    for (const std::string& name : names[i]) {
      if (const Token* surname = surname_of(TokenizePhrase(name))) {
        surname_actors[surname->norm].insert(people_[i].actor);
      }
    }
  }
  for (std::uint32_t i = 0; i < people_.size(); ++i) {
    for (const std::string& name : names[i]) {
      (void)AddName(name, GazetteerKind::kPerson, i);
      std::vector<Token> tokens = TokenizePhrase(name);
      if (surname_of(tokens) != nullptr && surname_actors[tokens.back().norm].size() == 1) {
        std::string_view surname(name);
        surname.remove_prefix(tokens.back().begin);
        (void)AddName(surname, GazetteerKind::kPerson, i);
      }
    }
  }
  return Status::OK();
}

Status Gazetteer::LoadRoles(const std::string& path) {
  auto file = DataFile::Read(path, 2, 2);
  if (!file.ok()) return file.status();
  for (const DataRow& row : file->rows()) {
    RoleRecord role;
    role.name = row.cells[0];
    if (row.cells[1] == "person") {
      role.kind = RoleKind::kPerson;
    } else if (row.cells[1] == "body") {
      role.kind = RoleKind::kBody;
    } else {
      return file->Error(row, "role kind must be 'person' or 'body', not '" + row.cells[1] + "'");
    }
    auto index = static_cast<std::uint32_t>(roles_.size());
    roles_.push_back(role);
    (void)AddName(role.name, GazetteerKind::kRole, index);
  }
  return Status::OK();
}

std::optional<std::string> Gazetteer::AddName(std::string_view name, GazetteerKind kind,
                                              std::uint32_t index) {
  std::vector<Token> tokens = TokenizePhrase(name);
  if (tokens.empty()) return "empty name";
  bool names_actor = kind == GazetteerKind::kActor || kind == GazetteerKind::kDemonym;
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = table_.MatchAt(tokens, 0, matches);
  for (std::size_t m = 0; m < count; ++m) {
    if (matches[m].length != tokens.size()) continue;
    for (std::uint32_t payload : matches[m].payloads) {
      const Entry& other = entries_[payload];
      bool other_actor =
          other.kind == GazetteerKind::kActor || other.kind == GazetteerKind::kDemonym;
      if (names_actor && other_actor && other.index != index) {
        std::string error = "'";
        error.append(name)
            .append("' already names actor '")
            .append(actors_[other.index].name)
            .append("'");
        return error;
      }
    }
  }
  Entry entry{kind, index, {}};
  for (const Token& token : tokens) {
    bool has_letter = token.kind == TokenKind::kWord;
    entry.shape.push_back(!has_letter                            ? CaseShape::kAny
                          : token.upper && token.norm.size() > 1 ? CaseShape::kUpper
                          : token.capitalized                    ? CaseShape::kCapitalized
                                                                 : CaseShape::kAny);
  }
  entries_.push_back(std::move(entry));
  table_.Add(tokens, static_cast<std::uint32_t>(entries_.size() - 1));
  return std::nullopt;
}

bool Gazetteer::Fits(const Entry& entry, std::span<const Token> tokens, std::size_t start) const {
  for (std::size_t i = 0; i < entry.shape.size(); ++i) {
    const Token& token = tokens[start + i];
    if (entry.shape[i] == CaseShape::kUpper && !token.upper) return false;
    if (entry.shape[i] == CaseShape::kCapitalized && !token.capitalized) return false;
  }
  return true;
}

bool Gazetteer::InOffice(const PersonRecord& person, const graph::Date& date) const {
  if (!date.known()) return false;
  if (person.from.known() && date.Packed() < person.from.Packed()) return false;
  return !person.to.known() || date.Packed() <= LastDay(person.to);
}

GazetteerMatch Gazetteer::MatchAt(std::span<const Token> tokens, std::size_t start,
                                  const graph::Date& date) const {
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = table_.MatchAt(tokens, start, matches);
  for (std::size_t m = 0; m < count; ++m) {
    const Entry* best = nullptr;
    for (std::uint32_t payload : matches[m].payloads) {
      const Entry& entry = entries_[payload];
      if (!Fits(entry, tokens, start)) continue;
      if (best == nullptr || entry.kind < best->kind ||
          (entry.kind == GazetteerKind::kPerson && best->kind == GazetteerKind::kPerson &&
           InOffice(people_[entry.index], date) && !InOffice(people_[best->index], date))) {
        best = &entry;
      }
    }
    if (best != nullptr) return {best->kind, best->index, matches[m].length};
  }
  return {};
}

std::optional<std::uint32_t> Gazetteer::FindActor(std::string_view canonical_name) const {
  for (std::uint32_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].name == canonical_name) return i;
  }
  return std::nullopt;
}

}  // namespace geokg::ingest
