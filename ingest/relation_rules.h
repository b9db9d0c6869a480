// Relation rules: turn a sentence's triggers into candidate edges between actors.
//
// - A verb ("urged") relates its subject to its object (see clauses.h); in the passive ("was
// accused by X")
//   the agent is the source. A negator or modal before it ("did not", "may") drops it, and so does
//   an infinitive's "to" ("threatened to attack" is no attack).
// - A noun ("accusations") whose source actor is the object of a verb implies a second edge back to
// the
//   verb's subject: "Pakistan rejects US accusations" also gives US accuses Pakistan, marked
//   implied.
// - A predicate ("must", "hub for") inside a reported clause relates the reporter to the reported
// clause's
//   subject: "Russia said Sudan must return ..." gives Russia urges Sudan.
// - Inside a speaker's quotation, a trigger without a subject of its own, and "we", stand for the
// speaker.
// - Pronouns and descriptions resolve to the last fitting person or actor; such edges get lower
// confidence.
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
  std::string speaker;
  std::string_view rule;  // a static name: "verb", "verb.passive", "noun.implied", ...
};

class RelationRules {
 public:
  RelationRules(const Gazetteer& gazetteer, const Lexicon& lexicon)
      : gazetteer_(gazetteer), lexicon_(lexicon) {}

  // Appends the sentence's candidate edges (never a self-edge) to *out.
  void Apply(const SentenceView& view, const Discourse& discourse,
             std::vector<EdgeCandidate>* out) const;

 private:
  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_RELATION_RULES_H_
