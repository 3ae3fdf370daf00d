// `lapak-ledger report day|event|period|compare`: the organiser's and the provincial
// office's reports at the ledger's own console (it reads the database directly: no token).
// A table by default, --json (global) or --csv; the same figures as the HTTP API and the
// dashboard (sync/ledger/reports/reports.h, report_formats.h).
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/ledger/ledger_cli.h"
#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/reports/reports.h"

namespace lapak::ledger_cli {

namespace {

struct ReportOptions {
  std::string event_id, day, previous_id, province, from, to;
  int top = 10;
  bool csv = false;
};

// Prints `report` in the form asked for, or reports why there is none.
template <typename Report>
void Print(Context& ctx, const ReportOptions& options, const Result<Report>& report) {
  if (!Check(ctx, report.status())) return;
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
  const auto add_csv = [&](CLI::App* command) {
    command->add_flag("--csv", options->csv, "Print CSV (for a spreadsheet) instead of a table");
  };

  CLI::App* day = report->add_subcommand("day", "One business day of an event, per stall (organiser)");
  day->add_option("event", options->event_id, "Event id")->required();
  day->add_option("day", options->day, "Business day, YYYY-MM-DD")->required();
  add_csv(day);
  day->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeDayReport(*store, options->event_id, options->day, ctx.clock->Now()));
  });

  CLI::App* event = report->add_subcommand("event", "An event over all its days (province)");
  event->add_option("event", options->event_id, "Event id")->required();
  event->add_option("--top", options->top, "How many top stalls to list")->capture_default_str()
      ->check(CLI::Range(0, 1000));
  add_csv(event);
  event->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeEventReport(*store, options->event_id, options->top, ctx.clock->Now()));
  });

  CLI::App* period = report->add_subcommand("period", "The events of a period, by regency (province)");
  period->add_option("--from", options->from, "First day, YYYY-MM-DD")->required();
  period->add_option("--to", options->to, "Last day, YYYY-MM-DD")->required();
  period->add_option("--province", options->province, "Only this province's events");
  add_csv(period);
  period->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options,
          ledger::MakePeriodReport(*store, options->province, options->from, options->to,
                                   kEveryEvent, ctx.clock->Now()));
  });

  CLI::App* compare = report->add_subcommand("compare", "An event against a previous one");
  compare->add_option("event", options->event_id, "Event id")->required();
  compare->add_option("previous", options->previous_id, "The previous event's id")->required();
  add_csv(compare);
  compare->callback([&ctx, options] {
    std::unique_ptr<ledger::LedgerStore> store = OpenLedger(ctx, DatabaseUse::kRead);
    if (!store) return;
    Print(ctx, *options, ledger::MakeComparison(*store, options->event_id, options->previous_id));
  });
}

}  // namespace lapak::ledger_cli
