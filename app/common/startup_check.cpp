#include "app/common/startup_check.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace lapak::app {

StartupCheckObserver SayStartupCheck(std::string program, std::string path) {
  using Clock = std::chrono::steady_clock;
  auto started = std::make_shared<Clock::time_point>();
  return
      [program = std::move(program), path = std::move(path), started](const StartupCheck& check) {
        if (check.stage == StartupCheck::Stage::kStarting) {
          *started = Clock::now();
          fmt::print(
              stderr,
              "{}: {} was left open by {} run{} that did not stop cleanly; checking the whole file "
              "(PRAGMA quick_check) before starting\n",
              program, path, check.unclean_runs, check.unclean_runs == 1 ? "" : "s");
        } else {
          const double seconds = std::chrono::duration<double>(Clock::now() - *started).count();
          fmt::print(stderr, "{}: checked {} in {:.2f} s: {}\n", program, path, seconds,
                     check.stage == StartupCheck::Stage::kPassed ? "ok" : "damaged");
        }
        std::fflush(stderr);
      };
}

}  // namespace lapak::app
