#include "sync/ledger/store/ledger_schema.h"

#include <array>

namespace lapak::ledger {

// Money in whole rupiah; times in UTC milliseconds; business days as "YYYY-MM-DD".
// The migrations are history, kept as they ran: their per-method columns (cash, qris,
// transfer) are spelled out, not made from core/payment_method.h. A new payment method is a
// new migration that adds its columns here and in postgres_schema.cpp (figures_sql.h).
static constexpr std::array kLedgerMigrations = {
    Migration{1, R"sql(
CREATE TABLE events (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  province   TEXT NOT NULL,
  regency    TEXT NOT NULL,
  time_zone  TEXT NOT NULL,
  first_day  TEXT NOT NULL,
  last_day   TEXT NOT NULL CHECK (last_day >= first_day)
) STRICT;

CREATE TABLE stalls (
  id        TEXT PRIMARY KEY,
  event_id  TEXT NOT NULL REFERENCES events (id),
  name      TEXT NOT NULL,
  category  TEXT NOT NULL
) STRICT;

-- hwm: every entry 1..hwm of the terminal is in `entries`; last_hash is entry hwm's hash.
CREATE TABLE terminals (
  id                TEXT PRIMARY KEY,
  stall_id          TEXT NOT NULL REFERENCES stalls (id),
  terminal_key      BLOB NOT NULL CHECK (length(terminal_key) = 32),
  enrolled_at_ms    INTEGER NOT NULL,
  revoked_at_ms     INTEGER,
  hwm               INTEGER NOT NULL DEFAULT 0 CHECK (hwm >= 0),
  last_hash         BLOB NOT NULL DEFAULT (zeroblob(32)),
  last_batch_at_ms  INTEGER,
  last_entry_at_ms  INTEGER
) STRICT;

CREATE TABLE entries (
  terminal_id    TEXT NOT NULL REFERENCES terminals (id),
  seq            INTEGER NOT NULL CHECK (seq > 0),
  uuid           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  time_utc_ms    INTEGER NOT NULL,
  business_day   TEXT NOT NULL,
  body           TEXT NOT NULL,
  hash           BLOB NOT NULL,
  received_at_ms INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, seq)
) STRICT, WITHOUT ROWID;

-- What each sale brought in, by method, kept so that a void can take it back out (until
-- migration 9, which keeps what the body does not say in the sale's entry).
CREATE TABLE sales (
  terminal_id  TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  day_number   INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  total        INTEGER NOT NULL,
  cash         INTEGER NOT NULL,
  qris         INTEGER NOT NULL,
  transfer     INTEGER NOT NULL,
  voided       INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  PRIMARY KEY (terminal_id, seq)
) STRICT, WITHOUT ROWID;

-- Running totals per event, business day and stall, by payment method; updated in the
-- transaction that applies the entries. gross counts every sale, voids the voided ones,
-- net = gross - voids = cash + qris + transfer.
CREATE TABLE day_totals (
  event_id     TEXT NOT NULL,
  business_day TEXT NOT NULL,
  stall_id     TEXT NOT NULL,
  sales_count  INTEGER NOT NULL DEFAULT 0,
  voids_count  INTEGER NOT NULL DEFAULT 0,
  gross        INTEGER NOT NULL DEFAULT 0,
  voids        INTEGER NOT NULL DEFAULT 0,
  net          INTEGER NOT NULL DEFAULT 0,
  cash         INTEGER NOT NULL DEFAULT 0,
  qris         INTEGER NOT NULL DEFAULT 0,
  transfer     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, stall_id)
) STRICT, WITHOUT ROWID;

-- The same figures per day session of a terminal, to check its Z report against.
CREATE TABLE session_totals (
  terminal_id  TEXT NOT NULL,
  day_number   INTEGER NOT NULL,
  sales_count  INTEGER NOT NULL DEFAULT 0,
  voids_count  INTEGER NOT NULL DEFAULT 0,
  gross        INTEGER NOT NULL DEFAULT 0,
  voids        INTEGER NOT NULL DEFAULT 0,
  net          INTEGER NOT NULL DEFAULT 0,
  cash         INTEGER NOT NULL DEFAULT 0,
  qris         INTEGER NOT NULL DEFAULT 0,
  transfer     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (terminal_id, day_number)
) STRICT, WITHOUT ROWID;

-- One row per Z report received: the terminal's figures, the ledger's for the same day
-- session, and whether they agree. difference = terminal net - ledger net.
CREATE TABLE reconciliations (
  terminal_id          TEXT NOT NULL,
  z_number             INTEGER NOT NULL,
  stall_id             TEXT NOT NULL,
  business_day         TEXT NOT NULL,
  day_number           INTEGER NOT NULL,
  terminal_sales_count INTEGER NOT NULL,
  terminal_voids_count INTEGER NOT NULL,
  terminal_gross       INTEGER NOT NULL,
  terminal_voids       INTEGER NOT NULL,
  terminal_net         INTEGER NOT NULL,
  terminal_cash        INTEGER NOT NULL,
  terminal_qris        INTEGER NOT NULL,
  terminal_transfer    INTEGER NOT NULL,
  ledger_sales_count   INTEGER NOT NULL,
  ledger_voids_count   INTEGER NOT NULL,
  ledger_gross         INTEGER NOT NULL,
  ledger_voids         INTEGER NOT NULL,
  ledger_net           INTEGER NOT NULL,
  ledger_cash          INTEGER NOT NULL,
  ledger_qris          INTEGER NOT NULL,
  ledger_transfer      INTEGER NOT NULL,
  agrees               INTEGER NOT NULL CHECK (agrees IN (0, 1)),
  difference           INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, z_number)
) STRICT, WITHOUT ROWID;
)sql"},
    // Reports (issue 5): a stall's home regency, the hour of each sale in the event's time
    // zone with running totals per hour, access tokens, and the indexes reports read by.
    // Sales received before this migration have no hour: they are counted at hour -1
    // ("unknown"), so every day's hours still add up to the day.
    Migration{2, R"sql(
ALTER TABLE stalls ADD COLUMN regency TEXT NOT NULL DEFAULT '';
ALTER TABLE sales ADD COLUMN local_hour INTEGER NOT NULL DEFAULT -1;

-- As day_totals, per local hour (0-23, or -1) of the sale; a void counts at its sale's hour.
CREATE TABLE hour_totals (
  event_id     TEXT NOT NULL,
  business_day TEXT NOT NULL,
  local_hour   INTEGER NOT NULL,
  stall_id     TEXT NOT NULL,
  sales_count  INTEGER NOT NULL DEFAULT 0,
  voids_count  INTEGER NOT NULL DEFAULT 0,
  gross        INTEGER NOT NULL DEFAULT 0,
  voids        INTEGER NOT NULL DEFAULT 0,
  net          INTEGER NOT NULL DEFAULT 0,
  cash         INTEGER NOT NULL DEFAULT 0,
  qris         INTEGER NOT NULL DEFAULT 0,
  transfer     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, local_hour, stall_id)
) STRICT, WITHOUT ROWID;

INSERT INTO hour_totals (event_id, business_day, local_hour, stall_id, sales_count, voids_count,
                         gross, voids, net, cash, qris, transfer)
SELECT st.event_id, sa.business_day, -1, st.id, count(*), sum(sa.voided), sum(sa.total),
       sum(sa.voided * sa.total), sum((1 - sa.voided) * sa.total),
       sum((1 - sa.voided) * sa.cash), sum((1 - sa.voided) * sa.qris),
       sum((1 - sa.voided) * sa.transfer)
FROM sales sa JOIN terminals t ON t.id = sa.terminal_id JOIN stalls st ON st.id = t.stall_id
GROUP BY st.event_id, sa.business_day, st.id;

-- A report reader: id is public (listed, revoked by it); only SHA-256 of the secret is kept.
-- role organiser reads the events in token_events, province the events of its province,
-- admin every event.
CREATE TABLE access_tokens (
  id             TEXT PRIMARY KEY,
  secret_hash    BLOB NOT NULL CHECK (length(secret_hash) = 32),
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('organiser', 'province', 'admin')),
  province       TEXT NOT NULL DEFAULT '',
  created_at_ms  INTEGER NOT NULL,
  revoked_at_ms  INTEGER
) STRICT;

CREATE TABLE token_events (
  token_id  TEXT NOT NULL REFERENCES access_tokens (id),
  event_id  TEXT NOT NULL REFERENCES events (id),
  PRIMARY KEY (token_id, event_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX events_by_province ON events (province, first_day);
CREATE INDEX stalls_by_event ON stalls (event_id);
CREATE INDEX terminals_by_stall ON terminals (stall_id);
CREATE INDEX reconciliations_by_stall_day ON reconciliations (stall_id, business_day);
)sql"},
    // The rules of the books at ingest (issue 10): an event's own day cut-off, each
    // terminal's books' state after its hwm (core/books.h; NULL until its next batch works
    // it out from `entries`), and entries findable by uuid, which is never used twice.
    Migration{3, R"sql(
ALTER TABLE events ADD COLUMN day_cutoff TEXT NOT NULL DEFAULT '04:00';
ALTER TABLE terminals ADD COLUMN books TEXT;
CREATE INDEX entries_by_uuid ON entries (terminal_id, uuid);
)sql"},
    // Cash put into a stall's drawer or taken out of it during a day (kas masuk/keluar, the
    // journal's cash_move entries, issue 12): one row each, for the reports beside the sales.
    Migration{4, R"sql(
CREATE TABLE cash_moves (
  terminal_id  TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  stall_id     TEXT NOT NULL,
  business_day TEXT NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  amount       INTEGER NOT NULL CHECK (amount > 0),
  reason       TEXT NOT NULL,
  PRIMARY KEY (terminal_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX cash_moves_by_stall_day ON cash_moves (stall_id, business_day);
)sql"},
    // QRIS payments made through the dynamic code the terminal showed (issue 13; the journal's
    // qris_code_sha256): per event, business day and stall, the sales that stand with such a
    // payment and the amount so paid. The rest of day_totals.qris was confirmed by hand.
    Migration{5, R"sql(
CREATE TABLE qris_shown_totals (
  event_id     TEXT NOT NULL,
  business_day TEXT NOT NULL,
  stall_id     TEXT NOT NULL,
  sales_count  INTEGER NOT NULL DEFAULT 0,
  amount       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, business_day, stall_id)
) STRICT, WITHOUT ROWID;
)sql"},
    // Stalls that keep their names year to year (issue 14). A stall (an UMKM) is registered
    // once, with its home regency, and takes part in many events (event_stalls). A terminal
    // is named by its stall: `name` is the terminal's own id (T1), unique within the stall,
    // and `id` the ledger's key for it, which every other table uses: for a terminal enrolled
    // from now on stall_id || '/' || name ('/' is in no identifier, so it never meets a key
    // of before, which stay as they were, equal to their name). Each terminal is enrolled for
    // one event at a time (event_id), and each Z report and cash move is kept with the event
    // it was booked in. Rebuilds `stalls` without its event_id.
    Migration{6, R"sql(
CREATE TABLE event_stalls (
  event_id  TEXT NOT NULL REFERENCES events (id),
  stall_id  TEXT NOT NULL REFERENCES stalls (id),
  PRIMARY KEY (event_id, stall_id)
) STRICT, WITHOUT ROWID;
INSERT INTO event_stalls (event_id, stall_id) SELECT event_id, id FROM stalls;
CREATE INDEX event_stalls_by_stall ON event_stalls (stall_id);

ALTER TABLE terminals ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE terminals ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
UPDATE terminals SET name = id, event_id = (SELECT s.event_id FROM stalls s WHERE s.id = terminals.stall_id);
CREATE UNIQUE INDEX terminals_by_stall_name ON terminals (stall_id, name);
CREATE INDEX terminals_by_event ON terminals (event_id);

ALTER TABLE reconciliations ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
UPDATE reconciliations SET event_id = (SELECT s.event_id FROM stalls s WHERE s.id = reconciliations.stall_id);
CREATE INDEX reconciliations_by_event_day ON reconciliations (event_id, business_day);
ALTER TABLE cash_moves ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
UPDATE cash_moves SET event_id = (SELECT s.event_id FROM stalls s WHERE s.id = cash_moves.stall_id);
CREATE INDEX cash_moves_by_event_day ON cash_moves (event_id, business_day);

CREATE TABLE stalls_registered (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  category  TEXT NOT NULL,
  regency   TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO stalls_registered (id, name, category, regency) SELECT id, name, category, regency FROM stalls;
DROP TABLE stalls;
ALTER TABLE stalls_registered RENAME TO stalls;
)sql", true},
    // The drawer at each day close (issue 14): the cash the vendor counted and how far it was
    // over (+) or short (−) of what the drawer should have held, as the Z report says, so that
    // reports tell "terminal and ledger agree" apart from "the cash was right". Filled from
    // the Z reports already received.
    Migration{7, R"sql(
ALTER TABLE reconciliations ADD COLUMN counted_cash INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reconciliations ADD COLUMN over_short INTEGER NOT NULL DEFAULT 0;
UPDATE reconciliations SET
  counted_cash = (SELECT json_extract(e.body, '$.counted') FROM entries e
                  WHERE e.terminal_id = reconciliations.terminal_id AND e.kind = 'day_close'
                    AND json_extract(e.body, '$.z') = reconciliations.z_number),
  over_short = (SELECT json_extract(e.body, '$.over_short') FROM entries e
                WHERE e.terminal_id = reconciliations.terminal_id AND e.kind = 'day_close'
                  AND json_extract(e.body, '$.z') = reconciliations.z_number)
WHERE EXISTS (SELECT 1 FROM entries e WHERE e.terminal_id = reconciliations.terminal_id
              AND e.kind = 'day_close' AND json_extract(e.body, '$.z') = reconciliations.z_number);
)sql"},
    // The official code of each regency (issue 14), by the name events and stalls give it,
    // for the province export (regency_codes.h). Empty: codes are recorded by the office.
    Migration{8, R"sql(
CREATE TABLE regencies (
  name     TEXT NOT NULL PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  province TEXT NOT NULL
);
)sql"},
    // A sale's own row moves into its entry (issue 11): `sales` repeated what the entry's
    // body says (day, amounts) to keep two things it does not, and writing its row took a
    // fifth of a batch's writing. A sale's entry now keeps them: local_hour, the hour of
    // hour_totals it is counted at (-1 for a sale received before the ledger kept hours), and
    // whether it is voided (0 or 1). Both are NULL on entries of other kinds.
    Migration{9, R"sql(
ALTER TABLE entries ADD COLUMN local_hour INTEGER;
ALTER TABLE entries ADD COLUMN voided INTEGER CHECK (voided IN (0, 1));
UPDATE entries SET local_hour = s.local_hour, voided = s.voided
FROM sales s WHERE s.terminal_id = entries.terminal_id AND s.seq = entries.seq;
DROP TABLE sales;
)sql"},
};

std::span<const Migration> LedgerMigrations() { return kLedgerMigrations; }

}  // namespace lapak::ledger
