// The payload: the journal entries of one batch as a Boost.Serialization text archive.
//
// Grammar, class versions 1 (as Boost 1.74's text_oarchive writes it; tokens are separated
// by one space, a string is its byte length, one space, then its raw bytes):
//   payload  := archive_header batch
//   archive_header := "22 serialization::archive " library_version
//   batch    := class_header(WireBatch) stall_id terminal_id
//               class_header(vector) count item_version entry{count}
//   entry    := [class_header(WireEntry), before the first entry only] seq uuid kind
//               time_utc_ms business_day body prev_hash hash
//   class_header := tracking_level class_version      ("0 1"; "0 0" for the vector)
//   item_version := WireEntry's class version
//   stall_id, terminal_id := string, an identifier (1-32 of [A-Za-z0-9._-])
//   seq, time_utc_ms := decimal integer
//   kind     := string: "day_open" | "sale" | "void" | "day_close"
//   uuid     := string of 36;   business_day := string "YYYY-MM-DD"
//   body     := string: the entry's canonical body (core/journal.h), ≤ kMaxBodyBytes
//   prev_hash, hash := string: 64 lowercase hex digits
//
// Loading is bounded before anything is allocated: a collection count above
// kMaxEntriesPerBatch, a string longer than kMaxBodyBytes or than the bytes left in the
// payload, and a class version above this build's are refused. The payload as a whole is at
// most kMaxPayloadBytes (envelope.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/status.h"

namespace lapak::sync {

inline constexpr unsigned kWireBatchVersion = 1;
inline constexpr unsigned kWireEntryVersion = 1;
inline constexpr size_t kMaxBodyBytes = 256 * 1024;

struct WireEntry {
  int64_t seq = 0;
  std::string uuid;
  std::string kind;
  int64_t time_utc_ms = 0;
  std::string business_day;
  std::string body;
  std::string prev_hash;  // hex
  std::string hash;       // hex
  bool operator==(const WireEntry&) const = default;
};

struct WireBatch {
  std::string stall_id;
  std::string terminal_id;
  std::vector<WireEntry> entries;
  bool operator==(const WireBatch&) const = default;
};

WireEntry ToWire(const JournalEntry& entry);
// Back to a journal entry of `terminal_id`; checks the fields' forms (kind, hex hashes).
[[nodiscard]] Result<JournalEntry> FromWire(const WireEntry& entry, const std::string& terminal_id);

std::string EncodePayload(const WireBatch& batch);
// InvalidArgument naming what was refused: a malformed archive, a bound exceeded, a version
// from the future, bytes left over.
[[nodiscard]] Result<WireBatch> DecodePayload(std::string_view archive);

}  // namespace lapak::sync
