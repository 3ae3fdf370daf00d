// `lapak-ledger token add|list|revoke`: access tokens for the report readers
// (sync/ledger/store/access.h). A new token is printed once and never again.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "core/business_day.h"
#include "sync/ledger/store/access.h"

namespace lapak::ledger_cli {

namespace {

std::string Scope(const ledger::TokenInfo& token) {
  switch (token.role) {
    case ledger::Role::kOrganiser: {
      std::string events;
      for (const std::string& event : token.events) events += (events.empty() ? "" : ",") + event;
      return events;
    }
    case ledger::Role::kProvince: return token.province;
    case ledger::Role::kAdmin: return "*";
  }
  return "";
}

}  // namespace

void AddTokenCommand(CLI::App& app, Context& ctx) {
  CLI::App* token = app.add_subcommand("token", "Access tokens for reports and the dashboard");
  token->require_subcommand(1);

  struct AddOptions {
    ledger::TokenSpec spec;
    std::string role = "organiser";
  };
  auto options = std::make_shared<AddOptions>();
  CLI::App* add = token->add_subcommand("add", "Make a token; it is printed once");
  add->add_option("name", options->spec.name, "Who holds it, e.g. \"Panitia Expo Semarang\"")->required();
  add->add_option("--role", options->role, "organiser (its events), province (its province's), admin")
      ->capture_default_str()
      ->check(CLI::IsMember({"organiser", "province", "admin"}));
  add->add_option("--event", options->spec.events, "An event an organiser reads (repeatable)");
  add->add_option("--province", options->spec.province, "The province a province token reads");
  add->callback([&ctx, options] {
    options->spec.role = *ledger::RoleFromName(options->role);
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store) return;
    Result<std::string> made = ledger::AddToken(*store, options->spec, ctx.clock->Now());
    if (!Check(ctx, made.status())) return;
    Emit(ctx, {{"token", *made}, {"role", options->role}},
         fmt::format("{}\n(shown once: give it to {}; it opens /dashboard and /v1/reports)\n",
                     *made, options->spec.name));
  });

  CLI::App* list = token->add_subcommand("list", "Tokens (never their secrets)");
  list->callback([&ctx] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Result<std::vector<ledger::TokenInfo>> tokens = ledger::ListTokens(*store);
    if (!Check(ctx, tokens.status())) return;
    nlohmann::json rows = nlohmann::json::array();
    std::string text = fmt::format("{:<9} {:<10} {:<24} {:<9} {}\n", "ID", "ROLE", "SCOPE", "STATE", "NAME");
    for (const ledger::TokenInfo& t : *tokens) {
      rows.push_back({{"id", t.id},
                      {"name", t.name},
                      {"role", ledger::RoleName(t.role)},
                      {"province", t.province},
                      {"events", t.events},
                      {"created_at", FormatUtc(t.created_at)},
                      {"revoked_at", t.revoked_at ? nlohmann::json(FormatUtc(*t.revoked_at)) : nullptr}});
      text += fmt::format("{:<9} {:<10} {:<24} {:<9} {}\n", t.id, ledger::RoleName(t.role), Scope(t),
                          t.revoked_at ? "revoked" : "active", t.name);
    }
    Emit(ctx, rows, text);
  });

  auto revoke_id = std::make_shared<std::string>();
  CLI::App* revoke = token->add_subcommand("revoke", "Refuse a token from now on");
  revoke->add_option("id", *revoke_id, "Token id (the 8 hex digits after lapak_)")->required();
  revoke->callback([&ctx, revoke_id] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store || !Check(ctx, ledger::RevokeToken(*store, *revoke_id, ctx.clock->Now()))) return;
    Emit(ctx, {{"revoked", *revoke_id}}, fmt::format("token {} revoked\n", *revoke_id));
  });
}

}  // namespace lapak::ledger_cli
