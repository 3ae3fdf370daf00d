#include "app/cli/cli.h"

#include <fmt/core.h>
#include <sys/stat.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

namespace lapak::cli {

static int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument: return 2;
    case StatusCode::kNotFound: return 3;
    case StatusCode::kPermissionDenied: return 4;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAlreadyExists: return 5;
    case StatusCode::kCorruption: return 6;
    case StatusCode::kIoError: return 7;
  }
  return 1;
}

std::string DefaultDatabasePath() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  std::string base = xdg && *xdg ? xdg : std::string(home ? home : ".") + "/.local/share";
  // Create each missing folder; the last one private to the user.
  for (size_t slash = base.find('/', 1); slash != std::string::npos; slash = base.find('/', slash + 1)) {
    ::mkdir(base.substr(0, slash).c_str(), 0755);
  }
  ::mkdir(base.c_str(), 0755);
  const std::string folder = base + "/lapak";
  ::mkdir(folder.c_str(), 0700);
  return folder + "/lapak.db";
}

bool Check(Context& ctx, const Status& status) {
  if (status.ok()) return true;
  if (ctx.json) {
    std::cerr << nlohmann::json{{"error", status.message()}, {"code", StatusCodeName(status.code())}}.dump()
              << "\n";
  } else {
    std::cerr << "lapak: " << status.message() << "\n";
  }
  ctx.exit_code = ExitCodeFor(status.code());
  return false;
}

std::unique_ptr<StallStore> OpenStore(Context& ctx) {
  if (ctx.db_path.empty()) ctx.db_path = DefaultDatabasePath();
  Result<std::unique_ptr<StallStore>> store = StallStore::Open(ctx.db_path, ctx.clock);
  if (!Check(ctx, store.status())) return nullptr;
  return std::move(store).value();
}

void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text) {
  if (ctx.json) {
    std::cout << value.dump(2) << "\n";
  } else {
    std::cout << text;
  }
}

std::string PinOrEnvironment(const std::string& pin_option) {
  if (!pin_option.empty()) return pin_option;
  const char* pin = std::getenv("LAPAK_PIN");
  return pin ? pin : "";
}

}  // namespace lapak::cli

namespace lapak::cli {

void AddPinOptions(CLI::App& command, PinOptions& options, Role role) {
  options.role = std::string(RoleName(role));
  command.add_option("--pin", options.pin, "PIN of the role (default $LAPAK_PIN)");
  command.add_option("--as", options.role, "Role whose PIN is given: kasir or pemilik")
      ->capture_default_str();
}

bool Authorise(Context& ctx, StallStore& store, const PinOptions& options) {
  Result<Role> role = ParseRole(options.role);
  if (!Check(ctx, role.status())) return false;
  return Check(ctx, store.CheckPin(*role, PinOrEnvironment(options.pin)));
}

}  // namespace lapak::cli
