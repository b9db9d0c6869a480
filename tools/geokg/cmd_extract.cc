#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "graph/model.h"
#include "ingest/extractor.h"
#include "ingest/reader.h"
#include "tools/geokg/commands.h"
#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

void PrintTsv(const graph::Article& article, const std::string& doc, const graph::EdgeDraft& e) {
  auto begin = std::min<std::size_t>(e.evidence.begin, doc.size());
  auto end = std::clamp<std::size_t>(e.evidence.end, begin, doc.size());
  fmt::print("{}\t{}\t{}\t{}\t{}\t{}\t{:.2f}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", TsvCell(article.id),
             TsvCell(e.source), e.relation, TsvCell(e.target), e.date.ToString(),
             graph::DatePrecisionName(e.date.precision), e.confidence, e.implied ? 1 : 0,
             e.inferred ? 1 : 0, TsvCell(e.evidence.speaker), e.evidence.rule, e.evidence.sentence,
             fmt::format("{}-{}", e.evidence.begin, e.evidence.end),
             TsvCell(doc.substr(begin, end - begin)));
}

void PrintJson(const graph::Article& article, const std::string& doc, const graph::EdgeDraft& e) {
  auto begin = std::min<std::size_t>(e.evidence.begin, doc.size());
  auto end = std::clamp<std::size_t>(e.evidence.end, begin, doc.size());
  fmt::print(
      "{{\"article_id\":{},\"source\":{},\"relation\":{},\"target\":{},\"event_date\":{},"
      "\"precision\":\"{}\",\"date_is_publication\":{},\"confidence\":{:.2f},\"implied\":{},"
      "\"inferred\":{},\"speaker\":{},\"rule\":{},"
      "\"sentence_index\":{},\"begin\":{},\"end\":{},\"sentence\":{}}}\n",
      JsonString(article.id), JsonString(e.source), JsonString(e.relation), JsonString(e.target),
      JsonString(e.date.ToString()), graph::DatePrecisionName(e.date.precision),
      e.date_is_publication ? "true" : "false", e.confidence, e.implied ? "true" : "false",
      e.inferred ? "true" : "false", JsonString(e.evidence.speaker), JsonString(e.evidence.rule),
      e.evidence.sentence, e.evidence.begin, e.evidence.end,
      JsonString(doc.substr(begin, end - begin)));
}

int RunExtract(const Args& args) {
  std::string format = args.Get("--format").value_or("tsv");
  if (format != "tsv" && format != "jsonl")
    return UsageError("extract", fmt::format("unknown format '{}' (tsv or jsonl)", format));
  auto extractor = LoadExtractor(args);
  if (!extractor) return kExitError;

  bool with_inferred = args.Has("--inferred");
  if (format == "tsv")
    fmt::print(
        "article_id\tsource\trelation\ttarget\tevent_date\tprecision\tconfidence\timplied\t"
        "inferred\tspeaker\trule\tsentence_index\toffsets\tsentence\n");
  bool failed = false;
  for (const auto& path : args.positional()) {
    Status s = ingest::ReadArticles(
        path,
        [&](graph::Article article, const ingest::Origin&) {
          ingest::Extraction extraction = extractor->Extract(article);
          std::string doc = article.Document();
          for (const auto& edge : extraction.edges) {
            if (edge.inferred && !with_inferred) continue;
            format == "tsv" ? PrintTsv(article, doc, edge) : PrintJson(article, doc, edge);
          }
        },
        [&](const ingest::ReadError& error) {
          failed = true;
          fmt::print(stderr, "geokg: {}\n", error.ToString());
        });
    if (!s.ok()) {
      failed = true;
      Fail(s);
    }
  }
  return failed ? kExitError : kExitOk;
}

}  // namespace

Command ExtractCommand() {
  return {{"extract",
           "[--format tsv|jsonl] [--inferred] [--data DIR] PATH...",
           "Print the edges the articles state, one per line, without a database.",
           {{"--format", "", "FORMAT", "tsv (default, with a header line) or jsonl"},
            {"--inferred", "", "",
             "also print edges whose source the context supplies rather than the sentence (the "
             "perpetrator the sentence before named); ingest stores them either way"},
            DataOption()},
           1,
           SIZE_MAX,
           "TSV columns: article_id source relation target event_date precision confidence\n"
           "implied inferred speaker rule sentence_index offsets sentence."},
          RunExtract};
}

}  // namespace geokg::cli
