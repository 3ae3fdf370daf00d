// A ledger that kept each sale's row in its own table (`sales`, before SQLite migration 9 and
// PostgreSQL migration 8) is migrated on both engines: each sale's entry keeps the hour it was
// counted at and whether it is voided, and a sale held from before is voided after at that
// hour.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "core/crypto.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/old_ledger.h"
#include "tests/sync/sealed_batch.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;
using testing::Cash;
using testing::Qris;

template <typename T>
T Take(Result<T> result) {
  if (!result.ok()) throw std::runtime_error(result.status().ToString());
  return std::move(result).value();
}

const GroupRow& HourOf(const OrganiserDayReport& report, const std::string& hour) {
  for (const GroupRow& row : report.hours) {
    if (row.key == hour) return row;
  }
  throw std::runtime_error("hour " + hour + " is not in the day report");
}

TEST(SaleRowsMigrationTest, EachSaleKeepsItsHourAndVoidInItsEntryAndIsVoidedAtThatHourAfter) {
  testing::TempDir dir;
  const sql::Location where = testing::NewLedgerLocation(dir);
  const std::string key(32, '\x42');
  const std::string day = "2026-11-21";

  // The stall's noon: a cash sale and a QRIS one, the QRIS one voided.
  testing::StallFixture bakso(dir.File("bakso.db"), "BKS-07", "T1", testing::Wib(21, 12h));
  const Receipt cash_sale = bakso.Sell(25000, {Cash(25000)});
  const Receipt qris_sale = bakso.Sell(18000, {Qris(18000)});
  bakso.Void(qris_sale.receipt);
  const std::vector<JournalEntry> journal = bakso.Entries();
  ASSERT_EQ(4u, journal.size());  // the day's opening, two sales, the void
  ASSERT_EQ(EntryKind::kDayOpen, journal[0].kind);

  // What the ledger held of it before: entries, their sales rows, the running totals.
  testing::OldLedger old(where, 8, 7);
  old.Create();
  std::string sql = fmt::format(R"sql(
INSERT INTO events (id, name, province, regency, time_zone, first_day, last_day)
  VALUES ('expo', 'Expo', 'Jawa Tengah', 'Kota Semarang', 'Asia/Jakarta', '2026-11-20', '2026-11-22');
INSERT INTO stalls (id, name, category, regency) VALUES ('BKS-07', 'Bakso', 'makanan', 'Kabupaten Demak');
INSERT INTO event_stalls (event_id, stall_id) VALUES ('expo', 'BKS-07');
INSERT INTO terminals (id, stall_id, terminal_key, enrolled_at_ms, hwm, last_hash, name, event_id)
  VALUES ('BKS-07/T1', 'BKS-07', BLOB('{}'), 0, {}, BLOB('{}'), 'T1', 'expo');
)sql",
                                HexEncode(key), journal.back().seq, HexEncode(journal.back().hash));
  for (const JournalEntry& entry : journal) {
    sql += fmt::format(
        "INSERT INTO entries (terminal_id, seq, uuid, kind, time_utc_ms, business_day, body, hash, received_at_ms) "
        "VALUES ('BKS-07/T1', {}, '{}', '{}', {}, '{}', '{}', BLOB('{}'), 0);\n",
        entry.seq, entry.uuid, EntryKindName(entry.kind), entry.time.time_since_epoch().count(), entry.business_day,
        entry.body, HexEncode(entry.hash));
  }
  sql += fmt::format(
      "INSERT INTO sales (terminal_id, seq, day_number, business_day, total, cash, qris, transfer, voided, local_hour) "
      "VALUES ('BKS-07/T1', {1}, 1, '{0}', 25000, 25000, 0, 0, 0, 12), ('BKS-07/T1', {2}, 1, '{0}', 18000, 0, 18000, 0, 1, 12);\n",
      day, cash_sale.seq, qris_sale.seq);
  for (const char* totals : {"day_totals (event_id, business_day, stall_id", "hour_totals (event_id, business_day, local_hour, stall_id"}) {
    const bool hours = std::string_view(totals).starts_with("hour");
    sql += fmt::format(
        "INSERT INTO {}, sales_count, voids_count, gross, voids, net, cash, qris, transfer) "
        "VALUES ('expo', '{}', {}'BKS-07', 2, 1, 43000, 18000, 25000, 25000, 0, 0);\n",
        totals, day, hours ? "12, " : "");
  }
  sql += "INSERT INTO session_totals (terminal_id, day_number, sales_count, voids_count, gross, voids, net, cash, qris, "
         "transfer) VALUES ('BKS-07/T1', 1, 2, 1, 43000, 18000, 25000, 25000, 0, 0)";
  old.Run(sql);

  auto ledger = Take(LedgerStore::Open(where, false));

  // Each sale's entry has its hour and its void; the other entries neither.
  const sql::Rows rows = testing::QueryLedger(where, "SELECT seq, local_hour, voided FROM entries ORDER BY seq");
  ASSERT_EQ(4u, rows.size());
  for (size_t row = 0; row < rows.size(); ++row) {
    const int64_t seq = rows.Int(row, 0);
    if (seq == cash_sale.seq || seq == qris_sale.seq) {
      EXPECT_EQ(12, rows.Int(row, 1)) << "seq " << seq;
      EXPECT_EQ(seq == qris_sale.seq ? 1 : 0, rows.Int(row, 2)) << "seq " << seq;
    } else {
      EXPECT_TRUE(rows.IsNull(row, 1) && rows.IsNull(row, 2)) << "seq " << seq;
    }
  }

  // Two hours later the cash sale held from before is voided too: it comes out of noon.
  bakso.clock().Set(testing::Wib(21, 14h));
  bakso.Void(cash_sale.receipt);
  Ingestor ingestor(*ledger, bakso.clock());
  const std::vector<JournalEntry> more = Take(bakso.store().Entries(journal.back().seq + 1, 100));
  const IngestAnswer answer = ingestor.Handle(testing::SealEntries(more, "BKS-07", "T1", key));
  ASSERT_EQ(200, answer.http_status) << answer.json;

  const OrganiserDayReport report = Take(MakeDayReport(*ledger, "expo", day, bakso.clock().Now()));
  const DayFigures f = bakso.Figures(day);
  const LedgerFigures terminal{f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
  EXPECT_EQ(terminal, report.total);
  EXPECT_EQ(terminal, HourOf(report, "12").figures);
  EXPECT_EQ(2, report.total.voids_count);
  EXPECT_EQ(Money(), report.total.net);
}

}  // namespace
}  // namespace lapak::ledger
