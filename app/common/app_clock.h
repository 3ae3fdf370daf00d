// The applications' clock: the wall clock, which core does not have (core/clock.h).
//
// $LAPAK_NOW, a UTC instant ("2026-11-22T12:00:00Z"), stands the clock still there, so that
// the end-to-end tests, the sync tests and the README's screenshots never depend on the time
// of day. It is honoured only by builds made for tests, configured with LAPAK_TEST_CLOCK=ON
// (the dev and quick presets). A build as shipped (the release preset) ignores it: a terminal
// at a stall must not let anyone move its clock, to sidestep the PIN lock-out or to date sales
// into another day.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace lapak::app {

// The wall clock.
class SystemClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

// The clock for `program` ("lapak", "lapak-pos", "lapak-ledger").
// Built for tests: a ManualClock at $LAPAK_NOW when it is set and not empty, else the
// SystemClock; InvalidArgument when $LAPAK_NOW is not a UTC time.
// Built as shipped: always the SystemClock, never an error; when $LAPAK_NOW is set, the first
// call in the process prints one line on stderr, "<program>: this build ignores LAPAK_NOW …",
// so that nobody believes the clock was moved.
[[nodiscard]] Result<std::unique_ptr<Clock>> ClockFromEnvironment(std::string_view program);

}  // namespace lapak::app
