#include "app/pos/screenshot.h"

#include <GL/gl.h>
#include <fmt/core.h>
#include <stb_image_write.h>

#include <cstdio>
#include <vector>

#include "app/pos/demo_stall.h"
#include "sync/protocol.h"

namespace lapak::pos {

Status StageScreen(PosModel& model, UiState& ui, const std::string& screen, const ScreenshotSetting& setting) {
  while (model.text_scale() * 100 + 10 < static_cast<float>(setting.text_percent)) model.StepTextScale(+1);
  while (model.text_scale() * 100 - 10 > static_cast<float>(setting.text_percent)) model.StepTextScale(-1);
  if (!setting.catalog_csv.empty()) {
    if (!model.Login(Role::kOwner, kDemoOwnerPin) || !model.ImportCatalogFile(setting.catalog_csv, true)) {
      return Status::FailedPrecondition(model.message());
    }
    model.Logout();
  }
  if (screen == "login") return Status::Ok();
  if (screen == "setup") return Status::Ok();  // a database not set up opens there
  if (screen == "catalog" || screen == "settings") {
    if (!model.Login(Role::kOwner, kDemoOwnerPin)) return Status::FailedPrecondition(model.message());
    if (screen == "settings") {  // enrolled with a ledger that has not answered yet
      const std::string code = sync::FormatEnrolmentCode(
          {kDemoTerminalId, std::string(sync::kTerminalKeyBytes, 'k'), "http://192.168.1.10:8080",
           sync::EventCalendarText{model.stall().time_zone, model.stall().day_cutoff}});
      if (!model.EnrolSync(code) || !model.SetPrinter("tcp:192.168.1.20") ||
          !model.SetReceiptFooter("Terima kasih, sampai jumpa lagi")) {
        return Status::FailedPrecondition(model.message());
      }
      model.ShowSettings();
      return Status::Ok();
    }
    model.ShowCatalog();
    ui.draft = model.catalog().front();
    ui.price_digits = std::to_string(ui.draft->price.rupiah());
    return Status::Ok();
  }
  if (screen == "qris") {  // the stall's code set by the owner, then a sale paid by QRIS
    if (!model.Login(Role::kOwner, kDemoOwnerPin) || !model.SetQris(kDemoQris)) {
      return Status::FailedPrecondition(model.message());
    }
    model.Logout();
  }
  if (!model.Login(Role::kCashier, kDemoCashierPin)) return Status::FailedPrecondition(model.message());
  const std::vector<Product>& products = model.products();
  if (products.size() < 6) return Status::FailedPrecondition("the demo catalog is too small");
  (void)model.AddToCart(products[0]);
  (void)model.AddToCart(products[0]);
  (void)model.AddToCart(products[5]);
  (void)model.AddToCart(products[8 % products.size()]);
  if (screen == "sell") return Status::Ok();
  if (!model.StartPayment()) return Status::FailedPrecondition(model.message());
  if (screen == "pay") {
    ui.cash_digits = "20000";
    return Status::Ok();
  }
  if (screen == "qris") {
    ui.pay_method = PaymentMethod::kQris;
    return Status::Ok();
  }
  // Paid with the first quick note, as a customer hands one over (exact when none is offered).
  const Money due = model.Totals().total;
  const std::vector<Money> notes = CashSuggestions(due);
  if (!model.AddPayment(PaymentMethod::kCash, notes.empty() ? due : notes.front()) || !model.Complete()) {
    return Status::FailedPrecondition(model.message());
  }
  if (screen == "receipt") return Status::Ok();
  if (screen == "ereceipt") {  // the e-receipt's code for the customer's phone
    ui.ereceipt_shown = model.last_receipt()->receipt;
    return Status::Ok();
  }
  if (screen == "history") {
    model.ShowHistory();
    ui.selected_receipt = model.last_receipt()->receipt;
    ui.void_reason = Tr(model.language(), Text::kReasonWrongEntry);
    return Status::Ok();
  }
  if (screen == "day" || screen == "cash-out") {
    // Change brought in during the day: a kas masuk among the figures.
    if (!model.MoveCash(CashDirection::kIn, Money::Rupiah(50000), Tr(model.language(), Text::kReasonMoreChange),
                        kDemoOwnerPin)) {
      return Status::FailedPrecondition(model.message());
    }
    ui.cash_count = CashCount{2, 1, 0, 1, 2, 3, 0, 4};
    if (screen == "cash-out") {  // takings handed to the owner, at the reason step
      ui.cash_move_direction = CashDirection::kOut;
      ui.cash_move_digits = "100000";
      ui.cash_move_step = UiState::CashMoveStep::kReason;
    }
    return Status::Ok();
  }
  return Status::InvalidArgument(
      "--screen must be setup, login, sell, pay, qris, receipt, ereceipt, history, day, cash-out, catalog or "
      "settings");
}

Status WriteWidgets(const std::string& path, const UiProbe& probe) {
  std::string text;
  for (const auto& [label, p] : probe.widgets()) {
    std::string escaped;
    for (const char c : label) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    text += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", p.min.x, p.min.y, p.max.x, p.max.y, p.clip_min.x,
                        p.clip_min.y, p.clip_max.x, p.clip_max.y, escaped);
  }
  std::FILE* file = std::fopen(path.c_str(), "w");
  const bool written = file != nullptr && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (file != nullptr && std::fclose(file) != 0) return Status::IoError("cannot write " + path);
  return written ? Status::Ok() : Status::IoError("cannot write " + path);
}

Status WriteFramebufferPng(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);  // OpenGL's rows run bottom to top
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4)) {
    return Status::IoError("cannot write " + path);
  }
  return Status::Ok();
}

}  // namespace lapak::pos
