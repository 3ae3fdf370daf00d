// `lapak-ledger regency set|list`: the official code of each regency (kode wilayah,
// sync/ledger/store/regency_codes.h), by the name events and stalls give it, for the
// province export (`report province`, /v1/reports/province).
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "sync/ledger/store/regency_codes.h"

namespace lapak::ledger_cli {

void AddRegencyCommand(CLI::App& app, Context& ctx) {
  CLI::App* regency = app.add_subcommand("regency", "Official regency codes (kode wilayah) for the province export");
  regency->require_subcommand(1);

  auto options = std::make_shared<ledger::RegencyCode>();
  CLI::App* set = regency->add_subcommand("set", "Record a regency's code, e.g. set \"Kota Semarang\" 3374 --province \"Jawa Tengah\"");
  set->add_option("name", options->name, "The regency as events and stalls name it")->required();
  set->add_option("code", options->code, "Its code: 4 digits, the province's two then its own")->required();
  set->add_option("--province", options->province, "Its province")->required();
  set->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store) return;
    if (!Check(ctx, ledger::SetRegencyCode(*store, *options))) return;
    Emit(ctx, {{"name", options->name}, {"code", options->code}, {"province", options->province}},
         fmt::format("{} {} ({})\n", options->code, options->name, options->province));
  });

  CLI::App* list = regency->add_subcommand("list", "The codes recorded, by code");
  list->callback([&ctx] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Result<std::vector<ledger::RegencyCode>> regencies = ledger::ListRegencyCodes(*store);
    if (!Check(ctx, regencies.status())) return;
    nlohmann::json rows = nlohmann::json::array();
    std::string text;
    for (const ledger::RegencyCode& r : *regencies) {
      rows.push_back({{"name", r.name}, {"code", r.code}, {"province", r.province}});
      text += fmt::format("{} {} ({})\n", r.code, r.name, r.province);
    }
    Emit(ctx, rows, text);
  });
}

}  // namespace lapak::ledger_cli
