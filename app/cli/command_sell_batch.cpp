// lapak sell-batch: many sales from stdin, one JSON line each (app/cli/sale_line.h), after
// one PIN check. Each sale is committed on its own, as `lapak sell` commits it, before its
// receipt is written: a receipt on stdout is a sale on disk.
//
// stdout: one JSON line per input line, in order, flushed as soon as it is known:
//   the receipt (ReceiptJson), or {"line":N,"error":TEXT,"code":CODE,"refusal":NAME} for a
//   refused line (app::ErrorJson), which changed nothing; the next line is then read as usual.
// Exit code: 0 when every line was recorded; otherwise that of the first refused line (what
// `lapak sell` would have exited with for it), said on stderr with how many were refused.
// A failed log-in reads no line.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/cli/line_reader.h"
#include "app/cli/render.h"
#include "app/cli/sale_line.h"
#include "app/common/report.h"
#include "core/refusal.h"

namespace lapak::cli {

namespace {

Result<Receipt> SellLine(app::Terminal& terminal, std::string_view line) {
  Result<SaleRequest> request = ParseSaleLine(line);
  if (!request.ok()) return request.status();
  Cart cart;
  LAPAK_RETURN_IF_ERROR(BuildCart(terminal.store(), *request, cart));
  Result<CompletedSale> sale = cart.Complete();
  if (!sale.ok()) return sale.status();
  return terminal.Sell(*sale);
}

void RunSellBatch(Context& ctx, const PinOptions& pin) {
  std::unique_ptr<StallStore> store = OpenStore(ctx);
  if (!store) return;
  app::Terminal terminal(*store, *ctx.clock);
  if (!LogIn(ctx, terminal, pin)) return;

  BoundedLineReader reader(std::cin, kMaxSaleLineBytes);
  std::string line;
  int64_t lines = 0;
  int64_t refused = 0;
  int64_t first_refused_line = 0;
  Status first_refusal;
  for (;;) {
    const BoundedLineReader::Outcome outcome = reader.Next(line);
    if (outcome == BoundedLineReader::Outcome::kEnd) break;
    ++lines;
    Result<Receipt> receipt = outcome == BoundedLineReader::Outcome::kTooLong
                                  ? Result<Receipt>(Refuse(Refusal::kSaleLineTooLong, kMaxSaleLineBytes))
                                  : SellLine(terminal, line);
    if (receipt.ok()) {
      app::EmitJsonLine(ReceiptJson(*receipt));
      continue;
    }
    nlohmann::json answer = app::ErrorJson(receipt.status());
    answer["line"] = lines;
    app::EmitJsonLine(answer);
    if (++refused == 1) {
      first_refused_line = lines;
      first_refusal = receipt.status();
    }
  }
  if (refused > 0) {
    Check(ctx, RefuseAt(Refusal::kSaleLinesRefused, refused, lines, first_refused_line)(first_refusal));
  }
}

}  // namespace

void AddSellBatchCommand(CLI::App& app, Context& ctx) {
  auto pin = std::make_shared<PinOptions>();
  CLI::App* command = app.add_subcommand(
      "sell-batch", "Record many sales read from stdin, one JSON line each, after one PIN check");
  command->footer(
      "Each line is one sale, as `lapak sell` takes it:\n"
      "  {\"items\":[{\"sku\":\"BKS-01\",\"qty\":2}],\"custom\":[{\"amount\":15000,\"name\":\"Bakso\"}],\n"
      "   \"discount\":\"10%\",\"pay\":[{\"method\":\"qris\",\"amount\":20000},{\"method\":\"cash\"}]}\n"
      "\"pay\" is required; a payment without \"amount\" pays what is still due; amounts are\n"
      "whole rupiah (20000 or \"Rp20.000\"). Each sale is committed before its receipt is\n"
      "printed: one JSON line per input line on stdout. A line that is refused (not JSON,\n"
      "unknown SKU, absurd amount, longer than 64 KiB, ...) is answered with\n"
      "{\"line\":N,\"error\":...}, records nothing, and the next line is read as usual.\n"
      "Exit code 0 when every line was recorded, else that of the first refused line.");
  AddPinOptions(*command, *pin, Role::kCashier);
  command->callback([&ctx, pin] { RunSellBatch(ctx, *pin); });
}

}  // namespace lapak::cli
