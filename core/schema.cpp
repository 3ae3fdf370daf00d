#include "core/schema.h"

#include <fmt/core.h>

#include <array>

#include "core/refusal.h"
#include "core/sqlite.h"

namespace lapak {

static constexpr std::array kMigrations = {
    Migration{1, R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE pins (
  role       TEXT PRIMARY KEY CHECK (role IN ('kasir', 'pemilik')),
  salt       BLOB NOT NULL,
  iterations INTEGER NOT NULL CHECK (iterations > 0),
  pin_key    BLOB NOT NULL
) STRICT;

CREATE TABLE products (
  sku      TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  category TEXT NOT NULL,
  price    INTEGER NOT NULL CHECK (price > 0),
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE journal (
  seq          INTEGER PRIMARY KEY CHECK (seq > 0),
  uuid         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('day_open', 'sale', 'void', 'day_close')),
  time_utc_ms  INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  body         TEXT NOT NULL,
  prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash         BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;

CREATE TRIGGER journal_is_gapless BEFORE INSERT ON journal
WHEN NEW.seq <> (SELECT IFNULL(MAX(seq), 0) + 1 FROM journal)
BEGIN SELECT RAISE(ABORT, 'journal sequence numbers are gapless'); END;

CREATE TRIGGER journal_is_never_updated BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are never updated'); END;

CREATE TRIGGER journal_is_never_deleted BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted'); END;

-- Indexes over the journal, written in the same transaction as the entry.
CREATE TABLE days (
  day_number    INTEGER PRIMARY KEY,
  business_day  TEXT NOT NULL,
  open_seq      INTEGER NOT NULL UNIQUE REFERENCES journal (seq),
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  close_seq     INTEGER UNIQUE REFERENCES journal (seq),
  z_number      INTEGER UNIQUE
) STRICT;
CREATE UNIQUE INDEX days_one_open ON days ((close_seq IS NULL)) WHERE close_seq IS NULL;

-- A sale's receipt is (business_day, receipt_number) (see core/receipt_number.h). Keyed by
-- it, with no second index, so that recording a sale writes one page of this table: the
-- key finds a receipt, a day's sales and the day's last receipt number.
CREATE TABLE sales (
  business_day   TEXT NOT NULL,
  receipt_number INTEGER NOT NULL CHECK (receipt_number > 0),
  seq            INTEGER NOT NULL REFERENCES journal (seq),
  day_number     INTEGER NOT NULL REFERENCES days (day_number),
  total          INTEGER NOT NULL,
  cash           INTEGER NOT NULL,
  qris           INTEGER NOT NULL,
  transfer       INTEGER NOT NULL,
  PRIMARY KEY (business_day, receipt_number)
) STRICT, WITHOUT ROWID;

CREATE TABLE voids (
  seq      INTEGER PRIMARY KEY REFERENCES journal (seq),
  sale_seq INTEGER NOT NULL UNIQUE REFERENCES journal (seq),
  reason   TEXT NOT NULL
) STRICT;
)sql"},
    // Version 2: the PIN lock-out is remembered across restarts.
    Migration{2, R"sql(
ALTER TABLE pins ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pins ADD COLUMN locked_until_ms INTEGER NOT NULL DEFAULT 0;
)sql"},
    // Version 3: the link to the bazaar ledger and how far the journal has reached it.
    Migration{3, R"sql(
CREATE TABLE sync_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  ledger_url       TEXT NOT NULL,
  terminal_key     BLOB NOT NULL CHECK (length(terminal_key) = 32),
  enrolled_at_ms   INTEGER NOT NULL,
  acknowledged_seq INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged_seq >= 0),
  last_success_ms  INTEGER,
  last_error       TEXT,
  last_error_ms    INTEGER
) STRICT;
)sql"},
    // Version 4: cash moves (kas masuk/keluar) in the journal. The journal is rebuilt to let
    // its kind be 'cash_move' (every entry kept as it is, byte for byte), with its triggers.
    Migration{4, R"sql(
CREATE TABLE journal_v4 (
  seq          INTEGER PRIMARY KEY CHECK (seq > 0),
  uuid         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('day_open', 'sale', 'void', 'cash_move', 'day_close')),
  time_utc_ms  INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  body         TEXT NOT NULL,
  prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash         BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
INSERT INTO journal_v4 SELECT seq, uuid, kind, time_utc_ms, business_day, body, prev_hash, hash FROM journal;
DROP TABLE journal;
ALTER TABLE journal_v4 RENAME TO journal;

CREATE TRIGGER journal_is_gapless BEFORE INSERT ON journal
WHEN NEW.seq <> (SELECT IFNULL(MAX(seq), 0) + 1 FROM journal)
BEGIN SELECT RAISE(ABORT, 'journal sequence numbers are gapless'); END;

CREATE TRIGGER journal_is_never_updated BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are never updated'); END;

CREATE TRIGGER journal_is_never_deleted BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted'); END;
)sql", /*rebuilds_tables=*/true},
};

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Status CheckSchemaVersion(sqlite::Database& db, std::span<const Migration> migrations) {
  const int latest = migrations.back().version;
  Result<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.status();
  if (*current > latest) {
    return Refuse(Refusal::kSchemaTooNew, *current, latest);
  }
  return Status::Ok();
}

// One migration and the user_version it sets, in one transaction.
static Status Apply(sqlite::Database& db, const Migration& migration) {
  sqlite::WriteTransaction transaction(db);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  LAPAK_RETURN_IF_ERROR(db.Exec(migration.sql));
  if (migration.rebuilds_tables) {
    Result<int64_t> dangling = db.QueryInt("SELECT COUNT(*) FROM pragma_foreign_key_check");
    if (!dangling.ok()) return dangling.status();
    if (*dangling != 0) {
      return Status::Corruption(fmt::format("migration {} leaves {} rows referring to nothing", migration.version, *dangling));
    }
  }
  LAPAK_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", migration.version)));
  return transaction.Commit();
}

Status Migrate(sqlite::Database& db, std::span<const Migration> migrations, int target) {
  if (target < 0) target = migrations.back().version;
  LAPAK_RETURN_IF_ERROR(CheckSchemaVersion(db, migrations));
  Result<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.status();
  for (const Migration& migration : migrations) {
    if (migration.version <= *current || migration.version > target) continue;
    if (migration.rebuilds_tables) LAPAK_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
    const Status applied = Apply(db, migration);
    if (migration.rebuilds_tables) LAPAK_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
    LAPAK_RETURN_IF_ERROR(applied);
  }
  return Status::Ok();
}

}  // namespace lapak
