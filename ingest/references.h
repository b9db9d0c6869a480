// References: the actors a phrase stands for, once pronouns and descriptions are resolved.
//
// A name stands for its own actors. "he", "the envoy" and "his country" are the last person named
// (in the sentence, else in the article) and that person's actor; "it" and "they" the last fitting
// actor before them, except that as a subject with no antecedent in their own sentence they take
// the previous sentence's subject ("Iranian officials met the IAEA's chief. They rejected ...");
// "the group", "the country", "the organisation" the last actor of that kind; "we" in a quotation
// its speaker.
#ifndef GEOKG_INGEST_REFERENCES_H_
#define GEOKG_INGEST_REFERENCES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/discourse.h"
#include "ingest/gazetteer.h"
#include "ingest/sentence_view.h"

namespace geokg::ingest {

// The actors a phrase stands for, and the person who speaks for them.
struct Party {
  std::vector<std::uint32_t> actors;
  std::string person;
  bool via_reference = false;  // reached through a pronoun or description
};

class References {
 public:
  References(const Gazetteer& gazetteer, const SentenceView& view, const Discourse& discourse)
      : gazetteer_(gazetteer), view_(view), discourse_(discourse) {}

  // The party of phrase `index`, leaving out the actors of `exclude` (the clause's other party).
  // `subject`: the phrase is the subject of its clause.
  Party Resolve(std::int32_t index, const std::vector<std::uint32_t>& exclude,
                bool subject = false) const;

 private:
  Party ResolveReference(const Phrase& phrase, const std::vector<std::uint32_t>& exclude,
                         bool subject) const;
  Party LastPerson(const Phrase& reference) const;
  template <class Fits>
  Party LastActor(const Phrase& reference, const std::vector<std::uint32_t>& exclude, Fits fits,
                  bool prefer_previous_subject) const;

  const Gazetteer& gazetteer_;
  const SentenceView& view_;
  const Discourse& discourse_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_REFERENCES_H_
