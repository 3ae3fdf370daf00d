// The terminal database's schema and its migrations.
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
};

std::span<const Migration> Migrations();
int LatestSchemaVersion();

// Refuses a database whose user_version is above the latest this build knows; reads only.
[[nodiscard]] Status CheckSchemaVersion(sqlite::Database& db);

// Applies every migration above the database's user_version, up to `target` (the latest by
// default). Refuses a database whose user_version is above the latest this build knows.
[[nodiscard]] Status Migrate(sqlite::Database& db, int target = -1);

}  // namespace lapak
