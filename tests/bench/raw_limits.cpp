#include "tests/bench/raw_limits.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <tuple>

#include "tests/bench/bench_support.h"

namespace lapak::bench {

namespace {

class RawSqliteInsert final : public RawBulkInsert {
 public:
  explicit RawSqliteInsert(std::string path) : path_(std::move(path)) {
    RemoveDb(path_);
    if (sqlite3_open(path_.c_str(), &db_) != SQLITE_OK ||
        sqlite3_exec(db_,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                     "CREATE TABLE raw_entries (terminal_id TEXT, seq INTEGER, uuid TEXT, "
                     "kind TEXT, time_utc_ms INTEGER, business_day TEXT, body TEXT, hash BLOB)",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "INSERT INTO raw_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1,
                           &insert_, nullptr) != SQLITE_OK) {
      Die("raw SQLite table: " + std::string(sqlite3_errmsg(db_)));
    }
  }
  ~RawSqliteInsert() override {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
    RemoveDb(path_);
  }

  double TimeInsert(const std::vector<JournalEntry>& entries) override {
    return TimeSeconds([&] {
      if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) Die("begin");
      for (const JournalEntry& e : entries) {
        const std::string_view kind = EntryKindName(e.kind);
        sqlite3_bind_text(insert_, 1, e.terminal_id.data(), static_cast<int>(e.terminal_id.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert_, 2, e.seq);
        sqlite3_bind_text(insert_, 3, e.uuid.data(), static_cast<int>(e.uuid.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert_, 4, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert_, 5, e.time.time_since_epoch().count());
        sqlite3_bind_text(insert_, 6, e.business_day.data(), static_cast<int>(e.business_day.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert_, 7, e.body.data(), static_cast<int>(e.body.size()), SQLITE_STATIC);
        sqlite3_bind_blob(insert_, 8, e.hash.data(), static_cast<int>(e.hash.size()), SQLITE_STATIC);
        if (sqlite3_step(insert_) != SQLITE_DONE) Die("raw insert");
        sqlite3_reset(insert_);
      }
      if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) Die("commit");
    });
  }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

class RawPostgresInsert final : public RawBulkInsert {
 public:
  explicit RawPostgresInsert(const std::string& uri) : connection_(uri) {
    pqxx::work work(connection_);
    work.exec(
        "DROP TABLE IF EXISTS lapak_bench_raw; "
        "CREATE TABLE lapak_bench_raw (terminal_id TEXT, seq BIGINT, uuid TEXT, kind TEXT, "
        "time_utc_ms BIGINT, business_day TEXT, body TEXT, hash BYTEA)");
    work.commit();
  }
  ~RawPostgresInsert() override {
    try {
      pqxx::work work(connection_);
      work.exec("DROP TABLE lapak_bench_raw");
      work.commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "raw_limits: dropping lapak_bench_raw: %s\n", e.what());
    }
  }

  double TimeInsert(const std::vector<JournalEntry>& entries) override {
    return TimeSeconds([&] {
      pqxx::work work(connection_);
      pqxx::stream_to stream(work, "lapak_bench_raw");
      for (const JournalEntry& e : entries) {
        // bytea in COPY's text form: \x and hex digits (the stream escapes the backslash).
        stream << std::make_tuple(e.terminal_id, e.seq, e.uuid, std::string(EntryKindName(e.kind)),
                                  static_cast<int64_t>(e.time.time_since_epoch().count()),
                                  e.business_day, e.body, "\\x" + HexEncode(e.hash));
      }
      stream.complete();
      work.commit();
    });
  }

 private:
  pqxx::connection connection_;
};

}  // namespace

std::unique_ptr<RawBulkInsert> MakeRawSqliteInsert(const std::string& path) {
  return std::make_unique<RawSqliteInsert>(path);
}

std::unique_ptr<RawBulkInsert> MakeRawPostgresInsert(const std::string& uri) {
  return std::make_unique<RawPostgresInsert>(uri);
}

struct RawPointRead::Handles {
  sqlite3* db = nullptr;
  sqlite3_stmt* read = nullptr;
};

RawPointRead::RawPointRead(const std::string& ledger_path, const std::string& event_id,
                           const std::string& business_day, const std::string& stall_id)
    : handles_(std::make_unique<Handles>()) {
  if (sqlite3_open_v2(ledger_path.c_str(), &handles_->db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v3(handles_->db,
                         "SELECT net FROM day_totals WHERE event_id = ?1 AND business_day = ?2 "
                         "AND stall_id = ?3",
                         -1, SQLITE_PREPARE_PERSISTENT, &handles_->read, nullptr) != SQLITE_OK) {
    Die("raw point read: " + std::string(sqlite3_errmsg(handles_->db)));
  }
  sqlite3_bind_text(handles_->read, 1, event_id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(handles_->read, 2, business_day.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(handles_->read, 3, stall_id.c_str(), -1, SQLITE_TRANSIENT);
  TimeRead();  // fails now, not in the middle of a benchmark, when the row is not there
}

RawPointRead::~RawPointRead() {
  sqlite3_finalize(handles_->read);
  sqlite3_close(handles_->db);
}

double RawPointRead::TimeRead() {
  return TimeSeconds([&] {
    if (sqlite3_step(handles_->read) != SQLITE_ROW) Die("raw point read: no row");
    volatile int64_t net = sqlite3_column_int64(handles_->read, 0);
    (void)net;
    sqlite3_reset(handles_->read);
  });
}

struct RawRoundTrip::Handles {
  explicit Handles(const std::string& uri) : connection(uri) {}
  pqxx::connection connection;
};

RawRoundTrip::RawRoundTrip(const std::string& uri) : handles_(std::make_unique<Handles>(uri)) {}
RawRoundTrip::~RawRoundTrip() = default;

double RawRoundTrip::TimeSelectOne() {
  return TimeSeconds([&] {
    pqxx::nontransaction work(handles_->connection);
    if (work.exec("SELECT 1").size() != 1) Die("SELECT 1 returned no row");
  });
}

}  // namespace lapak::bench
