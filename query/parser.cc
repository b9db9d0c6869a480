#include "query/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

#include "query/errors.h"
#include "query/lexer.h"

namespace geokg::query {

namespace {

using Kind = Token::Kind;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Words that end an expression or start a clause: they cannot name a variable unless backticked.
bool IsReserved(const std::string& upper) {
  static constexpr std::string_view kWords[] = {
      "MATCH",  "OPTIONAL", "WHERE",  "RETURN", "WITH",     "UNWIND", "ORDER",  "BY",    "SKIP",  "LIMIT",
      "AND",    "OR",       "XOR",    "NOT",    "AS",       "IN",     "STARTS", "ENDS",  "CONTAINS",
      "IS",     "DISTINCT", "WHEN",   "THEN",   "ELSE",     "END",    "CREATE", "MERGE", "DELETE",
      "DETACH", "SET",      "REMOVE", "UNION",  "FOREACH",  "CALL",   "ASC",    "DESC",  "ASCENDING",
      "DESCENDING"};
  return std::find(std::begin(kWords), std::end(kWords), upper) != std::end(kWords);
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens) : q_(query), t_(std::move(tokens)) {}

  Result<Query> Run() {
    Query query;
    if (Word("EXPLAIN")) {
      query.mode = Query::Mode::kExplain;
    } else if (Word("PROFILE")) {
      query.mode = Query::Mode::kProfile;
    }
    while (ok() && !AtEnd()) {
      if (!query.clauses.empty() && query.clauses.back().kind == Clause::Kind::kReturn) {
        Fail(IsWord("UNION") ? "UNION is not supported"
                             : "expected the end of the query after RETURN, found " + Describe(Peek()));
        return error_;
      }
      query.clauses.push_back(ParseClause());
    }
    if (!ok()) return error_;
    if (query.clauses.empty() || query.clauses.back().kind != Clause::Kind::kReturn)
      FailAt(q_.size(), "a query must end with RETURN");
    if (!ok()) return error_;
    return query;
  }

 private:
  // --- Tokens ---
  const Token& Peek(std::size_t ahead = 0) const { return t_[std::min(pos_ + ahead, t_.size() - 1)]; }
  bool AtEnd() const {
    // A trailing ';' ends the query as the shell types it.
    return Peek().kind == Kind::kEnd || (IsSymbol(";") && Peek(1).kind == Kind::kEnd);
  }
  bool ok() const { return error_.ok(); }
  std::size_t LastEnd() const { return pos_ == 0 ? 0 : t_[pos_ - 1].end; }

  bool IsSymbol(std::string_view s, std::size_t ahead = 0) const {
    return Peek(ahead).kind == Kind::kSymbol && Peek(ahead).text == s;
  }
  bool IsWord(std::string_view upper, std::size_t ahead = 0) const {
    return Peek(ahead).kind == Kind::kName && Upper(Peek(ahead).text) == upper;
  }
  bool Symbol(std::string_view s) {
    if (!IsSymbol(s)) return false;
    ++pos_;
    return true;
  }
  bool Word(std::string_view upper) {
    if (!IsWord(upper)) return false;
    ++pos_;
    return true;
  }
  void ExpectSymbol(std::string_view s) {
    if (ok() && !Symbol(s)) Fail(fmt::format("expected '{}' but found {}", s, Describe(Peek())));
  }
  void ExpectWord(std::string_view upper) {
    if (ok() && !Word(upper)) Fail(fmt::format("expected {} but found {}", upper, Describe(Peek())));
  }

  static std::string Describe(const Token& t) {
    switch (t.kind) {
      case Kind::kEnd: return "the end of the query";
      case Kind::kString: return "the string '" + t.text + "'";
      case Kind::kQuotedName: return "`" + t.text + "`";
      case Kind::kParameter: return "$" + t.text;
      default: return "'" + t.text + "'";
    }
  }

  // The first error sticks: every parse function stops once ok() is false, and Run returns it.
  void Fail(const std::string& message) { FailAt(Peek().offset, message); }
  void FailAt(std::size_t offset, const std::string& message) {
    if (ok()) error_ = ErrorAt(q_, offset, "syntax error", message);
  }
  // Bounds recursion so that deeply nested input fails cleanly rather than exhausting the stack.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* p) : p_(p) {
      if (++p_->depth_ > 200) p_->Fail("the expression is nested too deeply");
    }
    ~DepthGuard() { --p_->depth_; }

   private:
    Parser* p_;
  };

  // A variable, label, type or property name.
  std::string Name(const char* what) {
    const Token& t = Peek();
    if (t.kind == Kind::kQuotedName || (t.kind == Kind::kName && !IsReserved(Upper(t.text)))) {
      ++pos_;
      return t.text;
    }
    Fail(fmt::format("expected {} but found {}", what, Describe(t)));
    return "";
  }

  // --- Clauses ---
  Clause ParseClause() {
    Clause c;
    c.offset = Peek().offset;
    static constexpr std::string_view kWriting[] = {"CREATE", "MERGE",  "DELETE", "DETACH",
                                                    "SET",    "REMOVE", "FOREACH"};
    for (std::string_view w : kWriting)
      if (IsWord(w)) {
        Fail(fmt::format("geokg queries are read-only: {} is not supported", w));
        return c;
      }
    if (IsWord("CALL") || IsWord("UNION") || IsWord("LOAD")) {
      Fail(Upper(Peek().text) + " is not supported");
    } else if (IsWord("OPTIONAL") || IsWord("MATCH")) {
      c.kind = Clause::Kind::kMatch;
      c.optional = Word("OPTIONAL");
      ExpectWord("MATCH");
      do c.patterns.push_back(ParsePattern());
      while (ok() && Symbol(","));
      if (Word("WHERE")) c.where = ParseExpr();
    } else if (Word("UNWIND")) {
      c.kind = Clause::Kind::kUnwind;
      c.unwind = ParseExpr();
      ExpectWord("AS");
      if (ok()) c.alias = Name("a variable name after AS");
    } else if (Word("WITH")) {
      c.kind = Clause::Kind::kWith;
      ParseProjection(&c.projection);
      if (Word("WHERE")) c.projection.where = ParseExpr();
    } else if (Word("RETURN")) {
      c.kind = Clause::Kind::kReturn;
      ParseProjection(&c.projection);
    } else {
      Fail("expected MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN but found " + Describe(Peek()));
    }
    return c;
  }

  void ParseProjection(Projection* p) {
    p->distinct = Word("DISTINCT");
    if (Symbol("*")) {
      p->star = true;
    } else {
      do {
        ProjectionItem item;
        item.expr = ParseExpr();
        if (!ok()) return;
        if (Word("AS")) {
          item.alias = Name("a column name after AS");
          item.explicit_alias = true;
        } else {
          item.alias = std::string(q_.substr(item.expr->offset, item.expr->end - item.expr->offset));
        }
        p->items.push_back(std::move(item));
      } while (ok() && Symbol(","));
    }
    if (Word("ORDER")) {
      ExpectWord("BY");
      do {
        SortItem s;
        s.expr = ParseExpr();
        if (Word("DESC") || Word("DESCENDING")) {
          s.descending = true;
        } else if (!Word("ASC")) {
          Word("ASCENDING");
        }
        p->order_by.push_back(std::move(s));
      } while (ok() && Symbol(","));
    }
    if (Word("SKIP")) p->skip = ParseExpr();
    if (Word("LIMIT")) p->limit = ParseExpr();
  }

  // --- Patterns ---
  PatternPart ParsePattern() {
    PatternPart part;
    part.offset = Peek().offset;
    if ((Peek().kind == Kind::kName || Peek().kind == Kind::kQuotedName) && IsSymbol("=", 1)) {
      part.path_var = Name("a path variable");
      ++pos_;
    }
    bool all = IsWord("ALLSHORTESTPATHS");
    if (all || IsWord("SHORTESTPATH")) {
      ++pos_;
      part.shortest = all ? PatternPart::Shortest::kAll : PatternPart::Shortest::kOne;
      ExpectSymbol("(");
      ParseChain(&part);
      ExpectSymbol(")");
      if (ok() && part.rels.size() != 1)
        FailAt(part.offset, "shortestPath needs a pattern with exactly one relationship: (a)-[*]-(b)");
    } else {
      ParseChain(&part);
    }
    return part;
  }

  void ParseChain(PatternPart* part) {
    part->nodes.push_back(ParseNode());
    while (ok() && (IsSymbol("-") || (IsSymbol("<") && IsSymbol("-", 1)))) {
      part->rels.push_back(ParseRel());
      part->nodes.push_back(ParseNode());
    }
  }

  NodePattern ParseNode() {
    NodePattern n;
    n.offset = Peek().offset;
    ExpectSymbol("(");
    if (ok() && (Peek().kind == Kind::kQuotedName || Peek().kind == Kind::kName)) n.var = Name("a variable");
    while (ok() && Symbol(":")) n.labels.push_back(Name("a label after ':'"));
    if (ok() && IsSymbol("{")) n.properties = ParsePropertyMap();
    ExpectSymbol(")");
    return n;
  }

  RelPattern ParseRel() {
    RelPattern r;
    r.offset = Peek().offset;
    bool left = Symbol("<");
    ExpectSymbol("-");
    if (ok() && Symbol("[")) {
      if (Peek().kind == Kind::kQuotedName || Peek().kind == Kind::kName) r.var = Name("a variable");
      if (ok() && Symbol(":")) {
        do {
          Symbol(":");
          r.type_offsets.push_back(Peek().offset);
          r.types.push_back(Name("a relationship type"));
        } while (ok() && Symbol("|"));
      }
      if (ok() && Symbol("*")) ParseRange(&r);
      if (ok() && IsSymbol("{")) r.properties = ParsePropertyMap();
      ExpectSymbol("]");
    }
    ExpectSymbol("-");
    bool right = ok() && Symbol(">");
    if (left && right) FailAt(r.offset, "a relationship cannot point both ways; use -[...]- for either way");
    r.direction = left ? Direction::kIn : (right ? Direction::kOut : Direction::kBoth);
    return r;
  }

  void ParseRange(RelPattern* r) {
    r->variable_length = true;
    auto bound = [&]() -> std::optional<int> {
      if (Peek().kind != Kind::kInteger) return std::nullopt;
      int v = 0;
      const std::string& text = Peek().text;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || v > 1000) {
        Fail("a path length must be a small integer");
        return std::nullopt;
      }
      ++pos_;
      return v;
    };
    auto low = bound();
    if (Symbol("..")) {
      if (low) r->min_hops = *low;
      r->max_hops = bound();
    } else if (low) {
      r->min_hops = *low;
      r->max_hops = low;
    }
    if (ok() && r->max_hops && *r->max_hops < r->min_hops)
      FailAt(r->offset, "the path length's upper bound is below its lower bound");
  }

  std::vector<std::pair<std::string, ExprPtr>> ParsePropertyMap() {
    std::vector<std::pair<std::string, ExprPtr>> props;
    ExpectSymbol("{");
    if (ok() && !IsSymbol("}")) {
      do {
        std::string key = Name("a property name");
        ExpectSymbol(":");
        if (!ok()) break;
        props.emplace_back(std::move(key), ParseExpr());
      } while (ok() && Symbol(","));
    }
    ExpectSymbol("}");
    return props;
  }

  // --- Expressions ---
  ExprPtr Make(Expr::Kind kind, std::size_t offset) {
    auto e = std::make_shared<Expr>();
    e->kind = kind;
    e->offset = offset;
    return e;
  }
  ExprPtr Binary(BinaryOp op, ExprPtr a, ExprPtr b) {
    auto e = Make(Expr::Kind::kBinary, a->offset);
    e->binary_op = op;
    e->end = b->end;
    e->args = {std::move(a), std::move(b)};
    return e;
  }

  ExprPtr ParseExpr() {
    DepthGuard guard(this);
    if (!ok()) return nullptr;
    ExprPtr e = ParseBinaryLevel(0);
    return ok() ? e : nullptr;
  }

  // Levels: 0 OR, 1 XOR, 2 AND; below them NOT, then comparisons.
  ExprPtr ParseBinaryLevel(int level) {
    static constexpr std::string_view kWords[] = {"OR", "XOR", "AND"};
    static constexpr BinaryOp kOps[] = {BinaryOp::kOr, BinaryOp::kXor, BinaryOp::kAnd};
    if (level == 3) return ParseNot();
    ExprPtr e = ParseBinaryLevel(level + 1);
    while (ok() && Word(kWords[level])) {
      ExprPtr rhs = ParseBinaryLevel(level + 1);
      if (!ok()) return nullptr;
      e = Binary(kOps[level], e, rhs);
    }
    return e;
  }

  ExprPtr ParseNot() {
    DepthGuard guard(this);
    if (ok() && IsWord("NOT")) {
      auto e = Make(Expr::Kind::kUnary, Peek().offset);
      ++pos_;
      e->unary_op = UnaryOp::kNot;
      ExprPtr operand = ParseNot();
      if (!ok()) return nullptr;
      e->end = operand->end;
      e->args = {operand};
      return e;
    }
    return ParseComparison();
  }

  std::optional<BinaryOp> ComparisonOp() {
    static constexpr std::pair<std::string_view, BinaryOp> kSymbols[] = {
        {"=", BinaryOp::kEq}, {"<>", BinaryOp::kNe}, {"!=", BinaryOp::kNe}, {"<", BinaryOp::kLt},
        {"<=", BinaryOp::kLe}, {">", BinaryOp::kGt}, {">=", BinaryOp::kGe}};
    for (const auto& [s, op] : kSymbols)
      if (Symbol(s)) return op;
    if (Word("IN")) return BinaryOp::kIn;
    if (Word("CONTAINS")) return BinaryOp::kContains;
    if (IsWord("STARTS") || IsWord("ENDS")) {
      BinaryOp op = Word("STARTS") ? BinaryOp::kStartsWith : (++pos_, BinaryOp::kEndsWith);
      ExpectWord("WITH");
      return op;
    }
    return std::nullopt;
  }

  ExprPtr ParseComparison() {
    ExprPtr e = ParseAdditive();
    while (ok()) {
      if (IsWord("IS")) {
        ++pos_;
        auto u = Make(Expr::Kind::kUnary, e->offset);
        u->unary_op = Word("NOT") ? UnaryOp::kIsNotNull : UnaryOp::kIsNull;
        ExpectWord("NULL");
        u->end = LastEnd();
        u->args = {e};
        e = u;
        continue;
      }
      auto op = ComparisonOp();
      if (!op || !ok()) break;
      ExprPtr rhs = ParseAdditive();
      if (!ok()) return nullptr;
      e = Binary(*op, e, rhs);
    }
    return ok() ? e : nullptr;
  }

  ExprPtr ParseAdditive() {
    ExprPtr e = ParseMultiplicative();
    while (ok() && (IsSymbol("+") || IsSymbol("-"))) {
      BinaryOp op = Peek().text == "+" ? BinaryOp::kAdd : BinaryOp::kSub;
      ++pos_;
      ExprPtr rhs = ParseMultiplicative();
      if (!ok()) return nullptr;
      e = Binary(op, e, rhs);
    }
    return e;
  }

  ExprPtr ParseMultiplicative() {
    ExprPtr e = ParsePower();
    while (ok() && (IsSymbol("*") || IsSymbol("/") || IsSymbol("%"))) {
      char c = Peek().text[0];
      ++pos_;
      ExprPtr rhs = ParsePower();
      if (!ok()) return nullptr;
      e = Binary(c == '*' ? BinaryOp::kMul : (c == '/' ? BinaryOp::kDiv : BinaryOp::kMod), e, rhs);
    }
    return e;
  }

  ExprPtr ParsePower() {
    ExprPtr e = ParseUnary();
    while (ok() && Symbol("^")) {
      ExprPtr rhs = ParseUnary();
      if (!ok()) return nullptr;
      e = Binary(BinaryOp::kPow, e, rhs);
    }
    return e;
  }

  ExprPtr ParseUnary() {
    DepthGuard guard(this);
    if (!ok()) return nullptr;
    if (IsSymbol("-") || IsSymbol("+")) {
      bool negate = Peek().text == "-";
      std::size_t offset = Peek().offset;
      ++pos_;
      ExprPtr operand = ParseUnary();
      if (!ok() || !negate) return operand;
      auto e = Make(Expr::Kind::kUnary, offset);
      e->unary_op = UnaryOp::kNegate;
      e->end = operand->end;
      e->args = {operand};
      return e;
    }
    return ParsePostfix();
  }

  ExprPtr ParsePostfix() {
    ExprPtr e = ParseAtom();
    while (ok()) {
      if (Symbol(".")) {
        auto p = Make(Expr::Kind::kProperty, e->offset);
        p->name = Name("a property name after '.'");
        p->end = LastEnd();
        p->args = {e};
        e = p;
      } else if (Symbol("[")) {
        auto i = Make(Expr::Kind::kIndex, e->offset);
        i->args = {e, ParseExpr()};
        ExpectSymbol("]");
        i->end = LastEnd();
        e = i;
      } else {
        break;
      }
    }
    return ok() ? e : nullptr;
  }

  ExprPtr ParseAtom() {
    const Token& t = Peek();
    auto e = Make(Expr::Kind::kLiteral, t.offset);
    std::string upper = t.kind == Kind::kName ? Upper(t.text) : "";
    if (t.kind == Kind::kInteger) {
      std::int64_t v = 0;
      auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
      if (ec != std::errc()) {
        Fail("integer '" + t.text + "' is too large");
        return nullptr;
      }
      e->value = Value::Int(v);
      ++pos_;
    } else if (t.kind == Kind::kFloat) {
      e->value = Value::Float(std::strtod(t.text.c_str(), nullptr));
      ++pos_;
    } else if (t.kind == Kind::kString) {
      e->value = Value::String(t.text);
      ++pos_;
    } else if (t.kind == Kind::kParameter) {
      Fail("query parameters ($" + t.text + ") are not supported");
      return nullptr;
    } else if (upper == "TRUE" || upper == "FALSE" || upper == "NULL") {
      if (upper != "NULL") e->value = Value::Bool(upper == "TRUE");
      ++pos_;
    } else if (Symbol("[")) {
      e->kind = Expr::Kind::kList;
      if (!IsSymbol("]")) {
        do e->args.push_back(ParseExpr());
        while (ok() && Symbol(","));
      }
      ExpectSymbol("]");
    } else if (IsSymbol("{")) {
      e->kind = Expr::Kind::kMap;
      for (auto& [key, value] : ParsePropertyMap()) {
        e->keys.push_back(key);
        e->args.push_back(value);
      }
    } else if (Symbol("(")) {
      e = ParseExpr();
      ExpectSymbol(")");
      if (!ok()) return nullptr;
      e->offset = t.offset;
    } else if (upper == "CASE") {
      ++pos_;
      ParseCase(e.get());
    } else if (t.kind == Kind::kName && IsSymbol("(", 1)) {
      ParseCall(e.get());
    } else if (t.kind == Kind::kQuotedName || (t.kind == Kind::kName && !IsReserved(upper))) {
      e->kind = Expr::Kind::kVariable;
      e->name = t.text;
      ++pos_;
    } else {
      Fail("expected an expression but found " + Describe(t));
      return nullptr;
    }
    e->end = LastEnd();
    return ok() ? e : nullptr;
  }

  void ParseCall(Expr* e) {
    e->kind = Expr::Kind::kCall;
    e->name = Peek().text;
    pos_ += 2;
    e->distinct = Word("DISTINCT");
    if (Symbol("*")) {
      e->star = true;
    } else if (!IsSymbol(")")) {
      do e->args.push_back(ParseExpr());
      while (ok() && Symbol(","));
    }
    ExpectSymbol(")");
  }

  void ParseCase(Expr* e) {
    e->kind = Expr::Kind::kCase;
    if (!IsWord("WHEN")) {
      e->has_subject = true;
      e->args.push_back(ParseExpr());
    }
    if (ok() && !IsWord("WHEN")) Fail("expected WHEN but found " + Describe(Peek()));
    while (ok() && Word("WHEN")) {
      e->args.push_back(ParseExpr());
      ExpectWord("THEN");
      e->args.push_back(ParseExpr());
    }
    if (ok() && Word("ELSE")) {
      e->has_else = true;
      e->args.push_back(ParseExpr());
    }
    ExpectWord("END");
  }

  std::string_view q_;
  std::vector<Token> t_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Status error_;
};

}  // namespace

Result<Query> Parse(std::string_view query) {
  auto tokens = Lex(query);
  if (!tokens.ok()) return tokens.status();
  return Parser(query, std::move(*tokens)).Run();
}

}  // namespace geokg::query
