#include "tests/sync/old_ledger.h"

#include <pqxx/pqxx>
#include <stdexcept>
#include <utility>

#include "core/schema.h"
#include "core/sqlite.h"
#include "sync/ledger/store/ledger_schema.h"
#include "sync/ledger/store/postgres_schema.h"

namespace lapak::testing {

OldLedger::OldLedger(ledger::sql::Location where, int sqlite_version, int postgres_version)
    : where_(std::move(where)), sqlite_version_(sqlite_version), postgres_version_(postgres_version) {}

void OldLedger::Create() {
  if (!where_.postgres_uri.empty()) {
    pqxx::connection connection(where_.postgres_uri);
    pqxx::work work(connection);
    work.exec("CREATE TABLE lapak_schema (version INTEGER NOT NULL); INSERT INTO lapak_schema VALUES (" +
              std::to_string(postgres_version_) + ")");
    for (const Migration& migration : ledger::PostgresLedgerMigrations()) {
      if (migration.version <= postgres_version_) work.exec(std::string(migration.sql));
    }
    work.commit();
    return;
  }
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(where_.sqlite_path, true);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  if (Status migrated = Migrate(**db, ledger::LedgerMigrations(), sqlite_version_); !migrated.ok()) {
    throw std::runtime_error(migrated.ToString());
  }
}

void OldLedger::Run(std::string sql) {
  const bool postgres = !where_.postgres_uri.empty();
  for (size_t at = sql.find("BLOB('"); at != std::string::npos; at = sql.find("BLOB('", at)) {
    const size_t end = sql.find("')", at);
    const std::string hex = sql.substr(at + 6, end - at - 6);
    const std::string literal = postgres ? "'\\x" + hex + "'::bytea" : "X'" + hex + "'";
    sql.replace(at, end + 2 - at, literal);
  }
  if (postgres) {
    pqxx::connection connection(where_.postgres_uri);
    pqxx::work work(connection);
    work.exec(sql);
    work.commit();
    return;
  }
  Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(where_.sqlite_path, false);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  if (Status ran = (*db)->Exec("BEGIN; " + sql + "; COMMIT"); !ran.ok()) throw std::runtime_error(ran.ToString());
}

}  // namespace lapak::testing
