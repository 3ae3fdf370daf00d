// The envelope: how a batch of journal entries travels from a terminal to the ledger.
//
// Grammar, protocol version 2 (integers big-endian, unsigned):
//   envelope    := magic version encoding stall_length stall_id id_length terminal_id
//                  first_seq last_seq payload_length payload mac
//   magic       := "LPKB"                          4 bytes
//   version     := u16 = 2
//   encoding    := u8: 0 = payload is the text archive as is,
//                      1 = payload is the text archive compressed with zlib (RFC 1950)
//   stall_length := u8, 1..32;  stall_id := stall_length bytes of [A-Za-z0-9._-]
//   id_length   := u8, 1..32;   terminal_id := id_length bytes of [A-Za-z0-9._-]
//   first_seq   := u64 ≥ 1;     last_seq := u64 ≥ first_seq,
//                               last_seq − first_seq < kMaxEntriesPerBatch
//   payload_length := u32 ≤ kMaxPayloadBytes;   payload := payload_length bytes
//   mac         := HMAC-SHA256(terminal key, every byte before mac)   32 bytes
//
// A terminal is named by its stall: T1 of BKS-07 and T1 of MIE-02 are two terminals, and
// the ledger finds the key by both ids. Version 1, sent by terminals built before stall-named
// terminals, is the same without stall_length and stall_id; it is still read (stall_id then
// empty), and the ledger takes it only from a terminal whose id no other stall uses.
//
// The whole envelope is at most kMaxEnvelopeBytes; the ledger refuses a longer body before
// reading it. The payload, once inflated, is at most kMaxPayloadBytes too (see payload.h).
//
// Order of checks on the ledger, each before the next may run:
//   ParseEnvelope (framing only, nothing decoded) → key of (stall_id, terminal_id) →
//   VerifyEnvelopeMac
//   (constant time) → InflatePayload → DecodePayload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

inline constexpr std::string_view kEnvelopeMagic = "LPKB";
inline constexpr uint16_t kProtocolVersion = 2;
inline constexpr uint16_t kOldestProtocolVersion = 1;  // without the stall id
// A terminal catching up after a day offline sends its journal in batches of this many
// entries. Each batch costs a round trip, a commit that waits for the disk and a plan of the
// books on the ledger whatever its size; at 1000 a catch-up of 10 000 sales took 11 % less
// time than at 500 (tests/bench/RESULTS.md). A batch of 1000 ordinary sales is ~485 KB as
// an archive (the payload limit below is twice that; a batch that would pass it is halved by
// the uploader) and ~51 KB compressed on the Wi-Fi. A ledger built before 2026-12-05 takes at
// most 500 and refuses more (400): upgrade the ledger before the terminals.
inline constexpr int64_t kMaxEntriesPerBatch = 1000;
inline constexpr size_t kMaxPayloadBytes = 1024 * 1024;
inline constexpr size_t kMacBytes = 32;
inline constexpr size_t kMaxTerminalIdBytes = 32;
inline constexpr size_t kMaxEnvelopeBytes =
    4 + 2 + 1 + 1 + kMaxTerminalIdBytes + 1 + kMaxTerminalIdBytes + 8 + 8 + 4 + kMaxPayloadBytes +
    kMacBytes;
inline constexpr size_t kTerminalKeyBytes = 32;

enum class PayloadEncoding : uint8_t { kPlain = 0, kZlib = 1 };

// A parsed envelope; the string_views point into the bytes it was parsed from.
struct EnvelopeView {
  uint16_t version = 0;
  PayloadEncoding encoding = PayloadEncoding::kPlain;
  std::string_view stall_id;  // empty in a version 1 envelope
  std::string_view terminal_id;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  std::string_view payload;
  std::string_view signed_bytes;  // everything the mac covers
  std::string_view mac;
};

struct EnvelopeHeader {
  std::string stall_id;
  std::string terminal_id;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  PayloadEncoding encoding = PayloadEncoding::kPlain;
};

// Frames and signs `payload`. The header and payload must respect the grammar (a bug
// otherwise: asserted).
std::string SealEnvelope(const EnvelopeHeader& header, std::string_view payload,
                         std::string_view terminal_key);

// Framing only: magic, version (1 or 2; a future one is refused), lengths, the sequence range. The
// payload is not looked at. InvalidArgument saying what is wrong.
[[nodiscard]] Result<EnvelopeView> ParseEnvelope(std::string_view bytes);

// Constant time in the envelope's length.
bool VerifyEnvelopeMac(const EnvelopeView& envelope, std::string_view terminal_key);

// The payload as the text archive: when compressed, inflated by libdeflate (any zlib stream,
// its Adler-32 checked) and never beyond kMaxPayloadBytes; bytes after the stream's end are
// refused.
[[nodiscard]] Result<std::string> InflatePayload(const EnvelopeView& envelope);

// A zlib stream (RFC 1950) of `archive`, as PayloadEncoding::kZlib carries it, made by
// libdeflate at its level 6: about twice as fast as zlib's own level 6 on a batch of sales,
// and a few percent smaller (tests/bench/RESULTS.md). Any zlib inflates it.
std::string CompressPayload(std::string_view archive);

}  // namespace lapak::sync
