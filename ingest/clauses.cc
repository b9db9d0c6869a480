#include "ingest/clauses.h"

#include <algorithm>

namespace geokg::ingest {
namespace {

// Adverbs and other plain words allowed between an auxiliary or determiner and what it governs.
constexpr int kMaxPlainWords = 2;
// Words between "that" and the denial that governs it: "denied the latest claims that".
constexpr int kMaxDenialWords = 3;

// Whether a phrase (not a modifier) starts at `k`, determiners skipped.
bool ActorFollows(const SentenceView& view, std::uint32_t k) {
  k = SkipDeterminers(view, k);
  const Phrase* phrase = k < view.size() ? view.PhraseAt(k) : nullptr;
  return phrase != nullptr && phrase->first == k && !phrase->modifier_only;
}

// The first token a scan from inside a speaker's quotation may reach, or 0.
std::uint32_t ScanStart(const SentenceView& view, std::uint32_t pos) {
  const Quote* quote = view.SpeechAt(pos);
  return quote != nullptr ? quote->first() : 0;
}

// One past the last token a scan from inside a speaker's quotation may reach: its closing mark
// is left out.
std::uint32_t ScanEnd(const SentenceView& view, std::uint32_t pos) {
  const Quote* quote = pos < view.size() ? view.SpeechAt(pos) : nullptr;
  if (quote == nullptr) return view.size();
  return view.tokens[quote->close - 1].kind == TokenKind::kPunct ? quote->close - 1 : quote->close;
}

// Whether token k lies in a speaker's quotation that does not hold `pos`.
const Quote* OtherSpeech(const SentenceView& view, std::uint32_t k, std::uint32_t pos) {
  const Quote* quote = view.SpeechAt(k);
  if (quote == nullptr || (pos >= quote->open && pos < quote->close)) return nullptr;
  return quote;
}

bool EndsClause(const SentenceView& view, std::uint32_t k) {
  return IsHardBreak(view, k) || (view.flags(k) & (kPause | kCoordinator | kComplementiser));
}

enum class Strength : std::uint8_t { kNone, kWeak, kStrong };

// How well a phrase fits as a clause's subject. The object of "of" or "for" is a weak subject,
// taken when nothing better stands in the clause: "inhabitants of the Syrian Golan threatened", "a
// spokesman for the Taliban said".
Strength SubjectStrength(const SentenceView& view, const Phrase& phrase) {
  if (phrase.modifier_only ||
      (view.regions[phrase.first] & (kInAppositive | kInParenthesis | kInRelative))) {
    return Strength::kNone;
  }
  std::uint32_t t = phrase.first;
  while (t > 0 && (view.flags(t - 1) & kDeterminer)) --t;
  if (t == 0 || !(view.flags(t - 1) & kPreposition)) return Strength::kStrong;
  return (view.flags(t - 1) & kGenitive) ? Strength::kWeak : Strength::kNone;
}

// Whether the phrase is the object of a trigger right before it: "condemned Ukraine, warning ...".
bool FollowsTrigger(const SentenceView& view, const Phrase& phrase) {
  std::uint32_t t = phrase.first;
  while (t > 0 && (view.flags(t - 1) & kDeterminer)) --t;
  for (const TriggerHit& hit : view.triggers) {
    if (hit.last == t && hit.match.verb != nullptr) return true;
  }
  return false;
}

enum class Stop : std::uint8_t { kStart, kBreaker, kCoordinator, kComplementiser };

struct SubjectScan {
  std::int32_t phrase = kNone;
  Stop stop = Stop::kStart;
};

// The strict scan takes the nearest subject of the clause; the main-clause scan the leftmost one
// before the clause's start, since what lies nearer is an object of the main verb.
SubjectScan ScanSubject(const SentenceView& view, std::uint32_t pos, bool main_clause) {
  std::uint32_t lo = ScanStart(view, pos);
  const bool in_relative = view.regions[pos] & kInRelative;
  SubjectScan scan;
  std::int32_t weak = kNone;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo;) {
    auto t = static_cast<std::uint32_t>(k);
    if (std::int32_t p = view.phrase_at[t]; p != kNone) {
      const Phrase& phrase = view.phrases[p];
      Strength strength = SubjectStrength(view, phrase);
      // Inside a relative clause, its own phrases are subjects: "the raid, which the UN condemned".
      if (in_relative && (view.regions[phrase.first] & kInRelative) && !phrase.modifier_only)
        strength = Strength::kStrong;
      if (main_clause && FollowsTrigger(view, phrase)) strength = Strength::kNone;
      if (strength == Strength::kStrong && !main_clause) return {p, Stop::kStart};
      if (strength == Strength::kStrong) scan.phrase = p;
      if (strength == Strength::kWeak && weak == kNone) weak = p;
      k = static_cast<std::int64_t>(phrase.first) - 1;
      continue;
    }
    if (const Quote* quote = OtherSpeech(view, t, pos)) {
      k = static_cast<std::int64_t>(quote->open) - 1;
      continue;
    }
    // The subject of the main clause's own verb, when it has one: "The UN has raised alarm over
    // ..., warning that ...".
    if (main_clause) {
      const TriggerHit* verb = TriggerAt(view, t);
      if (verb != nullptr && verb->match.verb != nullptr) {
        SubjectScan own = ScanSubject(view, t, false);
        if (own.phrase != kNone) return own;
      }
    }
    std::uint32_t f = view.flags(t);
    if (IsHardBreak(view, t)) {
      scan.stop = Stop::kBreaker;
      break;
    }
    // A relative clause's subject is what it qualifies: "Hezbollah, which attacked ...", but
    // nothing in "the raid which killed ...".
    if (!main_clause && (f & kRelative)) {
      std::uint32_t before = t > 0 && (view.flags(t - 1) & kPause) ? t - 1 : t;
      const Phrase* antecedent = before > 0 ? view.PhraseAt(before - 1) : nullptr;
      if (antecedent == nullptr || antecedent->modifier_only) return {kNone, Stop::kBreaker};
      return {view.phrase_at[before - 1], Stop::kStart};
    }
    if (!main_clause && (f & (kCoordinator | kComplementiser))) {
      scan.stop = (f & kCoordinator) ? Stop::kCoordinator : Stop::kComplementiser;
      break;
    }
    // What was found so far lies inside a that-complement, not in the main clause.
    if (f & kComplementiser) scan.phrase = weak = kNone;
    --k;
  }
  if (scan.phrase == kNone) scan.phrase = weak;
  return scan;
}

bool Hypothetical(const SentenceView& view, std::uint32_t pos) {
  std::uint32_t lo = ScanStart(view, pos);
  bool passed_phrase = false;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo;) {
    auto t = static_cast<std::uint32_t>(k);
    if (const Phrase* phrase = view.PhraseAt(t)) {
      passed_phrase = true;
      k = static_cast<std::int64_t>(phrase->first) - 1;
      continue;
    }
    std::uint32_t f = view.flags(t);
    if (f & kConditional) return true;
    if (EndsClause(view, t)) return false;
    // An auxiliary before the subject at the clause's start: "Should Russia attack ...".
    if ((f & (kModal | kFuture)) && passed_phrase && (t == lo || EndsClause(view, t - 1)))
      return true;
    --k;
  }
  return false;
}

bool InQuestion(const SentenceView& view, std::uint32_t pos) {
  for (std::uint32_t k = pos; k < view.size(); ++k) {
    if (OtherSpeech(view, k, pos) != nullptr) return false;
    if (IsHardBreak(view, k)) return view.flags(k) & kQuestion;
  }
  return false;
}

bool InDenial(const SentenceView& view, std::uint32_t pos) {
  std::uint32_t lo = ScanStart(view, pos);
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo;) {
    auto t = static_cast<std::uint32_t>(k);
    if (const Phrase* phrase = view.PhraseAt(t)) {
      k = static_cast<std::int64_t>(phrase->first) - 1;
      continue;
    }
    if (IsHardBreak(view, t)) return false;
    if (view.flags(t) & kComplementiser) {
      for (std::int64_t j = k - 1, words = 0; j >= lo && words <= kMaxDenialWords; --j, ++words) {
        auto w = static_cast<std::uint32_t>(j);
        if (view.flags(w) & kDenial) return true;
        if (!IsPlainWord(view, w) && !(view.flags(w) & kDeterminer)) break;
      }
      return false;
    }
    --k;
  }
  return false;
}

// A reported clause whose subject is a gerund names its target inside it: "removing the sanctions
// on Burma is out of the question". The first party between `begin` and `pos`, or kNone.
std::int32_t GerundTarget(const SentenceView& view, std::uint32_t begin, std::uint32_t pos) {
  if (begin >= pos || !IsPlainWord(view, begin) || !view.tokens[begin].norm.ends_with("ing"))
    return kNone;
  for (std::uint32_t k = begin + 1; k < pos; ++k) {
    const Phrase* phrase = view.PhraseAt(k);
    if (phrase != nullptr && !phrase->modifier_only && !phrase->actors.empty())
      return view.phrase_at[k];
  }
  return kNone;
}

}  // namespace

bool IsPlainWord(const SentenceView& view, std::uint32_t k) {
  return view.tokens[k].kind == TokenKind::kWord && view.flags(k) == 0 &&
         view.phrase_at[k] == kNone;
}

std::uint32_t PlainWordsBefore(const SentenceView& view, std::uint32_t pos) {
  for (int plain = 0; pos > 0 && plain < kMaxPlainWords && IsPlainWord(view, pos - 1); ++plain)
    --pos;
  return pos;
}

bool IsHardBreak(const SentenceView& view, std::uint32_t k) {
  std::uint32_t f = view.flags(k);
  return (f & kBreaker) || ((f & kBreakerBeforeActor) && ActorFollows(view, k + view.mark_span[k]));
}

std::uint32_t SkipDeterminers(const SentenceView& view, std::uint32_t k) {
  while (k < view.size() && (view.flags(k) & kDeterminer) && view.phrase_at[k] == kNone) ++k;
  return k;
}

bool CanBeSubject(const SentenceView& view, const Phrase& phrase) {
  return SubjectStrength(view, phrase) == Strength::kStrong;
}

std::int32_t FindSubject(const SentenceView& view, std::uint32_t pos, bool main_clause) {
  return ScanSubject(view, pos, main_clause).phrase;
}

bool StopsAtCoordinator(const SentenceView& view, std::uint32_t pos) {
  return ScanSubject(view, pos, false).stop == Stop::kCoordinator;
}

std::int32_t FindObject(const SentenceView& view, std::uint32_t end, ObjectScan scan) {
  std::uint32_t trigger = end - 1;
  std::uint32_t hi = std::min(ScanEnd(view, trigger), scan.limit);
  // A gerund right after the trigger is its object, an action, not an actor: "denies arming the
  // Houthis".
  if (end < hi && IsPlainWord(view, end) && view.tokens[end].norm.ends_with("ing")) return kNone;
  // The next phrase is a place ("in northern Mali") or the target of a noun passed on the way
  // ("attacks on army posts"), until more than a few plain words come between.
  enum class Pending : std::uint8_t { kNone, kPlace, kNounTarget } pending = Pending::kNone;
  int plain = 0;
  bool in_clause = false;  // past "that" or "if": only the clause's subject will do
  bool noun_phrase_passed = false;
  for (std::uint32_t k = end; k < hi;) {
    if (std::int32_t p = view.phrase_at[k]; p != kNone) {
      const Phrase& phrase = view.phrases[p];
      bool skip = phrase.modifier_only || pending == Pending::kPlace ||
                  (pending == Pending::kNounTarget && !scan.noun_targets) ||
                  (in_clause && !CanBeSubject(view, phrase));
      if (!skip) return p;
      pending = Pending::kNone;
      k = phrase.last;
      continue;
    }
    if (OtherSpeech(view, k, trigger) != nullptr) break;
    std::uint32_t f = view.flags(k);
    if (IsHardBreak(view, k) || (f & (kCoordinator | kPause))) break;
    if ((f & kComplementiser) && !scan.into_complement) break;
    if ((f & kConditional) && !scan.into_conditional) break;
    if (f & (kComplementiser | kConditional)) in_clause = true;
    if ((f & kPreposition) && scan.direct) break;
    // "urged the international community to hold Israel accountable": a noun phrase before an
    // infinitive is the object, the infinitive's own object is not; but "threatened to cut
    // supplies to Moldova".
    if ((f & kInfinitive) && noun_phrase_passed) {
      std::uint32_t next = SkipDeterminers(view, k + view.mark_span[k]);
      if (next >= hi || view.phrase_at[next] == kNone) break;
    }
    if (f & kDeterminer) noun_phrase_passed = true;
    // "condemned the launch as a violation of UN resolutions": what follows "as" describes the
    // object already passed; right after the verb it may come first ("denounced as a crime
    // Serbia's suppression of ...").
    if ((f & kBreakerBeforeActor) && k > end) break;
    // Past a preposition, a gerund owns what follows: "a network it accused of shipping Iranian
    // crude".
    if ((f & kPreposition) && k + 1 < hi && IsPlainWord(view, k + 1) &&
        view.tokens[k + 1].norm.ends_with("ing"))
      break;
    // "calls by Belarus", "a demand from the US" name who makes it: the actor behind the noun.
    const TriggerHit* noun = TriggerAt(view, k);
    if (noun != nullptr && noun->match.noun != nullptr && noun->last < hi &&
        (view.flags(noun->last) & kPreposition) && !(view.flags(noun->last) & kNounAgent)) {
      pending = Pending::kNounTarget;
      plain = 0;
      k = noun->last + 1;
      continue;
    }
    if (f & kPreposition) {
      pending = (f & kPlace) ? Pending::kPlace : Pending::kNone;
      plain = 0;
    } else if (IsPlainWord(view, k) && ++plain > kMaxPlainWords) {
      pending = Pending::kNone;
    }
    ++k;
  }
  return kNone;
}

std::int32_t FindAgent(const SentenceView& view, std::uint32_t end) {
  std::uint32_t hi = ScanEnd(view, end - 1);
  for (std::uint32_t k = end; k < hi; ++k) {
    std::uint32_t f = view.flags(k);
    if (f & kAgent) {
      std::uint32_t t = k + view.mark_span[k];
      while (t < hi && (view.flags(t) & kDeterminer)) ++t;
      return t < hi ? view.phrase_at[t] : kNone;
    }
    if (view.phrase_at[k] != kNone || IsHardBreak(view, k) || (f & (kCoordinator | kPause))) break;
  }
  return kNone;
}

bool Negated(const SentenceView& view, std::uint32_t pos) {
  std::uint32_t lo = ScanStart(view, pos);
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo; --k) {
    auto t = static_cast<std::uint32_t>(k);
    if (view.phrase_at[t] != kNone) return false;
    if (view.flags(t) & (kNegator | kModal | kFuture)) return true;
    if (EndsClause(view, t)) return false;
  }
  return false;
}

bool Unasserted(const SentenceView& view, std::uint32_t pos) {
  return Hypothetical(view, pos) || InQuestion(view, pos) || InDenial(view, pos);
}

bool AfterPassiveAux(const SentenceView& view, std::uint32_t pos) {
  int plain = 0;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= 0 && plain <= kMaxPlainWords;
       --k, ++plain) {
    auto t = static_cast<std::uint32_t>(k);
    if (view.flags(t) & kPassiveAux) return true;
    if (!IsPlainWord(view, t)) return false;
  }
  return false;
}

bool IsParticipleAfterPause(const SentenceView& view, std::uint32_t pos) {
  return pos > 0 && view.tokens[pos].norm.ends_with("ing") && (view.flags(pos - 1) & kPause);
}

bool InNounPhrase(const SentenceView& view, std::uint32_t pos) {
  int plain = 0;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= 0; --k) {
    auto t = static_cast<std::uint32_t>(k);
    if (view.flags(t) & kDeterminer) return true;
    // "a wave of attacks"; but "threatened to attack".
    if ((view.flags(t) & kPreposition) && !(view.flags(t) & kInfinitive)) return true;
    if (view.tokens[t].norm == "'s") return true;
    if (const Phrase* phrase = view.PhraseAt(t)) {
      std::uint32_t before = phrase->first;
      return phrase->possessive ||
             (before > 0 && (view.flags(before - 1) & (kDeterminer | kPreposition)));
    }
    if (!IsPlainWord(view, t) || plain++ == kMaxPlainWords) return false;
  }
  return false;
}

const TriggerHit* TriggerAt(const SentenceView& view, std::uint32_t pos) {
  for (const TriggerHit& hit : view.triggers) {
    if (hit.first == pos) return &hit;
    if (hit.first > pos) break;
  }
  return nullptr;
}

const TriggerHit* GovernedNoun(const SentenceView& view, const Phrase& phrase) {
  std::uint32_t t = phrase.last;
  for (int plain = 0; t < view.size(); ++t, ++plain) {
    if (const TriggerHit* hit = TriggerAt(view, t))
      return hit->match.noun != nullptr ? hit : nullptr;
    if (plain == kMaxPlainWords || !IsPlainWord(view, t)) break;
  }
  return nullptr;
}

ReportedClause FindReportedClause(const SentenceView& view, std::uint32_t pos) {
  std::uint32_t lo = ScanStart(view, pos);
  std::int32_t target = kNone;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo;) {
    auto t = static_cast<std::uint32_t>(k);
    if (std::int32_t p = view.phrase_at[t]; p != kNone) {
      const Phrase& phrase = view.phrases[p];
      if (target == kNone && CanBeSubject(view, phrase)) target = p;
      k = static_cast<std::int64_t>(phrase.first) - 1;
      continue;
    }
    std::uint32_t f = view.flags(t);
    if (f & (kComplementiser | kAttribution)) {
      auto boundary = static_cast<std::int32_t>(t);
      return {boundary, nullptr, target != kNone ? target : GerundTarget(view, t + 1, pos)};
    }
    if (IsHardBreak(view, t)) return {};
    --k;
  }
  if (const Quote* quote = view.SpeechAt(pos)) {
    return {kNone, quote, target != kNone ? target : GerundTarget(view, lo, pos)};
  }
  return {};
}

TokenSpan ClauseSpan(const SentenceView& view, std::uint32_t pos) {
  auto boundary = [&](std::uint32_t k) {
    return IsHardBreak(view, k) || view.tokens[k].quote != QuoteSide::kNone ||
           (view.flags(k) & (kCoordinator | kComplementiser | kRelative));
  };
  TokenSpan span{pos, pos};
  while (span.begin > 0) {
    std::uint32_t k = span.begin - 1;
    if (const Phrase* phrase = view.PhraseAt(k)) {
      span.begin = phrase->first;
    } else if (boundary(k)) {
      break;
    } else {
      span.begin = k;
    }
  }
  while (span.end < view.size()) {
    if (const Phrase* phrase = view.PhraseAt(span.end)) {
      span.end = phrase->last;
    } else if (boundary(span.end)) {
      break;
    } else {
      ++span.end;
    }
  }
  return span;
}

const TriggerHit* NounEndingAt(const SentenceView& view, std::uint32_t end) {
  for (const TriggerHit& hit : view.triggers) {
    if (hit.last == end) return hit.match.noun != nullptr ? &hit : nullptr;
  }
  return nullptr;
}

const TriggerHit* DefiniteNounAfter(const SentenceView& view, const TriggerHit& verb) {
  if (verb.last >= view.size() || !(view.flags(verb.last) & kDefinite)) return nullptr;
  std::uint32_t k = SkipDeterminers(view, verb.last);
  for (int plain = 0; k < view.size() && TriggerAt(view, k) == nullptr; ++k) {
    if (plain++ == kMaxPlainWords || !IsPlainWord(view, k)) return nullptr;
  }
  return k < view.size() ? TriggerAt(view, k) : nullptr;
}

const TriggerHit* DefiniteNounBefore(const SentenceView& view, const TriggerHit& verb) {
  std::uint32_t k = verb.first;
  const TriggerHit* noun = nullptr;
  for (int skipped = 0; k > 0 && (noun = NounEndingAt(view, k)) == nullptr; ++skipped, --k) {
    if (skipped > kMaxPlainWords ||
        !((view.flags(k - 1) & kPassiveAux) || IsPlainWord(view, k - 1)))
      return nullptr;
  }
  if (noun == nullptr) return nullptr;
  std::uint32_t start = PlainWordsBefore(view, noun->first);
  return start > 0 && (view.flags(start - 1) & kDefinite) ? noun : nullptr;
}

}  // namespace geokg::ingest
