#include "ingest/relation_rules.h"

#include <algorithm>

#include "ingest/clauses.h"

namespace geokg::ingest {
namespace {

// Confidence by how directly the text states the edge.
constexpr float kExplicitVerb = 0.9f;
constexpr float kPassive = 0.85f;
constexpr float kMainClauseSubject =
    0.8f;  // a participle or coordinated verb borrowing the main subject
constexpr float kQuoteSpeaker = 0.8f;  // a trigger in a quotation, attributed to its speaker
constexpr float kReportedPredicate = 0.75f;
constexpr float kImpliedNoun = 0.7f;
constexpr float kReferenceFactor = 0.85f;  // a party reached through a pronoun or description

// The actors a phrase stands for, once pronouns and descriptions are resolved.
struct Party {
  std::vector<std::uint32_t> actors;
  std::string person;
  bool via_reference = false;
};

struct KindIs {
  graph::ActorKind kind;
  bool operator()(const graph::Actor& actor) const { return actor.kind == kind; }
};

bool Contains(const std::vector<std::uint32_t>& list, std::uint32_t actor) {
  return std::find(list.begin(), list.end(), actor) != list.end();
}

class SentenceRules {
 public:
  SentenceRules(const Gazetteer& gazetteer, const Lexicon& lexicon, const SentenceView& view,
                const Discourse& discourse, std::vector<EdgeCandidate>* out)
      : gazetteer_(gazetteer), lexicon_(lexicon), view_(view), discourse_(discourse), out_(out) {}

  void Run() {
    for (const TriggerHit& hit : view_.triggers) {
      const TriggerMatch& match = hit.match;
      if (match.predicate != nullptr) {
        Predicate(hit, *match.predicate);
      } else if (match.verb != nullptr &&
                 (match.noun == nullptr || !InNounPhrase(view_, hit.first))) {
        Verb(hit, *match.verb);
      }
    }
  }

 private:
  void Verb(const TriggerHit& hit, const TriggerEntry& entry) {
    // An infinitive is intended, demanded or threatened, not done: "threatened to attack Iraq".
    if (Negated(view_, hit.first) || (hit.first > 0 && (view_.flags(hit.first - 1) & kInfinitive)))
      return;
    bool main_clause = IsParticipleAfterPause(view_, hit.first);
    std::int32_t subject = FindSubject(view_, hit.first, main_clause);
    if (subject == kNone && !main_clause && StopsAtCoordinator(view_, hit.first)) {
      main_clause = true;
      subject = FindSubject(view_, hit.first, true);
    }
    Party source;
    float confidence = main_clause ? kMainClauseSubject : kExplicitVerb;
    std::string_view rule = main_clause ? "verb.main_subject" : "verb";
    if (subject != kNone) {
      source = Resolve(subject, {});
    } else if (const Quote* quote = view_.SpeechAt(hit.first)) {
      source = Resolve(quote->speaker, {});
      confidence = kQuoteSpeaker;
      rule = "verb.quote_speaker";
    }
    if (source.actors.empty()) return;

    bool passive = AfterPassiveAux(view_, hit.first) && !entry.stative &&
                   !view_.tokens[hit.first].norm.ends_with("ing");
    if (passive) {
      std::int32_t agent = FindAgent(view_, hit.last);
      if (agent == kNone) return;
      Party by = Resolve(agent, source.actors);
      Emit(by, source, entry.relation, kPassive, false, "verb.passive", SpeakerOf(by, hit.first));
      return;
    }
    std::int32_t object = FindObject(view_, hit.last, lexicon_.ObjectInComplement(entry.relation));
    if (object == kNone) return;
    Party target = Resolve(object, source.actors);
    std::string speaker = SpeakerOf(source, hit.first);
    Emit(source, target, entry.relation, confidence, false, rule, speaker);

    const Phrase& phrase = view_.phrases[object];
    if (phrase.kind == Phrase::Kind::kPronoun || phrase.kind == Phrase::Kind::kDescription) return;
    if (const TriggerHit* noun = GovernedNoun(view_, phrase)) {
      Emit(target, source, noun->match.noun->relation, kImpliedNoun, true, "noun.implied", speaker);
    }
  }

  void Predicate(const TriggerHit& hit, const TriggerEntry& entry) {
    if (Negated(view_, hit.first)) return;
    ReportedClause clause = FindReportedClause(view_, hit.first);
    if (clause.boundary == kNone || clause.target == kNone) return;
    auto boundary = static_cast<std::uint32_t>(clause.boundary);
    Party source;
    if (view_.tokens[boundary].quote != QuoteSide::kNone) {
      if (const Quote* quote = view_.SpeechAt(boundary)) source = Resolve(quote->speaker, {});
    } else {
      std::int32_t subject = FindSubject(view_, boundary, false);
      if (subject == kNone && StopsAtCoordinator(view_, boundary))
        subject = FindSubject(view_, boundary, true);
      if (subject != kNone) source = Resolve(subject, {});
    }
    if (source.actors.empty()) return;
    Party target = Resolve(clause.target, source.actors);
    Emit(source, target, entry.relation, kReportedPredicate, false, "predicate.reported",
         SpeakerOf(source, hit.first));
  }

  // The person who says it: the source's own person, else the speaker of the quotation around
  // `pos`.
  std::string SpeakerOf(const Party& source, std::uint32_t pos) const {
    if (!source.person.empty()) return source.person;
    if (const Quote* quote = view_.SpeechAt(pos)) return view_.phrases[quote->speaker].person;
    return "";
  }

  void Emit(const Party& source, const Party& target, std::uint16_t relation, float confidence,
            bool implied, std::string_view rule, const std::string& speaker) {
    if (source.via_reference || target.via_reference) confidence *= kReferenceFactor;
    for (std::uint32_t s : source.actors) {
      for (std::uint32_t t : target.actors) {
        if (s == t) continue;
        out_->push_back({s, relation, t, confidence, implied, speaker, rule});
      }
    }
  }

  Party Resolve(std::int32_t index, const std::vector<std::uint32_t>& exclude) const {
    const Phrase& phrase = view_.phrases[index];
    if (phrase.kind == Phrase::Kind::kActor || phrase.kind == Phrase::Kind::kPerson) {
      return {phrase.actors, phrase.person, false};
    }
    Party party = ResolveReference(phrase, exclude);
    party.via_reference = true;
    std::erase_if(party.actors, [&](std::uint32_t actor) { return Contains(exclude, actor); });
    return party;
  }

  Party ResolveReference(const Phrase& phrase, const std::vector<std::uint32_t>& exclude) const {
    switch (phrase.referent) {
      case Referent::kPerson:
      case Referent::kPersonActor:
        return LastPerson(phrase);
      case Referent::kSpeaker: {
        const Quote* quote = view_.SpeechAt(phrase.first);
        return quote != nullptr ? Resolve(quote->speaker, {}) : Party();
      }
      case Referent::kActor:
      case Referent::kPlural:
        return LastActor(phrase, exclude, [](const graph::Actor&) { return true; });
      case Referent::kState:
        return LastActor(phrase, exclude, KindIs{graph::ActorKind::kState});
      case Referent::kOrganization:
        return LastActor(phrase, exclude, KindIs{graph::ActorKind::kOrganization});
      case Referent::kGroup:
        return LastActor(phrase, exclude, KindIs{graph::ActorKind::kGroup});
      case Referent::kNone:
        break;
    }
    return {};
  }

  // The nearest person before the phrase in this sentence, else the last one of the article.
  Party LastPerson(const Phrase& reference) const {
    for (auto p = view_.phrases.rbegin(); p != view_.phrases.rend(); ++p) {
      if (p->last <= reference.first && !p->person.empty()) return {p->actors, p->person, false};
    }
    const PersonRef* person = discourse_.last_person();
    if (person == nullptr) return {};
    Party party;
    party.person = person->name;
    if (person->actor) party.actors.push_back(*person->actor);
    return party;
  }

  // The nearest actor before the phrase that fits, in this sentence and then in the article,
  // skipping the excluded ones (the clause's own subject) and the actors of people, appositives and
  // modifiers.
  template <class Fits>
  Party LastActor(const Phrase& reference, const std::vector<std::uint32_t>& exclude,
                  Fits fits) const {
    auto usable = [&](std::uint32_t actor) {
      return !Contains(exclude, actor) && fits(gazetteer_.actor(actor));
    };
    for (auto p = view_.phrases.rbegin(); p != view_.phrases.rend(); ++p) {
      if (p->last > reference.first || p->kind != Phrase::Kind::kActor || !p->person.empty() ||
          p->modifier_only || (view_.regions[p->first] & kInAppositive)) {
        continue;
      }
      Party party;
      for (std::uint32_t actor : p->actors) {
        if (usable(actor)) party.actors.push_back(actor);
      }
      if (!party.actors.empty()) return party;
    }
    Party party;
    if (auto actor = discourse_.RecentActor(usable)) party.actors.push_back(*actor);
    return party;
  }

  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
  const SentenceView& view_;
  const Discourse& discourse_;
  std::vector<EdgeCandidate>* out_;
};

}  // namespace

void RelationRules::Apply(const SentenceView& view, const Discourse& discourse,
                          std::vector<EdgeCandidate>* out) const {
  SentenceRules(gazetteer_, lexicon_, view, discourse, out).Run();
}

}  // namespace geokg::ingest
