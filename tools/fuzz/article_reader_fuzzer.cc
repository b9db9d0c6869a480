// libFuzzer target: the article readers (ingest/reader.h) on arbitrary bytes. The first byte picks
// the reader (JSON Lines, a .json file, a text file, or a whole file through ReadArticles with its
// encoding and binary checks) and the second a small article size limit, so that the limit paths
// are reached too. Every article handed out must be valid UTF-8 without NUL bytes and have an id
// and text; every error must say what is wrong. A crash, a sanitizer report or a broken promise is
// a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/jsonl_reader.h"
#include "ingest/line_reader.h"
#include "ingest/reader.h"
#include "ingest/reader_utf8.h"
#include "ingest/text_reader.h"

namespace {

using geokg::ingest::Origin;
using geokg::ingest::ReadError;

void CheckArticle(const geokg::graph::Article& article, const Origin&) {
  if (article.id.empty() || article.text.empty()) __builtin_trap();
  for (const std::string* field :
       {&article.id, &article.url, &article.title, &article.outlet, &article.text}) {
    if (field->find('\0') != std::string::npos) __builtin_trap();
    if (geokg::ingest::FindInvalidUtf8(*field)) __builtin_trap();
  }
}

void CheckError(const ReadError& error) {
  if (error.message.empty() || error.origin.file.empty()) __builtin_trap();
}

// A file of this process's own, for the mode that goes through ReadArticles and its file checks;
// removed when the process exits normally (libFuzzer calls exit at the end of a run).
class ScratchFile {
 public:
  static const std::string& Path() {
    static const ScratchFile file;
    return file.path_;
  }

 private:
  ScratchFile() : path_("/tmp/geokg-fuzz-reader-" + std::to_string(::getpid()) + ".json") {}
  ~ScratchFile() { std::remove(path_.c_str()); }
  std::string path_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const unsigned mode = data[0] % 4;
  geokg::ingest::ReadLimits limits;
  // 0 keeps the default; otherwise a limit from 16 to 4096 bytes.
  if (data[1] != 0) limits.max_article_bytes = 16u * data[1];
  const std::string bytes(reinterpret_cast<const char*>(data) + 2, size - 2);

  if (mode == 3) {
    {
      std::ofstream out(ScratchFile::Path(), std::ios::binary | std::ios::trunc);
      out << bytes;
    }
    auto status =
        geokg::ingest::ReadArticles(ScratchFile::Path(), CheckArticle, CheckError, limits);
    if (!status.ok() && status.message().empty()) __builtin_trap();
    return 0;
  }
  std::istringstream stream(bytes);
  geokg::ingest::LineReader in(stream);
  if (mode == 2) {
    geokg::ingest::ReadTextArticle(in, "fuzz.txt", "fuzz", limits, CheckArticle, CheckError);
  } else {
    geokg::ingest::ReadJsonArticles(in, mode == 1 ? "fuzz.json" : "fuzz.jsonl", "fuzz", mode == 1,
                                    limits, CheckArticle, CheckError);
  }
  return 0;
}
