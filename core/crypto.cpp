#include "core/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace lapak {

static void AbortOnCryptoFailure(const char* what) {
  std::fprintf(stderr, "lapak: libcrypto failed in %s\n", what);
  std::abort();
}

// Fetched once: an implicit fetch through EVP_sha256() on every call costs more than hashing
// a journal entry.
static const EVP_MD* Sha256Algorithm() {
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (algorithm == nullptr) AbortOnCryptoFailure("EVP_MD_fetch(SHA256)");
  return algorithm;
}

Sha256Digest Sha256(std::string_view bytes) { return Sha256Concat(bytes, {}); }

Sha256Digest Sha256Concat(std::string_view a, std::string_view b) {
  Sha256Digest digest{};
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  if (context == nullptr || EVP_DigestInit_ex(context, Sha256Algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(context, a.data(), a.size()) != 1 ||
      EVP_DigestUpdate(context, b.data(), b.size()) != 1 ||
      EVP_DigestFinal_ex(context, digest.data(), nullptr) != 1) {
    AbortOnCryptoFailure("SHA-256");
  }
  EVP_MD_CTX_free(context);
  return digest;
}

Sha256Digest HmacSha256(std::string_view key, std::string_view bytes) {
  Sha256Digest digest{};
  unsigned int length = 0;
  if (HMAC(Sha256Algorithm(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data(),
           &length) == nullptr ||
      length != digest.size()) {
    AbortOnCryptoFailure("HMAC-SHA256");
  }
  return digest;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0F]);
  }
  return hex;
}

static int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool HexDecode(std::string_view hex, std::string& bytes) {
  if (hex.size() % 2 != 0) return false;
  bytes.resize(hex.size() / 2);
  return HexDecode(hex, std::span(reinterpret_cast<uint8_t*>(bytes.data()), bytes.size()));
}

bool HexDecode(std::string_view hex, std::span<uint8_t> bytes) {
  if (hex.size() != 2 * bytes.size()) return false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const int high = HexValue(hex[2 * i]);
    const int low = HexValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    bytes[i] = static_cast<uint8_t>(high * 16 + low);
  }
  return true;
}

std::string RandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    AbortOnCryptoFailure("RAND_bytes");
  }
  return bytes;
}

std::string UuidV7(TimePoint time, std::string_view random) {
  if (random.size() < 10) std::abort();  // a caller's bug: the contract asks for 10 bytes
  constexpr int64_t kLatestMs = (int64_t{1} << 48) - 1;
  const uint64_t unix_ms = static_cast<uint64_t>(std::clamp<int64_t>(time.time_since_epoch().count(), 0, kLatestMs));
  std::string bytes(16, '\0');
  for (int i = 0; i < 6; ++i) bytes[static_cast<size_t>(i)] = static_cast<char>(unix_ms >> (8 * (5 - i)));
  bytes.replace(6, 10, random.substr(0, 10));
  bytes[6] = static_cast<char>((bytes[6] & 0x0F) | 0x70);  // version 7
  bytes[8] = static_cast<char>((bytes[8] & 0x3F) | 0x80);  // RFC 9562 variant
  const std::string hex = HexEncode(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string NewUuid(TimePoint time) { return UuidV7(time, RandomBytes(10)); }

std::string Pbkdf2Sha256(std::string_view secret, std::string_view salt, int iterations) {
  std::string key(32, '\0');
  if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(key.size()),
                        reinterpret_cast<unsigned char*>(key.data())) != 1) {
    AbortOnCryptoFailure("PBKDF2");
  }
  return key;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace lapak
