// `lapak-ledger report day|event|stall|period|province|compare`: the organiser's and the
// provincial office's reports at the ledger's own console (it reads the database directly:
// no token).
// A table by default, --json (global) or --csv, or a workbook written to --xlsx FILE (in
// English with --english); the same figures as the HTTP API and the dashboard
// (sync/ledger/reports/reports.h, report_formats.h, report_xlsx.h).
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "core/small_file.h"
#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/reports/report_xlsx.h"
#include "sync/ledger/reports/reports.h"

namespace lapak::ledger_cli {

namespace {

struct ReportOptions {
  std::string event_id, day, previous_id, province, from, to, stall_id;
  int top = 10;
  bool csv = false;
  std::string xlsx_path;  // empty: no workbook
  bool english = false;   // the workbook's headings and sheet names
};

// Prints `report` in the form asked for, or reports why there is none.
template <typename Report>
void Print(Context& ctx, const ReportOptions& options, const Result<Report>& report) {
  if (!Check(ctx, report.status())) return;
  if (!options.xlsx_path.empty()) {
    Result<std::string> workbook =
        ledger::ReportXlsx(*report, options.english ? Language::kEnglish : Language::kIndonesian);
    if (!Check(ctx, workbook.status())) return;
    if (!Check(ctx, WriteFileAtomically(options.xlsx_path, *workbook))) return;
    Emit(ctx, {{"written", options.xlsx_path}, {"bytes", workbook->size()}},
         fmt::format("Laporan ditulis ke {} ({} byte)\n", options.xlsx_path, workbook->size()));
    return;
  }
  if (options.csv && !ctx.json) {
    std::cout << ledger::ReportCsv(*report);
    return;
  }
  Emit(ctx, ledger::ReportJson(*report), ledger::ReportTable(*report));
}

const auto kEveryEvent = [](const ledger::EventInfo&) { return true; };

}  // namespace

void AddReportCommand(CLI::App& app, Context& ctx) {
  CLI::App* report = app.add_subcommand("report", "Turnover reports for organisers and the province");
  report->require_subcommand(1);
  auto options = std::make_shared<ReportOptions>();
  const auto add_forms = [&](CLI::App* command) {
    command->add_flag("--csv", options->csv, "Print CSV (for scripts) instead of a table");
    command->add_option("--xlsx", options->xlsx_path, "Write the report as an Excel workbook to this file");
    command->add_flag("--english", options->english, "The workbook's headings in English");
  };

  CLI::App* day = report->add_subcommand("day", "One business day of an event, per stall (organiser)");
  day->add_option("event", options->event_id, "Event id")->required();
  day->add_option("day", options->day, "Business day, YYYY-MM-DD")->required();
  add_forms(day);
  day->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeDayReport(*store, options->event_id, options->day, ctx.clock->Now()));
  });

  CLI::App* event = report->add_subcommand("event", "An event over all its days (province)");
  event->add_option("event", options->event_id, "Event id")->required();
  event->add_option("--top", options->top, "How many top stalls to list")->capture_default_str()
      ->check(CLI::Range(0, 1000));
  add_forms(event);
  event->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeEventReport(*store, options->event_id, options->top, ctx.clock->Now()));
  });

  CLI::App* period = report->add_subcommand("period", "The events of a period, by regency (province)");
  period->add_option("--from", options->from, "First day, YYYY-MM-DD")->required();
  period->add_option("--to", options->to, "Last day, YYYY-MM-DD")->required();
  period->add_option("--province", options->province, "Only this province's events");
  add_forms(period);
  period->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options,
          ledger::MakePeriodReport(*store, options->province, options->from, options->to,
                                   kEveryEvent, ctx.clock->Now()));
  });

  CLI::App* stall = report->add_subcommand("stall", "A stall at an event: its days, hours and other events");
  stall->add_option("event", options->event_id, "Event id")->required();
  stall->add_option("stall", options->stall_id, "Stall id")->required();
  add_forms(stall);
  stall->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options,
          ledger::MakeStallReport(*store, options->event_id, options->stall_id, kEveryEvent, ctx.clock->Now()));
  });

  CLI::App* by_code = report->add_subcommand(
      "province", "The events of a period by regency code (kode wilayah), for a Satu Data portal");
  by_code->add_option("--from", options->from, "First day, YYYY-MM-DD")->required();
  by_code->add_option("--to", options->to, "Last day, YYYY-MM-DD")->required();
  by_code->add_option("--province", options->province, "Only this province's events");
  add_forms(by_code);
  by_code->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options,
          ledger::MakeProvinceExport(*store, options->province, options->from, options->to,
                                     kEveryEvent, ctx.clock->Now()));
  });

  CLI::App* compare = report->add_subcommand("compare", "An event against a previous one");
  compare->add_option("event", options->event_id, "Event id")->required();
  compare->add_option("previous", options->previous_id, "The previous event's id")->required();
  add_forms(compare);
  compare->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeComparison(*store, options->event_id, options->previous_id, ctx.clock->Now()));
  });
}

}  // namespace lapak::ledger_cli
