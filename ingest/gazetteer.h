// Gazetteer: the actors, people and role words of data/gazetteer/, matched against tokens.
//
// Every name of an actor (canonical name, aliases, metonyms such as capitals), its demonyms with
// their plurals, the names and short names of known people, and role words ("ambassador",
// "government") live in one phrase table. A name matches when its tokens' norms match and the
// text's case fits the name's: a name written in capitals in the data ("US", "IS-K") matches only
// capitals, a capitalised one ("Turkey") only a capitalised word, a lower-case one ("al-Qaida"'s
// "al") any case. Possessives need no entry: "Russia’s" is the tokens "russia" "'s".
//
// Two kinds of entry make a match depend on more than the words:
// - A period name (periods.tsv) stands for its actor only between two dates, judged on the
//   article's publication date: after 15 August 2021 "Kabul" is the Taliban, before it the state
//   of Afghanistan. Where it applies it beats the name's undated reading; otherwise, and for an
//   article without a date, it is ignored.
// - A non-actor phrase (non_actors.tsv) contains an actor's name but names no actor ("Washington
//   Post", "South China Sea"); it matches as kNonActor so that the names inside it do not.
#ifndef GEOKG_INGEST_GAZETTEER_H_
#define GEOKG_INGEST_GAZETTEER_H_

#include <cstdint>
#include <functional>
#include <map>
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

// In order of precedence when names of several kinds cover the same tokens.
enum class GazetteerKind : std::uint8_t {
  kActor,
  kDemonym,
  kPerson,
  kRole,
  kNonActor,  // a phrase that names no actor; `index` is meaningless
};

enum class RoleKind : std::uint8_t {
  kPerson,  // held by one person, whose name may follow: "ambassador", "foreign minister"
  kBody,    // an institution or a group of people: "government", "officials"
};

struct PersonRecord {
  std::string name;
  std::uint32_t actor = 0;  // index of the actor the person speaks for
  std::string office;
  graph::Date from;  // unknown when open or not known
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
  // Loads actors.tsv, people.tsv, roles.tsv, periods.tsv and non_actors.tsv from `dir`. NotFound
  // when a file is missing; InvalidArgument naming the file and line when a row is malformed
  // (unknown kind or actor, bad code or date, a name that already names another actor, a short
  // name shared by people of different actors, overlapping periods of one name).
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& dir);

  // The longest name starting at tokens[start] whose case fits and, for a period name, whose
  // period holds `date` (the article's publication date; unknown when it has none). At equal
  // length a period name that applies wins, then an actor's name over a demonym, a person and a
  // role word; among people, the one in office on `date` (when known), else the first listed.
  GazetteerMatch MatchAt(std::span<const Token> tokens, std::size_t start,
                         const graph::Date& date) const;

  const graph::Actor& actor(std::uint32_t index) const { return actors_[index]; }
  std::size_t actor_count() const { return actors_.size(); }
  std::optional<std::uint32_t> FindActor(std::string_view canonical_name) const;
  const PersonRecord& person(std::uint32_t index) const { return people_[index]; }
  std::size_t person_count() const { return people_.size(); }
  const RoleRecord& role(std::uint32_t index) const { return roles_[index]; }

 private:
  // How the text's token must be written for a name's token to match.
  enum class CaseShape : std::uint8_t { kAny, kCapitalized, kUpper };

  // Packed first and last day (graph::Date::Packed) a period name holds; 0 leaves a side open.
  struct Period {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
  };

  struct Entry {
    GazetteerKind kind;
    std::uint32_t index;
    std::vector<CaseShape> shape;  // one per token of the name
    std::optional<Period> period;  // set for period names only
  };

  Gazetteer() = default;
  Status LoadActors(const std::string& path);
  Status LoadPeople(const std::string& path);
  Status LoadRoles(const std::string& path);
  Status LoadPeriods(const std::string& path);
  Status LoadNonActors(const std::string& path);
  // Adds `name` for (kind, index), only during `period` when given; an error message when the
  // name already belongs to another actor at an overlapping time, or a non-actor phrase to any.
  std::optional<std::string> AddName(std::string_view name, GazetteerKind kind, std::uint32_t index,
                                     std::optional<Period> period = std::nullopt);
  bool Fits(const Entry& entry, std::span<const Token> tokens, std::size_t start) const;
  // Whether a period holds the packed day `day` (0: an unknown date, which no period holds).
  static bool Holds(const Period& period, std::uint32_t day);
  bool Prefer(const Entry& a, const Entry& b, const graph::Date& date) const;
  bool InOffice(const PersonRecord& person, const graph::Date& date) const;
  // The packed form of the last day a date of any precision covers: "2024" runs to 2024-12-31.
  static std::uint32_t LastDay(const graph::Date& date);

  PhraseTable table_;
  std::vector<Entry> entries_;
  std::vector<graph::Actor> actors_;
  std::map<std::string, std::uint32_t, std::less<>> actor_by_name_;
  std::vector<PersonRecord> people_;
  std::vector<RoleRecord> roles_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_GAZETTEER_H_
