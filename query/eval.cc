#include "query/eval.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace geokg::query {

namespace {

const char* OpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "OR";
    case BinaryOp::kXor: return "XOR";
    case BinaryOp::kAnd: return "AND";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNe: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kIn: return "IN";
    case BinaryOp::kStartsWith: return "STARTS WITH";
    case BinaryOp::kEndsWith: return "ENDS WITH";
    case BinaryOp::kContains: return "CONTAINS";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
    case BinaryOp::kPow: return "^";
  }
  return "?";
}

Value Truth(std::optional<bool> b) { return b ? Value::Bool(*b) : Value(); }

Status TypeError(const Expr& e, ExecContext* ctx, const Value& a, const Value& b) {
  return ctx->ErrorAt(e.offset, fmt::format("cannot apply {} to {} and {}", OpText(e.binary_op),
                                            TypeName(a.type()), TypeName(b.type())));
}

// Three-valued logic: nullopt is null.
Result<std::optional<bool>> Logical(const Expr& e, const Value& v, ExecContext* ctx) {
  if (v.is_null()) return std::optional<bool>();
  if (v.type() != Value::Type::kBool)
    return ctx->ErrorAt(e.offset, fmt::format("expected a boolean but got {} {}", TypeName(v.type()), v.ToString()));
  return std::optional<bool>(v.AsBool());
}

Result<Value> Arithmetic(const Expr& e, const Value& a, const Value& b, ExecContext* ctx) {
  if (a.is_null() || b.is_null()) return Value();
  BinaryOp op = e.binary_op;
  if (op == BinaryOp::kAdd) {
    if (a.type() == Value::Type::kList || b.type() == Value::Type::kList) {
      List out = a.type() == Value::Type::kList ? a.AsList() : List{a};
      if (b.type() == Value::Type::kList) {
        out.insert(out.end(), b.AsList().begin(), b.AsList().end());
      } else {
        out.push_back(b);
      }
      return Value::OfList(std::move(out));
    }
    bool a_text = a.type() == Value::Type::kString, b_text = b.type() == Value::Type::kString;
    if ((a_text && (b_text || b.is_number())) || (b_text && a.is_number()))
      return Value::String(a.ToString() + b.ToString());
  }
  if (!a.is_number() || !b.is_number()) return TypeError(e, ctx, a, b);
  if (op == BinaryOp::kPow) return Value::Float(std::pow(a.AsNumber(), b.AsNumber()));
  if (a.type() == Value::Type::kInt && b.type() == Value::Type::kInt) {
    std::int64_t x = a.AsInt(), y = b.AsInt(), r = 0;
    bool overflow = false;
    switch (op) {
      case BinaryOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); break;
      case BinaryOp::kSub: overflow = __builtin_sub_overflow(x, y, &r); break;
      case BinaryOp::kMul: overflow = __builtin_mul_overflow(x, y, &r); break;
      case BinaryOp::kDiv:
      case BinaryOp::kMod:
        if (y == 0) return ctx->ErrorAt(e.offset, "division by zero");
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
          overflow = true;
        } else {
          r = op == BinaryOp::kDiv ? x / y : x % y;
        }
        break;
      default: break;
    }
    if (overflow) return ctx->ErrorAt(e.offset, "integer overflow");
    return Value::Int(r);
  }
  double x = a.AsNumber(), y = b.AsNumber();
  switch (op) {
    case BinaryOp::kAdd: return Value::Float(x + y);
    case BinaryOp::kSub: return Value::Float(x - y);
    case BinaryOp::kMul: return Value::Float(x * y);
    case BinaryOp::kDiv: return Value::Float(x / y);
    default: return Value::Float(std::fmod(x, y));
  }
}

Value StringTest(BinaryOp op, const Value& a, const Value& b) {
  if (a.type() != Value::Type::kString || b.type() != Value::Type::kString) return Value();
  const std::string& s = a.AsString();
  const std::string& t = b.AsString();
  switch (op) {
    case BinaryOp::kStartsWith: return Value::Bool(s.compare(0, t.size(), t) == 0);
    case BinaryOp::kEndsWith:
      return Value::Bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default: return Value::Bool(s.find(t) != std::string::npos);
  }
}

Result<Value> In(const Expr& e, const Value& a, const Value& b, ExecContext* ctx) {
  if (b.is_null()) return Value();
  if (b.type() != Value::Type::kList)
    return ctx->ErrorAt(e.args[1]->offset, fmt::format("IN expects a list but got {}", TypeName(b.type())));
  bool unknown = false;
  for (const Value& item : b.AsList()) {
    auto eq = Equals(a, item);
    if (eq && *eq) return Value::Bool(true);
    if (!eq) unknown = true;
  }
  return unknown ? Value() : Value::Bool(false);
}

Result<Value> EvalBinary(const Expr& e, const Row& row, ExecContext* ctx) {
  auto a = Eval(*e.args[0], row, ctx);
  if (!a.ok()) return a;
  BinaryOp op = e.binary_op;
  if (op == BinaryOp::kAnd || op == BinaryOp::kOr || op == BinaryOp::kXor) {
    auto x = Logical(*e.args[0], *a, ctx);
    if (!x.ok()) return x.status();
    // AND and OR stop early when the left side decides, as a guard like `x IS NOT NULL AND x > 1` expects.
    if (op == BinaryOp::kAnd && *x && !**x) return Value::Bool(false);
    if (op == BinaryOp::kOr && *x && **x) return Value::Bool(true);
    auto b = Eval(*e.args[1], row, ctx);
    if (!b.ok()) return b;
    auto y = Logical(*e.args[1], *b, ctx);
    if (!y.ok()) return y.status();
    if (op == BinaryOp::kAnd) return (*y && !**y) ? Value::Bool(false) : (*x && *y ? Value::Bool(true) : Value());
    if (op == BinaryOp::kOr) return (*y && **y) ? Value::Bool(true) : (*x && *y ? Value::Bool(false) : Value());
    return (*x && *y) ? Value::Bool(**x != **y) : Value();
  }
  auto b = Eval(*e.args[1], row, ctx);
  if (!b.ok()) return b;
  switch (op) {
    case BinaryOp::kEq: return Truth(Equals(*a, *b));
    case BinaryOp::kNe: {
      auto eq = Equals(*a, *b);
      return eq ? Value::Bool(!*eq) : Value();
    }
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe: {
      auto c = Compare(*a, *b);
      if (!c) return Value();
      bool r = op == BinaryOp::kLt ? *c < 0 : op == BinaryOp::kLe ? *c <= 0 : op == BinaryOp::kGt ? *c > 0 : *c >= 0;
      return Value::Bool(r);
    }
    case BinaryOp::kIn: return In(e, *a, *b, ctx);
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains: return StringTest(op, *a, *b);
    default: return Arithmetic(e, *a, *b, ctx);
  }
}

Result<Value> EvalUnary(const Expr& e, const Row& row, ExecContext* ctx) {
  auto v = Eval(*e.args[0], row, ctx);
  if (!v.ok()) return v;
  switch (e.unary_op) {
    case UnaryOp::kIsNull: return Value::Bool(v->is_null());
    case UnaryOp::kIsNotNull: return Value::Bool(!v->is_null());
    case UnaryOp::kNot: {
      auto x = Logical(*e.args[0], *v, ctx);
      if (!x.ok()) return x.status();
      return *x ? Value::Bool(!**x) : Value();
    }
    case UnaryOp::kNegate:
      if (v->is_null()) return Value();
      if (v->type() == Value::Type::kInt && v->AsInt() != std::numeric_limits<std::int64_t>::min())
        return Value::Int(-v->AsInt());
      if (v->type() == Value::Type::kFloat) return Value::Float(-v->AsFloat());
      return ctx->ErrorAt(e.offset, fmt::format("cannot negate {}", TypeName(v->type())));
  }
  return Value();
}

Result<Value> EvalIndex(const Expr& e, const Row& row, ExecContext* ctx) {
  auto base = Eval(*e.args[0], row, ctx);
  if (!base.ok()) return base;
  auto index = Eval(*e.args[1], row, ctx);
  if (!index.ok()) return index;
  if (base->is_null() || index->is_null()) return Value();
  if (base->type() == Value::Type::kList && index->type() == Value::Type::kInt) {
    const List& list = base->AsList();
    std::int64_t i = index->AsInt(), n = static_cast<std::int64_t>(list.size());
    if (i < 0) i += n;
    return i >= 0 && i < n ? list[static_cast<std::size_t>(i)] : Value();
  }
  if (index->type() == Value::Type::kString) return PropertyOf(*base, index->AsString(), ctx);
  return ctx->ErrorAt(e.offset, fmt::format("cannot index {} with {}", TypeName(base->type()),
                                            TypeName(index->type())));
}

Result<Value> EvalCase(const Expr& e, const Row& row, ExecContext* ctx) {
  std::size_t i = 0;
  Value subject;
  if (e.has_subject) {
    auto s = Eval(*e.args[i++], row, ctx);
    if (!s.ok()) return s;
    subject = *s;
  }
  std::size_t pairs_end = e.args.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < pairs_end; i += 2) {
    bool match = false;
    if (e.has_subject) {
      auto w = Eval(*e.args[i], row, ctx);
      if (!w.ok()) return w;
      auto eq = Equals(subject, *w);
      match = eq && *eq;
    } else {
      auto h = Holds(*e.args[i], row, ctx);
      if (!h.ok()) return h.status();
      match = *h;
    }
    if (match) return Eval(*e.args[i + 1], row, ctx);
  }
  if (e.has_else) return Eval(*e.args.back(), row, ctx);
  return Value();
}

}  // namespace

Result<Value> Eval(const Expr& e, const Row& row, ExecContext* ctx) {
  switch (e.kind) {
    case Expr::Kind::kLiteral: return e.value;
    case Expr::Kind::kVariable:
    case Expr::Kind::kSlot:
      if (e.slot < 0 || static_cast<std::size_t>(e.slot) >= row.size())
        return ctx->ErrorAt(e.offset, "internal error: unbound variable " + e.name);
      return row[static_cast<std::size_t>(e.slot)];
    case Expr::Kind::kProperty: {
      // `var.key`, the common case, reads the row in place rather than through a copy of the value.
      const Expr& of = *e.args[0];
      if ((of.kind == Expr::Kind::kVariable || of.kind == Expr::Kind::kSlot) && of.slot >= 0 &&
          static_cast<std::size_t>(of.slot) < row.size())
        return PropertyOf(row[static_cast<std::size_t>(of.slot)], e.name, ctx);
      auto base = Eval(of, row, ctx);
      if (!base.ok()) return base;
      return PropertyOf(*base, e.name, ctx);
    }
    case Expr::Kind::kIndex: return EvalIndex(e, row, ctx);
    case Expr::Kind::kList:
    case Expr::Kind::kMap: {
      List items;
      for (const auto& arg : e.args) {
        auto v = Eval(*arg, row, ctx);
        if (!v.ok()) return v;
        items.push_back(std::move(*v));
      }
      if (e.kind == Expr::Kind::kList) return Value::OfList(std::move(items));
      Map map;
      for (std::size_t i = 0; i < items.size(); ++i) map.emplace_back(e.keys[i], std::move(items[i]));
      return Value::OfMap(std::move(map));
    }
    case Expr::Kind::kUnary: return EvalUnary(e, row, ctx);
    case Expr::Kind::kBinary: return EvalBinary(e, row, ctx);
    case Expr::Kind::kCase: return EvalCase(e, row, ctx);
    case Expr::Kind::kCall: {
      std::vector<Value> args;
      for (const auto& arg : e.args) {
        auto v = Eval(*arg, row, ctx);
        if (!v.ok()) return v;
        args.push_back(std::move(*v));
      }
      return CallFunction(e, args, ctx);
    }
  }
  return Value();
}

Result<bool> Holds(const Expr& e, const Row& row, ExecContext* ctx) {
  auto v = Eval(e, row, ctx);
  if (!v.ok()) return v.status();
  auto truth = Logical(e, *v, ctx);
  if (!truth.ok()) return truth.status();
  return truth->value_or(false);
}

}  // namespace geokg::query
