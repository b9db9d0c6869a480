// Discourse: what earlier sentences of the article said, for resolving later references: the people
// named so far (so that "Voronkov stated" finds the UN after "UN counterterrorism chief Vladimir
// Voronkov"), the last person (for "he"), the actors in order of mention (for "it", "the group"),
// the edges told so far (for "condemned the attack", "rejected the accusation"), and what the rules
// noted about the sentence just before: its subject (for "They rejected ...") and its violent
// events (for "IS-K launches attacks. A bomber killed ..." and "... The BLA claimed the attack").
#ifndef GEOKG_INGEST_DISCOURSE_H_
#define GEOKG_INGEST_DISCOURSE_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/model.h"
#include "ingest/sentence_view.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {

struct PersonRef {
  std::string name;                    // as first written in full
  std::optional<std::uint32_t> actor;  // unknown for a person named without an actor
};

// One relation's actors, noted by the rules.
struct EventNote {
  std::uint16_t relation = 0;
  std::vector<std::uint32_t> actors;
  std::uint32_t anchor = 0;  // the trigger's token
  graph::Date date;          // the event's date, once the extractor has dated the sentence
};

// An edge a sentence told, for "the attack", "the accusation" in a later one.
struct ToldEdge {
  std::uint16_t relation = 0;
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  bool inferred = false;
  std::uint32_t sentence = 0;  // set by Discourse::Update: the sentence's number in the article
};

// What the rules note about a sentence for the next one.
struct SentenceNotes {
  // The actors of its first subject, references resolved.
  std::vector<std::uint32_t> subject;
  // Who carries out its events: "IS-K continues to launch attacks".
  std::vector<EventNote> perpetrators;
  // The targets of its events that name no perpetrator: "a suicide bomber killed X, the Taliban's
  // minister".
  std::vector<EventNote> unclaimed;
  // The edges it states or infers (not the implied ones), in order.
  std::vector<ToldEdge> told;
  // The relations of its verbs that gave no edge: "Gunmen attacked a mosque".
  std::vector<std::uint16_t> untold;
};

class Discourse {
 public:
  // The person whose name (in full, or the surname alone) starts at tokens[start]; *length gets the
  // tokens it covers. nullptr when none.
  const PersonRef* FindPerson(std::span<const Token> tokens, std::size_t start,
                              std::uint32_t* length) const;

  const PersonRef* last_person() const { return last_person_ ? &*last_person_ : nullptr; }

  // The most recently mentioned actor for which accept(actor) holds.
  template <class Accept>
  std::optional<std::uint32_t> RecentActor(Accept accept) const {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (accept(*it)) return *it;
    }
    return std::nullopt;
  }

  // Every edge told so far, most recent last.
  const std::vector<ToldEdge>& told() const { return told_; }

  // The most recent edge told in the last `sentences` sentences for which accept(edge) holds, or
  // nullptr.
  template <class Accept>
  const ToldEdge* RecentTold(std::uint32_t sentences, Accept accept) const {
    for (auto it = told_.rbegin(); it != told_.rend() && it->sentence + sentences >= sentences_;
         ++it) {
      if (accept(*it)) return &*it;
    }
    return nullptr;
  }

  // The two actors of the edges told most often in the last `sentences` sentences, either way
  // round, ties going to the pair told first; only edges whose actors both pass accept(actor)
  // count.
  template <class Accept>
  std::optional<std::pair<std::uint32_t, std::uint32_t>> MainPair(std::uint32_t sentences,
                                                                  Accept accept) const {
    struct Count {
      std::pair<std::uint32_t, std::uint32_t> pair;
      int told = 0;
    };
    std::vector<Count> counts;  // in order of first telling
    for (const ToldEdge& e : told_) {
      if (e.sentence + sentences < sentences_ || !accept(e.source) || !accept(e.target)) continue;
      std::pair<std::uint32_t, std::uint32_t> pair = std::minmax(e.source, e.target);
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const Count& c) { return c.pair == pair; });
      if (it == counts.end()) it = counts.insert(counts.end(), {pair, 0});
      ++it->told;
    }
    auto best = std::max_element(counts.begin(), counts.end(),
                                 [](const Count& a, const Count& b) { return a.told < b.told; });
    if (best == counts.end()) return std::nullopt;
    return best->pair;
  }

  // What the rules noted about the previous sentence; empty before the second sentence.
  const SentenceNotes& previous() const { return previous_; }

  // Records the people and actors of a sentence, and the rules' notes, once its rules have run.
  void Update(const SentenceView& view, SentenceNotes notes);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Known {
    std::vector<std::string> rest;  // norms of the name's tokens after the first
    PersonRef person;
  };

  void Remember(std::span<const Token> name, const PersonRef& person);

  // By the norm of the first token of a full name or of a surname, so that a lookup allocates
  // nothing.
  std::unordered_map<std::string, std::vector<Known>, Hash, std::equal_to<>> people_;
  std::optional<PersonRef> last_person_;
  std::vector<std::uint32_t> recent_;  // actors, most recent last, each once
  std::vector<ToldEdge> told_;         // most recent last
  std::uint32_t sentences_ = 0;        // sentences recorded so far
  SentenceNotes previous_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_DISCOURSE_H_
