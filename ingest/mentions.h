// Mentions: groups a sentence's gazetteer matches, role words and names into phrases.
//
// An actor phrase is "[Actor1]['s] [Actor2]? [modifier]{0,2} ROLE [,]? [Person]": the leftmost
// actor is the one represented ("Russia’s UN Ambassador Vassily Nebenzia" speaks for Russia, "UN
// counterterrorism chief Vladimir Voronkov" for the UN). "X-led Y" is one phrase with both actors;
// "X and Y" and "X, Y and Z" a compound of all. "X-based", "anti-X" mention X without making it a
// party. A role followed by a name without an actor ("President Bush"), a known name ("Guterres"),
// an unknown capitalised name next to an attribution verb ("..., Shea said") or before an
// appositive with a role ("Khalil Ahmadzai, the Taliban's minister") is a person phrase, with the
// person's actor when the gazetteer, the appositive or an earlier sentence knows it. Pronouns and
// descriptions ("he", "the group") are phrases the rules resolve.
#ifndef GEOKG_INGEST_MENTIONS_H_
#define GEOKG_INGEST_MENTIONS_H_

#include "graph/model.h"
#include "ingest/discourse.h"
#include "ingest/gazetteer.h"
#include "ingest/sentence_view.h"

namespace geokg::ingest {

// Fills view->phrases and view->phrase_at. Needs view->marks and view->triggers; drops triggers
// that fall inside a name. `date` picks among people of the same name.
void FindMentions(const Gazetteer& gazetteer, const Discourse& discourse, const graph::Date& date,
                  SentenceView* view);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_MENTIONS_H_
