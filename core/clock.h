// The time source. core never reads the system clock itself: whoever builds a store passes a
// Clock in, so that tests can set the time (a sale just after midnight, a PIN lock expiring).
#pragma once

#include <chrono>
#include <memory>

#include "core/status.h"

namespace lapak {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

// The wall clock, for the applications.
class SystemClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

// A clock that stands still until moved, for tests and demos.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint now) : now_(now) {}
  TimePoint Now() const override { return now_; }
  void Set(TimePoint now) { now_ = now; }
  void Advance(std::chrono::milliseconds by) { now_ += by; }

 private:
  TimePoint now_;
};

// For the applications: the wall clock, or, when $LAPAK_NOW holds a UTC instant
// ("2026-11-22T12:00:00Z"), a clock standing still there, for tests, demos and screenshots
// that must not depend on the time of day. An error for a malformed $LAPAK_NOW.
[[nodiscard]] Result<std::unique_ptr<Clock>> ClockFromEnvironment();

}  // namespace lapak
