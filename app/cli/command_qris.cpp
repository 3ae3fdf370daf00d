// lapak qris set | fee | show | for: the stall's static QRIS, the owner's convenience fee, and
// the dynamic code of one payment.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "core/money.h"
#include "core/qris.h"
#include "core/refusal.h"
#include "core/removable_media.h"
#include "core/small_file.h"

namespace lapak::cli {

namespace {

// A file holding the code, with room for a line break or a byte-order mark; the code's own
// bound (kMaxQrisBytes) is StaticQris::Parse's.
constexpr size_t kMaxQrisFileBytes = 4096;

nlohmann::json QrisJson(const StaticQris& qris) {
  return {{"payload", qris.payload()}, {"merchant_name", qris.merchant_name()},
          {"merchant_city", qris.merchant_city()}, {"nmid", qris.nmid()}};
}

std::string QrisText(const StaticQris& qris) {
  return fmt::format("QRIS {} ({}), NMID {}\n{}\n", qris.merchant_name(), qris.merchant_city(), qris.nmid(),
                     qris.payload());
}

// The stored code, or a report that there is none.
std::optional<StaticQris> StoredQris(Context& ctx, StallStore& store) {
  std::optional<StaticQris> qris = app::Terminal(store, *ctx.clock).StoredQris();
  if (!qris) Check(ctx, Refuse(Refusal::kQrisNotSet));
  return qris;
}

}  // namespace

void AddQrisCommand(CLI::App& app, Context& ctx) {
  CLI::App* qris = app.add_subcommand("qris", "The stall's QRIS: set it once, then each payment shows its amount");
  qris->require_subcommand(1);

  auto code = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto image = std::make_shared<std::string>();
  auto usb = std::make_shared<bool>(false);
  auto pin = std::make_shared<PinOptions>();
  CLI::App* set = qris->add_subcommand("set", "Keep the stall's static QRIS, checked (the owner's PIN)");
  CLI::Option* code_option = set->add_option("code", *code, "The code's text, as read from the sticker");
  CLI::Option* file_option =
      set->add_option("--file", *file, "Read the code's text from this file instead")->excludes(code_option);
  CLI::Option* image_option = set->add_option("--image", *image, "Read the code from a photo of the sticker (PNG, JPEG)")
                                  ->excludes(code_option)
                                  ->excludes(file_option);
  set->add_flag("--usb", *usb, "Read it from qris.png or qris.jpg on a USB stick")
      ->excludes(code_option)
      ->excludes(file_option)
      ->excludes(image_option);
  AddPinOptions(*set, *pin, Role::kOwner);
  set->callback([&ctx, code, file, image, usb, pin] {
    if (code->empty() && file->empty() && image->empty() && !*usb) throw CLI::RequiredError("code, --file, --image or --usb");
    std::string text = *code;
    if (!file->empty()) {
      Result<std::string> read = ReadSmallFile(*file, kMaxQrisFileBytes);
      if (!Check(ctx, read.status())) return;
      text = *read;
      if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    }
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, *pin)) return;
    Result<StaticQris> set_qris = *usb              ? terminal.SetQrisFromMedia(MediaRoots())
                                  : !image->empty() ? terminal.SetQrisFromImage(*image)
                                                    : terminal.SetQris(text);
    if (!Check(ctx, set_qris.status())) return;
    Emit(ctx, QrisJson(*set_qris), "Kode QRIS disimpan: " + QrisText(*set_qris));
  });

  auto fee_text = std::make_shared<std::string>();
  auto no_fee = std::make_shared<bool>(false);
  auto fee_pin = std::make_shared<PinOptions>();
  CLI::App* fee = qris->add_subcommand(
      "fee", "A fixed convenience fee the customer pays on top of each QRIS payment (the owner's PIN)");
  CLI::Option* fee_option = fee->add_option("amount", *fee_text, "Rp1 to Rp10.000, e.g. 1000 or Rp1.000");
  fee->add_flag("--none", *no_fee, "No fee")->excludes(fee_option);
  AddPinOptions(*fee, *fee_pin, Role::kOwner);
  fee->callback([&ctx, fee_text, no_fee, fee_pin] {
    if (fee_text->empty() && !*no_fee) throw CLI::RequiredError("amount or --none");
    std::optional<Money> amount;
    if (!*no_fee) {
      Result<Money> parsed = ParseMoney(*fee_text);
      if (!Check(ctx, parsed.status())) return;
      amount = *parsed;
    }
    std::unique_ptr<StallStore> store = OpenStore(ctx);
    if (!store) return;
    app::Terminal terminal(*store, *ctx.clock);
    if (!LogIn(ctx, terminal, *fee_pin)) return;
    if (!Check(ctx, terminal.SetQrisFee(amount))) return;
    Emit(ctx, {{"fee", amount ? nlohmann::json(amount->rupiah()) : nlohmann::json()}},
         amount ? "Biaya layanan QRIS: " + FormatMoney(*amount) + "\n" : "Tanpa biaya layanan QRIS\n");
  });

  CLI::App* show = qris->add_subcommand("show", "The stall's static QRIS as kept, and any fee");
  show->callback([&ctx] {
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    std::optional<StaticQris> stored = StoredQris(ctx, *store);
    if (!stored) return;
    const std::optional<Money> stored_fee = app::Terminal(*store, *ctx.clock).StoredQrisFee();
    nlohmann::json json = QrisJson(*stored);
    json["fee"] = stored_fee ? nlohmann::json(stored_fee->rupiah()) : nlohmann::json();
    Emit(ctx, json,
         QrisText(*stored) + (stored_fee ? "Biaya layanan QRIS: " + FormatMoney(*stored_fee) + "\n" : std::string()));
  });

  auto amount_text = std::make_shared<std::string>();
  CLI::App* for_amount = qris->add_subcommand("for", "The dynamic code that asks the customer for AMOUNT");
  for_amount->add_option("amount", *amount_text, "Whole rupiah: 20000, 20.000 or Rp20.000")->required();
  for_amount->callback([&ctx, amount_text] {
    Result<Money> amount = ParseMoney(*amount_text);
    if (!Check(ctx, amount.status())) return;
    std::unique_ptr<StallStore> store = OpenStoreToRead(ctx);
    if (!store) return;
    std::optional<StaticQris> stored = StoredQris(ctx, *store);
    if (!stored) return;
    Result<std::string> payload = stored->ForPayment(*amount, app::Terminal(*store, *ctx.clock).StoredQrisFee());
    if (!Check(ctx, payload.status())) return;
    Emit(ctx, {{"amount", amount->rupiah()}, {"payload", *payload}}, *payload + "\n");
  });
}

}  // namespace lapak::cli
