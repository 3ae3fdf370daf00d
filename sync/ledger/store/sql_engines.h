// The two implementations of sql::Connection, chosen by sql::Open (sql.cpp). Only sql.cpp and
// the engines' own files include this header.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sync/ledger/store/sql.h"

namespace lapak::ledger::sql {

// sqlite_connection.cpp: the file at `path`, opened as `options` say (core/durable_database.h)
// with the ledger's SQLite migrations (ledger_schema.cpp).
[[nodiscard]] Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path,
                                                             const DurableOpenOptions& options);

// postgres_connection.cpp: the database at `uri` (libpqxx), with the ledger's PostgreSQL
// migrations (postgres_schema.cpp); `read_only`: after migrating, every transaction of the
// connection, and of any it reconnects with, is read-only.
[[nodiscard]] Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& uri, bool create,
                                                               std::string_view create_hint,
                                                               bool read_only);

}  // namespace lapak::ledger::sql
