// Hashing, randomness and key derivation over OpenSSL's libcrypto.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace lapak {

using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest Sha256(std::string_view bytes);
// SHA-256 over the concatenation a ‖ b, without copying them together.
Sha256Digest Sha256Concat(std::string_view a, std::string_view b);

std::string HexEncode(std::string_view bytes);
inline std::string HexEncode(const Sha256Digest& digest) {
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}
// Lowercase or uppercase hex; false on odd length or a non-hex character.
[[nodiscard]] bool HexDecode(std::string_view hex, std::string& bytes);
// The same into `bytes`, which `hex` must fill exactly (two digits a byte); false, and
// `bytes` unspecified, when it does not.
[[nodiscard]] bool HexDecode(std::string_view hex, std::span<uint8_t> bytes);

// Cryptographically random bytes (RAND_bytes). Aborts if the system has no entropy source:
// a terminal that cannot make salts or UUIDs must not go on.
std::string RandomBytes(size_t count);

// A time-ordered UUID (version 7, RFC 9562) in its 36-character text form: `time` as Unix
// milliseconds in its first 48 bits (clamped to 0 … 2^48 - 1), then 74 random bits. A
// journal entry's uuid is made from the entry's own time, so each terminal's new uuids sort
// after its earlier ones and land together at the end of the ledger's uuid index, not on
// random pages of it (tests/bench/RESULTS.md, "the uuid index"). Uniqueness rests on the
// random bits, as with version 4; uuids of version 4 written before stay valid everywhere.
std::string NewUuid(TimePoint time);
// The same with the random bits taken from `random` (its first 10 bytes; it must have at
// least 10), for generators that must be reproducible.
std::string UuidV7(TimePoint time, std::string_view random);

// PBKDF2-HMAC-SHA256 with the given salt and iteration count; 32 bytes out.
std::string Pbkdf2Sha256(std::string_view secret, std::string_view salt, int iterations);

// HMAC-SHA256(key, bytes): 32 raw bytes.
Sha256Digest HmacSha256(std::string_view key, std::string_view bytes);

// Compares in time that depends only on the lengths (CRYPTO_memcmp).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace lapak
