// `lapak-ledger`: the central bazaar ledger, its server and its administration.
#include <exception>
#include <iostream>

#include "app/common/app_clock.h"
#include "app/ledger/ledger_cli.h"

int main(int argc, char** argv) {
  lapak::ledger_cli::Context ctx;
  lapak::Result<std::unique_ptr<lapak::Clock>> clock =
      lapak::app::ClockFromEnvironment("lapak-ledger");
  if (!lapak::ledger_cli::Check(ctx, clock.status())) return ctx.exit_code;
  ctx.clock = std::move(clock).value();

  CLI::App app{"Lapak ledger: the bazaar's central books", "lapak-ledger"};
  app.fallthrough();
  app.require_subcommand(1);
  app.add_option("--db", ctx.db_path, "Ledger database file (default ./ledger.db)")
      ->envname("LAPAK_LEDGER_DB");
  app.add_option("--postgres", ctx.postgres_uri,
                 "Keep the ledger in PostgreSQL instead, e.g. postgresql://lapak@127.0.0.1/ledger")
      ->envname("LAPAK_LEDGER_POSTGRES");
  app.add_flag("--json", ctx.json, "Print results as JSON");

  lapak::ledger_cli::AddServeCommand(app, ctx);
  lapak::ledger_cli::AddEventCommand(app, ctx);
  lapak::ledger_cli::AddStallCommand(app, ctx);
  lapak::ledger_cli::AddTerminalCommand(app, ctx);
  lapak::ledger_cli::AddReportCommand(app, ctx);
  lapak::ledger_cli::AddTokenCommand(app, ctx);
  lapak::ledger_cli::AddRegencyCommand(app, ctx);
  lapak::ledger_cli::AddVerifyCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);
    lapak::ledger_cli::Check(ctx, lapak::Status::InvalidArgument(error.what()));
    return ctx.exit_code;
  } catch (const std::exception& error) {
    std::cerr << "lapak-ledger: internal error: " << error.what() << "\n";
    return 1;
  }
  return ctx.exit_code;
}
