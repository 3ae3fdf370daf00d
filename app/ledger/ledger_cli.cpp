#include "app/ledger/ledger_cli.h"

#include "app/common/report.h"
#include "app/common/startup_check.h"

namespace lapak::ledger_cli {

bool Check(Context& ctx, const Status& status) {
  if (status.ok()) return true;
  app::ReportError("lapak-ledger", ctx.json, status);
  ctx.exit_code = app::ExitCodeFor(status);
  return false;
}

void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text) {
  app::EmitResult(ctx.json, value, text);
}

std::unique_ptr<ledger::LedgerStore> OpenLedger(Context& ctx, DatabaseUse use) {
  const ledger::sql::Location where = ctx.postgres_uri.empty()
                                          ? ledger::sql::Location{.sqlite_path = ctx.db_path}
                                          : ledger::sql::Location{.postgres_uri = ctx.postgres_uri};
  Result<std::unique_ptr<ledger::LedgerStore>> store =
      ledger::LedgerStore::Open(where, /*create=*/use != DatabaseUse::kRead, use,
                                app::SayStartupCheck("lapak-ledger", where.Describe()));
  if (!Check(ctx, store.status())) return nullptr;
  return std::move(store).value();
}

}  // namespace lapak::ledger_cli
