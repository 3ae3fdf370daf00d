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
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

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

class Uploader {
 public:
  // `store` and `transport` must outlive the Uploader.
  Uploader(StallStore& store, Transport& transport) : store_(store), transport_(transport) {}

  // Sends batches until nothing is unsent, an attempt fails, or `stop` turns true (checked
  // between batches). The outcome (the new mark, or
  // the error) is also recorded in the store for `lapak status` and the status bar.
  // FailedPrecondition when not enrolled or the ledger refused the batch (4xx); IoError when
  // no answer came or the ledger failed (5xx).
  [[nodiscard]] Result<SyncRound> SyncOnce(const std::atomic<bool>* stop = nullptr);

 private:
  // One batch out, its answer applied to the store; true when something is left to send.
  [[nodiscard]] Result<bool> SendNext(const SyncLink& link, SyncRound& round);
  [[nodiscard]] Status Fail(Status status);

  StallStore& store_;
  Transport& transport_;
  std::optional<SealedBatch> pending_;
  std::string pending_key_;  // the key pending_ is signed with
};

}  // namespace lapak::sync
