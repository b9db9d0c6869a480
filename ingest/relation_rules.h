// Relation rules: turn a sentence's triggers into candidate edges between actors.
//
// - A verb ("urged") relates its subject to its object (see clauses.h); in the passive ("was
//   accused by X") the agent is the source. No edge when a negator, modal or future marker stands
//   before it ("did not", "may", "will"), when it is not asserted (a conditional, a question, the
//   content of a denial), after an infinitive's "to" ("threatened to attack" is no attack), or as
//   a gerund after a preposition ("accused Russia of shelling").
// - A noun ("accusations") whose source actor is the object of a verb implies a second edge back
//   to the verb's subject: "Pakistan rejects US accusations" also gives US accuses Pakistan,
//   marked implied. A noun with its source before it and its target after one of its prepositions
//   states an edge: "China's accusations against the Philippines".
// - A predicate ("must", "hub for") inside a reported clause relates the reporter to the reported
//   clause's subject: "Russia said Sudan must return ..." gives Russia urges Sudan.
// - A future form ("boycott") after a future marker ("would", "vowed to") relates its subject to
//   its object: "they would boycott talks with Albania" is a threat.
// - A violent event (a relation marked `event`) whose sentence names no perpetrator takes the one
//   the previous sentence names ("IS-K continues to launch attacks. A bomber killed ..."), marked
//   inferred because no word of the sentence refers to it, or the one that claims it in the same
//   or the next sentence ("The BLA claimed the attack").
// - Inside a speaker's quotation, a trigger without a subject of its own, and "we", stand for the
//   speaker.
// - Pronouns and descriptions resolve as references.h says; such edges get lower confidence.
#ifndef GEOKG_INGEST_RELATION_RULES_H_
#define GEOKG_INGEST_RELATION_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/discourse.h"
#include "ingest/gazetteer.h"
#include "ingest/lexicon.h"
#include "ingest/sentence_view.h"

namespace geokg::ingest {

struct EdgeCandidate {
  std::uint32_t source = 0;    // actor index
  std::uint16_t relation = 0;  // index into Lexicon::relation_types()
  std::uint32_t target = 0;    // actor index
  float confidence = 0;
  bool implied = false;
  bool inferred = false;        // the source comes from the context, not from this sentence
  bool spans_previous = false;  // the previous sentence supplies a party: the evidence covers both
  std::string speaker;
  std::string_view rule;     // a static name: "verb", "verb.passive", "noun.implied", ...
  std::uint32_t anchor = 0;  // token whose clause dates the edge
  std::int32_t speaker_anchor = kNone;  // token whose clause dates it otherwise: the speaker's
  graph::Date date;                     // known when an earlier sentence dated the edge's event
};

class RelationRules {
 public:
  RelationRules(const Gazetteer& gazetteer, const Lexicon& lexicon)
      : gazetteer_(gazetteer), lexicon_(lexicon) {}

  // Appends the sentence's candidate edges (never a self-edge) to *out, and fills *notes for the
  // next sentence.
  void Apply(const SentenceView& view, const Discourse& discourse, std::vector<EdgeCandidate>* out,
             SentenceNotes* notes) const;

 private:
  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_RELATION_RULES_H_
