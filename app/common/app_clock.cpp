#include "app/common/app_clock.h"

#include <fmt/core.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "core/business_day.h"

// LAPAK_TEST_CLOCK=1 is defined for this file alone by the CMake option of that name.
#ifndef LAPAK_TEST_CLOCK
#define LAPAK_TEST_CLOCK 0
#endif

namespace lapak::app {

namespace {
constexpr bool kHonoursLapakNow = LAPAK_TEST_CLOCK != 0;
}  // namespace

Result<std::unique_ptr<Clock>> ClockFromEnvironment(std::string_view program) {
  const char* now = std::getenv("LAPAK_NOW");
  if (now == nullptr || *now == '\0') return std::unique_ptr<Clock>(new SystemClock());
  if (!kHonoursLapakNow) {
    static std::atomic<bool> told{false};
    if (!told.exchange(true)) {
      fmt::print(stderr,
                 "{}: this build ignores LAPAK_NOW and keeps the system clock "
                 "(only builds made for tests honour it)\n",
                 program);
    }
    return std::unique_ptr<Clock>(new SystemClock());
  }
  const std::optional<TimePoint> instant = ParseUtc(now);
  if (!instant) {
    return Status::InvalidArgument(
        fmt::format("LAPAK_NOW='{}' is not a UTC time like 2026-11-22T12:00:00Z", now));
  }
  return std::unique_ptr<Clock>(new ManualClock(*instant));
}

}  // namespace lapak::app
