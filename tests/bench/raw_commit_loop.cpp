// raw_commit_loop PATH N: the machine's limit for one durable commit per sale, as a whole
// process, for tests/bench/cli_batch_figures.sh to time beside `lapak sell-batch`.
//
// Creates a fresh SQLite file at PATH with the terminal's pragmas (journal_mode=WAL,
// synchronous=FULL), then inserts N rows of 700 bytes (about one sale's journal row) one at a
// time, each in its own transaction (autocommit), through one prepared statement. Prints
// nothing; exits 1 on any failure (a bench set-up error, not a result).
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: raw_commit_loop PATH N\n");
    return 1;
  }
  const std::string path = argv[1];
  const long rows = std::strtol(argv[2], nullptr, 10);
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(v BLOB)",
                         nullptr, nullptr, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db, "INSERT INTO t VALUES (zeroblob(700))", -1, &insert, nullptr) == SQLITE_OK;
  for (long i = 0; ok && i < rows; ++i) {
    ok = sqlite3_step(insert) == SQLITE_DONE && sqlite3_reset(insert) == SQLITE_OK;
  }
  if (!ok) std::fprintf(stderr, "raw_commit_loop: %s\n", sqlite3_errmsg(db));
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return ok ? 0 : 1;
}
