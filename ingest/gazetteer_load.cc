// Loading actors.tsv, roles.tsv, periods.tsv and non_actors.tsv (formats in data/README.md).
#include "ingest/data_file.h"
#include "ingest/gazetteer.h"

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

std::vector<std::string> ListCell(const std::vector<std::string>& cells, std::size_t i) {
  return cells.size() > i ? SplitList(cells[i]) : std::vector<std::string>();
}

}  // namespace

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
    std::vector<std::string> demonyms = ListCell(cells, 4);
    for (std::size_t list : {3, 5}) {
      for (std::string& name : ListCell(cells, list)) actor.aliases.push_back(std::move(name));
    }
    actor_by_name_.emplace(actor.name, index);
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
    if (auto error = AddName(role.name, GazetteerKind::kRole, index))
      return file->Error(row, *error);
  }
  return Status::OK();
}

Status Gazetteer::LoadPeriods(const std::string& path) {
  auto file = DataFile::Read(path, 3, 4);
  if (!file.ok()) return file.status();
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    std::vector<std::string> names = SplitList(cells[0]);
    if (names.empty()) return file->Error(row, "no name");
    auto actor = FindActor(cells[1]);
    if (!actor)
      return file->Error(row, "unknown actor '" + cells[1] + "' (define it in actors.tsv)");
    std::string_view to_cell = cells.size() > 3 ? std::string_view(cells[3]) : "";
    auto from = cells[2].empty() ? graph::Date() : graph::Date::Parse(cells[2]);
    auto to = to_cell.empty() ? graph::Date() : graph::Date::Parse(to_cell);
    if (!from || !to) return file->Error(row, "dates must be written YYYY, YYYY-MM or YYYY-MM-DD");
    if (!from->known() && !to->known()) {
      return file->Error(row,
                         "a period needs a from or a to date (an undated name belongs in "
                         "actors.tsv)");
    }
    Period period{from->Packed(), to->known() ? LastDay(*to) : 0};
    if (period.last != 0 && period.first > period.last)
      return file->Error(row, "the period ends before it starts");
    for (const std::string& name : names) {
      if (auto error = AddName(name, GazetteerKind::kActor, *actor, period))
        return file->Error(row, *error);
    }
  }
  return Status::OK();
}

Status Gazetteer::LoadNonActors(const std::string& path) {
  auto file = DataFile::Read(path, 1, 1);
  if (!file.ok()) return file.status();
  for (const DataRow& row : file->rows()) {
    if (auto error = AddName(row.cells[0], GazetteerKind::kNonActor, 0))
      return file->Error(row, *error);
  }
  return Status::OK();
}

}  // namespace geokg::ingest
