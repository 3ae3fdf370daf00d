// A thin RAII layer over the SQLite C API in which every return code is checked.
//
// Only the stores (core/store*.cpp, core/schema.cpp, core/durable_database.cpp and
// sync/ledger/store/sqlite_connection.cpp) include this header. Errors come back as Status values
// carrying SQLite's own message; nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"
#include "core/status.h"

namespace lapak::sqlite {

// Hashes std::string keys and string_view lookups alike, so that a cache keyed by SQL text
// is searched without copying the text. Only its length and its first and last 256 bytes
// are hashed: a multi-row INSERT's text is ~20 kB, the texts a program uses are few and
// differ there, and equal hashes are still told apart by comparing the whole text.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const;
};
template <typename T>
using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

class Database {
 public:
  // Opens (creating if `create`) the file at `path` in serialized threading mode.
  [[nodiscard]] static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create);
  // Opens the existing file at `path` with SQLITE_OPEN_READONLY: every write fails
  // (SQLITE_READONLY). In WAL mode SQLite still needs the -shm and -wal files beside it, and
  // creates them (empty) when the folder lets it.
  [[nodiscard]] static Result<std::unique_ptr<Database>> OpenReadOnly(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  [[nodiscard]] Status Exec(std::string_view sql);
  // Runs a query that returns one integer (PRAGMA user_version, SELECT count(*)).
  [[nodiscard]] Result<int64_t> QueryInt(std::string_view sql);
  // Runs a query that returns one text value (PRAGMA journal_mode, quick_check).
  [[nodiscard]] Result<std::string> QueryText(std::string_view sql);

  // "SQLite error 5 (database is locked) in <what>".
  Status Error(int rc, std::string_view what) const;
  sqlite3* handle() { return db_; }

  // Runs `before_close` first thing in the destructor, while the connection still works: its
  // last chance to write (a failure there can only be ignored). A later call replaces it.
  void SetBeforeClose(std::function<void(Database&)> before_close) {
    before_close_ = std::move(before_close);
  }

 private:
  friend class Statement;
  struct CachedStatement {  // elements of an unordered_map keep their address
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  explicit Database(sqlite3* db) : db_(db) {}
  [[nodiscard]] static Result<std::unique_ptr<Database>> OpenWithFlags(const std::string& path,
                                                                       int flags);
  // The cached statement for `sql` (marked in use), or nullptr while that one is in use.
  CachedStatement* Acquire(std::string_view sql, int& rc);

  sqlite3* db_;
  TextMap<CachedStatement> statements_;
  std::function<void(Database&)> before_close_;
};

// A prepared statement, borrowed from its Database's cache: the first use of an SQL text
// compiles it, later uses only reset it (compiling an INSERT with triggers costs more than
// running it). The cache keeps one statement per distinct text, so values go in through
// Bind*, never into the SQL text. Bind* are 1-based as in SQLite. Step() answers true while a row is available
// and false when done; a failure is kept and returned by status().
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // How text and blobs are bound: copied by SQLite at once, or borrowed, for a caller that
  // keeps the bytes alive and unchanged until this Statement is destroyed (the destructor
  // clears the bindings, so a cached statement never points at them afterwards).
  enum class Bytes { kCopied, kBorrowed };

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text, Bytes bytes = Bytes::kCopied);
  Statement& BindBlob(int index, std::string_view blob, Bytes bytes = Bytes::kCopied);
  Statement& BindNull(int index);
  // A time as UTC milliseconds since 1970, the schemas' *_ms columns.
  Statement& BindTime(int index, TimePoint time);

  [[nodiscard]] bool Step();
  // Runs a statement that returns no rows; the Status of the whole run.
  [[nodiscard]] Status Run();
  void Reset();

  int ColumnCount() const;
  int ColumnType(int column) const;  // SQLITE_INTEGER, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL …
  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;
  // An *_ms column; nullopt for NULL.
  std::optional<TimePoint> ColumnOptionalTime(int column) const;

  // ok, or the first error met while preparing, binding or stepping.
  const Status& status() const { return status_; }

 private:
  void Check(int rc, const char* what);

  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  Database::CachedStatement* cached_ = nullptr;  // null: finalized, not cached, when done
  Status status_;
};

// BEGIN IMMEDIATE on construction (so a writer never waits to upgrade a read lock), ROLLBACK
// on destruction unless Commit() returned ok. Check status() before using the transaction.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  const Status& status() const { return begin_status_; }
  // COMMIT; only an ok answer means the writes are durable.
  [[nodiscard]] Status Commit();

 private:
  Database& db_;
  Status begin_status_;
  bool finished_ = false;
};

// BEGIN (deferred) on construction, ended on destruction: the reads in between see one
// snapshot of the database, even while another process commits. For reads only.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db), status_(db.Exec("BEGIN")) {}
  ~ReadTransaction() {
    if (status_.ok()) (void)db_.Exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  const Status& status() const { return status_; }

 private:
  Database& db_;
  Status status_;
};

}  // namespace lapak::sqlite
