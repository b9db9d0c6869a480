// Discourse: what earlier sentences of the article said, for resolving later references: the people
// named so far (so that "Voronkov stated" finds the UN after "UN counterterrorism chief Vladimir
// Voronkov"), the last person (for "he"), and the actors in order of mention (for "it", "the
// group").
#ifndef GEOKG_INGEST_DISCOURSE_H_
#define GEOKG_INGEST_DISCOURSE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/sentence_view.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {

struct PersonRef {
  std::string name;                    // as first written in full
  std::optional<std::uint32_t> actor;  // unknown for a person named without an actor
};

class Discourse {
 public:
  // The person whose name (in full, or the surname alone) starts at tokens[start]; *length gets the
  // tokens it covers. nullptr when none.
  const PersonRef* FindPerson(std::span<const Token> tokens, std::size_t start,
                              std::uint32_t* length) const;

  const PersonRef* last_person() const { return last_person_ ? &*last_person_ : nullptr; }

  // The most recently mentioned actor for which accept(actor) holds.
  template <class Accept>
  std::optional<std::uint32_t> RecentActor(Accept accept) const {
    for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
      if (accept(*it)) return *it;
    }
    return std::nullopt;
  }

  // Records the people and actors of a sentence once its rules have run.
  void Update(const SentenceView& view);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Known {
    std::vector<std::string> rest;  // norms of the name's tokens after the first
    PersonRef person;
  };

  void Remember(std::span<const Token> name, const PersonRef& person);

  // By the norm of the first token of a full name or of a surname, so that a lookup allocates
  // nothing.
  std::unordered_map<std::string, std::vector<Known>, Hash, std::equal_to<>> people_;
  std::optional<PersonRef> last_person_;
  std::vector<std::uint32_t> recent_;  // actors, most recent last, each once
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_DISCOURSE_H_
