#include "ingest/references.h"

#include <algorithm>

namespace geokg::ingest {
namespace {

struct KindIs {
  graph::ActorKind kind;
  bool operator()(const graph::Actor& actor) const { return actor.kind == kind; }
};

struct AnyKind {
  bool operator()(const graph::Actor&) const { return true; }
};

// How many sentences back "both sides" may find the two sides.
constexpr std::uint32_t kPairSentences = 8;

bool Contains(const std::vector<std::uint32_t>& list, std::uint32_t actor) {
  return std::find(list.begin(), list.end(), actor) != list.end();
}

}  // namespace

Party References::Resolve(std::int32_t index, const std::vector<std::uint32_t>& exclude,
                          bool subject) const {
  const Phrase& phrase = view_.phrases[index];
  if (phrase.kind == Phrase::Kind::kActor || phrase.kind == Phrase::Kind::kPerson) {
    return {phrase.actors, phrase.person, false};
  }
  Party party = ResolveReference(phrase, exclude, subject);
  party.via_reference = true;
  std::erase_if(party.actors, [&](std::uint32_t actor) { return Contains(exclude, actor); });
  return party;
}

Party References::ResolveReference(const Phrase& phrase, const std::vector<std::uint32_t>& exclude,
                                   bool subject) const {
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
      return LastActor(phrase, exclude, AnyKind(), subject);
    case Referent::kState:
      return LastActor(phrase, exclude, KindIs{graph::ActorKind::kState}, false);
    case Referent::kOrganization:
      return LastActor(phrase, exclude, KindIs{graph::ActorKind::kOrganization}, false);
    case Referent::kGroup:
      return LastActor(phrase, exclude, KindIs{graph::ActorKind::kGroup}, false);
    case Referent::kPair: {
      auto pair = discourse_.MainPair(
          kPairSentences, [&](std::uint32_t actor) { return !Contains(exclude, actor); });
      return pair ? Party{{pair->first, pair->second}, "", false} : Party();
    }
    case Referent::kNone:
      break;
  }
  return {};
}

// The nearest person before the phrase in this sentence, else the last one of the article.
Party References::LastPerson(const Phrase& reference) const {
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
Party References::LastActor(const Phrase& reference, const std::vector<std::uint32_t>& exclude,
                            Fits fits, bool prefer_previous_subject) const {
  auto usable = [&](std::uint32_t actor) {
    return !Contains(exclude, actor) && fits(gazetteer_.actor(actor));
  };
  Party party;
  for (auto p = view_.phrases.rbegin(); p != view_.phrases.rend(); ++p) {
    if (p->last > reference.first || p->kind != Phrase::Kind::kActor || !p->person.empty() ||
        p->modifier_only || (view_.regions[p->first] & kInAppositive)) {
      continue;
    }
    for (std::uint32_t actor : p->actors) {
      if (usable(actor)) party.actors.push_back(actor);
    }
    if (!party.actors.empty()) return party;
  }
  if (prefer_previous_subject) {
    for (std::uint32_t actor : discourse_.previous().subject) {
      if (usable(actor)) party.actors.push_back(actor);
    }
    if (!party.actors.empty()) return party;
  }
  if (auto actor = discourse_.RecentActor(usable)) party.actors.push_back(*actor);
  return party;
}

}  // namespace geokg::ingest
