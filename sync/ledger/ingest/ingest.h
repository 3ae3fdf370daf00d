// Ingest: one POSTed batch in, one answer out, exactly as the sync contract says.
//
//   body over kMaxEnvelopeBytes            → 413 (the HTTP layer refuses it before reading)
//   framing wrong                          → 400
//   terminal unknown or revoked, mac wrong → 401; the payload is never decoded
//   payload does not decode within bounds  → 400
//   batch names another stall or terminal  → 403
//   last_seq ≤ hwm                         → 200, an ack with the ledger's hwm: a replay
//                                            right after gets the very same ack
//   first_seq > hwm + 1                    → 409 with the ledger's hwm (a gap), once the
//                                            terminal's batches in hand that start before
//                                            it are answered (batches_in_flight.h)
//   an entry ≤ hwm differs from the held   → 409 with hwm and "conflict":true; a batch
//                                            wholly ≤ hwm is checked too before its ack
//   chain broken, body invalid             → 422; nothing applied
//   otherwise                              → applied in one transaction, 200 ack
//   the database failed                    → 503; nothing applied, the terminal retries
//
// Answers are written by sync::EncodeBatchAnswer (sync/answer.h, the grammar by status); the
// 200 and 409 answers carry a mac (sync/answer_mac.h) over what the terminal acts on.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <semaphore>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "sync/envelope.h"
#include "sync/ledger/ingest/batches_in_flight.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

struct IngestAnswer {
  int http_status = 200;
  std::string json;
};

// Counters for /v1/metrics and for tests that must see, e.g., that a tampered batch never
// reached the decoder.
struct IngestCounters {
  std::atomic<int64_t> batches{0};
  std::atomic<int64_t> payloads_decoded{0};
  std::atomic<int64_t> applied{0};
  std::atomic<int64_t> duplicates{0};
  std::atomic<int64_t> unauthorised{0};
  std::atomic<int64_t> refused{0};  // 400, 403, 409, 422, 503
};

// How long a batch waits for its terminal's batches ahead of it (then it is applied, and
// answered 409 if they left a gap). Well within the terminal's wait for an answer.
inline constexpr std::chrono::milliseconds kWaitForEarlierBatch{10'000};

class Ingestor {
 public:
  // `store` and `clock` must outlive the Ingestor.
  Ingestor(LedgerStore& store, const Clock& clock)
      : store_(store), clock_(clock), checking_(static_cast<std::ptrdiff_t>(CheckingSlots())) {}

  // Thread-safe, and meant to be called from several threads at once: the framing, mac,
  // inflating and decoding of a batch hold no lock, CheckingSlots() batches at a time (the
  // terminal's key is read from the store for every batch, so a revocation holds from the
  // next batch on); LedgerStore::ApplyBatch commits the batches that reach it together in
  // groups (SQLite) or applies them in parallel (PostgreSQL). A batch whose mac holds waits,
  // before it is handed to the store, for its terminal's batches in hand that start before
  // it to be queued for writing (SQLite) or answered, at most kWaitForEarlierBatch.
  IngestAnswer Handle(std::string_view body);
  const IngestCounters& counters() const { return counters_; }
  // Batches past their mac check and not yet answered (batches_in_flight.h).
  size_t BatchesInHand() const { return in_flight_.InHand(); }

 private:
  // A batch that passed every check before the books: its envelope (views into the body),
  // its terminal as the store holds it, its entries with what the books judge of each alone
  // (read ahead, outside any wait), and its place among its terminal's batches in hand.
  struct CheckedBatch {
    sync::EnvelopeView envelope;
    TerminalRecord terminal;
    std::vector<JournalEntry> entries;
    std::vector<EntryReadAhead> read_ahead;
    BatchesInFlight::Ticket in_hand;
  };
  IngestAnswer Answer(std::string_view body);
  // The refusal, or the batch checked (in a checking slot).
  std::variant<IngestAnswer, CheckedBatch> Check(std::string_view body);

  LedgerStore& store_;
  const Clock& clock_;
  IngestCounters counters_;
  std::counting_semaphore<> checking_;
  BatchesInFlight in_flight_;
};

// The body of a refusal, on any route that answers JSON: {"error":TEXT,"reason":REASON}
// (sync/answer.h): TEXT in English for machine readers and logs, REASON coded so that a
// reader says it in its own language. `refused` is a coded refusal (core/refusal.h), never a
// database's detail.
std::string ErrorJson(const Status& refused);

}  // namespace lapak::ledger
