// History: a day's sales, newest first, today's or an earlier day's (‹ ›); a sale's receipt
// and how it was paid; a void of a sale of the open day with a reason and the owner's PIN.
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

// How a sale was paid, in short: "Tunai", "Tunai+QRIS".
static std::string PaidWith(Language lang, const Receipt& receipt) {
  std::string methods;
  for (const Payment& payment : receipt.sale.payments) {
    const std::string label = MethodLabel(lang, payment.method);
    if (methods.find(label) == std::string::npos) methods += (methods.empty() ? "" : "+") + label;
  }
  return methods;
}

// ‹ the day shown ›: the day before, and the day after up to today.
static void DrawDaySteps(PosModel& model, UiState& ui) {
  const float step = TouchHeight();
  const bool today = model.history_day() >= model.BusinessDay();
  if (BigButton("\u2039##previous_day", ImVec2(step, step))) {
    model.StepHistoryDay(-1);
    ui.selected_receipt.clear();
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(model.history_day().c_str());
  if (today) return;
  ImGui::SameLine();
  if (BigButton("\u203a##next_day", ImVec2(step, step))) {
    model.StepHistoryDay(+1);
    ui.selected_receipt.clear();
  }
}

static void DrawSaleList(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  DrawDaySteps(model, ui);
  if (model.history().empty()) ImGui::TextDisabled("%s", Tr(lang, Text::kNoSales));
  for (const Receipt& receipt : model.history()) {
    const std::string time = receipt.local_time.substr(receipt.local_time.find(' ') + 1);
    const std::string label = receipt.receipt.substr(9) + "  " + time + "  " + FormatMoney(receipt.sale.totals.total) +
                              "  " + (receipt.voided ? Tr(lang, Text::kVoided) : PaidWith(lang, receipt)) + "##" +
                              receipt.receipt;
    const ButtonKind kind = ui.selected_receipt == receipt.receipt ? ButtonKind::kSelected : ButtonKind::kNormal;
    if (BigButton(label.c_str(), ImVec2(-1, 0), kind)) {
      ui.selected_receipt = receipt.receipt;
      ui.void_reason.clear();
      ui.owner_pin_digits.clear();
    }
  }
  DragToScroll();
}

// The selected sale that can still be voided, or null.
static const Receipt* SelectedSale(const PosModel& model, const UiState& ui) {
  for (const Receipt& receipt : model.history()) {
    if (receipt.receipt == ui.selected_receipt) return &receipt;
  }
  return nullptr;
}

// Reasons as buttons that flow onto the next line when the line is full.
static void DrawReasons(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  ImGui::Text("%s", Tr(lang, Text::kVoidReason));
  const float right_edge = ImGui::GetWindowContentRegionMax().x;
  bool first = true;
  for (const Text reason : {Text::kReasonWrongEntry, Text::kReasonCustomerCancelled, Text::kReasonSoldOut}) {
    const char* text = Tr(lang, reason);
    const float width = ImGui::CalcTextSize(text).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + width > right_edge) ImGui::NewLine();
    }
    first = false;
    if (BigButton(text, ImVec2(0, 0), ui.void_reason == text ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.void_reason = text;
      ui.owner_pin_digits.clear();
    }
  }
}

static void DrawSelected(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const Receipt* selected = SelectedSale(model, ui);
  if (selected == nullptr) return;
  const Receipt receipt = *selected;  // a void refreshes the history it lives in
  ImGui::TextWrapped("%s %s  %s", Tr(lang, Text::kReceipt), receipt.receipt.c_str(),
              FormatMoney(receipt.sale.totals.total).c_str());
  for (const SaleLine& line : receipt.sale.lines) {
    ImGui::TextWrapped("%lld x %s", static_cast<long long>(line.quantity), line.name.c_str());
  }
  DrawPayments(lang, receipt.sale);
  if (!model.printer().empty()) {
    if (BigButton(Tr(lang, Text::kReprint), ImVec2(0, 0))) model.PrintReceipt(receipt);
    if (!model.print_status().empty()) ImGui::TextWrapped("%s", model.print_status().c_str());
  }
  if (receipt.voided) {
    ImGui::TextWrapped("%s: %s", Tr(lang, Text::kVoided), receipt.void_reason.c_str());
    return;
  }
  if (!model.MayVoid(receipt)) return;
  DrawReasons(model, ui);
  if (ui.void_reason.empty()) return;
  ImGui::Text("%s: %s", Tr(lang, Text::kOwnerPin), std::string(ui.owner_pin_digits.size(), '*').c_str());
  if (BigButton(Tr(lang, Text::kConfirmVoid), ImVec2(-1, 0), ButtonKind::kDanger)) {
    model.VoidSale(receipt.receipt, ui.owner_pin_digits, ui.void_reason);
    ui.owner_pin_digits.clear();
  }
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
}

// The list of sales; while a void waits for the owner's PIN, the keypad takes its place.
void DrawHistory(PosModel& model, UiState& ui) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float list_width = std::max(avail.x * 0.45f, 300.0f);
  const Receipt* selected = SelectedSale(model, ui);
  const bool entering_pin = selected != nullptr && !selected->voided && !ui.void_reason.empty();
  ImGui::BeginChild("sales", ImVec2(list_width, 0), !entering_pin);
  if (entering_pin) {
    DigitKeypad(ui.owner_pin_digits, 8, ImGui::GetContentRegionAvail(), "owner", KeypadEntry::kPin);
  } else {
    DrawSaleList(model, ui);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("selected", ImVec2(0, 0), false);
  DrawSelected(model, ui);
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace lapak::pos
