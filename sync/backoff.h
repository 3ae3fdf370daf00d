// Capped exponential backoff with full jitter: after the n-th failure in a row the wait is
// uniform in [0, min(cap, base · 2^n)], so that a bazaar's terminals do not all retry at the
// same instant when the ledger comes back.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

namespace lapak::sync {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, uint64_t seed)
      : base_(base), cap_(cap), random_(seed) {}

  // The wait before the next attempt, after one more failure.
  std::chrono::milliseconds Next() {
    const int64_t ceiling =
        std::min<int64_t>(cap_.count(), base_.count() << std::min(failures_, 30));
    ++failures_;
    return std::chrono::milliseconds(
        std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(ceiling, 0))(random_));
  }
  void Reset() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  std::chrono::milliseconds base_;
  std::chrono::milliseconds cap_;
  std::mt19937_64 random_;
  int failures_ = 0;
};

}  // namespace lapak::sync
