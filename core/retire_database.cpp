#include "core/retire_database.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/business_day.h"
#include "core/refusal.h"
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

bool Exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

// Renames `from` to `to` unless `to` exists: 0, or -1 with errno (EEXIST when it does).
// RENAME_NOREPLACE checks and renames in one step; on a file system without it, link() (which
// never replaces) then unlink() does the same.
int RenameNoReplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  if (::link(from.c_str(), to.c_str()) != 0) return -1;
  if (::unlink(from.c_str()) != 0) {
    const int error = errno;
    (void)::unlink(to.c_str());
    errno = error;
    return -1;
  }
  return 0;
}

}  // namespace

Result<std::string> RetireDatabase(const std::string& path, const Clock& clock) {
  if (::access(path.c_str(), F_OK) != 0) {
    return Refuse(Refusal::kNoDatabase, path);
  }
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path, /*create=*/false);
  if (!db.ok()) return db.status();
  LAPAK_RETURN_IF_ERROR(CheckSchemaVersion(**db, Migrations()));
  // An exclusive lock that outlives the transaction: no other connection may exist now or
  // open until this one closes. With another one open, BEGIN EXCLUSIVE fails at once.
  LAPAK_RETURN_IF_ERROR((*db)->Exec("PRAGMA locking_mode = EXCLUSIVE"));
  if (Status locked = (*db)->Exec("BEGIN EXCLUSIVE"); !locked.ok()) {
    return Refuse(Refusal::kDatabaseInUse);
  }
  Result<int64_t> unsent = UnsentEntries(**db);
  if (!unsent.ok()) return unsent.status();
  if (*unsent > 0) {
    (void)(*db)->Exec("ROLLBACK");
    return Refuse(Refusal::kUnsentBeforeReset, *unsent);
  }
  LAPAK_RETURN_IF_ERROR((*db)->Exec("COMMIT"));
  LAPAK_RETURN_IF_ERROR((*db)->Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  // The first free name of "<path>.retired-<time>", "…-2", "…-3", …: free when neither it nor
  // its -wal and -shm exist (a stale -wal beside the retired file would be read with it), and
  // taken by the rename of the database itself, which never replaces a file.
  const std::string stem = path + ".retired-" + FormatUtc(clock.Now());
  std::string retired;
  for (int n = 1;; ++n) {
    if (n > 1000) {
      return Refuse(Refusal::kNoFreeRetiredName, path, stem);
    }
    retired = n == 1 ? stem : fmt::format("{}-{}", stem, n);
    if (Exists(retired) || Exists(retired + "-wal") || Exists(retired + "-shm")) continue;
    if (RenameNoReplace(path, retired) == 0) break;
    if (errno == EEXIST) continue;  // taken since we looked
    return Refuse(Refusal::kCannotMoveDatabase, path, retired, std::strerror(errno));
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::string from = path + suffix;
    if (!Exists(from)) continue;
    if (RenameNoReplace(from, retired + suffix) != 0) {
      return Refuse(Refusal::kMovedDatabasePartly, path, retired, from, suffix, std::strerror(errno));
    }
  }
  return retired;
}

}  // namespace lapak
