#include "ingest/extractor.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "ingest/clauses.h"
#include "ingest/dates.h"
#include "ingest/discourse.h"
#include "ingest/gazetteer.h"
#include "ingest/lexicon.h"
#include "ingest/mentions.h"
#include "ingest/regions.h"
#include "ingest/relation_rules.h"
#include "ingest/sentences.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {
namespace {

// A possessive determiner ("his", "their") before a statement noun, over at most two plain words,
// names that statement's source: "rejected his accusations", "dismissed their latest claims". It
// is then a pronoun. Before an event noun it stays a determiner, as "citing its deadly attacks"
// reports no attack of its own.
void MarkPossessivePronouns(const Lexicon& lexicon, SentenceView* view) {
  constexpr int kMaxPlainWords = 2;
  for (const TriggerHit& hit : view->triggers) {
    if (hit.match.noun == nullptr || lexicon.IsEvent(hit.match.noun->relation)) continue;
    for (std::uint32_t k = hit.first, plain = 0; k > 0 && plain <= kMaxPlainWords; ++plain) {
      FunctionWord& word = view->marks[--k];
      if (word.flags & kPossessivePronoun) {
        word.flags |= kPronoun;
        break;
      }
      if (word.flags != 0 || view->tokens[k].kind != TokenKind::kWord) break;
    }
  }
}

// Marks each token with the function word that starts there, longest first, and finds the trigger
// phrases.
void MarkWords(const Lexicon& lexicon, SentenceView* view) {
  const std::uint32_t n = view->size();
  view->marks.assign(n, FunctionWord());
  view->mark_span.assign(n, 0);
  for (std::uint32_t i = 0; i < n;) {
    FunctionMatch match = lexicon.MatchFunction(view->tokens, i);
    if (match.length == 0) {
      ++i;
      continue;
    }
    // A capitalised word that is also a time word is the time word: "May" the month, not the modal.
    if (match.word.flags & kTime)
      match.word.flags = view->tokens[i].capitalized ? kTime : match.word.flags & ~kTime;
    view->marks[i] = match.word;
    view->mark_span[i] = static_cast<std::uint8_t>(match.length);
    i += match.length;
  }
  view->triggers.clear();
  for (std::uint32_t i = 0; i < n;) {
    TriggerMatch match = lexicon.MatchTrigger(view->tokens, i);
    if (match.length == 0) {
      ++i;
      continue;
    }
    view->triggers.push_back({i, i + match.length, match});
    i += match.length;
  }
  MarkPossessivePronouns(lexicon, view);
}

// Keeps one edge per (source, relation, target, sentence): the most confident, a stated edge before
// an implied one. kept[first_of_sentence..] are the current sentence's edges.
void KeepEdge(const EdgeCandidate& candidate, std::size_t first_of_sentence,
              std::vector<EdgeCandidate>* kept) {
  for (std::size_t i = first_of_sentence; i < kept->size(); ++i) {
    EdgeCandidate& other = (*kept)[i];
    if (other.source != candidate.source || other.relation != candidate.relation ||
        other.target != candidate.target) {
      continue;
    }
    if ((other.implied && !candidate.implied) ||
        (other.implied == candidate.implied && candidate.confidence > other.confidence)) {
      other = candidate;
    }
    return;
  }
  kept->push_back(candidate);
}

// How far from the publication date a day-precise date may lie and still set the scene of the
// sentences after it: further back, it is background ("on 15 August 2021, the Taliban took Kabul").
constexpr int kSceneDays = 31;

int DayNumber(const graph::Date& d) {
  // Days since a fixed epoch (civil-from-days, Howard Hinnant's algorithm) for comparing dates.
  int y = d.year - (d.month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

// A date the sentence gives, on tokens [first, last).
struct DatedSpan {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  graph::Date date;
};

// The sentence's dates that date events, leaving out a year or month used as a modifier ("the 2021
// withdrawal", "its chaotic 2021 withdrawal"), which dates the thing named, not the statement. A
// modifier follows a determiner or precedes a plain lower-case word; an adverbial date ("in 2021,
// ...", "in December a bomber ...") does neither.
void SentenceDates(const SentenceView& view, const std::vector<DateMention>& mentions,
                   std::size_t* next_mention, std::uint32_t sentence_end,
                   std::vector<DatedSpan>* out) {
  out->clear();
  std::uint32_t token = 0;
  for (; *next_mention < mentions.size() && mentions[*next_mention].begin < sentence_end;
       ++*next_mention) {
    const DateMention& m = mentions[*next_mention];
    if (!m.date.known()) continue;
    while (token < view.size() && view.tokens[token].end <= m.begin) ++token;
    std::uint32_t after = token;
    while (after < view.size() && view.tokens[after].begin < m.end) ++after;
    bool after_determiner = token > 0 && (view.flags(token - 1) & kDeterminer);
    bool before_noun = after < view.size() && view.tokens[after].kind == TokenKind::kWord &&
                       !view.tokens[after].capitalized && view.flags(after) == 0;
    if ((after_determiner || before_noun) && m.date.precision != graph::DatePrecision::kDay)
      continue;
    out->push_back({token, after, m.date});
  }
}

// The most precise date inside the clause (the first among equals), unknown when there is none.
graph::Date DateIn(const std::vector<DatedSpan>& dates, TokenSpan clause) {
  graph::Date best;
  for (const DatedSpan& d : dates) {
    if (d.first >= clause.begin && d.last <= clause.end && d.date.precision > best.precision)
      best = d.date;
  }
  return best;
}

// The date of an edge whose trigger stands at `anchor`: its clause's, else the clause of the
// quotation's speaker ("..., he said on Monday"), else the scene's.
graph::Date EdgeDate(const SentenceView& view, const std::vector<DatedSpan>& dates,
                     std::uint32_t anchor, std::int32_t speaker_anchor, const graph::Date& scene) {
  if (dates.empty()) return scene;
  graph::Date date = DateIn(dates, ClauseSpan(view, anchor));
  if (!date.known() && speaker_anchor != kNone)
    date = DateIn(dates, ClauseSpan(view, static_cast<std::uint32_t>(speaker_anchor)));
  return date.known() ? date : scene;
}

// The day a sentence's first clause names ("At a summit on Monday, ..."): the scene of the events
// after it, when it lies near the publication date.
void UpdateScene(const SentenceView& view, const std::vector<DatedSpan>& dates,
                 const graph::Date& published, graph::Date* scene) {
  if (dates.empty() || view.size() == 0 || published.precision != graph::DatePrecision::kDay)
    return;
  std::uint32_t first = view.tokens[0].quote != QuoteSide::kNone ? 1 : 0;
  if (first >= view.size()) return;
  graph::Date own = DateIn(dates, ClauseSpan(view, first));
  if (own.precision == graph::DatePrecision::kDay &&
      std::abs(DayNumber(own) - DayNumber(published)) <= kSceneDays) {
    *scene = own;
  }
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Gazetteer> gazetteer, std::unique_ptr<Lexicon> lexicon,
                     std::unique_ptr<DateResolver> dates)
    : gazetteer_(std::move(gazetteer)), lexicon_(std::move(lexicon)), dates_(std::move(dates)) {}

Extractor::~Extractor() = default;

Result<std::unique_ptr<Extractor>> Extractor::Load(const std::string& data_dir) {
  auto gazetteer = Gazetteer::Load(data_dir + "/gazetteer");
  if (!gazetteer.ok()) return gazetteer.status();
  auto lexicon = Lexicon::Load(data_dir + "/lexicon");
  if (!lexicon.ok()) return lexicon.status();
  auto dates = DateResolver::Load(data_dir);
  if (!dates.ok()) return dates.status();
  return std::unique_ptr<Extractor>(
      new Extractor(std::move(*gazetteer), std::move(*lexicon),
                    std::make_unique<DateResolver>(std::move(*dates))));
}

const std::vector<graph::RelationType>& Extractor::relation_types() const {
  return lexicon_->relation_types();
}

Extraction Extractor::Extract(const graph::Article& article) const {
  const std::string document = article.Document();
  const std::vector<Sentence> sentences = SplitSentences(document);
  RelationRules rules(*gazetteer_, *lexicon_);
  Discourse discourse;
  std::vector<Token> tokens;
  SentenceView view;
  view.text = document;
  std::vector<EdgeCandidate> candidates, kept;
  std::vector<std::uint32_t> kept_sentence;
  std::vector<graph::Date> kept_date;
  const std::vector<DateMention> date_mentions = dates_->Find(document, article.published);
  std::size_t next_mention = 0;
  std::vector<DatedSpan> dates;
  graph::Date scene;
  std::vector<std::uint32_t> mention_order;
  std::vector<bool> mentioned(gazetteer_->actor_count(), false);

  for (const Sentence& sentence : sentences) {
    tokens.clear();
    Tokenize(document, sentence.begin, sentence.end, &tokens);
    view.tokens = tokens;
    view.phrases.clear();
    MarkWords(*lexicon_, &view);
    FindMentions(*gazetteer_, discourse, article.published, &view);
    MarkRegions(&view);
    SentenceDates(view, date_mentions, &next_mention, sentence.end, &dates);
    UpdateScene(view, dates, article.published, &scene);
    candidates.clear();
    SentenceNotes notes;
    rules.Apply(view, discourse, &candidates, &notes);
    std::size_t first_of_sentence = kept.size();
    for (const EdgeCandidate& candidate : candidates) KeepEdge(candidate, first_of_sentence, &kept);
    kept_sentence.resize(kept.size(), sentence.index);
    for (std::size_t i = first_of_sentence; i < kept.size(); ++i) {
      const EdgeCandidate& c = kept[i];
      kept_date.push_back(
          c.date.known() ? c.date : EdgeDate(view, dates, c.anchor, c.speaker_anchor, scene));
    }
    for (EventNote& note : notes.unclaimed)
      note.date = EdgeDate(view, dates, note.anchor, kNone, scene);
    for (const Phrase& phrase : view.phrases) {
      for (std::uint32_t actor : phrase.actors) {
        if (!mentioned[actor]) {
          mentioned[actor] = true;
          mention_order.push_back(actor);
        }
      }
    }
    discourse.Update(view, std::move(notes));
  }

  Extraction extraction;
  std::vector<bool> relation_used(lexicon_->relation_types().size(), false);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const EdgeCandidate& candidate = kept[i];
    const Sentence& sentence = sentences[kept_sentence[i]];
    // A party the previous sentence supplied makes both sentences the evidence.
    const Sentence& first =
        candidate.spans_previous && sentence.index > 0 ? sentences[sentence.index - 1] : sentence;
    graph::EdgeDraft edge;
    edge.source = gazetteer_->actor(candidate.source).name;
    edge.relation = lexicon_->relation_types()[candidate.relation].name;
    edge.target = gazetteer_->actor(candidate.target).name;
    edge.evidence.sentence = first.index;
    edge.evidence.begin = first.begin;
    edge.evidence.end = sentence.end;
    edge.evidence.speaker = candidate.speaker;
    edge.evidence.rule = candidate.rule;
    edge.date = kept_date[i];
    if (!edge.date.known() && article.published.known()) {
      edge.date = article.published;
      edge.date_is_publication = true;
    }
    edge.confidence = candidate.confidence;
    edge.implied = candidate.implied;
    edge.inferred = candidate.inferred;
    relation_used[candidate.relation] = true;
    extraction.edges.push_back(std::move(edge));
  }
  for (std::uint32_t actor : mention_order) extraction.actors.push_back(gazetteer_->actor(actor));
  for (std::size_t r = 0; r < relation_used.size(); ++r) {
    if (relation_used[r]) extraction.relations.push_back(lexicon_->relation_types()[r]);
  }
  return extraction;
}

}  // namespace geokg::ingest
