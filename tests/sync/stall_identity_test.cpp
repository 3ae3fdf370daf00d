// Stalls that keep their names year to year (issue 14), on both engines: a stall registered
// once takes part in many events; T1 of one stall and T1 of another are two terminals; a
// terminal revoked after one event is enrolled for the next and goes on with its journal;
// and a ledger of the schema before all this (SQLite 5, PostgreSQL 4) is migrated with every
// figure kept, its terminals syncing on, old builds (envelope version 1) among them.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "core/business_day.h"
#include "core/crypto.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/old_ledger.h"
#include "tests/sync/sealed_batch.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::ledger {
namespace {

using testing::Cash;
using testing::Qris;
using testing::StallFixture;

template <typename T>
T Take(Result<T> result) {
  if (!result.ok()) throw std::runtime_error(result.status().ToString());
  return std::move(result).value();
}

void Require(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

// Noon WIB of `date` (YYYY-MM-DD).
TimePoint NoonWib(const std::string& date) { return *ParseUtc(date + "T05:00:00.000Z"); }

LedgerFigures ToLedger(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

const StallDayRow& RowOf(const OrganiserDayReport& report, const std::string& stall_id) {
  for (const StallDayRow& row : report.stalls) {
    if (row.stall_id == stall_id) return row;
  }
  throw std::runtime_error(stall_id + " is not in the day report");
}

// A batch as a terminal built before stall-named terminals sends it: envelope version 1, with
// no stall id (sync/envelope.h).
std::string SealVersion1(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                         const std::string& terminal_id, const std::string& key) {
  const std::string payload = sync::EncodePayload(sync::ToWire(stall_id, terminal_id, entries));
  const auto big_endian = [](uint64_t value, int bytes) {
    std::string out;
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
    return out;
  };
  std::string bytes = std::string(sync::kEnvelopeMagic) + big_endian(1, 2) + big_endian(0, 1) +
                      big_endian(terminal_id.size(), 1) + terminal_id +
                      big_endian(static_cast<uint64_t>(entries.front().seq), 8) +
                      big_endian(static_cast<uint64_t>(entries.back().seq), 8) + big_endian(payload.size(), 4) +
                      payload;
  const Sha256Digest mac = HmacSha256(key, bytes);
  return bytes.append(reinterpret_cast<const char*>(mac.data()), mac.size());
}

TEST(StallIdentityTest, ALedgerOfTheSchemaBeforeKeepsEveryFigureAndItsTerminalsSyncOn) {
  testing::TempDir dir;
  const sql::Location where = testing::NewLedgerLocation(dir);
  const std::string key(32, '\x42');
  const std::string day = "2026-11-21";

  // The stall's day as the terminal has it: a cash sale, a QRIS one, the Z (the drawer
  // Rp5.000 short).
  StallFixture bakso(dir.File("bakso.db"), "BKS-07", "T1", NoonWib(day));
  bakso.Sell(25000, {Cash(25000)});
  bakso.Sell(18000, {Qris(18000)});
  bakso.CloseDay(20000);
  const std::vector<JournalEntry> journal = bakso.Entries();
  const DayFigures figures = bakso.Figures(day);

  // What the ledger held of it before: entries, sales, day totals, the Z, a cash move.
  testing::OldLedger old(where, 5, 4);  // before stall-named terminals
  old.Create();
  std::string sql = R"sql(
INSERT INTO events (id, name, province, regency, time_zone, first_day, last_day)
  VALUES ('expo', 'Expo 2026', 'Jawa Tengah', 'Kota Semarang', 'Asia/Jakarta', '2026-11-20', '2026-11-22');
INSERT INTO stalls (id, event_id, name, category, regency) VALUES ('BKS-07', 'expo', 'Bakso', 'makanan', 'Kabupaten Demak');
)sql";
  sql += fmt::format(
      "INSERT INTO terminals (id, stall_id, terminal_key, enrolled_at_ms, hwm, last_hash) "
      "VALUES ('T1', 'BKS-07', BLOB('{}'), 0, {}, BLOB('{}'));\n",
      HexEncode(key), journal.back().seq, HexEncode(journal.back().hash));
  for (const JournalEntry& entry : journal) {
    sql += fmt::format(
        "INSERT INTO entries (terminal_id, seq, uuid, kind, time_utc_ms, business_day, body, hash, received_at_ms) "
        "VALUES ('T1', {}, '{}', '{}', {}, '{}', '{}', BLOB('{}'), 0);\n",
        entry.seq, entry.uuid, EntryKindName(entry.kind), entry.time.time_since_epoch().count(), entry.business_day,
        entry.body, HexEncode(entry.hash));
  }
  sql += fmt::format(
      "INSERT INTO sales (terminal_id, seq, day_number, business_day, total, cash, qris, transfer, voided, local_hour) "
      "VALUES ('T1', 2, 1, '{0}', 25000, 25000, 0, 0, 0, 12), ('T1', 3, 1, '{0}', 18000, 0, 18000, 0, 0, 12);\n"
      "INSERT INTO day_totals (event_id, business_day, stall_id, sales_count, voids_count, gross, voids, net, cash, "
      "qris, transfer) VALUES ('expo', '{0}', 'BKS-07', 2, 0, 43000, 0, 43000, 25000, 18000, 0);\n"
      "INSERT INTO session_totals (terminal_id, day_number, sales_count, voids_count, gross, voids, net, cash, qris, "
      "transfer) VALUES ('T1', 1, 2, 0, 43000, 0, 43000, 25000, 18000, 0);\n"
      "INSERT INTO reconciliations VALUES ('T1', 1, 'BKS-07', '{0}', 1, 2, 0, 43000, 0, 43000, 25000, 18000, 0, "
      "2, 0, 43000, 0, 43000, 25000, 18000, 0, 1, 0);\n"
      "INSERT INTO cash_moves VALUES ('T1', 90, 'BKS-07', '{0}', 'in', 5000, 'tambah receh');\n",
      day);
  old.Run(sql);

  auto ledger = Take(LedgerStore::Open(where, false));
  const TimePoint now = NoonWib("2026-11-22");

  // Every figure as it was, the Z and the cash move with their event.
  const OrganiserDayReport report = Take(MakeDayReport(*ledger, "expo", day, now));
  const StallDayRow& row = RowOf(report, "BKS-07");
  EXPECT_EQ(ToLedger(figures), row.figures);
  EXPECT_EQ("Bakso", row.name);
  EXPECT_EQ(ZState::kAgrees, row.z_state);
  EXPECT_EQ(Money::Rupiah(-5000), row.drawer_over_short);  // read back from the Z received
  EXPECT_EQ(Money::Rupiah(5000), row.cash_moves.in);
  const EventReport event = Take(MakeEventReport(*ledger, "expo", 10, now));
  EXPECT_EQ(1, event.stalls);
  ASSERT_EQ(1u, event.regencies.size());
  EXPECT_EQ("Kabupaten Demak", event.regencies.front().key);
  const std::vector<TerminalRecord> terminals = Take(ledger->Terminals());
  ASSERT_EQ(1u, terminals.size());
  EXPECT_EQ("T1", terminals[0].id);
  EXPECT_EQ("T1", terminals[0].name);
  EXPECT_EQ("BKS-07", terminals[0].stall_id);
  EXPECT_EQ("expo", terminals[0].event_id);

  // Next year's bazaar: the stall comes back under its id, keeping its name; a new stall
  // also has a terminal named T1.
  Require(ledger->AddEvent({"expo-2027", "Expo 2027", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
                            "2027-11-20", "2027-11-22"}));
  Require(ledger->AddStall({"BKS-07", "expo-2027", "", ""}));
  Require(ledger->AddStall({"MIE-02", "expo-2027", "Mie Ayam", "makanan"}));
  const std::string mie_key = Take(ledger->EnrolTerminal({"MIE-02", "T1"}, now));
  EXPECT_EQ("MIE-02/T1", Take(ledger->FindTerminal({"MIE-02", "T1"}))->id);

  // The old terminal goes on: a sale sent by a new build (version 2), then one by an old
  // build (version 1), which still finds T1 of BKS-07 though MIE-02 has a T1 too.
  Ingestor ingestor(*ledger, bakso.clock());
  bakso.clock().Set(NoonWib("2026-11-22"));
  bakso.Sell(30000, {Cash(30000)});
  const int64_t sent = journal.back().seq;
  std::vector<JournalEntry> more = Take(bakso.store().Entries(sent + 1, 100));
  IngestAnswer answer = ingestor.Handle(testing::SealEntries(more, "BKS-07", "T1", key));
  ASSERT_EQ(200, answer.http_status) << answer.json;
  bakso.Sell(12000, {Cash(12000)});
  more = Take(bakso.store().Entries(more.back().seq + 1, 100));
  answer = ingestor.Handle(SealVersion1(more, "BKS-07", "T1", key));
  ASSERT_EQ(200, answer.http_status) << answer.json;
  // MIE-02's T1 key cannot pass for BKS-07's T1 in a version 1 envelope.
  answer = ingestor.Handle(SealVersion1(more, "BKS-07", "T1", mie_key));
  EXPECT_EQ(401, answer.http_status) << answer.json;

  const OrganiserDayReport next = Take(MakeDayReport(*ledger, "expo", "2026-11-22", now));
  EXPECT_EQ(ToLedger(bakso.Figures("2026-11-22")), RowOf(next, "BKS-07").figures);
  EXPECT_EQ(more.back().seq, Take(ledger->FindTerminal({"BKS-07", "T1"}))->hwm);
}

// A stall at last year's bazaar and this year's, with the same terminal; another stall's
// terminal with the same id; every figure where it belongs.
TEST(StallIdentityTest, StallIdsAcrossEventsAndTerminalIdsAcrossStalls) {
  testing::TempDir dir;
  auto ledger = Take(LedgerStore::Open(testing::NewLedgerLocation(dir), true));
  Require(ledger->AddEvent({"bazar-2025", "Bazar 2025", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
                            "2025-11-21", "2025-11-23"}));
  Require(ledger->AddEvent({"bazar-2026", "Bazar 2026", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
                            "2026-11-20", "2026-11-22"}));
  Require(ledger->AddStall({"BKS-07", "bazar-2025", "Bakso Pak Kumis", "makanan", "Kabupaten Demak"}));
  Require(ledger->AddStall({"BKS-07", "bazar-2026", "", ""}));
  Require(ledger->AddStall({"MIE-02", "bazar-2026", "Mie Ayam Bu Tin", "makanan"}));

  // A stall of two events must say for which its terminal is enrolled.
  const Status unsaid = ledger->EnrolTerminal({"BKS-07", "T1"}, NoonWib("2025-11-20")).status();
  EXPECT_EQ(Refusal::kStallEventNotGiven, unsaid.refusal());
  EXPECT_NE(std::string::npos, unsaid.message().find("bazar-2025, bazar-2026")) << unsaid.message();

  StallFixture bakso(dir.File("bakso.db"), "BKS-07", "T1", NoonWib("2025-11-22"));
  Ingestor ingestor(*ledger, bakso.clock());
  const auto sync_all = [&](StallFixture& stall, const std::string& stall_id, const std::string& key, int64_t after) {
    const std::vector<JournalEntry> entries = Take(stall.store().Entries(after + 1, 500));
    const IngestAnswer answer = ingestor.Handle(testing::SealEntries(entries, stall_id, "T1", key));
    if (answer.http_status != 200) throw std::runtime_error(stall_id + ": " + answer.json);
    return entries.back().seq;
  };

  const std::string key_2025 = Take(ledger->EnrolTerminal({"BKS-07", "T1"}, NoonWib("2025-11-20"), "bazar-2025"));
  bakso.Sell(20000, {Cash(20000)});
  bakso.Sell(15000, {Qris(15000)});
  bakso.CloseDay(20000);
  const DayFigures day_2025 = bakso.Figures("2025-11-22");
  int64_t sent = sync_all(bakso, "BKS-07", key_2025, 0);

  // A year on: last year's key is revoked, and the same terminal is enrolled for this year's
  // bazaar, keeping what the ledger holds of it.
  Require(ledger->RevokeTerminal({"BKS-07", "T1"}, NoonWib("2025-11-24")));
  const std::string key_2026 = Take(ledger->EnrolTerminal({"BKS-07", "T1"}, NoonWib("2026-11-19"), "bazar-2026"));
  EXPECT_EQ(sent, Take(ledger->FindTerminal({"BKS-07", "T1"}))->hwm);
  bakso.clock().Set(NoonWib("2026-11-21"));
  bakso.Sell(25000, {Cash(25000)});
  bakso.CloseDay(30000);  // Rp5.000 over
  const DayFigures day_2026 = bakso.Figures("2026-11-21");
  sent = sync_all(bakso, "BKS-07", key_2026, sent);
  // Last year's key no longer passes (this sale stays unsent).
  bakso.Sell(10000, {Cash(10000)});
  const std::vector<JournalEntry> late = Take(bakso.store().Entries(sent + 1, 10));
  EXPECT_EQ(401, ingestor.Handle(testing::SealEntries(late, "BKS-07", "T1", key_2025)).http_status);

  // MIE-02's own T1: a terminal of its own, its stall's only event by default.
  StallFixture mie(dir.File("mie.db"), "MIE-02", "T1", NoonWib("2026-11-21"));
  const std::string mie_key = Take(ledger->EnrolTerminal({"MIE-02", "T1"}, NoonWib("2026-11-19")));
  EXPECT_NE(mie_key, key_2026);
  mie.Sell(18000, {Qris(18000)});
  mie.CloseDay(0);
  sync_all(mie, "MIE-02", mie_key, 0);

  const TimePoint now = NoonWib("2026-11-22");
  const OrganiserDayReport last_year = Take(MakeDayReport(*ledger, "bazar-2025", "2025-11-22", now));
  ASSERT_EQ(1u, last_year.stalls.size());
  EXPECT_EQ(ToLedger(day_2025), last_year.stalls[0].figures);
  EXPECT_EQ(ZState::kAgrees, last_year.stalls[0].z_state);
  EXPECT_EQ(ToLedger(day_2025), last_year.total);

  const OrganiserDayReport this_year = Take(MakeDayReport(*ledger, "bazar-2026", "2026-11-21", now));
  ASSERT_EQ(2u, this_year.stalls.size());
  EXPECT_EQ(ToLedger(day_2026), RowOf(this_year, "BKS-07").figures);
  EXPECT_EQ("Bakso Pak Kumis", RowOf(this_year, "BKS-07").name);
  EXPECT_EQ(ZState::kAgrees, RowOf(this_year, "BKS-07").z_state);
  EXPECT_EQ(Money::Rupiah(5000), RowOf(this_year, "BKS-07").drawer_over_short);
  EXPECT_EQ(Money::Rupiah(0), last_year.stalls[0].drawer_over_short);
  EXPECT_EQ(ToLedger(mie.Figures("2026-11-21")), RowOf(this_year, "MIE-02").figures);
  EXPECT_EQ(ZState::kAgrees, RowOf(this_year, "MIE-02").z_state);
  ASSERT_EQ(2u, this_year.terminals.size());
  EXPECT_EQ("BKS-07", this_year.terminals[0].stall_id);
  EXPECT_EQ("T1", this_year.terminals[0].terminal_id);
  EXPECT_EQ("MIE-02", this_year.terminals[1].stall_id);
  EXPECT_EQ("T1", this_year.terminals[1].terminal_id);

  const EventReport event_2026 = Take(MakeEventReport(*ledger, "bazar-2026", 10, now));
  EXPECT_EQ(2, event_2026.stalls);
  const EventReport event_2025 = Take(MakeEventReport(*ledger, "bazar-2025", 10, now));
  EXPECT_EQ(1, event_2025.stalls);
  EXPECT_EQ(ToLedger(day_2025), event_2025.total);

  // Revoking one stall's T1 leaves the other's alone.
  Require(ledger->RevokeTerminal({"MIE-02", "T1"}, now));
  EXPECT_FALSE(Take(ledger->FindTerminal({"BKS-07", "T1"}))->revoked);
  EXPECT_TRUE(Take(ledger->FindTerminal({"MIE-02", "T1"}))->revoked);
}

}  // namespace
}  // namespace lapak::ledger
