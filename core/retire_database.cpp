#include "core/retire_database.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/business_day.h"
#include "core/schema.h"
#include "core/sqlite.h"

namespace lapak {

namespace {

// Inside the exclusive transaction: how many entries the ledger has not acknowledged.
Result<int64_t> UnsentEntries(sqlite::Database& db) {
  return db.QueryInt(
      "SELECT COALESCE((SELECT MAX(seq) FROM journal), 0) - "
      "COALESCE((SELECT acknowledged_seq FROM sync_state WHERE id = 1), 0)");
}

}  // namespace

Result<std::string> RetireDatabase(const std::string& path, const Clock& clock) {
  if (::access(path.c_str(), F_OK) != 0) {
    return Status::NotFound(fmt::format("there is no database at '{}'", path));
  }
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path, /*create=*/false);
  if (!db.ok()) return db.status();
  LAPAK_RETURN_IF_ERROR(CheckSchemaVersion(**db, Migrations()));
  // An exclusive lock that outlives the transaction: no other connection may exist now or
  // open until this one closes. With another one open, BEGIN EXCLUSIVE fails at once.
  LAPAK_RETURN_IF_ERROR((*db)->Exec("PRAGMA locking_mode = EXCLUSIVE"));
  if (Status locked = (*db)->Exec("BEGIN EXCLUSIVE"); !locked.ok()) {
    return Status::FailedPrecondition(
        "the database is open in another program (lapak-pos, or lapak sync --watch); close it first");
  }
  Result<int64_t> unsent = UnsentEntries(**db);
  if (!unsent.ok()) return unsent.status();
  if (*unsent > 0) {
    (void)(*db)->Exec("ROLLBACK");
    return Status::FailedPrecondition(
        fmt::format("{} journal entries have not reached the ledger; sync first", *unsent));
  }
  LAPAK_RETURN_IF_ERROR((*db)->Exec("COMMIT"));
  LAPAK_RETURN_IF_ERROR((*db)->Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  const std::string retired = path + ".retired-" + FormatUtc(clock.Now());
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string from = path + suffix;
    if (::access(from.c_str(), F_OK) != 0) continue;
    if (::rename(from.c_str(), (retired + suffix).c_str()) != 0) {
      return Status::IoError(fmt::format("cannot move '{}' to '{}{}': {}", from, retired, suffix,
                                         std::strerror(errno)));
    }
  }
  return retired;
}

}  // namespace lapak
