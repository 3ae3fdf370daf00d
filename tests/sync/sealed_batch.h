// A batch sealed the way a terminal's uploader seals one, from entries a test made or forged.
#pragma once

#include <string>
#include <vector>

#include "core/journal.h"

namespace lapak::testing {

// `entries` (contiguous seqs) of `terminal_id` at `stall_id` as one envelope, signed with
// `key`, payload uncompressed: what sync::BuildBatch would send for them.
std::string SealEntries(const std::vector<JournalEntry>& entries, const std::string& stall_id,
                        const std::string& terminal_id, const std::string& key);

}  // namespace lapak::testing
