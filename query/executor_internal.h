// Pieces the operator files share. Internal to query/.
#ifndef GEOKG_QUERY_EXECUTOR_INTERNAL_H_
#define GEOKG_QUERY_EXECUTOR_INTERNAL_H_

#include <optional>
#include <utility>
#include <vector>

#include "query/executor.h"

namespace geokg::query {

// For each row of its child, the rows Fill computes; they are handed out one at a time.
class PerRow : public Operator {
 public:
  using Operator::Operator;
  void Reset() override {
    out_.clear();
    next_ = 0;
    Operator::Reset();
  }

 protected:
  virtual Status Fill(const Row& in, std::vector<Row>* out) = 0;

  Result<bool> DoNext(Row* row) override {
    while (next_ >= out_.size()) {
      out_.clear();
      next_ = 0;
      Row in;
      auto more = child_->Next(&in);
      if (!more.ok() || !*more) return more;
      if (Status s = Fill(in, &out_); !s.ok()) return s;
    }
    *row = std::move(out_[next_++]);
    return true;
  }

 private:
  std::vector<Row> out_;
  std::size_t next_ = 0;
};

// Whether a relationship slot of `row` (or a list of relationships in one) holds the edge `id`.
bool InSlots(const Row& row, const std::vector<int>& slots, graph::EdgeId id);

// The edges at `node` that `spec` allows (direction, relation types, and with `with_dates` its date range),
// each with the node at its far end; only those reaching `far` when it is given. Reads index keys only.
Status Neighbours(ExecContext* ctx, const ExpandSpec& spec, graph::ActorId node, std::optional<graph::ActorId> far,
                  bool with_dates, std::vector<std::pair<graph::EdgeRef, graph::ActorId>>* out);

// The id of the node in `slot`, or nullopt when the slot holds null (an unmatched OPTIONAL MATCH).
std::optional<graph::ActorId> NodeIn(const Row& row, int slot);

}  // namespace geokg::query

#endif  // GEOKG_QUERY_EXECUTOR_INTERNAL_H_
