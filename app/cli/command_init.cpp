// lapak init | reset: set up this terminal for a stall, or retire its database.
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "app/cli/cli.h"

namespace lapak::cli {

void AddInitCommand(CLI::App& app, Context& ctx) {
  auto setup = std::make_shared<StallSetup>();
  CLI::App* command = app.add_subcommand("init", "Set up this terminal for a stall (once)");
  command->add_option("--stall-id", setup->stall_id, "Stall id given by the organiser")->required();
  command->add_option("--stall-name", setup->stall_name, "Stall name, as printed on receipts")->required();
  command->add_option("--terminal-id", setup->terminal_id, "This terminal's id")->required();
  command->add_option("--tz", setup->time_zone, "IANA time zone of the event")->capture_default_str();
  command->add_option("--cutoff", setup->day_cutoff, "Business day cut-off, HH:MM")->capture_default_str();
  command->add_option("--owner-pin", setup->owner_pin, "Owner (pemilik) PIN, 4-8 digits")->required();
  command->add_option("--cashier-pin", setup->cashier_pin, "Cashier (kasir) PIN, 4-8 digits")->required();
  command->callback([&ctx, setup] {
    std::unique_ptr<StallStore> store = OpenStore(ctx, OpenMode::kCreateIfMissing);
    if (!store || !Check(ctx, store->Initialise(*setup))) return;
    const StallInfo info = *store->Info();
    Emit(ctx,
         {{"stall_id", info.stall_id}, {"stall_name", info.stall_name}, {"terminal_id", info.terminal_id},
          {"time_zone", info.time_zone}, {"day_cutoff", info.day_cutoff}, {"db", ctx.db_path}},
         "Lapak siap: " + info.stall_name + " (" + info.stall_id + "), terminal " + info.terminal_id +
             ", " + info.time_zone + ", tutup hari " + info.day_cutoff + "\n");
  });
}


namespace {

// Moves the database and its -wal and -shm files aside under `retired` names; they are the
// stall's books and are kept, never deleted.
Status RetireDatabase(const std::string& path, const std::string& suffix) {
  for (const char* extension : {"", "-wal", "-shm"}) {
    const std::string from = path + extension;
    if (::access(from.c_str(), F_OK) != 0) continue;
    const std::string to = path + suffix + extension;
    if (::rename(from.c_str(), to.c_str()) != 0) {
      return Status::IoError(fmt::format("cannot move '{}' to '{}': {}", from, to, std::strerror(errno)));
    }
  }
  return Status::Ok();
}

}  // namespace

void AddResetCommand(CLI::App& app, Context& ctx) {
  auto pin = std::make_shared<PinOptions>();
  CLI::App* command = app.add_subcommand(
      "reset", "Retire this terminal's database so it can be set up again; refused while "
               "anything has not reached the ledger");
  AddPinOptions(*command, *pin, Role::kOwner);
  command->callback([&ctx, pin] {
    std::string suffix;
    {
      std::unique_ptr<StallStore> store = OpenStore(ctx);
      if (!store) return;
      if (!Authorise(ctx, *store, *pin)) return;
      Result<SyncProgress> progress = store->Progress();
      if (!Check(ctx, progress.status())) return;
      if (progress->unsent() > 0) {
        Check(ctx, Status::FailedPrecondition(fmt::format(
                       "{} journal entries have not reached the ledger{}; sync first",
                       progress->unsent(), progress->enrolled ? "" : " (not enrolled)")));
        return;
      }
      suffix = ".retired-" + FormatUtc(ctx.clock->Now());
    }  // closed before its files move
    if (!Check(ctx, RetireDatabase(ctx.db_path, suffix))) return;
    Emit(ctx, {{"retired", ctx.db_path + suffix}},
         fmt::format("Database lama disimpan sebagai {}; siapkan lagi dengan `lapak init`\n",
                     ctx.db_path + suffix));
  });
}

}  // namespace lapak::cli
