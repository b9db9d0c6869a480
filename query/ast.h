// The syntax tree the parser builds and the planner reads. Every node keeps the byte offset of its first
// token so that errors found after parsing still point into the query text.
#ifndef GEOKG_QUERY_AST_H_
#define GEOKG_QUERY_AST_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "query/value.h"

namespace geokg::query {

struct Expr;
using ExprPtr = std::shared_ptr<Expr>;

enum class BinaryOp {
  kOr, kXor, kAnd,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kIn, kStartsWith, kEndsWith, kContains,
  kAdd, kSub, kMul, kDiv, kMod, kPow,
};
enum class UnaryOp { kNot, kNegate, kIsNull, kIsNotNull };

struct Expr {
  enum class Kind {
    kLiteral,   // value
    kVariable,  // name; slot once the planner has bound it
    kProperty,  // args[0].name
    kIndex,     // args[0][args[1]]
    kList,      // [args...]
    kMap,       // {keys[i]: args[i]}
    kUnary,     // unary_op args[0]
    kBinary,    // args[0] binary_op args[1]
    kCall,      // name(args...), with distinct for count(DISTINCT x); count(*) has star
    kCase,      // CASE [args[0] when has_subject] WHEN a THEN b ... [ELSE e] END
    kSlot,      // the value in a row slot: what the planner turns computed subexpressions into
  };
  Kind kind = Kind::kLiteral;
  std::size_t offset = 0;
  std::size_t end = 0;  // one past the last byte, so that a RETURN item can be named by its text
  Value value;
  std::string name;
  std::vector<std::string> keys;
  std::vector<ExprPtr> args;
  BinaryOp binary_op = BinaryOp::kAnd;
  UnaryOp unary_op = UnaryOp::kNot;
  bool distinct = false;
  bool star = false;
  bool has_subject = false;
  bool has_else = false;
  int slot = -1;
};

struct NodePattern {
  std::string var;  // empty when anonymous
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  std::size_t offset = 0;
};

enum class Direction { kOut, kIn, kBoth };  // ->, <-, and -- (either way)

struct RelPattern {
  std::string var;
  std::vector<std::string> types;  // alternatives; empty matches every type
  std::vector<std::size_t> type_offsets;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  Direction direction = Direction::kBoth;
  bool variable_length = false;
  int min_hops = 1;
  std::optional<int> max_hops;  // unset: as many as kMaxUnboundedHops allows
  std::size_t offset = 0;
};

// The most hops `*` or `*2..` expands: bounds the work a careless pattern can cause on a dense graph.
inline constexpr int kMaxUnboundedHops = 10;
// shortestPath needs no such bound (its search stops at the first level that reaches the target); this one
// only keeps the hop count finite.
inline constexpr int kUnboundedShortest = 1000;

// One comma-separated part of a MATCH: nodes[0] rels[0] nodes[1] ... rels[n-1] nodes[n].
struct PatternPart {
  enum class Shortest { kNone, kOne, kAll };
  std::string path_var;
  Shortest shortest = Shortest::kNone;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
  std::size_t offset = 0;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the alias, else the item's text as written
  bool explicit_alias = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;  // RETURN * / WITH *: every named variable in scope
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;  // WITH ... WHERE only
};

struct Clause {
  enum class Kind { kMatch, kUnwind, kWith, kReturn };
  Kind kind = Kind::kMatch;
  std::size_t offset = 0;
  // kMatch
  bool optional = false;
  std::vector<PatternPart> patterns;
  ExprPtr where;
  // kUnwind
  ExprPtr unwind;
  std::string alias;
  // kWith, kReturn
  Projection projection;
};

struct Query {
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<Clause> clauses;
};

}  // namespace geokg::query

#endif  // GEOKG_QUERY_AST_H_
