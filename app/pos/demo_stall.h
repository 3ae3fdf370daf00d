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
// The demo stall's static QRIS (core/qris.h): well-formed, with an NMID that no acquirer
// issued, so a wallet that scans it pays no one. The owner sets it (screenshots of the QRIS
// screen, scripts/demo); a real stall enters its own from its sticker.
inline constexpr const char* kDemoQris =
    "00020101021151440014ID.CO.QRIS.WWW0215ID10260000000010303UMI5204581253033605802ID"
    "5915BAKSO PAK KUMIS6006BEKASI6105171116304A0E3";

// Sets up `store` (a fresh database) as the demo stall.
[[nodiscard]] Status SetUpDemoStall(StallStore& store);

}  // namespace lapak::pos
