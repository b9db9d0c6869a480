// Tests of the gazetteer (ingest/gazetteer.h) on data/gazetteer: names, aliases and demonyms of
// states, organisations and groups, the guards against ordinary words and place names, names that
// change actor over time, people and their offices, role words, and how role words map people to
// the actors they speak for (through the Extractor). The errors for malformed files are in
// ingest_gazetteer_load_test.cc.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extractor.h"
#include "ingest/gazetteer.h"
#include "ingest/tokenizer.h"

namespace {

using geokg::graph::ActorKind;
using geokg::graph::Date;
using geokg::ingest::Gazetteer;
using geokg::ingest::GazetteerKind;
using geokg::ingest::GazetteerMatch;

const Gazetteer& Gaz() {
  static const Gazetteer* gazetteer = [] {
    auto loaded = Gazetteer::Load(std::string(GEOKG_DATA_DIR) + "/gazetteer");
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return loaded->release();
  }();
  return *gazetteer;
}

// What the gazetteer finds at the start of `text` on `date`: "actor:US/1" (kind, name, tokens
// covered), "none/3" for a phrase that names no actor, or "".
std::string MatchStart(std::string_view text, Date date = Date()) {
  std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase(text);
  GazetteerMatch m = Gaz().MatchAt(tokens, 0, date);
  if (m.length == 0) return "";
  std::string length = "/" + std::to_string(m.length);
  switch (m.kind) {
    case GazetteerKind::kActor:
      return "actor:" + Gaz().actor(m.index).name + length;
    case GazetteerKind::kDemonym:
      return "demonym:" + Gaz().actor(m.index).name + length;
    case GazetteerKind::kPerson:
      return "person:" + Gaz().actor(Gaz().person(m.index).actor).name + length;
    case GazetteerKind::kRole:
      return "role:" + Gaz().role(m.index).name + length;
    case GazetteerKind::kNonActor:
      return "none" + length;
  }
  return "?";
}

// The office of the person named at the start of `text` on `date`.
std::string OfficeOf(std::string_view text, Date date) {
  std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase(text);
  GazetteerMatch m = Gaz().MatchAt(tokens, 0, date);
  if (m.length == 0 || m.kind != GazetteerKind::kPerson) return "";
  const auto& person = Gaz().person(m.index);
  return Gaz().actor(person.actor).name + " " + person.office;
}

const geokg::ingest::Extractor& Ex() {
  static const geokg::ingest::Extractor* extractor = [] {
    auto loaded = geokg::ingest::Extractor::Load(GEOKG_DATA_DIR);
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return loaded->release();
  }();
  return *extractor;
}

// "source relation target speaker" for every edge of `text` published on `published`.
std::vector<std::string> Edges(const std::string& text, Date published = Date()) {
  geokg::graph::Article article;
  article.text = text;
  article.published = published;
  std::vector<std::string> out;
  for (const auto& e : Ex().Extract(article).edges) {
    out.push_back(e.source + " " + e.relation + " " + e.target + " " + e.evidence.speaker);
  }
  return out;
}

}  // namespace

TEST_CASE("gazetteer matches canonical names and aliases", "[extract]") {
  CHECK(MatchStart("US") == "actor:US/1");
  CHECK(MatchStart("United States of America") == "actor:US/4");
  CHECK(MatchStart("U.S.") == "actor:US/1");
  CHECK(MatchStart("Nato") == "actor:NATO/1");
  CHECK(MatchStart("Côte d'Ivoire") == "actor:Ivory Coast/2");
  CHECK(MatchStart("Cote d’Ivoire") == "actor:Ivory Coast/2");
  CHECK(MatchStart("DRC") == "actor:DR Congo/1");
  CHECK(MatchStart("Democratic Republic of the Congo") == "actor:DR Congo/5");
  CHECK(MatchStart("Burma") == "actor:Myanmar/1");
  CHECK(MatchStart("Czechia") == "actor:Czech Republic/1");
  CHECK(MatchStart("Türkiye") == "actor:Turkey/1");
  CHECK(MatchStart("Swaziland") == "actor:Eswatini/1");
  CHECK(MatchStart("Vatican") == "actor:Holy See/1");
  CHECK(MatchStart("St. Lucia") == "actor:Saint Lucia/3");
}

TEST_CASE("every name of every actor, written as in the data, finds that actor", "[extract]") {
  // Catches a name shadowed by a longer one (a non-actor phrase, another actor's alias) or one
  // whose case or punctuation keeps it from matching itself.
  for (std::uint32_t i = 0; i < Gaz().actor_count(); ++i) {
    const auto& actor = Gaz().actor(i);
    std::vector<std::string> names = actor.aliases;
    names.push_back(actor.name);
    for (const std::string& name : names) {
      std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase(name);
      GazetteerMatch m = Gaz().MatchAt(tokens, 0, Date());
      INFO(actor.name << ": " << name);
      CHECK(m.kind == GazetteerKind::kActor);
      CHECK(m.index == i);
      CHECK(m.length == tokens.size());
    }
  }
}

TEST_CASE("gazetteer prefers the longest name", "[extract]") {
  CHECK(MatchStart("Islamic State-Khorasan said") == "actor:IS-K/4");
  CHECK(MatchStart("Islamic State said") == "actor:IS/2");
  CHECK(MatchStart("South Korea rejected") == "actor:South Korea/2");
  CHECK(MatchStart("Pakistani Taliban") == "actor:TTP/2");
  CHECK(MatchStart("UN Security Council") == "actor:UN/3");
  CHECK(MatchStart("Guinea-Bissau") == "actor:Guinea-Bissau/3");
  CHECK(MatchStart("Papua New Guinea") == "actor:Papua New Guinea/3");
  CHECK(MatchStart("Kataib Hezbollah") == "actor:Kataib Hezbollah/2");
  CHECK(MatchStart("Palestinian Islamic Jihad") == "actor:Palestinian Islamic Jihad/3");
  CHECK(MatchStart("al-Qaeda in the Arabian Peninsula") == "actor:AQAP/7");
  CHECK(MatchStart("Libyan National Army") == "actor:Libyan National Army/3");
}

TEST_CASE("every UN member and observer state has a unique ISO 3166 alpha-3 code", "[extract]") {
  std::set<std::string> codes;
  std::size_t states = 0;
  for (std::uint32_t i = 0; i < Gaz().actor_count(); ++i) {
    const auto& actor = Gaz().actor(i);
    if (actor.kind != ActorKind::kState || actor.code.empty()) continue;
    ++states;
    CHECK(codes.insert(actor.code).second);
  }
  // 193 members, 2 observers, and Taiwan.
  CHECK(states >= 196);
  for (const char* name : {"Holy See", "Palestine", "Tuvalu", "Eswatini", "South Sudan"}) {
    auto actor = Gaz().FindActor(name);
    REQUIRE(actor);
    CHECK(Gaz().actor(*actor).code.size() == 3);
  }
}

TEST_CASE("gazetteer matches demonyms and their plurals", "[extract]") {
  CHECK(MatchStart("Pakistani") == "demonym:Pakistan/1");
  CHECK(MatchStart("Pakistanis") == "demonym:Pakistan/1");
  CHECK(MatchStart("Chinese") == "demonym:China/1");
  CHECK(MatchStart("North Korean") == "demonym:North Korea/2");
  CHECK(MatchStart("Palestinians") == "demonym:Palestine/1");
  CHECK(MatchStart("Emiratis") == "demonym:United Arab Emirates/1");
  CHECK(MatchStart("Bissau-Guinean") == "demonym:Guinea-Bissau/3");
  CHECK(MatchStart("Guinean") == "demonym:Guinea/1");
  // Shared by two states, so left out rather than guessed.
  CHECK(MatchStart("Congolese") == "");
}

TEST_CASE("possessives need no entry of their own", "[extract]") {
  CHECK(MatchStart("Russia's") == "actor:Russia/1");
  CHECK(MatchStart("Russia’s") == "actor:Russia/1");
  CHECK(MatchStart("IS-K’s") == "actor:IS-K/3");
}

TEST_CASE("capitals and institutions stand for their state", "[extract]") {
  CHECK(MatchStart("Islamabad") == "actor:Pakistan/1");
  CHECK(MatchStart("Washington") == "actor:US/1");
  CHECK(MatchStart("Kremlin") == "actor:Russia/1");
  CHECK(MatchStart("White House") == "actor:US/2");
  CHECK(MatchStart("Pentagon") == "actor:US/1");
  CHECK(MatchStart("Foreign Office") == "actor:UK/2");
  CHECK(MatchStart("Downing Street") == "actor:UK/2");
  CHECK(MatchStart("Élysée") == "actor:France/1");
  CHECK(MatchStart("Zhongnanhai") == "actor:China/1");
  CHECK(MatchStart("Knesset") == "actor:Israel/1");
  CHECK(MatchStart("Abidjan") == "actor:Ivory Coast/1");
}

TEST_CASE("organs and missions of the UN stand for it; its agencies are actors", "[extract]") {
  CHECK(MatchStart("Security Council") == "actor:UN/2");
  CHECK(MatchStart("General Assembly") == "actor:UN/2");
  CHECK(MatchStart("UNAMA") == "actor:UN/1");
  CHECK(MatchStart("UNIFIL") == "actor:UN/1");
  CHECK(MatchStart("UN refugee agency") == "actor:UNHCR/3");
  CHECK(MatchStart("UN nuclear watchdog") == "actor:IAEA/3");
  CHECK(MatchStart("UNRWA") == "actor:UNRWA/1");
  // Every organisation has a Secretary-General; without "UN" it is only a title.
  CHECK(MatchStart("Secretary-General") == "role:secretary-general/3");
  CHECK(MatchStart("European Commission") == "actor:EU/2");
  CHECK(MatchStart("African Union") == "actor:AU/2");
}

TEST_CASE("armed groups go by all their spellings", "[extract]") {
  for (const char* name : {"ISIS-K", "ISIL-K", "ISKP", "IS-KP", "ISIL-Khorasan",
                           "Islamic State Khorasan Province", "Wilayat Khorasan"}) {
    INFO(name);
    CHECK(MatchStart(name).starts_with("actor:IS-K/"));
  }
  for (const char* name : {"ISIS", "ISIL", "Daesh", "Islamic State"}) {
    INFO(name);
    CHECK(MatchStart(name).starts_with("actor:IS/"));
  }
  for (const char* name : {"al-Qaida", "al-Qaeda", "Al Qaeda", "al Qaida"}) {
    INFO(name);
    CHECK(MatchStart(name).starts_with("actor:al-Qaida/"));
  }
  CHECK(MatchStart("Tehreek-e-Taliban Pakistan") == "actor:TTP/6");
  CHECK(MatchStart("Ansar Allah") == "actor:Houthis/2");
  CHECK(MatchStart("Hay'at Tahrir al-Sham") == "actor:Hayat Tahrir al-Sham/5");
  CHECK(MatchStart("Haqqani Network") == "actor:Haqqani network/2");
  CHECK(MatchStart("Wagner group") == "actor:Wagner/2");
  CHECK(MatchStart("Lashkar-e-Toiba") == "actor:Lashkar-e-Taiba/5");
  CHECK(MatchStart("East Turkestan Islamic Movement") == "actor:ETIM/4");
  CHECK(Gaz().actor(*Gaz().FindActor("IS-K")).kind == ActorKind::kGroup);
}

TEST_CASE("the Khorasan group is neither al-Nusra nor Syria", "[extract]") {
  // The 2014 US label for an al-Qaida cell in Syria, later confused with IS-K: too ambiguous to
  // map, so it names no actor at all.
  CHECK(MatchStart("Khorasan group") == "");
  CHECK(MatchStart("Jabhat al-Nusra") == "actor:al-Nusra Front/4");
}

TEST_CASE("a name's case in the data constrains the text", "[extract]") {
  CHECK(MatchStart("us") == "");
  CHECK(MatchStart("who") == "");
  CHECK(MatchStart("WHO") == "actor:WHO/1");
  CHECK(MatchStart("turkey") == "");
  CHECK(MatchStart("RUSSIA") == "actor:Russia/1");
  CHECK(MatchStart("chad") == "");
  CHECK(MatchStart("jordan") == "");
  CHECK(MatchStart("china") == "");
  CHECK(MatchStart("Chad") == "actor:Chad/1");
}

TEST_CASE("places, papers and treaties named after an actor name no actor", "[extract]") {
  CHECK(MatchStart("South China Sea") == "none/3");
  CHECK(MatchStart("Washington Post reported") == "none/2");
  CHECK(MatchStart("Niger Delta") == "none/2");
  CHECK(MatchStart("Gulf of Aden") == "none/3");
  CHECK(MatchStart("New Mexico") == "none/2");
  CHECK(MatchStart("Northern Ireland") == "none/2");
  CHECK(MatchStart("Latin America") == "none/2");
  CHECK(MatchStart("Oslo Accords") == "none/2");
  // Only the whole phrase: the actor alone is still the actor.
  CHECK(MatchStart("Niger") == "actor:Niger/1");
}

TEST_CASE("after 15 August 2021 Kabul and the Afghan government are the Taliban", "[extract]") {
  CHECK(MatchStart("Kabul", Date::Day(2025, 2, 11)) == "actor:Taliban/1");
  CHECK(MatchStart("Kabul", Date::Day(2021, 8, 15)) == "actor:Taliban/1");
  CHECK(MatchStart("Kabul", Date::Day(2021, 8, 14)) == "actor:Afghanistan/1");
  CHECK(MatchStart("Kabul", Date::Day(2019, 3, 1)) == "actor:Afghanistan/1");
  // The Taliban held Kabul once before, from 1996 to 2001.
  CHECK(MatchStart("Kabul", Date::Day(1998, 1, 1)) == "actor:Taliban/1");
  CHECK(MatchStart("Kabul", Date::Day(2002, 1, 1)) == "actor:Afghanistan/1");
  // Without a publication date the undated reading holds.
  CHECK(MatchStart("Kabul") == "actor:Afghanistan/1");
  CHECK(MatchStart("Afghan government", Date::Day(2025, 2, 11)) == "actor:Taliban/2");
  CHECK(MatchStart("Afghanistan's government", Date::Day(2025, 2, 11)) == "actor:Taliban/3");
  CHECK(MatchStart("Afghan authorities", Date::Month(2022, 5)) == "actor:Taliban/2");
  // Before, "Afghan" is read alone and the role word after it makes the state's government.
  CHECK(MatchStart("Afghan government", Date::Day(2019, 3, 1)) == "demonym:Afghanistan/1");
  CHECK(MatchStart("Afghan government") == "demonym:Afghanistan/1");
}

TEST_CASE("other names that changed hands", "[extract]") {
  CHECK(MatchStart("Sanaa", Date::Day(2024, 1, 12)) == "actor:Houthis/1");
  CHECK(MatchStart("Sanaa", Date::Day(2012, 1, 12)) == "actor:Yemen/1");
  CHECK(MatchStart("Aden", Date::Day(2024, 1, 12)) == "actor:Yemen/1");
  CHECK(MatchStart("Gaza authorities", Date::Day(2024, 1, 12)) == "actor:Hamas/2");
}

TEST_CASE("the publication date reaches the gazetteer through the extractor", "[extract]") {
  CHECK(Edges("Kabul condemned Pakistan.", Date::Day(2025, 2, 11)) ==
        std::vector<std::string>{"Taliban condemns Pakistan "});
  CHECK(Edges("Kabul condemned Pakistan.", Date::Day(2019, 2, 11)) ==
        std::vector<std::string>{"Afghanistan condemns Pakistan "});
}

TEST_CASE("gazetteer knows role words and people", "[extract]") {
  CHECK(MatchStart("foreign minister") == "role:foreign minister/2");
  CHECK(MatchStart("deputy foreign minister") == "role:deputy foreign minister/3");
  CHECK(MatchStart("Ambassador") == "role:ambassador/1");
  CHECK(MatchStart("spokeswoman") == "role:spokeswoman/1");
  CHECK(MatchStart("crown prince") == "role:crown prince/2");
  CHECK(MatchStart("António Guterres") == "person:UN/2");
  CHECK(MatchStart("Guterres") == "person:UN/1");
  CHECK(MatchStart("Fu Cong") == "person:China/2");
  CHECK(MatchStart("Vladimir Putin") == "person:Russia/2");
  CHECK(MatchStart("Munir Akram") == "person:Pakistan/2");
  CHECK(MatchStart("Zabihullah Mujahid") == "person:Taliban/2");
  CHECK(MatchStart("Mark Rutte", Date::Day(2025, 1, 1)) == "person:NATO/2");
}

TEST_CASE("a title is a role only when written as one", "[extract]") {
  CHECK(MatchStart("General") == "role:General/1");
  CHECK(MatchStart("general election") == "");
}

TEST_CASE("a person's office on the publication date decides the actor", "[extract]") {
  CHECK(OfficeOf("Kaja Kallas", Date::Day(2022, 6, 1)) == "Estonia Prime Minister");
  CHECK(OfficeOf("Kaja Kallas", Date::Day(2025, 6, 1)) ==
        "EU High Representative for Foreign Affairs");
  // One person with offices for two actors keeps the surname.
  CHECK(OfficeOf("Kallas", Date::Day(2025, 6, 1)) == "EU High Representative for Foreign Affairs");
  CHECK(OfficeOf("Ahmed al-Sharaa", Date::Day(2020, 1, 1)) == "Hayat Tahrir al-Sham Leader");
  CHECK(OfficeOf("Jolani", Date::Day(2020, 1, 1)) == "Hayat Tahrir al-Sham Leader");
  CHECK(OfficeOf("Sharaa", Date::Day(2025, 6, 1)) == "Syria President");
  CHECK(OfficeOf("Wang Yi", Date::Day(2024, 1, 1)) == "China Minister of Foreign Affairs");
  auto trump_in = [](Date date) {
    std::vector<geokg::ingest::Token> tokens = geokg::ingest::TokenizePhrase("Donald Trump");
    GazetteerMatch m = Gaz().MatchAt(tokens, 0, date);
    REQUIRE(m.kind == GazetteerKind::kPerson);
    return Gaz().person(m.index).from.year;
  };
  CHECK(trump_in(Date::Day(2018, 6, 1)) == 2017);
  CHECK(trump_in(Date::Day(2025, 3, 1)) == 2025);
}

TEST_CASE("the people file covers a few hundred offices, each named", "[extract]") {
  CHECK(Gaz().person_count() >= 300);
  for (std::uint32_t i = 0; i < Gaz().person_count(); ++i) {
    const auto& person = Gaz().person(i);
    INFO(person.name << ", " << person.office);
    CHECK_FALSE(person.office.empty());
  }
}

TEST_CASE("a surname alone names a person only when it is safe to", "[extract]") {
  CHECK(MatchStart("Lavrov") == "person:Russia/1");
  CHECK(MatchStart("Le Drian") == "person:France/2");
  // People of different actors share it (Imran Khan, Karim Khan).
  CHECK(MatchStart("Khan") == "");
  // A surname that is an ordinary word is marked 'none' (Theresa May).
  CHECK(MatchStart("May") == "");
  CHECK(MatchStart("Theresa May") == "person:UK/2");
  // The lower-case tail of a hyphenated given name is no surname (Ban Ki-moon).
  CHECK(MatchStart("moon") == "");
}

TEST_CASE("the gazetteer reads every actor's definition", "[extract]") {
  auto us = Gaz().FindActor("US");
  REQUIRE(us);
  const auto& actor = Gaz().actor(*us);
  CHECK(actor.kind == ActorKind::kState);
  CHECK(actor.code == "USA");
  CHECK(std::find(actor.aliases.begin(), actor.aliases.end(), "United States") !=
        actor.aliases.end());
  CHECK(std::find(actor.aliases.begin(), actor.aliases.end(), "Washington") != actor.aliases.end());
  auto isk = Gaz().FindActor("IS-K");
  REQUIRE(isk);
  CHECK(Gaz().actor(*isk).code.empty());
  CHECK_FALSE(Gaz().FindActor("Atlantis"));
  // A period name is no alias: "Kabul" is not always the Taliban.
  const auto& taliban = Gaz().actor(*Gaz().FindActor("Taliban"));
  CHECK(std::find(taliban.aliases.begin(), taliban.aliases.end(), "Kabul") ==
        taliban.aliases.end());
}

TEST_CASE("a role phrase speaks for its leftmost actor", "[extract]") {
  CHECK(Edges("Russia's UN Ambassador Ivan Petrov condemned Poland.") ==
        std::vector<std::string>{"Russia condemns Poland Ivan Petrov"});
  CHECK(Edges("UN counterterrorism chief Olga Brandt warned Hungary.") ==
        std::vector<std::string>{"UN warns Hungary Olga Brandt"});
  CHECK(Edges("US Ambassador Mary Cole urged Cuba to free the prisoners.") ==
        std::vector<std::string>{"US urges Cuba Mary Cole"});
  CHECK(Edges("China's envoy, Li Wen, accused Japan of provocation.") ==
        std::vector<std::string>{"China accuses Japan Li Wen"});
  CHECK(Edges("Pakistan's UN representative, Ali Noor, rejected the Indian proposal.") ==
        std::vector<std::string>{"Pakistan rejects India Ali Noor"});
  CHECK(Edges("Kenya's deputy foreign minister Amos Tala condemned Sudan.") ==
        std::vector<std::string>{"Kenya condemns Sudan Amos Tala"});
}

TEST_CASE("a surname alone resolves to the actor its first mention gave", "[extract]") {
  CHECK(Edges("Russia's UN Ambassador Ivan Petrov arrived on Monday. Later, Petrov accused "
              "Lithuania.") == std::vector<std::string>{"Russia accuses Lithuania Petrov"});
  CHECK(Edges("Guterres condemned Sudan.") ==
        std::vector<std::string>{"UN condemns Sudan Guterres"});
}
