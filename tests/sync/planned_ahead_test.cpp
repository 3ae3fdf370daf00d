// Issue 11: on a serving SQLite ledger a terminal's batch is worked out on the plan of the
// batch ahead of it while that one is still being written (sync/ledger/store/held_for_terminal.h).
//
// Each test hands the same batches to such a ledger one behind the other, its writer held
// until all are queued (so that each is worked out before the one ahead is written), and one
// after the other to a second ledger; and finds the same outcomes, with the same reasons, and
// the same rows in every table the batches write. SQLite only: PostgreSQL applies a
// terminal's batches one after the other (ledger_store.h, ApplyBatch).
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/journal.h"
#include "core/store.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/store/sql.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/stall_and_ledger.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;
using testing::MakeSale;
using testing::Rp;
using Batch = std::vector<JournalEntry>;

// Long enough that only a wait that is never woken reaches it.
constexpr auto kNeverInATest = 60s;

// An outcome as a test compares it: "applied 8", "rejected 5: entry 6: …".
std::string Described(const Result<ApplyOutcome>& outcome) {
  if (!outcome.ok()) return "error: " + outcome.status().ToString();
  static constexpr const char* kNames[] = {"applied", "duplicate", "gap", "conflict", "rejected"};
  std::string text = std::string(kNames[static_cast<int>(outcome->result)]) + " " + std::to_string(outcome->hwm);
  if (!outcome->reason.ok()) text += ": " + outcome->reason.message();
  return text;
}

// `batch` chained again after `prev_hash`, each entry re-hashed: a terminal's journal that
// breaks a rule of the books but not the chain.
Batch Rechained(Batch batch, Sha256Digest prev_hash) {
  for (JournalEntry& entry : batch) {
    entry.prev_hash = prev_hash;
    entry.hash = ComputeEntryHash(entry);
    prev_hash = entry.hash;
  }
  return batch;
}

class PlannedAheadTest : public testing::StallAndLedger {
 protected:
  PlannedAheadTest()
      : serving_(std::move(LedgerStore::Open(where_, false, DatabaseUse::kServe)).value()),
        reference_(std::move(LedgerStore::Open(reference_where_, true)).value()) {
    EXPECT_TRUE(reference_->AddEvent({"expo", "Expo", "Jawa Tengah", "Semarang", "Asia/Jakarta", "2026-11-20",
                                      "2026-11-22"}).ok());
    EXPECT_TRUE(reference_->AddStall({"BKS-07", "expo", "Bakso", "makanan"}).ok());
    EXPECT_TRUE(reference_->EnrolTerminal({"BKS-07", "T1"}, clock_.Now()).ok());
  }

  // Applies `batch` to both ledgers, on its own: the terminal's earlier batches.
  void AlreadyHeld(const Batch& batch) {
    ASSERT_EQ(ApplyResult::kApplied, serving_->ApplyBatch({"BKS-07", "T1"}, batch, clock_.Now())->result);
    ASSERT_EQ(ApplyResult::kApplied, reference_->ApplyBatch({"BKS-07", "T1"}, batch, clock_.Now())->result);
  }

  // Hands `batches` to the serving ledger as the ingest would with a terminal's batches in
  // flight, each once the one before it is queued for the writer, while the test holds the
  // file's write lock so that none is written before all are queued; then lets the writer go.
  std::vector<std::string> OneBehindTheOther(const std::vector<Batch>& batches) {
    std::unique_ptr<sql::Connection> holder = std::move(sql::Open(where_, false, "the test's connection")).value();
    EXPECT_TRUE(holder->Begin(true).ok());
    EXPECT_TRUE(holder->Execute("UPDATE terminals SET hwm = hwm WHERE name = 'T1'", {}).ok());
    std::vector<std::promise<void>> queued(batches.size());
    std::vector<std::future<Result<ApplyOutcome>>> outcomes;
    for (size_t i = 0; i < batches.size(); ++i) {
      outcomes.push_back(std::async(std::launch::async, [&, i] {
        return serving_->ApplyBatch({"BKS-07", "T1"}, batches[i], clock_.Now(), {}, {},
                                    [&queued, i] { queued[i].set_value(); });
      }));
      if (queued[i].get_future().wait_for(kNeverInATest) != std::future_status::ready) {
        ADD_FAILURE() << "batch " << i << " was never queued";
      }
    }
    holder->Rollback();
    std::vector<std::string> described;
    for (auto& outcome : outcomes) described.push_back(Described(outcome.get()));
    return described;
  }

  // The same batches applied to the reference ledger one after the other.
  std::vector<std::string> OneAfterTheOther(const std::vector<Batch>& batches) {
    std::vector<std::string> described;
    for (const Batch& batch : batches) {
      described.push_back(Described(reference_->ApplyBatch({"BKS-07", "T1"}, batch, clock_.Now())));
    }
    return described;
  }

  // Every row of the tables a batch writes, as text, in order; of the terminal's row, what
  // a batch changes.
  static std::string Tables(const sql::Location& where) {
    std::string text;
    for (const char* table : {"entries", "day_totals", "hour_totals", "session_totals", "qris_shown_totals",
                              "cash_moves", "reconciliations"}) {
      const sql::Rows columns = testing::QueryLedger(
          where, fmt::format("SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') "
                             "FROM pragma_table_info('{}')",
                             table));
      const sql::Rows rows =
          testing::QueryLedger(where, fmt::format("SELECT {} FROM {} ORDER BY 1", columns.Text(0, 0), table));
      text += fmt::format("{} ({} rows)\n", table, rows.size());
      for (size_t row = 0; row < rows.size(); ++row) text += rows.Text(row, 0) + "\n";
    }
    const sql::Rows terminal = testing::QueryLedger(
        where, "SELECT hwm || '|' || hex(last_hash) || '|' || last_batch_at_ms || '|' || last_entry_at_ms || '|' || "
               "books FROM terminals");
    return text + "terminals\n" + terminal.Text(0, 0) + "\n";
  }

  // Both ledgers hold the same, and the serving one worked `ahead` batches out on the batch
  // ahead and `again` again at the writer.
  void ExpectTheSameTables(int64_t ahead, int64_t again) {
    EXPECT_EQ(Tables(reference_where_), Tables(where_));
    EXPECT_EQ(ahead, serving_->planning().on_batch_ahead.load()) << "worked out on the batch ahead";
    EXPECT_EQ(again, serving_->planning().by_writer.load()) << "worked out again by the writer";
  }

  // Hands in the batches `ahead`, then `entry` (a new uuid unless `uuid` is given, a second
  // later) as the entry after them, rechained: the same outcomes both ways, the last `refused`.
  void ExpectSentAgainRefused(const std::vector<Batch>& ahead, JournalEntry entry, const std::string& refused,
                              const std::string& uuid = "3f9a1c2e-7d41-4b8a-9c0e-5a6b7c8d9e0f") {
    const JournalEntry& last = ahead.back().back();
    entry.seq = last.seq + 1;
    entry.uuid = uuid;
    entry.time = last.time + 1s;
    std::vector<Batch> batches = ahead;
    batches.push_back(Rechained({entry}, last.hash));
    const std::vector<std::string> expected = OneAfterTheOther(batches);
    ASSERT_EQ(batches.size(), expected.size());
    for (size_t i = 0; i < ahead.size(); ++i) EXPECT_EQ(fmt::format("applied {}", ahead[i].back().seq), expected[i]);
    EXPECT_TRUE(expected.back().starts_with(refused)) << expected.back();
    EXPECT_EQ(expected, OneBehindTheOther(batches));
    // Each but the first worked out on those ahead; the last refused there, and again by the
    // writer.
    ExpectTheSameTables(static_cast<int64_t>(ahead.size()), 1);
  }

  Receipt Sale(int64_t price, PaymentMethod method) { return *stall_->RecordSale(MakeSale(price, method)); }
  void Void(const Receipt& sale) { ASSERT_TRUE(stall_->VoidSale(sale.receipt, "9999", "salah input").ok()); }

  std::unique_ptr<LedgerStore> serving_;
  sql::Location reference_where_{.sqlite_path = dir_.File("reference.db")};
  std::unique_ptr<LedgerStore> reference_;
};

TEST_F(PlannedAheadTest, SalesVoidsACashMoveAndAZAcrossTheBoundariesAreCountedAsOneAfterTheOther) {
  const Receipt held = Sale(10000, PaymentMethod::kCash);  // entries 1 (day open), 2
  Sale(11000, PaymentMethod::kQris);                        // 3
  // The first batch, 4-8: sales, and a void of a sale held before it.
  Sale(12000, PaymentMethod::kTransfer);                     // 4
  const Receipt first = Sale(13000, PaymentMethod::kQris);  // 5
  Void(held);                                                // 6
  const Receipt early = Sale(14000, PaymentMethod::kCash);  // 7
  Sale(15000, PaymentMethod::kQris);                         // 8
  // The second, 9-10: a void of a sale of the first, a cash move.
  Void(first);                                                                                      // 9
  ASSERT_TRUE(stall_->RecordCashMove(CashDirection::kOut, Rp(5000), "beli es batu", "9999").ok());  // 10
  // The third, 11-14: a void of a sale two batches ahead, a sale voided in the same batch, and
  // the Z, which the ledger checks against its session totals.
  Void(early);                                     // 11
  Void(Sale(16000, PaymentMethod::kCash));         // 12, 13
  ASSERT_TRUE(stall_->CloseDay(Rp(100000)).ok());  // 14
  AlreadyHeld(Entries(1, 3));
  const std::vector<Batch> batches{Entries(4, 5), Entries(9, 2), Entries(11, 4)};

  const std::vector<std::string> expected = OneAfterTheOther(batches);
  EXPECT_EQ((std::vector<std::string>{"applied 8", "applied 10", "applied 14"}), expected);
  EXPECT_EQ(expected, OneBehindTheOther(batches));
  ExpectTheSameTables(2, 0);
  Result<std::vector<Reconciliation>> z = serving_->Reconciliations({"BKS-07", "T1"});
  ASSERT_TRUE(z.ok() && z->size() == 1);
  EXPECT_TRUE(z->front().agrees) << "the Z against the session's totals of all three batches";
}

// A void sent again as the next batch, of a sale the batch ahead voided: refused, as it is
// once the batch ahead is written.
TEST_F(PlannedAheadTest, ASecondVoidOfASaleHeldBeforeTheBatchAheadThatVoidedItIsRefused) {
  const Receipt held = Sale(10000, PaymentMethod::kCash);  // 1, 2
  Sale(11000, PaymentMethod::kQris);                        // 3
  Sale(12000, PaymentMethod::kQris);                        // 4
  Void(held);                                               // 5
  AlreadyHeld(Entries(1, 3));
  const Batch ahead = Entries(4, 2);
  ExpectSentAgainRefused({ahead}, ahead.back(), "rejected 5: entry 6: ");
}

TEST_F(PlannedAheadTest, ASecondVoidOfASaleSoldAndVoidedInTheBatchAheadIsRefused) {
  Sale(10000, PaymentMethod::kCash);                        // 1, 2
  const Receipt sold = Sale(11000, PaymentMethod::kQris);  // 3
  Void(sold);                                               // 4
  AlreadyHeld(Entries(1, 2));
  const Batch ahead = Entries(3, 2);
  ExpectSentAgainRefused({ahead}, ahead.back(), "rejected 4: entry 5: ");
}

// Two batches ahead: a sale of the first, voided by the second.
TEST_F(PlannedAheadTest, ASecondVoidOfASaleSoldAndVoidedInTwoBatchesAheadIsRefused) {
  Sale(10000, PaymentMethod::kCash);                        // 1, 2
  const Receipt sold = Sale(11000, PaymentMethod::kQris);  // 3
  Void(sold);                                               // 4
  AlreadyHeld(Entries(1, 2));
  const Batch voiding = Entries(4, 1);
  ExpectSentAgainRefused({Entries(3, 1), voiding}, voiding.back(), "rejected 4: entry 5: ");
}

TEST_F(PlannedAheadTest, AnEntryReusingTheUuidOfAnEntryInTheBatchAheadIsRefused) {
  Sell(4);  // 1-5
  AlreadyHeld(Entries(1, 2));
  const Batch ahead = Entries(3, 2);
  ExpectSentAgainRefused({ahead}, Entries(5, 1).front(), "rejected 4: entry 5: ", ahead.front().uuid);
}

// A plan the writer cannot use is made again by the writer: here a second terminal under the
// same name (restored from a copy, say) sends its first two batches right behind the first
// terminal's first batch. The copy's first batch is planned on the database as it was, which
// the first terminal's batch then changes; its second is worked out on that batch ahead,
// whose chain it does not follow.
TEST_F(PlannedAheadTest, APlanTheWriterCannotUseIsMadeAgainByTheWriter) {
  std::unique_ptr<StallStore> copy = std::move(StallStore::Open(dir_.File("copy.db"), clock_)).value();
  ASSERT_TRUE(copy->Initialise({"BKS-07", "Bakso", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(copy->RecordSale(MakeSale(20000 + i, PaymentMethod::kQris)).ok());
  Sell(2);  // 1-3
  const std::vector<Batch> batches{Entries(1, 3), *copy->Entries(1, 3), *copy->Entries(4, 3)};

  const std::vector<std::string> expected = OneAfterTheOther(batches);
  ASSERT_EQ(3u, expected.size());
  EXPECT_EQ("applied 3", expected[0]);
  EXPECT_TRUE(expected[1].starts_with("conflict 3: ")) << expected[1];
  EXPECT_TRUE(expected[2].starts_with("rejected 3: entry 4: ")) << expected[2];
  EXPECT_EQ(expected, OneBehindTheOther(batches));
  ExpectTheSameTables(1, 2);  // the copy's second on the batch ahead; both of the copy's again
}

}  // namespace
}  // namespace lapak::ledger
