// Contradictions: an accusation and the accused's rejection of it, close in time.
#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "graph/analytics.h"
#include "graph/analytics_internal.h"
#include "graph/day_span.h"

namespace geokg::graph {

namespace {

struct Dated {
  CitedEdge cited;
  DaySpan days;
};

// The dated stored edges behind view edge `e`, cited.
Status CollectDated(Store& store, const GraphView& view, std::size_t e, analytics::Citer* citer,
                    std::vector<Dated>* out) {
  const ViewEdge& edge = view.edges()[e];
  Status cite_status;
  Status scanned = store.ScanEdges(analytics::FilterFor(view, edge), [&](const Edge& stored) {
    if (!stored.date.known()) return true;
    auto cited = citer->Cite(stored, edge.relation_name);
    if (!cited.ok()) {
      cite_status = cited.status();
      return false;
    }
    out->push_back({std::move(*cited), DaysCovered(stored.date)});
    return true;
  });
  return scanned.ok() ? cite_status : scanned;
}

bool SameSentence(const Edge& a, const Edge& b) {
  return a.article_id == b.article_id && a.evidence.sentence == b.evidence.sentence;
}

// The accusation a rejection answers, by the rules in analytics.h; nullptr when none is close
// enough.
const Dated* Answered(const std::vector<Dated>& accusations, const Dated& rejection,
                      std::int64_t days) {
  const Dated* best = nullptr;
  auto rank = [&](const Dated& a) {
    return std::tuple(a.cited.edge.implied, !SameSentence(a.cited.edge, rejection.cited.edge),
                      DaysApart(a.days, rejection.days), a.days.first, a.cited.edge.id);
  };
  for (const Dated& accusation : accusations) {
    if (DaysApart(accusation.days, rejection.days) > days) continue;
    if (!best || rank(accusation) < rank(*best)) best = &accusation;
  }
  return best;
}

Result<std::vector<Contradiction>> Find(Store& store, const GraphView& view,
                                        const ContradictionOptions& options) {
  const std::set<std::string> accusing(options.accusations.begin(), options.accusations.end());
  const std::set<std::string> rejecting(options.rejections.begin(), options.rejections.end());
  analytics::Citer citer(&store);
  std::vector<Contradiction> found;
  for (std::size_t r = 0; r < view.edges().size(); ++r) {
    const ViewEdge& rejection_edge = view.edges()[r];
    if (!rejecting.count(rejection_edge.relation_name)) continue;
    const std::size_t accused = rejection_edge.source, accuser = rejection_edge.target;

    std::vector<Dated> accusations;
    for (std::size_t a : view.OutEdges(accuser)) {
      const ViewEdge& edge = view.edges()[a];
      if (edge.target != accused || !accusing.count(edge.relation_name)) continue;
      if (Status s = CollectDated(store, view, a, &citer, &accusations); !s.ok()) return s;
    }
    if (accusations.empty()) continue;
    std::vector<Dated> rejections;
    if (Status s = CollectDated(store, view, r, &citer, &rejections); !s.ok()) return s;
    for (const Dated& rejection : rejections) {
      const Dated* accusation = Answered(accusations, rejection, options.days);
      if (!accusation) continue;
      found.push_back({accuser, accused, accusation->cited, rejection.cited,
                       DaysApart(accusation->days, rejection.days)});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Contradiction& a, const Contradiction& b) {
    return std::tuple(a.rejection.edge.date.Packed(), a.accuser, a.accused) <
           std::tuple(b.rejection.edge.date.Packed(), b.accuser, b.accused);
  });
  return found;
}

}  // namespace

Result<std::vector<Contradiction>> Contradictions(Store& store, const GraphView& view,
                                                  const ContradictionOptions& options) {
  if (options.days < 0) return Status::InvalidArgument("the number of days may not be negative");
  return analytics::Guarded<std::vector<Contradiction>>([&] { return Find(store, view, options); });
}

}  // namespace geokg::graph
