// The ledger's database, whichever engine holds it: SQLite (the default, one file) or
// PostgreSQL (`--postgres URI`). The ledger store speaks only this interface, so ingest,
// reports and tokens are one code path tested on both engines.
//
// SQL texts are written once for both engines: parameters are $1, $2 … (each may appear
// more than once, in any order); upserts use INSERT … ON CONFLICT (…) DO UPDATE with
// `excluded.`; integers are 64-bit, bytes are Blob values (BLOB / BYTEA), booleans are the
// integers 0 and 1. Each engine keeps its own schema migrations (the DDL differs).
//
// Errors come back as Status, never as exceptions: kIoError for the engine's own failures
// (its message included), kAlreadyExists for a unique or primary key violation.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/durable_database.h"
#include "core/status.h"

namespace lapak::ledger::sql {

// Raw bytes (a key, a hash): bound and read as BLOB / BYTEA, never as text.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// One parameter or column value: NULL, a 64-bit integer, text or bytes.
using Value = std::variant<std::monostate, int64_t, std::string, Blob>;

// A parameter: anything a Value is made from, plus times (UTC milliseconds, the *_ms
// columns) and optional times (NULL when empty).
Value Param(int64_t value);
Value Param(std::string_view text);
Value Param(const Blob& bytes);
Value Param(TimePoint time);
Value Param(const std::optional<TimePoint>& time);

// The rows a query returned, read by row and column index. Reading a column as the wrong
// type is a programming error (asserted); an integer column of NULL reads as 0.
class Rows {
 public:
  Rows() = default;
  explicit Rows(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)) {}

  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }

  int64_t Int(size_t row, size_t column) const;
  std::string Text(size_t row, size_t column) const;
  std::string Bytes(size_t row, size_t column) const;
  bool IsNull(size_t row, size_t column) const;
  std::optional<TimePoint> OptionalTime(size_t row, size_t column) const;

 private:
  std::vector<std::vector<Value>> rows_;
};

enum class Engine { kSqlite, kPostgres };

// One connection to the ledger's database. Not thread-safe: the store serialises use.
class Connection {
 public:
  virtual ~Connection() = default;

  virtual Engine engine() const = 0;

  // Runs one statement and returns its rows (none for INSERT/UPDATE without RETURNING).
  [[nodiscard]] virtual Result<Rows> Query(std::string_view sql, std::span<const Value> params) = 0;
  // Runs one statement that returns no rows; how many rows it inserted, updated or deleted.
  [[nodiscard]] virtual Result<int64_t> Execute(std::string_view sql,
                                                std::span<const Value> params) = 0;

  // Transactions (see Transaction below). A write transaction takes the database's write
  // lock at once (SQLite: BEGIN IMMEDIATE); a read transaction sees one snapshot.
  [[nodiscard]] virtual Status Begin(bool write) = 0;
  [[nodiscard]] virtual Status Commit() = 0;
  virtual void Rollback() = 0;

  // Convenience for literal parameter lists: conn.Query(sql, {Param(a), Param(b)}).
  [[nodiscard]] Result<Rows> Query(std::string_view sql, std::initializer_list<Value> params) {
    return Query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  [[nodiscard]] Result<int64_t> Execute(std::string_view sql, std::initializer_list<Value> params) {
    return Execute(sql, std::span<const Value>(params.begin(), params.size()));
  }
};

// A transaction for the scope: begun on construction, rolled back on destruction unless
// Commit() returned ok. Check status() before using it.
class Transaction {
 public:
  enum Mode { kRead, kWrite };
  Transaction(Connection& connection, Mode mode)
      : connection_(connection), status_(connection.Begin(mode == kWrite)) {}
  ~Transaction() {
    if (status_.ok() && !finished_) connection_.Rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& status() const { return status_; }
  // Only an ok answer means the writes are durable. A failed COMMIT may leave the
  // transaction open (SQLite after a full disk or I/O error): the destructor rolls it back.
  [[nodiscard]] Status Commit() {
    Status committed = connection_.Commit();
    finished_ = committed.ok();
    return committed;
  }

 private:
  Connection& connection_;
  Status status_;
  bool finished_ = false;
};

// Where the ledger's database is: a SQLite file, or a PostgreSQL connection URI
// ("postgresql://user@127.0.0.1:5432/ledger"). Exactly one is set.
struct Location {
  std::string sqlite_path{};
  std::string postgres_uri{};

  // "ledger.db" or the URI with any password replaced by ***, for messages.
  std::string Describe() const;
};

// Opens the database at `location`, creating it when missing and `create` is set (SQLite:
// the file, 0600; PostgreSQL: the tables, in a database that must exist), checks the schema
// version (a newer one is refused) and applies the ledger's migrations. NotFound naming
// `create_hint` when the database is missing or empty and `create` is not set.
// `use` (core/durable_database.h): with kRead nothing can be written through the connection
// (SQLite: SQLITE_OPEN_READONLY, never created; PostgreSQL: every transaction read-only,
// default_transaction_read_only); kServe is `lapak-ledger serve`, which on SQLite checks the
// whole file first after an unclean shutdown, told to `on_check`.
[[nodiscard]] Result<std::unique_ptr<Connection>> Open(const Location& location, bool create,
                                                       std::string_view create_hint,
                                                       DatabaseUse use = DatabaseUse::kWrite,
                                                       const StartupCheckObserver& on_check = {});

}  // namespace lapak::ledger::sql
