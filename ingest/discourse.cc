#include "ingest/discourse.h"

#include <algorithm>
#include <utility>

namespace geokg::ingest {
namespace {

// Longer names are not remembered; six tokens hold "Khalil Ur-Rahman Haqqani" with its hyphen.
constexpr std::size_t kMaxNameTokens = 6;

}  // namespace

const PersonRef* Discourse::FindPerson(std::span<const Token> tokens, std::size_t start,
                                       std::uint32_t* length) const {
  if (people_.empty() || !tokens[start].capitalized) return nullptr;
  auto it = people_.find(std::string_view(tokens[start].norm));
  if (it == people_.end()) return nullptr;
  const PersonRef* found = nullptr;
  for (const Known& known : it->second) {
    std::size_t n = known.rest.size();
    if (start + 1 + n > tokens.size() || (found != nullptr && n + 1 <= *length)) continue;
    bool same = true;
    for (std::size_t i = 0; i < n && same; ++i) same = tokens[start + 1 + i].norm == known.rest[i];
    if (!same) continue;
    found = &known.person;
    *length = static_cast<std::uint32_t>(n + 1);
  }
  return found;
}

void Discourse::Remember(std::span<const Token> name, const PersonRef& person) {
  if (name.empty() || name.size() > kMaxNameTokens) return;
  auto add = [&](std::span<const Token> words) {
    std::vector<std::string> rest;
    for (const Token& token : words.subspan(1)) rest.push_back(token.norm);
    auto& list = people_[words.front().norm];
    for (Known& known : list) {
      if (known.rest == rest) {
        known.person = person;
        return;
      }
    }
    list.push_back({std::move(rest), person});
  };
  add(name);
  const Token& surname = name.back();
  if (name.size() > 1 && surname.kind == TokenKind::kWord && surname.norm.size() >= 3)
    add(name.last(1));
}

void Discourse::Update(const SentenceView& view, SentenceNotes notes) {
  for (ToldEdge& told : notes.told) told.sentence = sentences_;
  told_.insert(told_.end(), notes.told.begin(), notes.told.end());
  ++sentences_;
  previous_ = std::move(notes);
  for (const Phrase& phrase : view.phrases) {
    if (phrase.kind == Phrase::Kind::kPronoun || phrase.kind == Phrase::Kind::kDescription)
      continue;
    if (!phrase.person.empty()) {
      PersonRef person{phrase.person, std::nullopt};
      if (!phrase.actors.empty()) person.actor = phrase.actors.front();
      Remember(view.tokens.subspan(phrase.name_first, phrase.name_last - phrase.name_first),
               person);
      last_person_ = person;
    }
    if (phrase.modifier_only) continue;
    for (std::uint32_t actor : phrase.actors) {
      recent_.erase(std::remove(recent_.begin(), recent_.end(), actor), recent_.end());
      recent_.push_back(actor);
    }
  }
}

}  // namespace geokg::ingest
