#include "tools/kuzu/kuzu_csv.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace geokg::kuzu {

namespace {

// RFC 4180 quoting; an empty field is what Kuzu reads as null.
std::string Field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Kuzu's list literal in a CSV field: [a,b], each element quoted with ' when it holds a separator.
std::string ListField(const std::vector<std::string>& items) {
  std::string list = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& s = items[i];
    bool quote = s.find_first_of(",[]'\"{}") != std::string::npos;
    std::string item;
    for (char c : s) item += quote && c == '\'' ? std::string("\\'") : std::string(1, c);
    list += (i ? "," : "") + (quote ? "'" + item + "'" : item);
  }
  return Field(list + "]");
}

std::string TypeName(const std::string& stored) {
  std::string out;
  for (char c : stored) {
    auto u = static_cast<unsigned char>(c);
    out += std::isalnum(u) ? static_cast<char>(std::toupper(u)) : '_';
  }
  return out;
}

// The confidence through its shortest text, as geokg's queries read it.
std::string Confidence(float f) { return fmt::format("{}", f); }

class Files {
 public:
  explicit Files(std::string dir) : dir_(std::move(dir)) {}

  std::ofstream* Open(const std::string& name, const std::string& header) {
    auto& slot = files_[name];
    if (!slot) {
      slot = std::make_unique<std::ofstream>(Path(name), std::ios::binary | std::ios::trunc);
      if (!header.empty()) *slot << header << "\n";
    }
    return slot.get();
  }
  std::string Path(const std::string& name) const {
    return (std::filesystem::path(dir_) / name).string();
  }

  Status Close() {
    for (auto& [name, file] : files_) {
      file->close();
      if (!*file) return Status::IOError(fmt::format("cannot write '{}'", Path(name)));
    }
    return Status::OK();
  }

 private:
  std::string dir_;
  std::map<std::string, std::unique_ptr<std::ofstream>> files_;
};

}  // namespace

Status WriteKuzuFiles(graph::Store* store, const std::string& dir) {
  auto actors = store->Actors();
  if (!actors.ok()) return actors.status();
  auto relations = store->Relations();
  if (!relations.ok()) return relations.status();
  Files files(std::filesystem::absolute(dir).string());

  std::map<graph::ActorId, std::string> names;
  std::ofstream* out = files.Open("actors.csv", "name,kind,code,aliases");
  for (const auto& a : *actors) {
    names[a.id] = a.name;
    *out << Field(a.name) << "," << graph::ActorKindName(a.kind) << "," << Field(a.code) << ","
         << ListField(a.aliases) << "\n";
  }

  bool all_days = true;
  out = files.Open("articles.csv", "id,title,url,outlet,date");
  Status s = store->ScanArticles([&](const graph::Article& a) {
    all_days =
        all_days && (!a.published.known() || a.published.precision == graph::DatePrecision::kDay);
    *out << Field(a.id) << "," << Field(a.title) << "," << Field(a.url) << "," << Field(a.outlet)
         << "," << a.published.ToString() << "\n";
    return true;
  });
  if (!s.ok()) return s;

  std::map<graph::RelationId, std::string> types;
  for (const auto& r : *relations) types[r.id] = TypeName(r.name);
  const std::string rel_header =
      "from,to,date,precision,article,sentence,speaker,confidence,implied,inferred";
  for (const auto& [id, type] : types) files.Open(type + ".csv", rel_header);
  s = store->ScanEdges({}, [&](const graph::Edge& e) {
    all_days = all_days && (!e.date.known() || e.date.precision == graph::DatePrecision::kDay);
    std::ofstream* f = files.Open(types[e.relation] + ".csv", rel_header);
    *f << Field(names[e.source]) << "," << Field(names[e.target]) << "," << e.date.ToString() << ","
       << (e.date.known() ? graph::DatePrecisionName(e.date.precision) : "") << ","
       << Field(e.article_id) << "," << e.evidence.sentence << "," << Field(e.evidence.speaker)
       << "," << Confidence(e.confidence) << "," << (e.implied ? "true" : "false") << ","
       << (e.inferred ? "true" : "false") << "\n";
    return true;
  });
  if (!s.ok()) return s;

  const char* date = all_days ? "DATE" : "STRING";
  out = files.Open("load.cypher", "");
  *out << "CREATE NODE TABLE Actor(name STRING, kind STRING, code STRING, aliases STRING[], "
          "PRIMARY KEY(name))\n"
       << fmt::format(
              "CREATE NODE TABLE Article(id STRING, title STRING, url STRING, outlet STRING, date "
              "{}, "
              "PRIMARY KEY(id))\n",
              date);
  for (const auto& [id, type] : types)
    *out << fmt::format(
        "CREATE REL TABLE {}(FROM Actor TO Actor, date {}, precision STRING, article STRING, "
        "sentence INT64, speaker STRING, confidence DOUBLE, implied BOOLEAN, inferred BOOLEAN)\n",
        type, date);
  *out << fmt::format("COPY Actor FROM '{}' (HEADER=true)\n", files.Path("actors.csv"));
  *out << fmt::format("COPY Article FROM '{}' (HEADER=true)\n", files.Path("articles.csv"));
  for (const auto& [id, type] : types)
    *out << fmt::format("COPY {} FROM '{}' (HEADER=true)\n", type, files.Path(type + ".csv"));
  return files.Close();
}

}  // namespace geokg::kuzu
