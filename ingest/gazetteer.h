// Gazetteer: the actors, people and role words of data/gazetteer/, matched against tokens.
//
// Every name of an actor (canonical name, aliases, metonyms such as capitals), its demonyms with
// their plurals, the names and surnames of known people, and role words ("ambassador",
// "government") live in one phrase table. A name matches when its tokens' norms match and the
// text's case fits the name's: a name written in capitals in the data ("US", "IS-K") matches only
// capitals, a capitalised one ("Turkey") only a capitalised word, a lower-case one ("al-Qaida"'s
// "al") any case. Possessives need no entry: "Russia’s" is the tokens "russia" "'s".
#ifndef GEOKG_INGEST_GAZETTEER_H_
#define GEOKG_INGEST_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/phrase_table.h"
#include "ingest/tokenizer.h"

namespace geokg::ingest {

enum class GazetteerKind : std::uint8_t { kActor, kDemonym, kPerson, kRole };

enum class RoleKind : std::uint8_t {
  kPerson,  // held by one person, whose name may follow: "ambassador", "foreign minister"
  kBody,    // an institution or a group of people: "government", "officials"
};

struct PersonRecord {
  std::string name;
  std::uint32_t actor = 0;  // index of the actor the person speaks for
  std::string office;
  graph::Date from;  // unknown when open
  graph::Date to;
};

struct RoleRecord {
  std::string name;
  RoleKind kind = RoleKind::kPerson;
};

struct GazetteerMatch {
  GazetteerKind kind = GazetteerKind::kActor;
  std::uint32_t index = 0;   // into actors, people or roles, by kind
  std::uint32_t length = 0;  // tokens; 0 when nothing matched
};

class Gazetteer {
 public:
  // Loads actors.tsv, people.tsv and roles.tsv from `dir`. NotFound when a file is missing;
  // InvalidArgument naming the file and line when a row is malformed (unknown kind or actor, bad
  // code or date, a name that already names another actor).
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir);

  // The longest name starting at tokens[start] whose case fits. At equal length an actor's name
  // wins over a demonym, a person and a role word; among people, the one in office on `date` (when
  // known) wins.
  GazetteerMatch MatchAt(std::span<const Token> tokens, std::size_t start,
                         const graph::Date& date) const;

  const graph::Actor& actor(std::uint32_t index) const { return actors_[index]; }
  std::size_t actor_count() const { return actors_.size(); }
  std::optional<std::uint32_t> FindActor(std::string_view canonical_name) const;
  const PersonRecord& person(std::uint32_t index) const { return people_[index]; }
  const RoleRecord& role(std::uint32_t index) const { return roles_[index]; }

 private:
  // How the text's token must be written for a name's token to match.
  enum class CaseShape : std::uint8_t { kAny, kCapitalized, kUpper };

  struct Entry {
    GazetteerKind kind;
    std::uint32_t index;
    std::vector<CaseShape> shape;  // one per token of the name
  };

  Gazetteer() = default;
  Status LoadActors(const std::string& path);
  Status LoadPeople(const std::string& path);
  Status LoadRoles(const std::string& path);
  // Adds `name` for (kind, index); an error message when the name already belongs to another actor.
  std::optional<std::string> AddName(std::string_view name, GazetteerKind kind,
                                     std::uint32_t index);
  bool Fits(const Entry& entry, std::span<const Token> tokens, std::size_t start) const;
  bool InOffice(const PersonRecord& person, const graph::Date& date) const;

  PhraseTable table_;
  std::vector<Entry> entries_;
  std::vector<graph::Actor> actors_;
  std::vector<PersonRecord> people_;
  std::vector<RoleRecord> roles_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_GAZETTEER_H_
