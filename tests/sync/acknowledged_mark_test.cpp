// The acknowledged mark (sync/uploader.h): the uploader keeps the ledger's answers as they
// come and writes the mark to the store when the round ends, a failed one too, and at most
// every kRecordMarkEvery within it; never for an enrolment that has since been replaced.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/refusal.h"
#include "sync/envelope.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/uploader.h"
#include "tests/sync/stall_and_ledger.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;

// Three batches: two full ones and 101 entries (100 sales and the day's opening).
constexpr int64_t kBatch = sync::kMaxEntriesPerBatch;
constexpr int64_t kLast = 2 * kBatch + 101;

// One lane to an Ingestor in process. With one lane the uploader posts on its own thread, so
// a post may look at the stall's store: it notes the mark written there when each batch goes
// out, and runs `before_post` first (given the post's number, from 1).
class WatchingLane : public sync::Transport {
 public:
  WatchingLane(Ingestor& ingestor, StallStore& stall) : ingestor_(ingestor), stall_(stall) {}

  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    marks_seen_.push_back(stall_.Progress()->acknowledged_seq);
    if (fail_post_ == static_cast<int>(marks_seen_.size())) {
      return Refuse(Refusal::kNoAnswerFromLedgerAt, "in-process", "dropped by the test");
    }
    if (before_post) before_post(static_cast<int>(marks_seen_.size()));
    const IngestAnswer answer = ingestor_.Handle(envelope);
    return sync::LedgerAnswer{answer.http_status, answer.json};
  }

  void FailPost(int number) { fail_post_ = number; }
  const std::vector<int64_t>& marks_seen() const { return marks_seen_; }
  std::function<void(int)> before_post;

 private:
  Ingestor& ingestor_;
  StallStore& stall_;
  std::vector<int64_t> marks_seen_;
  int fail_post_ = 0;
};

class AcknowledgedMarkTest : public testing::StallAndLedger {
 protected:
  AcknowledgedMarkTest() {
    EXPECT_TRUE(stall_->Enrol({"http://127.0.0.1:9", key_}).ok());
    Sell(kLast - 1);  // entries 1 .. kLast, in three batches
  }

  Ingestor ingestor_{*ledger_, clock_};
  WatchingLane lane_{ingestor_, *stall_};
};

TEST_F(AcknowledgedMarkTest, ARoundWritesTheMarkOnceWhenItEnds) {
  sync::Uploader uploader(*stall_, {&lane_}, 1h);
  Result<sync::SyncRound> round = uploader.SyncOnce();
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_EQ((std::vector<int64_t>{0, 0, 0}), lane_.marks_seen());
  EXPECT_EQ(kLast, round->acknowledged_seq);
  EXPECT_EQ(kLast, stall_->Progress()->acknowledged_seq);
  EXPECT_TRUE(stall_->Progress()->last_success_at.has_value());
  EXPECT_EQ(kLast, Hwm());
}

TEST_F(AcknowledgedMarkTest, WithNoTimeBetweenWritesEachAcknowledgementIsWrittenAsItComes) {
  sync::Uploader uploader(*stall_, {&lane_}, 0ms);
  ASSERT_TRUE(uploader.SyncOnce().ok());
  EXPECT_EQ((std::vector<int64_t>{0, kBatch, 2 * kBatch}), lane_.marks_seen());
  EXPECT_EQ(kLast, stall_->Progress()->acknowledged_seq);
}

TEST_F(AcknowledgedMarkTest, AFailedRoundKeepsWhatWasAcknowledgedAndShowsItsError) {
  lane_.FailPost(3);
  sync::Uploader uploader(*stall_, {&lane_}, 1h);
  Result<sync::SyncRound> failed = uploader.SyncOnce();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(Refusal::kNoAnswerFromLedgerAt, failed.status().refusal()) << failed.status().ToString();
  const SyncProgress progress = *stall_->Progress();
  EXPECT_EQ(2 * kBatch, progress.acknowledged_seq);
  EXPECT_EQ(Refusal::kNoAnswerFromLedgerAt, progress.last_error.refusal())
      << "writing the mark cleared the round's error: " << progress.last_error.ToString();

  // The next round starts after the mark written: only the third batch goes.
  ASSERT_TRUE(uploader.SyncOnce().ok());
  EXPECT_EQ((std::vector<int64_t>{0, 0, 0, 2 * kBatch}), lane_.marks_seen());
  EXPECT_EQ(0, ingestor_.counters().duplicates.load());
  EXPECT_EQ(kLast, stall_->Progress()->acknowledged_seq);
  EXPECT_TRUE(stall_->Progress()->last_error.ok());
}

// The vendor enrols the terminal anew (another ledger) while a round to the old one runs:
// that ledger's answers mark nothing for the new enrolment, which starts from nothing.
TEST_F(AcknowledgedMarkTest, ARoundThatOutlivesItsEnrolmentMarksNothingForTheNextOne) {
  const std::string other_key(32, 'k');
  lane_.before_post = [&](int number) {
    if (number == 2) {
      ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:10", other_key}).ok());
    }
  };
  sync::Uploader uploader(*stall_, {&lane_}, 1h);
  ASSERT_TRUE(uploader.SyncOnce().ok());
  EXPECT_EQ(kLast, Hwm()) << "the old ledger took the round's batches";
  const SyncProgress progress = *stall_->Progress();
  EXPECT_EQ(0, progress.acknowledged_seq);
  EXPECT_EQ(kLast, progress.unsent());
  EXPECT_FALSE(progress.last_success_at.has_value());
}

TEST_F(AcknowledgedMarkTest, TheStoreTakesNoMarkUnderAKeyItIsNoLongerEnrolledWith) {
  const std::string other_key(32, 'k');
  ASSERT_TRUE(stall_->RecordAcknowledged(500, key_).ok());
  ASSERT_TRUE(stall_->Enrol({"http://127.0.0.1:10", other_key}).ok());
  EXPECT_TRUE(stall_->RecordAcknowledged(1000, key_).ok());
  EXPECT_EQ(0, stall_->Progress()->acknowledged_seq);
  EXPECT_TRUE(stall_->RecordAcknowledged(1000, other_key).ok());
  EXPECT_EQ(1000, stall_->Progress()->acknowledged_seq);
  EXPECT_EQ(Refusal::kLedgerAheadOfJournal, stall_->RecordAcknowledged(kLast + 1, other_key).refusal());
  EXPECT_EQ(1000, stall_->Progress()->acknowledged_seq);
}

}  // namespace
}  // namespace lapak::ledger
