#include "core/sqlite.h"

#include <fmt/core.h>

namespace lapak::sqlite {

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool create) {
  return OpenWithFlags(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
}

Result<std::unique_ptr<Database>> Database::OpenReadOnly(const std::string& path) {
  return OpenWithFlags(path, SQLITE_OPEN_READONLY);
}

Result<std::unique_ptr<Database>> Database::OpenWithFlags(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  flags |= SQLITE_OPEN_FULLMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = fmt::format("cannot open database '{}': {}", path,
                                      handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close(handle);
    return Status::IoError(std::move(message));
  }
  sqlite3_extended_result_codes(handle, 1);
  return std::unique_ptr<Database>(new Database(handle));
}

Database::~Database() {
  if (before_close_) before_close_(*this);
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

size_t TextHash::operator()(std::string_view text) const {
  constexpr size_t kEnd = 256;
  const std::hash<std::string_view> hash;
  if (text.size() <= 2 * kEnd) return hash(text);
  return hash(text.substr(0, kEnd)) ^ (hash(text.substr(text.size() - kEnd)) * 31) ^ (text.size() * 0x9E3779B97F4A7C15ULL);
}

Database::CachedStatement* Database::Acquire(std::string_view sql, int& rc) {
  rc = SQLITE_OK;
  auto it = statements_.find(sql);
  const bool inserted = it == statements_.end();
  if (inserted) it = statements_.try_emplace(std::string(sql)).first;
  if (!inserted && it->second.in_use) return nullptr;
  if (inserted) {
    rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                            &it->second.stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(it->second.stmt);
      statements_.erase(it);
      return nullptr;
    }
  }
  it->second.in_use = true;
  return &it->second;
}

Status Database::Error(int rc, std::string_view what) const {
  return Status::IoError(fmt::format("SQLite error {} ({}) in {}", rc, sqlite3_errmsg(db_), what));
}

Status Database::Exec(std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = Status::IoError(fmt::format("SQLite error {} ({}) in: {}", rc,
                                              message ? message : sqlite3_errstr(rc), sql));
  sqlite3_free(message);
  return status;
}

Result<int64_t> Database::QueryInt(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.Step()) {
    if (!statement.status().ok()) return statement.status();
    return Status::IoError(fmt::format("no row from: {}", sql));
  }
  return statement.ColumnInt(0);
}

Result<std::string> Database::QueryText(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.Step()) {
    if (!statement.status().ok()) return statement.status();
    return Status::IoError(fmt::format("no row from: {}", sql));
  }
  return statement.ColumnText(0);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  int rc = SQLITE_OK;
  cached_ = db.Acquire(sql, rc);
  if (cached_ != nullptr) {
    stmt_ = cached_->stmt;
  } else if (rc == SQLITE_OK) {  // the cached one is in use: a private copy
    rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  }
  Check(rc, "prepare");
}

Statement::~Statement() {
  if (cached_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  cached_->in_use = false;
}

void Statement::Check(int rc, const char* what) {
  if (rc == SQLITE_OK || !status_.ok()) return;
  status_ = db_.Error(rc, stmt_ ? fmt::format("{} of: {}", what, sqlite3_sql(stmt_)) : what);
}

Statement& Statement::Bind(int index, int64_t value) {
  if (stmt_) Check(sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}

namespace {

sqlite3_destructor_type Keeping(Statement::Bytes bytes) {
  return bytes == Statement::Bytes::kBorrowed ? SQLITE_STATIC : SQLITE_TRANSIENT;
}

}  // namespace

Statement& Statement::Bind(int index, std::string_view text, Bytes bytes) {
  if (stmt_) {
    Check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), Keeping(bytes)),
          "bind");
  }
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view blob, Bytes bytes) {
  if (stmt_) {
    Check(sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), Keeping(bytes)),
          "bind");
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (stmt_) Check(sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

Statement& Statement::BindTime(int index, TimePoint time) {
  return Bind(index, static_cast<int64_t>(time.time_since_epoch().count()));
}

bool Statement::Step() {
  if (!status_.ok() || stmt_ == nullptr) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) Check(rc, "step");
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  return status_;
}

void Statement::Reset() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

std::string Statement::ColumnBlob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  return bytes ? std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Statement::ColumnCount() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }

int Statement::ColumnType(int column) const { return sqlite3_column_type(stmt_, column); }

std::optional<TimePoint> Statement::ColumnOptionalTime(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return TimePoint(std::chrono::milliseconds(ColumnInt(column)));
}

WriteTransaction::WriteTransaction(Database& db) : db_(db), begin_status_(db.Exec("BEGIN IMMEDIATE")) {
  finished_ = !begin_status_.ok();
}

WriteTransaction::~WriteTransaction() {
  if (!finished_) (void)db_.Exec("ROLLBACK");
}

Status WriteTransaction::Commit() {
  if (finished_) return Status::FailedPrecondition("transaction already finished");
  Status status = db_.Exec("COMMIT");
  // A failed COMMIT leaves the transaction open in some cases; the destructor rolls it back.
  finished_ = status.ok();
  return status;
}

}  // namespace lapak::sqlite
