// Batches in flight (issue 11): a terminal's uploader keeps up to sync::kSyncLanes batches
// unanswered, and the ledger applies each after the one ahead of it
// (sync/ledger/ingest/batches_in_flight.h, sync/uploader.h). The ledger tests run on both
// engines (tests/sync/ledger_target.h).
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "core/refusal.h"
#include "core/sale.h"
#include "core/text.h"
#include "sync/ledger/ingest/batches_in_flight.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/store/sql.h"
#include "sync/protocol.h"
#include "sync/uploader.h"
#include "tests/sync/sealed_batch.h"
#include "tests/sync/stall_and_ledger.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;

// Long enough that only a wait that is never woken reaches it.
constexpr auto kNeverInATest = 60s;

TEST(BatchesInFlightTest, ABatchWaitsOnlyForItsTerminalsBatchesThatStartBeforeIt) {
  BatchesInFlight in_hand;
  std::optional<BatchesInFlight::Ticket> first(in_hand.Enter("BKS-07", "T1", 1));
  std::optional<BatchesInFlight::Ticket> first_again(in_hand.Enter("BKS-07", "T1", 1));  // a resend
  BatchesInFlight::Ticket second = in_hand.Enter("BKS-07", "T1", 501);
  BatchesInFlight::Ticket other_terminal = in_hand.Enter("BKS-07", "T2", 1);
  BatchesInFlight::Ticket other_stall = in_hand.Enter("MIE-02", "T1", 1);
  EXPECT_EQ(5u, in_hand.InHand());

  EXPECT_FALSE(second.WaitForEarlier(0ms));
  EXPECT_TRUE(first->WaitForEarlier(0ms)) << "a resend of the same batch is not ahead of it";
  EXPECT_TRUE(other_terminal.WaitForEarlier(0ms));
  EXPECT_TRUE(other_stall.WaitForEarlier(0ms));

  first.reset();
  EXPECT_FALSE(second.WaitForEarlier(0ms)) << "the resend is still ahead";
  first_again.reset();
  EXPECT_TRUE(second.WaitForEarlier(0ms));
  EXPECT_EQ(3u, in_hand.InHand());
}

TEST(BatchesInFlightTest, TheBatchAheadLeavingWakesTheOneWaitingBehindIt) {
  BatchesInFlight in_hand;
  std::optional<BatchesInFlight::Ticket> first(in_hand.Enter("BKS-07", "T1", 1));
  BatchesInFlight::Ticket moved = in_hand.Enter("BKS-07", "T1", 501);
  BatchesInFlight::Ticket second(std::move(moved));  // a moved ticket leaves once
  std::future<bool> waited =
      std::async(std::launch::async, [&] { return second.WaitForEarlier(kNeverInATest); });
  first.reset();
  ASSERT_EQ(std::future_status::ready, waited.wait_for(kNeverInATest / 2)) << "not woken";
  EXPECT_TRUE(waited.get());
  EXPECT_EQ(1u, in_hand.InHand());
}

// Once the store has queued a batch for writing (SQLite), the next one may be handed in and
// worked out on its plan: the batch holds the next back no more, but it is still in hand.
TEST(BatchesInFlightTest, ABatchQueuedForWritingHoldsTheNextBackNoMoreButStaysInHand) {
  BatchesInFlight in_hand;
  std::optional<BatchesInFlight::Ticket> first(in_hand.Enter("BKS-07", "T1", 1));
  BatchesInFlight::Ticket second = in_hand.Enter("BKS-07", "T1", 501);
  std::future<bool> waited =
      std::async(std::launch::async, [&] { return second.WaitForEarlier(kNeverInATest); });
  first->StopHoldingBack();
  ASSERT_EQ(std::future_status::ready, waited.wait_for(kNeverInATest / 2)) << "not woken";
  EXPECT_TRUE(waited.get());
  EXPECT_EQ(2u, in_hand.InHand());
  first->StopHoldingBack();  // again: nothing
  EXPECT_TRUE(second.WaitForEarlier(0ms));
  first.reset();
  EXPECT_EQ(1u, in_hand.InHand());
  BatchesInFlight::Ticket third = in_hand.Enter("BKS-07", "T1", 1001);
  EXPECT_FALSE(third.WaitForEarlier(0ms)) << "the second still holds back the third";
}

// The ledger as `serve` opens it (kServe): on PostgreSQL batches are applied on connections
// of their own, on SQLite worked out beside the writer, so that one batch held in its
// ApplyBatch does not hold the next one's checks.
class BatchesInFlightLedgerTest : public testing::StallAndLedger {
 protected:
  BatchesInFlightLedgerTest()
      : serving_(std::move(LedgerStore::Open(where_, false, DatabaseUse::kServe)).value()) {}

  std::string Seal(int64_t from, int64_t count) {
    return testing::SealEntries(Entries(from, count), "BKS-07", "T1", key_);
  }

  // What the ledger answered two batches of the terminal handed in one behind the other.
  struct TwoAnswers {
    IngestAnswer ahead, behind;
    bool behind_waited = false;  // still unanswered when both were in hand
  };

  // Hands `ahead` in while another connection holds the terminal for writing (on SQLite the
  // file's write lock, on PostgreSQL the terminal's row, which ApplyBatch locks first), so
  // that it stays in its ApplyBatch; then `behind`, once `ahead` is in hand; lets the
  // terminal go once both are in hand (or `behind` is answered).
  TwoAnswers HandInOneBehindTheOther(Ingestor& ingestor, const std::string& ahead, const std::string& behind) {
    std::unique_ptr<sql::Connection> holder = std::move(sql::Open(where_, false, "the test's connection")).value();
    EXPECT_TRUE(holder->Begin(true).ok());
    const bool postgres = holder->engine() == sql::Engine::kPostgres;
    Result<int64_t> held = holder->Execute(postgres ? "SELECT 1 FROM terminals WHERE name = 'T1' FOR UPDATE"
                                                    : "UPDATE terminals SET hwm = hwm WHERE name = 'T1'",
                                           {});
    EXPECT_TRUE(held.ok()) << held.status().ToString();
    std::future<IngestAnswer> ahead_answer = std::async(std::launch::async, [&] { return ingestor.Handle(ahead); });
    AwaitInHand(ingestor, 1, ahead_answer);
    std::future<IngestAnswer> behind_answer = std::async(std::launch::async, [&] { return ingestor.Handle(behind); });
    AwaitInHand(ingestor, 2, behind_answer);
    const bool behind_waited = behind_answer.wait_for(0s) != std::future_status::ready;
    holder->Rollback();
    return {ahead_answer.get(), behind_answer.get(), behind_waited};
  }

  // Waits until `ingestor` holds `count` batches past their mac check, or `answered` is.
  static void AwaitInHand(const Ingestor& ingestor, size_t count, const std::future<IngestAnswer>& answered) {
    const auto deadline = std::chrono::steady_clock::now() + kNeverInATest;
    while (ingestor.BatchesInHand() < count && answered.wait_for(0s) != std::future_status::ready) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "never in hand";
        return;
      }
      std::this_thread::yield();
    }
  }

  std::unique_ptr<LedgerStore> serving_;
};

TEST_F(BatchesInFlightLedgerTest, ABatchHandedInWhileTheOneAheadIsBeingWrittenWaitsForItInsteadOfAGap) {
  Sell(7);  // entries 1 (day open) .. 8
  const std::string first = Seal(1, 4), second = Seal(5, 4);
  Ingestor ingestor(*serving_, clock_);
  const auto [one, two, waited] = HandInOneBehindTheOther(ingestor, first, second);
  EXPECT_TRUE(waited) << "answered before the one ahead";
  EXPECT_EQ(200, one.http_status) << one.json;
  EXPECT_EQ(200, two.http_status) << two.json;
  EXPECT_EQ(8, *sync::ParseBatchAnswer(two.http_status, two.json).hwm);
  EXPECT_EQ(8, Hwm());
  EXPECT_EQ(2, ingestor.counters().applied.load());
  EXPECT_EQ(0u, ingestor.BatchesInHand());
}

TEST_F(BatchesInFlightLedgerTest, ABatchWhoseBatchAheadIsRefusedIsAnsweredTheGapItLeaves) {
  Sell(7);
  std::vector<JournalEntry> broken = Entries(1, 4);
  // Signed by the terminal's key, but not the entries it hashed: 422.
  broken[2].uuid.back() = broken[2].uuid.back() == 'a' ? 'b' : 'a';
  const std::string first = testing::SealEntries(broken, "BKS-07", "T1", key_), second = Seal(5, 4);
  Ingestor ingestor(*serving_, clock_);
  const auto [one, two, waited] = HandInOneBehindTheOther(ingestor, first, second);
  EXPECT_TRUE(waited);
  EXPECT_EQ(422, one.http_status) << one.json;
  ASSERT_EQ(409, two.http_status) << two.json;
  const sync::BatchAnswer gap = sync::ParseBatchAnswer(two.http_status, two.json);
  EXPECT_EQ(0, *gap.hwm);
  EXPECT_FALSE(gap.conflict);
  EXPECT_EQ(0, Hwm());
}

// The uploader's lanes to an Ingestor in process; each remembers what it posted. A lane may
// be told to hold its next post until another lane's post has been answered (the ledger then
// sees the second batch first), or to fail its next post with no answer or by throwing.
class Lane : public sync::Transport {
 public:
  explicit Lane(Ingestor& ingestor) : ingestor_(ingestor) {}

  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    {
      std::lock_guard lock(mutex_);
      posted_.emplace_back(envelope);
    }
    if (after_ != nullptr) {
      (void)after_->answered_.get_future().wait_for(kNeverInATest);
      after_ = nullptr;
    }
    if (before_next_answer_) std::exchange(before_next_answer_, nullptr)();
    if (fail_next_) {
      fail_next_ = false;
      return Refuse(Refusal::kNoAnswerFromLedgerAt, "in-process", "dropped by the test");
    }
    if (throw_next_) {
      throw_next_ = false;
      throw std::bad_alloc();
    }
    const IngestAnswer answer = ingestor_.Handle(envelope);
    if (announce_) {
      announce_ = false;
      answered_.set_value();
    }
    return sync::LedgerAnswer{answer.http_status, answer.json};
  }

  // This lane's next post waits until `other`'s next post is answered.
  void HoldNextUntilAnswered(Lane& other) {
    after_ = &other;
    other.announce_ = true;
  }
  void FailNext() { fail_next_ = true; }
  // This lane's next post throws, as an allocation that failed would, before the ledger
  // sees the batch.
  void ThrowNext() { throw_next_ = true; }
  // This lane runs `work` in its next post, before the ledger takes the batch.
  void BeforeNextAnswer(std::function<void()> work) { before_next_answer_ = std::move(work); }
  std::vector<std::string> Posted() {
    std::lock_guard lock(mutex_);
    return posted_;
  }

 private:
  Ingestor& ingestor_;
  std::mutex mutex_;
  std::vector<std::string> posted_;
  Lane* after_ = nullptr;
  bool announce_ = false;
  std::promise<void> answered_;
  bool fail_next_ = false;
  bool throw_next_ = false;
  std::function<void()> before_next_answer_;
};

class UploaderLanesTest : public BatchesInFlightLedgerTest {
 protected:
  UploaderLanesTest() { EXPECT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok()); }

  // A full batch: the day's opening and kBatch - 1 sales are entries 1 .. kBatch.
  static constexpr int64_t kBatch = sync::kMaxEntriesPerBatch;

  // What the uploader would send from `from_seq` (what it sends is deterministic).
  std::string Built(int64_t from_seq) { return sync::BuildBatch(*stall_, from_seq, key_)->bytes; }

  Ingestor ingestor_{*serving_, clock_};
  Lane one_{ingestor_}, two_{ingestor_};
  sync::Uploader uploader_{*stall_, {&one_, &two_}};
};

TEST_F(UploaderLanesTest, ACatchUpKeepsTwoBatchesInFlightAndAppliesEachOnce) {
  Sell(2 * kBatch + 100);  // entries 1 .. 2 kBatch + 101: three batches
  const std::string first = Built(1), second = Built(kBatch + 1);
  Result<sync::SyncRound> round = uploader_.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ(2 * kBatch + 101, round->acknowledged_seq);
  EXPECT_EQ(0, round->unsent);
  EXPECT_EQ(2 * kBatch + 101, Hwm());
  // The first two went out on the two lanes, the second before the first was answered.
  ASSERT_FALSE(one_.Posted().empty());
  ASSERT_FALSE(two_.Posted().empty());
  EXPECT_EQ(first, one_.Posted()[0]);
  EXPECT_EQ(second, two_.Posted()[0]);
  EXPECT_EQ(3, ingestor_.counters().applied.load());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

// Sales of kMaxLines lines with the longest names: 40 of them are more than the
// payload's limit, so the uploader halves the batch until it fits, and the next batch starts
// where that one ended. Every entry reaches the ledger once.
TEST_F(UploaderLanesTest, SalesTooLargeToGoInOneBatchGoInSmallerOnesEachAppliedOnce) {
  for (int sale = 0; sale < 40; ++sale) {
    Cart cart;
    for (size_t line = 0; line < kMaxLines; ++line) {
      const std::string name = fmt::format("{:03} {:03} {}", sale, line, std::string(kMaxNameBytes - 8, 'x'));
      ASSERT_TRUE(cart.AddCustom(testing::Rp(1000), 1, name).ok());
    }
    ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, testing::Rp(1000 * static_cast<int64_t>(kMaxLines))).ok());
    ASSERT_TRUE(stall_->RecordSale(*cart.Complete()).ok());
  }  // entries 1 (the day's opening) .. 41
  const Result<sync::SealedBatch> first = sync::BuildBatch(*stall_, 1, key_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_LT(first->last_seq, 41) << "40 sales of this size pass the payload's limit";
  EXPECT_LE(first->archive_bytes, sync::kMaxPayloadBytes);

  Result<sync::SyncRound> round = uploader_.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ(41, round->acknowledged_seq);
  EXPECT_EQ(41, Hwm());
  EXPECT_EQ(Built(1), one_.Posted().at(0));
  EXPECT_EQ(round->batches_sent, ingestor_.counters().applied.load());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

TEST_F(UploaderLanesTest, ASaleRecordedWhileTheBatchesAheadAreUnansweredGoesInTheSameRoundOnce) {
  Sell(2 * kBatch + 100);  // the third batch is built while the first two are out
  // The till records entry 2 kBatch + 102 (on a connection of its own, as lapak-pos does
  // beside its sync worker) before the ledger takes the first batch: before or after the
  // third batch was built, which this test does not fix; either way the round sends it.
  one_.BeforeNextAnswer([this] {
    std::unique_ptr<StallStore> till = std::move(StallStore::Open(dir_.File("stall.db"), clock_)).value();
    ASSERT_TRUE(till->RecordSale(testing::MakeSale(5000, PaymentMethod::kCash)).ok());
  });
  Result<sync::SyncRound> round = uploader_.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ(2 * kBatch + 102, round->acknowledged_seq);
  EXPECT_EQ(0, round->unsent);
  EXPECT_EQ(2 * kBatch + 102, Hwm());
  // (The batch on lane two may reach the ledger before the first and be answered a gap, then
  // sent again: that is AGapAnsweredToTheBatchBehind… below.)
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

TEST_F(UploaderLanesTest, AGapAnsweredToTheBatchBehindIsNotBelievedAndThatBatchGoesAgainAlone) {
  Sell(kBatch + 200);  // entries 1 .. kBatch + 201: two batches
  one_.HoldNextUntilAnswered(two_);  // the ledger takes the second first, while it holds nothing
  Result<sync::SyncRound> round = uploader_.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ(kBatch + 201, round->acknowledged_seq);
  EXPECT_EQ(kBatch + 201, Hwm());
  // The second batch was answered 409 (hwm 0) and sent again, byte for byte, after the first
  // was acknowledged; the mark never went back to 0, or the first would have been sent twice.
  EXPECT_EQ(3, round->batches_sent);
  const std::vector<std::string> one = one_.Posted(), two = two_.Posted();
  ASSERT_EQ(2u, one.size());
  ASSERT_EQ(1u, two.size());
  EXPECT_EQ(Built(1), one[0]);
  EXPECT_EQ(two[0], one[1]);
  EXPECT_EQ(1, ingestor_.counters().refused.load());
  EXPECT_EQ(2, ingestor_.counters().applied.load());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

TEST_F(UploaderLanesTest, AFirstBatchLostOnTheWayFailsTheRoundAndBothAreSentAgainByteForByte) {
  Sell(kBatch + 200);  // entries 1 .. kBatch + 201
  const std::string first = Built(1), second = Built(kBatch + 1);
  one_.FailNext();
  Result<sync::SyncRound> failed = uploader_.SyncOnce();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(Refusal::kNoAnswerFromLedgerAt, failed.status().refusal()) << failed.status().ToString();
  EXPECT_EQ(0, stall_->Progress()->acknowledged_seq);
  EXPECT_EQ(0, Hwm()) << "the batch behind was applied over a gap";

  Sell(1);  // entry kBatch + 202: a batch built now from kBatch + 1 would hold it
  ASSERT_NE(second, Built(kBatch + 1));
  Result<sync::SyncRound> again = uploader_.SyncOnce();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(kBatch + 202, again->acknowledged_seq);
  EXPECT_EQ(kBatch + 202, Hwm());
  // Every post is one of the two batches as first sealed, or the new entry on its own after
  // them. (A batch behind another may go twice: when it reached the ledger before the one
  // ahead, its gap was not believed.)
  const std::string third = Built(kBatch + 202);
  std::vector<std::string> posted = one_.Posted();
  for (const std::string& bytes : two_.Posted()) posted.push_back(bytes);
  int firsts = 0, seconds = 0, thirds = 0, others = 0;
  for (const std::string& bytes : posted) {
    (bytes == first ? firsts : bytes == second ? seconds : bytes == third ? thirds : others) += 1;
  }
  EXPECT_EQ(2, firsts);
  EXPECT_GE(seconds, 2);
  EXPECT_GE(thirds, 1);
  EXPECT_EQ(0, others);
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

// A post that throws (here std::bad_alloc, on the first lane's thread) ends the round as a
// failed one instead of ending the till's sync thread, and leaves nothing behind: the next
// round sends every entry, each applied once.
TEST_F(UploaderLanesTest, AnExceptionWhileSendingFailsTheRoundAndTheNextRoundSendsEverythingOnce) {
  Sell(kBatch + 200);  // entries 1 .. kBatch + 201: two batches
  one_.ThrowNext();
  Result<sync::SyncRound> failed = uploader_.SyncOnce();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(Refusal::kSyncRoundInterrupted, failed.status().refusal()) << failed.status().ToString();
  EXPECT_EQ(0, Hwm()) << "the batch behind was applied over a gap";
  const SyncProgress progress = *stall_->Progress();
  EXPECT_EQ(0, progress.acknowledged_seq);
  EXPECT_EQ(Refusal::kSyncRoundInterrupted, progress.last_error.refusal()) << progress.last_error.ToString();

  Result<sync::SyncRound> again = uploader_.SyncOnce();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(kBatch + 201, again->acknowledged_seq);
  EXPECT_EQ(kBatch + 201, Hwm());
  EXPECT_TRUE(stall_->Progress()->last_error.ok());
  EXPECT_EQ(2, ingestor_.counters().applied.load());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

// With one lane the batch is posted on the caller's thread: the same.
TEST_F(UploaderLanesTest, AnExceptionWhileSendingOnOneLaneFailsTheRoundAndTheNextGoesOn) {
  Sell(kBatch + 200);
  sync::Uploader one_lane(*stall_, one_);
  one_.ThrowNext();
  Result<sync::SyncRound> failed = one_lane.SyncOnce();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(Refusal::kSyncRoundInterrupted, failed.status().refusal()) << failed.status().ToString();
  Result<sync::SyncRound> again = one_lane.SyncOnce();
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(kBatch + 201, Hwm());
  EXPECT_EQ(2, ingestor_.counters().applied.load());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
}

}  // namespace
}  // namespace lapak::ledger
