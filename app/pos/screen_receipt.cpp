// Receipt: shown only once the sale is on disk. PAID, the change due, the receipt, New sale.
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

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
  ImGui::EndChild();

  ImGui::SameLine();
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
  ImGui::Text("%s %s", Tr(lang, Text::kTotal), FormatMoney(totals.total).c_str());
  ImGui::Text("%s %s", Tr(lang, Text::kPaid), FormatMoney(totals.paid).c_str());
  DragToScroll();
  ImGui::EndChild();
  if (new_sale) {
    model.NewSale();
    ui.pay_method = PaymentMethod::kCash;
  }
}

}  // namespace lapak::pos
