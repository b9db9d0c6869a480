#include "tools/geokg/timeline_output.h"

#include <fmt/format.h>

#include "tools/geokg/table.h"

namespace geokg::cli {

namespace {

std::string When(const query::TimelineEvent& e) {
  return e.edge.date.known() ? e.edge.date.ToString() : "undated";
}

std::string Html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// " (implied)" when the wording only implies the edge, " (inferred)" when the context supplies its
// source.
std::string Basis(const graph::Edge& edge) {
  std::string_view basis = graph::EdgeBasis(edge);
  return basis.empty() ? "" : fmt::format(" ({})", basis);
}

std::string Headline(const query::TimelineEvent& e) {
  return fmt::format("{} {} {}{}", e.source, e.relation, e.target, Basis(e.edge));
}

}  // namespace

void PrintTimelineTable(std::FILE* out, const std::vector<query::TimelineEvent>& events) {
  for (const auto& e : events) {
    std::string when = When(e);
    if (e.edge.date_is_publication) when += " (published)";
    fmt::print(out, "{:<23} {}\n", when, Headline(e));
    std::string who = e.edge.evidence.speaker.empty() ? "" : e.edge.evidence.speaker + ": ";
    fmt::print(out, "{:<23} {}\"{}\"\n{:<23} [{} #{}] {}\n\n", "", who, e.evidence, "", e.edge.article_id,
               e.edge.evidence.sentence, e.title);
  }
  if (events.empty()) fmt::print(out, "no events\n");
}

void PrintTimelineJson(std::FILE* out, const std::vector<query::TimelineEvent>& events) {
  fmt::print(out, "{{\"events\": [");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    fmt::print(
        out,
        "{}\n  {{\"date\": {}, \"precision\": \"{}\", \"date_is_publication\": {}, \"source\": {}, "
        "\"relation\": {}, \"target\": {}, \"implied\": {}, \"inferred\": {}, "
        "\"confidence\": {:.2f}, \"speaker\": {}, \"evidence\": {}, \"article\": {}, \"sentence\": {}, \"title\": {}}}",
        i ? "," : "", e.edge.date.known() ? JsonString(e.edge.date.ToString()) : "null",
        graph::DatePrecisionName(e.edge.date.precision),
        e.edge.date_is_publication ? "true" : "false", JsonString(e.source), JsonString(e.relation),
        JsonString(e.target), e.edge.implied ? "true" : "false", e.edge.inferred ? "true" : "false",
        e.edge.confidence, JsonString(e.edge.evidence.speaker), JsonString(e.evidence),
        JsonString(e.edge.article_id), e.edge.evidence.sentence, JsonString(e.title));
  }
  fmt::print(out, "\n]}}\n");
}

void PrintTimelineJs(std::FILE* out, const std::string& title, const std::vector<query::TimelineEvent>& events) {
  fmt::print(out, "{{\"title\": {{\"text\": {{\"headline\": {}, \"text\": {}}}}},\n\"events\": [", JsonString(title),
             JsonString("Events extracted by geokg, with the sentence each comes from."));
  bool first = true;
  for (const auto& e : events) {
    const graph::Date& d = e.edge.date;
    if (!d.known()) continue;
    std::string start = fmt::format("\"year\": \"{}\"", d.year);
    if (d.month) start += fmt::format(", \"month\": \"{}\"", d.month);
    if (d.day) start += fmt::format(", \"day\": \"{}\"", d.day);
    std::string text = (e.edge.evidence.speaker.empty() ? "" : e.edge.evidence.speaker + ": ") + "\u201c" +
                       e.evidence + "\u201d (" + e.title + ")";
    fmt::print(out, "{}\n  {{\"start_date\": {{{}}}, \"text\": {{\"headline\": {}, \"text\": {}}}, \"group\": {}}}",
               first ? "" : ",", start, JsonString(Headline(e)), JsonString(Html(text)), JsonString(e.relation));
    first = false;
  }
  fmt::print(out, "\n]}}\n");
}

void PrintTimelineHtml(std::FILE* out, const std::string& title, const std::vector<query::TimelineEvent>& events) {
  fmt::print(out,
             "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title>\n<style>\n"
             "body{{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}}\n"
             "ol{{list-style:none;padding:0;border-left:3px solid #bbb}}\n"
             "li{{margin:0 0 1.2em 0;padding-left:1em;position:relative}}\n"
             "li:before{{content:'';position:absolute;left:-8px;top:.4em;width:13px;height:13px;"
             "border-radius:50%;background:#567}}\n"
             ".when{{font-weight:600;color:#456}} .rel{{font-weight:600}} .pub{{color:#888;font-size:90%}}\n"
             "blockquote{{margin:.3em 0;color:#444;font-style:italic}} .src{{color:#777;font-size:90%}}\n"
             "</style></head><body>\n<h1>{0}</h1>\n<p>{1} events in date order; undated events come last.</p>\n<ol>\n",
             Html(title), events.size());
  for (const auto& e : events) {
    fmt::print(
        out,
        "<li><span class=\"when\">{}</span>{} &mdash; {} <span class=\"rel\">{}</span> {}{}\n"
        "<blockquote>{}{}</blockquote><span class=\"src\">{} #{} &middot; {}</span></li>\n",
        Html(When(e)),
        e.edge.date_is_publication ? " <span class=\"pub\">(publication date)</span>" : "",
        Html(e.source), Html(e.relation), Html(e.target), Basis(e.edge),
        e.edge.evidence.speaker.empty() ? "" : Html(e.edge.evidence.speaker) + ": ",
        Html(e.evidence), Html(e.edge.article_id), e.edge.evidence.sentence, Html(e.title));
  }
  fmt::print(out, "</ol>\n</body></html>\n");
}

}  // namespace geokg::cli
