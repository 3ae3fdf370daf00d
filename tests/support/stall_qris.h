// A static QRIS for tests: well-formed (core/qris.h) with an NMID that no acquirer issued, so
// no wallet would ever pay anyone with it.
#pragma once

namespace lapak::testing {

inline constexpr const char* kStallQris =
    "00020101021151440014ID.CO.QRIS.WWW0215ID10260000000020303UMI5204549953033605802ID"
    "5910WARUNG UJI6007JAKARTA63042AA1";

}  // namespace lapak::testing
