// Pay: the amount due with exact cash and the quick notes beside it; the methods, and for cash
// the amount typed on a keypad; QRIS and transfer; split payments.
// A payment that covers what is due completes the sale at once: one item paid with exact
// cash is three taps (the product, Pay, Exact).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

// Adds a payment and, when nothing is left to pay, records the sale.
static void Pay(PosModel& model, UiState& ui, PaymentMethod method, Money amount) {
  if (!model.AddPayment(method, amount)) return;
  ui.cash_digits.clear();
  if (model.Totals().remaining.is_zero()) model.Complete();
}

// What is due, and once something is paid, each payment and what is still due.
static void DrawAmounts(PosModel& model) {
  const Language lang = model.language();
  const SaleTotals totals = model.Totals();
  ImGui::Text("%s", Tr(lang, Text::kDue));
  LargeText(FormatMoney(totals.total).c_str());
  if (model.cart().payments().empty()) return;
  ImGui::Text("%s: %s", Tr(lang, Text::kPaid), FormatMoney(totals.paid).c_str());
  for (const Payment& payment : model.cart().payments()) {
    ImGui::BulletText("%s %s", MethodLabel(lang, payment.method).c_str(),
                      FormatMoney(payment.amount).c_str());
  }
  ImGui::Text("%s", Tr(lang, Text::kRemaining));
  LargeText(FormatMoney(totals.remaining).c_str());
}

// Whether each of `labels` fits a button of `width`.
static bool LabelsFit(const std::vector<std::string>& labels, float width) {
  const float padding = 2 * ImGui::GetStyle().FramePadding.x;
  return std::all_of(labels.begin(), labels.end(), [&](const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + padding <= width;
  });
}

// Exact and the quick notes (core's CashSuggestions: up to five), two to a row when their
// labels fit, under the amounts: one tap pays and completes.
static void DrawQuickCash(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  const Money remaining = model.Totals().remaining;
  const std::vector<Money> notes = CashSuggestions(remaining);
  std::vector<std::string> labels{Tr(lang, Text::kExact)};
  for (const Money note : notes) labels.push_back(FormatMoney(note));
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  const int columns = LabelsFit(labels, half) ? 2 : 1;
  const float button_width = columns == 2 ? half : width;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine();
    const ButtonKind kind = i == 0 ? ButtonKind::kPay : ButtonKind::kNormal;
    if (BigButton(labels[i].c_str(), ImVec2(button_width, 0), kind)) {
      Pay(model, ui, PaymentMethod::kCash, i == 0 ? remaining : notes[i - 1]);
    }
  }
}

// The amount typed, with its Add button, over the keypad that fills the rest.
static void DrawCashKeypad(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  Result<Money> typed = ParseMoney(ui.cash_digits.empty() ? "0" : ui.cash_digits);
  const std::string add = std::string(Tr(lang, Text::kAdd)) + "##cash";
  const float add_width = std::max(width / 3, ImGui::CalcTextSize(add.c_str(), nullptr, true).x +
                                                  2 * ImGui::GetStyle().FramePadding.x);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s", MethodLabel(lang, PaymentMethod::kCash).c_str(),
              FormatMoney(typed.ok() ? *typed : Money()).c_str());
  ImGui::SameLine(width - add_width);
  if (BigButton(add.c_str(), ImVec2(add_width, 0)) && typed.ok() && !typed->is_zero()) {
    Pay(model, ui, PaymentMethod::kCash, *typed);
  }
  DigitKeypad(ui.cash_digits, 9, ImVec2(width, ImGui::GetContentRegionAvail().y), "cash");
}

// A method that pays the exact amount (transfer, and QRIS while the stall has no code set):
// the vendor confirms that the money arrived, and "… sudah masuk" pays what is due.
static void DrawExactMethod(PosModel& model, UiState& ui, PaymentMethod method, float width) {
  const Language lang = model.language();
  const std::string label = MethodLabel(lang, method);
  const std::string confirm = label + " " + Tr(lang, Text::kArrived);
  ImGui::TextWrapped("%s %s", FormatMoney(model.Totals().remaining).c_str(), label.c_str());
  if (method == PaymentMethod::kQris && !model.qris()) ImGui::TextWrapped("%s", Tr(lang, Text::kQrisNotSetHint));
  if (BigButton(confirm.c_str(), ImVec2(width, 2 * TallTouchHeight()), ButtonKind::kPay)) {
    Pay(model, ui, method, model.Totals().remaining);
  }
}

// QRIS with the stall's code set: the whole screen for the customer's phone. The dynamic code
// asking for what is due (the QRIS part of a split payment), as large as the screen allows, and
// beside it the stall's name and the amount in large type; the vendor taps "QRIS sudah masuk"
// when the wallet's notification arrives, or goes back to the other methods.
static void DrawQrisCode(PosModel& model, UiState& ui, const std::string& code) {
  const Language lang = model.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::min(avail.y, avail.x * 0.58f);
  ui.qris_image.Draw(code, side, "qr##qris");
  ImGui::SameLine();
  ImGui::BeginChild("qris", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string confirm = MethodLabel(lang, PaymentMethod::kQris) + " " + Tr(lang, Text::kArrived);
  const float buttons = ButtonHeight(confirm.c_str(), width) + TouchHeight() + 2 * style.ItemSpacing.y;
  ImGui::BeginChild("qris_text", ImVec2(width, ImGui::GetContentRegionAvail().y - buttons), false);
  LargeText(model.stall().stall_name.c_str());
  ImGui::TextWrapped("QRIS · NMID %s", model.qris()->nmid().c_str());
  ImGui::Separator();
  const SaleTotals totals = model.Totals();
  ImGui::Text("%s", Tr(lang, model.cart().payments().empty() ? Text::kDue : Text::kRemaining));
  LargeText(FormatMoney(totals.remaining).c_str());
  if (const std::optional<Money>& fee = model.qris_fee()) {  // the customer's wallet adds it
    ImGui::TextWrapped("+ %s %s · %s %s", Tr(lang, Text::kQrisFee), FormatMoney(*fee).c_str(),
                       Tr(lang, Text::kCustomerPays), FormatMoney(*totals.remaining.Plus(*fee)).c_str());
  }
  if (!model.cart().payments().empty()) {
    ImGui::TextWrapped("%s %s · %s %s", Tr(lang, Text::kTotal), FormatMoney(totals.total).c_str(), Tr(lang, Text::kPaid),
                       FormatMoney(totals.paid).c_str());
  }
  ImGui::TextWrapped("%s", Tr(lang, Text::kScanToPay));
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  DragToScroll();
  ImGui::EndChild();
  if (BigButton(confirm.c_str(), ImVec2(width, 0), ButtonKind::kPay) && model.PayRemainingByQrisShown()) {
    if (model.Totals().remaining.is_zero()) model.Complete();
  }
  if (BigButton(Tr(lang, Text::kOtherMethod), ImVec2(width, 0))) ui.pay_method = PaymentMethod::kCash;
  ImGui::EndChild();
}

void DrawPay(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  if (ui.pay_method == PaymentMethod::kQris && model.qris()) {
    if (const std::string& code = model.QrisCodeForRemaining(); !code.empty()) {
      DrawQrisCode(model, ui, code);
      return;
    }
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left_width = std::max(avail.x * 0.36f, 260.0f);
  const float right_width = avail.x - left_width - ImGui::GetStyle().ItemSpacing.x;
  const bool cash = GivesChange(ui.pay_method);

  // The amounts and quick notes scroll when they do not fit; Back (and Clear, side by side
  // when both labels fit) stay below.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::BeginChild("left", ImVec2(left_width, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float inner = ImGui::GetContentRegionAvail().x;
  const bool paid_some = !model.cart().payments().empty();
  const float half = (inner - style.ItemSpacing.x) / 2;
  const bool side_by_side = paid_some && LabelsFit({Tr(lang, Text::kBack), Tr(lang, Text::kClear)}, half);
  const int footer_rows = paid_some && !side_by_side ? 2 : 1;
  const float footer = static_cast<float>(footer_rows) * (TouchHeight() + style.ItemSpacing.y);
  ImGui::BeginChild("amounts", ImVec2(inner, ImGui::GetContentRegionAvail().y - footer), true);
  DrawAmounts(model);
  // A refusal right under the amounts, above the notes: in view without scrolling.
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  if (cash) DrawQuickCash(model, ui, ImGui::GetContentRegionAvail().x);
  DragToScroll();
  ImGui::EndChild();
  const float footer_button = side_by_side ? half : inner;
  if (BigButton(Tr(lang, Text::kBack), ImVec2(footer_button, 0))) model.BackToSell();
  if (paid_some) {
    if (side_by_side) ImGui::SameLine();
    if (BigButton(Tr(lang, Text::kClear), ImVec2(footer_button, 0), ButtonKind::kDanger)) model.ClearPayments();
  }
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("methods", ImVec2(right_width, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;  // as ImGui rounded it
  // One button per method, in a row.
  const float count = static_cast<float>(kPaymentMethodCount);
  const float button_width = (width - (count - 1) * ImGui::GetStyle().ItemSpacing.x) / count;
  for (size_t i = 0; i < kPaymentMethodCount; ++i) {
    const PaymentMethod method = kPaymentMethods[i].method;
    if (i > 0) ImGui::SameLine();
    const std::string label = MethodLabel(lang, method) + "##method";
    if (BigButton(label.c_str(), ImVec2(button_width, 0),
                  ui.pay_method == method ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.pay_method = method;
      ui.cash_digits.clear();
    }
  }
  // Change is given from cash: it takes any amount, with the quick notes and the keypad.
  if (cash) {
    DrawCashKeypad(model, ui, width);
  } else {
    DrawExactMethod(model, ui, ui.pay_method, width);
  }
  ImGui::EndChild();
}

}  // namespace lapak::pos
