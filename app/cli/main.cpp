// `lapak`: the terminal's command line over core/. See README.md for the reference.
#include <exception>
#include <iostream>

#include "app/cli/cli.h"
#include "app/common/app_clock.h"

int main(int argc, char** argv) {
  lapak::cli::Context ctx;
  lapak::Result<std::unique_ptr<lapak::Clock>> clock = lapak::app::ClockFromEnvironment("lapak");
  if (!lapak::cli::Check(ctx, clock.status())) return ctx.exit_code;
  ctx.clock = std::move(clock).value();

  CLI::App app{"Lapak: the stall's books on this terminal", "lapak"};
  app.fallthrough();  // --db and --json are accepted after the subcommand too
  app.require_subcommand(1);
  app.add_option("--db", ctx.db_path, "Database file (default $LAPAK_DB, else ~/.local/share/lapak/lapak.db)")
      ->envname("LAPAK_DB");
  app.add_flag("--json", ctx.json, "Print results as JSON");

  lapak::cli::AddInitCommand(app, ctx);
  lapak::cli::AddResetCommand(app, ctx);
  lapak::cli::AddCatalogCommand(app, ctx);
  lapak::cli::AddSellCommand(app, ctx);
  lapak::cli::AddSellBatchCommand(app, ctx);
  lapak::cli::AddVoidCommand(app, ctx);
  lapak::cli::AddHistoryCommand(app, ctx);
  lapak::cli::AddReceiptCommand(app, ctx);
  lapak::cli::AddDayCommand(app, ctx);
  lapak::cli::AddReportCommand(app, ctx);
  lapak::cli::AddVerifyCommand(app, ctx);
  lapak::cli::AddExportCommand(app, ctx);
  lapak::cli::AddSyncCommands(app, ctx);
  lapak::cli::AddQrisCommand(app, ctx);
  lapak::cli::AddPrinterCommand(app, ctx);

  // Bare `lapak`: the commands, as --help lists them (exit 2: nothing was done).
  if (argc == 1) {
    std::cout << app.help();
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help
    lapak::cli::Check(ctx, lapak::Status::InvalidArgument(error.what()));
    return ctx.exit_code;
  } catch (const std::exception& error) {  // a bug: say so rather than abort
    std::cerr << "lapak: internal error: " << error.what() << "\n";
    return 1;
  }
  return ctx.exit_code;
}
