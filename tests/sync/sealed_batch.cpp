#include "tests/sync/sealed_batch.h"

#include <fmt/format.h>

#include "core/crypto.h"
#include "sync/protocol.h"

namespace lapak::testing {

namespace {

// A string of the text archive: its byte length, one space, its bytes.
std::string ArchiveString(std::string_view text) { return fmt::format("{} {}", text.size(), text); }

}  // namespace

std::string PayloadVersion1(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                            const std::string& terminal_id) {
  // Boost 1.74's library version 18; WireBatch "0 1"; the vector "0 0", its count and item
  // version 1; WireEntry's class header "0 1" before the first entry only.
  std::string archive = fmt::format("22 serialization::archive 18 0 1 {} {} 0 0 {} 1", ArchiveString(stall_id),
                                    ArchiveString(terminal_id), entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    const JournalEntry& e = entries[i];
    archive += fmt::format("{} {} {} {} {} {} {} {} {}", i == 0 ? " 0 1" : "", e.seq, ArchiveString(e.uuid),
                           ArchiveString(EntryKindName(e.kind)), e.time.time_since_epoch().count(),
                           ArchiveString(e.business_day), ArchiveString(e.body), ArchiveString(HexEncode(e.prev_hash)),
                           ArchiveString(HexEncode(e.hash)));
  }
  return archive;
}

std::string SealEntries(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                        const std::string& terminal_id, const std::string& key, PayloadVersion version) {
  const std::string payload = version == PayloadVersion::kVersion1
                                  ? PayloadVersion1(entries, stall_id, terminal_id)
                                  : sync::EncodePayload(sync::ToWire(stall_id, terminal_id, entries));
  return sync::SealEnvelope({.stall_id = stall_id,
                             .terminal_id = terminal_id,
                             .first_seq = entries.front().seq,
                             .last_seq = entries.back().seq,
                             .encoding = sync::PayloadEncoding::kPlain},
                            payload, key);
}

}  // namespace lapak::testing
