// The time source. core has no clock of its own and never reads the system clock: whoever
// builds a store passes a Clock in, so that tests can set the time (a sale just after
// midnight, a PIN lock expiring). The applications' wall clock is app/common/app_clock.h.
#pragma once

#include <chrono>

namespace lapak {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
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

}  // namespace lapak
