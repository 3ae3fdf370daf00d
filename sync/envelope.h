// The envelope: how a batch of journal entries travels from a terminal to the ledger.
//
// Grammar, protocol version 1 (integers big-endian, unsigned):
//   envelope    := magic version encoding id_length terminal_id first_seq last_seq
//                  payload_length payload mac
//   magic       := "LPKB"                          4 bytes
//   version     := u16 = 1
//   encoding    := u8: 0 = payload is the text archive as is,
//                      1 = payload is the text archive compressed with zlib (RFC 1950)
//   id_length   := u8, 1..32;   terminal_id := id_length bytes of [A-Za-z0-9._-]
//   first_seq   := u64 ≥ 1;     last_seq := u64 ≥ first_seq, last_seq − first_seq < 500
//   payload_length := u32 ≤ kMaxPayloadBytes;   payload := payload_length bytes
//   mac         := HMAC-SHA256(terminal key, every byte before mac)   32 bytes
//
// The whole envelope is at most kMaxEnvelopeBytes; the ledger refuses a longer body before
// reading it. The payload, once inflated, is at most kMaxPayloadBytes too (see payload.h).
//
// Order of checks on the ledger, each before the next may run:
//   ParseEnvelope (framing only, nothing decoded) → key of terminal_id → VerifyEnvelopeMac
//   (constant time) → InflatePayload → DecodePayload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

inline constexpr std::string_view kEnvelopeMagic = "LPKB";
inline constexpr uint16_t kProtocolVersion = 1;
inline constexpr int64_t kMaxEntriesPerBatch = 500;
inline constexpr size_t kMaxPayloadBytes = 1024 * 1024;
inline constexpr size_t kMacBytes = 32;
inline constexpr size_t kMaxTerminalIdBytes = 32;
inline constexpr size_t kMaxEnvelopeBytes =
    4 + 2 + 1 + 1 + kMaxTerminalIdBytes + 8 + 8 + 4 + kMaxPayloadBytes + kMacBytes;
inline constexpr size_t kTerminalKeyBytes = 32;

enum class PayloadEncoding : uint8_t { kPlain = 0, kZlib = 1 };

// A parsed envelope; the string_views point into the bytes it was parsed from.
struct EnvelopeView {
  uint16_t version = 0;
  PayloadEncoding encoding = PayloadEncoding::kPlain;
  std::string_view terminal_id;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  std::string_view payload;
  std::string_view signed_bytes;  // everything the mac covers
  std::string_view mac;
};

struct EnvelopeHeader {
  std::string terminal_id;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  PayloadEncoding encoding = PayloadEncoding::kPlain;
};

// Frames and signs `payload`. The header and payload must respect the grammar (a bug
// otherwise: asserted).
std::string SealEnvelope(const EnvelopeHeader& header, std::string_view payload,
                         std::string_view terminal_key);

// Framing only: magic, version (a future one is refused), lengths, the sequence range. The
// payload is not looked at. InvalidArgument saying what is wrong.
[[nodiscard]] Result<EnvelopeView> ParseEnvelope(std::string_view bytes);

// Constant time in the envelope's length.
bool VerifyEnvelopeMac(const EnvelopeView& envelope, std::string_view terminal_key);

// The payload as the text archive: inflated when compressed, never beyond kMaxPayloadBytes.
[[nodiscard]] Result<std::string> InflatePayload(const EnvelopeView& envelope);

// zlib at the default level.
std::string CompressPayload(std::string_view archive);

}  // namespace lapak::sync
