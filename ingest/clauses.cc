#include "ingest/clauses.h"

namespace geokg::ingest {
namespace {

// Adverbs and other plain words allowed between an auxiliary or determiner and what it governs.
constexpr int kMaxPlainWords = 2;

bool IsPlainWord(const SentenceView& view, std::uint32_t k) {
  return view.tokens[k].kind == TokenKind::kWord && view.flags(k) == 0 &&
         view.phrase_at[k] == kNone;
}

std::uint32_t SkipPause(const SentenceView& view, std::uint32_t k) {
  return k < view.size() && (view.flags(k) & kPause) ? k + 1 : k;
}

std::uint32_t SkipDeterminers(const SentenceView& view, std::uint32_t k) {
  while (k < view.size() && (view.flags(k) & kDeterminer) && view.phrase_at[k] == kNone) ++k;
  return k;
}

// Whether a phrase (not a modifier) starts at `k`, determiners skipped.
bool ActorFollows(const SentenceView& view, std::uint32_t k) {
  k = SkipDeterminers(view, k);
  const Phrase* phrase = k < view.size() ? view.PhraseAt(k) : nullptr;
  return phrase != nullptr && phrase->first == k && !phrase->modifier_only;
}

bool IsHardBreak(const SentenceView& view, std::uint32_t k) {
  std::uint32_t f = view.flags(k);
  return (f & kBreaker) || ((f & kBreakerBeforeActor) && ActorFollows(view, k + view.mark_span[k]));
}

// The first token a scan from inside a speaker's quotation may reach, or 0.
std::uint32_t ScanStart(const SentenceView& view, std::uint32_t pos) {
  const Quote* quote = view.SpeechAt(pos);
  return quote != nullptr ? quote->open + 1 : 0;
}

std::uint32_t ScanEnd(const SentenceView& view, std::uint32_t pos) {
  const Quote* quote = pos < view.size() ? view.SpeechAt(pos) : nullptr;
  return quote != nullptr ? quote->close - 1 : view.size();
}

// Whether token k lies in a speaker's quotation that does not hold `pos`.
const Quote* OtherSpeech(const SentenceView& view, std::uint32_t k, std::uint32_t pos) {
  const Quote* quote = view.SpeechAt(k);
  if (quote == nullptr || (pos >= quote->open && pos < quote->close)) return nullptr;
  return quote;
}

enum class Strength : std::uint8_t { kNone, kWeak, kStrong };

// How well a phrase fits as a clause's subject. The object of "of" or "for" is a weak subject,
// taken when nothing better stands in the clause: "inhabitants of the Syrian Golan threatened", "a
// spokesman for the Taliban said".
Strength SubjectStrength(const SentenceView& view, const Phrase& phrase) {
  if (phrase.modifier_only || (view.regions[phrase.first] & (kInAppositive | kInParenthesis))) {
    return Strength::kNone;
  }
  std::uint32_t t = phrase.first;
  while (t > 0 && (view.flags(t - 1) & kDeterminer)) --t;
  if (t == 0 || !(view.flags(t - 1) & kPreposition)) return Strength::kStrong;
  return (view.flags(t - 1) & kGenitive) ? Strength::kWeak : Strength::kNone;
}

bool CanBeSubject(const SentenceView& view, const Phrase& phrase) {
  return SubjectStrength(view, phrase) == Strength::kStrong;
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

SubjectScan ScanSubject(const SentenceView& view, std::uint32_t pos, bool main_clause) {
  std::uint32_t lo = ScanStart(view, pos);
  SubjectScan scan;
  std::int32_t weak = kNone;
  for (std::int64_t k = static_cast<std::int64_t>(pos) - 1; k >= lo;) {
    auto t = static_cast<std::uint32_t>(k);
    if (std::int32_t p = view.phrase_at[t]; p != kNone) {
      const Phrase& phrase = view.phrases[p];
      Strength strength = SubjectStrength(view, phrase);
      if (main_clause && FollowsTrigger(view, phrase)) strength = Strength::kNone;
      if (strength == Strength::kStrong && !main_clause) return {p, Stop::kStart};
      if (strength == Strength::kStrong && scan.phrase == kNone) scan.phrase = p;
      if (strength == Strength::kWeak && weak == kNone) weak = p;
      k = static_cast<std::int64_t>(phrase.first) - 1;
      continue;
    }
    if (const Quote* quote = OtherSpeech(view, t, pos)) {
      k = static_cast<std::int64_t>(quote->open) - 1;
      continue;
    }
    std::uint32_t f = view.flags(t);
    if (IsHardBreak(view, t)) {
      scan.stop = Stop::kBreaker;
      break;
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

}  // namespace

void MarkRegions(SentenceView* view) {
  const std::uint32_t n = view->size();
  view->regions.assign(n, 0);
  view->quotes.clear();
  view->quote_at.assign(n, kNone);
  const auto& tokens = view->tokens;

  int depth = 0;
  for (std::uint32_t t = 0; t < n; ++t) {
    if (tokens[t].norm == "(") ++depth;
    if (depth > 0) view->regions[t] |= kInParenthesis;
    if (tokens[t].norm == ")" && depth > 0) --depth;
  }

  std::int64_t open = -1;
  for (std::uint32_t t = 0; t < n; ++t) {
    QuoteSide side = tokens[t].quote;
    if (side == QuoteSide::kNone) continue;
    bool opens = side == QuoteSide::kOpen || (side == QuoteSide::kEither && open < 0);
    if (opens) {
      if (open < 0) open = t;
      continue;
    }
    // A closing mark with none open: the quotation began in an earlier sentence.
    std::uint32_t start = open >= 0 ? static_cast<std::uint32_t>(open) : 0;
    if (open < 0 && !view->quotes.empty()) continue;
    view->quotes.push_back({start, t + 1, kNone});
    open = -1;
  }
  if (open >= 0) view->quotes.push_back({static_cast<std::uint32_t>(open), n, kNone});

  for (std::size_t q = 0; q < view->quotes.size(); ++q) {
    Quote& quote = view->quotes[q];
    for (std::uint32_t t = quote.open; t < quote.close; ++t)
      view->quote_at[t] = static_cast<std::int32_t>(q);
    // After: "...,” Voronkov stated" or "...,” said Voronkov".
    std::uint32_t k = SkipDeterminers(*view, SkipPause(*view, quote.close));
    if (k < n && view->phrase_at[k] != kNone) {
      const Phrase& phrase = view->phrases[view->phrase_at[k]];
      std::uint32_t after = SkipPause(*view, phrase.last);
      if (after < n && (view->flags(after) & kAttribution)) quote.speaker = view->phrase_at[k];
    } else if (k < n && (view->flags(k) & kAttribution)) {
      std::uint32_t after = SkipDeterminers(*view, k + view->mark_span[k]);
      if (after < n && view->phrase_at[after] != kNone) quote.speaker = view->phrase_at[after];
    }
    // Before: "Voronkov said: “...".
    if (quote.speaker == kNone && quote.open >= 2 && tokens[quote.open].quote != QuoteSide::kNone) {
      std::uint32_t b = quote.open - 1;
      if (tokens[b].kind == TokenKind::kPunct && b >= 1) --b;
      if ((view->flags(b) & kAttribution) && b >= 1 && view->phrase_at[b - 1] != kNone) {
        quote.speaker = view->phrase_at[b - 1];
      }
    }
  }

  // ", a key US ally," after a phrase: an appositive, which is never the clause's subject.
  for (std::uint32_t p = 1; p + 1 < n; ++p) {
    if (!(view->flags(p) & kPause) || !(view->flags(p + 1) & kDeterminer)) continue;
    std::uint32_t before = p - 1;
    if (tokens[before].norm == ")") {
      while (before > 0 && (view->regions[before] & kInParenthesis)) --before;
    }
    if (view->phrase_at[before] == kNone) continue;
    for (std::uint32_t t = p + 1; t < n && !(view->flags(t) & kPause) && !IsHardBreak(*view, t);
         ++t) {
      view->regions[t] |= kInAppositive;
    }
  }
}

std::int32_t FindSubject(const SentenceView& view, std::uint32_t pos, bool main_clause) {
  return ScanSubject(view, pos, main_clause).phrase;
}

bool StopsAtCoordinator(const SentenceView& view, std::uint32_t pos) {
  return ScanSubject(view, pos, false).stop == Stop::kCoordinator;
}

std::int32_t FindObject(const SentenceView& view, std::uint32_t end, bool into_complement) {
  std::uint32_t trigger = end - 1;
  std::uint32_t hi = ScanEnd(view, trigger);
  // A gerund right after the trigger is its object, an action, not an actor: "denies arming the
  // Houthis".
  if (end < hi && IsPlainWord(view, end) && view.tokens[end].norm.ends_with("ing")) return kNone;
  for (std::uint32_t k = end; k < hi;) {
    if (std::int32_t p = view.phrase_at[k]; p != kNone) {
      const Phrase& phrase = view.phrases[p];
      if (!phrase.modifier_only) return p;
      k = phrase.last;
      continue;
    }
    if (OtherSpeech(view, k, trigger) != nullptr) break;
    std::uint32_t f = view.flags(k);
    if (IsHardBreak(view, k) || (f & (kCoordinator | kPause))) break;
    if ((f & kComplementiser) && !into_complement) break;
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
    std::uint32_t f = view.flags(t);
    if (f & (kNegator | kModal)) return true;
    if (IsHardBreak(view, t) || (f & (kCoordinator | kPause | kComplementiser))) return false;
  }
  return false;
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

const TriggerHit* GovernedNoun(const SentenceView& view, const Phrase& phrase) {
  std::uint32_t t = phrase.last;
  for (int plain = 0; t < view.size(); ++t, ++plain) {
    for (const TriggerHit& hit : view.triggers) {
      if (hit.first == t) return hit.match.noun != nullptr ? &hit : nullptr;
    }
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
    if (f & (kComplementiser | kAttribution)) return {static_cast<std::int32_t>(t), target};
    if (IsHardBreak(view, t)) return {};
    --k;
  }
  if (lo > 0) return {static_cast<std::int32_t>(lo - 1), target};
  return {};
}

}  // namespace geokg::ingest
