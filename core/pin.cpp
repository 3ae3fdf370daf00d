#include "core/pin.h"

#include <algorithm>
#include <cctype>

#include "core/crypto.h"
#include "core/refusal.h"

namespace lapak {

std::string_view RoleName(Role role) { return role == Role::kOwner ? "pemilik" : "kasir"; }

Result<Role> ParseRole(std::string_view name) {
  if (name == "kasir" || name == "cashier") return Role::kCashier;
  if (name == "pemilik" || name == "owner") return Role::kOwner;
  return Refuse(Refusal::kNotARole, name);
}

Status ValidatePinFormat(std::string_view pin) {
  const bool digits = std::all_of(pin.begin(), pin.end(),
                                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!digits || pin.size() < 4 || pin.size() > 8) {
    return Refuse(Refusal::kPinFormat);
  }
  return Status::Ok();
}

PinHash HashPin(std::string_view pin) {
  PinHash hash;
  hash.salt = RandomBytes(16);
  hash.iterations = kPinKdfIterations;
  hash.key = Pbkdf2Sha256(pin, hash.salt, hash.iterations);
  return hash;
}

bool PinMatches(const PinHash& stored, std::string_view pin) {
  if (stored.iterations < 1) return false;
  return ConstantTimeEquals(Pbkdf2Sha256(pin, stored.salt, stored.iterations), stored.key);
}

std::chrono::seconds PinLockAfter(int consecutive_failures) {
  if (consecutive_failures < kFreePinTries) return std::chrono::seconds(0);
  const int doublings = std::min(consecutive_failures - kFreePinTries, 12);
  return std::min(kFirstPinLock * (int64_t{1} << doublings), kLongestPinLock);
}

}  // namespace lapak
