// Status and Result<T>: how every public function of geokg reports failure.
//
// Modelled on LevelDB's include/leveldb/status.h. No exception crosses a module border: a function that can
// fail returns a Status (or a Result<T> carrying either a value or a non-OK Status), and the caller must look
// at it ([[nodiscard]]; the build turns an ignored result into an error).
#ifndef GEOKG_GRAPH_STATUS_H_
#define GEOKG_GRAPH_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace geokg {

class [[nodiscard]] Status {
 public:
  enum class Code : unsigned char {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad user input: a malformed article, query or option
    kIOError,          // the file system or RocksDB failed
    kCorruption,       // stored bytes that do not decode
    kLocked,           // another process holds the database for writing
    kLimitExceeded,    // an input or result over a configured limit
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Locked(std::string msg) { return Status(Code::kLocked, std::move(msg)); }
  static Status LimitExceeded(std::string msg) {
    return Status(Code::kLimitExceeded, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsLocked() const { return code_ == Code::kLocked; }

  // The message alone, without the code's name: what a user reads after "geokg: ".
  const std::string& message() const { return message_; }

  // "OK", or the code's name followed by the message, for logs and tests.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. Constructing a Result from an OK Status is a bug.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like absl::StatusOr
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Precondition: ok().
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace geokg

#endif  // GEOKG_GRAPH_STATUS_H_
