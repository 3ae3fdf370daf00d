// Schema migrations through PRAGMA user_version, and the terminal database's own.
//
// PRAGMA user_version holds the number of the last migration applied. Migrations run in
// order, each in its own transaction together with the user_version it sets, so a crash
// mid-migration leaves the previous version intact. Migrations are never edited once
// shipped; a change is a new migration.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"

namespace lapak {

namespace sqlite {
class Database;
}

struct Migration {
  int version;
  std::string_view sql;
  // The migration rebuilds a table that others reference (SQLite cannot change a CHECK in
  // place): it runs with foreign keys off, as SQLite's "making other kinds of table schema
  // changes" prescribes, and commits only when PRAGMA foreign_key_check finds nothing.
  bool rebuilds_tables = false;
};

// The terminal database's migrations, in order.
std::span<const Migration> Migrations();
int LatestSchemaVersion();

// Refuses a database whose user_version is above the last of `migrations`; reads only.
[[nodiscard]] Status CheckSchemaVersion(sqlite::Database& db, std::span<const Migration> migrations);

// Applies every one of `migrations` above the database's user_version, up to `target` (the
// last by default). Refuses a database whose user_version is above the last one.
[[nodiscard]] Status Migrate(sqlite::Database& db, std::span<const Migration> migrations,
                             int target = -1);

}  // namespace lapak
