// The payload: the journal entries of one batch as a Boost.Serialization text archive.
//
// Grammar, class versions 2 (as Boost 1.74's text_oarchive writes it; tokens are separated
// by one space, a string is its byte length, one space, then its raw bytes):
//   payload  := archive_header batch
//   archive_header := "22 serialization::archive " library_version
//   batch    := class_header(WireBatch) stall_id terminal_id before_first last_hash
//               class_header(vector) count item_version entry{count}
//   entry    := [class_header(WireEntry), before the first entry only] seq uuid kind
//               time_utc_ms business_day body
//   class_header := tracking_level class_version      ("0 2"; "0 0" for the vector)
//   item_version := WireEntry's class version
//   stall_id, terminal_id := string, an identifier (1-32 of [A-Za-z0-9._-])
//   before_first := string: the prev_hash of the first entry, 64 lowercase hex digits
//   last_hash := string: the terminal's hash of the last entry, 64 lowercase hex digits
//   seq, time_utc_ms := decimal integer
//   kind     := string: "day_open" | "sale" | "void" | "day_close"
//   uuid     := string of 36;   business_day := string "YYYY-MM-DD"
//   body     := string: the entry's canonical body (core/journal.h), ≤ kMaxBodyBytes
//
// Version 1, still read (terminals not yet upgraded): class versions "0 1", no before_first
// and last_hash in the batch, and each entry ends with its own `prev_hash hash` (strings of
// 64 lowercase hex digits). Those two were 128 characters an entry that do not compress,
// most of a compressed batch; in version 2 the ledger works the chain out itself from its
// ends (FromWire). Upgrade the ledger first: a ledger of version 1 refuses a batch of 2.
//
// Loading is bounded before anything is allocated: a collection count above
// kMaxEntriesPerBatch, a string longer than kMaxBodyBytes or than the bytes left in the
// payload, and a class version above this build's are refused. The payload as a whole is at
// most kMaxPayloadBytes (envelope.h).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "core/journal.h"
#include "core/status.h"

namespace lapak::sync {

inline constexpr unsigned kWireBatchVersion = 2;
inline constexpr unsigned kWireEntryVersion = 2;
inline constexpr size_t kMaxBodyBytes = 256 * 1024;

struct WireEntry {
  int64_t seq = 0;
  std::string uuid;
  std::string kind;
  int64_t time_utc_ms = 0;
  std::string business_day;
  std::string body;
  // Version 1 only, hex; empty in version 2, whose batch carries the chain's ends instead.
  std::string prev_hash;
  std::string hash;
  bool operator==(const WireEntry&) const = default;
};

// The ends of a batch's hash chain (version 2), hex: the prev_hash of its first entry and
// the terminal's hash of its last.
struct ChainEnds {
  std::string before_first;
  std::string last_hash;
  bool operator==(const ChainEnds&) const = default;
};

struct WireBatch {
  std::string stall_id;
  std::string terminal_id;
  std::optional<ChainEnds> chain;  // absent only in a batch read as version 1
  std::vector<WireEntry> entries;
  bool operator==(const WireBatch&) const = default;
};

// The batch a terminal sends of `entries`: consecutive entries of its journal, at least one.
WireBatch ToWire(std::string stall_id, std::string terminal_id, std::span<const JournalEntry> entries);

// A decoded batch's entries as journal entries of its terminal, each beside the hash of its
// own bytes (ComputeEntryHash), worked out here once so that the ledger's checks
// (ReadAhead, core/books.h) need not work it out again.
struct EntriesFromWire {
  std::vector<JournalEntry> entries;
  std::vector<Sha256Digest> hashes_of_bytes;
};
// Checks each field's form (kind, uuid, day, hex hashes) and gives each entry its hashes:
// - version 1: the ones it carries;
// - version 2: the chain from `before_first`, each entry's prev_hash being the hash of the
//   bytes of the one before it; the last entry's hash is the terminal's `last_hash`, so a
//   batch whose entries are not the ones the terminal hashed shows as the last entry's hash
//   mismatch (Books refuses it), as a changed entry of version 1 shows at that entry.
// InvalidArgument names what is malformed.
[[nodiscard]] Result<EntriesFromWire> FromWire(const WireBatch& batch);

// Writes `batch` at this build's versions; `batch.chain` must be present (ToWire sets it),
// std::invalid_argument otherwise.
std::string EncodePayload(const WireBatch& batch);
// InvalidArgument naming what was refused: a malformed archive, a bound exceeded, a version
// from the future, entries of version 1 in a batch of version 2, bytes left over.
[[nodiscard]] Result<WireBatch> DecodePayload(std::string_view archive);

}  // namespace lapak::sync
