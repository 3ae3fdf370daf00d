// A SQLite ledger made by the first release (schema v1, no hour totals, no tokens) opened by
// this one: the migration keeps every figure, and the sales it cannot place in an hour are
// counted at hour "?" so that each day's hours still add up to the day.
#include <gtest/gtest.h>

#include "core/schema.h"
#include "core/sqlite.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_schema.h"
#include "tests/support/process.h"

namespace lapak::ledger {
namespace {

// A v1 ledger holding one stall's day as v1's ingest left it: two sales, one of them voided,
// and the running totals of that.
void MakeVersion1Ledger(const std::string& path) {
  auto db = std::move(sqlite::Database::Open(path, true)).value();
  ASSERT_TRUE(Migrate(*db, LedgerMigrations(), 1).ok());
  ASSERT_TRUE(db->Exec(R"sql(
INSERT INTO events VALUES ('expo', 'Expo', 'Jawa Tengah', 'Kota Semarang', 'Asia/Jakarta',
                           '2026-11-20', '2026-11-22');
INSERT INTO stalls VALUES ('BKS-07', 'expo', 'Bakso', 'makanan');
INSERT INTO terminals (id, stall_id, terminal_key, enrolled_at_ms, hwm)
  VALUES ('T1', 'BKS-07', zeroblob(32), 0, 3);
INSERT INTO sales VALUES ('T1', 2, 1, '2026-11-21', 25000, 25000, 0, 0, 0),
                         ('T1', 3, 1, '2026-11-21', 40000, 0, 40000, 0, 1);
INSERT INTO day_totals VALUES ('expo', '2026-11-21', 'BKS-07', 2, 1, 65000, 40000, 25000,
                               25000, 0, 0);
)sql").ok());
}

TEST(LedgerMigrationTest, Version1LedgerKeepsItsFiguresAndCountsOldSalesAtUnknownHour) {
  testing::TempDir dir;
  const std::string path = dir.File("ledger.db");
  MakeVersion1Ledger(path);

  Result<std::unique_ptr<LedgerStore>> store = LedgerStore::Open({.sqlite_path = path}, false);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<OrganiserDayReport> day = MakeDayReport(**store, "expo", "2026-11-21", TimePoint{});
  ASSERT_TRUE(day.ok()) << day.status().ToString();

  LedgerFigures expected{2, 1, Money::Rupiah(65000), Money::Rupiah(40000), Money::Rupiah(25000), {}};
  expected.by_method[PaymentMethod::kCash] = Money::Rupiah(25000);
  EXPECT_EQ(expected, day->total);
  ASSERT_FALSE(day->hours.empty());
  EXPECT_EQ("?", day->hours.front().key);
  EXPECT_EQ(expected, day->hours.front().figures);
  LedgerFigures other_hours;
  for (size_t i = 1; i < day->hours.size(); ++i) ASSERT_TRUE(other_hours.Add(day->hours[i].figures).ok());
  EXPECT_EQ(LedgerFigures{}, other_hours);
}

}  // namespace
}  // namespace lapak::ledger
