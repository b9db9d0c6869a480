// The scalar functions, the property names of nodes and relationships, and the node labels.
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "query/eval.h"

namespace geokg::query {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::vector<FunctionInfo>& Functions() {
  static const std::vector<FunctionInfo> kFunctions = {
      {"count", 0, 1, true},      {"collect", 1, 1, true},   {"min", 1, 1, true},
      {"max", 1, 1, true},        {"sum", 1, 1, true},       {"avg", 1, 1, true},
      {"type", 1, 1},             {"id", 1, 1},              {"labels", 1, 1},
      {"toLower", 1, 1},          {"toUpper", 1, 1},         {"toString", 1, 1},
      {"toInteger", 1, 1},        {"toFloat", 1, 1},         {"size", 1, 1},
      {"length", 1, 1},           {"coalesce", 1, -1},       {"nodes", 1, 1},
      {"relationships", 1, 1},    {"date", 1, 1},            {"abs", 1, 1},
      {"head", 1, 1},             {"last", 1, 1},            {"trim", 1, 1},
      {"startNode", 1, 1},        {"endNode", 1, 1},         {"keys", 1, 1},
      {"range", 2, 3},
  };
  return kFunctions;
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The confidence is stored as a float; reading it through its shortest text keeps 0.9 from becoming
// 0.899999976.
double FloatToDouble(float f) { return std::strtod(fmt::format("{}", f).c_str(), nullptr); }

Value StringList(const std::vector<std::string>& items) {
  List out;
  for (const auto& s : items) out.push_back(Value::String(s));
  return Value::OfList(std::move(out));
}


Result<Value> ToInteger(const Value& v) {
  switch (v.type()) {
    case Value::Type::kInt: return v;
    case Value::Type::kFloat:
      if (!std::isfinite(v.AsFloat()) || std::fabs(v.AsFloat()) > 9.2e18) return Value();
      return Value::Int(static_cast<std::int64_t>(v.AsFloat()));
    case Value::Type::kString: {
      std::int64_t i = 0;
      const std::string& s = v.AsString();
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
      if (ec == std::errc() && ptr == s.data() + s.size()) return Value::Int(i);
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && end == s.c_str() + s.size()) return ToInteger(Value::Float(d));
      return Value();
    }
    default: return Value();
  }
}

Value ToFloat(const Value& v) {
  if (v.is_number()) return Value::Float(v.AsNumber());
  if (v.type() != Value::Type::kString) return Value();
  const std::string& s = v.AsString();
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size() ? Value::Float(d) : Value();
}

Value Keys(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNode: return StringList(NodeProperties());
    case Value::Type::kArticle: return StringList(ArticleProperties());
    case Value::Type::kRel: return StringList(RelProperties());
    case Value::Type::kMap: {
      std::vector<std::string> keys;
      for (const auto& [k, value] : v.AsMap()) keys.push_back(k);
      return StringList(keys);
    }
    default: return Value();
  }
}

Result<Value> Range(const Expr& call, const std::vector<Value>& args, ExecContext* ctx) {
  for (const Value& a : args)
    if (a.type() != Value::Type::kInt) return ctx->ErrorAt(call.offset, "range() takes integers");
  std::int64_t from = args[0].AsInt(), to = args[1].AsInt(), step = args.size() > 2 ? args[2].AsInt() : 1;
  if (step == 0) return ctx->ErrorAt(call.offset, "range() needs a step other than 0");
  List out;
  for (std::int64_t i = from; step > 0 ? i <= to : i >= to; i += step) {
    if (out.size() >= 1000000) return Status::LimitExceeded("range() would produce more than 1000000 values");
    if (Status s = ctx->Tick(); !s.ok()) return s;
    out.push_back(Value::Int(i));
  }
  return Value::OfList(std::move(out));
}

Result<Value> Dispatch(const std::string& f, const Expr& call, const std::vector<Value>& args, ExecContext* ctx) {
  if (f == "coalesce") {
    for (const Value& v : args)
      if (!v.is_null()) return v;
    return Value();
  }
  if (f == "range") return Range(call, args, ctx);
  const Value& v = args[0];
  if (v.is_null()) return Value();
  using T = Value::Type;
  const T t = v.type();
  auto wrong = [&]() -> Status {
    return ctx->ErrorAt(call.offset, fmt::format("{}() does not take {} {}", call.name, TypeName(t), v.ToString()));
  };
  if (f == "type") return t == T::kRel ? Result<Value>(Value::String(v.AsRel().type)) : wrong();
  if (f == "id") {
    if (t == T::kNode) return Value::Int(v.AsNode().id);
    if (t == T::kRel) return Value::Int(static_cast<std::int64_t>(v.AsRel().edge.id));
    // An article has no number of its own; its id is the source's, a string.
    if (t == T::kArticle) return Value::String(v.AsArticle().id);
    return wrong();
  }
  if (f == "labels") return v.is_node() ? Result<Value>(StringList(LabelsOf(v))) : wrong();
  if (f == "tolower" || f == "toupper" || f == "trim") {
    if (t != T::kString) return wrong();
    std::string s = v.AsString();
    if (f == "trim") {
      std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
      return Value::String(b == std::string::npos ? "" : s.substr(b, e - b + 1));
    }
    for (char& c : s)
      c = static_cast<char>(f == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                           : std::toupper(static_cast<unsigned char>(c)));
    return Value::String(std::move(s));
  }
  if (f == "tostring") {
    if (t == T::kList || t == T::kMap || v.is_node() || t == T::kRel || t == T::kPath) return wrong();
    return Value::String(v.ToString());
  }
  if (f == "tointeger") return ToInteger(v);
  if (f == "tofloat") return ToFloat(v);
  if (f == "size" || f == "length") {
    if (t == T::kString) return Value::Int(static_cast<std::int64_t>(CodePoints(v.AsString())));
    if (t == T::kList) return Value::Int(static_cast<std::int64_t>(v.AsList().size()));
    if (t == T::kPath) return Value::Int(static_cast<std::int64_t>(v.AsPath().rels.size()));
    return wrong();
  }
  if (f == "nodes") return t == T::kPath ? Result<Value>(Value::OfList(v.AsPath().nodes)) : wrong();
  if (f == "relationships") return t == T::kPath ? Result<Value>(Value::OfList(v.AsPath().rels)) : wrong();
  if (f == "date") {
    auto d = AsDateLike(v);
    if (!d) return ctx->ErrorAt(call.offset, fmt::format("date() cannot read {} as YYYY, YYYY-MM or YYYY-MM-DD",
                                                         t == T::kString ? "'" + v.AsString() + "'" : v.ToString()));
    return Value::OfDate(*d);
  }
  if (f == "abs") {
    if (t == T::kInt && v.AsInt() == std::numeric_limits<std::int64_t>::min())
      return ctx->ErrorAt(call.offset, "integer overflow");
    if (t == T::kInt) return Value::Int(std::llabs(v.AsInt()));
    if (t == T::kFloat) return Value::Float(std::fabs(v.AsFloat()));
    return wrong();
  }
  if (f == "head" || f == "last") {
    if (t != T::kList) return wrong();
    const List& list = v.AsList();
    if (list.empty()) return Value();
    return f == "head" ? list.front() : list.back();
  }
  if (f == "startnode" || f == "endnode") {
    if (t != T::kRel) return wrong();
    const graph::Edge& e = v.AsRel().edge;
    auto node = ctx->Node(f == "startnode" ? e.source : e.target);
    if (!node.ok()) return node.status();
    return Value::Node(*node);
  }
  if (f == "keys") return Keys(v);
  return ctx->ErrorAt(call.offset, "unknown function " + call.name);
}

}  // namespace

const std::vector<std::string>& NodeProperties() {
  static const std::vector<std::string> kNames = {"name", "kind", "code", "aliases"};
  return kNames;
}

const std::vector<std::string>& ArticleProperties() {
  static const std::vector<std::string> kNames = {"id", "title", "url", "outlet", "date"};
  return kNames;
}

const std::vector<std::string>& RelProperties() {
  static const std::vector<std::string> kNames = {"date",    "precision",  "article", "sentence",
                                                  "speaker", "confidence", "implied", "inferred"};
  return kNames;
}

const std::vector<std::string>& NodeLabels() {
  static const std::vector<std::string> kLabels = {"Actor", "State", "Organization", "Group",
                                                   std::string(kArticleLabel)};
  return kLabels;
}

std::vector<std::string> LabelsOf(const Value& node) {
  if (node.type() == Value::Type::kArticle) return {std::string(kArticleLabel)};
  std::vector<std::string> labels = {"Actor"};
  for (const auto& label : NodeLabels())
    if (LabelKind(label) == node.AsNode().kind) labels.push_back(label);
  return labels;
}

std::optional<graph::ActorKind> LabelKind(std::string_view label) {
  if (label == "State") return graph::ActorKind::kState;
  if (label == "Organization") return graph::ActorKind::kOrganization;
  if (label == "Group") return graph::ActorKind::kGroup;
  return std::nullopt;
}

const FunctionInfo* FindFunction(std::string_view name) {
  std::string lower = Lower(name);
  for (const auto& f : Functions())
    if (Lower(f.name) == lower) return &f;
  return nullptr;
}

std::vector<std::string> FunctionNames() {
  std::vector<std::string> names;
  for (const auto& f : Functions()) names.push_back(f.name);
  return names;
}

Result<Value> CallFunction(const Expr& call, const std::vector<Value>& args, ExecContext* ctx) {
  if (args.empty()) return ctx->ErrorAt(call.offset, call.name + "() needs an argument");
  return Dispatch(Lower(call.name), call, args, ctx);
}

Result<Value> PropertyOf(const Value& v, const std::string& key, ExecContext* ctx) {
  switch (v.type()) {
    case Value::Type::kNode: {
      const graph::Actor& a = v.AsNode();
      if (key == "name") return Value::String(a.name);
      if (key == "kind") return Value::String(std::string(graph::ActorKindName(a.kind)));
      if (key == "code") return a.code.empty() ? Value() : Value::String(a.code);
      if (key == "aliases") return StringList(a.aliases);
      return Value();
    }
    case Value::Type::kRel: {
      const graph::Edge& key_fields = v.AsRel().edge;
      if (key == "date") return key_fields.date.known() ? Value::OfDate(key_fields.date) : Value();
      if (key == "precision")
        return key_fields.date.known()
                   ? Value::String(std::string(graph::DatePrecisionName(key_fields.date.precision)))
                   : Value();
      auto full = ctx->FullEdge(v.AsRel());
      if (!full.ok()) return full.status();
      const graph::Edge& e = **full;
      if (key == "article") return Value::String(e.article_id);
      if (key == "sentence") return Value::Int(e.evidence.sentence);
      if (key == "speaker") return e.evidence.speaker.empty() ? Value() : Value::String(e.evidence.speaker);
      if (key == "confidence") return Value::Float(FloatToDouble(e.confidence));
      if (key == "implied") return Value::Bool(e.implied);
      if (key == "inferred") return Value::Bool(e.inferred);
      return Value();
    }
    case Value::Type::kArticle: {
      const graph::Article& a = v.AsArticle();
      auto text = [](const std::string& s) { return s.empty() ? Value() : Value::String(s); };
      if (key == "id") return Value::String(a.id);
      if (key == "title") return Value::String(a.title);
      if (key == "url") return text(a.url);
      if (key == "outlet") return text(a.outlet);
      if (key == "date") return a.published.known() ? Value::OfDate(a.published) : Value();
      return Value();
    }
    case Value::Type::kMap:
      for (const auto& [k, value] : v.AsMap())
        if (k == key) return value;
      return Value();
    case Value::Type::kDate: {
      const graph::Date& d = v.AsDate();
      int part = key == "year" ? d.year : key == "month" ? d.month : key == "day" ? d.day : 0;
      return part ? Value::Int(part) : Value();
    }
    default: return Value();
  }
}

}  // namespace geokg::query
