#include "tests/sync/ledger_target.h"

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "tests/support/postgres_database.h"

namespace lapak::testing {

bool LedgerOnPostgres() {
  const char* value = std::getenv("LAPAK_TEST_LEDGER_ENGINE");
  const std::string_view engine = value == nullptr ? "" : value;
  if (engine.empty() || engine == "sqlite") return false;
  if (engine == "postgres") return true;
  throw std::runtime_error("LAPAK_TEST_LEDGER_ENGINE is '" + std::string(engine) +
                           "'; it must be sqlite or postgres");
}

ledger::sql::Location NewLedgerLocation(const TempDir& dir) {
  if (LedgerOnPostgres()) return {.postgres_uri = test::FreshPostgresDatabase()};
  return {.sqlite_path = dir.File("ledger.db")};
}

std::vector<std::string> LedgerDbArgs(const ledger::sql::Location& where) {
  if (!where.postgres_uri.empty()) return {"--postgres", where.postgres_uri};
  return {"--db", where.sqlite_path};
}

ledger::sql::Rows QueryLedger(const ledger::sql::Location& where, std::string_view sql) {
  Result<std::unique_ptr<ledger::sql::Connection>> db =
      ledger::sql::Open(where, false, "the ledger's database");
  if (!db.ok())
    throw std::runtime_error("open " + where.Describe() + ": " + db.status().ToString());
  Result<ledger::sql::Rows> rows = (*db)->Query(sql, {});
  if (!rows.ok()) throw std::runtime_error(std::string(sql) + ": " + rows.status().ToString());
  return std::move(rows).value();
}

}  // namespace lapak::testing
