// Shared plumbing of the `lapak` command line: the global options, opening the store, and
// reporting an outcome on stdout/stderr with the documented exit codes.
//
// Exit codes and error output: app/common/report.h. Errors change nothing.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

#include "app/terminal/terminal.h"
#include "core/clock.h"
#include "core/status.h"
#include "core/store.h"

namespace lapak::cli {

struct Context {
  std::string db_path;  // --db, $LAPAK_DB, else $XDG_DATA_HOME/lapak/lapak.db
  bool json = false;    // --json
  std::unique_ptr<Clock> clock;  // app::ClockFromEnvironment (app/common/app_clock.h)
  int exit_code = 0;
};


// The default database path, creating its folder (mode 0700) if needed.
std::string DefaultDatabasePath();

// Opens the store at ctx.db_path (creating it only with kCreateIfMissing); on failure
// reports and returns nullptr.
std::unique_ptr<StallStore> OpenStore(Context& ctx, OpenMode mode = OpenMode::kMustExist);
// Opens the existing store at ctx.db_path read-only (DatabaseUse::kRead), for a command that
// only reads: nothing it does can write. On failure reports and returns nullptr.
std::unique_ptr<StallStore> OpenStoreToRead(Context& ctx);

// Reports `status` on stderr and sets the exit code; returns false when not ok.
bool Check(Context& ctx, const Status& status);

// Writes `value` as JSON (with --json) or `text` (without) to stdout. Bytes that are not
// UTF-8 (a name from a badly encoded file) are shown as U+FFFD.
void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text);

// The PIN from --pin or, when that is empty, $LAPAK_PIN.
std::string PinOrEnvironment(const std::string& pin_option);

// Each adds one subcommand (with its own subcommands) to `app`.
void AddInitCommand(CLI::App& app, Context& ctx);
void AddResetCommand(CLI::App& app, Context& ctx);
void AddCatalogCommand(CLI::App& app, Context& ctx);
void AddSellCommand(CLI::App& app, Context& ctx);
void AddSellBatchCommand(CLI::App& app, Context& ctx);
void AddVoidCommand(CLI::App& app, Context& ctx);
void AddHistoryCommand(CLI::App& app, Context& ctx);
void AddReceiptCommand(CLI::App& app, Context& ctx);
void AddDayCommand(CLI::App& app, Context& ctx);
void AddReportCommand(CLI::App& app, Context& ctx);
void AddVerifyCommand(CLI::App& app, Context& ctx);
void AddExportCommand(CLI::App& app, Context& ctx);
void AddSyncCommands(CLI::App& app, Context& ctx);  // enrol, sync, status
void AddQrisCommand(CLI::App& app, Context& ctx);  // qris set, show, for
void AddPrinterCommand(CLI::App& app, Context& ctx);  // printer set, footer, show, test

// Adds --print PRINTER (app/print/printer.h's addresses) to a command that prints `what`.
void AddPrintOption(CLI::App& command, std::string& address, const std::string& what);

// Adds --pin and --as to a command that needs a role's PIN (default role: `role`).
struct PinOptions {
  std::string pin;
  std::string role;
};
void AddPinOptions(CLI::App& command, PinOptions& options, Role role);
// Logs `terminal` in with the chosen role's PIN; reports and returns false when refused. The
// use case then run on the terminal decides whether that role may do it.
bool LogIn(Context& ctx, app::Terminal& terminal, const PinOptions& options);

}  // namespace lapak::cli
