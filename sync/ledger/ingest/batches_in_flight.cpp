#include "sync/ledger/ingest/batches_in_flight.h"

namespace lapak::ledger {

BatchesInFlight::Ticket::Ticket(Ticket&& other) noexcept
    : registry_(other.registry_),
      terminal_(other.terminal_),
      start_(other.start_),
      first_seq_(other.first_seq_),
      holding_back_(other.holding_back_) {
  other.registry_ = nullptr;
}

BatchesInFlight::Ticket::~Ticket() {
  if (registry_ == nullptr) return;
  {
    std::lock_guard lock(registry_->mutex_);
    TerminalBatches& batches = terminal_->second;
    if (holding_back_) batches.holding_back.erase(start_);
    if (--batches.in_hand == 0) registry_->in_hand_.erase(terminal_);
  }
  registry_->left_.notify_all();
}

bool BatchesInFlight::Ticket::WaitForEarlier(std::chrono::milliseconds most) {
  std::unique_lock lock(registry_->mutex_);
  const Starts& holding_back = terminal_->second.holding_back;
  return registry_->left_.wait_for(
      lock, most, [&] { return holding_back.empty() || *holding_back.begin() >= first_seq_; });
}

void BatchesInFlight::Ticket::StopHoldingBack() {
  {
    std::lock_guard lock(registry_->mutex_);
    if (!holding_back_) return;
    terminal_->second.holding_back.erase(start_);
    holding_back_ = false;
  }
  registry_->left_.notify_all();
}

BatchesInFlight::Ticket BatchesInFlight::Enter(const std::string& stall_id,
                                               const std::string& terminal_id, int64_t first_seq) {
  std::string key = stall_id;
  key += '\0';
  key += terminal_id;
  std::lock_guard lock(mutex_);
  auto terminal = in_hand_.try_emplace(std::move(key)).first;
  ++terminal->second.in_hand;
  auto start = terminal->second.holding_back.insert(first_seq);
  return Ticket(*this, terminal, start);
}

size_t BatchesInFlight::InHand() const {
  std::lock_guard lock(mutex_);
  size_t count = 0;
  for (const auto& [terminal, batches] : in_hand_) count += batches.in_hand;
  return count;
}

}  // namespace lapak::ledger
