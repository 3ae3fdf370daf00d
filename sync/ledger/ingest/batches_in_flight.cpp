#include "sync/ledger/ingest/batches_in_flight.h"

namespace lapak::ledger {

BatchesInFlight::Ticket::Ticket(Ticket&& other) noexcept
    : registry_(other.registry_), terminal_(other.terminal_), start_(other.start_) {
  other.registry_ = nullptr;
}

BatchesInFlight::Ticket::~Ticket() {
  if (registry_ == nullptr) return;
  {
    std::lock_guard lock(registry_->mutex_);
    terminal_->second.erase(start_);
    if (terminal_->second.empty()) registry_->in_hand_.erase(terminal_);
  }
  registry_->left_.notify_all();
}

bool BatchesInFlight::Ticket::WaitForEarlier(std::chrono::milliseconds most) {
  std::unique_lock lock(registry_->mutex_);
  const Starts& starts = terminal_->second;  // never empty: it holds this ticket's start
  return registry_->left_.wait_for(lock, most, [&] { return *starts.begin() >= *start_; });
}

BatchesInFlight::Ticket BatchesInFlight::Enter(const std::string& stall_id,
                                               const std::string& terminal_id, int64_t first_seq) {
  std::string key = stall_id;
  key += '\0';
  key += terminal_id;
  std::lock_guard lock(mutex_);
  auto terminal = in_hand_.try_emplace(std::move(key)).first;
  auto start = terminal->second.insert(first_seq);
  return Ticket(*this, terminal, start);
}

size_t BatchesInFlight::InHand() const {
  std::lock_guard lock(mutex_);
  size_t count = 0;
  for (const auto& [terminal, starts] : in_hand_) count += starts.size();
  return count;
}

}  // namespace lapak::ledger
