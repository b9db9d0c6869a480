#include "ingest/lexicon.h"

#include <algorithm>
#include <map>
#include <utility>

#include "ingest/data_file.h"

namespace geokg::ingest {
namespace {

constexpr std::pair<std::string_view, std::uint32_t> kCategories[] = {
    {"breaker", kBreaker},
    {"coordinator", kCoordinator},
    {"pause", kPause},
    {"complementiser", kComplementiser},
    {"negator", kNegator},
    {"modal", kModal},
    {"attribution", kAttribution},
    {"preposition", kPreposition},
    {"determiner", kDeterminer},
    {"passive_aux", kPassiveAux},
    {"agent", kAgent},
    {"time", kTime},
    {"conjunction", kConjunction},
    {"pronoun", kPronoun},
    {"description", kDescription},
    {"actor_suffix", 0},  // kSuffixParticipant or kSuffixModifier, by argument
    {"actor_prefix", kPrefixModifier},
    {"genitive", kGenitive},
    {"infinitive", kInfinitive},
};

constexpr std::pair<std::string_view, Referent> kReferents[] = {
    {"person", Referent::kPerson},
    {"person_actor", Referent::kPersonActor},
    {"actor", Referent::kActor},
    {"plural", Referent::kPlural},
    {"speaker", Referent::kSpeaker},
    {"state", Referent::kState},
    {"organization", Referent::kOrganization},
    {"group", Referent::kGroup},
};

std::string Key(const std::vector<Token>& tokens) {
  std::string key;
  for (const Token& token : tokens) {
    key += token.norm;
    key += ' ';
  }
  return key;
}

}  // namespace

Result<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& dir) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  if (Status s = lexicon->LoadRelations(dir + "/relations.tsv"); !s.ok()) return s;
  if (Status s = lexicon->LoadTriggers(dir + "/triggers.tsv"); !s.ok()) return s;
  if (Status s = lexicon->LoadFunctionWords(dir + "/function_words.tsv"); !s.ok()) return s;
  return lexicon;
}

Status Lexicon::LoadRelations(const std::string& path) {
  auto file = DataFile::Read(path, 5, 5);
  if (!file.ok()) return file.status();
  std::vector<std::pair<graph::RelationType, bool>> rows;
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    graph::RelationType type;
    int id = 0;
    for (char c : cells[0]) {
      if (c < '0' || c > '9' || id > 65535)
        return file->Error(row, "relation id must be 1 to 65535");
      id = id * 10 + (c - '0');
    }
    if (id < 1 || id > 65535) return file->Error(row, "relation id must be 1 to 65535");
    type.id = static_cast<graph::RelationId>(id);
    type.name = cells[1];
    type.cameo = cells[2];
    type.plover = cells[3];
    if (type.name.empty() || type.name.find(' ') != std::string::npos) {
      return file->Error(row, "relation name must be one word");
    }
    for (const auto& [other, that] : rows) {
      if (other.id == type.id)
        return file->Error(row, "relation id " + cells[0] + " is used twice");
      if (other.name == type.name)
        return file->Error(row, "relation '" + type.name + "' is defined twice");
    }
    if (cells[4] != "yes" && cells[4] != "no") {
      return file->Error(row, "that-complement column must be 'yes' or 'no'");
    }
    rows.emplace_back(std::move(type), cells[4] == "yes");
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
  for (auto& [type, that] : rows) {
    relations_.push_back(std::move(type));
    that_complement_.push_back(that);
  }
  return Status::OK();
}

std::optional<std::uint16_t> Lexicon::FindRelation(const std::string& name) const {
  for (std::size_t i = 0; i < relations_.size(); ++i) {
    if (relations_[i].name == name) return static_cast<std::uint16_t>(i);
  }
  return std::nullopt;
}

Status Lexicon::LoadTriggers(const std::string& path) {
  auto file = DataFile::Read(path, 3, 4);
  if (!file.ok()) return file.status();
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    TriggerEntry entry;
    auto relation = FindRelation(cells[1]);
    if (!relation)
      return file->Error(row, "unknown relation '" + cells[1] + "' (define it in relations.tsv)");
    entry.relation = *relation;
    if (cells[2] == "verb") {
      entry.form = TriggerForm::kVerb;
    } else if (cells[2] == "noun") {
      entry.form = TriggerForm::kNoun;
    } else if (cells[2] == "predicate") {
      entry.form = TriggerForm::kPredicate;
    } else {
      return file->Error(row, "form must be verb, noun or predicate, not '" + cells[2] + "'");
    }
    if (cells.size() > 3) {
      if (cells[3] != "stative") return file->Error(row, "unknown flag '" + cells[3] + "'");
      entry.stative = true;
    }
    auto index = static_cast<std::uint32_t>(trigger_entries_.size());
    trigger_entries_.push_back(entry);
    std::vector<std::string> phrases = SplitList(cells[0]);
    if (phrases.empty()) return file->Error(row, "no trigger phrase");
    for (const std::string& phrase : phrases) {
      std::vector<Token> tokens = TokenizePhrase(phrase);
      if (tokens.front().norm == "...")
        return file->Error(row, "a trigger cannot start with '...'");
      triggers_.Add(tokens, index);
    }
  }
  return Status::OK();
}

Status Lexicon::LoadFunctionWords(const std::string& path) {
  auto file = DataFile::Read(path, 2, 3);
  if (!file.ok()) return file.status();
  std::map<std::string, std::uint32_t> by_phrase;
  for (const DataRow& row : file->rows()) {
    const auto& cells = row.cells;
    const std::string argument = cells.size() > 2 ? cells[2] : "";
    auto category = std::find_if(std::begin(kCategories), std::end(kCategories),
                                 [&](const auto& c) { return c.first == cells[1]; });
    if (category == std::end(kCategories))
      return file->Error(row, "unknown category '" + cells[1] + "'");
    FunctionWord word;
    word.flags = category->second;
    if (cells[1] == "breaker") {
      if (argument == "before_actor") {
        word.flags = kBreakerBeforeActor;
      } else if (!argument.empty()) {
        return file->Error(row, "a breaker's argument is empty or 'before_actor'");
      }
    } else if (cells[1] == "actor_suffix") {
      if (argument != "participant" && argument != "modifier") {
        return file->Error(row, "an actor_suffix's argument is 'participant' or 'modifier'");
      }
      word.flags = argument == "participant" ? kSuffixParticipant : kSuffixModifier;
    } else if (cells[1] == "pronoun" || cells[1] == "description") {
      auto referent = std::find_if(std::begin(kReferents), std::end(kReferents),
                                   [&](const auto& r) { return r.first == argument; });
      if (referent == std::end(kReferents))
        return file->Error(row, "unknown referent '" + argument + "'");
      word.referent = referent->second;
    } else if (!argument.empty()) {
      return file->Error(row, "category '" + cells[1] + "' takes no argument");
    }
    std::vector<Token> tokens = TokenizePhrase(cells[0]);
    if (tokens.empty()) return file->Error(row, "empty phrase");
    auto [it, added] =
        by_phrase.try_emplace(Key(tokens), static_cast<std::uint32_t>(function_words_.size()));
    if (added) {
      function_words_.push_back(word);
      function_table_.Add(tokens, it->second);
      continue;
    }
    FunctionWord& merged = function_words_[it->second];
    if (word.referent != Referent::kNone && merged.referent != Referent::kNone &&
        word.referent != merged.referent) {
      return file->Error(row, "'" + cells[0] + "' already refers to something else");
    }
    merged.flags |= word.flags;
    if (word.referent != Referent::kNone) merged.referent = word.referent;
  }
  return Status::OK();
}

TriggerMatch Lexicon::MatchTrigger(std::span<const Token> tokens, std::size_t start) const {
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = triggers_.MatchAt(tokens, start, matches);
  TriggerMatch result;
  if (count == 0) return result;
  result.length = matches[0].length;
  for (std::uint32_t payload : matches[0].payloads) {
    const TriggerEntry* entry = &trigger_entries_[payload];
    const TriggerEntry** slot = entry->form == TriggerForm::kVerb   ? &result.verb
                                : entry->form == TriggerForm::kNoun ? &result.noun
                                                                    : &result.predicate;
    if (*slot == nullptr) *slot = entry;
  }
  return result;
}

FunctionMatch Lexicon::MatchFunction(std::span<const Token> tokens, std::size_t start) const {
  PhraseTable::Match matches[PhraseTable::kMaxMatches];
  std::size_t count = function_table_.MatchAt(tokens, start, matches);
  if (count == 0) return {};
  return {matches[0].length, function_words_[matches[0].payloads.front()]};
}

}  // namespace geokg::ingest
