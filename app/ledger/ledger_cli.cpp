#include "app/ledger/ledger_cli.h"

#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

namespace lapak::ledger_cli {

namespace {

int ExitCodeOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument: return 2;
    case StatusCode::kNotFound: return 3;
    case StatusCode::kPermissionDenied: return 4;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 5;
    case StatusCode::kCorruption: return 6;
    case StatusCode::kIoError: return 7;
  }
  return 1;
}

}  // namespace

bool Check(Context& ctx, const Status& status) {
  if (status.ok()) return true;
  ctx.exit_code = ExitCodeOf(status.code());
  if (ctx.json) {
    std::cerr << nlohmann::json{{"error", status.message()}, {"code", StatusCodeName(status.code())}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cerr << "lapak-ledger: " << status.message() << "\n";
  }
  return false;
}

void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text) {
  if (ctx.json) {
    std::cout << value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << text;
  }
  std::cout.flush();
}

std::unique_ptr<ledger::LedgerStore> OpenLedger(Context& ctx) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = ledger::LedgerStore::Open(ctx.db_path, true);
  if (!Check(ctx, store.status())) return nullptr;
  return std::move(store).value();
}

}  // namespace lapak::ledger_cli
