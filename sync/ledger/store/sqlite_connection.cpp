// sql::Connection on SQLite: the ledger in one file, through core/sqlite.h's statement cache.
// The serving writer (kServe) leaves its log's checkpoints to a WalCheckpointer, off the
// path of its commits, and keeps its temporary files in memory (ServeWrites).
#include <string>

#include "core/durable_database.h"
#include "core/sqlite.h"
#include "core/wal_checkpointer.h"
#include "sync/ledger/store/ledger_schema.h"
#include "sync/ledger/store/sql_engines.h"

namespace lapak::ledger::sql {

namespace {

// "$1 … $2" → SQLite's parameters: plain "?" when each number appears once and in turn ($1,
// $2, … as in a multi-row INSERT), else "?1 … ?2", so that a number may appear more than once
// and in any order. SQLite numbers plain "?" as it meets them, but looks each "?NNN" up among
// those met before: preparing a 256-row INSERT of entries (2 816 parameters) so took 11–18 ms,
// against ~1.5 ms with "?". The ledger's SQL has no '$' inside string literals.
std::string SqliteParameters(std::string_view sql) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  bool in_turn = true;
  int64_t next = 1;
  for (size_t i = 0; i + 1 < sql.size() && in_turn; ++i) {
    if (sql[i] != '$' || !is_digit(sql[i + 1])) continue;
    size_t end = i + 1;
    while (end < sql.size() && is_digit(sql[end])) ++end;
    in_turn = sql.substr(i + 1, end - i - 1) == std::to_string(next++);
    i = end - 1;
  }
  std::string out;
  out.reserve(sql.size());
  for (size_t i = 0; i < sql.size(); ++i) {
    const bool parameter = sql[i] == '$' && i + 1 < sql.size() && is_digit(sql[i + 1]);
    out += parameter ? '?' : sql[i];
    if (parameter && in_turn) {
      while (i + 1 < sql.size() && is_digit(sql[i + 1])) ++i;
    }
  }
  return out;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(std::unique_ptr<sqlite::Database> db) : db_(std::move(db)) {}

  // For the one writer of a serving ledger: its WAL checkpointed on a thread of its own, and
  // its temporary files in memory. Those are the journals that let a statement or a batch's
  // savepoint inside a group commit be undone; SQLite writes them to a file in /var/tmp
  // past 64 KiB, which a batch of 500 entries passes (~7 % of ingest's rate at 40 terminals,
  // tests/bench/RESULTS.md). They hold pages of the open transaction only.
  Status ServeWrites(const std::string& path) {
    LAPAK_RETURN_IF_ERROR(db_->Exec("PRAGMA temp_store = MEMORY"));
    Result<std::unique_ptr<WalCheckpointer>> checkpointer = WalCheckpointer::Start(*db_, path);
    if (!checkpointer.ok()) return checkpointer.status();
    checkpointer_ = std::move(checkpointer).value();
    return Status::Ok();
  }

  Engine engine() const override { return Engine::kSqlite; }

  Result<Rows> Query(std::string_view sql, std::span<const Value> params) override {
    sqlite::Statement statement(*db_, Translated(sql));
    Bind(statement, params);
    std::vector<std::vector<Value>> rows;
    while (statement.Step()) rows.push_back(Row(statement));
    if (!statement.status().ok()) return Failure(statement.status());
    return Rows(std::move(rows));
  }

  Result<int64_t> Execute(std::string_view sql, std::span<const Value> params) override {
    sqlite::Statement statement(*db_, Translated(sql));
    Bind(statement, params);
    if (Status run = statement.Run(); !run.ok()) return Failure(run);
    return sqlite3_changes64(db_->handle());
  }

  Status Begin(bool write) override { return db_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  Status Commit() override { return db_->Exec("COMMIT"); }
  void Rollback() override { (void)db_->Exec("ROLLBACK"); }

 private:
  const std::string& Translated(std::string_view sql) {
    if (auto it = translated_.find(sql); it != translated_.end()) return it->second;
    return translated_.try_emplace(std::string(sql), SqliteParameters(sql)).first->second;
  }

  // `params` outlive `statement` in Query and Execute: their bytes are borrowed, not copied.
  static void Bind(sqlite::Statement& statement, std::span<const Value> params) {
    constexpr auto kBorrowed = sqlite::Statement::Bytes::kBorrowed;
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      std::visit(
          [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) statement.BindNull(index);
            if constexpr (std::is_same_v<T, int64_t>) statement.Bind(index, value);
            if constexpr (std::is_same_v<T, std::string>) statement.Bind(index, value, kBorrowed);
            if constexpr (std::is_same_v<T, Blob>) statement.BindBlob(index, value.bytes, kBorrowed);
          },
          params[i]);
    }
  }

  static std::vector<Value> Row(const sqlite::Statement& statement) {
    std::vector<Value> row;
    row.reserve(statement.ColumnCount());
    for (int column = 0; column < statement.ColumnCount(); ++column) {
      switch (statement.ColumnType(column)) {
        case SQLITE_INTEGER: row.emplace_back(statement.ColumnInt(column)); break;
        case SQLITE_BLOB: row.emplace_back(Blob{statement.ColumnBlob(column)}); break;
        case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
        default: row.emplace_back(statement.ColumnText(column)); break;
      }
    }
    return row;
  }

  // A unique or primary key violation is the caller's kAlreadyExists; the rest stays IoError.
  Status Failure(const Status& status) const {
    const int code = sqlite3_extended_errcode(db_->handle());
    if (code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE) {
      return Status::AlreadyExists(status.message());
    }
    return status;
  }

  std::unique_ptr<sqlite::Database> db_;
  sqlite::TextMap<std::string> translated_;  // the SQL as given → as SQLite's
  std::unique_ptr<WalCheckpointer> checkpointer_;  // kServe only; stopped before db_ closes
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                               const DurableOpenOptions& options) {
  Result<std::unique_ptr<sqlite::Database>> db =
      OpenDurableDatabase(path, LedgerMigrations(), options);
  if (!db.ok()) return db.status();
  auto connection = std::make_unique<SqliteConnection>(std::move(db).value());
  if (options.use == DatabaseUse::kServe) LAPAK_RETURN_IF_ERROR(connection->ServeWrites(path));
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace lapak::ledger::sql
