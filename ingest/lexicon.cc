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
    {"question", kQuestion},
    {"conditional", kConditional},
    {"future", kFuture},
    {"relative", kRelative},
    {"place", kPlace},
    {"denial", kDenial},
    {"reporter", kReporter},
    {"noun_agent", kNounAgent},
    {"aspectual", kAspectual},
    {"possessive_pronoun", kPossessivePronoun},
    {"definite", kDefinite},
};

constexpr std::pair<std::string_view, TriggerForm> kForms[] = {
    {"verb", TriggerForm::kVerb},           {"noun", TriggerForm::kNoun},
    {"predicate", TriggerForm::kPredicate}, {"future", TriggerForm::kFuture},
    {"claim", TriggerForm::kClaim},
};

// A yes/no cell of relations.tsv; a missing trailing cell is "no".
std::optional<bool> YesNo(const std::vector<std::string>& cells, std::size_t i) {
  if (i >= cells.size() || cells[i].empty() || cells[i] == "no") return false;
  if (cells[i] == "yes") return true;
  return std::nullopt;
}

constexpr std::pair<std::string_view, Referent> kReferents[] = {
    {"person", Referent::kPerson},
    {"person_actor", Referent::kPersonActor},
    {"actor", Referent::kActor},
    {"plural", Referent::kPlural},
    {"speaker", Referent::kSpeaker},
    {"state", Referent::kState},
    {"organization", Referent::kOrganization},
    {"group", Referent::kGroup},
    {"pair", Referent::kPair},
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
  auto file = DataFile::Read(path, 5, 7);
  if (!file.ok()) return file.status();
  struct Row {
    graph::RelationType type;
    bool that = false, conditional = false, event = false;
  };
  std::vector<Row> rows;
  for (const DataRow& data_row : file->rows()) {
    const auto& cells = data_row.cells;
    Row row;
    graph::RelationType& type = row.type;
    int id = 0;
    for (char c : cells[0]) {
      if (c < '0' || c > '9' || id > 65535)
        return file->Error(data_row, "relation id must be 1 to 65535");
      id = id * 10 + (c - '0');
    }
    if (id < 1 || id > 65535) return file->Error(data_row, "relation id must be 1 to 65535");
    type.id = static_cast<graph::RelationId>(id);
    type.name = cells[1];
    type.cameo = cells[2];
    type.plover = cells[3];
    if (type.name.empty() || type.name.find(' ') != std::string::npos) {
      return file->Error(data_row, "relation name must be one word");
    }
    for (const Row& other : rows) {
      if (other.type.id == type.id)
        return file->Error(data_row, "relation id " + cells[0] + " is used twice");
      if (other.type.name == type.name)
        return file->Error(data_row, "relation '" + type.name + "' is defined twice");
    }
    constexpr std::string_view kColumns[] = {"that-complement", "conditional", "event"};
    bool* flags[] = {&row.that, &row.conditional, &row.event};
    for (std::size_t c = 0; c < 3; ++c) {
      std::optional<bool> value = YesNo(cells, 4 + c);
      if (!value)
        return file->Error(data_row, std::string(kColumns[c]) + " column must be 'yes' or 'no'");
      *flags[c] = *value;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.type.id < b.type.id; });
  for (Row& row : rows) {
    relations_.push_back(std::move(row.type));
    that_complement_.push_back(row.that);
    conditional_.push_back(row.conditional);
    event_.push_back(row.event);
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
    auto form = std::find_if(std::begin(kForms), std::end(kForms),
                             [&](const auto& f) { return f.first == cells[2]; });
    if (form == std::end(kForms)) {
      return file->Error(
          row, "form must be verb, noun, predicate, future or claim, not '" + cells[2] + "'");
    }
    entry.form = form->second;
    const std::string flag = cells.size() > 3 ? cells[3] : "";
    if (entry.form == TriggerForm::kNoun) {
      entry.target_prepositions = SplitList(flag);
    } else if (flag == "stative" && entry.form == TriggerForm::kVerb) {
      entry.stative = true;
    } else if (flag == "reciprocal" && entry.form == TriggerForm::kVerb) {
      entry.reciprocal = true;
    } else if (flag == "event" && entry.form == TriggerForm::kClaim) {
      entry.needs_event = true;
    } else if (flag == "conditional" && entry.form == TriggerForm::kFuture) {
      entry.needs_condition = true;
    } else if (!flag.empty()) {
      return file->Error(row, "unknown flag '" + flag + "' for a " + cells[2]);
    }
    auto index = static_cast<std::uint32_t>(trigger_entries_.size());
    trigger_entries_.push_back(std::move(entry));
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
    } else if (cells[1] == "pronoun" || cells[1] == "description" ||
               cells[1] == "possessive_pronoun") {
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
    const TriggerEntry** slot = nullptr;
    switch (entry->form) {
      case TriggerForm::kVerb:
        slot = &result.verb;
        break;
      case TriggerForm::kNoun:
        slot = &result.noun;
        break;
      case TriggerForm::kPredicate:
        slot = &result.predicate;
        break;
      case TriggerForm::kFuture:
        slot = &result.future;
        break;
      case TriggerForm::kClaim:
        slot = &result.claim;
        break;
    }
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
