#include "tests/sync/sealed_batch.h"

#include "sync/protocol.h"

namespace lapak::testing {

std::string SealEntries(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                        const std::string& terminal_id, const std::string& key) {
  sync::WireBatch batch{.stall_id = stall_id, .terminal_id = terminal_id, .entries = {}};
  for (const JournalEntry& entry : entries) batch.entries.push_back(sync::ToWire(entry));
  return sync::SealEnvelope({.stall_id = stall_id,
                             .terminal_id = terminal_id,
                             .first_seq = entries.front().seq,
                             .last_seq = entries.back().seq,
                             .encoding = sync::PayloadEncoding::kPlain},
                            sync::EncodePayload(batch), key);
}

}  // namespace lapak::testing
