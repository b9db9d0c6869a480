#include "ingest/regions.h"

#include "ingest/clauses.h"

namespace geokg::ingest {
namespace {

std::uint32_t SkipPause(const SentenceView& view, std::uint32_t k) {
  return k < view.size() && (view.flags(k) & kPause) ? k + 1 : k;
}

// The phrase that starts at k (determiners skipped) and ends at `end`, or kNone.
std::int32_t PhraseSpanning(const SentenceView& view, std::uint32_t k, std::uint32_t end) {
  k = SkipDeterminers(view, k);
  if (k >= end) return kNone;
  std::int32_t p = view.phrase_at[k];
  if (p == kNone || view.phrases[p].first != k || view.phrases[p].last != end) return kNone;
  const Phrase& phrase = view.phrases[p];
  return phrase.actors.empty() || phrase.modifier_only ? kNone : p;
}

void MarkParentheses(SentenceView* view) {
  int depth = 0;
  for (std::uint32_t t = 0; t < view->size(); ++t) {
    if (view->tokens[t].norm == "(") ++depth;
    if (depth > 0) view->regions[t] |= kInParenthesis;
    if (view->tokens[t].norm == ")" && depth > 0) --depth;
  }
}

void FindQuotations(SentenceView* view) {
  const std::uint32_t n = view->size();
  const auto& tokens = view->tokens;
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
    view->quotes.push_back({start, t + 1, kNone, open >= 0});
    open = -1;
  }
  if (open >= 0) view->quotes.push_back({static_cast<std::uint32_t>(open), n, kNone, true});

  for (Quote& quote : view->quotes) {
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
    if (quote.speaker == kNone && quote.marked && quote.open >= 2) {
      std::uint32_t b = quote.open - 1;
      if (tokens[b].kind == TokenKind::kPunct && b >= 1) --b;
      if ((view->flags(b) & kAttribution) && b >= 1 && view->phrase_at[b - 1] != kNone) {
        quote.speaker = view->phrase_at[b - 1];
      }
    }
  }
}

// "According to Pakistan, Afghanistan remains ...", "..., according to the US.": the reporter
// speaks the whole sentence.
void FindReporter(SentenceView* view) {
  if (!view->quotes.empty()) return;
  for (std::uint32_t t = 0; t < view->size(); ++t) {
    if (!(view->flags(t) & kReporter)) continue;
    std::uint32_t k = SkipDeterminers(*view, t + view->mark_span[t]);
    if (k >= view->size() || view->phrase_at[k] == kNone) continue;
    const Phrase& phrase = view->phrases[view->phrase_at[k]];
    if (phrase.actors.empty() || phrase.modifier_only) continue;
    view->quotes.push_back({0, view->size(), view->phrase_at[k], false});
    return;
  }
}

// A headline's "CLAIM: SPEAKER" or "SPEAKER: CLAIM", where the speaker is a phrase alone on its
// side of the colon: "Iran complicit in Houthi attacks: US envoy".
void FindColonSpeaker(SentenceView* view) {
  if (!view->quotes.empty()) return;
  const std::uint32_t n = view->size();
  std::uint32_t end = n;
  while (end > 0 && view->tokens[end - 1].kind == TokenKind::kPunct &&
         view->tokens[end - 1].norm != ":") {
    --end;
  }
  for (std::uint32_t colon = 1; colon + 1 < end; ++colon) {
    if (view->tokens[colon].norm != ":") continue;
    if (std::int32_t after = PhraseSpanning(*view, colon + 1, end); after != kNone) {
      view->quotes.push_back({0, colon, after, false});
      return;
    }
    if (std::int32_t before = PhraseSpanning(*view, 0, colon); before != kNone) {
      view->quotes.push_back({colon, n, before, true});
      return;
    }
  }
}

// ", a key US ally," after a phrase and ", which is backed by Iran,": never the clause's subject.
void MarkAsides(SentenceView* view) {
  const std::uint32_t n = view->size();
  for (std::uint32_t p = 1; p + 1 < n; ++p) {
    if (!(view->flags(p) & kPause)) continue;
    std::uint8_t flag = (view->flags(p + 1) & kDeterminer) ? kInAppositive
                        : (view->flags(p + 1) & kRelative) ? kInRelative
                                                           : 0;
    if (flag == 0) continue;
    std::uint32_t before = p - 1;
    if (view->tokens[before].norm == ")") {
      while (before > 0 && (view->regions[before] & kInParenthesis)) --before;
    }
    // Any clause may take a relative clause; an appositive needs a name to stand beside.
    if (flag == kInAppositive && view->phrase_at[before] == kNone) continue;
    for (std::uint32_t t = p + 1; t < n && !(view->flags(t) & kPause) && !IsHardBreak(*view, t);
         ++t) {
      view->regions[t] |= flag;
    }
  }
}

}  // namespace

void MarkRegions(SentenceView* view) {
  const std::uint32_t n = view->size();
  view->regions.assign(n, 0);
  view->quotes.clear();
  view->quote_at.assign(n, kNone);
  MarkParentheses(view);
  FindQuotations(view);
  FindReporter(view);
  FindColonSpeaker(view);
  for (std::size_t q = 0; q < view->quotes.size(); ++q) {
    const Quote& quote = view->quotes[q];
    for (std::uint32_t t = quote.open; t < quote.close; ++t)
      view->quote_at[t] = static_cast<std::int32_t>(q);
  }
  MarkAsides(view);
}

}  // namespace geokg::ingest
