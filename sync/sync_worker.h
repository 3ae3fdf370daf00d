// SyncWorker: the uploader on a background thread, for `lapak sync --watch` and the
// touchscreen terminal.
//
// It opens its own connection to the stall's database (a StallStore is used by one thread),
// syncs, then waits: `poll` after a round that caught up, the backoff's wait after a failed
// one; Nudge() (a new sale) cuts the first short, SyncNow() and Stop() either. After every round it publishes the
// progress and calls `on_round` with it from its thread (the terminal posts an empty GLFW
// event there to redraw). It never ends on an error; it reports it and tries again. Stop()
// ends a round between two batches, so it waits at most for one request's timeouts.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/store.h"

namespace lapak::sync {

struct SyncWorkerOptions {
  std::chrono::milliseconds poll{15000};
  std::chrono::milliseconds backoff_base{1000};
  std::chrono::milliseconds backoff_cap{5 * 60 * 1000};
  uint64_t seed = 0;  // 0: from std::random_device
};

class SyncWorker {
 public:
  // `clock` must outlive the worker; the thread starts at once.
  // The progress after the round; nullopt while the stall is not set up yet.
  using RoundCallback = std::function<void(const std::optional<SyncProgress>&)>;
  SyncWorker(std::string db_path, const Clock& clock, SyncWorkerOptions options,
             RoundCallback on_round);
  ~SyncWorker();  // Stop()
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  // New entries were written: sync soon, unless backing off after a failure (a ledger that
  // is away is not asked again on every sale).
  void Nudge();
  // A person asked (or the terminal was just enrolled): sync now, backing off or not.
  void SyncNow();
  void Stop();
  // The progress after the last round; nullopt before the first.
  std::optional<SyncProgress> progress() const;
  int64_t rounds() const;

 private:
  void Run();
  // Waits up to `wait` for SyncNow(), Stop() or, unless `backing_off`, a nudge; false once
  // stopping.
  bool WaitFor(std::chrono::milliseconds wait, bool backing_off);

  std::string db_path_;
  const Clock& clock_;
  SyncWorkerOptions options_;
  RoundCallback on_round_;
  std::atomic<bool> stop_requested_{false};  // read by the uploader between batches

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool nudged_ = false;
  bool forced_ = false;
  bool backing_off_ = false;
  std::optional<SyncProgress> progress_;
  int64_t rounds_ = 0;
  std::thread thread_;  // last: starts after everything above is ready
};

}  // namespace lapak::sync
