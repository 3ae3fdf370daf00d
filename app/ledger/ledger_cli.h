// Shared plumbing of `lapak-ledger`: global options, opening the ledger, reporting.
//
// Exit codes and error output as `lapak`'s (app/common/report.h). Errors change nothing.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger_cli {

struct Context {
  std::string db_path = "ledger.db";  // --db, $LAPAK_LEDGER_DB
  std::string postgres_uri;          // --postgres, $LAPAK_LEDGER_POSTGRES: used instead of db_path
  bool json = false;
  std::unique_ptr<Clock> clock;
  int exit_code = 0;
};

// Opens the ledger at --postgres or else --db for `use` (core/durable_database.h): kRead for
// a command that only reads (the ledger must exist; nothing can be written), kWrite for one
// that writes, kServe for `serve` (its check after an unclean shutdown is said on stderr).
// A writer creates a missing ledger. On failure reports and returns null.
std::unique_ptr<ledger::LedgerStore> OpenLedger(Context& ctx, DatabaseUse use);
// Reports `status` on stderr and sets the exit code; false when not ok.
bool Check(Context& ctx, const Status& status);
void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text);

void AddServeCommand(CLI::App& app, Context& ctx);
void AddEventCommand(CLI::App& app, Context& ctx);
void AddStallCommand(CLI::App& app, Context& ctx);
void AddTerminalCommand(CLI::App& app, Context& ctx);
void AddReportCommand(CLI::App& app, Context& ctx);
void AddTokenCommand(CLI::App& app, Context& ctx);
void AddRegencyCommand(CLI::App& app, Context& ctx);
void AddVerifyCommand(CLI::App& app, Context& ctx);

}  // namespace lapak::ledger_cli
