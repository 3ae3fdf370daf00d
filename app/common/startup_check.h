// How `lapak-pos` and `lapak-ledger serve` say on stderr that their open checks the whole
// database file after an unclean shutdown (core/durable_database.h), and how long it took:
//
//   lapak-ledger: ledger.db was left open by 1 run that did not stop cleanly; checking the
//     whole file (PRAGMA quick_check) before starting
//   lapak-ledger: checked ledger.db in 9.81 s: ok
//
// (or "…: damaged", before the refusal that says what was found). A log for whoever runs the
// program, in English like the ledger's "listening on" line.
#pragma once

#include <string>

#include "core/durable_database.h"

namespace lapak::app {

StartupCheckObserver SayStartupCheck(std::string program, std::string path);

}  // namespace lapak::app
