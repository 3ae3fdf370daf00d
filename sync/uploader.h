// The uploader: the terminal's side of the sync contract.
//
// Sends the journal entries above the acknowledged mark in batches of at most
// kMaxEntriesPerBatch entries and kMaxPayloadBytes of payload, compressed when that makes the
// batch smaller. A batch is kept until the ledger answers it and resent byte for byte.
// Entries are marked acknowledged only from the ledger's answer: an ack (or a duplicate's
// ack) moves the mark to the ledger's hwm; a 409 gap (the ledger holds less than this batch
// assumed) sets the mark to the ledger's hwm and the next batch starts right after it. A 409
// conflict (the ledger holds different entries under these numbers) changes nothing and is
// an error for a person to look at. Neither answer is believed without the ledger's mac over
// it (sync/answer_mac.h). Sequence numbers are never changed.
//
// The mark is kept by the uploader as answers come, and written to the store when the round
// ends (a failed round too) and at most every kRecordMarkEvery within it, not after each
// batch: a write to the store waits for the disk. A terminal that stops mid-round starts the
// next one from the mark last written and sends again what the ledger then answers as
// duplicates; nothing is marked that the ledger has not answered.
//
// Batches in flight: with more than one transport (a lane each), the next batch is built and
// sent while the one before it is still unanswered, at most one per lane; the ledger checks
// it meanwhile and applies it after its predecessor (sync/ledger/ingest/batches_in_flight.h).
// With every lane busy, the batch after them is built while their answers are awaited, and
// goes out on the first lane an answer frees; it holds the entries there were when it was
// built, and those recorded since go in the batch after it.
// Answers are taken in the order the batches were sent. A gap answered to a batch that was
// sent behind another is not believed (the ledger may have looked before its predecessor
// was written, e.g. on another server behind a balancer): that batch and those behind it are
// sent again after the answers ahead, one at a time for the rest of the round. Whatever is
// unanswered when a round fails is kept for the next, byte for byte.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/store.h"
#include "sync/transport.h"

namespace lapak::sync {

struct SyncRound {
  int64_t batches_sent = 0;
  int64_t acknowledged_seq = 0;
  int64_t unsent = 0;
};

// A sealed batch, ready for the wire.
struct SealedBatch {
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  std::string bytes;
  size_t archive_bytes = 0;  // the payload before compression
  std::string terminal_id;
};

// Builds the batch starting at `from_seq` (which must exist), signed with `terminal_key`.
[[nodiscard]] Result<SealedBatch> BuildBatch(StallStore& store, int64_t from_seq,
                                             const std::string& terminal_key);

// The lanes a terminal syncs on: batches in flight at once, each on a connection of its own.
inline constexpr int kSyncLanes = 2;

// How often, at most, a round writes the acknowledged mark before it ends.
inline constexpr std::chrono::milliseconds kRecordMarkEvery{1000};

class Uploader {
 public:
  // `store` and every lane must outlive the Uploader. One batch in flight per lane; with one
  // lane, each batch is sent on the caller's thread, with more on a thread of its own.
  Uploader(StallStore& store, Transport& lane) : Uploader(store, std::vector<Transport*>{&lane}) {}
  Uploader(StallStore& store, std::vector<Transport*> lanes,
           std::chrono::milliseconds record_mark_every = kRecordMarkEvery);

  // Sends batches until nothing is unsent, an attempt fails, or `stop` turns true (checked
  // between batches). The outcome (the new mark, or the error) is also recorded in the store
  // for `lapak status` and the status bar.
  // FailedPrecondition when not enrolled or the ledger refused the batch (4xx); IoError when
  // no answer came or the ledger failed (5xx), or when building or posting a batch threw
  // (kSyncRoundInterrupted: the round fails as any other, and the next starts afresh; the
  // till's sync thread must not end on it).
  [[nodiscard]] Result<SyncRound> SyncOnce(const std::atomic<bool>* stop = nullptr);

 private:
  // A sealed batch, with the key it is signed with (a new enrolment signs anew).
  struct Kept {
    std::shared_ptr<const SealedBatch> batch;
    std::string key;
  };
  // A batch sent, its answer to come.
  struct Flight {
    Kept sealed;
    Transport* lane = nullptr;
    bool led = false;  // nothing was in flight ahead of it when it was sent
    std::future<Result<LedgerAnswer>> answer;
  };
  // What the answer to a flight came to.
  enum class Taken { kAcknowledged, kGap, kUnbelievedGap };

  // SyncOnce, but exceptions pass through it.
  [[nodiscard]] Result<SyncRound> Round(const std::atomic<bool>* stop);
  // Sends batches until `lanes` are in flight or nothing is left to send.
  [[nodiscard]] Status Fill(const SyncLink& link, size_t lanes);
  // The batch starting at `first_seq`: the one kept from before, else built.
  [[nodiscard]] Result<Kept> SealedFrom(int64_t first_seq, const std::string& key);
  // The front flight's answer, applied to the store.
  [[nodiscard]] Result<Taken> TakeAnswer(const SyncLink& link, Flight& flight, SyncRound& round);
  // Waits for every flight still out and keeps their batches, unanswered.
  void Recall();
  // The ledger enrolled with `key` holds every entry up to `hwm`: the round's mark, written
  // to the store now when `now` or when record_mark_every_ has passed since the last write.
  [[nodiscard]] Status Acknowledge(int64_t hwm, const std::string& key, bool now);
  // Writes the round's mark to the store, if it moved since the last write.
  [[nodiscard]] Status RecordMark();
  // Records the mark, then `status` as the round's error.
  [[nodiscard]] Status Fail(Status status);

  StallStore& store_;
  std::vector<Transport*> lanes_;
  std::deque<Flight> flights_;
  std::deque<Kept> kept_;  // sealed, sent or not, unanswered; in seq order
  std::chrono::milliseconds record_mark_every_;
  struct Mark {
    int64_t hwm = 0;
    std::string key;
  };
  std::optional<Mark> unrecorded_;  // answered, not yet written to the store
  std::chrono::steady_clock::time_point recorded_at_;
};

}  // namespace lapak::sync
