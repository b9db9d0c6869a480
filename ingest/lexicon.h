// Lexicon: the relation types, their trigger words and the function words of data/lexicon/.
//
// relations.tsv defines the relation types with stable ids; triggers.tsv the words and phrases that
// express them, each with a grammatical form that says how the relation's actors attach;
// function_words.tsv the closed-class words the clause, negation, attribution and pronoun rules
// look for. The categories are fixed here, the words are data.
#ifndef GEOKG_INGEST_LEXICON_H_
#define GEOKG_INGEST_LEXICON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/phrase_table.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {

enum class TriggerForm : std::uint8_t {
  kVerb,       // "urged": subject on the left, object on the right
  kNoun,       // "accusations": the actor before it is the source ("US accusations")
  kPredicate,  // "must", "hub for": the subject of its clause is the target, the reporting subject
               // the source
  kFuture,     // "boycott": a verb that counts only after a future marker ("would boycott")
  kClaim,      // "claimed responsibility for": its subject is the perpetrator of an event
};

struct TriggerEntry {
  std::uint16_t relation = 0;  // index into Lexicon::relation_types()
  TriggerForm form = TriggerForm::kVerb;
  bool stative = false;          // a copula before it does not make it passive ("is opposed to")
  bool reciprocal = false;       // a compound subject's members do it to each other ("traded
                                 // accusations", "accused each other")
  bool needs_event = false;      // a claim that names its event ("claimed the attack")
  bool needs_condition = false;  // a future act that is a threat only under a condition ("will
                                 // withdraw its troops from Chad unless ...")
  std::vector<std::string> target_prepositions;  // a noun's: "against" in "accusations against X"
};

// The trigger phrase that starts at a token, with its reading in each form the lexicon gives it.
struct TriggerMatch {
  std::uint32_t length = 0;  // tokens; 0 when none
  const TriggerEntry* verb = nullptr;
  const TriggerEntry* noun = nullptr;
  const TriggerEntry* predicate = nullptr;
  const TriggerEntry* future = nullptr;
  const TriggerEntry* claim = nullptr;
};

// Categories of function words, as bits: a word may have several ("by" is a preposition and the
// agent marker).
enum FunctionFlag : std::uint32_t {
  kBreaker = 1u << 0,             // ends a clause: ";", "while", "amid"
  kBreakerBeforeActor = 1u << 1,  // ends a clause when an actor follows: "as"
  kCoordinator = 1u << 2,         // joins clauses: "and", "but"
  kPause = 1u << 3,               // ","
  kComplementiser = 1u << 4,      // "that"
  kNegator = 1u << 5,             // "not", "never", "refused to"
  kModal = 1u << 6,               // "may", "could"
  kAttribution = 1u << 7,         // "said", "stated", "added"
  kPreposition = 1u << 8,         // "of", "at", "to"
  kDeterminer = 1u << 9,          // "the", "a", "its"
  kPassiveAux = 1u << 10,         // "was", "been"
  kAgent = 1u << 11,              // "by"
  kTime = 1u << 12,               // "Monday", "today": never part of a person's name
  kConjunction = 1u << 13,        // "and", "along with": joins actors into a compound
  kPronoun = 1u << 14,            // "he", "it", "they", "we"
  kDescription = 1u << 15,        // "the group", "his country"
  kSuffixParticipant = 1u << 16,  // "-led", "-backed": the actor takes part
  kSuffixModifier = 1u << 17,     // "-based": the actor only qualifies a noun
  kPrefixModifier = 1u << 18,     // "anti-", "pro-"
  kGenitive = 1u << 19,  // "of", "for": "inhabitants of the Syrian Golan", "a spokesman for the UN"
  kInfinitive = 1u << 20,   // "to": a trigger after it is a verb ("threatened to attack")
  kQuestion = 1u << 21,     // "?": the clause before it asks, it does not state
  kConditional = 1u << 22,  // "if", "unless", "whether": the clause it opens is hypothetical
  kFuture = 1u << 23,       // "will", "vowed to": announces an act (a threat), does not report one
  kRelative = 1u << 24,     // "which", "who": after a comma, opens a relative clause
  kPlace = 1u << 25,        // "in", "near": the actor after it is a place, not a party
  kDenial = 1u << 26,       // "denied", "dismissed": what its that-clause says is not asserted
  kReporter = 1u << 27,     // "according to": the phrase after it speaks the sentence
  kNounAgent = 1u << 28,    // "by", "from" after a noun: "calls by Belarus" names who calls
  kAspectual = 1u << 29,    // "continues", "began": the infinitive after it is done ("continues to launch")
  kPossessivePronoun = 1u << 30,  // "his", "their": a pronoun before a statement noun
  kDefinite = 1u << 31,           // "the", "this": a noun after it may be one told before
};

// What a pronoun or description refers to.
enum class Referent : std::uint8_t {
  kNone,
  kPerson,        // "he", "the envoy": the last person named
  kPersonActor,   // "his country": the actor of the last person named
  kActor,         // "it": the last actor named
  kPlural,        // "they": the last actor or group of people named
  kSpeaker,       // "we": the speaker of the quotation
  kState,         // "the country"
  kOrganization,  // "the organisation"
  kGroup,         // "the group"
  kPair,          // "both sides": the two actors of the latest edge told between two others
};

struct FunctionWord {
  std::uint32_t flags = 0;
  Referent referent = Referent::kNone;
};

struct FunctionMatch {
  std::uint32_t length = 0;  // tokens; 0 when none
  FunctionWord word;
};

class Lexicon {
 public:
  // Loads relations.tsv, triggers.tsv and function_words.tsv from `dir`. NotFound when a file is
  // missing; InvalidArgument naming the file and line for a malformed row (duplicate id or name,
  // unknown relation, form, category or argument).
  static Result<std::unique_ptr<Lexicon>> Load(const std::string& dir);

  // The longest trigger phrase starting at tokens[start].
  TriggerMatch MatchTrigger(std::span<const Token> tokens, std::size_t start) const;
  // The longest function word or phrase starting at tokens[start].
  FunctionMatch MatchFunction(std::span<const Token> tokens, std::size_t start) const;

  // Ordered by id.
  const std::vector<graph::RelationType>& relation_types() const { return relations_; }
  // Whether relation `index` may find its object inside a that-complement ("warned that IS-K ...").
  bool ObjectInComplement(std::uint16_t index) const { return that_complement_[index]; }
  // Whether relation `index` may find its object inside a conditional clause ("threatened to cut
  // supplies if Moldova ...").
  bool ObjectInConditional(std::uint16_t index) const { return conditional_[index]; }
  // Whether relation `index` is a violent event, whose perpetrator may be named by a claim or by
  // the sentence before when its own sentence does not name one.
  bool IsEvent(std::uint16_t index) const { return event_[index]; }

 private:
  Lexicon() = default;
  Status LoadRelations(const std::string& path);
  Status LoadTriggers(const std::string& path);
  Status LoadFunctionWords(const std::string& path);
  std::optional<std::uint16_t> FindRelation(const std::string& name) const;

  std::vector<graph::RelationType> relations_;
  std::vector<bool> that_complement_;
  std::vector<bool> conditional_;
  std::vector<bool> event_;
  PhraseTable triggers_;
  std::vector<TriggerEntry> trigger_entries_;
  PhraseTable function_table_;
  std::vector<FunctionWord> function_words_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_LEXICON_H_
