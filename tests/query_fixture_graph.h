// The small graph the Cypher tests query: a dozen actors of every kind and twenty-odd dated edges
// from five hand-made articles, so that every expected row in tests/queries/ can be worked out by
// reading this file. Written without Catch so that tools/kuzu can load the same graph into Kuzu.
//
// Actors (name, kind, code, aliases):
//   Iran state IRN [Tehran, Persia]      Israel state ISR []         US state USA [United States,
//   Washington] Russia state RUS [Moscow]            Ukraine state UKR [Kyiv]    UN organization -
//   [United Nations] NATO organization - []               EU organization - []        Hamas group -
//   [] Hezbollah group - []                 Houthis group - [Ansar Allah]   Red Cross other - []
// EU has no edges.
//
// Edges (source RELATION target, date, speaker, confidence, implied or inferred), one article per
// block:
//   a1 (2025-01-10): Iran ACCUSES Israel 2025-01-10 "Esmaeil Baghaei" 0.9; Israel WARNS Iran
//   2025-01-10 0.8;
//                    US SUPPORTS Israel 2025-01 0.7
//   a2 (2025-02-03): Russia ACCUSES Ukraine 2025-02-03 "Maria Zakharova" 0.9; Ukraine BLAMES Russia
//   2025-02-02 0.8;
//                    NATO CONDEMNS Russia 2025-02 0.9; UN CALLS_FOR Ukraine 2025-02-03 0.5
//   a3 (2025-03-15): Houthis THREATENS US 2025-03-14 0.8; US WARNS Houthis 2025-03-15 0.9;
//                    Iran SUPPORTS Houthis 2025 0.6 implied
//   a4 (2025-03-20): Hamas BLAMES Israel 2025-03-20 0.9; Israel ACCUSES Hamas 2025-03-19 0.9;
//                    Hezbollah SUPPORTS Hamas (no date) 0.5 inferred; Iran ACCUSES US 2025-03-20
//                    0.7
//   a5 (2025-04-01): UN CONDEMNS Hamas 2025-04-01 0.9; UN MEETS Iran 2025-04-01 "Antonio
//   Guterres" 1.0;
//                    Iran ACCUSES Israel 2025-04-01 0.8; Red Cross CALLS_FOR UN 2025-04 0.5;
//                    Russia MEETS Iran 2025-04-01 0.9
// Relation types as stored: accuses, blames, warns, condemns, supports, meets, threatens, "calls
// for".
//
// Articles (id, title, url, outlet, date): aN is titled "Article aN", published on its block's
// date, with url https://news.example/aN and outlet "Example Wire" (a1, a2, a3) or "Daily Example"
// (a4); a5 has neither.
#ifndef GEOKG_TESTS_QUERY_FIXTURE_GRAPH_H_
#define GEOKG_TESTS_QUERY_FIXTURE_GRAPH_H_

#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/store.h"

namespace geokg::testing {

struct FixtureEdge {
  const char* source;
  const char* relation;
  const char* target;
  graph::Date date;
  const char* speaker;
  float confidence;
  bool implied;
  bool inferred = false;
};

namespace fixture_internal {

inline std::vector<graph::Actor> Actors() {
  using graph::ActorKind;
  return {{0, "Iran", ActorKind::kState, "IRN", {"Tehran", "Persia"}},
          {0, "Israel", ActorKind::kState, "ISR", {}},
          {0, "US", ActorKind::kState, "USA", {"United States", "Washington"}},
          {0, "Russia", ActorKind::kState, "RUS", {"Moscow"}},
          {0, "Ukraine", ActorKind::kState, "UKR", {"Kyiv"}},
          {0, "UN", ActorKind::kOrganization, "", {"United Nations"}},
          {0, "NATO", ActorKind::kOrganization, "", {}},
          {0, "EU", ActorKind::kOrganization, "", {}},
          {0, "Hamas", ActorKind::kGroup, "", {}},
          {0, "Hezbollah", ActorKind::kGroup, "", {}},
          {0, "Houthis", ActorKind::kGroup, "", {"Ansar Allah"}},
          {0, "Red Cross", ActorKind::kOther, "", {}}};
}

inline Status Add(graph::Store* store, const std::string& id, graph::Date published,
                  const std::string& outlet, const std::vector<FixtureEdge>& edges) {
  graph::ArticleBatch batch;
  batch.article.id = id;
  batch.article.title = "Article " + id;
  batch.article.published = published;
  if (!outlet.empty()) batch.article.url = "https://news.example/" + id;
  batch.article.outlet = outlet;
  batch.actors = Actors();
  batch.relations = {{1, "accuses", "112", "ACCUSE"},     {2, "blames", "112", "ACCUSE"},
                     {3, "warns", "130", "THREATEN"},     {4, "condemns", "122", "DISAPPROVE"},
                     {5, "supports", "051", "SUPPORT"},   {6, "meets", "040", "CONSULT"},
                     {7, "threatens", "130", "THREATEN"}, {8, "calls for", "010", "REQUEST"}};
  std::string text;
  std::uint32_t base = static_cast<std::uint32_t>(batch.article.title.size() + 2);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const FixtureEdge& f = edges[i];
    std::string sentence = std::string(f.source) + " " + f.relation + " " + f.target + ".";
    graph::EdgeDraft e;
    e.source = f.source;
    e.relation = f.relation;
    e.target = f.target;
    e.date = f.date;
    e.confidence = f.confidence;
    e.implied = f.implied;
    e.inferred = f.inferred;
    e.evidence.sentence = static_cast<std::uint32_t>(i + 1);
    e.evidence.speaker = f.speaker;
    e.evidence.begin = base + static_cast<std::uint32_t>(text.size());
    e.evidence.end = e.evidence.begin + static_cast<std::uint32_t>(sentence.size());
    text += sentence + " ";
    batch.edges.push_back(e);
  }
  batch.article.text = text;
  auto outcome = store->AddArticle(batch);
  if (!outcome.ok()) return outcome.status();
  if (!outcome->added)
    return Status::InvalidArgument("fixture article " + id + " was already stored");
  return Status::OK();
}

}  // namespace fixture_internal

// Writes the fixture graph into an empty store.
inline Status BuildQueryFixture(graph::Store* store) {
  using fixture_internal::Add;
  using graph::Date;
  Status s =
      Add(store, "a1", Date::Day(2025, 1, 10), "Example Wire",
          {{"Iran", "accuses", "Israel", Date::Day(2025, 1, 10), "Esmaeil Baghaei", 0.9f, false},
           {"Israel", "warns", "Iran", Date::Day(2025, 1, 10), "", 0.8f, false},
           {"US", "supports", "Israel", Date::Month(2025, 1), "", 0.7f, false}});
  if (s.ok())
    s = Add(
        store, "a2", Date::Day(2025, 2, 3), "Example Wire",
        {{"Russia", "accuses", "Ukraine", Date::Day(2025, 2, 3), "Maria Zakharova", 0.9f, false},
         {"Ukraine", "blames", "Russia", Date::Day(2025, 2, 2), "", 0.8f, false},
         {"NATO", "condemns", "Russia", Date::Month(2025, 2), "", 0.9f, false},
         {"UN", "calls for", "Ukraine", Date::Day(2025, 2, 3), "", 0.5f, false}});
  if (s.ok())
    s = Add(store, "a3", Date::Day(2025, 3, 15), "Example Wire",
            {{"Houthis", "threatens", "US", Date::Day(2025, 3, 14), "", 0.8f, false},
             {"US", "warns", "Houthis", Date::Day(2025, 3, 15), "", 0.9f, false},
             {"Iran", "supports", "Houthis", Date::Year(2025), "", 0.6f, true}});
  if (s.ok())
    s = Add(store, "a4", Date::Day(2025, 3, 20), "Daily Example",
            {{"Hamas", "blames", "Israel", Date::Day(2025, 3, 20), "", 0.9f, false},
             {"Israel", "accuses", "Hamas", Date::Day(2025, 3, 19), "", 0.9f, false},
             {"Hezbollah", "supports", "Hamas", Date(), "", 0.5f, false, true},
             {"Iran", "accuses", "US", Date::Day(2025, 3, 20), "", 0.7f, false}});
  if (s.ok())
    s = Add(store, "a5", Date::Day(2025, 4, 1), "",
            {{"UN", "condemns", "Hamas", Date::Day(2025, 4, 1), "", 0.9f, false},
             {"UN", "meets", "Iran", Date::Day(2025, 4, 1), "Antonio Guterres", 1.0f, false},
             {"Iran", "accuses", "Israel", Date::Day(2025, 4, 1), "", 0.8f, false},
             {"Red Cross", "calls for", "UN", Date::Month(2025, 4), "", 0.5f, false},
             {"Russia", "meets", "Iran", Date::Day(2025, 4, 1), "", 0.9f, false}});
  return s;
}

}  // namespace geokg::testing

#endif  // GEOKG_TESTS_QUERY_FIXTURE_GRAPH_H_
