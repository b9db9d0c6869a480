// Regions: the stretches of a sentence that the clause rules treat apart.
//
// - Quotations, with their speaker when an attribution verb names one ("...,” Voronkov stated",
//   "Shea said: “...”").
// - Reported stretches without quotation marks: "according to X" makes X the speaker of the rest
//   of the sentence; a headline "Iran complicit in attacks: US envoy" (or "US envoy: Iran must
//   ...") makes the phrase alone on one side of the colon the speaker of the other side.
// - Appositives (", a key US ally,"), relative clauses (", which is backed by Iran,") and
//   parentheses, whose phrases are never a clause's subject.
#ifndef GEOKG_INGEST_REGIONS_H_
#define GEOKG_INGEST_REGIONS_H_

#include "ingest/sentence_view.h"

namespace geokg::ingest {

// Fills view->regions, view->quotes and view->quote_at. Needs the phrases.
void MarkRegions(SentenceView* view);

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_REGIONS_H_
