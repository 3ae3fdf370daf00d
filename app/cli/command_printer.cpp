// lapak printer set | footer | show | test: the receipt printer this terminal prints on, and
// the owner's footer under each receipt.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/print/print_jobs.h"
#include "app/print/printer.h"
#include "app/print/slip.h"

namespace lapak::cli {

void AddPrinterCommand(CLI::App& app, Context& ctx) {
  CLI::App* printer = app.add_subcommand("printer", "The receipt printer the touchscreen terminal prints on");
  printer->require_subcommand(1);

  auto address = std::make_shared<std::string>();
  auto none = std::make_shared<bool>(false);
  auto pin = std::make_shared<PinOptions>();
  CLI::App* set = printer->add_subcommand("set", "Choose the printer (a kasir's or the owner's PIN)");
  CLI::Option* address_option =
      set->add_option("address", *address, "/dev/usb/lp0 (USB), /dev/rfcomm0 (Bluetooth) or tcp:HOST[:9100]");
  set->add_flag("--none", *none, "No printer: receipts are not printed")->excludes(address_option);
  AddPinOptions(*set, *pin, Role::kCashier);
  set->callback([&ctx, address, none, pin] {
    if (address->empty() && !*none) throw CLI::RequiredError("address or --none");
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, *pin)) return;
    if (!Check(ctx, terminal.SetPrinter(*address))) return;
    Emit(ctx, {{"printer", *address}}, address->empty() ? "Tanpa printer\n" : "Printer: " + *address + "\n");
  });

  auto footer = std::make_shared<std::string>();
  auto no_footer = std::make_shared<bool>(false);
  auto owner_pin = std::make_shared<PinOptions>();
  CLI::App* footer_command =
      printer->add_subcommand("footer", "The line under each printed receipt (the owner's PIN)");
  CLI::Option* footer_option = footer_command->add_option(
      "text", *footer, fmt::format("At most {} bytes, e.g. \"Terima kasih, sampai jumpa\"", print::kMaxFooterBytes));
  footer_command->add_flag("--none", *no_footer, "No footer")->excludes(footer_option);
  AddPinOptions(*footer_command, *owner_pin, Role::kOwner);
  footer_command->callback([&ctx, footer, no_footer, owner_pin] {
    if (footer->empty() && !*no_footer) throw CLI::RequiredError("text or --none");
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, *owner_pin)) return;
    if (!Check(ctx, terminal.SetReceiptFooter(*footer))) return;
    Emit(ctx, {{"footer", *footer}}, footer->empty() ? "Tanpa catatan kaki\n" : "Catatan kaki: " + *footer + "\n");
  });

  CLI::App* show = printer->add_subcommand("show", "The printer chosen, if any, and the receipt's footer");
  show->callback([&ctx] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    const app::Terminal terminal(*store, *ctx.clock);
    const std::string chosen = terminal.StoredPrinter();
    const std::string stored_footer = terminal.StoredReceiptFooter();
    Emit(ctx, {{"printer", chosen}, {"footer", stored_footer}},
         (chosen.empty() ? "Tanpa printer\n" : "Printer: " + chosen + "\n") +
             (stored_footer.empty() ? "" : "Catatan kaki: " + stored_footer + "\n"));
  });

  auto test_address = std::make_shared<std::string>();
  CLI::App* test = printer->add_subcommand("test", "Print a test page (on the printer chosen, or on ADDRESS)");
  test->add_option("address", *test_address, "Another printer to try instead");
  test->callback([&ctx, test_address] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    const std::string target = test_address->empty() ? app::Terminal(*store, *ctx.clock).StoredPrinter() : *test_address;
    if (target.empty()) {
      Check(ctx, print::CheckPrinterAddress(target));
      return;
    }
    if (!Check(ctx, print::SendToPrinter(target, print::TestPageJob(*store->Info(), target)))) return;
    Emit(ctx, {{"printer", target}, {"printed", true}}, "Tes cetak terkirim ke " + target + "\n");
  });
}

}  // namespace lapak::cli
