// `lapak-ledger event|stall|terminal …`: the organiser's set-up of the ledger.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "app/ledger/qr_text.h"
#include "core/business_day.h"
#include "core/refusal.h"
#include "core/text.h"
#include "sync/enrolment_file.h"
#include "sync/protocol.h"

namespace lapak::ledger_cli {

namespace {

std::string TimeText(const std::optional<TimePoint>& time) {
  return time ? FormatUtc(*time) : std::string("-");
}

nlohmann::json OptionalTimeJson(const std::optional<TimePoint>& time) {
  return time ? nlohmann::json(FormatUtc(*time)) : nlohmann::json(nullptr);
}

}  // namespace

void AddEventCommand(CLI::App& app, Context& ctx) {
  CLI::App* event = app.add_subcommand("event", "Bazaar events");
  event->require_subcommand(1);
  auto spec = std::make_shared<ledger::EventSpec>();
  spec->time_zone = "Asia/Jakarta";
  CLI::App* add = event->add_subcommand("add", "Add an event");
  add->add_option("id", spec->id, "Event id, e.g. expo-semarang-2026")->required();
  add->add_option("--name", spec->name, "Event name")->required();
  add->add_option("--province", spec->province, "Province")->required();
  add->add_option("--regency", spec->regency, "Regency or city")->required();
  add->add_option("--tz", spec->time_zone, "Time zone: WIB, WITA, WIT or an IANA name (Asia/Jakarta …)")
      ->transform([](std::string zone) { return IanaZoneName(zone); })
      ->capture_default_str();
  add->add_option("--cutoff", spec->day_cutoff,
                  "When the business day turns, HH:MM: sales before it count for the day before")
      ->capture_default_str();
  add->add_option("--from", spec->first_day, "First day, YYYY-MM-DD")->required();
  add->add_option("--to", spec->last_day, "Last day, YYYY-MM-DD")->required();
  add->callback([&ctx, spec] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store || !Check(ctx, store->AddEvent(*spec))) return;
    Emit(ctx, {{"event", spec->id}}, fmt::format("event {} added\n", spec->id));
  });
}

void AddStallCommand(CLI::App& app, Context& ctx) {
  CLI::App* stall = app.add_subcommand("stall", "Stalls (UMKM), registered once, taking part in events");
  stall->require_subcommand(1);
  auto spec = std::make_shared<ledger::StallSpec>();
  CLI::App* add = stall->add_subcommand(
      "add", "Have a stall take part in an event; a new stall is registered with its name and category");
  add->add_option("event", spec->event_id, "Event id")->required();
  add->add_option("id", spec->id, "Stall id, as on the stall's terminal, the same at every event")->required();
  add->add_option("--name", spec->name, "Stall name (a new stall; a registered one keeps its own)");
  add->add_option("--category", spec->category, "Category (makanan, kerajinan, busana …) of a new stall");
  add->add_option("--regency", spec->regency, "A new stall's home regency or city (default: the event's)");
  add->callback([&ctx, spec] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store || !Check(ctx, store->AddStall(*spec))) return;
    Emit(ctx, {{"stall", spec->id}, {"event", spec->event_id}},
         fmt::format("stall {} added to {}\n", spec->id, spec->event_id));
  });
}

void AddTerminalCommand(CLI::App& app, Context& ctx) {
  CLI::App* terminal = app.add_subcommand("terminal", "Terminals and their keys");
  terminal->require_subcommand(1);

  struct EnrolOptions {
    std::string stall_id, terminal_id, event_id, url = "http://127.0.0.1:8080", out_folder;
    bool no_qr = false;
  };
  auto enrol_options = std::make_shared<EnrolOptions>();
  CLI::App* enrol = terminal->add_subcommand(
      "enrol", "Give a stall's terminal a key; prints its enrolment code and QR code");
  enrol->add_option("stall", enrol_options->stall_id, "Stall id")->required();
  enrol->add_option("terminal", enrol_options->terminal_id,
                    "Terminal id, as set up on it; T1 of one stall and T1 of another are two terminals")
      ->required();
  enrol->add_option("--event", enrol_options->event_id,
                    "The event it is enrolled for (needed when the stall takes part in several)");
  enrol->add_option("--url", enrol_options->url, "The ledger's address as terminals reach it")
      ->capture_default_str();
  enrol->add_flag("--no-qr", enrol_options->no_qr, "Print only the one-line code");
  enrol->add_option("--out", enrol_options->out_folder,
                    "Also write the code to FOLDER/lapak-enrol-STALL-TERMINAL.txt (a mounted USB stick: the "
                    "terminal enrols from it in Pengaturan > Daftar dari USB, or with `lapak enrol --usb`)");
  enrol->callback([&ctx, enrol_options] {
    if (!IsLedgerAddress(enrol_options->url)) {
      Check(ctx, Refuse(Refusal::kEnrolUrlNotAnAddress, enrol_options->url));
      return;
    }
    // A mistyped --out is refused before a key is made.
    if (!enrol_options->out_folder.empty() && !Check(ctx, sync::CheckEnrolmentFolder(enrol_options->out_folder))) {
      return;
    }
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store) return;
    const ledger::TerminalRef enrolling{enrol_options->stall_id, enrol_options->terminal_id};
    Result<std::string> key = store->EnrolTerminal(enrolling, ctx.clock->Now(), enrol_options->event_id);
    if (!Check(ctx, key.status())) return;
    // The code carries the event's calendar: a terminal set up with another is refused at
    // enrolment, not at its first night sale.
    Result<std::optional<ledger::TerminalRecord>> enrolled = store->FindTerminal(enrolling);
    if (!Check(ctx, enrolled.status())) return;
    const sync::EnrolmentCode enrolment{enrol_options->terminal_id, *key, enrol_options->url,
                                        sync::EventCalendarText{(*enrolled)->time_zone, (*enrolled)->day_cutoff}};
    const std::string code = sync::FormatEnrolmentCode(enrolment);
    nlohmann::json result = {{"terminal", enrol_options->terminal_id},
                             {"stall", enrol_options->stall_id},
                             {"event", (*enrolled)->event_id},
                             {"code", code}};
    std::string text = code + "\n";
    Status written = Status::Ok();
    if (!enrol_options->out_folder.empty()) {
      Result<std::string> file =
          sync::WriteEnrolmentFile(enrol_options->out_folder, enrol_options->stall_id, enrolment);
      written = file.status();
      if (file.ok()) {
        result["file"] = *file;
        text += fmt::format("ditulis ke {}\n", *file);
      }
    }
    if (!enrol_options->no_qr) {
      Result<std::string> qr = QrAsText(code);
      if (!Check(ctx, qr.status())) return;
      text += "\n" + *qr;
    }
    // The key exists now: it is printed even when the file could not be written (a stick
    // pulled, full), or the terminal would have to be revoked to get another.
    Emit(ctx, result, text);
    Check(ctx, written);
  });

  auto revoked = std::make_shared<ledger::TerminalRef>();
  CLI::App* revoke = terminal->add_subcommand("revoke", "Refuse a stall's terminal's key from now on");
  revoke->add_option("stall", revoked->stall_id, "Stall id")->required();
  revoke->add_option("terminal", revoked->terminal_id, "Terminal id")->required();
  revoke->callback([&ctx, revoked] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kWrite);
    if (!store || !Check(ctx, store->RevokeTerminal(*revoked, ctx.clock->Now()))) return;
    Emit(ctx, {{"revoked", revoked->terminal_id}, {"stall", revoked->stall_id}},
         fmt::format("terminal {} of stall {} revoked\n", revoked->terminal_id, revoked->stall_id));
  });

  CLI::App* list = terminal->add_subcommand("list", "Terminals, what they sent and when");
  list->callback([&ctx] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Result<std::vector<ledger::TerminalRecord>> terminals = store->Terminals();
    if (!Check(ctx, terminals.status())) return;
    nlohmann::json rows = nlohmann::json::array();
    std::string text = fmt::format("{:<14} {:<12} {:<20} {:>8}  {:<24} {}\n", "STALL", "TERMINAL", "EVENT",
                                   "ENTRIES", "LAST BATCH (UTC)", "STATE");
    for (const ledger::TerminalRecord& t : *terminals) {
      rows.push_back({{"terminal", t.name},
                      {"stall", t.stall_id},
                      {"event", t.event_id},
                      {"hwm", t.hwm},
                      {"revoked", t.revoked},
                      {"last_batch_at", OptionalTimeJson(t.last_batch_at)},
                      {"last_entry_at", OptionalTimeJson(t.last_entry_at)}});
      text += fmt::format("{:<14} {:<12} {:<20} {:>8}  {:<24} {}\n", t.stall_id, t.name, t.event_id, t.hwm,
                          TimeText(t.last_batch_at), t.revoked ? "revoked" : "enrolled");
    }
    Emit(ctx, rows, text);
  });
}

}  // namespace lapak::ledger_cli
