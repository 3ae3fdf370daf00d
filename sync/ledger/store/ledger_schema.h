// The ledger database's schema (SQLite), through PRAGMA user_version like the terminal's.
#pragma once

#include <span>

#include "core/schema.h"

namespace lapak::ledger {

std::span<const Migration> LedgerMigrations();

}  // namespace lapak::ledger
