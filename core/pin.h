// Roles, PINs and the lock-out policy.
//
// A PIN is 4 to 8 digits. It is kept only as PBKDF2-HMAC-SHA256(pin, 16 random salt bytes,
// kPinKdfIterations) — never in clear — and compared in constant time.
// Lock-out: after kFreePinTries consecutive wrong PINs the role is locked for 1 minute; every
// further wrong PIN after a lock ends doubles it (2, 4, 8 … minutes, at most 60). A right PIN
// resets the count. The count and the lock are stored, so a restart does not clear them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak {

enum class Role { kCashier, kOwner };

// "kasir", "pemilik": the names in the database, the CLI and the UI.
std::string_view RoleName(Role role);
[[nodiscard]] Result<Role> ParseRole(std::string_view name);

inline constexpr int kPinKdfIterations = 120'000;
inline constexpr int kFreePinTries = 5;
inline constexpr std::chrono::seconds kFirstPinLock{60};
inline constexpr std::chrono::seconds kLongestPinLock{3600};

struct PinHash {
  std::string salt;  // raw bytes
  int iterations = kPinKdfIterations;
  std::string key;   // raw PBKDF2 output
};

[[nodiscard]] Status ValidatePinFormat(std::string_view pin);
PinHash HashPin(std::string_view pin);
bool PinMatches(const PinHash& stored, std::string_view pin);

// How long a role stays locked after its `consecutive_failures`-th wrong PIN (zero below
// kFreePinTries).
std::chrono::seconds PinLockAfter(int consecutive_failures);

}  // namespace lapak
