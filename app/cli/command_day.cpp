// lapak day open|close|cash-in|cash-out, lapak report.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/render.h"
#include "app/print/print_jobs.h"
#include "app/print/printer.h"

namespace lapak::cli {

namespace {

struct AmountOptions {
  std::string amount;
  PinOptions pin;
};

struct CashMoveOptions {
  std::string amount;
  std::string reason;
  std::string owner_pin;
};

struct ReportOptions {
  std::string day;
  int64_t z_number = 0;
};

void RunReport(Context& ctx, const ReportOptions& options) {
  std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
  if (!store) return;
  Result<StallInfo> info = store->Info();
  if (!Check(ctx, info.status())) return;
  if (options.z_number > 0) {
    Result<ZReport> z = store->FindZReport(options.z_number);
    if (Check(ctx, z.status())) Emit(ctx, ZReportJson(*z), ZReportText(*info, *z));
    return;
  }
  Result<std::string> day = options.day.empty() ? store->Today() : Result<std::string>(options.day);
  if (!Check(ctx, day.status())) return;
  Result<DayReport> report = store->ReportDay(*day);
  if (Check(ctx, report.status())) Emit(ctx, DayReportJson(*report), DayReportText(*info, *report));
}

// lapak day cash-in|cash-out AMOUNT --reason TEXT: as a void, with the owner's PIN.
void AddCashMoveCommand(CLI::App& day, Context& ctx, CashDirection direction) {
  auto options = std::make_shared<CashMoveOptions>();
  const bool in = direction == CashDirection::kIn;
  CLI::App* command =
      day.add_subcommand(in ? "cash-in" : "cash-out",
                         in ? "Kas masuk: put cash into the open day's drawer (change brought in, a float corrected)"
                            : "Kas keluar: take cash out of the open day's drawer (takings handed over, a purchase)");
  command->add_option("amount", options->amount, "Amount, e.g. 50.000")->required();
  command->add_option("--reason", options->reason, "Why, e.g. \"Tambah uang kembalian\"")->required();
  command->add_option("--pin", options->owner_pin, "Owner (pemilik) PIN (default $LAPAK_PIN)");
  command->callback([&ctx, options, direction] {
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    Result<Money> amount = ParseMoney(options->amount);
    if (!Check(ctx, amount.status())) return;
    Result<CashMoveRecord> move = app::Terminal(*store, *ctx.clock)
                                      .MoveCash(direction, *amount, options->reason, PinOrEnvironment(options->owner_pin));
    if (!Check(ctx, move.status())) return;
    Emit(ctx, CashMoveJson(*move), CashMoveText(*move));
  });
}

}  // namespace

void AddDayCommand(CLI::App& app, Context& ctx) {
  CLI::App* day = app.add_subcommand("day", "Open or close the business day");
  day->require_subcommand(1);

  auto open = std::make_shared<AmountOptions>();
  CLI::App* open_command = day->add_subcommand("open", "Open the day with a cash float");
  open_command->add_option("--float", open->amount, "Cash in the drawer at opening, e.g. 200.000")
      ->default_str("0");
  AddPinOptions(*open_command, open->pin, Role::kCashier);
  open_command->callback([&ctx, open] {
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, open->pin)) return;
    Result<Money> amount = ParseMoney(open->amount.empty() ? "0" : open->amount);
    if (!Check(ctx, amount.status())) return;
    Result<OpenDay> opened = terminal.OpenDay(*amount);
    if (!Check(ctx, opened.status())) return;
    Emit(ctx,
         {{"business_day", opened->business_day}, {"day_number", opened->day_number},
          {"opening_float", opened->opening_float.rupiah()}, {"open_seq", opened->open_seq}},
         fmt::format("Hari {} dibuka, kas awal {}\n", opened->business_day, FormatMoney(opened->opening_float)));
  });

  auto close = std::make_shared<AmountOptions>();
  auto printer = std::make_shared<std::string>();
  CLI::App* close_command = day->add_subcommand("close", "Close the day with the counted cash: the Z report");
  close_command->add_option("--counted", close->amount, "Cash counted in the drawer")->required();
  AddPrintOption(*close_command, *printer, "the Z report");
  AddPinOptions(*close_command, close->pin, Role::kCashier);
  close_command->callback([&ctx, close, printer] {
    if (!printer->empty() && !Check(ctx, print::CheckPrinterAddress(*printer))) return;
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, close->pin)) return;
    Result<Money> counted = ParseMoney(close->amount);
    if (!Check(ctx, counted.status())) return;
    Result<ZReport> z = terminal.CloseDay(*counted);
    if (!Check(ctx, z.status())) return;
    Emit(ctx, ZReportJson(*z), ZReportText(*store->Info(), *z));
    // The day is closed whatever the printer does; a failed print is said, and exits 9.
    if (!printer->empty()) Check(ctx, print::SendToPrinter(*printer, print::ZReportJob(*store->Info(), *z)));
  });

  AddCashMoveCommand(*day, ctx, CashDirection::kIn);
  AddCashMoveCommand(*day, ctx, CashDirection::kOut);
}

void AddReportCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand("report", "A business day's totals without closing it, or a Z report");
  CLI::Option* day = command->add_option("--day", options->day, "Business day YYYY-MM-DD (default: today)");
  command->add_option("--z", options->z_number, "Show Z report number N instead")
      ->check(CLI::PositiveNumber)
      ->excludes(day);
  command->callback([&ctx, options] { RunReport(ctx, *options); });
}

}  // namespace lapak::cli
