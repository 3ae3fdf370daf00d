// lapak init | reset: set up this terminal for a stall, or retire its database.
#include <fmt/core.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "core/business_day.h"

namespace lapak::cli {

void AddInitCommand(CLI::App& app, Context& ctx) {
  auto setup = std::make_shared<StallSetup>();
  CLI::App* command = app.add_subcommand("init", "Set up this terminal for a stall (once)");
  command->add_option("--stall-id", setup->stall_id, "Stall id given by the organiser")->required();
  command->add_option("--stall-name", setup->stall_name, "Stall name, as printed on receipts")->required();
  command->add_option("--terminal-id", setup->terminal_id, "This terminal's id")->required();
  command->add_option("--tz", setup->time_zone, "Time zone of the event: WIB, WITA, WIT or an IANA name")
      ->transform([](std::string zone) { return IanaZoneName(zone); })
      ->capture_default_str();
  command->add_option("--cutoff", setup->day_cutoff, "Business day cut-off, HH:MM")->capture_default_str();
  command->add_option("--owner-pin", setup->owner_pin, "Owner (pemilik) PIN, 4-8 digits")->required();
  command->add_option("--cashier-pin", setup->cashier_pin, "Cashier (kasir) PIN, 4-8 digits")->required();
  command->callback([&ctx, setup] {
    if (ctx.db_path.empty()) ctx.db_path = DefaultDatabasePath();
    std::error_code ignored;
    const bool existed = std::filesystem::exists(ctx.db_path, ignored);
    std::unique_ptr<StallStore> store = OpenStore(ctx, OpenMode::kCreateIfMissing);
    if (!store) return;
    if (!Check(ctx, app::Terminal(*store, *ctx.clock).SetUp(*setup))) {
      // A refused set-up leaves nothing behind: the database it created goes again.
      store.reset();
      if (!existed) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(ctx.db_path + suffix, ignored);
      }
      return;
    }
    const StallInfo info = *store->Info();
    Emit(ctx,
         {{"stall_id", info.stall_id}, {"stall_name", info.stall_name}, {"terminal_id", info.terminal_id},
          {"time_zone", info.time_zone}, {"day_cutoff", info.day_cutoff}, {"db", ctx.db_path}},
         "Lapak siap: " + info.stall_name + " (" + info.stall_id + "), terminal " + info.terminal_id +
             ", " + info.time_zone + ", tutup hari " + info.day_cutoff + "\n");
  });
}


void AddResetCommand(CLI::App& app, Context& ctx) {
  auto pin = std::make_shared<PinOptions>();
  CLI::App* command = app.add_subcommand(
      "reset", "Retire this terminal's database so it can be set up again; refused while "
               "anything has not reached the ledger or the database is open elsewhere");
  AddPinOptions(*command, *pin, Role::kOwner);
  command->callback([&ctx, pin] {
    if (ctx.db_path.empty()) ctx.db_path = DefaultDatabasePath();
    Result<Role> role = ParseRole(pin->role);
    if (!Check(ctx, role.status())) return;
    Result<std::string> retired = app::ResetTerminal(ctx.db_path, *ctx.clock, *role, PinOrEnvironment(pin->pin));
    if (!Check(ctx, retired.status())) return;
    Emit(ctx, {{"retired", *retired}},
         fmt::format("Database lama disimpan sebagai {}; siapkan lagi dengan `lapak init`\n",
                     *retired));
  });
}

}  // namespace lapak::cli
