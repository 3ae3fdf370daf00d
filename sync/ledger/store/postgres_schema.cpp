#include "sync/ledger/store/postgres_schema.h"

#include <array>

namespace lapak::ledger {

// Money in whole rupiah; times in UTC milliseconds; business days as "YYYY-MM-DD". The
// comments of ledger_schema.cpp say what each table and column means. Text compares and
// sorts by its bytes (COLLATE "C"), as SQLite's does, whatever the database's locale.
// The migrations are history, kept as they ran: their per-method columns (cash, qris,
// transfer) are spelled out, not made from core/payment_method.h. A new payment method is a
// new migration that adds its columns here and in ledger_schema.cpp (figures_sql.h).
static constexpr std::array kPostgresLedgerMigrations = {
    // Version 1: the SQLite schema after its migrations 1 and 2.
    Migration{1, R"sql(
CREATE TABLE events (
  id         TEXT COLLATE "C" PRIMARY KEY,
  name       TEXT COLLATE "C" NOT NULL,
  province   TEXT COLLATE "C" NOT NULL,
  regency    TEXT COLLATE "C" NOT NULL,
  time_zone  TEXT COLLATE "C" NOT NULL,
  first_day  TEXT COLLATE "C" NOT NULL,
  last_day   TEXT COLLATE "C" NOT NULL CHECK (last_day >= first_day)
);

CREATE TABLE stalls (
  id        TEXT COLLATE "C" PRIMARY KEY,
  event_id  TEXT COLLATE "C" NOT NULL REFERENCES events (id),
  name      TEXT COLLATE "C" NOT NULL,
  category  TEXT COLLATE "C" NOT NULL,
  regency   TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE TABLE terminals (
  id                TEXT COLLATE "C" PRIMARY KEY,
  stall_id          TEXT COLLATE "C" NOT NULL REFERENCES stalls (id),
  terminal_key      BYTEA NOT NULL CHECK (octet_length(terminal_key) = 32),
  enrolled_at_ms    BIGINT NOT NULL,
  revoked_at_ms     BIGINT,
  hwm               BIGINT NOT NULL DEFAULT 0 CHECK (hwm >= 0),
  last_hash         BYTEA NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
  last_batch_at_ms  BIGINT,
  last_entry_at_ms  BIGINT
);

CREATE TABLE entries (
  terminal_id    TEXT COLLATE "C" NOT NULL REFERENCES terminals (id),
  seq            BIGINT NOT NULL CHECK (seq > 0),
  uuid           TEXT COLLATE "C" NOT NULL,
  kind           TEXT COLLATE "C" NOT NULL,
  time_utc_ms    BIGINT NOT NULL,
  business_day   TEXT COLLATE "C" NOT NULL,
  body           TEXT COLLATE "C" NOT NULL,
  hash           BYTEA NOT NULL,
  received_at_ms BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, seq)
);

CREATE TABLE sales (
  terminal_id  TEXT COLLATE "C" NOT NULL,
  seq          BIGINT NOT NULL,
  day_number   BIGINT NOT NULL,
  business_day TEXT COLLATE "C" NOT NULL,
  total        BIGINT NOT NULL,
  cash         BIGINT NOT NULL,
  qris         BIGINT NOT NULL,
  transfer     BIGINT NOT NULL,
  voided       BIGINT NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  local_hour   BIGINT NOT NULL DEFAULT -1,
  PRIMARY KEY (terminal_id, seq)
);

CREATE TABLE day_totals (
  event_id     TEXT COLLATE "C" NOT NULL,
  business_day TEXT COLLATE "C" NOT NULL,
  stall_id     TEXT COLLATE "C" NOT NULL,
  sales_count  BIGINT NOT NULL DEFAULT 0,
  voids_count  BIGINT NOT NULL DEFAULT 0,
  gross        BIGINT NOT NULL DEFAULT 0,
  voids        BIGINT NOT NULL DEFAULT 0,
  net          BIGINT NOT NULL DEFAULT 0,
  cash         BIGINT NOT NULL DEFAULT 0,
  qris         BIGINT NOT NULL DEFAULT 0,
  transfer     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, stall_id)
);

CREATE TABLE hour_totals (
  event_id     TEXT COLLATE "C" NOT NULL,
  business_day TEXT COLLATE "C" NOT NULL,
  local_hour   BIGINT NOT NULL,
  stall_id     TEXT COLLATE "C" NOT NULL,
  sales_count  BIGINT NOT NULL DEFAULT 0,
  voids_count  BIGINT NOT NULL DEFAULT 0,
  gross        BIGINT NOT NULL DEFAULT 0,
  voids        BIGINT NOT NULL DEFAULT 0,
  net          BIGINT NOT NULL DEFAULT 0,
  cash         BIGINT NOT NULL DEFAULT 0,
  qris         BIGINT NOT NULL DEFAULT 0,
  transfer     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, local_hour, stall_id)
);

CREATE TABLE session_totals (
  terminal_id  TEXT COLLATE "C" NOT NULL,
  day_number   BIGINT NOT NULL,
  sales_count  BIGINT NOT NULL DEFAULT 0,
  voids_count  BIGINT NOT NULL DEFAULT 0,
  gross        BIGINT NOT NULL DEFAULT 0,
  voids        BIGINT NOT NULL DEFAULT 0,
  net          BIGINT NOT NULL DEFAULT 0,
  cash         BIGINT NOT NULL DEFAULT 0,
  qris         BIGINT NOT NULL DEFAULT 0,
  transfer     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (terminal_id, day_number)
);

CREATE TABLE reconciliations (
  terminal_id          TEXT COLLATE "C" NOT NULL,
  z_number             BIGINT NOT NULL,
  stall_id             TEXT COLLATE "C" NOT NULL,
  business_day         TEXT COLLATE "C" NOT NULL,
  day_number           BIGINT NOT NULL,
  terminal_sales_count BIGINT NOT NULL,
  terminal_voids_count BIGINT NOT NULL,
  terminal_gross       BIGINT NOT NULL,
  terminal_voids       BIGINT NOT NULL,
  terminal_net         BIGINT NOT NULL,
  terminal_cash        BIGINT NOT NULL,
  terminal_qris        BIGINT NOT NULL,
  terminal_transfer    BIGINT NOT NULL,
  ledger_sales_count   BIGINT NOT NULL,
  ledger_voids_count   BIGINT NOT NULL,
  ledger_gross         BIGINT NOT NULL,
  ledger_voids         BIGINT NOT NULL,
  ledger_net           BIGINT NOT NULL,
  ledger_cash          BIGINT NOT NULL,
  ledger_qris          BIGINT NOT NULL,
  ledger_transfer      BIGINT NOT NULL,
  agrees               BIGINT NOT NULL CHECK (agrees IN (0, 1)),
  difference           BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, z_number)
);

CREATE TABLE access_tokens (
  id             TEXT COLLATE "C" PRIMARY KEY,
  secret_hash    BYTEA NOT NULL CHECK (octet_length(secret_hash) = 32),
  name           TEXT COLLATE "C" NOT NULL,
  role           TEXT COLLATE "C" NOT NULL CHECK (role IN ('organiser', 'province', 'admin')),
  province       TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at_ms  BIGINT NOT NULL,
  revoked_at_ms  BIGINT
);

CREATE TABLE token_events (
  token_id  TEXT COLLATE "C" NOT NULL REFERENCES access_tokens (id),
  event_id  TEXT COLLATE "C" NOT NULL REFERENCES events (id),
  PRIMARY KEY (token_id, event_id)
);

CREATE INDEX events_by_province ON events (province, first_day);
CREATE INDEX stalls_by_event ON stalls (event_id);
CREATE INDEX terminals_by_stall ON terminals (stall_id);
CREATE INDEX reconciliations_by_stall_day ON reconciliations (stall_id, business_day);
)sql"},
    // Version 2: as SQLite's migration 3.
    Migration{2, R"sql(
ALTER TABLE events ADD COLUMN day_cutoff TEXT COLLATE "C" NOT NULL DEFAULT '04:00';
ALTER TABLE terminals ADD COLUMN books TEXT COLLATE "C";
CREATE INDEX entries_by_uuid ON entries (terminal_id, uuid);
)sql"},
    // Version 3: as SQLite's migration 4.
    Migration{3, R"sql(
CREATE TABLE cash_moves (
  terminal_id  TEXT COLLATE "C" NOT NULL,
  seq          BIGINT NOT NULL,
  stall_id     TEXT COLLATE "C" NOT NULL,
  business_day TEXT COLLATE "C" NOT NULL,
  direction    TEXT COLLATE "C" NOT NULL CHECK (direction IN ('in', 'out')),
  amount       BIGINT NOT NULL CHECK (amount > 0),
  reason       TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX cash_moves_by_stall_day ON cash_moves (stall_id, business_day);
)sql"},
    // Version 4: as SQLite's migration 5.
    Migration{4, R"sql(
CREATE TABLE qris_shown_totals (
  event_id     TEXT COLLATE "C" NOT NULL,
  business_day TEXT COLLATE "C" NOT NULL,
  stall_id     TEXT COLLATE "C" NOT NULL,
  sales_count  BIGINT NOT NULL DEFAULT 0,
  amount       BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, stall_id)
);
)sql"},
    // Version 5: as SQLite's migration 6.
    Migration{5, R"sql(
CREATE TABLE event_stalls (
  event_id  TEXT COLLATE "C" NOT NULL REFERENCES events (id),
  stall_id  TEXT COLLATE "C" NOT NULL REFERENCES stalls (id),
  PRIMARY KEY (event_id, stall_id)
);
INSERT INTO event_stalls (event_id, stall_id) SELECT event_id, id FROM stalls;
CREATE INDEX event_stalls_by_stall ON event_stalls (stall_id);

ALTER TABLE terminals ADD COLUMN name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE terminals ADD COLUMN event_id TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE terminals t SET name = t.id, event_id = s.event_id FROM stalls s WHERE s.id = t.stall_id;
CREATE UNIQUE INDEX terminals_by_stall_name ON terminals (stall_id, name);
CREATE INDEX terminals_by_event ON terminals (event_id);

ALTER TABLE reconciliations ADD COLUMN event_id TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE reconciliations r SET event_id = s.event_id FROM stalls s WHERE s.id = r.stall_id;
CREATE INDEX reconciliations_by_event_day ON reconciliations (event_id, business_day);
ALTER TABLE cash_moves ADD COLUMN event_id TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE cash_moves c SET event_id = s.event_id FROM stalls s WHERE s.id = c.stall_id;
CREATE INDEX cash_moves_by_event_day ON cash_moves (event_id, business_day);

ALTER TABLE stalls DROP COLUMN event_id;
)sql"},
    // Version 6: as SQLite's migration 7.
    Migration{6, R"sql(
ALTER TABLE reconciliations ADD COLUMN counted_cash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reconciliations ADD COLUMN over_short BIGINT NOT NULL DEFAULT 0;
UPDATE reconciliations r SET counted_cash = (e.body::json->>'counted')::BIGINT,
                             over_short = (e.body::json->>'over_short')::BIGINT
FROM entries e
WHERE e.terminal_id = r.terminal_id AND e.kind = 'day_close' AND (e.body::json->>'z')::BIGINT = r.z_number;
)sql"},
    // Version 7: as SQLite's migration 8.
    Migration{7, R"sql(
CREATE TABLE regencies (
  name     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  code     TEXT COLLATE "C" NOT NULL UNIQUE,
  province TEXT COLLATE "C" NOT NULL
);
)sql"},
    // Version 8: as SQLite's migration 9.
    Migration{8, R"sql(
ALTER TABLE entries ADD COLUMN local_hour BIGINT, ADD COLUMN voided BIGINT CHECK (voided IN (0, 1));
UPDATE entries e SET local_hour = s.local_hour, voided = s.voided
FROM sales s WHERE s.terminal_id = e.terminal_id AND s.seq = e.seq;
DROP TABLE sales;
)sql"},
};

std::span<const Migration> PostgresLedgerMigrations() { return kPostgresLedgerMigrations; }

}  // namespace lapak::ledger
