// lapak sell | void | history.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/render.h"
#include "app/print/print_jobs.h"
#include "app/print/printer.h"
#include "app/cli/sale_request.h"

namespace lapak::cli {

namespace {

struct SellOptions {
  std::vector<std::string> items;     // SKU or SKU:QTY
  std::vector<std::string> customs;   // AMOUNT or AMOUNT:NAME
  std::string discount;               // 10% or 5000
  std::vector<std::string> payments;  // METHOD or METHOD:AMOUNT
  PinOptions pin;
};

// Splits "a:b" at the first ':'; `second` is empty when there is none.
std::pair<std::string, std::string> SplitOnce(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return {text, ""};
  return {text.substr(0, colon), text.substr(colon + 1)};
}

// The sale the flags ask for, in the order given.
Result<SaleRequest> RequestFromFlags(const SellOptions& options) {
  SaleRequest request;
  for (const std::string& item : options.items) {
    const auto [sku, quantity_text] = SplitOnce(item);
    Result<int64_t> quantity = quantity_text.empty() ? Result<int64_t>(1) : ParseQuantity(quantity_text);
    if (!quantity.ok()) return quantity.status();
    request.items.push_back({sku, *quantity});
  }
  for (const std::string& custom : options.customs) {
    const auto [amount_text, name] = SplitOnce(custom);
    Result<Money> amount = ParseMoney(amount_text);
    if (!amount.ok()) return amount.status();
    request.customs.push_back({*amount, name});
  }
  if (!options.discount.empty()) {
    Result<Discount> discount = ParseDiscount(options.discount);
    if (!discount.ok()) return discount.status();
    request.discount = *discount;
  }
  for (const std::string& payment : options.payments) {
    const auto [method_name, amount_text] = SplitOnce(payment);
    Result<PaymentMethod> method = ParsePaymentMethod(method_name);
    if (!method.ok()) return method.status();
    SaleRequest::Pay pay{*method, std::nullopt};
    if (!amount_text.empty()) {
      Result<Money> amount = ParseMoney(amount_text);
      if (!amount.ok()) return amount.status();
      pay.amount = *amount;
    }
    request.payments.push_back(pay);
  }
  return request;
}

void RunSell(Context& ctx, const SellOptions& options) {
  std::unique_ptr<StallStore> store = OpenStore(ctx);
  if (!store) return;
  app::Terminal terminal(*store, *ctx.clock);
  if (!LogIn(ctx, terminal, options.pin)) return;
  Result<SaleRequest> request = RequestFromFlags(options);
  if (!Check(ctx, request.status())) return;
  Cart cart;
  if (!Check(ctx, BuildCart(*store, *request, cart))) return;
  Result<CompletedSale> sale = cart.Complete();
  if (!Check(ctx, sale.status())) return;
  Result<Receipt> receipt = terminal.Sell(*sale);
  if (!Check(ctx, receipt.status())) return;
  Emit(ctx, ReceiptJson(*receipt), ReceiptText(*store->Info(), *receipt));
}

struct VoidOptions {
  std::string receipt;
  std::string reason;
  std::string owner_pin;
};

struct HistoryOptions {
  std::string day;
  int64_t limit = 50;
  bool receipts = false;
};

void RunHistory(Context& ctx, const HistoryOptions& options) {
  std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
  if (!store) return;
  Result<std::string> day = options.day.empty() ? store->Today() : Result<std::string>(options.day);
  if (!Check(ctx, day.status())) return;
  Result<std::vector<Receipt>> receipts = store->History(*day, options.limit);
  if (!Check(ctx, receipts.status())) return;
  nlohmann::json list = nlohmann::json::array();
  std::string text = fmt::format("Penjualan {} (terbaru dulu)\n", *day);
  for (const Receipt& receipt : *receipts) {
    list.push_back(ReceiptJson(receipt));
    text += options.receipts ? ReceiptText(*store->Info(), receipt) + "\n"
                             : fmt::format("{}  {}  {:>14}{}\n", receipt.receipt, receipt.local_time,
                                           FormatMoney(receipt.sale.totals.total),
                                           receipt.voided ? "  BATAL" : "");
  }
  Emit(ctx, list, text);
}

}  // namespace

void AddSellCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<SellOptions>();
  CLI::App* command = app.add_subcommand("sell", "Record a sale and print its receipt");
  command->add_option("--item", options->items, "Catalog item: SKU or SKU:QTY (repeatable)");
  command->add_option("--custom", options->customs, "Custom amount: AMOUNT or AMOUNT:NAME (repeatable)");
  command->add_option("--discount", options->discount, "Discount on the sale: 10% or 5000");
  command->add_option("--pay", options->payments,
                      "Payment: cash|qris|transfer[:AMOUNT]; no amount pays what is still due")
      ->required();
  AddPinOptions(*command, options->pin, Role::kCashier);
  command->callback([&ctx, options] { RunSell(ctx, *options); });
}

void AddVoidCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<VoidOptions>();
  CLI::App* command = app.add_subcommand("void", "Cancel a whole sale of the open day (owner's PIN)");
  command->add_option("receipt", options->receipt, "Receipt number, e.g. 20261122-0007")->required();
  command->add_option("--reason", options->reason, "Why the sale is cancelled")->required();
  command->add_option("--pin", options->owner_pin, "Owner (pemilik) PIN (default $LAPAK_PIN)");
  command->callback([&ctx, options] {
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    Result<Receipt> receipt = app::Terminal(*store, *ctx.clock)
                                  .Void(options->receipt, PinOrEnvironment(options->owner_pin), options->reason);
    if (!Check(ctx, receipt.status())) return;
    Emit(ctx, ReceiptJson(*receipt), ReceiptText(*store->Info(), *receipt));
  });
}

void AddReceiptCommand(CLI::App& app, Context& ctx) {
  auto receipt_number = std::make_shared<std::string>();
  auto printer = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("receipt", "Show a receipt again, or print it (a reprint)");
  command->add_option("receipt", *receipt_number, "Receipt number, e.g. 20261122-0007")->required();
  AddPrintOption(*command, *printer, "the receipt");
  command->callback([&ctx, receipt_number, printer] {
    if (!printer->empty() && !Check(ctx, print::CheckPrinterAddress(*printer))) return;
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    Result<Receipt> receipt = store->FindReceipt(*receipt_number);
    if (!Check(ctx, receipt.status())) return;
    Emit(ctx, ReceiptJson(*receipt), ReceiptText(*store->Info(), *receipt));
    if (printer->empty()) return;
    const std::string footer = app::Terminal(*store, *ctx.clock).StoredReceiptFooter();
    Check(ctx, print::SendToPrinter(*printer, print::ReceiptJob(*store->Info(), *receipt, footer)));
  });
}

void AddHistoryCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<HistoryOptions>();
  CLI::App* command = app.add_subcommand("history", "The sales of a business day, newest first");
  command->add_option("--day", options->day, "Business day YYYY-MM-DD (default: today)");
  command->add_option("--limit", options->limit, "At most this many sales")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_flag("--receipts", options->receipts, "Print each whole receipt");
  command->callback([&ctx, options] { RunHistory(ctx, *options); });
}

}  // namespace lapak::cli
