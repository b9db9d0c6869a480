// The operators that work on rows alone: Filter, Project, Aggregate, Distinct, Sort, Skip, Limit, Unwind.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "query/eval.h"
#include "query/executor.h"
#include "query/executor_internal.h"

namespace geokg::query {

namespace {

// Hashing and equality of grouping keys that agree with OrderCompare, for hash tables whose look-ups cost
// one hash instead of a dozen string comparisons.
struct RowHash {
  std::size_t operator()(const std::vector<Value>& row) const {
    std::size_t h = row.size();
    for (const Value& v : row) h = h * 31 + OrderHash(v);
    return h;
  }
};

struct RowEqual {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (OrderCompare(a[i], b[i]) != 0) return false;
    return true;
  }
};

// Equality for the slot values Aggregate memoises its groups by: of one type and equal, so that the key
// expressions give the same values for both (1 and 1.0 compare equal but print apart).
struct SameValues {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].type() != b[i].type() || OrderCompare(a[i], b[i]) != 0) return false;
    return true;
  }
};

// Values equal under SameValues are the same value: not floats (0.0 and -0.0) nor what holds them.
bool Memoisable(const Value& v) {
  switch (v.type()) {
    case Value::Type::kFloat:
    case Value::Type::kList:
    case Value::Type::kMap:
    case Value::Type::kPath: return false;
    default: return true;
  }
}

void ReadSlots(const Expr& e, std::set<int>* out) {
  if ((e.kind == Expr::Kind::kVariable || e.kind == Expr::Kind::kSlot) && e.slot >= 0) out->insert(e.slot);
  for (const auto& a : e.args) ReadSlots(*a, out);
}

struct ValueLess {
  bool operator()(const Value& a, const Value& b) const { return OrderCompare(a, b) < 0; }
};

class Filter final : public Operator {
 public:
  Filter(ExecContext* ctx, OperatorPtr child, ExprPtr predicate, std::string text)
      : Operator(ctx, std::move(child)), predicate_(std::move(predicate)), text_(std::move(text)) {}

 protected:
  Result<bool> DoNext(Row* row) override {
    while (true) {
      auto more = child_->Next(row);
      if (!more.ok() || !*more) return more;
      auto keep = Holds(*predicate_, *row, ctx_);
      if (!keep.ok()) return keep.status();
      if (*keep) return true;
    }
  }
  std::string Describe() const override { return "Filter " + text_; }

 private:
  ExprPtr predicate_;
  std::string text_;
};

std::string Names(const std::vector<Assignment>& items) {
  std::string out;
  for (const auto& a : items) out += (out.empty() ? "" : ", ") + a.text;
  return out;
}

class Project final : public Operator {
 public:
  Project(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> items)
      : Operator(ctx, std::move(child)), items_(std::move(items)) {}

 protected:
  Result<bool> DoNext(Row* row) override {
    auto more = child_->Next(row);
    if (!more.ok() || !*more) return more;
    // Items see the row as it came in, not each other's results.
    std::vector<Value> values;
    for (const auto& item : items_) {
      auto v = Eval(*item.expr, *row, ctx_);
      if (!v.ok()) return v.status();
      values.push_back(std::move(*v));
    }
    for (std::size_t i = 0; i < items_.size(); ++i) (*row)[items_[i].slot] = std::move(values[i]);
    return true;
  }
  std::string Describe() const override { return "Project " + Names(items_); }

 private:
  std::vector<Assignment> items_;
};

// The running state of one aggregate call within one group.
struct Accumulator {
  std::int64_t count = 0;
  std::int64_t int_sum = 0;
  double float_sum = 0;
  bool is_float = false;
  Value best;
  List items;
  std::set<Value, ValueLess> seen;
};

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Aggregate final : public Operator {
 public:
  Aggregate(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> keys, std::vector<Assignment> aggregates)
      : Operator(ctx, std::move(child)), keys_(std::move(keys)), aggs_(std::move(aggregates)) {
    for (const auto& a : aggs_) names_.push_back(Lower(a.expr->name));
    std::set<int> read;
    for (const auto& k : keys_) ReadSlots(*k.expr, &read);
    key_slots_.assign(read.begin(), read.end());
  }

  void Reset() override {
    done_ = false;
    out_.clear();
    next_ = 0;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    if (!done_) {
      if (Status s = Consume(); !s.ok()) return s;
      done_ = true;
    }
    if (next_ >= out_.size()) return false;
    *row = std::move(out_[next_++]);
    return true;
  }
  std::string Describe() const override {
    return fmt::format("Aggregate {}{}{}", Names(aggs_), keys_.empty() ? "" : " by ", Names(keys_));
  }

 private:
  Status Consume() {
    std::unordered_map<std::vector<Value>, std::size_t, RowHash, RowEqual> index;
    std::vector<std::vector<Value>> group_keys;
    std::vector<std::vector<Accumulator>> groups;
    // The group of the values of the slots the keys read: rows repeat them (every edge into a node
    // brings the node again), and the keys they give need computing and comparing once, not per row.
    std::unordered_map<std::vector<Value>, std::size_t, RowHash, SameValues> memo;
    Row in;
    // Key buffers reused for every row, and a look-up before an insert: most rows join a group that
    // exists, and emplace would allocate a node for each of them only to throw it away.
    std::vector<Value> key, slots;
    auto group_of = [&]() -> Result<std::size_t> {
      key.clear();
      for (const auto& k : keys_) {
        auto v = Eval(*k.expr, in, ctx_);
        if (!v.ok()) return v.status();
        key.push_back(std::move(*v));
      }
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, groups.size()).first;
        group_keys.push_back(key);
        groups.emplace_back(aggs_.size());
      }
      return it->second;
    };
    // Grouping by what one node's properties say is common enough for a memo by actor id, which needs
    // no copy of the value.
    std::unordered_map<graph::ActorId, std::size_t> node_memo;
    while (true) {
      auto more = child_->Next(&in);
      if (!more.ok()) return more.status();
      if (!*more) break;
      if (key_slots_.size() == 1 && in[static_cast<std::size_t>(key_slots_[0])].type() == Value::Type::kNode) {
        const graph::ActorId id = in[static_cast<std::size_t>(key_slots_[0])].AsNode().id;
        auto m = node_memo.find(id);
        if (m == node_memo.end()) {
          auto g = group_of();
          if (!g.ok()) return g.status();
          m = node_memo.emplace(id, *g).first;
        }
        for (std::size_t i = 0; i < aggs_.size(); ++i)
          if (Status s = Add(i, in, &groups[m->second][i]); !s.ok()) return s;
        continue;
      }
      slots.clear();
      for (int s : key_slots_) slots.push_back(in[static_cast<std::size_t>(s)]);
      const bool memoisable = std::all_of(slots.begin(), slots.end(), Memoisable);
      std::size_t group = 0;
      if (auto m = memoisable ? memo.find(slots) : memo.end(); m != memo.end()) {
        group = m->second;
      } else {
        auto g = group_of();
        if (!g.ok()) return g.status();
        group = *g;
        if (memoisable) memo.emplace(slots, group);
      }
      for (std::size_t i = 0; i < aggs_.size(); ++i)
        if (Status s = Add(i, in, &groups[group][i]); !s.ok()) return s;
    }
    // Without grouping keys an aggregate answers even an empty input: count(*) is 0.
    if (keys_.empty() && groups.empty()) {
      group_keys.emplace_back();
      groups.emplace_back(aggs_.size());
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      Row row(ctx_->width());
      for (std::size_t k = 0; k < keys_.size(); ++k) row[keys_[k].slot] = group_keys[g][k];
      for (std::size_t i = 0; i < aggs_.size(); ++i) row[aggs_[i].slot] = Finish(i, &groups[g][i]);
      out_.push_back(std::move(row));
    }
    return Status::OK();
  }

  Status Add(std::size_t i, const Row& in, Accumulator* acc) {
    const Expr& call = *aggs_[i].expr;
    if (call.star) {
      ++acc->count;
      return Status::OK();
    }
    auto v = Eval(*call.args[0], in, ctx_);
    if (!v.ok()) return v.status();
    if (v->is_null()) return Status::OK();
    if (call.distinct && !acc->seen.insert(*v).second) return Status::OK();
    const std::string& name = names_[i];
    ++acc->count;
    if (name == "collect") {
      acc->items.push_back(std::move(*v));
    } else if (name == "min" || name == "max") {
      int c = acc->best.is_null() ? 0 : OrderCompare(*v, acc->best);
      if (acc->best.is_null() || (name == "min" ? c < 0 : c > 0)) acc->best = std::move(*v);
    } else if (name == "sum" || name == "avg") {
      if (!v->is_number())
        return ctx_->ErrorAt(call.offset, fmt::format("{}() takes numbers, got {} {}", call.name,
                                                      TypeName(v->type()), v->ToString()));
      acc->float_sum += v->AsNumber();
      if (v->type() == Value::Type::kFloat ||
          (!acc->is_float && __builtin_add_overflow(acc->int_sum, v->AsInt(), &acc->int_sum)))
        acc->is_float = true;
    }
    return Status::OK();
  }

  Value Finish(std::size_t i, Accumulator* acc) const {
    const std::string& name = names_[i];
    if (name == "count") return Value::Int(acc->count);
    if (name == "collect") return Value::OfList(std::move(acc->items));
    if (name == "sum") return acc->is_float ? Value::Float(acc->float_sum) : Value::Int(acc->int_sum);
    if (name == "avg") return acc->count ? Value::Float(acc->float_sum / static_cast<double>(acc->count)) : Value();
    return acc->best;
  }

  std::vector<Assignment> keys_;
  std::vector<Assignment> aggs_;
  std::vector<std::string> names_;
  std::vector<int> key_slots_;  // the slots the keys read, for the memo in Consume
  bool done_ = false;
  std::vector<Row> out_;
  std::size_t next_ = 0;
};

class Distinct final : public Operator {
 public:
  Distinct(ExecContext* ctx, OperatorPtr child, std::vector<int> slots, std::string text)
      : Operator(ctx, std::move(child)), slots_(std::move(slots)), text_(std::move(text)) {}
  void Reset() override {
    seen_.clear();
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    while (true) {
      auto more = child_->Next(row);
      if (!more.ok() || !*more) return more;
      std::vector<Value> key;
      for (int s : slots_) key.push_back((*row)[s]);
      if (seen_.insert(std::move(key)).second) return true;
    }
  }
  std::string Describe() const override { return "Distinct " + text_; }

 private:
  std::vector<int> slots_;
  std::string text_;
  std::unordered_set<std::vector<Value>, RowHash, RowEqual> seen_;
};

class Sort final : public Operator {
 public:
  Sort(ExecContext* ctx, OperatorPtr child, std::vector<SortKey> keys, std::optional<std::size_t> keep,
       std::string text)
      : Operator(ctx, std::move(child)), keys_(std::move(keys)), keep_(keep), text_(std::move(text)) {}
  void Reset() override {
    done_ = false;
    rows_out_.clear();
    next_ = 0;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    if (!done_) {
      if (Status s = Consume(); !s.ok()) return s;
      done_ = true;
    }
    if (next_ >= rows_out_.size()) return false;
    *row = std::move(rows_out_[next_++].second);
    return true;
  }
  std::string Describe() const override {
    return "Sort " + text_ + (keep_ ? fmt::format(", keeping the first {}", *keep_) : "");
  }

 private:
  // A stable sort cut to the rows a LIMIT lets through. Cutting a sorted prefix and sorting it again with
  // later rows gives the same first rows as sorting everything, ties in input order, so ORDER BY ... LIMIT k
  // holds about 2k rows instead of all of them.
  void SortRows() {
    std::stable_sort(rows_out_.begin(), rows_out_.end(), [&](const auto& a, const auto& b) {
      for (std::size_t i = 0; i < keys_.size(); ++i) {
        int c = OrderCompare(a.first[i], b.first[i]);
        if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
      }
      return false;
    });
    if (keep_ && rows_out_.size() > *keep_) rows_out_.resize(*keep_);
  }

  Status Consume() {
    const std::size_t cut = keep_ ? std::max<std::size_t>(2 * *keep_, 1024) : SIZE_MAX;
    Row in;
    while (true) {
      auto more = child_->Next(&in);
      if (!more.ok()) return more.status();
      if (!*more) break;
      std::vector<Value> key;
      for (const auto& k : keys_) {
        auto v = Eval(*k.expr, in, ctx_);
        if (!v.ok()) return v.status();
        key.push_back(std::move(*v));
      }
      rows_out_.emplace_back(std::move(key), in);
      if (rows_out_.size() >= cut) SortRows();
    }
    SortRows();
    return Status::OK();
  }

  std::vector<SortKey> keys_;
  std::optional<std::size_t> keep_;
  std::string text_;
  bool done_ = false;
  std::vector<std::pair<std::vector<Value>, Row>> rows_out_;
  std::size_t next_ = 0;
};

// Skip (drop the first `count` rows) and Limit (stop after `count` rows) in one class.
class Slice final : public Operator {
 public:
  Slice(ExecContext* ctx, OperatorPtr child, bool skip, std::int64_t count)
      : Operator(ctx, std::move(child)), skip_(skip), count_(count) {}
  void Reset() override {
    seen_ = 0;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    if (!skip_ && seen_ >= count_) return false;
    while (true) {
      auto more = child_->Next(row);
      if (!more.ok() || !*more) return more;
      if (++seen_ > count_ || !skip_) return true;
    }
  }
  std::string Describe() const override { return fmt::format("{} {}", skip_ ? "Skip" : "Limit", count_); }

 private:
  bool skip_;
  std::int64_t count_;
  std::int64_t seen_ = 0;
};

// Hands out one row per list item, so that a long list costs no more memory than the list itself.
class Unwind final : public Operator {
 public:
  Unwind(ExecContext* ctx, OperatorPtr child, ExprPtr list, int slot, std::string text)
      : Operator(ctx, std::move(child)), list_(std::move(list)), slot_(slot), text_(std::move(text)) {}
  void Reset() override {
    items_ = Value();
    next_ = 0;
    Operator::Reset();
  }

 protected:
  Result<bool> DoNext(Row* row) override {
    while (items_.type() != Value::Type::kList || next_ >= items_.AsList().size()) {
      auto more = child_->Next(&in_);
      if (!more.ok() || !*more) return more;
      auto v = Eval(*list_, in_, ctx_);
      if (!v.ok()) return v.status();
      next_ = 0;
      items_ = v->type() == Value::Type::kList || v->is_null() ? *v : Value::OfList({*v});
    }
    *row = in_;
    (*row)[slot_] = items_.AsList()[next_++];
    return true;
  }
  std::string Describe() const override { return "Unwind " + text_; }

 private:
  ExprPtr list_;
  int slot_;
  std::string text_;
  Row in_;
  Value items_;
  std::size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeFilter(ExecContext* ctx, OperatorPtr child, ExprPtr predicate, std::string text) {
  return std::make_unique<Filter>(ctx, std::move(child), std::move(predicate), std::move(text));
}

OperatorPtr MakeProject(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> items) {
  return std::make_unique<Project>(ctx, std::move(child), std::move(items));
}

OperatorPtr MakeAggregate(ExecContext* ctx, OperatorPtr child, std::vector<Assignment> keys,
                          std::vector<Assignment> aggregates) {
  return std::make_unique<Aggregate>(ctx, std::move(child), std::move(keys), std::move(aggregates));
}

OperatorPtr MakeDistinct(ExecContext* ctx, OperatorPtr child, std::vector<int> slots, std::string text) {
  return std::make_unique<Distinct>(ctx, std::move(child), std::move(slots), std::move(text));
}

OperatorPtr MakeSort(ExecContext* ctx, OperatorPtr child, std::vector<SortKey> keys, std::optional<std::size_t> keep,
                     std::string text) {
  return std::make_unique<Sort>(ctx, std::move(child), std::move(keys), keep, std::move(text));
}

OperatorPtr MakeSkip(ExecContext* ctx, OperatorPtr child, std::int64_t count) {
  return std::make_unique<Slice>(ctx, std::move(child), true, count);
}

OperatorPtr MakeLimit(ExecContext* ctx, OperatorPtr child, std::int64_t count) {
  return std::make_unique<Slice>(ctx, std::move(child), false, count);
}

OperatorPtr MakeUnwind(ExecContext* ctx, OperatorPtr child, ExprPtr list, int slot, std::string text) {
  return std::make_unique<Unwind>(ctx, std::move(child), std::move(list), slot, std::move(text));
}

}  // namespace geokg::query
