// Extractor: finds actors and the relations between them in an article.
//
// Everything it knows about names and words is data, loaded from a data directory (see data/README.md):
// the gazetteer of actors, aliases, people and role words, and the relation lexicon. The C++ holds only the
// mechanisms: segmentation, matching, attribution, clause and pronoun rules.
//
// An Extractor is immutable once loaded and safe to share between threads.
#ifndef GEOKG_INGEST_EXTRACTOR_H_
#define GEOKG_INGEST_EXTRACTOR_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace geokg::ingest {

class DateResolver;
class Gazetteer;
class Lexicon;

// What one article yields: edges, and the definitions of the actors and relation types they name, ready to be
// put into a graph::ArticleBatch.
struct Extraction {
  std::vector<graph::EdgeDraft> edges;
  std::vector<graph::Actor> actors;            // every actor mentioned, edges or not, by first mention
  std::vector<graph::RelationType> relations;  // the relation types the edges use
};

class Extractor {
 public:
  // Loads the gazetteer and lexicon from `data_dir`. Returns InvalidArgument naming the file, line and cause
  // when a data file is malformed, NotFound when a required file is missing.
  static Result<std::unique_ptr<Extractor>> Load(const std::string& data_dir);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts from article.Document(); evidence offsets point into it. An edge takes the date its sentence
  // gives, resolved against the publication date ("on Monday", "in December"); without one, the last
  // day-precise date the article has set as its scene ("During a meeting on Monday, ..."), else the
  // publication date (date_is_publication set), else it stays unknown. Never fails: text it cannot read
  // simply yields fewer edges.
  Extraction Extract(const graph::Article& article) const;

  // Every relation type of the lexicon, ordered by id.
  const std::vector<graph::RelationType>& relation_types() const;

 private:
  Extractor(std::unique_ptr<Gazetteer> gazetteer, std::unique_ptr<Lexicon> lexicon,
            std::unique_ptr<DateResolver> dates);

  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<DateResolver> dates_;
};

}  // namespace geokg::ingest

#endif  // GEOKG_INGEST_EXTRACTOR_H_
