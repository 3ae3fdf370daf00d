// Opening a SQLite file: checked cheaply, configured, migrated; the long-running writer's
// session and its check after an unclean shutdown.
#include "core/durable_database.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/refusal.h"
#include "core/sqlite.h"

namespace lapak {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Creates the file readable by its owner only, before SQLite opens it; SQLite gives its -wal
// and -shm files the same mode. An existing file is left as it is. NotFound when the file
// does not exist and `create` is false.
Status PrepareFile(const std::string& path, bool create, std::string_view create_hint) {
  if (::access(path.c_str(), F_OK) == 0) return Status::Ok();
  if (!create) {
    return Refuse(Refusal::kNoDatabaseCreateWith, path, create_hint);
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) {
    return Status::IoError(fmt::format("cannot create '{}': {}", path, std::strerror(errno)));
  }
  if (fd >= 0) {
    const bool narrowed = ::fchmod(fd, 0600) == 0;  // whatever the umask
    ::close(fd);
    if (!narrowed) {
      return Status::IoError(
          fmt::format("cannot set mode 0600 on '{}': {}", path, std::strerror(errno)));
    }
  }
  return Status::Ok();
}

// Reads only: the busy timeout, and a schema version this Lapak knows.
Status CheckSchema(sqlite::Database& db, std::span<const Migration> migrations) {
  LAPAK_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA busy_timeout = {}", kBusyTimeoutMs)));
  return CheckSchemaVersion(db, migrations);
}

// WAL, synchronous=FULL and foreign keys, each set and checked.
Status SetDurability(sqlite::Database& db) {
  Result<std::string> mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  if (*mode != "wal") return Status::IoError(fmt::format("cannot use WAL mode (got '{}')", *mode));
  LAPAK_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON"));
  Result<int64_t> synchronous = db.QueryInt("PRAGMA synchronous");
  Result<int64_t> foreign_keys = db.QueryInt("PRAGMA foreign_keys");
  if (!synchronous.ok()) return synchronous.status();
  if (!foreign_keys.ok()) return foreign_keys.status();
  if (*synchronous != 2 || *foreign_keys != 1) {
    return Status::IoError("SQLite refused synchronous=FULL or foreign_keys=ON");
  }
  return Status::Ok();
}

// "ok", or the first problem `pragma` (quick_check(1) or integrity_check(1)) names; a read
// that fails on a damaged page names it the same way.
std::string CheckPages(sqlite::Database& db, std::string_view pragma) {
  Result<std::string> answer = db.QueryText(pragma);
  return answer.ok() ? *answer : answer.status().message();
}

// ---- writer sessions (see the header) ----------------------------------------------------

constexpr std::string_view kCreateSessions =
    "CREATE TABLE IF NOT EXISTS writer_sessions (id INTEGER PRIMARY KEY, boot_id TEXT NOT NULL, "
    "pid INTEGER NOT NULL, process_start INTEGER NOT NULL) STRICT";

std::string ThisBootId() {
  std::ifstream file("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(file, id);
  return id;
}

// When process `pid` started (field 22 of /proc/<pid>/stat: clock ticks after boot), or -1
// when there is no such process or it has ended (a zombie).
int64_t ProcessStart(int64_t pid) {
  std::ifstream file(fmt::format("/proc/{}/stat", pid));
  std::string stat;
  std::getline(file, stat);
  const size_t name_end = stat.rfind(')');  // the name, field 2, may hold spaces and ')'
  if (name_end == std::string::npos) return -1;
  std::istringstream fields(stat.substr(name_end + 1));
  std::string field;
  fields >> field;  // field 3, the state
  if (field == "Z" || field == "X") return -1;
  for (int skipped = 4; skipped < 22; ++skipped) fields >> field;
  int64_t start = -1;
  fields >> start;
  return fields ? start : -1;
}

bool WriterIsGone(const std::string& boot_id, int64_t pid, int64_t process_start,
                  const std::string& this_boot) {
  return boot_id != this_boot || ProcessStart(pid) != process_start;
}

// The ids of the session rows whose writers are gone; none before the table exists.
Result<std::vector<int64_t>> GoneWriters(sqlite::Database& db) {
  std::vector<int64_t> gone;
  Result<int64_t> tables = db.QueryInt(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'writer_sessions'");
  if (!tables.ok()) return tables.status();
  if (*tables == 0) return gone;
  const std::string this_boot = ThisBootId();
  sqlite::Statement select(db, "SELECT id, boot_id, pid, process_start FROM writer_sessions");
  while (select.Step()) {
    if (WriterIsGone(select.ColumnText(1), select.ColumnInt(2), select.ColumnInt(3), this_boot)) {
      gone.push_back(select.ColumnInt(0));
    }
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return gone;
}

// The sessions of the writers gone without closing the file; when there are any, the file
// is first checked whole (PRAGMA quick_check), told to `on_check` as that starts and ends.
Result<std::vector<int64_t>> CheckAfterUncleanShutdown(sqlite::Database& db,
                                                       const std::string& path,
                                                       const StartupCheckObserver& on_check) {
  Result<std::vector<int64_t>> gone = GoneWriters(db);
  if (!gone.ok() || gone->empty()) return gone;
  const auto tell = [&](StartupCheck::Stage stage) {
    if (on_check) on_check(StartupCheck{stage, static_cast<int64_t>(gone->size())});
  };
  tell(StartupCheck::Stage::kStarting);
  const std::string found = CheckPages(db, "PRAGMA quick_check(1)");
  tell(found == "ok" ? StartupCheck::Stage::kPassed : StartupCheck::Stage::kFailed);
  if (found != "ok") return Refuse(Refusal::kDatabaseFailedStartupCheck, path, found);
  return gone;
}

// In one transaction: forgets the sessions of the `gone` writers (the file has just been
// checked) and records this one, whose row the connection deletes as it closes.
Status BeginWriterSession(sqlite::Database& db, const std::vector<int64_t>& gone) {
  sqlite::WriteTransaction transaction(db);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  LAPAK_RETURN_IF_ERROR(db.Exec(kCreateSessions));
  for (int64_t id : gone) {
    LAPAK_RETURN_IF_ERROR(
        sqlite::Statement(db, "DELETE FROM writer_sessions WHERE id = ?").Bind(1, id).Run());
  }
  const int64_t pid = ::getpid();
  LAPAK_RETURN_IF_ERROR(
      sqlite::Statement(
          db, "INSERT INTO writer_sessions (boot_id, pid, process_start) VALUES (?, ?, ?)")
          .Bind(1, std::string_view(ThisBootId()))
          .Bind(2, pid)
          .Bind(3, ProcessStart(pid))
          .Run());
  const int64_t session = sqlite3_last_insert_rowid(db.handle());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  db.SetBeforeClose([session](sqlite::Database& closing) {
    (void)sqlite::Statement(closing, "DELETE FROM writer_sessions WHERE id = ?")
        .Bind(1, session)
        .Run();
  });
  return Status::Ok();
}

// ---- the three uses ----------------------------------------------------------------------

Result<std::unique_ptr<sqlite::Database>> OpenToWrite(const std::string& path,
                                                      std::span<const Migration> migrations,
                                                      const DurableOpenOptions& options) {
  LAPAK_RETURN_IF_ERROR(PrepareFile(path, options.create, options.create_hint));
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path, /*create=*/false);
  if (!db.ok()) return db.status();
  LAPAK_RETURN_IF_ERROR(CheckSchema(**db, migrations));
  std::vector<int64_t> gone;
  if (options.use == DatabaseUse::kServe) {
    Result<std::vector<int64_t>> checked = CheckAfterUncleanShutdown(**db, path, options.on_check);
    if (!checked.ok()) return checked.status();
    gone = std::move(checked).value();
  }
  LAPAK_RETURN_IF_ERROR(SetDurability(**db));
  LAPAK_RETURN_IF_ERROR(Migrate(**db, migrations));
  if (options.use == DatabaseUse::kServe) LAPAK_RETURN_IF_ERROR(BeginWriterSession(**db, gone));
  return db;
}

Result<std::unique_ptr<sqlite::Database>> OpenReadOnlyChecked(
    const std::string& path, std::span<const Migration> migrations) {
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::OpenReadOnly(path);
  if (!db.ok()) return db.status();
  LAPAK_RETURN_IF_ERROR(CheckSchema(**db, migrations));
  return db;
}

// A schema behind this Lapak's is migrated by a writing connection, opened and closed first.
Result<std::unique_ptr<sqlite::Database>> OpenToRead(const std::string& path,
                                                     std::span<const Migration> migrations,
                                                     std::string_view create_hint) {
  LAPAK_RETURN_IF_ERROR(PrepareFile(path, /*create=*/false, create_hint));
  {
    Result<std::unique_ptr<sqlite::Database>> db = OpenReadOnlyChecked(path, migrations);
    if (!db.ok()) return db.status();
    Result<int64_t> version = (*db)->QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (*version == migrations.back().version) return db;
  }  // closed before the writer migrates
  const DurableOpenOptions migrating{
      .use = DatabaseUse::kWrite, .create = false, .create_hint = create_hint, .on_check = {}};
  LAPAK_RETURN_IF_ERROR(OpenToWrite(path, migrations, migrating).status());
  return OpenReadOnlyChecked(path, migrations);
}

}  // namespace

Result<std::unique_ptr<sqlite::Database>> OpenDurableDatabase(const std::string& path,
                                                              std::span<const Migration> migrations,
                                                              const DurableOpenOptions& options) {
  if (options.use == DatabaseUse::kRead) return OpenToRead(path, migrations, options.create_hint);
  return OpenToWrite(path, migrations, options);
}

std::string CheckEveryPage(sqlite::Database& db) {
  return CheckPages(db, "PRAGMA integrity_check(1)");
}

}  // namespace lapak
