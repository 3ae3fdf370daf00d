// Opening a SQLite file for durable writes: checked, configured, migrated.
#include "core/durable_database.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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
      return Status::IoError(fmt::format("cannot set mode 0600 on '{}': {}", path, std::strerror(errno)));
    }
  }
  return Status::Ok();
}

// Checks the file before anything is written to it: it is a database this Lapak can read,
// and it passes SQLite's quick check. Then sets the durability pragmas.
Status ConfigureConnection(sqlite::Database& db, std::span<const Migration> migrations) {
  LAPAK_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA busy_timeout = {}", kBusyTimeoutMs)));
  LAPAK_RETURN_IF_ERROR(CheckSchemaVersion(db, migrations));
  Result<std::string> check = db.QueryText("PRAGMA quick_check");
  if (!check.ok()) return check.status();
  if (*check != "ok") return Status::Corruption("the database failed its quick check: " + *check);
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

}  // namespace

Result<std::unique_ptr<sqlite::Database>> OpenDurableDatabase(const std::string& path, bool create,
                                                              std::span<const Migration> migrations,
                                                              std::string_view create_hint) {
  LAPAK_RETURN_IF_ERROR(PrepareFile(path, create, create_hint));
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path, /*create=*/false);
  if (!db.ok()) return db.status();
  LAPAK_RETURN_IF_ERROR(ConfigureConnection(**db, migrations));
  LAPAK_RETURN_IF_ERROR(Migrate(**db, migrations));
  return db;
}

}  // namespace lapak
