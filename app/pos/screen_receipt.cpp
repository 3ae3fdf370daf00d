// Receipt: shown only once the sale is on disk. PAID, the change due, the receipt with how it
// was paid, New sale; Struk di HP shows the e-receipt's QR code (app/print/slip.h) in place of
// the receipt; with a printer, whether the receipt printed, and Cetak ulang.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/pos/screens.h"
#include "app/print/slip.h"
#include "app/pos/ui_probe.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

void DrawPayments(Language language, const CompletedSale& sale) {
  std::vector<std::string> lines;
  for (const Payment& payment : sale.payments) {
    lines.push_back(MethodLabel(language, payment.method) + " " + FormatMoney(payment.amount));
  }
  if (!sale.totals.change.is_zero()) {
    lines.push_back(std::string(Tr(language, Text::kChange)) + " " + FormatMoney(sale.totals.change));
  }
  for (const std::string& line : lines) {
    ImGui::TextUnformatted(line.c_str());
    ProbeLastText(line);
  }
}

// The receipt as text: number, time, lines, discount, total, payments and change.
static void DrawReceiptText(Language lang, const Receipt& receipt) {
  const SaleTotals& totals = receipt.sale.totals;
  ImGui::BeginChild("receipt", ImVec2(0, 0), true);
  ImGui::Text("%s %s", Tr(lang, Text::kReceipt), receipt.receipt.c_str());
  ImGui::TextUnformatted(receipt.local_time.c_str());
  ImGui::Separator();
  for (const SaleLine& line : receipt.sale.lines) {
    ImGui::TextWrapped("%s", line.name.c_str());
    ImGui::Text("  %lld x %s = %s", static_cast<long long>(line.quantity), FormatMoney(line.unit_price).c_str(),
                FormatMoney(line.total).c_str());
  }
  ImGui::Separator();
  if (!totals.discount.is_zero()) {
    ImGui::Text("%s %s", Tr(lang, Text::kDiscount), FormatMoney(*Money().Minus(totals.discount)).c_str());
  }
  ImGui::Text("%s %s", Tr(lang, Text::kTotal), FormatMoney(totals.total).c_str());
  DrawPayments(lang, receipt.sale);
  DragToScroll();
  ImGui::EndChild();
}

// The e-receipt's QR code as large as the space allows, with what a customer does with it.
static void DrawEReceipt(const PosModel& model, UiState& ui, const Receipt& receipt) {
  ImGui::BeginChild("ereceipt", ImVec2(0, 0), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::TextWrapped("%s", Tr(model.language(), Text::kScanEReceipt));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ui.ereceipt_image.Draw(print::EReceiptText(model.stall(), receipt), std::min(avail.x, avail.y), "qr##ereceipt");
  ImGui::EndChild();
}

void DrawReceipt(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  if (!model.last_receipt()) {
    model.NewSale();
    return;
  }
  const Receipt& receipt = *model.last_receipt();
  const SaleTotals& totals = receipt.sale.totals;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left_width = std::max(avail.x * 0.45f, 300.0f);

  ImGui::BeginChild("paid", ImVec2(left_width, 0), true);
  LargeText(Tr(lang, Text::kPaidDone));
  ImGui::Text("%s", Tr(lang, Text::kChange));
  LargeText(FormatMoney(totals.change).c_str());
  ImGui::Dummy(ImVec2(0, 10));
  // Acted on after drawing: NewSale() drops the receipt this frame is still showing.
  const bool new_sale = BigButton(Tr(lang, Text::kNewSale), ImVec2(-1, TallTouchHeight()), ButtonKind::kPay);
  const bool showing_ereceipt = ui.ereceipt_shown == receipt.receipt;
  if (BigButton(Tr(lang, showing_ereceipt ? Text::kShowReceipt : Text::kEReceipt), ImVec2(-1, 0))) {
    ui.ereceipt_shown = showing_ereceipt ? std::string() : receipt.receipt;
  }
  // The receipt printed after the sale was committed: how that went, and a reprint.
  if (!model.printer().empty()) {
    if (!model.print_status().empty()) ImGui::TextWrapped("%s", model.print_status().c_str());
    if (BigButton(Tr(lang, Text::kReprint), ImVec2(-1, 0))) model.PrintReceipt(receipt);
  }
  DragToScroll();
  ImGui::EndChild();

  ImGui::SameLine();
  if (showing_ereceipt) {
    DrawEReceipt(model, ui, receipt);
  } else {
    DrawReceiptText(lang, receipt);
  }
  if (new_sale) {
    model.NewSale();
    ui.pay_method = PaymentMethod::kCash;
  }
}

}  // namespace lapak::pos
