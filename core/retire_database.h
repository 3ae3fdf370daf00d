// Retiring a terminal's database so the terminal can be set up again (`lapak reset`).
//
// The books are never deleted: the database and its -wal and -shm files are renamed to
// "<path>.retired-<UTC time>" (and "…-wal", "…-shm"). Nor is an earlier retired database
// ever replaced: when that name is taken (a clock standing still or set back, two resets in
// the same millisecond), the first free one of "…-2", "…-3", … is used instead. A name is
// free when neither it nor its -wal and -shm exist, and it is taken by a rename that never
// replaces a file, so a name taken by someone else meanwhile is passed over too.
//
// It is done under an exclusive lock: refused while any other connection has the database
// open (a running lapak-pos, its uploader, a `lapak sync --watch`), and refused while any
// journal entry has not reached the ledger (checked again under the lock). The WAL is
// checkpointed into the database first, so the retired file holds everything by itself.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/status.h"

namespace lapak {

// The retired database's new path (the name actually taken). FailedPrecondition while open
// elsewhere or while anything is unsent; IoError if a rename failed (then nothing was
// renamed, or the message says what).
[[nodiscard]] Result<std::string> RetireDatabase(const std::string& path, const Clock& clock);

}  // namespace lapak
