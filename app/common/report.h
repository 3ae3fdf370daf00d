// How `lapak` and `lapak-ledger` report an outcome: one set of exit codes, errors on stderr,
// results on stdout, both as text or (with --json) as JSON.
//
// Exit codes: 0 ok; 2 bad input; 3 not found; 4 wrong PIN or key; 5 not allowed now (state,
// lock, already done); 6 corrupt or failed verification; 7 disk or database error (for
// lapak-ledger, its PostgreSQL server too); 8 the bazaar ledger could not be reached, or
// could not take a batch now (`lapak sync`: no answer was taken, or the ledger answered 5xx;
// nothing was marked sent, and the same command may simply be run again); 9 the printer was
// not reached or did not take the whole job (what was recorded stays recorded: the receipt
// or the Z is printed again with `lapak receipt RECEIPT --print` or `lapak report --z N`).
//
// Errors are said in Bahasa Indonesia, or in English when $LAPAK_LANG is "en"
// (core/refusal.h).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

#include "core/language.h"
#include "core/status.h"

namespace lapak::app {

// A program's exit code for `status`: 0 when ok, else by its code (README, "Exit codes"),
// except 8 for a refusal that says the ledger could not be reached or could not take a
// batch now (the rows under "reaching the ledger" in core/refusals_terminal.inc, and
// LedgerAnsweredUnavailable).
int ExitCodeFor(const Status& status);

// English when $LAPAK_LANG is "en"; Bahasa Indonesia otherwise.
Language LanguageFromEnvironment();

// `status` (not ok) as {"error":TEXT,"code":STATUS_CODE} plus "refusal":NAME for a coded
// refusal (core/refusal.h), TEXT in LanguageFromEnvironment().
nlohmann::json ErrorJson(const Status& status);

// `status` (not ok) on stderr in LanguageFromEnvironment(): with `json` ErrorJson(status) on
// one line, else "<program>: TEXT".
void ReportError(std::string_view program, bool json, const Status& status);

// `value` (indented JSON) with `json`, else `text`, on stdout. Bytes that are not UTF-8 (a
// name from a badly encoded file) are shown as U+FFFD.
void EmitResult(bool json, const nlohmann::json& value, const std::string& text);

// `value` as one line of JSON (no line breaks inside) on stdout, flushed at once: a reader at
// the other end of a pipe has it before the next line is worked out. Bytes that are not UTF-8
// are shown as U+FFFD, as by EmitResult.
void EmitJsonLine(const nlohmann::json& value);

}  // namespace lapak::app
