// Test instants on the clocks of Jakarta (WIB, UTC+7), in November 2026, the month the tests'
// bazaar runs.
#pragma once

#include <chrono>

#include "core/clock.h"

namespace lapak::testing {

// November `day_of_month`, 2026, at `local` (e.g. 19h + 30min) WIB.
inline TimePoint Wib(unsigned day_of_month, std::chrono::minutes local) {
  const std::chrono::sys_days date{std::chrono::year{2026} / std::chrono::November /
                                   std::chrono::day{day_of_month}};
  return TimePoint{date - std::chrono::hours(7) + local};
}

}  // namespace lapak::testing
