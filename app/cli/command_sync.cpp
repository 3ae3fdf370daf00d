// lapak enrol | sync | status: the terminal's link to the bazaar ledger.
#include <signal.h>

#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/common/report.h"
#include "core/refusal.h"
#include "core/removable_media.h"
#include "sync/enrolment_file.h"
#include "sync/protocol.h"
#include "sync/sync_worker.h"
#include "sync/uploader.h"

namespace lapak::cli {

namespace {

nlohmann::json OptionalTimeJson(const std::optional<TimePoint>& time) {
  return time ? nlohmann::json(FormatUtc(*time)) : nlohmann::json(nullptr);
}

std::string AgeText(const Clock& clock, const std::optional<TimePoint>& time) {
  if (!time) return "-";
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(clock.Now() - *time).count();
  if (minutes < 1) return "baru saja";
  if (minutes < 120) return fmt::format("{} menit", minutes);
  return fmt::format("{} jam", minutes / 60);
}

nlohmann::json ProgressJson(const SyncProgress& p) {
  return {{"enrolled", p.enrolled},
          {"ledger", p.ledger_url},
          {"last_seq", p.last_seq},
          {"acknowledged_seq", p.acknowledged_seq},
          {"unsent", p.unsent()},
          {"oldest_unsent_at", OptionalTimeJson(p.oldest_unsent_at)},
          {"last_success_at", OptionalTimeJson(p.last_success_at)},
          {"last_error", p.last_error.ok() ? nlohmann::json(nullptr)
                                           : nlohmann::json(Explain(p.last_error, app::LanguageFromEnvironment()))},
          {"last_error_at", OptionalTimeJson(p.last_error_at)}};
}

std::string ProgressText(const Clock& clock, const SyncProgress& p) {
  if (!p.enrolled) return "Belum terdaftar di ledger (lapak enrol KODE)\n";
  std::string text = fmt::format("Ledger: {}\nBelum terkirim: {} entri", p.ledger_url, p.unsent());
  if (p.oldest_unsent_at) text += fmt::format(" (tertua {})", AgeText(clock, p.oldest_unsent_at));
  text += fmt::format("\nTerakhir berhasil: {}\n",
                      p.last_success_at ? FormatUtc(*p.last_success_at) : "belum pernah");
  if (!p.last_error.ok()) {
    text += fmt::format("Galat terakhir: {}\n", Explain(p.last_error, app::LanguageFromEnvironment()));
  }
  return text;
}

// Check(), with the exit code that says the ledger could not be reached (app/common/report.h).
bool CheckSent(Context& ctx, const Status& status) {
  if (Check(ctx, status)) return true;
  ctx.exit_code = app::ExitCodeFor(status);
  return false;
}

void SyncOnce(Context& ctx) {
  std::unique_ptr<StallStore> store = OpenStore(ctx);
  if (!store) return;
  Result<std::optional<SyncLink>> link = store->FindSyncLink();
  if (!Check(ctx, link.status())) return;
  if (!link->has_value()) {
    Check(ctx, Refuse(Refusal::kNotEnrolledRunEnrol));
    return;
  }
  Result<std::vector<std::unique_ptr<sync::Transport>>> lanes =
      sync::MakeHttpTransports((*link)->ledger_url, sync::kSyncLanes);
  if (!Check(ctx, lanes.status())) return;
  sync::Uploader uploader(*store, sync::Lanes(*lanes));
  Result<sync::SyncRound> round = uploader.SyncOnce();
  if (!CheckSent(ctx, round.status())) return;
  Emit(ctx,
       {{"batches", round->batches_sent}, {"acknowledged_seq", round->acknowledged_seq},
        {"unsent", round->unsent}},
       fmt::format("Terkirim: {} batch; ledger memegang entri 1-{}; belum terkirim: {}\n",
                   round->batches_sent, round->acknowledged_seq, round->unsent));
}

// Until SIGINT or SIGTERM: the same worker as the touchscreen terminal's, printing a line
// after each round that changed something.
void SyncWatch(Context& ctx, std::chrono::milliseconds poll) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  {
    std::unique_ptr<StallStore> store = OpenStore(ctx);  // fails early on a wrong path
    if (!store) return;
  }
  std::optional<SyncProgress> last_printed;  // touched by the worker's thread only
  auto print_if_changed = [&](const std::optional<SyncProgress>& progress) {
    if (!progress) return;
    const bool same = last_printed && last_printed->acknowledged_seq == progress->acknowledged_seq &&
                      last_printed->last_seq == progress->last_seq &&
                      last_printed->last_error.message() == progress->last_error.message();
    if (same) return;
    last_printed = progress;
    Emit(ctx, ProgressJson(*progress), ProgressText(*ctx.clock, *progress));
  };
  sync::SyncWorker worker(ctx.db_path, *ctx.clock, {.poll = poll}, print_if_changed);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  worker.Stop();
}

}  // namespace

void AddSyncCommands(CLI::App& app, Context& ctx) {
  auto code = std::make_shared<std::string>();
  auto from_usb = std::make_shared<bool>(false);
  auto pin = std::make_shared<PinOptions>();
  CLI::App* enrol = app.add_subcommand("enrol", "Link this terminal to the bazaar ledger (the owner's PIN)");
  CLI::Option* code_option = enrol->add_option("code", *code, "The enrolment code the organiser printed");
  CLI::Option* usb_option = enrol->add_flag(
      "--usb", *from_usb,
      "Take the code from the organiser's file on a USB stick (lapak-enrol-STALL-TERMINAL.txt, looked for "
      "under /media, /run/media and /mnt or $LAPAK_MEDIA_ROOTS) and delete the file once used");
  code_option->excludes(usb_option);
  AddPinOptions(*enrol, *pin, Role::kOwner);
  enrol->callback([&ctx, code, from_usb, pin] {
    if (code->empty() && !*from_usb) throw CLI::RequiredError("code or --usb");
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, *pin)) return;
    nlohmann::json result;
    std::string file_text;
    if (*from_usb) {
      Result<app::Terminal::EnrolledFromFile> enrolled = terminal.EnrolFromMedia(MediaRoots());
      if (!Check(ctx, enrolled.status())) return;
      result["file"] = enrolled->path;
      result["file_deleted"] = enrolled->deleted;
      file_text = enrolled->deleted
                      ? fmt::format("Berkas {} sudah dipakai dan dihapus\n", enrolled->path)
                      : fmt::format("Berkas {} tidak bisa dihapus: hapus sendiri dari USB\n", enrolled->path);
    } else if (!Check(ctx, terminal.Enrol(*code))) {
      return;
    }
    Result<std::optional<SyncLink>> link = store->FindSyncLink();
    if (!Check(ctx, link.status())) return;
    const std::string terminal_id = store->Info()->terminal_id;
    result["terminal"] = terminal_id;
    result["ledger"] = (*link)->ledger_url;
    Emit(ctx, result, fmt::format("Terminal {} terdaftar di {}\n{}", terminal_id, (*link)->ledger_url, file_text));
  });

  auto watch = std::make_shared<bool>(false);
  auto poll_ms = std::make_shared<int64_t>(15000);
  CLI::App* sync = app.add_subcommand("sync", "Send unsent entries to the ledger");
  sync->add_flag("--watch", *watch, "Keep syncing until interrupted, backing off while the ledger is away");
  sync->add_option("--poll-ms", *poll_ms, "With --watch: how often to look for new entries")
      ->check(CLI::Range(int64_t{100}, int64_t{3600000}))
      ->capture_default_str();
  sync->callback([&ctx, watch, poll_ms] {
    if (*watch) {
      SyncWatch(ctx, std::chrono::milliseconds(*poll_ms));
    } else {
      SyncOnce(ctx);
    }
  });

  CLI::App* status = app.add_subcommand("status", "What has not reached the ledger yet");
  status->callback([&ctx] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    Result<SyncProgress> progress = store->Progress();
    if (!Check(ctx, progress.status())) return;
    Emit(ctx, ProgressJson(*progress), ProgressText(*ctx.clock, *progress));
  });
}

}  // namespace lapak::cli
