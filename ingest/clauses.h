// Clauses: where a relation's subject and object may be looked for.
//
// A clause ends at a breaker (";", "while", "amid", and "as" when an actor follows it), at a
// coordinator
// ("and", "but") and at a complementiser ("that"). The subject of a trigger is the nearest phrase
// to its left within the clause that can be a subject: not inside an appositive or parentheses, not
// the object of a preposition ("the withdrawal of US forces"), not a modifier
// ("Afghanistan-based"). A participle after a comma ("..., warning that ...") and a verb after a
// coordinator with no subject of its own ("... but has dismissed ...") take the subject of the main
// clause. The object is the first phrase to the right within the clause; it stops at a comma, and
// at "that" unless the relation may reach into a that-complement. A speaker's quotation bounds the
// scans of the triggers inside it and is opaque to those outside it.
#ifndef GEOKG_INGEST_CLAUSES_H_
#define GEOKG_INGEST_CLAUSES_H_

#include <cstdint>

#include "ingest/sentence_view.h"

namespace geokg::ingest {

// Fills view->regions, view->quotes and view->quote_at. Needs the phrases.
void MarkRegions(SentenceView* view);

// The subject phrase of a predicate that starts at token `pos`, or kNone. `main_clause` looks past
// commas and coordinators and skips what lies inside that-complements, for participles and
// coordinated verbs.
std::int32_t FindSubject(const SentenceView& view, std::uint32_t pos, bool main_clause);

// Whether the strict subject scan from `pos` stopped at a coordinator ("but", "and") before finding
// one.
bool StopsAtCoordinator(const SentenceView& view, std::uint32_t pos);

// The object phrase after token `end` (one past the trigger), or kNone: none after a gerund
// ("denies arming X"). `into_complement`: the scan may go on past "that".
std::int32_t FindObject(const SentenceView& view, std::uint32_t end, bool into_complement);

// The agent of a passive trigger ending before `end`: the phrase after "by", or kNone.
std::int32_t FindAgent(const SentenceView& view, std::uint32_t end);

// Whether a negator or modal ("not", "refused to", "may") stands between the trigger at `pos` and
// the start of its clause or its subject.
bool Negated(const SentenceView& view, std::uint32_t pos);

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

// For a predicate trigger at `pos` ("must", "hub for"): the complementiser, attribution verb or
// quotation mark that opens the reported clause it stands in, and the target (the clause's subject)
// between them.
struct ReportedClause {
  std::int32_t boundary = kNone;  // token
  std::int32_t target = kNone;    // phrase
};
ReportedClause FindReportedClause(const SentenceView& view, std::uint32_t pos);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_CLAUSES_H_
