// Opening a SQLite file for durable writes, shared by the terminal's store and the ledger's.
//
// Every open is cheap, whatever the size of the file: it reads the schema version (one this
// Lapak's `migrations` know; a newer one is refused) and, to write, sets and checks WAL,
// synchronous=FULL, foreign keys and a busy timeout and applies the migrations above
// user_version. The whole file is read (PRAGMA quick_check) only by the long-running writer's
// open after an unclean shutdown (below); `lapak verify` and `lapak-ledger verify` check
// every page on demand (PRAGMA integrity_check).
//
// How a program uses the file (DatabaseUse):
//   kRead   a command that only reads (reports, exports, lists, status, verify): opened with
//           SQLITE_OPEN_READONLY, so it cannot write. A file whose schema is behind is first
//           migrated through a writing connection of its own, then opened read-only.
//   kWrite  a command that writes and ends (`lapak sell`, `lapak-ledger event add`, the
//           terminal's uploader): no check of the file.
//   kServe  the long-running writer: `lapak-pos` and `lapak-ledger serve`. Its open checks the
//           whole file first when an earlier long-running writer did not close it cleanly.
//
// Unclean shutdowns, detected with writer sessions. The table writer_sessions, which a kServe
// open creates and which no schema migration touches, holds one row per long-running writer
// that has the file open:
//   writer_sessions := id INTEGER PRIMARY KEY, boot_id TEXT, pid INTEGER, process_start INTEGER
// boot_id is /proc/sys/kernel/random/boot_id of the machine it runs on ("" when unreadable),
// pid its process id and process_start when that process started (/proc/<pid>/stat, field
// 22): together they name one process, never another that is given the same pid later. A
// kServe open inserts its row (after any check) and its connection deletes it as it closes
// — any clean end of the program, whatever its exit code. A row whose writer is gone —
// recorded on another boot (the power went, the machine crashed, or the file was copied from
// elsewhere) or naming a process that no longer runs on this boot (killed, crashed) — is an
// unclean shutdown: the next kServe open runs PRAGMA quick_check before anything is written,
// refuses the file if it is damaged (Corruption; the rows are kept, so the next start checks
// again) and otherwise deletes those rows. Rows of writers still running are left alone, so
// several programs may hold the file at once: the POS and `lapak` commands, `serve` and
// `lapak-ledger report`, even two kServe writers; kRead and kWrite opens never look at the
// rows.
//
// Why only then: SQLite recovers the WAL itself after any crash, and a process that dies
// leaves every write() it made with the operating system, so the file can only be torn when
// the machine itself goes down (power loss on cheap storage that lies about flushing) — and
// the boot id always changes then. A killed process is checked too, as the cautious side.
// What this cannot see: the machine going down while only a short `lapak` or `lapak-ledger`
// command was writing (no session row). `verify` covers that.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/schema.h"
#include "core/status.h"

namespace lapak {

namespace sqlite {
class Database;
}

enum class DatabaseUse { kRead, kWrite, kServe };

// The full check of a kServe open, told to its caller as it starts and as it ends (the caller
// says so and times it: core has no clock).
struct StartupCheck {
  enum class Stage { kStarting, kPassed, kFailed };
  Stage stage = Stage::kStarting;
  int64_t unclean_runs = 0;  // the long-running writers that did not close the file cleanly
};
using StartupCheckObserver = std::function<void(const StartupCheck&)>;

struct DurableOpenOptions {
  DatabaseUse use = DatabaseUse::kWrite;
  // Creates the file with mode 0600 when missing (never for kRead); otherwise a missing file
  // is NotFound naming `create_hint`, the command that makes one.
  bool create = false;
  std::string_view create_hint;
  StartupCheckObserver on_check;  // kServe only; may be empty
};

// The connection, ready for `options.use`. Corruption (Refusal::kDatabaseFailedStartupCheck)
// when a kServe open's check finds the file damaged; nothing has been written then.
[[nodiscard]] Result<std::unique_ptr<sqlite::Database>> OpenDurableDatabase(
    const std::string& path, std::span<const Migration> migrations,
    const DurableOpenOptions& options);

// PRAGMA integrity_check over every page of the file: "ok", or the first problem SQLite
// names (a read that fails on a damaged page is named the same way). For verify; reads only.
[[nodiscard]] std::string CheckEveryPage(sqlite::Database& db);

}  // namespace lapak
