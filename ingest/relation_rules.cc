#include "ingest/relation_rules.h"

#include <algorithm>
#include <utility>

#include "ingest/clauses.h"
#include "ingest/references.h"

namespace geokg::ingest {
namespace {

// Confidence by how directly the text states the edge.
constexpr float kExplicitVerb = 0.9f;
constexpr float kPassive = 0.85f;
// A participle or coordinated verb borrowing the main clause's subject.
constexpr float kMainClauseSubject = 0.8f;
constexpr float kQuoteSpeaker = 0.8f;  // a trigger in a quotation, attributed to its speaker
constexpr float kClaim = 0.8f;         // a perpetrator that claims the event
constexpr float kReportedPredicate = 0.75f;
constexpr float kFutureAct = 0.75f;  // an act announced: "would boycott"
constexpr float kStatedNoun = 0.7f;  // "China's accusations against the Philippines"
constexpr float kImpliedNoun = 0.7f;
constexpr float kPreviousPerpetrator = 0.6f;  // the perpetrator the sentence before named
constexpr float kReferenceFactor = 0.85f;     // a party reached through a pronoun or description
// How many sentences back "the attack" may find the attack it means.
constexpr std::uint32_t kNounReferenceSentences = 5;

// Plain words allowed between a claim and its event ("claimed the deadly attack"), between a
// source and its noun, between a future marker and its verb ("would soon boycott").
constexpr int kMaxPlainWords = 2;

class SentenceRules {
 public:
  SentenceRules(const Lexicon& lexicon, const SentenceView& view, const Discourse& discourse,
                const References& references, std::vector<EdgeCandidate>* out, SentenceNotes* notes)
      : lexicon_(lexicon),
        view_(view),
        discourse_(discourse),
        references_(references),
        out_(out),
        notes_(notes) {}

  void Run() {
    for (const TriggerHit& hit : view_.triggers) {
      const TriggerMatch& match = hit.match;
      bool noun_position = match.noun != nullptr && InNounPhrase(view_, hit.first);
      if (match.claim != nullptr && Claim(hit, *match.claim)) continue;
      bool done = match.predicate != nullptr && Predicate(hit, *match.predicate);
      done = done || (match.future != nullptr && Future(hit, *match.future));
      if (!done && match.verb != nullptr && !noun_position) {
        std::size_t before = out_->size();
        Verb(hit, *match.verb);
        if (out_->size() == before) notes_->untold.push_back(match.verb->relation);
      } else if (!done && match.noun != nullptr) {
        Noun(hit, *match.noun);
      }
    }
    NoteSubject();
  }

 private:
  // Whether the trigger at `pos` tells of something done: not denied, doubted, asked about or
  // supposed.
  bool Asserted(std::uint32_t pos) const { return !Negated(view_, pos) && !Unasserted(view_, pos); }

  void Verb(const TriggerHit& hit, const TriggerEntry& entry) {
    if (!Asserted(hit.first)) return;
    // "refused to blame Russia": the refusal negates the trigger after it, which owns the object.
    if ((view_.flags(hit.first) & kNegator) &&
        hit.first + view_.mark_span[hit.first] < view_.size() &&
        TriggerAt(view_, hit.first + view_.mark_span[hit.first]) != nullptr) {
      return;
    }
    if (hit.first > 0) {
      std::uint32_t before = view_.flags(hit.first - 1);
      // An infinitive is intended, demanded or threatened, not done: "threatened to attack Iraq",
      // unless an aspectual verb governs it: "continues to launch attacks";
      // a gerund after a preposition is alleged: "accused Russia of shelling".
      if ((before & kInfinitive) && !(hit.first >= 2 && (view_.flags(hit.first - 2) & kAspectual)))
        return;
      if ((before & kPreposition) && view_.tokens[hit.first].norm.ends_with("ing")) return;
    }
    bool main_clause = IsParticipleAfterPause(view_, hit.first);
    std::int32_t subject = FindSubject(view_, hit.first, main_clause);
    if (subject == kNone && !main_clause && StopsAtCoordinator(view_, hit.first)) {
      main_clause = true;
      subject = FindSubject(view_, hit.first, true);
    }
    const bool event = lexicon_.IsEvent(entry.relation);
    Party source;
    float confidence = main_clause ? kMainClauseSubject : kExplicitVerb;
    std::string_view rule = main_clause ? "verb.main_subject" : "verb";
    if (subject != kNone) {
      source = references_.Resolve(subject, {}, true);
    } else if (const Quote* quote = view_.SpeechAt(hit.first); quote != nullptr && !event) {
      // A speaker reports violence; it is not the perpetrator unless it says "we".
      source = references_.Resolve(quote->speaker, {});
      confidence = kQuoteSpeaker;
      rule = "verb.quote_speaker";
    }

    // "was accused by", and the participle of "The UAE, accused by the army of ...".
    bool by_follows = hit.last < view_.size() && (view_.flags(hit.last) & kAgent);
    bool passive = (AfterPassiveAux(view_, hit.first) || by_follows) && !entry.stative &&
                   !view_.tokens[hit.first].norm.ends_with("ing");
    if (passive) {
      std::int32_t agent = FindAgent(view_, hit.last);
      if (agent == kNone) {
        if (event) Unclaimed(hit, entry.relation, source);
        return;
      }
      Party by = references_.Resolve(agent, source.actors);
      if (event) Note(&notes_->perpetrators, entry.relation, by, hit.first);
      if (source.actors.empty()) {
        NounReference(hit, entry.relation, by, kPassive, DefiniteNounBefore(view_, hit));
        return;
      }
      Emit(by, source,
           How(entry.relation, kPassive, "verb.passive", hit.first, SpeakerOf(by, hit.first)));
      return;
    }
    std::int32_t object = ObjectOf(hit, entry.relation);
    if (object == kNone && (view_.flags(hit.first) & kDenial) &&
        DeniedStatement(hit, entry.relation, confidence, rule)) {
      return;
    }
    if (source.actors.empty()) {
      if (event && object != kNone) Unclaimed(hit, entry.relation, references_.Resolve(object, {}));
      return;
    }
    if (event) Note(&notes_->perpetrators, entry.relation, source, hit.first);
    if (entry.reciprocal) {
      // "traded accusations with Ukraine" both ways; an object further on is a venue or a topic
      // ("traded accusations at a UN Security Council meeting").
      Party both = source;
      if (object != kNone && view_.phrases[object].first == SkipDeterminers(view_, hit.last)) {
        for (std::uint32_t actor : references_.Resolve(object, source.actors).actors)
          both.actors.push_back(actor);
      }
      Emit(both, both, How(entry.relation, confidence, "verb.reciprocal", hit.first, ""));
      return;
    }
    if (object == kNone) {
      NounReference(hit, entry.relation, source, confidence, DefiniteNounAfter(view_, hit));
      return;
    }
    if (SelfInComplement(hit, view_.phrases[object])) return;
    Party target = references_.Resolve(object, source.actors);
    std::string speaker = SpeakerOf(source, hit.first);
    Emit(source, target, How(entry.relation, confidence, rule, hit.first, speaker));

    const Phrase& phrase = view_.phrases[object];
    // Rejecting an accusation implies one; condemning an attack is no attack on the condemner, nor
    // are "threats against Israel" threats against the condemner.
    if (const TriggerHit* noun = GovernedNoun(view_, phrase);
        noun != nullptr && !lexicon_.IsEvent(noun->match.noun->relation) &&
        NounTarget(*noun, *noun->match.noun) == kNone) {
      EdgeCandidate implied =
          How(noun->match.noun->relation, kImpliedNoun, "noun.implied", hit.first, speaker);
      implied.implied = true;
      Emit(target, source, implied);
    }
  }

  // The object of a verb: an actor inside the trigger's gap ("held Turkey responsible"), else the
  // first party after it.
  std::int32_t ObjectOf(const TriggerHit& hit, std::uint16_t relation) const {
    for (std::uint32_t k = hit.first + 1; k + 1 < hit.last; ++k) {
      if (const Phrase* phrase = view_.PhraseAt(k); phrase != nullptr && !phrase->modifier_only)
        return view_.phrase_at[k];
    }
    ObjectScan scan;
    scan.into_complement = lexicon_.ObjectInComplement(relation);
    scan.into_conditional = lexicon_.ObjectInConditional(relation);
    scan.direct = lexicon_.IsEvent(relation);
    return FindObject(view_, hit.last, scan);
  }

  // An event whose perpetrator the sentence does not name: the previous sentence's perpetrator
  // takes it; a claim may take it later.
  void Unclaimed(const TriggerHit& hit, std::uint16_t relation, const Party& target) {
    if (target.actors.empty()) return;
    Note(&notes_->unclaimed, relation, target, hit.first);
    EdgeCandidate how =
        How(relation, kPreviousPerpetrator, "verb.previous_perpetrator", hit.first, "");
    how.spans_previous = true;
    how.inferred = true;
    for (const EventNote& note : discourse_.previous().perpetrators) {
      if (note.relation == relation) Emit({note.actors, "", false}, target, how);
    }
  }

  // "IS-K claimed the attack", "The BLA claimed responsibility for the bombing of ...", and in the
  // passive "The attack on the convoy was claimed by the BLA", "..., an attack claimed by IS-K".
  bool Claim(const TriggerHit& hit, const TriggerEntry& entry) {
    const bool passive = hit.last < view_.size() && (view_.flags(hit.last) & kAgent);
    const TriggerHit* event =
        passive ? EventBefore(hit.first, entry.relation) : EventAfter(hit.last, entry.relation);
    if (entry.needs_event && event == nullptr) return false;
    if (!Asserted(hit.first)) return true;
    std::int32_t claimant = kNone;
    if (passive) {
      claimant = FindAgent(view_, hit.last);
    } else {
      claimant = FindSubject(view_, hit.first, IsParticipleAfterPause(view_, hit.first));
    }
    if (claimant == kNone) return true;
    Party source = references_.Resolve(claimant, {}, !passive);
    if (source.actors.empty()) return true;
    Note(&notes_->perpetrators, entry.relation, source, hit.first);
    ObjectScan scan;
    scan.noun_targets = true;
    std::int32_t object = kNone;
    if (event != nullptr) {
      if (passive) scan.limit = hit.first;
      object = FindObject(view_, event->last, scan);
    } else if (!passive) {
      object = FindObject(view_, hit.last, scan);
    }
    const EdgeCandidate how =
        How(entry.relation, kClaim, "claim", hit.first, SpeakerOf(source, hit.first));
    if (object != kNone) {
      Emit(source, references_.Resolve(object, source.actors), how);
      return true;
    }
    // The event the claim refers to is dated where it is told, not where it is claimed.
    for (const EventNote& note : notes_->unclaimed) {
      EdgeCandidate same_sentence = how;
      same_sentence.anchor = note.anchor;
      if (note.relation == entry.relation) Emit(source, {note.actors, "", false}, same_sentence);
    }
    for (const EventNote& note : discourse_.previous().unclaimed) {
      EdgeCandidate sentence_before = how;
      sentence_before.spans_previous = true;
      sentence_before.date = note.date;
      if (note.relation == entry.relation) Emit(source, {note.actors, "", false}, sentence_before);
    }
    return true;
  }

  // The noun of `relation`'s events that a claim names after it: "claimed the deadly attack".
  const TriggerHit* EventAfter(std::uint32_t k, std::uint16_t relation) const {
    k = SkipDeterminers(view_, k);
    for (int plain = 0; k < view_.size() && plain <= kMaxPlainWords; ++k, ++plain) {
      if (const TriggerHit* at = TriggerAt(view_, k); IsEventNoun(at, relation)) return at;
      if (!IsPlainWord(view_, k)) break;
    }
    return nullptr;
  }

  // The nearest noun of `relation`'s events before a passive claim, within its clause: "the attack
  // on the convoy was claimed by ...".
  const TriggerHit* EventBefore(std::uint32_t pos, std::uint16_t relation) const {
    for (std::uint32_t k = pos; k > 0; --k) {
      std::uint32_t t = k - 1;
      if (const TriggerHit* at = TriggerAt(view_, t); IsEventNoun(at, relation)) return at;
      if (IsHardBreak(view_, t) || (view_.flags(t) & (kCoordinator | kComplementiser))) break;
    }
    return nullptr;
  }

  static bool IsEventNoun(const TriggerHit* hit, std::uint16_t relation) {
    return hit != nullptr && hit->match.noun != nullptr && hit->match.noun->relation == relation;
  }

  // Whether the predicate found its reported clause (else the trigger may still be a verb).
  bool Predicate(const TriggerHit& hit, const TriggerEntry& entry) {
    ReportedClause clause = FindReportedClause(view_, hit.first);
    if (clause.target == kNone) return false;
    Party source;
    std::uint32_t anchor = hit.first;
    std::int32_t speaker_anchor = kNone;
    if (clause.speech != nullptr) {
      source = references_.Resolve(clause.speech->speaker, {});
      speaker_anchor = static_cast<std::int32_t>(view_.phrases[clause.speech->speaker].first);
    } else if (clause.boundary != kNone) {
      auto boundary = static_cast<std::uint32_t>(clause.boundary);
      anchor = boundary;
      const std::uint32_t reporter = ReportingVerb(boundary);
      std::int32_t subject = FindSubject(view_, reporter, false);
      if (subject == kNone && StopsAtCoordinator(view_, reporter))
        subject = FindSubject(view_, reporter, true);
      if (subject != kNone) source = references_.Resolve(subject, {}, true);
    }
    if (source.actors.empty()) return false;
    if (!Asserted(hit.first) || (clause.boundary != kNone && Negated(view_, anchor))) return true;
    Party target = references_.Resolve(clause.target, source.actors);
    Emit(source, target,
         How(entry.relation, kReportedPredicate, "predicate.reported", anchor,
             SpeakerOf(source, hit.first), speaker_anchor));
    return true;
  }

  // The attribution verb before a reported clause's "that", whose subject reports it, past its
  // addressee ("told European leaders that ..."); `boundary` itself when none comes first.
  std::uint32_t ReportingVerb(std::uint32_t boundary) const {
    for (std::uint32_t k = boundary; k > 0 && !IsHardBreak(view_, k - 1); --k) {
      if (view_.flags(k - 1) & kAttribution) return k - 1;
      if (view_.flags(k - 1) & (kPause | kCoordinator)) break;
    }
    return boundary;
  }

  // Whether a future marker ("would", "vowed to") stands before the trigger, making it an
  // announced act: "they would boycott all talks with Albania".
  bool Future(const TriggerHit& hit, const TriggerEntry& entry) {
    std::uint32_t k = PlainWordsBefore(view_, hit.first);
    if (k == 0 || !(view_.flags(k - 1) & kFuture)) return false;
    if (entry.needs_condition && !ConditionFollows(hit.last)) return false;
    const std::uint32_t marker = k - 1;
    if (Negated(view_, marker) || Unasserted(view_, hit.first)) return true;
    std::int32_t subject = FindSubject(view_, marker, false);
    if (subject == kNone) return true;
    Party source = references_.Resolve(subject, {}, true);
    std::int32_t object = ObjectOf(hit, entry.relation);
    if (source.actors.empty() || object == kNone) return true;
    Emit(source, references_.Resolve(object, source.actors),
         How(entry.relation, kFutureAct, "future", hit.first, SpeakerOf(source, hit.first)));
    return true;
  }

  // The token after at most kMaxPlainWords plain words from `pos`.
  std::uint32_t PlainWordsAfter(std::uint32_t pos) const {
    for (int plain = 0; pos < view_.size() && plain < kMaxPlainWords && IsPlainWord(view_, pos);
         ++plain)
      ++pos;
    return pos;
  }

  // Whether an if- or unless-clause follows in the same clause: "will withdraw ... unless ...".
  bool ConditionFollows(std::uint32_t k) const {
    for (; k < view_.size() && !IsHardBreak(view_, k); ++k) {
      if (view_.flags(k) & kConditional) return true;
    }
    return false;
  }

  // A noun with its source before it: notes the perpetrator of an event ("IS-K's attacks"), and
  // states an edge when its target follows one of its prepositions ("US threats against Iran").
  void Noun(const TriggerHit& hit, const TriggerEntry& entry) {
    const std::uint32_t k = PlainWordsBefore(view_, hit.first);
    const Phrase* owner = k > 0 ? view_.PhraseAt(k - 1) : nullptr;
    if (AgentNoun(hit, entry) || owner == nullptr || owner->last != k || owner->modifier_only)
      return;
    // Whom "their threats" means depends on the clause's subject, which the verb's rule resolves
    // ("condemned their threats": not the condemner's own); this rule does not know it.
    if (view_.flags(owner->first) & kPossessivePronoun) return;
    Party source = references_.Resolve(view_.phrase_at[k - 1], {});
    if (lexicon_.IsEvent(entry.relation))
      Note(&notes_->perpetrators, entry.relation, source, hit.first);
    if (!Asserted(hit.first)) return;
    std::int32_t target = NounTarget(hit, entry);
    if (target == kNone) return;
    Emit(source, references_.Resolve(target, source.actors),
         How(entry.relation, kStatedNoun, "noun", hit.first, SpeakerOf(source, hit.first)));
  }

  // "Russia struck Kharkiv. Ukraine condemned the attack": a definite noun ("the attack", "these
  // accusations") as a verb's object, or as a passive one's subject, means the last edge of the
  // noun's kind (its PLOVER category) told shortly before, whose source, when it is not the verb's
  // own source, becomes the target.
  void NounReference(const TriggerHit& hit, std::uint16_t relation, const Party& source,
                     float confidence, const TriggerHit* noun) {
    if (noun == nullptr || noun->match.noun == nullptr || OwnParty(*noun)) return;
    const auto& types = lexicon_.relation_types();
    const std::string& kind = types[noun->match.noun->relation].plover;
    auto means = [&](const ToldEdge& e) {
      return types[e.relation].plover == kind &&
             std::find(source.actors.begin(), source.actors.end(), e.source) == source.actors.end();
    };
    // "Gunmen attacked a mosque. The Taliban condemned the attack." means an attack without a
    // known source, not an older one.
    auto untold = [&](const std::vector<std::uint16_t>& relations) {
      return std::any_of(relations.begin(), relations.end(),
                         [&](std::uint16_t r) { return types[r].plover == kind; });
    };
    if (untold(notes_->untold) || untold(discourse_.previous().untold)) return;
    const std::vector<ToldEdge>* told_in = &notes_->told;
    const ToldEdge* told = nullptr;
    for (auto it = notes_->told.rbegin(); it != notes_->told.rend() && told == nullptr; ++it) {
      if (means(*it)) told = &*it;
    }
    if (told == nullptr) {
      told = discourse_.RecentTold(kNounReferenceSentences, means);
      told_in = &discourse_.told();
    }
    if (told == nullptr) return;
    // Every source of that event or statement: "The US and Britain struck ... The strikes".
    Party sources;
    for (const ToldEdge& e : *told_in) {
      if (e.sentence == told->sentence && e.relation == told->relation &&
          e.target == told->target && means(e) &&
          std::find(sources.actors.begin(), sources.actors.end(), e.source) ==
              sources.actors.end()) {
        sources.actors.push_back(e.source);
      }
    }
    EdgeCandidate how = How(relation, confidence * kReferenceFactor, "verb.noun_reference",
                            hit.first, SpeakerOf(source, hit.first));
    how.inferred = told->inferred;
    Emit(source, sources, how);
  }

  // Whether a noun names a party of its own after it: "the attack on Kyiv's power grid" may be
  // another attack, "the demand by Egypt" is Egypt's.
  bool OwnParty(const TriggerHit& noun) const {
    if (noun.last >= view_.size()) return false;
    return NounTarget(noun, *noun.match.noun) != kNone || AfterAgent(noun) != nullptr;
  }

  // The phrase after a noun's "by" or "from" ("calls by Egypt"), determiners skipped; nullptr when
  // none follows.
  const Phrase* AfterAgent(const TriggerHit& noun) const {
    if (noun.last >= view_.size() || !(view_.flags(noun.last) & kNounAgent)) return nullptr;
    const std::uint32_t a = SkipDeterminers(view_, noun.last + view_.mark_span[noun.last]);
    return a < view_.size() ? view_.PhraseAt(a) : nullptr;
  }

  // Whether the object is an "it" inside the verb's that-clause, which stands for the subject
  // itself: "Tehran warned that it would respond".
  bool SelfInComplement(const TriggerHit& hit, const Phrase& object) const {
    if (object.kind != Phrase::Kind::kPronoun || object.referent != Referent::kActor) return false;
    for (std::uint32_t k = hit.last; k < object.first; ++k) {
      if (view_.flags(k) & kComplementiser) return true;
    }
    return false;
  }

  // "Mali blamed France for arming separatists, a claim Paris has denied": a denial whose object is
  // a statement noun standing after a comma, in apposition to the clause before, rejects whoever
  // made a statement earlier in the sentence. The denier is the phrase right before the verb (over
  // "has repeatedly"), which as part of an appositive is no clause's subject. Returns whether the
  // construction is there.
  bool DeniedStatement(const TriggerHit& hit, std::uint16_t relation, float confidence,
                       std::string_view rule) {
    std::uint32_t k = hit.first;
    for (int skipped = 0; k > 0 && view_.PhraseAt(k - 1) == nullptr; ++skipped, --k) {
      if (skipped > kMaxPlainWords ||
          !(IsPlainWord(view_, k - 1) || (view_.flags(k - 1) & kPassiveAux)))
        return false;
    }
    if (k == 0) return false;
    const std::int32_t denier = view_.phrase_at[k - 1];
    k = view_.phrases[denier].first;
    if (k > 0 && (view_.flags(k - 1) & (kComplementiser | kRelative))) --k;
    const TriggerHit* noun = k > 0 ? NounEndingAt(view_, k) : nullptr;
    if (noun == nullptr || lexicon_.IsEvent(noun->match.noun->relation)) return false;
    std::uint32_t start = PlainWordsBefore(view_, noun->first);
    while (start > 0 && (view_.flags(start - 1) & kDeterminer)) --start;
    if (start == 0 || !(view_.flags(start - 1) & kPause)) return false;
    const EdgeCandidate* statement = nullptr;
    for (const EdgeCandidate& c : *out_) {
      if (c.anchor < start && !lexicon_.IsEvent(c.relation) && !c.implied) statement = &c;
    }
    if (statement == nullptr) return false;
    Party source = references_.Resolve(denier, {}, true);
    Emit(source, {{statement->source}, "", false},
         How(relation, confidence, rule, hit.first, SpeakerOf(source, hit.first)));
    return true;
  }

  // A statement noun whose source follows it, in a clause whose own verb states nothing, answers
  // the clause's subject: "Iran's refusal drew a sharp rebuke from the IAEA", "Israel faced
  // condemnation by the EU". Returns whether the noun names its source after it, for then the
  // actor before it is not its source.
  bool AgentNoun(const TriggerHit& hit, const TriggerEntry& entry) {
    if (lexicon_.IsEvent(entry.relation)) return false;
    const Phrase* agent = AfterAgent(hit);
    if (agent == nullptr ||
        agent->first != SkipDeterminers(view_, hit.last + view_.mark_span[hit.last]) ||
        agent->modifier_only) {
      return false;
    }
    std::int32_t subject = FindSubject(view_, hit.first, false);
    if (subject == kNone || !Asserted(hit.first)) return true;
    for (std::uint32_t k = view_.phrases[subject].last; k < hit.first; ++k) {
      if (TriggerAt(view_, k) != nullptr) return true;
    }
    // An intended reception is none: "hoped to avoid (any) criticism from".
    std::uint32_t j = hit.first;
    while (j > 0 && (view_.flags(j - 1) & kDeterminer)) --j;
    if (j >= 2 && (view_.flags(j - 2) & kInfinitive)) return true;
    Party source = references_.Resolve(view_.phrase_at[agent->first], {});
    Emit(source, references_.Resolve(subject, source.actors),
         How(entry.relation, kStatedNoun, "noun.agent", hit.first, SpeakerOf(source, hit.first)));
    return true;
  }

  // The party after one of a noun's target prepositions ("threats against Israel"), or kNone.
  std::int32_t NounTarget(const TriggerHit& hit, const TriggerEntry& entry) const {
    if (hit.last >= view_.size()) return kNone;
    const std::string& preposition = view_.tokens[hit.last].norm;
    if (std::find(entry.target_prepositions.begin(), entry.target_prepositions.end(),
                  preposition) == entry.target_prepositions.end()) {
      return kNone;
    }
    const std::uint32_t t = PlainWordsAfter(SkipDeterminers(view_, hit.last + 1));
    const Phrase* target = t < view_.size() ? view_.PhraseAt(t) : nullptr;
    if (target == nullptr || target->first != t || target->modifier_only) return kNone;
    return view_.phrase_at[t];
  }

  // The subject of the sentence's first clause, for a "they" or "it" in the next one.
  void NoteSubject() {
    for (std::size_t p = 0; p < view_.phrases.size(); ++p) {
      const Phrase& phrase = view_.phrases[p];
      if (!CanBeSubject(view_, phrase)) continue;
      notes_->subject = references_.Resolve(static_cast<std::int32_t>(p), {}, true).actors;
      return;
    }
  }

  static void Note(std::vector<EventNote>* notes, std::uint16_t relation, const Party& party,
                   std::uint32_t anchor) {
    if (!party.actors.empty()) notes->push_back({relation, party.actors, anchor, {}});
  }

  // The person who says it: the source's own person, else the speaker of the quotation around
  // `pos`.
  std::string SpeakerOf(const Party& source, std::uint32_t pos) const {
    if (!source.person.empty()) return source.person;
    if (const Quote* quote = view_.SpeechAt(pos)) return view_.phrases[quote->speaker].person;
    return "";
  }

  // How an edge is told: everything but its actors.
  static EdgeCandidate How(std::uint16_t relation, float confidence, std::string_view rule,
                           std::uint32_t anchor, std::string speaker,
                           std::int32_t speaker_anchor = kNone) {
    EdgeCandidate how;
    how.relation = relation;
    how.confidence = confidence;
    how.rule = rule;
    how.anchor = anchor;
    how.speaker = std::move(speaker);
    how.speaker_anchor = speaker_anchor;
    return how;
  }

  // One edge per pair of the parties' actors, as `how` says (its source and target aside).
  void Emit(const Party& source, const Party& target, EdgeCandidate how) {
    if (source.via_reference || target.via_reference) how.confidence *= kReferenceFactor;
    if (how.speaker_anchor == kNone) {
      if (const Quote* quote = view_.SpeechAt(how.anchor))
        how.speaker_anchor = static_cast<std::int32_t>(view_.phrases[quote->speaker].first);
    }
    for (std::uint32_t s : source.actors) {
      for (std::uint32_t t : target.actors) {
        if (s == t) continue;
        how.source = s;
        how.target = t;
        out_->push_back(how);
        if (!how.implied) notes_->told.push_back({how.relation, s, t, how.inferred});
      }
    }
  }

  const Lexicon& lexicon_;
  const SentenceView& view_;
  const Discourse& discourse_;
  const References& references_;
  std::vector<EdgeCandidate>* out_;
  SentenceNotes* notes_;
};

}  // namespace

void RelationRules::Apply(const SentenceView& view, const Discourse& discourse,
                          std::vector<EdgeCandidate>* out, SentenceNotes* notes) const {
  References references(gazetteer_, view, discourse);
  SentenceRules(lexicon_, view, discourse, references, out, notes).Run();
}

}  // namespace geokg::ingest
