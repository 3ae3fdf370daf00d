// A batch sealed the way a terminal's uploader seals one, from entries a test made or forged.
#pragma once

#include <string>
#include <vector>

#include "core/journal.h"

namespace lapak::testing {

// The payload versions a test can send (sync/payload.h): this build's, or version 1 as a
// terminal built before version 2 wrote it.
enum class PayloadVersion { kCurrent, kVersion1 };

// `entries` (contiguous seqs) of `terminal_id` at `stall_id` as one envelope, signed with
// `key`, payload uncompressed: what sync::BuildBatch would send for them.
std::string SealEntries(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                        const std::string& terminal_id, const std::string& key,
                        PayloadVersion version = PayloadVersion::kCurrent);

// The payload of version 1 of `entries`, each with its own hashes, written from the grammar
// in sync/payload.h: Boost writes only this build's class versions.
std::string PayloadVersion1(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                            const std::string& terminal_id);

}  // namespace lapak::testing
