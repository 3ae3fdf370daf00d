// How `lapak` and `lapak-ledger` report an outcome: one set of exit codes, errors on stderr,
// results on stdout, both as text or (with --json) as JSON.
//
// Exit codes: 0 ok; 2 bad input; 3 not found; 4 wrong PIN or key; 5 not allowed now (state,
// lock, already done); 6 corrupt or failed verification; 7 disk, database or network error.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::app {

int ExitCodeFor(StatusCode code);

// `status` (not ok) on stderr: {"error":…,"code":…} with `json`, else "<program>: message".
void ReportError(std::string_view program, bool json, const Status& status);

// `value` (indented JSON) with `json`, else `text`, on stdout. Bytes that are not UTF-8 (a
// name from a badly encoded file) are shown as U+FFFD.
void EmitResult(bool json, const nlohmann::json& value, const std::string& text);

}  // namespace lapak::app
