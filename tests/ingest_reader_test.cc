// Tests of the article readers (ingest/reader.h): text, JSON Lines, JSON arrays, folders and stdin, with good
// and broken input. Fixtures are in tests/data/readers/; byte-level oddities are written to temp files here.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/model.h"
#include "ingest/article_date.h"
#include "ingest/reader.h"

namespace fs = std::filesystem;
using geokg::graph::Article;
using geokg::graph::Date;
using geokg::ingest::Origin;
using geokg::ingest::ReadArticles;
using geokg::ingest::ReadError;
using geokg::ingest::ReadLimits;

namespace {

const std::string kData = std::string(GEOKG_SOURCE_DIR) + "/tests/data/readers/";

struct Read {
  geokg::Status status;
  std::vector<Article> articles;
  std::vector<Origin> origins;
  std::vector<ReadError> errors;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const Article& a : articles) out.push_back(a.id);
    return out;
  }
};

Read ReadPath(const std::string& path, const ReadLimits& limits = ReadLimits()) {
  Read r;
  r.status = ReadArticles(
      path,
      [&](Article a, const Origin& o) {
        r.articles.push_back(std::move(a));
        r.origins.push_back(o);
      },
      [&](const ReadError& e) { r.errors.push_back(e); }, limits);
  return r;
}

// A fresh directory under the system's temp dir, removed with its contents at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("geokg_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  // Writes `bytes` exactly as given to `name` (created with its parent folders) and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// Runs ReadArticles("-") with `input` as standard input.
Read ReadStdin(const std::string& input) {
  std::istringstream in(input);
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  Read r = ReadPath("-");
  std::cin.rdbuf(saved);
  std::cin.clear();
  return r;
}

}  // namespace

TEST_CASE("a text file gives title, headers and body", "[reader]") {
  Read r = ReadPath(kData + "headers.txt");
  REQUIRE(r.status.ok());
  REQUIRE(r.errors.empty());
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.id == "gazette-0042");
  CHECK(a.title == "Ruritania recalls envoy from Freedonia");
  CHECK(a.published == Date::Day(2025, 2, 11));
  CHECK(a.url == "https://example.org/news/ruritania-envoy");
  CHECK(a.outlet == "The Example Gazette");
  CHECK(a.text ==
        "Ruritania recalled its ambassador from Freedonia on Tuesday, accusing its neighbour of "
        "meddling.\n\nFreedonia's foreign ministry rejected the accusation.");
  CHECK(a.content_hash == geokg::graph::ContentHash(a.text));
  CHECK(r.origins[0].file == kData + "headers.txt");
  CHECK(r.origins[0].line == 0);
}

TEST_CASE("a text file without headers takes its id from the file name", "[reader]") {
  Read r = ReadPath(kData + "plain.txt");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.errors.empty());
  CHECK(r.articles[0].id == "plain");
  CHECK(r.articles[0].title == "Border talks stall");
  CHECK(r.articles[0].text ==
        "Negotiators from Ruritania and Freedonia left the table without an agreement.");
  CHECK_FALSE(r.articles[0].published.known());
}

TEST_CASE("headers may come first; the title is then the next line", "[reader]") {
  Read r = ReadPath(kData + "headers_first.md");
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.published == Date::Day(2025, 2, 3));
  CHECK(a.outlet == "Example Wire");
  CHECK(a.title == "Freedonia warns of sanctions");
  CHECK(a.text == "Freedonia threatened Ruritania with sanctions over the disputed river crossing.");
}

TEST_CASE("text header details", "[reader]") {
  TempDir dir;
  SECTION("a Title header wins and the first line opens the body") {
    Read r = ReadPath(dir.Write("t.txt", "Kicker line\ntitle: Real title\nDATE: 2025-03\n\nBody."));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Real title");
    CHECK(r.articles[0].published == Date::Month(2025, 3));
    CHECK(r.articles[0].text == "Kicker line\nBody.");
  }
  SECTION("an unknown key is no header, so a title with a colon stays a title") {
    Read r = ReadPath(dir.Write("t.txt", "Breaking: ceasefire agreed\n\nBody."));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Breaking: ceasefire agreed");
  }
  SECTION("a body may follow the title without a blank line") {
    Read r = ReadPath(dir.Write("t.txt", "Title\nFirst body line.\nSource: not a header here\n"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Title");
    CHECK(r.articles[0].outlet.empty());
    CHECK(r.articles[0].text == "First body line.\nSource: not a header here");
  }
  SECTION("a Markdown heading mark is dropped from the title") {
    Read r = ReadPath(dir.Write("t.md", "## Talks in Geneva\n\nBody."));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Talks in Geneva");
  }
  SECTION("a single line is the body") {
    Read r = ReadPath(dir.Write("t.txt", "Ruritania protested.\n"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title.empty());
    CHECK(r.articles[0].text == "Ruritania protested.");
  }
  SECTION("a date that is no date is an error naming its line") {
    Read r = ReadPath(dir.Write("t.txt", "Title\nID: x\nDate: last Tuesday\n\nBody."));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].origin.line == 3);
    CHECK(r.errors[0].message == "unrecognised date \"last Tuesday\"");
  }
  SECTION("headers alone are no article") {
    Read r = ReadPath(dir.Write("t.txt", "Date: 2025-02-11\nURL: https://example.org\n"));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].message, Catch::StartsWith("no text"));
  }
}

TEST_CASE("written dates are parsed", "[reader]") {
  using geokg::ingest::ParseArticleDate;
  CHECK(ParseArticleDate("11 February 2025") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("February 11, 2025") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("Feb 11, 2025") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("feb. 11 2025") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("11th Sept 2024") == Date::Day(2024, 9, 11));
  CHECK(ParseArticleDate("Tuesday, February 11, 2025 10:30 GMT") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("Tue, 11 Feb 2025 10:30:00 +0000") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("February 2025") == Date::Month(2025, 2));
  CHECK(ParseArticleDate("2025-02-11T10:30:00Z") == Date::Day(2025, 2, 11));
  CHECK(ParseArticleDate("29 February 2024") == Date::Day(2024, 2, 29));
  CHECK_FALSE(ParseArticleDate("29 February 2025"));
  CHECK_FALSE(ParseArticleDate("02/11/2025"));
  CHECK_FALSE(ParseArticleDate("Smarch 3, 2025"));
  CHECK_FALSE(ParseArticleDate("February 0000"));
  CHECK_FALSE(ParseArticleDate("11 February"));
  CHECK_FALSE(ParseArticleDate(""));
}

TEST_CASE("a byte order mark is dropped and CRLF becomes LF", "[reader]") {
  TempDir dir;
  Read r = ReadPath(
      dir.Write("crlf.txt", "\xEF\xBB\xBFTitle line\r\nDate: 2025-02-11\r\n\r\nOne.\r\nTwo.\r\n"));
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "Title line");
  CHECK(r.articles[0].published == Date::Day(2025, 2, 11));
  CHECK(r.articles[0].text == "One.\nTwo.");
}

TEST_CASE("broken text files give one error and no article", "[reader]") {
  TempDir dir;
  SECTION("invalid UTF-8 names its line and byte") {
    const std::string file = dir.Write("bad.txt", "Title\n\nGood line.\nBad \xC3\x28 byte.\n");
    Read r = ReadPath(file);
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].origin.file == file);
    CHECK(r.errors[0].origin.line == 4);
    CHECK(r.errors[0].message == "invalid UTF-8 at byte 5");
    CHECK(r.errors[0].ToString() == file + ":4: invalid UTF-8 at byte 5");
  }
  SECTION("overlong encodings and surrogates are invalid UTF-8") {
    CHECK(ReadPath(dir.Write("a.txt", "T\n\n\xC0\xAF")).errors.size() == 1);
    CHECK(ReadPath(dir.Write("b.txt", "T\n\n\xED\xA0\x80")).errors.size() == 1);
    CHECK(ReadPath(dir.Write("c.txt", "T\n\n\xF4\x90\x80\x80")).errors.size() == 1);
    CHECK(ReadPath(dir.Write("d.txt", "T\n\n\xE2\x82")).errors.size() == 1);
    CHECK(ReadPath(dir.Write("e.txt", "T\n\n\xE2\x82\xAC \xF0\x9F\x8C\x8D")).errors.empty());
  }
  SECTION("NUL bytes early make a binary file") {
    Read r = ReadPath(dir.Write("image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)));
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "binary file");
  }
  SECTION("a NUL byte later names its line") {
    Read r = ReadPath(dir.Write("late.txt", "Title\n\n" + std::string(9000, 'x') + "\n" +
                                                std::string("a\0b", 3)));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].origin.line == 4);
    CHECK(r.errors[0].message == "NUL byte at byte 2");
  }
  SECTION("an empty file, or one of white space only") {
    for (const char* bytes : {"", " \n\n\t\r\n", "\xEF\xBB\xBF"}) {
      Read r = ReadPath(dir.Write("empty.txt", bytes));
      CHECK(r.articles.empty());
      REQUIRE(r.errors.size() == 1);
      CHECK(r.errors[0].message == "empty file");
    }
  }
  SECTION("an article over the size limit") {
    ReadLimits limits;
    limits.max_article_bytes = 100;
    Read r = ReadPath(dir.Write("big.txt", "Title\n\n" + std::string(200, 'x')), limits);
    CHECK(r.articles.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].message, Catch::Contains("limit of 100 bytes"));
    CHECK(ReadPath(dir.Write("small.txt", "Title\n\n" + std::string(90, 'x')), limits).articles.size() == 1);
  }
}

TEST_CASE("JSON Lines with the crawlers' field names", "[reader]") {
  const std::string file = kData + "crawler.jsonl";
  Read r = ReadPath(file);
  REQUIRE(r.status.ok());
  CHECK(r.errors.empty());
  REQUIRE(r.articles.size() == 3);

  const Article& news_please = r.articles[0];
  CHECK(news_please.id == "crawler:1");  // no id field: file stem and line
  CHECK(news_please.title == "Envoy recalled");
  CHECK(news_please.text == "Ruritania recalled its envoy.");
  CHECK(news_please.published == Date::Day(2025, 2, 11));
  CHECK(news_please.outlet == "example.org");
  CHECK(news_please.url == "https://example.org/a");
  CHECK(news_please.content_hash == geokg::graph::ContentHash(news_please.text));

  const Article& news_api = r.articles[1];
  CHECK(news_api.id == "77");
  CHECK(news_api.title == "Sanctions threatened");
  CHECK(news_api.text == "Freedonia threatened sanctions.");
  CHECK(news_api.published == Date::Day(2025, 2, 12));
  CHECK(news_api.outlet == "Example Wire");
  CHECK(news_api.url == "https://example.org/b");

  const Article& third = r.articles[2];
  CHECK(third.id == "x-3");
  CHECK(third.title.empty());
  CHECK(third.outlet == "Daily Example");
  CHECK(third.published == Date::Day(2025, 2, 11));

  // The blank second line is skipped but still counted.
  CHECK(r.origins[0].line == 1);
  CHECK(r.origins[1].line == 3);
  CHECK(r.origins[2].line == 4);
  CHECK(r.origins[2].file == file);
}

TEST_CASE("a broken JSON line between two good ones", "[reader]") {
  const std::string file = kData + "broken.jsonl";
  Read r = ReadPath(file);
  REQUIRE(r.status.ok());
  CHECK(r.ids() == std::vector<std::string>{"first", "third"});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.file == file);
  CHECK(r.errors[0].origin.line == 2);
  CHECK_THAT(r.errors[0].message, Catch::StartsWith("broken JSON: "));
  CHECK_THAT(r.errors[0].ToString(), Catch::StartsWith(file + ":2: broken JSON"));
}

TEST_CASE("bad JSON records are reported by line and the others kept", "[reader]") {
  TempDir dir;
  const std::string good = R"({"id": "ok", "text": "Fine."})";
  auto read_middle = [&](const std::string& middle) {
    return ReadPath(dir.Write("x.jsonl", good + "\n" + middle + "\n" + good + "\n"));
  };
  auto single_error = [](const Read& r) {
    CHECK(r.articles.size() == 2);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].origin.line == 2);
    return r.errors[0].message;
  };
  CHECK(single_error(read_middle(R"(["an", "array"])")) == "expected a JSON object, found an array");
  CHECK(single_error(read_middle(R"("a string")")) == "expected a JSON object, found a string");
  CHECK_THAT(single_error(read_middle(R"({"id": "t", "title": "No text"})")), Catch::StartsWith("no text"));
  CHECK_THAT(single_error(read_middle(R"({"text": "   "})")), Catch::StartsWith("no text"));
  CHECK_THAT(single_error(read_middle(R"({"text": 42})")), Catch::StartsWith("no text"));
  CHECK(single_error(read_middle("{\"text\": \"caf\xC3\xA9 \xFF\"}")) == "invalid UTF-8 at byte 17");
  CHECK(single_error(read_middle(R"({"text": "a\u0000b"})")) == "NUL byte (\\u0000) in the text");
  CHECK(single_error(read_middle(R"({"text": "Fine.", "date": "soon"})")) == "unrecognised date \"soon\"");
}

TEST_CASE("a raw NUL byte past the binary probe fails only its line", "[reader]") {
  TempDir dir;
  const std::string good = R"({"text": ")" + std::string(9000, 'x') + "\"}\n";
  Read r = ReadPath(dir.Write("nul.jsonl", good + std::string("{\"text\": \"a\0\"}\n", 15) + good));
  CHECK(r.articles.size() == 2);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.line == 2);
  CHECK(r.errors[0].message == "NUL byte at byte 12");
}

TEST_CASE("a JSON line over the size limit is skipped", "[reader]") {
  TempDir dir;
  ReadLimits limits;
  limits.max_article_bytes = 64;
  const std::string big = R"({"id": "big", "text": ")" + std::string(100, 'x') + "\"}";
  Read r = ReadPath(dir.Write("big.jsonl", big + "\n{\"id\": \"small\", \"text\": \"x\"}\n"), limits);
  CHECK(r.ids() == std::vector<std::string>{"small"});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.line == 1);
  CHECK(r.errors[0].message ==
        "record of " + std::to_string(big.size()) + " bytes is over the limit of 64 bytes");
}

TEST_CASE("JSON lines longer than the read buffer", "[reader]") {
  TempDir dir;
  const std::string long_text(300000, 'y');
  const std::string file = dir.Write("long.jsonl", "{\"text\": \"a\"}\n{\"text\": \"" + long_text +
                                                       "\"}\n{\"text\": \"b\"}\n");
  Read whole = ReadPath(file);
  CHECK(whole.errors.empty());
  REQUIRE(whole.articles.size() == 3);
  CHECK(whole.articles[1].text == long_text);
  CHECK(whole.origins[2].line == 3);

  ReadLimits limits;
  limits.max_article_bytes = 100000;
  Read limited = ReadPath(file, limits);
  CHECK(limited.ids() == std::vector<std::string>{"long:1", "long:3"});
  REQUIRE(limited.errors.size() == 1);
  CHECK(limited.errors[0].origin.line == 2);
  CHECK(limited.errors[0].message == "record of " + std::to_string(long_text.size() + 12) +
                                         " bytes is over the limit of 100000 bytes");
}

TEST_CASE("a .json file may hold one array of articles", "[reader]") {
  const std::string file = kData + "array.json";
  Read r = ReadPath(file);
  REQUIRE(r.status.ok());
  CHECK(r.ids() == std::vector<std::string>{"one", "array:3"});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].title == "Second");
  CHECK(r.origins[0].line == 2);
  CHECK(r.origins[1].line == 4);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.line == 3);
  CHECK(r.errors[0].message == "expected a JSON object, found a string");
}

TEST_CASE("a broken JSON array keeps the elements before the break", "[reader]") {
  TempDir dir;
  Read r = ReadPath(
      dir.Write("a.json", "[{\"text\": \"one\"},\n{\"text\": \"two\"}\n{\"text\": \"three\"}]"));
  CHECK(r.ids() == std::vector<std::string>{"a:1", "a:2"});
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0].message, Catch::StartsWith("broken JSON array"));
}

TEST_CASE("a folder is read recursively in path order", "[reader]") {
  Read r = ReadPath(kData + "folder");
  REQUIRE(r.status.ok());
  CHECK(r.errors.empty());  // ignored.csv is passed over silently
  CHECK(r.ids() == std::vector<std::string>{"a", "nested", "b-line-1", "b-line-2", "z", "c-json"});
  REQUIRE(r.origins.size() == 6);
  CHECK(r.origins[2].file == kData + "folder/b_sub/deeper/lines.ndjson");
  CHECK(r.origins[3].line == 2);
}

TEST_CASE("symlinked folders are read once and a loop is reported, not followed", "[reader]") {
  TempDir dir;
  dir.Write("corpus/a.txt", "A\n\nBody A.");
  dir.Write("corpus/sub/b.txt", "B\n\nBody B.");
  fs::create_directory_symlink(dir.path() + "/corpus", dir.path() + "/corpus/sub/loop");
  fs::create_directory_symlink(dir.path() + "/corpus/sub", dir.path() + "/corpus/sub2");
  Read r = ReadPath(dir.path() + "/corpus");
  REQUIRE(r.status.ok());
  CHECK(r.ids() == std::vector<std::string>{"a", "b"});
  // sub2 is a second way to sub, read once and not an error; sub/loop leads back up the tree.
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.file == dir.path() + "/corpus/sub/loop");
  CHECK_THAT(r.errors[0].message, Catch::StartsWith("directory loop: links back to "));
}

TEST_CASE("a file in a folder that cannot be read is an error naming it", "[reader]") {
  TempDir dir;
  dir.Write("corpus/a.txt", "A\n\nBody A.");
  fs::create_symlink(dir.path() + "/nowhere.txt", dir.path() + "/corpus/dangling.txt");
  Read r = ReadPath(dir.path() + "/corpus");
  REQUIRE(r.status.ok());
  CHECK(r.ids() == std::vector<std::string>{"a"});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].origin.file == dir.path() + "/corpus/dangling.txt");
  CHECK_THAT(r.errors[0].message, Catch::StartsWith("cannot read"));
}

TEST_CASE("paths that cannot be read return a Status", "[reader]") {
  const std::string missing = kData + "no-such-file.txt";
  Read r = ReadPath(missing);
  CHECK(r.status.IsNotFound());
  CHECK(r.status.message() == "no such file or directory: " + missing);
  CHECK(r.articles.empty());
  CHECK(r.errors.empty());

  TempDir dir;
  Read csv = ReadPath(dir.Write("table.csv", "a,b\n"));
  CHECK(csv.status.IsInvalidArgument());
  CHECK_THAT(csv.status.message(), Catch::StartsWith("unsupported file type: "));

  CHECK(ReadPath(dir.path()).status.ok());  // an empty folder holds no articles, which is no error
}

TEST_CASE("standard input is JSON Lines when it starts with '{'", "[reader]") {
  Read jsonl = ReadStdin("\n  {\"text\": \"One.\"}\n{\"id\": \"two\", \"text\": \"Two.\"}\n");
  REQUIRE(jsonl.status.ok());
  CHECK(jsonl.ids() == std::vector<std::string>{"stdin:2", "two"});
  REQUIRE(jsonl.origins.size() == 2);
  CHECK(jsonl.origins[1].file == "<stdin>");
  CHECK(jsonl.origins[1].line == 3);

  Read text = ReadStdin("\nA title\n\nThe body.\n");
  REQUIRE(text.articles.size() == 1);
  CHECK(text.articles[0].id == "stdin");
  CHECK(text.articles[0].title == "A title");
  CHECK(text.articles[0].text == "The body.");
  CHECK(text.origins[0].ToString() == "<stdin>");

  Read empty = ReadStdin("");
  REQUIRE(empty.errors.size() == 1);
  CHECK(empty.errors[0].ToString() == "<stdin>: empty file");
}

TEST_CASE("an exception from a sink does not escape", "[reader]") {
  geokg::Status status = ReadArticles(
      kData + "plain.txt", [](Article, const Origin&) { throw std::runtime_error("sink failed"); },
      [](const ReadError&) {});
  CHECK_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("sink failed"));
}
