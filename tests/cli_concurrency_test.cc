// End-to-end tests of concurrent use: the read commands beside a running `geokg ingest`, and a
// second writer beside the first.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "graph/store.h"
#include "tests/cli_run.h"
#include "tools/crashtest/store_dump.h"
#include "tools/crashtest/synthetic_corpus.h"

using geokg::testing::RunGeokg;
using geokg::testing::TempDir;

namespace {

// `geokg ingest --db DB CORPUS` in a child process.
class BackgroundIngest {
 public:
  BackgroundIngest(const std::string& db, const std::string& corpus, const std::string& log) {
    std::vector<std::string> args = {GEOKG_BINARY,   "ingest",    "--db", db,    "--data",
                                     GEOKG_DATA_DIR, "--threads", "1",    corpus};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      // On a busy machine the readers must still get their turns while the writer runs.
      ::setpriority(PRIO_PROCESS, 0, 19);
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0 || ::dup2(fd, STDERR_FILENO) < 0) ::_exit(126);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~BackgroundIngest() {
    if (Running()) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
  }

  bool Running() {
    if (done_ || pid_ <= 0) return false;
    done_ = ::waitpid(pid_, &status_, WNOHANG) == pid_;
    return !done_;
  }
  // The exit status, or -1 when the child did not exit normally.
  int Wait() {
    if (!done_ && pid_ > 0) done_ = ::waitpid(pid_, &status_, 0) == pid_;
    return done_ && WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  bool done_ = false;
};

// What a complete ingest stores: the articles in order, the edges of each, and the edge totals of
// every prefix of the articles, which are the only totals a reader may ever see.
struct Reference {
  std::map<std::string, std::size_t> position;  // article id -> 0-based position
  std::vector<std::size_t> edges;               // per article
  std::vector<std::size_t> prefix;              // prefix[k]: edges of the first k articles
};

Reference LoadReference(const std::string& db) {
  geokg::graph::Store::Options options;
  options.read_only = true;
  auto store = geokg::graph::Store::Open(db, options);
  REQUIRE(store.ok());
  Reference ref;
  REQUIRE((*store)
              ->ScanArticles([&](const geokg::graph::Article& a) {
                ref.position.emplace(a.id, ref.edges.size());
                ref.edges.push_back(0);
                return true;
              })
              .ok());
  REQUIRE((*store)
              ->ScanEdges({},
                          [&](const geokg::graph::Edge& e) {
                            ++ref.edges.at(ref.position.at(e.article_id));
                            return true;
                          })
              .ok());
  ref.prefix.push_back(0);
  for (std::size_t n : ref.edges) ref.prefix.push_back(ref.prefix.back() + n);
  return ref;
}

std::size_t StatLine(const std::string& out, const std::string& name) {
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex("(^|\\n)" + name + " +(\\d+)")));
  return std::stoul(m[2]);
}

// Checks that `per_article` (article id -> edges seen) is exactly the first articles of `ref`, each
// with all of its edges (articles without edges do not show).
void CheckWholeArticles(const Reference& ref,
                        const std::map<std::string, std::size_t>& per_article) {
  std::vector<bool> seen(ref.edges.size(), false);
  std::size_t last = 0;
  for (const auto& [id, count] : per_article) {
    const auto found = ref.position.find(id);
    if (found == ref.position.end()) FAIL("article " << id << " is not in the corpus");
    const std::size_t at = found->second;
    if (count != ref.edges[at])
      FAIL("article " << id << " holds " << count << " of its " << ref.edges[at] << " edges");
    seen[at] = true;
    last = std::max(last, at + 1);
  }
  for (std::size_t i = 0; i < last; ++i) {
    if (ref.edges[i] > 0 && !seen[i])
      FAIL("article at " << i << " is missing before article at " << last - 1);
  }
}

// Article id -> edges, from one query over the database (one snapshot).
std::map<std::string, std::size_t> EdgesPerArticleByQuery(const TempDir& dir,
                                                          const std::string& db) {
  auto grouped = RunGeokg(
      dir, "query " + db + " --format tsv 'MATCH (a)-[r]->(b) RETURN r.article, count(r)'");
  INFO(grouped.err);
  REQUIRE(grouped.status == 0);
  std::map<std::string, std::size_t> per_article;
  std::istringstream rows(grouped.out);
  std::string row;
  std::getline(rows, row);  // the header
  while (std::getline(rows, row)) {
    const std::size_t tab = row.find('\t');
    REQUIRE(tab != std::string::npos);
    per_article[row.substr(0, tab)] = std::stoul(row.substr(tab + 1));
  }
  return per_article;
}

// Article id -> edges, from `geokg edges`.
std::map<std::string, std::size_t> EdgesPerArticleListed(const TempDir& dir,
                                                         const std::string& db) {
  auto listed = RunGeokg(dir, "edges " + db);
  INFO(listed.err);
  REQUIRE(listed.status == 0);
  std::map<std::string, std::size_t> per_article;
  const std::regex article_id("synthetic-\\d+");
  for (std::sregex_iterator it(listed.out.begin(), listed.out.end(), article_id), end; it != end;
       ++it)
    ++per_article[it->str()];
  return per_article;
}

}  // namespace

TEST_CASE("queries beside a running ingest see whole articles, a second writer is locked out",
          "[cli][concurrency]") {
  TempDir dir;
  geokg::crashtest::CorpusOptions corpus_options;
  corpus_options.articles = 12000;
  const std::string corpus = dir / "corpus.jsonl";
  REQUIRE(geokg::crashtest::WriteSyntheticCorpus(GEOKG_DATA_DIR, corpus_options, corpus).ok());
  {
    // A second writer that gets in after the first one ends must not change the database: it offers
    // an article already stored.
    std::ifstream in(corpus);
    std::string first;
    std::getline(in, first);
    std::ofstream(dir / "other.jsonl") << first << "\n";
  }

  auto reference_run = RunGeokg(dir, "ingest --db '" + (dir / "ref") + "' '" + corpus + "'");
  INFO(reference_run.err);
  REQUIRE(reference_run.status == 0);
  const Reference ref = LoadReference(dir / "ref");
  const std::size_t stored = ref.edges.size();  // articles
  REQUIRE(stored > 10000);
  const std::set<std::size_t> prefix_totals(ref.prefix.begin(), ref.prefix.end());

  const std::string db = "--db '" + (dir / "live") + "'";
  BackgroundIngest writer(dir / "live", corpus, dir / "live.log");
  int rounds = 0, mid_ingest = 0, locked = 0;
  std::size_t last_count = 0;
  while (writer.Running()) {
    auto stats = RunGeokg(dir, "stats " + db);
    // The writer may not have created the database yet.
    if (stats.status == 1 && (stats.err.find("no database") != std::string::npos ||
                              stats.err.find("no geokg database") != std::string::npos))
      continue;
    INFO(stats.err);
    REQUIRE(stats.status == 0);
    const std::size_t articles = StatLine(stats.out, "articles");
    REQUIRE(articles <= stored);
    CHECK(StatLine(stats.out, "edges") == ref.prefix[articles]);
    if (articles > 0 && articles < stored) ++mid_ingest;

    auto count =
        RunGeokg(dir, "query " + db + " --format tsv 'MATCH (a)-[r]->(b) RETURN count(r)'");
    INFO(count.err);
    REQUIRE(count.status == 0);
    const std::size_t edges = std::stoul(count.out.substr(count.out.find('\n') + 1));
    CHECK(prefix_totals.count(edges) == 1);
    CHECK(edges >= last_count);  // a later open never sees less
    last_count = edges;

    // The per-article checks alternate: each costs a listing of every edge.
    CheckWholeArticles(
        ref, rounds % 2 == 0 ? EdgesPerArticleByQuery(dir, db) : EdgesPerArticleListed(dir, db));

    if (locked == 0 || rounds % 4 == 0) {
      // The second writer gets in only once the first has ended (its article is then a duplicate).
      auto second = RunGeokg(dir, "ingest " + db + " '" + (dir / "other.jsonl") + "'");
      if (second.status != 0) {
        CHECK(second.status == 1);
        CHECK(second.err.find("database is locked by another process") != std::string::npos);
        ++locked;
      }
    }
    ++rounds;
  }
  INFO("rounds " << rounds << ", " << mid_ingest << " of them in the middle of the ingest");
  CHECK(writer.Wait() == 0);
  CHECK(mid_ingest > 0);
  CHECK(locked > 0);

  auto expected = geokg::crashtest::DumpStore(dir / "ref");
  auto actual = geokg::crashtest::DumpStore(dir / "live");
  REQUIRE(expected.ok());
  REQUIRE(actual.ok());
  CHECK(geokg::crashtest::FirstDifference(*expected, *actual) == "");
}
