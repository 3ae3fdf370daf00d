// The ledger database's schema on PostgreSQL: the same tables, columns, keys and indexes as
// the SQLite schema (ledger_schema.cpp) reaches after all of its migrations, in PostgreSQL's
// types (BIGINT, BYTEA). The version is kept in the table lapak_schema (postgres_connection.cpp),
// and PostgreSQL's migration numbers are its own: a SQLite migration N is not PostgreSQL's N.
#pragma once

#include <span>

#include "core/schema.h"

namespace lapak::ledger {

std::span<const Migration> PostgresLedgerMigrations();

}  // namespace lapak::ledger
