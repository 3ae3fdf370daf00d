// The batches of each terminal that the ledger holds in hand: from the moment their mac is
// checked until they are answered.
//
// A terminal keeps up to two batches in flight (sync/uploader.h): while the ledger writes one,
// it already checks the next. The next must not be applied before the one ahead of it, or it
// would find a gap (409) only because its predecessor was still being written. So, before it
// is applied, a batch waits for its terminal's batches in hand that start before it.
//
// The wait is only ever for a batch with a lower first_seq, itself running on a thread of its
// own (it was entered after its mac check, on the thread that will answer it): the waits form
// no cycle and each ends when the batch ahead is answered, or at the deadline given. Nothing
// here decides an answer: a batch that still finds a gap after its wait is answered 409, as
// the sync contract says.
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

    // Waits until no batch of the same terminal that starts before this one is in hand, or
    // until `most` has passed. True when none is left.
    bool WaitForEarlier(std::chrono::milliseconds most);

   private:
    friend class BatchesInFlight;
    using Starts = std::multiset<int64_t>;
    Ticket(BatchesInFlight& registry, std::map<std::string, Starts>::iterator terminal,
           Starts::iterator start)
        : registry_(&registry), terminal_(terminal), start_(start) {}

    BatchesInFlight* registry_;  // null once moved from
    std::map<std::string, Starts>::iterator terminal_;
    Starts::iterator start_;
  };

  // Enters the batch of (stall, terminal) starting at `first_seq`; it is in hand until the
  // ticket is destroyed. The registry must outlive its tickets.
  Ticket Enter(const std::string& stall_id, const std::string& terminal_id, int64_t first_seq);

  // How many batches are in hand, for tests.
  size_t InHand() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable left_;
  // By terminal ("stall\0terminal"): the first_seq of each of its batches in hand.
  std::map<std::string, Ticket::Starts> in_hand_;
};

}  // namespace lapak::ledger
