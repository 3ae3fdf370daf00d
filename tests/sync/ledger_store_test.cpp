// LedgerStore::ApplyBatch and Ingestor in process: the sync contract's step 4 and 5 on a
// real ledger database (a SQLite file, or PostgreSQL: tests/sync/ledger_target.h), with
// entries from a real terminal store.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

#include "core/crypto.h"
#include "core/qris.h"
#include "core/refusal.h"
#include "core/store.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/access.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "sync/sync_worker.h"
#include "sync/uploader.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/stall_and_ledger.h"

namespace lapak::ledger {
namespace {

using testing::MakeSale;
using testing::Rp;
using LedgerStoreTest = testing::StallAndLedger;

TEST(LedgerFiguresTest, AddIsFigureByFigureAndAnOverflowIsCorruptionThatChangesNothing) {
  LedgerFigures figures{2, 1, Rp(30000), Rp(5000), Rp(25000), {{Rp(20000), Rp(5000), Rp(0)}}};
  ASSERT_TRUE(figures.Add({1, 0, Rp(7000), Rp(0), Rp(7000), {{Rp(0), Rp(0), Rp(7000)}}}).ok());
  EXPECT_EQ((LedgerFigures{3, 1, Rp(37000), Rp(5000), Rp(32000), {{Rp(20000), Rp(5000), Rp(7000)}}}),
            figures);
  const LedgerFigures before = figures;
  LedgerFigures huge;
  huge.by_method[PaymentMethod::kQris] = Rp(std::numeric_limits<int64_t>::max());
  EXPECT_EQ(Refusal::kLedgerFiguresOverflow, figures.Add(huge).refusal());
  EXPECT_EQ(before, figures);
  huge = LedgerFigures{};
  huge.sales_count = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(StatusCode::kCorruption, figures.Add(huge).code());
  EXPECT_EQ(before, figures);
}

// The one writer of a serving SQLite ledger keeps the journals that undo a statement or a
// batch's savepoint in memory (sql::Open, kServe): SQLite would write those past 64 KiB to a
// file in /var/tmp, in every batch of a group commit. Other connections keep SQLite's default.
TEST(SqliteServeTest, OnlyTheServingWriterKeepsItsTemporaryFilesInMemory) {
  testing::TempDir dir;
  const sql::Location where{.sqlite_path = dir.File("ledger.db")};
  Result<std::unique_ptr<sql::Connection>> serving = sql::Open(where, true, "", DatabaseUse::kServe);
  ASSERT_TRUE(serving.ok()) << serving.status().ToString();
  Result<std::unique_ptr<sql::Connection>> writing = sql::Open(where, false, "", DatabaseUse::kWrite);
  ASSERT_TRUE(writing.ok()) << writing.status().ToString();
  constexpr int64_t kDefault = 0, kMemory = 2;  // PRAGMA temp_store
  Result<sql::Rows> serving_store = (*serving)->Query("PRAGMA temp_store", {});
  Result<sql::Rows> writing_store = (*writing)->Query("PRAGMA temp_store", {});
  ASSERT_TRUE(serving_store.ok() && writing_store.ok());
  EXPECT_EQ(kMemory, serving_store->Int(0, 0));
  EXPECT_EQ(kDefault, writing_store->Int(0, 0));
}

// The ledger's SQL numbers its parameters $1, $2, … (PostgreSQL's); on SQLite they bind by
// number whether they come in turn (made plain "?", the fast form for a multi-row INSERT),
// out of order, or more than once.
TEST(SqliteParametersTest, BindByNumberInTurnOutOfOrderOrRepeated) {
  testing::TempDir dir;
  Result<std::unique_ptr<sql::Connection>> opened = sql::Open({.sqlite_path = dir.File("ledger.db")}, true, "");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  sql::Connection& db = **opened;
  ASSERT_TRUE(db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)", {}).ok());
  std::vector<sql::Value> twelve;
  for (int i = 1; i <= 12; ++i) twelve.push_back(sql::Param(i % 3 == 1 ? int64_t{i} : int64_t{i * 10}));
  ASSERT_TRUE(db.Execute("INSERT INTO t (id, a, b) VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9), "
                         "($10, $11, $12)",
                         twelve)
                  .ok());
  ASSERT_TRUE(db.Execute("INSERT INTO t (id, b, a) VALUES ($1, $3, $2)",
                         {sql::Param(int64_t{20}), sql::Param("a"), sql::Param("b")})
                  .ok());
  ASSERT_TRUE(db.Execute("INSERT INTO t (a, id, b) VALUES ($2, $1, $2)", {sql::Param(int64_t{30}), sql::Param("c")})
                  .ok());
  Result<sql::Rows> rows = db.Query("SELECT id || ':' || a || ':' || b FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<std::string> held;
  for (size_t row = 0; row < rows->size(); ++row) held.push_back(rows->Text(row, 0));
  EXPECT_EQ((std::vector<std::string>{"1:20:30", "4:50:60", "7:80:90", "10:110:120", "20:a:b", "30:c:c"}), held);
}

// Commands that only read (reports, lists, verify) open the ledger read-only: SQLite's
// SQLITE_OPEN_READONLY, PostgreSQL's read-only transactions. They read; nothing they run writes.
TEST_F(LedgerStoreTest, ALedgerOpenedToReadReadsButCannotWrite) {
  Result<std::unique_ptr<LedgerStore>> reader =
      LedgerStore::Open(where_, false, DatabaseUse::kRead);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Result<std::vector<TerminalRecord>> terminals = (*reader)->Terminals();
  ASSERT_TRUE(terminals.ok()) << terminals.status().ToString();
  EXPECT_EQ(1u, terminals->size());

  const Status refused = (*reader)->AddEvent(
      {"expo-2", "Expo 2", "Jawa Tengah", "Semarang", "Asia/Jakarta", "2026-12-01", "2026-12-02"});
  EXPECT_EQ(StatusCode::kIoError, refused.code());
  const bool read_only =
      refused.message().find("attempt to write a readonly database") != std::string::npos ||
      refused.message().find("read-only transaction") != std::string::npos;
  EXPECT_TRUE(read_only) << refused.ToString();
  EXPECT_FALSE((*reader)->RevokeTerminal({"BKS-07", "T1"}, clock_.Now()).ok());
  EXPECT_FALSE((*ledger_->FindTerminal({"BKS-07", "T1"}))->revoked);
  EXPECT_EQ(1u, ListEvents(*ledger_, [](const EventInfo&) { return true; })->size());
}

// The organiser's set-up is refused with codes (core/refusals_ledger.inc), said in English by
// message() and in Bahasa Indonesia by Explain.
TEST_F(LedgerStoreTest, SetUpRefusalsAreCoded) {
  const TimePoint now = clock_.Now();
  const Status event_again = ledger_->AddEvent(
      {"expo", "Expo", "Jawa Tengah", "Semarang", "Asia/Jakarta", "2026-11-20", "2026-11-22"});
  EXPECT_EQ(Refusal::kEventExists, event_again.refusal());
  EXPECT_EQ(StatusCode::kAlreadyExists, event_again.code());
  EXPECT_EQ("event 'expo' already exists", event_again.message());
  EXPECT_EQ("Acara 'expo' sudah ada", Explain(event_again, Language::kIndonesian));
  EXPECT_EQ(Refusal::kNoSuchEvent,
            ledger_->AddStall({"SATE-01", "nope", "Sate", "makanan"}).refusal());
  EXPECT_EQ(Refusal::kStallAlreadyInEvent,
            ledger_->AddStall({"BKS-07", "expo", "Bakso", "makanan"}).refusal());
  EXPECT_EQ(Refusal::kNewStallNeedsNameAndCategory, ledger_->AddStall({"SATE-01", "expo", "", ""}).refusal());
  const Status renamed = ledger_->AddStall({"BKS-07", "expo", "Bakso Pak Min", "makanan"});
  EXPECT_EQ(Refusal::kStallRegisteredOtherwise, renamed.refusal());
  EXPECT_NE(std::string::npos, renamed.message().find("registered as 'Bakso' (category makanan, from Semarang)"))
      << renamed.message();
  EXPECT_EQ(Refusal::kNoSuchStall, ledger_->EnrolTerminal({"NOPE", "T2"}, now).status().refusal());
  const Status again = ledger_->EnrolTerminal({"BKS-07", "T1"}, now).status();
  EXPECT_EQ(Refusal::kTerminalAlreadyEnrolled, again.refusal());
  // The advice names this stall's terminal only: revoking it touches no other stall's T1.
  EXPECT_NE(std::string::npos, again.message().find("lapak-ledger terminal revoke BKS-07 T1")) << again.message();
  EXPECT_NE(std::string::npos, Explain(again, Language::kIndonesian).find("terminal lapak lain tidak tersentuh"));
  EXPECT_EQ(Refusal::kStallNotInEvent,
            ledger_->EnrolTerminal({"BKS-07", "T2"}, now, "expo-lain").status().refusal());
  EXPECT_EQ(Refusal::kNoTerminalToRevoke, ledger_->RevokeTerminal({"SATE-01", "T1"}, now).refusal());
  ASSERT_TRUE(ledger_->RevokeTerminal({"BKS-07", "T1"}, now).ok());
  EXPECT_EQ(Refusal::kNoTerminalToRevoke, ledger_->RevokeTerminal({"BKS-07", "T1"}, now).refusal());

  const auto token = [&](Role role, std::string province, std::vector<std::string> events) {
    return AddToken(*ledger_, {"Panitia Expo", role, std::move(province), std::move(events)}, now)
        .status();
  };
  EXPECT_EQ(Refusal::kOrganiserTokenNeedsEvents, token(Role::kOrganiser, "", {}).refusal());
  EXPECT_EQ(Refusal::kOrganiserTokenHasNoProvince,
            token(Role::kOrganiser, "Bali", {"expo"}).refusal());
  EXPECT_EQ(Refusal::kNoSuchEvent, token(Role::kOrganiser, "", {"nope"}).refusal());
  EXPECT_EQ(Refusal::kProvinceTokenNeedsProvince, token(Role::kProvince, "", {}).refusal());
  EXPECT_EQ(Refusal::kProvinceTokenNamesNoEvents,
            token(Role::kProvince, "Bali", {"expo"}).refusal());
  EXPECT_EQ(Refusal::kAdminTokenReadsAll, token(Role::kAdmin, "Bali", {}).refusal());
  const Status revoked = RevokeToken(*ledger_, "0badc0de", now);
  EXPECT_EQ(Refusal::kNoTokenToRevoke, revoked.refusal());
  EXPECT_EQ("Tidak ada token aktif '0badc0de' yang bisa dicabut",
            Explain(revoked, Language::kIndonesian));
  Result<std::vector<TokenInfo>> tokens = ListTokens(*ledger_);
  ASSERT_TRUE(tokens.ok());
  EXPECT_TRUE(tokens->empty()) << "a refused token was made";
}

TEST_F(LedgerStoreTest, AnEventOfMoreThanAYearOrEndingBeforeItStartsIsRefused) {
  const auto add = [&](const char* id, const char* from, const char* to) {
    return ledger_->AddEvent({id, "Pameran", "Bali", "Kota Denpasar", "Asia/Makassar", from, to});
  };
  const Status forever = add("forever", "2026-11-20", "9999-12-31");
  EXPECT_EQ(StatusCode::kInvalidArgument, forever.code());
  EXPECT_EQ(Refusal::kEventTooLong, forever.refusal());
  const Status backwards = add("backwards", "2026-11-20", "2026-11-19");
  EXPECT_EQ(Refusal::kEventEndsBeforeStart, backwards.refusal());
  EXPECT_EQ("the event ends (2026-11-19) before it starts (2026-11-20)", backwards.message());
  EXPECT_EQ("Acara berakhir (2026-11-19) sebelum dimulai (2026-11-20)",
            Explain(backwards, Language::kIndonesian));
  EXPECT_TRUE(add("a-year", "2026-01-01", "2026-12-31").ok());
  Result<std::vector<EventSpec>> events = ListEvents(*ledger_, [](const EventSpec&) { return true; });
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(2u, events->size());  // "expo" and "a-year"
}

TEST_F(LedgerStoreTest, DuplicateGapOverlapAndConflictFollowTheContract) {
  Sell(5);  // entries 1 (day open) .. 6
  EXPECT_EQ(ApplyResult::kApplied, Apply(Entries(1, 3)).result);
  EXPECT_EQ(3, Hwm());
  const ApplyOutcome duplicate = Apply(Entries(1, 3));
  EXPECT_EQ(ApplyResult::kDuplicate, duplicate.result);
  EXPECT_EQ(3, duplicate.hwm);
  const ApplyOutcome gap = Apply(Entries(5, 2));
  EXPECT_EQ(ApplyResult::kGap, gap.result);
  EXPECT_EQ(3, gap.hwm);
  std::vector<JournalEntry> forged = Entries(2, 3);  // 2..4, with 2 changed
  forged[0].hash[0] ^= 1;
  EXPECT_EQ(ApplyResult::kConflict, Apply(forged).result);
  EXPECT_EQ(3, Hwm());
  std::vector<JournalEntry> forged_duplicate = Entries(1, 3);  // wholly held, but not the same
  forged_duplicate[2].hash[5] ^= 1;
  EXPECT_EQ(ApplyResult::kConflict, Apply(forged_duplicate).result);
  const ApplyOutcome overlap = Apply(Entries(2, 5));  // 2..6: only 4..6 are new
  EXPECT_EQ(ApplyResult::kApplied, overlap.result);
  EXPECT_EQ(6, overlap.hwm);
}

// The uploader talking to an Ingestor in process.
class InProcessTransport : public sync::Transport {
 public:
  explicit InProcessTransport(Ingestor& ingestor) : ingestor_(ingestor) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    const IngestAnswer answer = ingestor_.Handle(envelope);
    return sync::LedgerAnswer{answer.http_status, answer.json};
  }

 private:
  Ingestor& ingestor_;
};

TEST_F(LedgerStoreTest, ATerminalRestoredFromAnOldCopyIsAConflictAndNothingIsMarkedSent) {
  Sell(4);
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
  Ingestor ingestor(*ledger_, clock_);
  InProcessTransport transport(ingestor);
  sync::Uploader uploader(*stall_, transport);
  ASSERT_TRUE(uploader.SyncOnce().ok());
  EXPECT_EQ(5, Hwm());

  // The same terminal id and key, but other sales under the same numbers.
  std::unique_ptr<StallStore> restored = std::move(StallStore::Open(dir_.File("old.db"), clock_)).value();
  ASSERT_TRUE(restored->Initialise({"BKS-07", "Bakso", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok());
  ASSERT_TRUE(restored->Enrol({"http://127.0.0.1:9", key_}).ok());
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(restored->RecordSale(MakeSale(7000, PaymentMethod::kQris)).ok());
  sync::Uploader restored_uploader(*restored, transport);
  Result<sync::SyncRound> round = restored_uploader.SyncOnce();
  ASSERT_FALSE(round.ok());
  EXPECT_NE(std::string::npos, round.status().message().find("differs from the one the ledger holds"))
      << round.status().message();
  EXPECT_EQ(0, restored->Progress()->acknowledged_seq);
  EXPECT_EQ(5, Hwm());
  EXPECT_EQ(4, ledger_->DayTotals("expo", "2026-11-22")->front().figures.sales_count);
}

// Issue 12: enrolled again to another ledger, the terminal kept the old ledger's mark: status
// said 0 unsent while the new ledger held nothing, until a new sale's 409 made it resend.
TEST_F(LedgerStoreTest, EnrollingWithAnotherLedgerStartsFromWhatThatLedgerHolds) {
  Sell(4);
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
  Ingestor first(*ledger_, clock_);
  InProcessTransport to_first(first);
  ASSERT_TRUE(sync::Uploader(*stall_, to_first).SyncOnce().ok());
  ASSERT_EQ(0, stall_->Progress()->unsent());

  // The same key again (the code pasted twice): nothing changes.
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
  EXPECT_EQ(0, stall_->Progress()->unsent());

  // A second ledger, which holds nothing of this terminal.
  const testing::TempDir second_dir;
  const sql::Location second_where = testing::NewLedgerLocation(second_dir);
  std::unique_ptr<LedgerStore> second = std::move(LedgerStore::Open(second_where, true)).value();
  ASSERT_TRUE(second->AddEvent({"expo", "Expo", "Jawa Tengah", "Semarang", "Asia/Jakarta", "2026-11-20", "2026-11-22"}).ok());
  ASSERT_TRUE(second->AddStall({"BKS-07", "expo", "Bakso", "makanan"}).ok());
  const std::string second_key = *second->EnrolTerminal({"BKS-07", "T1"}, clock_.Now());
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:10", second_key}).ok());
  const SyncProgress progress = *stall_->Progress();
  EXPECT_EQ(5, progress.unsent());  // the day open and four sales: all of it, for that ledger
  EXPECT_FALSE(progress.last_success_at.has_value());

  Ingestor ingestor(*second, clock_);
  InProcessTransport to_second(ingestor);
  ASSERT_TRUE(sync::Uploader(*stall_, to_second).SyncOnce().ok());
  EXPECT_EQ(0, stall_->Progress()->unsent());
  EXPECT_EQ(4, second->DayTotals("expo", "2026-11-22")->front().figures.sales_count);
}

// Answers anyone on the network could send: only the ledger's signed ones move the mark.
class ForgingTransport : public sync::Transport {
 public:
  explicit ForgingTransport(std::string body) : body_(std::move(body)) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view) override {
    return sync::LedgerAnswer{200, body_};
  }

 private:
  std::string body_;
};

TEST_F(LedgerStoreTest, AnAckNotSignedByTheLedgerMarksNothingSent) {
  Sell(3);
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
  const std::string wrong_mac = sync::AnswerMac(std::string(32, 'x'), {"T1", 1, 4, 200, 4, false});
  for (const std::string& body :
       {std::string(R"({"hwm":4,"terminal":"T1"})"),
        R"({"hwm":4,"mac":")" + wrong_mac + R"(","terminal":"T1"})"}) {
    ForgingTransport forger(body);
    sync::Uploader uploader(*stall_, forger);
    Result<sync::SyncRound> round = uploader.SyncOnce();
    ASSERT_FALSE(round.ok()) << body;
    EXPECT_NE(std::string::npos, round.status().message().find("not signed")) << round.status().message();
    EXPECT_EQ(0, stall_->Progress()->acknowledged_seq);
  }
  const std::string right_mac = sync::AnswerMac(key_, {"T1", 1, 4, 200, 4, false});
  ForgingTransport ledger_like(R"({"hwm":4,"mac":")" + right_mac + R"(","terminal":"T1"})");
  sync::Uploader uploader(*stall_, ledger_like);
  ASSERT_TRUE(uploader.SyncOnce().ok());
  EXPECT_EQ(4, stall_->Progress()->acknowledged_seq);
}

TEST_F(LedgerStoreTest, ABrokenChainOrABadBodyAppliesNothing) {
  Sell(3);
  std::vector<JournalEntry> entries = Entries(1, 4);
  entries[2].body = R"({"tampered":true})";  // the hash no longer matches
  const ApplyOutcome broken = Apply(entries);
  EXPECT_EQ(ApplyResult::kRejected, broken.result);
  EXPECT_EQ("entry 3: its hash does not match its contents", broken.reason.message());
  EXPECT_EQ(0, Hwm());
  EXPECT_TRUE(ledger_->DayTotals("expo", "2026-11-22")->empty());

  entries = Entries(1, 4);
  entries[2].body = R"({"tampered":true})";
  entries[2].hash = ComputeEntryHash(entries[2]);  // a chain re-hashed around a bad body
  entries[3].prev_hash = entries[2].hash;
  entries[3].hash = ComputeEntryHash(entries[3]);
  const ApplyOutcome bad_body = Apply(entries);
  EXPECT_EQ(ApplyResult::kRejected, bad_body.result);
  EXPECT_EQ(0, Hwm());
  EXPECT_TRUE(ledger_->DayTotals("expo", "2026-11-22")->empty());
}

TEST_F(LedgerStoreTest, TotalsAndTheZReconciliationEqualTheTerminalsOwnFigures) {
  Sell(6);
  Result<std::vector<Receipt>> history = stall_->History("2026-11-22", 10);
  ASSERT_TRUE(history.ok());
  ASSERT_TRUE(stall_->VoidSale(history->front().receipt, "9999", "salah input").ok());
  ASSERT_TRUE(stall_->CloseDay(Rp(100000)).ok());
  const std::vector<JournalEntry> all = Entries(1, 100);
  EXPECT_EQ(ApplyResult::kApplied, Apply(all).result);

  const DayFigures own = stall_->ReportDay("2026-11-22")->figures;
  Result<std::vector<StallDayTotals>> totals = ledger_->DayTotals("expo", "2026-11-22");
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(1u, totals->size());
  const LedgerFigures& held = totals->front().figures;
  EXPECT_EQ(own.sales_count, held.sales_count);
  EXPECT_EQ(own.voids_count, held.voids_count);
  EXPECT_EQ(own.gross, held.gross);
  EXPECT_EQ(own.voids, held.voids);
  EXPECT_EQ(own.net, held.net);
  EXPECT_EQ(own.by_method, held.by_method);
  Result<std::vector<Reconciliation>> z = ledger_->Reconciliations({"BKS-07", "T1"});
  ASSERT_TRUE(z.ok());
  ASSERT_EQ(1u, z->size());
  EXPECT_TRUE(z->front().agrees);
  EXPECT_EQ(Rp(0), z->front().difference);
}

// A terminal's batches from many threads at once, each thread sending the same overlapping
// windows in order: on SQLite each is worked out ahead, beside the writer, and most plans are
// stale by the time the writer reaches them (the window was applied by another thread, or
// the one before it moved the mark). Every answer is applied or a duplicate, never an error,
// and each entry is counted once.
TEST_F(LedgerStoreTest, OverlappingBatchesOfOneTerminalFromManyThreadsAtOnceAreAppliedExactlyOnce) {
  Sell(59);
  ASSERT_TRUE(stall_->CloseDay(Rp(100000)).ok());  // entries 1 (day open) .. 61 (Z)
  constexpr int64_t kLast = 61, kWindow = 10, kStep = 5;
  std::vector<std::vector<JournalEntry>> windows;
  for (int64_t from = 1; from <= kLast; from += kStep) windows.push_back(Entries(from, kWindow));
  std::atomic<int> applied{0}, duplicates{0}, others{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (const std::vector<JournalEntry>& window : windows) {
        Result<ApplyOutcome> outcome = ledger_->ApplyBatch({"BKS-07", "T1"}, window, clock_.Now());
        if (!outcome.ok()) {
          ++others;
          ADD_FAILURE() << outcome.status().ToString();
        } else if (outcome->result == ApplyResult::kApplied) {
          ++applied;
        } else if (outcome->result == ApplyResult::kDuplicate) {
          ++duplicates;
        } else {
          ++others;
          ADD_FAILURE() << "outcome " << static_cast<int>(outcome->result) << ": " << outcome->reason.ToString();
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(0, others.load());
  EXPECT_GE(applied.load(), 1);
  EXPECT_EQ(8 * static_cast<int>(windows.size()), applied.load() + duplicates.load());
  EXPECT_EQ(kLast, Hwm());
  const DayFigures own = stall_->ReportDay("2026-11-22")->figures;
  Result<std::vector<StallDayTotals>> totals = ledger_->DayTotals("expo", "2026-11-22");
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(1u, totals->size());
  EXPECT_EQ(own.sales_count, totals->front().figures.sales_count);
  EXPECT_EQ(own.net, totals->front().figures.net);
  EXPECT_EQ(own.by_method, totals->front().figures.by_method);
  Result<std::vector<Reconciliation>> z = ledger_->Reconciliations({"BKS-07", "T1"});
  ASSERT_TRUE(z.ok());
  ASSERT_EQ(1u, z->size());
  EXPECT_TRUE(z->front().agrees);
}

// Kas masuk/keluar reach the ledger as the terminal's books hold them: a Z that carries them
// agrees, and the day report shows them per stall apart from the sales and turnover.
TEST_F(LedgerStoreTest, CashMovesReachTheDayReportApartFromTheSales) {
  ASSERT_TRUE(stall_->OpenDaySession(Rp(100000)).ok());
  ASSERT_TRUE(stall_->RecordCashMove(CashDirection::kIn, Rp(50000), "koreksi kas awal", "9999").ok());
  Sell(3);
  ASSERT_TRUE(stall_->RecordCashMove(CashDirection::kOut, Rp(30000), "setor ke pemilik", "9999").ok());
  ASSERT_TRUE(stall_->RecordCashMove(CashDirection::kOut, Rp(5000), "beli plastik", "9999").ok());
  ASSERT_EQ(ApplyResult::kApplied, Apply(Entries(1, 100)).result);  // open, moves and sales, no Z yet
  ASSERT_TRUE(stall_->CloseDay(stall_->ReportDay("2026-11-22")->expected_cash_now).ok());
  ASSERT_EQ(ApplyResult::kApplied, Apply(Entries(Hwm() + 1, 100)).result);

  Result<OrganiserDayReport> report = MakeDayReport(*ledger_, "expo", "2026-11-22", clock_.Now());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(1u, report->stalls.size());
  const StallDayRow& stall = report->stalls.front();
  EXPECT_EQ(Rp(50000), stall.cash_moves.in);
  EXPECT_EQ(Rp(35000), stall.cash_moves.out);
  EXPECT_EQ(stall_->ReportDay("2026-11-22")->figures.net, stall.figures.net);  // sales alone
  EXPECT_EQ(3, stall.figures.sales_count);
  EXPECT_EQ(ZState::kAgrees, stall.z_state);
  // Another day of the event has none.
  Result<OrganiserDayReport> other = MakeDayReport(*ledger_, "expo", "2026-11-21", clock_.Now());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(CashMoves(), other->stalls.front().cash_moves);
}

// Issue 13: QRIS paid through the dynamic code the terminal showed is counted apart from QRIS
// confirmed by hand; a void takes it back out, whether its sale came in an earlier batch or in
// the same one.
TEST_F(LedgerStoreTest, QrisPaidThroughTheCodeShownIsCountedApartAndAVoidTakesItBack) {
  const auto sale = [](int64_t price, std::vector<Payment> payments) {
    Cart cart;
    EXPECT_TRUE(cart.AddCustom(Rp(price)).ok());
    for (const Payment& payment : payments) EXPECT_TRUE(cart.AddPayment(payment).ok());
    return *cart.Complete();
  };
  const std::string shown = QrisCodeHash("a dynamic code");
  const Receipt a = *stall_->RecordSale(sale(20000, {{PaymentMethod::kQris, Rp(20000), shown}}));
  ASSERT_TRUE(stall_->RecordSale(sale(15000, {{PaymentMethod::kQris, Rp(15000)}})).ok());  // by hand
  ASSERT_TRUE(stall_->RecordSale(sale(30000, {{PaymentMethod::kCash, Rp(10000)}, {PaymentMethod::kQris, Rp(20000), shown}})).ok());
  ASSERT_EQ(ApplyResult::kApplied, Apply(Entries(1, 100)).result);
  const auto day_row = [this] {
    Result<OrganiserDayReport> report = MakeDayReport(*ledger_, "expo", "2026-11-22", clock_.Now());
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report->stalls.front();
  };
  EXPECT_EQ(Rp(55000), day_row().figures.by_method[PaymentMethod::kQris]);
  EXPECT_EQ((QrisShown{2, Rp(40000)}), day_row().qris_shown);

  // A held sale voided; a sale shown its code and voided in one batch.
  ASSERT_TRUE(stall_->VoidSale(a.receipt, "9999", "salah input").ok());
  const Receipt d = *stall_->RecordSale(sale(5000, {{PaymentMethod::kQris, Rp(5000), shown}}));
  ASSERT_TRUE(stall_->VoidSale(d.receipt, "9999", "batal").ok());
  ASSERT_EQ(ApplyResult::kApplied, Apply(Entries(Hwm() + 1, 100)).result);
  EXPECT_EQ(Rp(35000), day_row().figures.by_method[PaymentMethod::kQris]);
  EXPECT_EQ((QrisShown{1, Rp(20000)}), day_row().qris_shown);
  Result<OrganiserDayReport> other = MakeDayReport(*ledger_, "expo", "2026-11-21", clock_.Now());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(QrisShown(), other->stalls.front().qris_shown);
}

TEST_F(LedgerStoreTest, AZReportThatDisagreesWithItsSessionIsRefusedWhole) {
  Sell(2);
  ASSERT_TRUE(stall_->CloseDay(Rp(0)).ok());
  std::vector<JournalEntry> entries = Entries(1, 10);
  JournalEntry& close = entries.back();
  ASSERT_EQ(EntryKind::kDayClose, close.kind);
  Result<ZReport> z = DecodeZReport(close.body);
  ASSERT_TRUE(z.ok());
  z->figures.net = *z->figures.net.Plus(Rp(5000));  // the terminal claims Rp5.000 more
  z->figures.gross = *z->figures.gross.Plus(Rp(5000));
  Money& cash = z->figures.by_method[PaymentMethod::kCash];
  cash = *cash.Plus(Rp(5000));
  close.body = EncodeZReport(*z);
  close.hash = ComputeEntryHash(close);
  const ApplyOutcome refused = Apply(entries);
  EXPECT_EQ(ApplyResult::kRejected, refused.result);
  EXPECT_EQ("entry 4: Z report figures differ from the sales of its day", refused.reason.message());
  EXPECT_EQ(0, Hwm());
  EXPECT_TRUE(ledger_->Reconciliations({"BKS-07", "T1"})->empty());
  EXPECT_TRUE(ledger_->DayTotals("expo", "2026-11-22")->empty());
}

TEST_F(LedgerStoreTest, ATamperedEnvelopeIsRefusedBeforeItsPayloadIsDecoded) {
  Sell(2);
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
  Result<sync::SealedBatch> batch = sync::BuildBatch(*stall_, 1, key_);
  ASSERT_TRUE(batch.ok());
  Ingestor ingestor(*ledger_, clock_);
  for (size_t i : {size_t{0}, size_t{12}, batch->bytes.size() / 2, batch->bytes.size() - 1}) {
    std::string tampered = batch->bytes;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x20);
    const IngestAnswer answer = ingestor.Handle(tampered);
    EXPECT_TRUE(answer.http_status == 401 || answer.http_status == 400) << i << " " << answer.json;
  }
  EXPECT_EQ(0, ingestor.counters().payloads_decoded.load());
  EXPECT_EQ(0, Hwm());
  const IngestAnswer good = ingestor.Handle(batch->bytes);
  EXPECT_EQ(200, good.http_status) << good.json;
  const std::string mac = sync::AnswerMac(key_, {"T1", 1, 3, 200, 3, false});
  EXPECT_EQ(R"({"hwm":3,"mac":")" + mac + R"(","terminal":"T1"})", good.json);
  EXPECT_EQ(1, ingestor.counters().payloads_decoded.load());
  const IngestAnswer replay = ingestor.Handle(batch->bytes);
  EXPECT_EQ(good.json, replay.json);
  EXPECT_EQ(3, Hwm());
}

TEST_F(LedgerStoreTest, SyncNowWakesTheWorkerWhileItBacksOff) {
  Sell(1);
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:1", key_}).ok());  // nothing listens there
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<SyncProgress> rounds;
  sync::SyncWorker worker(dir_.File("stall.db"), clock_,
                          {.poll = std::chrono::hours(1), .backoff_base = std::chrono::hours(1),
                           .backoff_cap = std::chrono::hours(1), .seed = 7},
                          [&](const std::optional<SyncProgress>& progress) {
                            std::lock_guard lock(mutex);
                            if (progress) rounds.push_back(*progress);
                            changed.notify_all();
                          });
  auto rounds_reach = [&](size_t count) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(30), [&] { return rounds.size() >= count; });
  };
  ASSERT_TRUE(rounds_reach(1));
  EXPECT_NE(std::string::npos, rounds[0].last_error.message().find("no answer from the ledger"))
      << rounds[0].last_error.message();
  EXPECT_EQ(2, rounds[0].unsent());
  worker.SyncNow();  // backing off for up to an hour, yet it tries again now
  ASSERT_TRUE(rounds_reach(2));
  EXPECT_EQ(2, rounds[1].unsent());
  worker.Stop();
}

}  // namespace
}  // namespace lapak::ledger
