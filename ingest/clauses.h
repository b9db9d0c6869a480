// Clauses: where a relation's subject and object may be looked for.
//
// A clause ends at a breaker (";", "while", "amid", and "as" when an actor follows it), at a
// coordinator ("and", "but") and at a complementiser ("that"). The subject of a trigger is the
// nearest phrase to its left within the clause that can be a subject: not inside an appositive, a
// relative clause or parentheses, not the object of a preposition ("the withdrawal of US forces"),
// not a modifier ("Afghanistan-based"). A participle after a comma ("..., warning that ...") and a
// verb after a coordinator with no subject of its own ("... but has dismissed ...") take the
// subject of the main clause, its leftmost candidate. The object is the first phrase to the right
// within the clause that is a party: not a place ("in northern Mali"), not the target of a noun
// met on the way ("the assassination of a Hamas leader"); it stops at a comma, and at "that" or
// "if" unless the relation may reach into such a clause, where it takes only that clause's
// subject ("warned that IS-K remains a threat", not "warned that the war could spread to Chad"). A
// speaker's quotation bounds the scans of the triggers inside it and is opaque to those outside it.
#ifndef GEOKG_INGEST_CLAUSES_H_
#define GEOKG_INGEST_CLAUSES_H_

#include <cstdint>

#include "ingest/sentence_view.h"

namespace geokg::ingest {

// Whether token k is a word with no function and no part in a phrase: an adverb, an adjective, a
// common noun.
bool IsPlainWord(const SentenceView& view, std::uint32_t k);

// The first of at most two plain words that end right before `pos`; `pos` when none does.
std::uint32_t PlainWordsBefore(const SentenceView& view, std::uint32_t pos);

// Whether token k ends a clause outright: a breaker, or "as" before an actor.
bool IsHardBreak(const SentenceView& view, std::uint32_t k);

// The first token at or after k that is not a free-standing determiner.
std::uint32_t SkipDeterminers(const SentenceView& view, std::uint32_t k);

// Whether the phrase may be the subject of a clause (see above).
bool CanBeSubject(const SentenceView& view, const Phrase& phrase);

// The subject phrase of a predicate that starts at token `pos`, or kNone. `main_clause` looks past
// commas and coordinators and skips what lies inside that-complements, for participles and
// coordinated verbs.
std::int32_t FindSubject(const SentenceView& view, std::uint32_t pos, bool main_clause);

// Whether the strict subject scan from `pos` stopped at a coordinator ("but", "and") before finding
// one.
bool StopsAtCoordinator(const SentenceView& view, std::uint32_t pos);

struct ObjectScan {
  bool into_complement = false;      // go on past "that"
  bool into_conditional = false;     // go on past "if", "unless"
  bool noun_targets = false;         // take the target of a noun ("the bombing of a checkpoint")
  bool direct = false;               // stop at a preposition: a violent act's target is its direct
                                     // object ("struck a deal with Iran" strikes no one)
  std::uint32_t limit = UINT32_MAX;  // search no further than this token
};

// The object phrase after token `end` (one past the trigger), or kNone: none after a gerund
// ("denies arming X").
std::int32_t FindObject(const SentenceView& view, std::uint32_t end, ObjectScan scan);

// The agent of a passive trigger ending before `end`: the phrase after "by", or kNone.
std::int32_t FindAgent(const SentenceView& view, std::uint32_t end);

// Whether a negator, modal or future marker ("not", "refused to", "may", "will") stands between
// the trigger at `pos` and the start of its clause or its subject.
bool Negated(const SentenceView& view, std::uint32_t pos);

// Whether the trigger at `pos` is not asserted: its clause is conditional ("If Iran attacks ...",
// "Should Russia attack ..."), a question ("Will China condemn Russia?"), or the content of a
// denial ("denied that it had blamed ...", "dismissed reports that Russia attacked ...").
bool Unasserted(const SentenceView& view, std::uint32_t pos);

// Whether the trigger at `pos` follows a passive auxiliary ("was accused"), adverbs aside.
bool AfterPassiveAux(const SentenceView& view, std::uint32_t pos);

// Whether token `pos` is a participle ("-ing") right after a comma.
bool IsParticipleAfterPause(const SentenceView& view, std::uint32_t pos);

// Whether the word before `pos` (over at most two plain words) is a determiner, a possessive, a
// preposition other than an infinitive's "to", or an actor phrase that itself follows a determiner
// or a preposition: "its deadly attacks", "a wave of attacks", "the US demand".
bool InNounPhrase(const SentenceView& view, std::uint32_t pos);

// The noun trigger that the phrase is the source of: "US" in "US accusations", "North Korea's
// consistent demand" (at most two plain words between). nullptr when none.
const TriggerHit* GovernedNoun(const SentenceView& view, const Phrase& phrase);

// The noun trigger whose last token is right before `end`, or nullptr.
const TriggerHit* NounEndingAt(const SentenceView& view, std::uint32_t end);

// The trigger after a verb's definite determiner (over at most two plain words): "condemned the
// (deadly) attack". nullptr when none.
const TriggerHit* DefiniteNounAfter(const SentenceView& view, const TriggerHit& verb);

// The noun trigger of a passive verb's definite subject: "The strikes were condemned". nullptr when
// none.
const TriggerHit* DefiniteNounBefore(const SentenceView& view, const TriggerHit& verb);

// The trigger hit that starts at token `pos`, or nullptr.
const TriggerHit* TriggerAt(const SentenceView& view, std::uint32_t pos);

// For a predicate trigger at `pos` ("must", "hub for"): the complementiser or attribution verb
// that opens the reported clause it stands in, or the start of the speaker's stretch it stands in,
// and the target (the clause's subject) between them.
struct ReportedClause {
  std::int32_t boundary = kNone;  // token, when a word opens the clause
  const Quote* speech = nullptr;  // the speaker's stretch, when its start opens the clause
  std::int32_t target = kNone;    // phrase
};
ReportedClause FindReportedClause(const SentenceView& view, std::uint32_t pos);

// The tokens [begin, end) of the clause around token `pos`: up to a breaker, coordinator,
// complementiser, relative pronoun or quotation mark on either side (a boundary at `pos` itself
// ends the clause there). Dates found in it date the events of its trigger.
struct TokenSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};
TokenSpan ClauseSpan(const SentenceView& view, std::uint32_t pos);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_CLAUSES_H_
