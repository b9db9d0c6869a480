// End-to-end tests of `geokg ingest` on bad input: the fixtures in tests/bad_inputs/, and the
// inputs written here because they are huge, binary or file-system oddities. Each input is ingested
// between two good articles; it must give one error naming its file and line (or none, for the
// oddities geokg reads as meant), keep every good article, and exit 1 when something failed. The
// test prints the table of inputs, errors and articles kept.
#include <fmt/format.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "graph/store.h"
#include "tests/cli_run.h"

using geokg::testing::RunGeokg;
using geokg::testing::TempDir;

namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(GEOKG_SOURCE_DIR) + "/tests/bad_inputs/";
const std::string kBefore = kFixtures + "good_before.jsonl";  // article "before"
const std::string kAfter = kFixtures + "good_after.txt";      // article "after"

// Good JSON Lines records to put around a bad one.
const std::string kGood1 = R"({"id": "good-1", "text": "Iran condemned Israel on Monday."})";
const std::string kGood3 = R"({"id": "good-3", "text": "Turkey urged Greece to return to talks."})";

struct Case {
  std::string input;    // as the table shows it
  std::string path;     // what geokg ingest reads
  std::string where;    // what the error names ("file:line" or "file"); empty when no error is due
  std::string message;  // how the error's cause starts
  int kept = 0;         // articles of the input itself that must be stored
};

Case Fixture(const std::string& name, int line, const std::string& message, int kept) {
  const std::string path = kFixtures + name;
  return {name, path, line == 0 ? path : fmt::format("{}:{}", path, line), message, kept};
}

Case Accepted(const std::string& name, int kept) { return {name, kFixtures + name, "", "", kept}; }

std::vector<Case> FixtureCases() {
  const std::string no_text = "no text: none of text, maintext, body";
  const std::string structure = "broken JSON: improper structure";
  return {
      Fixture("broken_json.jsonl", 2, structure, 2),
      Fixture("trailing_comma.jsonl", 2, structure, 2),
      Fixture("single_quotes.jsonl", 2, structure, 2),
      Fixture("two_objects_on_one_line.jsonl", 2, structure, 2),
      Fixture("truncated.jsonl", 3, "broken JSON: a string is not closed", 2),
      Fixture("not_an_object_array.jsonl", 2, "expected a JSON object, found an array", 2),
      Fixture("not_an_object_string.jsonl", 2, "expected a JSON object, found a string", 2),
      Fixture("not_an_object_number.jsonl", 2, "expected a JSON object, found a number", 2),
      Fixture("not_an_object_null.jsonl", 2, "expected a JSON object, found null", 2),
      Fixture("missing_text.jsonl", 2, no_text, 2),
      Fixture("blank_text.jsonl", 2, no_text, 2),
      Fixture("text_not_a_string.jsonl", 2, no_text, 2),
      Fixture("invalid_utf8.jsonl", 2, "invalid UTF-8 at byte 31", 2),
      Fixture("overlong_utf8.jsonl", 2, "invalid UTF-8 at byte 31", 2),
      Fixture("surrogate_utf8.jsonl", 2, "invalid UTF-8 at byte 31", 2),
      Fixture("lone_surrogate_escape.jsonl", 2, "broken JSON: a malformed string", 2),
      Fixture("nul_escape.jsonl", 2, "NUL byte (\\u0000) in the text", 2),
      Fixture("bad_date.jsonl", 2, "unrecognised date \"next Tuesday\"", 2),
      Fixture("deep_nesting.jsonl", 2, "broken JSON: nested deeper than 1024 levels", 2),
      Fixture("huge_integer.jsonl", 2, "broken JSON: a number that is malformed or out of range",
              2),
      Fixture("huge_exponent.jsonl", 2, "broken JSON: a number that is malformed or out of range",
              2),
      Fixture("duplicate_keys.jsonl", 2, "duplicate key \"text\"", 2),
      Fixture("empty.jsonl", 0, "empty file", 0),
      Fixture("blank_lines.jsonl", 0, "empty file", 0),
      Accepted("bom_on_each_line.jsonl", 3),
      Accepted("crlf.jsonl", 3),
      Fixture("array_with_non_objects.json", 3, "expected a JSON object, found a number", 2),
      Fixture("deep_nesting_array.json", 3, "broken JSON: nested deeper than 1024 levels", 2),
      Fixture("truncated_array.json", 4,
              "broken JSON array: element 3: the input ends inside a string", 2),
      Accepted("single_pretty_object.json", 1),
      Fixture("latin1.txt", 4, "invalid UTF-8 at byte 5", 0),
      Fixture("empty.txt", 0, "empty file", 0),
      Fixture("whitespace_only.txt", 0, "empty file", 0),
      Fixture("headers_only.txt", 0, "no text: the file holds only headers", 0),
      Fixture("bad_date_header.txt", 2, "unrecognised date \"someday soon\"", 0),
      Accepted("bom.txt", 1),
      Accepted("crlf.txt", 1),
      Accepted("lone_cr.txt", 1),
  };
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// `text` (ASCII) in UTF-16 or UTF-32, with the byte order mark `bom`.
std::string Widen(const std::string& text, const std::string& bom, int width, bool big_endian) {
  std::string out = bom;
  for (char c : text) {
    std::string unit(static_cast<std::size_t>(width), '\0');
    unit[big_endian ? unit.size() - 1 : 0] = c;
    out += unit;
  }
  return out;
}

// The inputs too big, too binary or too much of a file-system oddity for a fixture file.
std::vector<Case> GeneratedCases(const TempDir& dir) {
  std::vector<Case> cases;
  auto add = [&](const std::string& name, const std::string& bytes, int line,
                 const std::string& message, int kept) {
    const std::string path = dir / name;
    WriteBytes(path, bytes);
    cases.push_back({name, path,
                     message.empty() ? ""
                     : line == 0     ? path
                                     : fmt::format("{}:{}", path, line),
                     message, kept});
  };
  const std::string lines = kGood1 + "\n" + kGood3 + "\n";

  std::string noise = "\x1F\x8B\x08";  // a gzip header, then bytes of every value
  for (unsigned i = 0, x = 12345; i < 4096; ++i, x = x * 1103515245u + 12345u)
    noise += static_cast<char>(x >> 24);
  add("binary.jsonl", noise, 0, "binary file", 0);
  add("nul_in_a_line.jsonl",
      kGood1 + "\n" + std::string("{\"id\": \"bad\", \"text\": \"Russia\0accused Ukraine.\"}", 48) +
          "\n" + kGood3 + "\n",
      2, "NUL byte at byte 30", 2);
  add("nul.txt", std::string("Talks\n\nRussia\0accused Ukraine.\n", 31), 3, "NUL byte at byte 7",
      0);
  add("zero_filled_tail.jsonl", lines + std::string(4096, '\0'), 3, "NUL byte at byte 1", 2);
  add("utf16le_bom.jsonl", Widen(kGood1 + "\n", "\xFF\xFE", 2, false), 0,
      "UTF-16LE text (byte order mark FF FE): geokg reads UTF-8", 0);
  add("utf16be_bom.txt", Widen("Talks\n\nRussia accused Ukraine.\n", "\xFE\xFF", 2, true), 0,
      "UTF-16BE text (byte order mark FE FF)", 0);
  add("utf32le_bom.txt",
      Widen("Talks\n\nRussia accused Ukraine.\n", std::string("\xFF\xFE\0\0", 4), 4, false), 0,
      "UTF-32LE text (byte order mark FF FE 00 00)", 0);
  add("utf16le_no_bom.txt", Widen("Talks\n\nRussia accused Ukraine.\n", "", 2, false), 0,
      "UTF-16LE text without a byte order mark", 0);

  const std::string body(50u << 20, 'a');
  const std::string huge = "{\"id\": \"huge\", \"text\": \"" + body + "\"}";
  add("article_of_50_MB.jsonl", kGood1 + "\n" + huge + "\n" + kGood3 + "\n", 2,
      fmt::format("record of {} bytes is over the limit of 16777216 bytes", huge.size()), 2);
  add("article_of_50_MB.txt", "Huge\n\n" + body + "\n", 0,
      "article over the limit of 16777216 bytes", 0);
  std::string sentences;
  while (sentences.size() < (1u << 20)) sentences += "Russia accused Ukraine. ";
  add("line_of_1_MB_without_newline.jsonl", lines + "{\"id\": \"cut\", \"text\": \"" + sentences, 3,
      "broken JSON: a string is not closed", 2);
  add("line_of_1_MB_without_newline.txt", sentences, 0, "", 1);

  // Folders: each holds one good article beside the oddity.
  auto folder = [&](const std::string& name) {
    fs::create_directories(dir / name);
    WriteBytes(dir / (name + "/good.jsonl"), R"({"id": "in-)" + name +
                                                 R"(", "text": "Egypt warned Sudan."})"
                                                 "\n");
    return dir / name;
  };
  const std::string loop = folder("directory_loop");
  fs::create_directory_symlink(loop, loop + "/loop");
  cases.push_back({"directory_loop/ (loop -> .)", loop, loop + "/loop",
                   "directory loop: links back to " + fs::canonical(loop).string(), 1});
  const std::string dangling = folder("dangling_symlink");
  fs::create_symlink(dangling + "/nowhere.jsonl", dangling + "/gone.jsonl");
  cases.push_back({"dangling_symlink/gone.jsonl -> nowhere", dangling, dangling + "/gone.jsonl",
                   "cannot read: No such file or directory", 1});
  const std::string cycle = folder("symlink_cycle");
  fs::create_symlink(cycle + "/self.jsonl", cycle + "/self.jsonl");
  cases.push_back({"symlink_cycle/self.jsonl -> self.jsonl", cycle, cycle + "/self.jsonl",
                   "cannot read: Too many levels of symbolic links", 1});
  const std::string fifo = folder("fifo");
  REQUIRE(::mkfifo((fifo + "/pipe.jsonl").c_str(), 0644) == 0);
  cases.push_back(
      {"fifo/pipe.jsonl (a named pipe)", fifo, fifo + "/pipe.jsonl", "not a regular file", 1});
  const std::string named = folder("directory_named_like_a_file");
  fs::create_directories(named + "/articles.jsonl");
  WriteBytes(named + "/articles.jsonl/inside.txt", "Inside\n\nChina warned Japan again.\n");
  cases.push_back({"directory_named_like_a_file/articles.jsonl/", named, "", "", 2});
  cases.push_back({"no_such_file.jsonl", dir / "no_such_file.jsonl", "",
                   "no such file or directory: " + (dir / "no_such_file.jsonl"), 0});
  return cases;
}

// "N articles read: N new, N duplicates skipped, N edges added, N errors" -> new and errors.
std::pair<int, int> NewAndErrors(const std::string& out) {
  std::smatch m;
  REQUIRE(
      std::regex_search(out, m, std::regex(R"((\d+) articles read: (\d+) new, .* (\d+) errors)")));
  return {std::stoi(m[2]), std::stoi(m[3])};
}

bool Stored(const std::string& db, const std::string& id) {
  geokg::graph::Store::Options options;
  options.read_only = true;
  auto store = geokg::graph::Store::Open(db, options);
  REQUIRE(store.ok());
  auto article = (*store)->GetArticle(id);
  REQUIRE(article.ok());
  return article->has_value();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("every bad input gets one error naming it, and the good articles are kept",
          "[cli][bad-input]") {
  TempDir dir;
  std::vector<Case> cases = FixtureCases();
  for (Case& c : GeneratedCases(dir)) cases.push_back(std::move(c));
  REQUIRE(cases.size() >= 30);

  std::string table = "| input | error | articles kept |\n|---|---|---|\n";
  int n = 0;
  for (const Case& c : cases) {
    INFO("input " << c.input);
    const std::string db = dir / fmt::format("db-{}", n++);
    auto r =
        RunGeokg(dir, fmt::format("ingest --db '{}' '{}' '{}' '{}'", db, kBefore, c.path, kAfter));
    const std::vector<std::string> errors = Lines(r.err);
    INFO("stderr: " << r.err);
    const bool failing = !c.message.empty();
    CHECK(r.status == (failing ? 1 : 0));
    REQUIRE(errors.size() == (failing ? 1u : 0u));
    if (failing) {
      const std::string prefix = c.where.empty() ? "geokg: " : "geokg: " + c.where + ": ";
      CHECK_THAT(errors[0], Catch::StartsWith(prefix + c.message));
    }
    const auto [added, error_count] = NewAndErrors(r.out);
    CHECK(added == 2 + c.kept);
    CHECK(error_count == (failing ? 1 : 0));
    CHECK(Stored(db, "before"));
    CHECK(Stored(db, "after"));

    std::string message =
        failing ? errors[0].substr(std::string("geokg: ").size()) : "(none: read as meant)";
    if (message.size() > 160) message = message.substr(0, 157) + "...";
    for (const std::string& root : {kFixtures, dir.path().string() + "/"}) {
      for (std::size_t at; (at = message.find(root)) != std::string::npos;)
        message.erase(at, root.size());
    }
    table += fmt::format("| {} | {} | {} of {} |\n", c.input, message, added, 2 + c.kept);
  }
  fmt::print("{} bad inputs:\n{}", cases.size(), table);
}

TEST_CASE("the largest article read is set by --max-article-bytes", "[cli][bad-input]") {
  TempDir dir;
  const std::string big = R"({"id": "big", "text": ")" + std::string(600, 'x') + "\"}";
  WriteBytes(dir / "mixed.jsonl", kGood1 + "\n" + big + "\n" + kGood3 + "\n");
  const std::string db = "--db '" + (dir / "db") + "'";

  auto limited =
      RunGeokg(dir, "ingest " + db + " --max-article-bytes 500 '" + (dir / "mixed.jsonl") + "'");
  CHECK(limited.status == 1);
  CHECK(limited.err ==
        fmt::format("geokg: {}:2: record of {} bytes is over the limit of 500 bytes\n",
                    dir / "mixed.jsonl", big.size()));
  CHECK(NewAndErrors(limited.out) == std::pair<int, int>(2, 1));

  auto roomy =
      RunGeokg(dir, "ingest " + db + " --max-article-bytes 1000 '" + (dir / "mixed.jsonl") + "'");
  CHECK(roomy.status == 0);
  CHECK(NewAndErrors(roomy.out) == std::pair<int, int>(1, 0));  // the big one, now within the limit

  for (const char* bad : {"0", "-1", "12x", "", "99999999999999999999"}) {
    auto wrong = RunGeokg(
        dir, "ingest " + db + " --max-article-bytes '" + bad + "' '" + (dir / "mixed.jsonl") + "'");
    INFO("--max-article-bytes '" << bad << "'");
    CHECK(wrong.status == 2);
    CHECK(wrong.err.find("--max-article-bytes") != std::string::npos);
  }
}
