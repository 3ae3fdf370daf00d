// Status and Result<T>: expected failures as values.
//
// A Status is either ok or carries an error code and a message. A refusal meant for a person
// (a vendor, an organiser) also carries its Refusal code and arguments (core/refusal.h), so
// that each front end says it in the person's language; message() is then its English text.
// A Status without a code carries an engineer's detail (a log line, an SQLite message). Messages name what was wrong and where: the
// CSV line and column, the receipt number, the amount. Functions that can fail in expected
// ways return Status or Result<T> and are [[nodiscard]]; exceptions thrown by libraries
// (SQLite wrappers, fmt, the date library) are caught at the edge of the module that calls
// them and turned into a Status.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lapak {

enum class Refusal : uint16_t;  // core/refusal.h

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a person or a file: nothing was changed
  kNotFound,         // the named thing (product, receipt, day) does not exist
  kAlreadyExists,    // e.g. a stall already initialised, a sale already voided
  kFailedPrecondition,  // the state does not allow it now (day not open, role locked)
  kPermissionDenied,    // wrong PIN
  kCorruption,          // the journal or database failed a check
  kIoError,             // the disk or SQLite refused
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  // A coded refusal: its StatusCode and English message come from its row (core/refusal.cpp).
  Status(Refusal refusal, std::vector<std::string> args);
  // A coded refusal that says where `cause` happened ("line 3, column 4 (price)"): refusal()
  // is `where`, code() and cause() are the cause's; the message is "where: cause".
  Status(Refusal where, std::vector<std::string> args, const Status& cause);
  // A coded refusal followed by a list of refusals, one per line ("2 error(s); nothing was
  // imported" then each line's): code() is `code`; the message is "where\ncause\ncause…".
  Status(Refusal where, std::vector<std::string> args, std::vector<Status> causes);

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Refusal{} (kNone) when the Status is ok or carries only a detail.
  Refusal refusal() const { return refusal_; }
  const std::vector<std::string>& args() const { return args_; }
  // What a Status made with a `where` wraps: one cause (said after ": ") or a list (said one
  // per line); empty otherwise.
  const std::vector<Status>& causes() const;
  bool causes_listed() const { return causes_listed_; }

  // "InvalidArgument: line 3, column 4: price is empty"; "OK" when ok.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  Refusal refusal_{};
  std::vector<std::string> args_;
  std::shared_ptr<const std::vector<Status>> causes_;
  bool causes_listed_ = false;
};

const char* StatusCodeName(StatusCode code);

// A value or the Status that explains why there is none. Holding an ok Status is a bug.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok() && "a Result without a value needs an error");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace lapak

// Returns early from the enclosing function when `expr` (a Status) is not ok.
#define LAPAK_RETURN_IF_ERROR(expr)          \
  do {                                       \
    ::lapak::Status lapak_status_ = (expr);  \
    if (!lapak_status_.ok()) return lapak_status_; \
  } while (false)
