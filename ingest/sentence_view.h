// What the extraction rules know about one sentence: its tokens with their function words, trigger
// phrases, actor phrases (mentions grouped with role words and people), and the regions
// (quotations, appositives, parentheses) that the clause rules skip or stop at.
#ifndef GEOKG_INGEST_SENTENCE_VIEW_H_
#define GEOKG_INGEST_SENTENCE_VIEW_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lexicon.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {

inline constexpr std::int32_t kNone = -1;

struct Phrase {
  enum class Kind : std::uint8_t {
    kActor,  // an actor's name, alone or with a role and a person: "Russia’s UN Ambassador Vassily
             // Nebenzia"
    kPerson,       // a person named without an actor in the phrase: "Nebenzia", "President Bush"
    kPronoun,      // "he", "it", "we"
    kDescription,  // "the group", "his country"
  };
  Kind kind = Kind::kActor;
  std::uint32_t first = 0;  // tokens [first, last) of the sentence
  std::uint32_t last = 0;
  std::vector<std::uint32_t> actors;  // leftmost first; empty when unknown or still to resolve
  std::string person;                 // the person as written, or empty
  std::uint32_t name_first = 0;       // tokens of the person's name, when there is one
  std::uint32_t name_last = 0;
  Referent referent = Referent::kNone;  // pronouns and descriptions
  bool modifier_only = false;  // "anti-China", "Afghanistan-based": mentioned, never a party
  bool possessive = false;     // ends with 's
  bool role = false;           // holds a role word: "the Taliban's minister", "Niger junta"
};

struct TriggerHit {
  std::uint32_t first = 0;  // tokens [first, last)
  std::uint32_t last = 0;
  TriggerMatch match;
};

// A quotation, or a stretch of the sentence someone else says: "according to X, ...", a
// headline's "...: US envoy".
struct Quote {
  std::uint32_t open = 0;        // first token: the opening mark when `marked`, else the first word
  std::uint32_t close = 0;       // one past the closing mark, or the sentence end
  std::int32_t speaker = kNone;  // phrase that says it ("..., Voronkov stated"); kNone for a
                                 // cited fragment
  bool marked = true;            // `open` is a mark (a quotation mark, a colon), not a word
  std::uint32_t first() const { return marked ? open + 1 : open; }  // first token of the content
};

enum RegionFlag : std::uint8_t {
  kInAppositive = 1u << 0,  // ", a key US ally,": not the clause's subject
  kInParenthesis = 1u << 1,
  kInRelative = 1u << 2,  // ", which is backed by Iran,": its phrases are not the main subject
};

struct SentenceView {
  std::string_view text;  // the whole document; token offsets point into it
  std::span<const Token> tokens;
  std::vector<FunctionWord>
      marks;  // by token: the function word starting there (flags 0 otherwise)
  std::vector<std::uint8_t> mark_span;  // by token: its length in tokens, 0 when none
  std::vector<TriggerHit> triggers;
  std::vector<Phrase> phrases;          // in order, not overlapping
  std::vector<std::int32_t> phrase_at;  // by token: the phrase covering it, or kNone
  std::vector<std::uint8_t> regions;    // by token: RegionFlag bits
  std::vector<Quote> quotes;
  std::vector<std::int32_t> quote_at;  // by token: the quotation covering it, or kNone

  std::uint32_t size() const { return static_cast<std::uint32_t>(tokens.size()); }
  std::uint32_t flags(std::uint32_t token) const { return marks[token].flags; }
  const Phrase* PhraseAt(std::uint32_t token) const {
    return phrase_at[token] == kNone ? nullptr : &phrases[phrase_at[token]];
  }
  // The speaker's quotation around `token`, or nullptr outside one (or inside a cited fragment).
  const Quote* SpeechAt(std::uint32_t token) const {
    std::int32_t q = quote_at[token];
    return q != kNone && quotes[q].speaker != kNone ? &quotes[q] : nullptr;
  }
  std::string_view Text(std::uint32_t first, std::uint32_t last) const {
    return text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
  }
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_SENTENCE_VIEW_H_
