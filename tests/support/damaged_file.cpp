#include "tests/support/damaged_file.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>

namespace lapak::testing {

namespace {

// The first column of the first row of `sql` as text; "error: …" on failure.
std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    out = text ? reinterpret_cast<const char*>(text) : "";
  } else if (rc != SQLITE_DONE) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

}  // namespace

std::string DamageTable(const std::string& path, const std::string& table) {
  if (const std::string done = QueryText(path, "PRAGMA wal_checkpoint(TRUNCATE)");
      done.starts_with("error")) {
    return done;
  }
  const std::string root = QueryText(
      path, "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'");
  const std::string page_size = QueryText(path, "PRAGMA page_size");
  if (root.empty() || root.starts_with("error")) return "no table " + table + ": " + root;
  std::FILE* file = std::fopen(path.c_str(), "r+b");
  if (file == nullptr) return "cannot open " + path;
  const long offset = (std::stol(root) - 1) * std::stol(page_size);
  const bool written = std::fseek(file, offset, SEEK_SET) == 0 && std::fputc(0, file) == 0;
  return std::fclose(file) == 0 && written ? "OK" : "cannot write " + path;
}

std::string LeaveUncleanSession(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out = "OK";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    char* message = nullptr;
    if (sqlite3_exec(
            db,
            "CREATE TABLE IF NOT EXISTS writer_sessions (id INTEGER PRIMARY KEY, boot_id TEXT "
            "NOT NULL, pid INTEGER NOT NULL, process_start INTEGER NOT NULL) STRICT;"
            "INSERT INTO writer_sessions (boot_id, pid, process_start) "
            "VALUES ('a boot before the power went', 1, 0)",
            nullptr, nullptr, &message) != SQLITE_OK) {
      out = message ? message : "error";
    }
    sqlite3_free(message);
  } else {
    out = sqlite3_errmsg(db);
  }
  sqlite3_close(db);
  return out;
}

std::string CountSessions(const std::string& path) {
  return QueryText(path, "SELECT count(*) FROM writer_sessions");
}

}  // namespace lapak::testing
