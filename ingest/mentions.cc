#include "ingest/mentions.h"

#include <algorithm>

namespace geokg::ingest {
namespace {

// Modifiers allowed between an actor and its role word: "UN counterterrorism chief", "Pakistan's
// former foreign minister".
constexpr std::uint32_t kMaxRoleModifiers = 2;
constexpr std::uint32_t kMaxNameWords = 5;

// A name found at a token: from the gazetteer, or a person an earlier sentence introduced.
struct Name {
  GazetteerMatch match;
  const PersonRef* remembered = nullptr;
  std::uint32_t length = 0;  // 0: no name starts here
};

class MentionFinder {
 public:
  MentionFinder(const Gazetteer& gazetteer, const Discourse& discourse, const graph::Date& date,
                SentenceView* view)
      : gazetteer_(gazetteer),
        view_(*view),
        n_(view->size()),
        names_(n_),
        trigger_start_(n_, false) {
    for (std::uint32_t i = 0; i < n_;) {
      Name& name = names_[i];
      name.match = gazetteer.MatchAt(view_.tokens, i, date);
      std::uint32_t remembered_length = 0;
      const PersonRef* remembered = discourse.FindPerson(view_.tokens, i, &remembered_length);
      // A person the article introduced beats the gazetteer's people, not its actors, at equal
      // length.
      bool names_actor = name.match.length > 0 && (name.match.kind == GazetteerKind::kActor ||
                                                   name.match.kind == GazetteerKind::kDemonym);
      if (remembered != nullptr && (remembered_length > name.match.length ||
                                    (remembered_length == name.match.length && !names_actor))) {
        name.remembered = remembered;
        name.length = remembered_length;
      } else {
        name.length = name.match.length;
      }
      i += std::max<std::uint32_t>(name.length, 1);
    }
    for (const TriggerHit& hit : view_.triggers) trigger_start_[hit.first] = true;
  }

  void Run() {
    for (std::uint32_t i = 0; i < n_;) i = Next(i);
    MergeCompounds();
    NameAppositives();
    view_.phrase_at.assign(n_, kNone);
    for (std::size_t p = 0; p < view_.phrases.size(); ++p) {
      const Phrase& phrase = view_.phrases[p];
      for (std::uint32_t t = phrase.first; t < phrase.last; ++t)
        view_.phrase_at[t] = static_cast<std::int32_t>(p);
    }
    // A trigger whose own words are part of a name is no trigger; a name inside its gap is its
    // object ("held Turkey responsible").
    std::erase_if(view_.triggers, [&](const TriggerHit& hit) {
      for (std::uint32_t t : {hit.first, hit.last - 1}) {
        const Phrase* phrase = view_.PhraseAt(t);
        if (phrase != nullptr && phrase->kind != Phrase::Kind::kPronoun &&
            phrase->kind != Phrase::Kind::kDescription) {
          return true;
        }
      }
      return false;
    });
  }

 private:
  bool IsActorName(std::uint32_t i) const {
    const Name& name = names_[i];
    return name.length > 0 && name.remembered == nullptr &&
           (name.match.kind == GazetteerKind::kActor || name.match.kind == GazetteerKind::kDemonym);
  }
  bool IsPersonName(std::uint32_t i) const {
    const Name& name = names_[i];
    return name.length > 0 &&
           (name.remembered != nullptr || name.match.kind == GazetteerKind::kPerson);
  }
  bool IsRole(std::uint32_t i) const {
    const Name& name = names_[i];
    return name.length > 0 && name.remembered == nullptr && name.match.kind == GazetteerKind::kRole;
  }
  std::uint32_t flags(std::uint32_t i) const { return view_.flags(i); }

  std::uint32_t Next(std::uint32_t i) {
    if (IsActorName(i)) return ActorPhrase(i);
    if (IsRole(i)) return RolePhrase(i);
    if (IsPersonName(i)) {
      view_.phrases.push_back(PersonAt(i));
      return view_.phrases.back().last;
    }
    if (flags(i) & (kPronoun | kDescription)) {
      Phrase phrase;
      phrase.kind = (flags(i) & kPronoun) ? Phrase::Kind::kPronoun : Phrase::Kind::kDescription;
      phrase.first = i;
      phrase.last = Possessive(i + view_.mark_span[i], &phrase);
      phrase.referent = view_.marks[i].referent;
      view_.phrases.push_back(phrase);
      return phrase.last;
    }
    return UnknownSpeaker(i);
  }

  // The end of a capitalised name starting at i ("Vassily Nebenzia", "Zia-Ul-Haq"), i when there is
  // none.
  std::uint32_t ReadName(std::uint32_t i) const {
    std::uint32_t j = i, words = 0;
    while (j < n_ && words < kMaxNameWords) {
      const Token& token = view_.tokens[j];
      if (token.kind != TokenKind::kWord || !token.capitalized || flags(j) != 0 || IsActorName(j))
        break;
      ++words;
      ++j;
      if (j + 1 < n_ && view_.tokens[j].norm == "-" && !view_.tokens[j].space_before &&
          view_.tokens[j + 1].capitalized) {
        ++j;
      }
    }
    return j;
  }

  // Skips a possessive ending at j; sets phrase->possessive.
  std::uint32_t Possessive(std::uint32_t j, Phrase* phrase) const {
    if (j < n_ && view_.tokens[j].norm == "'s") {
      phrase->possessive = true;
      return j + 1;
    }
    return j;
  }

  // The role word after at most kMaxRoleModifiers plain words from k, or kNone.
  std::int32_t RoleAfter(std::uint32_t k) const {
    for (std::uint32_t modifiers = 0; k < n_; ++k, ++modifiers) {
      if (IsRole(k)) return static_cast<std::int32_t>(k);
      if (modifiers == kMaxRoleModifiers) break;
      const Token& token = view_.tokens[k];
      if (token.kind != TokenKind::kWord || flags(k) != 0 || trigger_start_[k] ||
          names_[k].length > 0)
        break;
    }
    return kNone;
  }

  // Reads the person's name at m into phrase (with a known person's actor when the phrase has
  // none).
  std::uint32_t AttachName(std::uint32_t m, Phrase* phrase) const {
    std::uint32_t end = m;
    if (m < n_ && IsPersonName(m)) {
      end = m + names_[m].length;
      if (phrase->actors.empty()) {
        const Name& name = names_[m];
        if (name.remembered != nullptr) {
          if (name.remembered->actor) phrase->actors.push_back(*name.remembered->actor);
        } else {
          phrase->actors.push_back(gazetteer_.person(name.match.index).actor);
        }
      }
    } else {
      end = ReadName(m);
    }
    if (end > m) {
      phrase->person = view_.Text(m, end);
      phrase->name_first = m;
      phrase->name_last = end;
    }
    return end;
  }

  std::uint32_t ActorPhrase(std::uint32_t i) {
    Phrase phrase;
    phrase.first = i;
    phrase.actors.push_back(names_[i].match.index);
    std::uint32_t j = i + names_[i].length;
    const auto& tokens = view_.tokens;
    if (i >= 2 && tokens[i - 1].norm == "-" && !tokens[i - 1].space_before &&
        !tokens[i].space_before && (flags(i - 2) & kPrefixModifier)) {
      phrase.first = i - 2;
      phrase.modifier_only = true;
    }
    if (j + 1 < n_ && tokens[j].norm == "-" && !tokens[j].space_before) {
      if (flags(j + 1) & kSuffixModifier) {
        phrase.modifier_only = true;
        j += 2;
      } else if (flags(j + 1) & kSuffixParticipant) {
        j += 2;
        if (j < n_ && IsActorName(j)) {
          phrase.actors.push_back(names_[j].match.index);
          j += names_[j].length;
        }
      }
    }
    if (!phrase.modifier_only) j = Role(j, &phrase);
    phrase.last = j;
    view_.phrases.push_back(phrase);
    return j;
  }

  bool IsPersonRole(std::uint32_t role) const {
    return gazetteer_.role(names_[role].match.index).kind == RoleKind::kPerson;
  }

  // Moves *role from a body's role to the person's role after it, if any ("Foreign Ministry
  // spokesperson", "coast guard spokesperson": the officer speaks for the body's actor), and
  // returns the end of the role.
  std::uint32_t OfficerOf(std::uint32_t* role) const {
    std::uint32_t end = *role + names_[*role].length;
    while (!IsPersonRole(*role)) {
      std::int32_t next = RoleAfter(end);
      if (next == kNone) break;
      *role = static_cast<std::uint32_t>(next);
      end = *role + names_[*role].length;
    }
    return end;
  }

  // After the actor(s) of a phrase: "['s] [Actor2]? [modifiers] ROLE [,]? [Person]['s]".
  std::uint32_t Role(std::uint32_t j, Phrase* phrase) {
    std::uint32_t after_possessive = Possessive(j, phrase);
    std::uint32_t k = after_possessive;
    if (k < n_ && IsActorName(k) && RoleAfter(k + names_[k].length) != kNone) k += names_[k].length;
    std::int32_t role = RoleAfter(k);
    if (role == kNone) {
      if (after_possessive < n_ && IsPersonName(after_possessive)) {
        return Possessive(AttachName(after_possessive, phrase), phrase);
      }
      return after_possessive;
    }
    phrase->possessive = false;
    phrase->role = true;
    auto officer = static_cast<std::uint32_t>(role);
    std::uint32_t end = OfficerOf(&officer);
    if (!IsPersonRole(officer)) return end;
    std::uint32_t m = end < n_ && (flags(end) & kPause) ? end + 1 : end;
    std::uint32_t name_end = AttachName(m, phrase);
    return name_end > m ? Possessive(name_end, phrase) : end;
  }

  // A role word with no actor before it: "President Bush", "chief Palestinian negotiator Saeb
  // Erakat".
  std::uint32_t RolePhrase(std::uint32_t i) {
    std::uint32_t role = i;
    std::uint32_t end = OfficerOf(&role);
    if (!IsPersonRole(role)) return BodyInCapital(i, end);
    // An actor right after the role heads the phrase itself ("chief Palestinian negotiator").
    if (end < n_ && IsActorName(end)) return end;
    std::uint32_t m = end < n_ && (flags(end) & kPause) ? end + 1 : end;
    Phrase phrase;
    phrase.kind = Phrase::Kind::kPerson;
    phrase.first = i;
    phrase.role = true;
    std::uint32_t name_end = AttachName(m, &phrase);
    if (name_end == m) return end;
    phrase.last = Possessive(name_end, &phrase);
    view_.phrases.push_back(phrase);
    return phrase.last;
  }

  // "the authorities in Bamako", "officials in Tehran": a body's role followed by a place
  // preposition and a capital speaks for the capital's actor. The role spans [i, end).
  std::uint32_t BodyInCapital(std::uint32_t i, std::uint32_t end) {
    if (end + 1 >= n_ || !(flags(end) & kPlace)) return end;
    const std::uint32_t place = end + view_.mark_span[end];
    if (place >= n_ || !IsActorName(place)) return end;
    Phrase phrase;
    phrase.first = i;
    phrase.role = true;
    phrase.actors.push_back(names_[place].match.index);
    phrase.last = place + names_[place].length;
    view_.phrases.push_back(phrase);
    return phrase.last;
  }

  // A phrase of the person named at i alone: "Voronkov", "Guterres's".
  Phrase PersonAt(std::uint32_t i) const {
    Phrase phrase;
    phrase.kind = Phrase::Kind::kPerson;
    phrase.first = i;
    phrase.last = Possessive(AttachName(i, &phrase), &phrase);
    return phrase;
  }

  // An unknown capitalised name next to an attribution verb: "..., Erakat said", "said John Smith".
  std::uint32_t UnknownSpeaker(std::uint32_t i) {
    std::uint32_t end = ReadName(i);
    if (end == i) return i + 1;
    bool before = end < n_ && (flags(end) & kAttribution);
    bool after = i > 0 && (flags(i - 1) & kAttribution);
    if (!before && !after) return i + 1;
    view_.phrases.push_back(PersonAt(i));
    return view_.phrases.back().last;
  }

  bool Party(const Phrase& phrase) const {
    return !phrase.modifier_only && !phrase.actors.empty() &&
           (phrase.kind == Phrase::Kind::kActor || phrase.kind == Phrase::Kind::kPerson);
  }

  // Whether the phrase after phrase q continues a list of parties: ", Y", ", and Y", "and Y".
  // *comma_only: only a comma joins them.
  bool Joined(std::size_t q, bool* comma_only) const {
    const auto& phrases = view_.phrases;
    const Phrase& left = phrases[q];
    const Phrase& right = phrases[q + 1];
    std::uint32_t t = left.last;
    bool comma = t < n_ && (flags(t) & kPause);
    if (comma) ++t;
    bool joined = t < n_ && (flags(t) & kConjunction);
    if (joined) t += view_.mark_span[t];
    while (t < n_ && (flags(t) & kDeterminer) && t < right.first) ++t;
    *comma_only = comma && !joined;
    return t == right.first && Party(left) && Party(right) && (joined || comma);
  }

  // Whether the list that phrase q starts ends with a conjunction: "France, Germany and Italy",
  // but not an appositive's "Japan, South Korea". A list that opens the sentence and runs into a
  // verb is a headline's compound subject: "Israel, Hamas trade accusations".
  bool ListEndsWithConjunction(std::size_t q) const {
    const std::size_t first = q;
    for (; q + 1 < view_.phrases.size(); ++q) {
      bool comma_only = false;
      if (!Joined(q, &comma_only)) break;
      if (!comma_only) return true;
    }
    return view_.phrases[first].first == 0 && q > first && VerbAt(view_.phrases[q].last);
  }

  bool VerbAt(std::uint32_t k) const {
    for (const TriggerHit& hit : view_.triggers) {
      if (hit.first == k) return hit.match.verb != nullptr;
    }
    return false;
  }

  // "US and China", "Washington along with its allies", "France, Germany and Italy": one phrase
  // with the actors of all.
  void MergeCompounds() {
    auto& phrases = view_.phrases;
    for (std::size_t p = 0; p + 1 < phrases.size();) {
      bool comma_only = false;
      if (!Joined(p, &comma_only) || (comma_only && !ListEndsWithConjunction(p))) {
        ++p;
        continue;
      }
      Phrase& left = phrases[p];
      const Phrase& right = phrases[p + 1];
      for (std::uint32_t actor : right.actors) {
        if (std::find(left.actors.begin(), left.actors.end(), actor) == left.actors.end()) {
          left.actors.push_back(actor);
        }
      }
      left.last = right.last;
      left.possessive = right.possessive;
      phrases.erase(phrases.begin() + static_cast<std::ptrdiff_t>(p) + 1);
    }
  }

  // "Khalil Ahmadzai, the Taliban's minister": a name no list knows, followed by an appositive
  // that gives a role, names that actor's person.
  void NameAppositives() {
    auto& phrases = view_.phrases;
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      const Phrase& appositive = phrases[p];
      if (appositive.kind != Phrase::Kind::kActor || !appositive.role ||
          !appositive.person.empty()) {
        continue;
      }
      std::uint32_t k = appositive.first;
      while (k > 0 && (flags(k - 1) & kDeterminer)) --k;
      if (k < 2 || !(flags(k - 1) & kPause)) continue;
      const std::uint32_t end = k - 1;
      const std::uint32_t floor = p > 0 ? phrases[p - 1].last : 0;
      std::uint32_t start = end, words = 0;
      while (start > floor) {
        const Token& token = view_.tokens[start - 1];
        if (token.kind == TokenKind::kWord && token.capitalized && flags(start - 1) == 0 &&
            names_[start - 1].length == 0) {
          --start;
          ++words;
        } else if (token.norm == "-" && !token.space_before && start - 1 > floor &&
                   view_.tokens[start - 2].capitalized) {
          --start;
        } else {
          break;
        }
      }
      // A lone capitalised word opening the sentence is more likely an adverb ("Meanwhile, ...").
      if (words == 0 || words > kMaxNameWords || (start == 0 && words == 1)) continue;
      Phrase person;
      person.kind = Phrase::Kind::kPerson;
      person.first = person.name_first = start;
      person.last = person.name_last = end;
      person.person = view_.Text(start, end);
      person.actors = appositive.actors;
      phrases.insert(phrases.begin() + static_cast<std::ptrdiff_t>(p), std::move(person));
      ++p;
    }
  }

  const Gazetteer& gazetteer_;
  SentenceView& view_;
  std::uint32_t n_;
  std::vector<Name> names_;
  std::vector<bool> trigger_start_;
};

}  // namespace

void FindMentions(const Gazetteer& gazetteer, const Discourse& discourse, const graph::Date& date,
                  SentenceView* view) {
  MentionFinder(gazetteer, discourse, date, view).Run();
}

}  // namespace geokg::ingest
