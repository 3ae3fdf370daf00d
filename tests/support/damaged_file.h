// Damage to a SQLite file as a machine that loses power on cheap storage can leave it, for
// the tests of what opening a database checks (core/durable_database.h) and what verify finds.
#pragma once

#include <string>

namespace lapak::testing {

// Overwrites the b-tree header of `table`'s root page in the file at `path` (its page type
// becomes 0): reading that table fails with SQLITE_CORRUPT and PRAGMA quick_check and
// integrity_check name the page, while every other table reads as before. The WAL is first
// checkpointed into the file; nothing else may have the file open. "OK" or what went wrong.
std::string DamageTable(const std::string& path, const std::string& table);

// Leaves in the file at `path` the session of a long-running writer (lapak-pos, lapak-ledger
// serve) that ran on another boot of the machine and never closed the file: the record a
// power loss leaves (core/durable_database.h). "OK" or SQLite's message.
std::string LeaveUncleanSession(const std::string& path);

// The long-running writers' sessions recorded in the file at `path`: their number as text,
// or "error: " and SQLite's message ("error: no such table: writer_sessions" before the first).
std::string CountSessions(const std::string& path);

}  // namespace lapak::testing
