// Value: what a query expression evaluates to. null, bool, int, float, string, date, list, map, node
// (an actor), relationship (an edge), path and article (a node too, labelled :Article, which no relationship
// touches).
//
// Values are cheap to copy: strings are held by value, everything larger (lists, maps, nodes, edges, paths)
// behind a shared pointer to an immutable object.
//
// Dates: an edge's `date` property is a date value, null when the edge has no known date. A date keeps its
// precision and prints as "2025-02-10", "2025-02" or "2025"; dates order by graph::Date::Packed(), so a coarser
// date sorts before every finer date inside it. Comparing a date with a string parses the string as a date,
// so `r.date >= '2025-02'` means the same as `r.date >= date('2025-02')`.
#ifndef GEOKG_QUERY_VALUE_H_
#define GEOKG_QUERY_VALUE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "graph/model.h"

namespace geokg::query {

class Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;  // in insertion order, keys unique

// An edge together with the name of its relation type, upper-cased as queries spell it ("ACCUSES").
// Expansions read only the store's index keys, so an edge they find is not `complete`: only its id,
// ends, relation and date are set until ExecContext::FullEdge reads the record, which the properties
// kept there (article, sentence, speaker, confidence, implied) and the query's results need.
struct Relationship {
  graph::Edge edge;
  std::string type;
  bool complete = true;
};

// Nodes and relationships alternate: nodes.size() == rels.size() + 1.
struct Path {
  std::vector<Value> nodes;
  std::vector<Value> rels;
};

using NodePtr = std::shared_ptr<const graph::Actor>;
using RelPtr = std::shared_ptr<const Relationship>;
using ListPtr = std::shared_ptr<const List>;
using MapPtr = std::shared_ptr<const Map>;
using PathPtr = std::shared_ptr<const Path>;
// An article as a query sees it: without its text, which no property exposes.
using ArticlePtr = std::shared_ptr<const graph::Article>;

class Value {
 public:
  enum class Type { kNull, kBool, kInt, kFloat, kString, kDate, kList, kMap, kNode, kRel, kPath, kArticle };

  Value() = default;
  static Value Bool(bool b) { return Value(Rep(b)); }
  static Value Int(std::int64_t i) { return Value(Rep(i)); }
  static Value Float(double d) { return Value(Rep(d)); }
  static Value String(std::string s) { return Value(Rep(std::move(s))); }
  static Value OfDate(graph::Date d) { return Value(Rep(d)); }
  static Value OfList(List items) { return Value(Rep(std::make_shared<const List>(std::move(items)))); }
  static Value OfMap(Map entries) { return Value(Rep(std::make_shared<const Map>(std::move(entries)))); }
  static Value Node(NodePtr actor) { return Value(Rep(std::move(actor))); }
  static Value Rel(RelPtr rel) { return Value(Rep(std::move(rel))); }
  static Value OfPath(Path path) { return Value(Rep(std::make_shared<const Path>(std::move(path)))); }
  static Value OfArticle(ArticlePtr article) { return Value(Rep(std::move(article))); }

  Type type() const { return static_cast<Type>(rep_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_number() const { return type() == Type::kInt || type() == Type::kFloat; }
  // An actor or an article: what a node pattern binds.
  bool is_node() const { return type() == Type::kNode || type() == Type::kArticle; }

  // Preconditions: type() is the one named.
  bool AsBool() const { return std::get<bool>(rep_); }
  std::int64_t AsInt() const { return std::get<std::int64_t>(rep_); }
  double AsFloat() const { return std::get<double>(rep_); }
  // An int or a float as a double.
  double AsNumber() const { return type() == Type::kInt ? static_cast<double>(AsInt()) : AsFloat(); }
  const std::string& AsString() const { return std::get<std::string>(rep_); }
  const graph::Date& AsDate() const { return std::get<graph::Date>(rep_); }
  const List& AsList() const { return *std::get<ListPtr>(rep_); }
  const Map& AsMap() const { return *std::get<MapPtr>(rep_); }
  const graph::Actor& AsNode() const { return *std::get<NodePtr>(rep_); }
  const Relationship& AsRel() const { return *std::get<RelPtr>(rep_); }
  const Path& AsPath() const { return *std::get<PathPtr>(rep_); }
  const graph::Article& AsArticle() const { return *std::get<ArticlePtr>(rep_); }

  // Whether `other` is this very value: the same scalar, or the same shared object. Cheaper than a copy,
  // which touches reference counts, so that a row refilled from the same input can skip what it holds.
  bool Identical(const Value& other) const {
    if (rep_.index() != other.rep_.index()) return false;
    if (rep_.index() == 0) return true;  // null, what most slots of a row hold
    if (const auto* node = std::get_if<NodePtr>(&rep_)) return node->get() == std::get<NodePtr>(other.rep_).get();
    return std::visit(
        [&](const auto& mine) {
          using T = std::decay_t<decltype(mine)>;
          const T& theirs = std::get<T>(other.rep_);
          if constexpr (std::is_same_v<T, std::monostate>) {
            return true;
          } else if constexpr (std::is_same_v<T, double>) {
            return false;  // NaN and -0.0: assigning is always right
          } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> ||
                               std::is_same_v<T, std::string> || std::is_same_v<T, graph::Date>) {
            return mine == theirs;
          } else {
            return mine.get() == theirs.get();
          }
        },
        rep_);
  }

  // The text a result cell shows: strings bare, null as "null", floats always with a point ("2.0"), dates
  // as "2025-02-10", nodes as "(Iran)", articles as "(:Article a1)", relationships as "[:ACCUSES 2025-02-10]",
  // lists and maps with their strings quoted: "['Tehran', 'Persia']".
  std::string ToString() const;
  // The value as JSON: nodes, articles and relationships become objects of their properties.
  std::string ToJson() const;

 private:
  using Rep = std::variant<std::monostate, bool, std::int64_t, double, std::string, graph::Date, ListPtr, MapPtr,
                           NodePtr, RelPtr, PathPtr, ArticlePtr>;
  explicit Value(Rep rep) : rep_(std::move(rep)) {}
  Rep rep_;
};

// Cypher's name of a type, for error messages: "null", "boolean", "integer", "float", "string", "date",
// "list", "map", "node" (actors and articles), "relationship", "path".
const char* TypeName(Value::Type type);

// The total order ORDER BY, min, max, DISTINCT and grouping use: values of different types order by type
// (map, node, relationship, list, path, date, string, boolean, number, null last); ints and floats compare
// as numbers, actors sort before articles. Returns <0, 0 or >0.
int OrderCompare(const Value& a, const Value& b);

// A hash that agrees with OrderCompare: values it calls equal hash alike (ints and floats by their numeric
// value), so that grouping and DISTINCT can use hash tables. NaN is the exception, as it is to any order.
std::size_t OrderHash(const Value& v);

// Cypher's `=`: nullopt (null) when either side is or holds a null, else whether the values are equal.
// Values of different types are unequal, except ints with floats and dates with date strings.
std::optional<bool> Equals(const Value& a, const Value& b);

// Cypher's `<`-family comparison: nullopt when either side is null or the types are not comparable
// (a number with a string, a node with anything). Returns <0, 0 or >0 otherwise.
std::optional<int> Compare(const Value& a, const Value& b);

// A string turned into a date when it parses as one; used where a date meets a string.
std::optional<graph::Date> AsDateLike(const Value& v);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_VALUE_H_
