// The batches of each terminal that the ledger holds in hand: from the moment their mac is
// checked until they are answered.
//
// A terminal keeps up to two batches in flight (sync/uploader.h): while the ledger writes one,
// it already checks the next. The next must not be applied before the one ahead of it, or it
// would find a gap (409) only because its predecessor was still being written. So, before it
// is handed to the store, a batch waits for its terminal's batches in hand that start before
// it and still hold it back: each does until the store has queued it for writing
// (LedgerStore::ApplyBatch's on_queued, SQLite), or else until it is answered.
//
// The wait is only ever for a batch with a lower first_seq, itself running on a thread of its
// own (it was entered after its mac check, on the thread that will answer it): the waits form
// no cycle and each ends when the batch ahead is queued or answered, or at the deadline given.
// Nothing here decides an answer: a batch that still finds a gap after its wait is answered
// 409, as the sync contract says.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace lapak::ledger {

class BatchesInFlight {
 public:
  // A batch in hand; leaving (destruction) wakes the batches waiting behind it.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept;
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    ~Ticket();

    // Waits until no batch of the same terminal that starts before this one holds it back,
    // or until `most` has passed. True when none is left.
    bool WaitForEarlier(std::chrono::milliseconds most);

    // The batch holds back the terminal's later batches no more, though it stays in hand
    // until it leaves: they may be handed to the store behind it. Again, it does nothing.
    void StopHoldingBack();

   private:
    friend class BatchesInFlight;
    using Starts = std::multiset<int64_t>;
    struct TerminalBatches {
      Starts holding_back;  // the first_seq of each batch in hand that still holds back
      size_t in_hand = 0;
    };
    using Terminals = std::map<std::string, TerminalBatches>;
    Ticket(BatchesInFlight& registry, Terminals::iterator terminal, Starts::iterator start)
        : registry_(&registry), terminal_(terminal), start_(start), first_seq_(*start) {}

    BatchesInFlight* registry_;  // null once moved from
    Terminals::iterator terminal_;
    Starts::iterator start_;
    int64_t first_seq_;
    bool holding_back_ = true;  // start_ is valid while it is set (under the registry's mutex)
  };

  // Enters the batch of (stall, terminal) starting at `first_seq`; it is in hand until the
  // ticket is destroyed. The registry must outlive its tickets.
  Ticket Enter(const std::string& stall_id, const std::string& terminal_id, int64_t first_seq);

  // How many batches are in hand, for tests.
  size_t InHand() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable left_;
  // By terminal ("stall\0terminal"): its batches in hand.
  Ticket::Terminals in_hand_;
};

}  // namespace lapak::ledger
