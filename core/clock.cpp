#include "core/clock.h"

#include <fmt/core.h>

#include <cstdlib>

#include "core/business_day.h"

namespace lapak {

Result<std::unique_ptr<Clock>> ClockFromEnvironment() {
  const char* now = std::getenv("LAPAK_NOW");
  if (now == nullptr || *now == '\0') return std::unique_ptr<Clock>(new SystemClock());
  const std::optional<TimePoint> instant = ParseUtc(now);
  if (!instant) {
    return Status::InvalidArgument(fmt::format("LAPAK_NOW='{}' is not a UTC time like 2026-11-22T12:00:00Z", now));
  }
  return std::unique_ptr<Clock>(new ManualClock(*instant));
}

}  // namespace lapak
