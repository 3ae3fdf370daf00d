// The machine's own limits the report benchmarks quote their figures against, each measured
// straight through the engine's client library, in the same run as the figure:
//
//   RawBulkInsert   a batch's journal rows (terminal, seq, uuid, kind, time, business day,
//                   body, hash) into a plain table (no index, no constraint), one transaction
//                   each. SQLite: a file of its own next to the ledger, WAL and
//                   synchronous=FULL as the ledger, one prepared INSERT a row. PostgreSQL: a
//                   table lapak_bench_raw in the ledger's database, filled by COPY (libpqxx
//                   stream_to), dropped on destruction.
//   RawPointRead    SQLite: one read of a day_totals row by its primary key through sqlite3
//                   (a prepared statement, stepped and reset), autocommit.
//   RawRoundTrip    PostgreSQL: `SELECT 1` through libpqxx on its own connection: one round
//                   trip on loopback.
// Each Time…() returns the wall time of one operation in seconds. Failures abort: they are
// bench set-up errors, not results.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/journal.h"

namespace lapak::bench {

class RawBulkInsert {
 public:
  virtual ~RawBulkInsert() = default;
  virtual double TimeInsert(const std::vector<JournalEntry>& entries) = 0;
};

std::unique_ptr<RawBulkInsert> MakeRawSqliteInsert(const std::string& path);
std::unique_ptr<RawBulkInsert> MakeRawPostgresInsert(const std::string& uri);

class RawPointRead {
 public:
  // The day_totals row (event_id, business_day, stall_id), which must exist.
  RawPointRead(const std::string& ledger_path, const std::string& event_id,
               const std::string& business_day, const std::string& stall_id);
  ~RawPointRead();
  RawPointRead(const RawPointRead&) = delete;
  RawPointRead& operator=(const RawPointRead&) = delete;
  double TimeRead();

 private:
  struct Handles;
  std::unique_ptr<Handles> handles_;
};

class RawRoundTrip {
 public:
  explicit RawRoundTrip(const std::string& uri);
  ~RawRoundTrip();
  RawRoundTrip(const RawRoundTrip&) = delete;
  RawRoundTrip& operator=(const RawRoundTrip&) = delete;
  double TimeSelectOne();

 private:
  struct Handles;
  std::unique_ptr<Handles> handles_;
};

}  // namespace lapak::bench
