// Checkpoints a SQLite file's write-ahead log on a thread of its own, for a long-running
// writer that must not pay for it inside its commits.
//
// SQLite's automatic checkpoint runs in the connection that commits, as part of COMMIT, once
// the log holds 1 000 pages: it copies them into the file and syncs it. On the ledger's one
// writer, with 40 terminals syncing at once, it made a group's commit 19 ms instead of 14
// (tests/bench/RESULTS.md, "Concurrent ingest"). A
// WalCheckpointer takes that job: it replaces the writer's automatic checkpoint (through
// sqlite3_wal_hook, which the automatic one is built on), is told after each commit how many
// pages the log holds, and at 1 000 or more runs a PASSIVE checkpoint on a connection of its
// own. PASSIVE never waits for the writer or for readers; what it cannot copy yet, a later
// checkpoint does. The checkpointing connection syncs the file as the writer would
// (synchronous=FULL), so the log is only reused once what it held is durable in the file.
//
// Errors of a checkpoint are not fatal: the log only grows until the next one succeeds, as
// with SQLite's own.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/status.h"

struct sqlite3;

namespace lapak {

namespace sqlite {
class Database;
}

class WalCheckpointer {
 public:
  // The log's size, in pages, at which a checkpoint is run (SQLite's default for its own).
  static constexpr int kPagesBeforeCheckpoint = 1000;

  // Takes over the checkpoints of `writer`, a connection in WAL mode to the file at `path`,
  // which must outlive the WalCheckpointer. One WalCheckpointer per writer at a time.
  [[nodiscard]] static Result<std::unique_ptr<WalCheckpointer>> Start(sqlite::Database& writer,
                                                                      const std::string& path);
  // Stop()s, and gives the writer its automatic checkpoint back.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Runs the checkpoint that is due, if one is, then ends the thread. Idempotent.
  void Stop();
  // Checkpoints run so far (whatever they could copy).
  int64_t checkpoints() const;

 private:
  WalCheckpointer(sqlite::Database& writer, std::unique_ptr<sqlite::Database> own);
  static int AfterCommit(void* self, sqlite3* db, const char* schema, int pages_in_log);
  void Run();

  sqlite::Database& writer_;
  std::unique_ptr<sqlite::Database> own_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;       // under mutex_
  bool stopping_ = false;  // under mutex_
  int64_t checkpoints_ = 0;  // under mutex_
  std::thread thread_;
};

}  // namespace lapak
