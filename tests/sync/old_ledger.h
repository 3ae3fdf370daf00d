// A ledger of an older schema, on the engine of tests/sync/ledger_target.h, for tests of the
// migrations that bring it up to date: the tables as they were after a given migration, filled
// by the test's own SQL (the store of this build would write the newest schema).
#pragma once

#include <string>

#include "sync/ledger/store/sql.h"

namespace lapak::testing {

class OldLedger {
 public:
  // The schema after SQLite migration `sqlite_version` or PostgreSQL migration
  // `postgres_version`, whichever engine `where` is on.
  OldLedger(ledger::sql::Location where, int sqlite_version, int postgres_version);

  // Creates the tables at `where`, which must be empty. Throws std::runtime_error.
  void Create();

  // Runs `sql` (statements separated by ';') in one transaction; blobs are written as
  // BLOB('hex'), turned into each engine's literal. Throws std::runtime_error.
  void Run(std::string sql);

 private:
  ledger::sql::Location where_;
  int sqlite_version_;
  int postgres_version_;
};

}  // namespace lapak::testing
