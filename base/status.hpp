// Status and Result<T>: how every failure a user can cause is reported.
//
// Contract: functions that can fail because of input (a statement, a file, a
// request) return Status or Result<T>; they never throw across a module
// boundary. A Status carries a code, a message and, for language errors, the
// 1-based line and column of the offending input.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace mnemo {

enum class StatusCode : uint8_t {
  kOk = 0,
  kSyntaxError,      // the text does not parse (line/column set)
  kBindError,        // names or types do not resolve (line/column set when known)
  kSchemaViolation,  // a write breaks the declared schema
  kConstraint,       // a write breaks an invariant (duplicate key, dangling role)
  kTypeError,        // an expression is applied to a value of the wrong type
  kNotFound,         // a referenced record does not exist
  kInvalidArgument,  // an API argument is malformed
  kUnsupported,      // a valid form that this version does not execute
  kCorruption,       // stored data fails its checksum or format checks
  kIOError,          // the operating system refused a file operation
  kResourceLimit,    // a size, depth or time limit was exceeded
  kInternal,         // a bug: should never be reachable from input
};

// Stable, machine-readable names used in JSON errors ("SyntaxError", ...).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, int line = 0, int column = 0)
      : code_(code), message_(std::move(message)), line_(line), column_(column) {}

  static Status OK() { return {}; }
  static Status SyntaxError(std::string msg, int line, int column) {
    return {StatusCode::kSyntaxError, std::move(msg), line, column};
  }
  static Status BindError(std::string msg, int line = 0, int column = 0) {
    return {StatusCode::kBindError, std::move(msg), line, column};
  }
  static Status SchemaViolation(std::string msg) { return {StatusCode::kSchemaViolation, std::move(msg)}; }
  static Status Constraint(std::string msg) { return {StatusCode::kConstraint, std::move(msg)}; }
  static Status TypeError(std::string msg) { return {StatusCode::kTypeError, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status ResourceLimit(std::string msg) { return {StatusCode::kResourceLimit, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  int line() const { return line_; }
  int column() const { return column_; }
  bool has_position() const { return line_ > 0; }

  // Sets the position if none is set yet (inner errors win).
  Status& WithPosition(int line, int column) {
    if (line_ == 0) { line_ = line; column_ = column; }
    return *this;
  }

  // "SyntaxError at 1:7: expected ')'" — one line, for logs and tests.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  int line_ = 0;
  int column_ = 0;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}           // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {     // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { assert(ok()); return std::get<T>(data_); }
  const T& value() const& { assert(ok()); return std::get<T>(data_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace mnemo

// Propagates a failed Status / Result out of the current function.
#define MNEMO_RETURN_IF_ERROR(expr)              \
  do {                                           \
    ::mnemo::Status _mnemo_st = (expr);          \
    if (!_mnemo_st.ok()) return _mnemo_st;       \
  } while (0)

#define MNEMO_CONCAT_INNER(a, b) a##b
#define MNEMO_CONCAT(a, b) MNEMO_CONCAT_INNER(a, b)
#define MNEMO_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
// MNEMO_ASSIGN_OR_RETURN(auto x, ComputeX());
#define MNEMO_ASSIGN_OR_RETURN(lhs, expr) \
  MNEMO_ASSIGN_OR_RETURN_IMPL(MNEMO_CONCAT(_mnemo_res_, __LINE__), lhs, expr)
