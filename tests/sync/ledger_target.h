// Which engine the ledger tests keep the ledger in, so that one suite runs on both.
//
// $LAPAK_TEST_LEDGER_ENGINE picks it: unset, "" or "sqlite" for a SQLite file (the default),
// "postgres" for a fresh database on the PostgreSQL server of tests/support/postgres_database.h
// ($LAPAK_TEST_POSTGRES). tests/CMakeLists.txt registers every ledger test binary twice: as
// is, and through lapak_discover_postgres_ledger_tests prefixed "pg." with the engine set to
// "postgres".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sync/ledger/store/sql.h"
#include "tests/support/process.h"

namespace lapak::testing {

// Whether $LAPAK_TEST_LEDGER_ENGINE asks for PostgreSQL. Throws std::runtime_error for a
// value that names no engine, so that a typo fails rather than silently tests SQLite.
bool LedgerOnPostgres();

// Where a test's new, empty ledger is: "ledger.db" in `dir` (not created yet), or a new
// PostgreSQL database (its tables not created yet). Throws std::runtime_error when the
// PostgreSQL server cannot be reached.
ledger::sql::Location NewLedgerLocation(const TempDir& dir);

// The options that point `lapak-ledger` at `where`: {"--db", path} or {"--postgres", uri}.
std::vector<std::string> LedgerDbArgs(const ledger::sql::Location& where);

// Runs the query `sql` (no parameters) on the existing ledger database at `where`, past its
// store's API, on a connection of its own; a running server may hold the database. Throws
// std::runtime_error with the engine's message.
ledger::sql::Rows QueryLedger(const ledger::sql::Location& where, std::string_view sql);

}  // namespace lapak::testing
