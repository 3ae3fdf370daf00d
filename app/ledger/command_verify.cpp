// `lapak-ledger verify`: every page of a SQLite ledger file (PRAGMA integrity_check), on
// demand; opening the ledger never reads the whole file (core/durable_database.h).
// ok: exit 0; damaged: exit 6 with the first problem on stderr (and with --json the report
// {"ok":false,"database":…,"problem":…} on stdout, as `lapak verify`).
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "core/refusal.h"

namespace lapak::ledger_cli {

void AddVerifyCommand(CLI::App& app, Context& ctx) {
  CLI::App* verify = app.add_subcommand("verify", "Check every page of the ledger's SQLite file");
  verify->callback([&ctx] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Result<std::string> found = store->CheckEveryPage();
    if (!Check(ctx, found.status())) return;
    if (*found != "ok") {
      if (ctx.json) Emit(ctx, {{"ok", false}, {"database", ctx.db_path}, {"problem", *found}}, "");
      Check(ctx, Refuse(Refusal::kLedgerFailsVerification, ctx.db_path, *found));
      return;
    }
    Emit(ctx, {{"ok", true}, {"database", ctx.db_path}},
         fmt::format("{}: every page checked, ok\n", ctx.db_path));
  });
}

}  // namespace lapak::ledger_cli
