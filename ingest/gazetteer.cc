#include "ingest/gazetteer.h"

namespace geokg::ingest {
namespace {

bool NamesActor(GazetteerKind kind) {
  return kind == GazetteerKind::kActor || kind == GazetteerKind::kDemonym;
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& dir) {
  std::unique_ptr<Gazetteer> gazetteer(new Gazetteer());
  if (Status s = gazetteer->LoadActors(dir + "/actors.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadPeople(dir + "/people.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadRoles(dir + "/roles.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadPeriods(dir + "/periods.tsv"); !s.ok()) return s;
  if (Status s = gazetteer->LoadNonActors(dir + "/non_actors.tsv"); !s.ok()) return s;
  return gazetteer;
}

std::optional<std::string> Gazetteer::AddName(std::string_view name, GazetteerKind kind,
                                              std::uint32_t index, std::optional<Period> period) {
  std::vector<Token> tokens = TokenizePhrase(name);
  if (tokens.empty()) return "empty name";
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = table_.MatchAt(tokens, 0, matches);
  for (std::size_t m = 0; m < count; ++m) {
    if (matches[m].length != tokens.size()) continue;
    for (std::uint32_t payload : matches[m].payloads) {
      const Entry& other = entries_[payload];
      bool non_actor = kind == GazetteerKind::kNonActor || other.kind == GazetteerKind::kNonActor;
      if (non_actor && (NamesActor(kind) || NamesActor(other.kind))) {
        std::uint32_t actor = NamesActor(kind) ? index : other.index;
        return "'" + std::string(name) + "' names actor '" + actors_[actor].name +
               "' and is listed as naming no actor";
      }
      if (!NamesActor(kind) || !NamesActor(other.kind) || other.index == index) continue;
      // An undated name and a period name may share words: the period decides on its dates.
      if (period.has_value() != other.period.has_value()) continue;
      if (period && other.period) {
        bool apart =
            (period->last != 0 && other.period->first != 0 && period->last < other.period->first) ||
            (other.period->last != 0 && period->first != 0 && other.period->last < period->first);
        if (apart) continue;
        return "'" + std::string(name) + "' already names actor '" + actors_[other.index].name +
               "' in an overlapping period";
      }
      return "'" + std::string(name) + "' already names actor '" + actors_[other.index].name + "'";
    }
  }
  Entry entry{kind, index, {}, period};
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

std::uint32_t Gazetteer::LastDay(const graph::Date& date) {
  std::uint32_t packed = date.Packed();
  if (date.precision == graph::DatePrecision::kYear) return packed + 1231;
  if (date.precision == graph::DatePrecision::kMonth) return packed + 31;
  return packed;
}

bool Gazetteer::InOffice(const PersonRecord& person, const graph::Date& date) const {
  if (!date.known()) return false;
  if (person.from.known() && date.Packed() < person.from.Packed()) return false;
  return !person.to.known() || date.Packed() <= LastDay(person.to);
}

bool Gazetteer::Holds(const Period& period, std::uint32_t day) {
  return day != 0 && (period.first == 0 || day >= period.first) &&
         (period.last == 0 || day <= period.last);
}

bool Gazetteer::Prefer(const Entry& a, const Entry& b, const graph::Date& date) const {
  if (a.period.has_value() != b.period.has_value()) return a.period.has_value();
  if (a.kind != b.kind) return a.kind < b.kind;
  return a.kind == GazetteerKind::kPerson && InOffice(people_[a.index], date) &&
         !InOffice(people_[b.index], date);
}

GazetteerMatch Gazetteer::MatchAt(std::span<const Token> tokens, std::size_t start,
                                  const graph::Date& date) const {
  // Packed() is 0 for an unknown date, which no period holds.
  const std::uint32_t day = date.Packed();
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = table_.MatchAt(tokens, start, matches);
  for (std::size_t m = 0; m < count; ++m) {
    const Entry* best = nullptr;
    for (std::uint32_t payload : matches[m].payloads) {
      const Entry& entry = entries_[payload];
      if (!Fits(entry, tokens, start)) continue;
      if (entry.period && !Holds(*entry.period, day)) continue;
      if (best == nullptr || Prefer(entry, *best, date)) best = &entry;
    }
    if (best != nullptr) return {best->kind, best->index, matches[m].length};
  }
  return {};
}

std::optional<std::uint32_t> Gazetteer::FindActor(std::string_view canonical_name) const {
  auto it = actor_by_name_.find(canonical_name);
  if (it == actor_by_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace geokg::ingest
