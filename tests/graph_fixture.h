// Small hand-built stores for the tests of graph/'s exporters and analytics: articles made of
// sentences, each sentence stating the edges listed with it, so that every expected answer can be
// worked out by reading the test that builds the store.
#ifndef GEOKG_TESTS_GRAPH_FIXTURE_H_
#define GEOKG_TESTS_GRAPH_FIXTURE_H_

#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/store.h"

namespace geokg::graph::fixture {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("geokg-graph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
             "-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// One edge a sentence states.
struct Said {
  Said(std::string source, std::string relation, std::string target, Date date,
       bool implied = false, std::string speaker = "", float confidence = 0.5f)
      : source(std::move(source)),
        relation(std::move(relation)),
        target(std::move(target)),
        date(date),
        implied(implied),
        speaker(std::move(speaker)),
        confidence(confidence) {}

  std::string source, relation, target;
  Date date;
  bool implied;
  std::string speaker;
  float confidence;
};

struct Sentence {
  std::string text;
  std::vector<Said> edges;
};

struct ArticleSpec {
  std::string id;
  std::vector<Sentence> sentences;  // the body: the sentences joined by single spaces
};

// The relation types of data/lexicon/relations.tsv that the tests use, with their ids, and two
// more: "denies", a rejection the lexicon may add, and "praises", whose id 12 is 1 modulo 11.
inline std::vector<RelationType> Relations() {
  return {{1, "accuses", "112", "ACCUSE"},  {2, "blames", "112", "ACCUSE"},
          {3, "condemns", "111", "ACCUSE"}, {4, "urges", "10", "DEMAND"},
          {5, "rejects", "12", "REJECT"},   {9, "denies", "12", "REJECT"},
          {12, "praises", "51", "CONSULT"}};
}

// Stores the articles in order, each with every actor and relation; an edge's evidence offsets
// point at its sentence in the article's Document(), which is the body since there is no title.
inline std::unique_ptr<Store> BuildStore(const std::string& dir, const std::vector<Actor>& actors,
                                         const std::vector<ArticleSpec>& articles) {
  auto store = Store::Open(dir);
  REQUIRE(store.ok());
  for (const ArticleSpec& spec : articles) {
    ArticleBatch batch;
    batch.article.id = spec.id;
    batch.actors = actors;
    batch.relations = Relations();
    for (std::uint32_t i = 0; i < spec.sentences.size(); ++i) {
      const Sentence& sentence = spec.sentences[i];
      if (!batch.article.text.empty()) batch.article.text += ' ';
      auto begin = static_cast<std::uint32_t>(batch.article.text.size());
      batch.article.text += sentence.text;
      auto end = static_cast<std::uint32_t>(batch.article.text.size());
      for (const Said& said : sentence.edges) {
        EdgeDraft draft;
        draft.source = said.source;
        draft.relation = said.relation;
        draft.target = said.target;
        draft.evidence = {i, begin, end, said.speaker, "test"};
        draft.date = said.date;
        draft.confidence = said.confidence;
        draft.implied = said.implied;
        batch.edges.push_back(draft);
      }
    }
    auto outcome = (*store)->AddArticle(batch);
    INFO(outcome.status().ToString());
    REQUIRE(outcome.ok());
    REQUIRE(outcome->added);
  }
  return std::move(*store);
}

inline ActorId IdOf(Store& store, const std::string& name) {
  auto actor = store.FindActor(name);
  REQUIRE(actor.ok());
  REQUIRE(actor->has_value());
  return (*actor)->id;
}

}  // namespace geokg::graph::fixture

#endif  // GEOKG_TESTS_GRAPH_FIXTURE_H_
