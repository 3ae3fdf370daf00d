#include "app/cli/cli.h"

#include "app/common/report.h"
#include "core/refusal.h"

#include <fmt/core.h>
#include <sys/stat.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

namespace lapak::cli {

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
  app::ReportError("lapak", ctx.json, status);
  ctx.exit_code = app::ExitCodeFor(status);
  return false;
}

namespace {

std::unique_ptr<StallStore> OpenStoreFor(Context& ctx, OpenMode mode, DatabaseUse use) {
  if (ctx.db_path.empty()) ctx.db_path = DefaultDatabasePath();
  Result<std::unique_ptr<StallStore>> store = StallStore::Open(ctx.db_path, *ctx.clock, mode, use);
  if (!Check(ctx, store.status())) return nullptr;
  return std::move(store).value();
}

}  // namespace

std::unique_ptr<StallStore> OpenStore(Context& ctx, OpenMode mode) {
  return OpenStoreFor(ctx, mode, DatabaseUse::kWrite);
}

std::unique_ptr<StallStore> OpenStoreToRead(Context& ctx) {
  return OpenStoreFor(ctx, OpenMode::kMustExist, DatabaseUse::kRead);
}

void Emit(const Context& ctx, const nlohmann::json& value, const std::string& text) {
  app::EmitResult(ctx.json, value, text);
}

std::string PinOrEnvironment(const std::string& pin_option) {
  if (!pin_option.empty()) return pin_option;
  const char* pin = std::getenv("LAPAK_PIN");
  return pin ? pin : "";
}

void AddPrintOption(CLI::App& command, std::string& address, const std::string& what) {
  command.add_option("--print", address,
                     "Print " + what + " on a 58 mm ESC/POS printer: /dev/usb/lp0 (USB), /dev/rfcomm0 "
                     "(Bluetooth) or tcp:HOST[:9100] (network); a failed print exits 9 and changes nothing");
}

void AddPinOptions(CLI::App& command, PinOptions& options, Role role) {
  options.role = std::string(RoleName(role));
  command.add_option("--pin", options.pin, "PIN of the role (default $LAPAK_PIN)");
  command.add_option("--as", options.role, "Role whose PIN is given: kasir or pemilik")
      ->capture_default_str();
}

bool LogIn(Context& ctx, app::Terminal& terminal, const PinOptions& options) {
  Result<Role> role = ParseRole(options.role);
  if (!Check(ctx, role.status())) return false;
  return Check(ctx, terminal.LogIn(*role, PinOrEnvironment(options.pin)));
}

}  // namespace lapak::cli
