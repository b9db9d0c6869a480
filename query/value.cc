#include "query/value.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace geokg::query {

namespace {

std::string FloatText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // Fifteen significant digits hide the binary noise of sums and averages (0.84, not 0.8400000000000001);
  // a float prints with a point so that it reads differently from an integer, as in Neo4j.
  std::string s = fmt::format("{:.15g}", d);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string JsonText(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Inside lists and maps strings are quoted, so that ['a, b'] and ['a', 'b'] read differently.
std::string Nested(const Value& v) { return v.type() == Value::Type::kString ? Quoted(v.AsString()) : v.ToString(); }

std::string RelText(const Relationship& r) {
  std::string date = r.edge.date.known() ? " " + r.edge.date.ToString() : "";
  return "[:" + r.type + date + "]";
}

int Sign(double d) { return d < 0 ? -1 : (d > 0 ? 1 : 0); }

// The rank of a type in OrderCompare's order.
int Rank(Value::Type t) {
  switch (t) {
    case Value::Type::kMap: return 0;
    case Value::Type::kNode:
    case Value::Type::kArticle: return 1;
    case Value::Type::kRel: return 2;
    case Value::Type::kList: return 3;
    case Value::Type::kPath: return 4;
    case Value::Type::kDate: return 5;
    case Value::Type::kString: return 6;
    case Value::Type::kBool: return 7;
    case Value::Type::kInt:
    case Value::Type::kFloat: return 8;
    case Value::Type::kNull: break;
  }
  return 9;
}

int CompareNumbers(const Value& a, const Value& b) {
  if (a.type() == Value::Type::kInt && b.type() == Value::Type::kInt)
    return a.AsInt() < b.AsInt() ? -1 : (a.AsInt() > b.AsInt() ? 1 : 0);
  return Sign(a.AsNumber() - b.AsNumber());
}

int CompareLists(const List& a, const List& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (int c = OrderCompare(a[i], b[i]); c != 0) return c;
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

template <class T>
int Three(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

const char* TypeName(Value::Type type) {
  switch (type) {
    case Value::Type::kNull: return "null";
    case Value::Type::kBool: return "boolean";
    case Value::Type::kInt: return "integer";
    case Value::Type::kFloat: return "float";
    case Value::Type::kString: return "string";
    case Value::Type::kDate: return "date";
    case Value::Type::kList: return "list";
    case Value::Type::kMap: return "map";
    case Value::Type::kNode: return "node";
    case Value::Type::kRel: return "relationship";
    case Value::Type::kPath: return "path";
    case Value::Type::kArticle: return "node";
  }
  return "?";
}

std::string Value::ToString() const {
  switch (type()) {
    case Type::kNull: return "null";
    case Type::kBool: return AsBool() ? "true" : "false";
    case Type::kInt: return std::to_string(AsInt());
    case Type::kFloat: return FloatText(AsFloat());
    case Type::kString: return AsString();
    case Type::kDate: return AsDate().ToString();
    case Type::kList: {
      std::string out = "[";
      for (const Value& v : AsList()) out += (out.size() > 1 ? ", " : "") + Nested(v);
      return out + "]";
    }
    case Type::kMap: {
      std::string out = "{";
      for (const auto& [k, v] : AsMap()) out += (out.size() > 1 ? ", " : "") + k + ": " + Nested(v);
      return out + "}";
    }
    case Type::kNode: return "(" + AsNode().name + ")";
    case Type::kArticle: return "(:Article " + AsArticle().id + ")";
    case Type::kRel: return RelText(AsRel());
    case Type::kPath: {
      const Path& p = AsPath();
      std::string out = p.nodes.empty() ? "" : p.nodes[0].ToString();
      for (std::size_t i = 0; i < p.rels.size() && i + 1 < p.nodes.size(); ++i) {
        const Relationship& r = p.rels[i].AsRel();
        bool forward = r.edge.source == p.nodes[i].AsNode().id;
        out += (forward ? "-" : "<-") + RelText(r) + (forward ? "->" : "-") + p.nodes[i + 1].ToString();
      }
      return out;
    }
  }
  return "";
}

std::string Value::ToJson() const {
  switch (type()) {
    case Type::kNull: return "null";
    case Type::kBool:
    case Type::kInt: return ToString();
    case Type::kFloat: return std::isfinite(AsFloat()) ? ToString() : "null";
    case Type::kString:
    case Type::kDate: return JsonText(ToString());
    case Type::kList: {
      std::string out = "[";
      for (const Value& v : AsList()) out += (out.size() > 1 ? "," : "") + v.ToJson();
      return out + "]";
    }
    case Type::kMap: {
      std::string out = "{";
      for (const auto& [k, v] : AsMap()) out += (out.size() > 1 ? "," : "") + JsonText(k) + ":" + v.ToJson();
      return out + "}";
    }
    case Type::kNode: {
      const graph::Actor& a = AsNode();
      std::string aliases = "[";
      for (const auto& s : a.aliases) aliases += (aliases.size() > 1 ? "," : "") + JsonText(s);
      return fmt::format(R"({{"id":{},"name":{},"kind":{},"code":{},"aliases":{}]}})", a.id, JsonText(a.name),
                         JsonText(std::string(graph::ActorKindName(a.kind))),
                         a.code.empty() ? "null" : JsonText(a.code), aliases);
    }
    case Type::kRel: {
      const Relationship& r = AsRel();
      const graph::Edge& e = r.edge;
      return fmt::format(R"({{"id":{},"type":{},"source":{},"target":{},"date":{},"article":{},"sentence":{}}})",
                         e.id, JsonText(r.type), e.source, e.target,
                         e.date.known() ? JsonText(e.date.ToString()) : "null", JsonText(e.article_id),
                         e.evidence.sentence);
    }
    case Type::kArticle: {
      const graph::Article& a = AsArticle();
      auto text_or_null = [](const std::string& s) { return s.empty() ? std::string("null") : JsonText(s); };
      return fmt::format(R"({{"id":{},"title":{},"url":{},"outlet":{},"date":{}}})", JsonText(a.id),
                         JsonText(a.title), text_or_null(a.url), text_or_null(a.outlet),
                         text_or_null(a.published.ToString()));
    }
    case Type::kPath: {
      const Path& p = AsPath();
      std::string nodes = "[", rels = "[";
      for (const Value& v : p.nodes) nodes += (nodes.size() > 1 ? "," : "") + v.ToJson();
      for (const Value& v : p.rels) rels += (rels.size() > 1 ? "," : "") + v.ToJson();
      return R"({"nodes":)" + nodes + R"(],"relationships":)" + rels + "]}";
    }
  }
  return "null";
}

std::optional<graph::Date> AsDateLike(const Value& v) {
  if (v.type() == Value::Type::kDate) return v.AsDate();
  if (v.type() == Value::Type::kString) return graph::Date::Parse(v.AsString());
  return std::nullopt;
}

int OrderCompare(const Value& a, const Value& b) {
  int ra = Rank(a.type()), rb = Rank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  // Actors and articles share a rank; actors come first.
  if (a.type() != b.type() && !a.is_number()) return a.type() == Value::Type::kNode ? -1 : 1;
  switch (a.type()) {
    case Value::Type::kNull: return 0;
    case Value::Type::kBool: return Three(a.AsBool(), b.AsBool());
    case Value::Type::kInt:
    case Value::Type::kFloat: return CompareNumbers(a, b);
    case Value::Type::kString: return Three(a.AsString(), b.AsString());
    case Value::Type::kDate: return Three(a.AsDate().Packed(), b.AsDate().Packed());
    case Value::Type::kList: return CompareLists(a.AsList(), b.AsList());
    case Value::Type::kMap: {
      const Map& x = a.AsMap();
      const Map& y = b.AsMap();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = Three(x[i].first, y[i].first); c != 0) return c;
        if (int c = OrderCompare(x[i].second, y[i].second); c != 0) return c;
      }
      return Three(x.size(), y.size());
    }
    case Value::Type::kNode: return Three(a.AsNode().id, b.AsNode().id);
    case Value::Type::kArticle: return Three(a.AsArticle().id, b.AsArticle().id);
    case Value::Type::kRel: return Three(a.AsRel().edge.id, b.AsRel().edge.id);
    case Value::Type::kPath: {
      if (int c = CompareLists(a.AsPath().nodes, b.AsPath().nodes); c != 0) return c;
      return CompareLists(a.AsPath().rels, b.AsPath().rels);
    }
  }
  return 0;
}

namespace {

std::size_t Mix(std::size_t seed, std::size_t h) { return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); }

std::size_t HashList(std::size_t seed, const List& items) {
  for (const Value& v : items) seed = Mix(seed, OrderHash(v));
  return seed;
}

}  // namespace

std::size_t OrderHash(const Value& v) {
  const auto rank = static_cast<std::size_t>(Rank(v.type()));
  switch (v.type()) {
    case Value::Type::kNull: return rank;
    case Value::Type::kBool: return Mix(rank, v.AsBool());
    case Value::Type::kInt:
    case Value::Type::kFloat: {
      double d = v.AsNumber();
      return Mix(rank, std::hash<double>()(d == 0 ? 0.0 : d));  // -0.0 == 0.0
    }
    case Value::Type::kString: return Mix(rank, std::hash<std::string>()(v.AsString()));
    case Value::Type::kDate: return Mix(rank, v.AsDate().Packed());
    case Value::Type::kList: return HashList(rank, v.AsList());
    case Value::Type::kMap: {
      std::size_t h = rank;
      for (const auto& [key, value] : v.AsMap()) h = Mix(Mix(h, std::hash<std::string>()(key)), OrderHash(value));
      return h;
    }
    case Value::Type::kNode: return Mix(rank, v.AsNode().id);
    case Value::Type::kArticle: return Mix(rank, std::hash<std::string>()(v.AsArticle().id));
    case Value::Type::kRel: return Mix(rank, std::hash<graph::EdgeId>()(v.AsRel().edge.id));
    case Value::Type::kPath: return HashList(HashList(rank, v.AsPath().nodes), v.AsPath().rels);
  }
  return rank;
}

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0;
  if (a.type() == Value::Type::kDate || b.type() == Value::Type::kDate) {
    auto x = AsDateLike(a), y = AsDateLike(b);
    return x && y && *x == *y;
  }
  if (a.type() != b.type()) return false;
  if (a.type() == Value::Type::kList) {
    const List& x = a.AsList();
    const List& y = b.AsList();
    if (x.size() != y.size()) return false;
    bool unknown = false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      auto e = Equals(x[i], y[i]);
      if (e && !*e) return false;
      if (!e) unknown = true;
    }
    if (unknown) return std::nullopt;
    return true;
  }
  return OrderCompare(a, b) == 0;
}

std::optional<int> Compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b);
  if (a.type() == Value::Type::kDate || b.type() == Value::Type::kDate) {
    auto x = AsDateLike(a), y = AsDateLike(b);
    if (!x || !y) return std::nullopt;
    return Three(x->Packed(), y->Packed());
  }
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case Value::Type::kString:
    case Value::Type::kBool:
    case Value::Type::kList: return OrderCompare(a, b);
    default: return std::nullopt;
  }
}

}  // namespace geokg::query
