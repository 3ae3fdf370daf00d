// A demo stall for screenshots and first runs: "Bakso Pak Kumis" with a bakso and drinks
// catalog, PINs 1234 (kasir) and 9999 (pemilik).
#pragma once

#include <string>

#include "core/status.h"
#include "core/store.h"

namespace lapak::pos {

inline constexpr const char* kDemoCashierPin = "1234";
inline constexpr const char* kDemoOwnerPin = "9999";
inline constexpr const char* kDemoStallId = "BKS-07";
inline constexpr const char* kDemoTerminalId = "T1";

// Sets up `store` (a fresh database) as the demo stall.
[[nodiscard]] Status SetUpDemoStall(StallStore& store);

}  // namespace lapak::pos
