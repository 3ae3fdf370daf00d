// Opening a SQLite file for durable writes, shared by the terminal's store and the ledger's.
//
// The file is created with mode 0600 when missing and `create` is set (NotFound naming
// `create_hint`, the command that makes one, otherwise). Before anything is written: the
// schema version is one these `migrations` know (a newer one is refused) and PRAGMA
// quick_check passes. Then WAL, synchronous=FULL, foreign keys and a busy timeout are set
// and checked, and the migrations above user_version are applied.
#pragma once

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

[[nodiscard]] Result<std::unique_ptr<sqlite::Database>> OpenDurableDatabase(
    const std::string& path, bool create, std::span<const Migration> migrations,
    std::string_view create_hint);

}  // namespace lapak
