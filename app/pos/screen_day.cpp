// Day: the day's figures; open with a float; cash in and out of the drawer during the day
// (kas masuk/keluar); close with the drawer counted note by note, which takes the Z report
// (printed when there is a printer, and again on request).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

// "label ..... value", or the value on a line of its own when both do not fit.
static void Row(const char* label, const std::string& value) {
  const float right = ImGui::GetWindowContentRegionMax().x;
  const float value_width = ImGui::CalcTextSize(value.c_str()).x;
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + value_width <= right) {
    ImGui::SameLine(right - value_width);
  } else {
    ImGui::NewLine();
    ImGui::SetCursorPosX(right - value_width);
  }
  ImGui::TextUnformatted(value.c_str());
}

// With a printer: "Cetak Z" for `z` (a close prints its Z by itself; this prints it again),
// and how the last print went.
static void DrawPrintZ(PosModel& model, const ZReport& z, bool with_status) {
  if (model.printer().empty()) return;
  const std::string label =
      std::string(Tr(model.language(), Text::kPrintZ)) + (with_status ? "##last_z" : "##z" + std::to_string(z.z_number));
  if (BigButton(label.c_str(), ImVec2(0, 0))) model.PrintZ(z);
  if (with_status && !model.print_status().empty()) ImGui::TextWrapped("%s", model.print_status().c_str());
}

static void DrawFigures(PosModel& model) {
  const Language lang = model.language();
  if (const std::optional<ZReport>& z = model.last_z()) {
    LargeText(("Z #" + std::to_string(z->z_number)).c_str());
    Row(Tr(lang, Text::kExpectedCash), FormatMoney(z->expected_cash));
    Row(Tr(lang, Text::kCounted), FormatMoney(z->counted_cash));
    Row(Tr(lang, Text::kOverShort), OverShortText(lang, z->over_short));
    DrawPrintZ(model, *z, true);
    ImGui::Separator();
  }
  if (!model.day_report()) return;
  const DayReport& report = *model.day_report();
  const DayFigures& f = report.figures;
  Row(Tr(lang, Text::kBusinessDay), report.business_day);
  Row(Tr(lang, Text::kSales), std::to_string(f.sales_count));
  Row(Tr(lang, Text::kGross), FormatMoney(f.gross));
  Row(Tr(lang, Text::kVoided), FormatMoney(f.voids));
  Row(Tr(lang, Text::kNet), FormatMoney(f.net));
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    Row(MethodLabel(lang, method.method).c_str(), FormatMoney(f.by_method[method.method]));
  }
  for (const CashMoveRecord& move : report.cash_moves) {
    const bool in = move.move.direction == CashDirection::kIn;
    const std::string amount = in ? FormatMoney(move.move.amount) : FormatMoney(*Money().Minus(move.move.amount));
    Row(Tr(lang, in ? Text::kCashIn : Text::kCashOut), amount);
    ImGui::TextWrapped("  %s", move.move.reason.c_str());
  }
  if (report.open_day) Row(Tr(lang, Text::kExpectedCash), FormatMoney(report.expected_cash_now));
  if (model.z_reports().empty()) return;
  ImGui::Separator();
  ImGui::TextUnformatted(Tr(lang, Text::kEarlierZ));
  for (const ZReport& z : model.z_reports()) {
    ImGui::Text("Z #%lld  %s", static_cast<long long>(z.z_number), z.business_day.c_str());
    Row(Tr(lang, Text::kNet), FormatMoney(z.figures.net));
    Row(Tr(lang, Text::kOverShort), OverShortText(lang, z.over_short));
    DrawPrintZ(model, z, false);
  }
}

static void DrawOpen(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  Result<Money> typed = ParseMoney(ui.float_digits.empty() ? "0" : ui.float_digits);
  ImGui::Text("%s", Tr(lang, Text::kOpeningFloat));
  LargeText(FormatMoney(typed.ok() ? *typed : Money()).c_str());
  const float open_height = TallTouchHeight();
  DigitKeypad(ui.float_digits, 9,
              ImVec2(width, ImGui::GetContentRegionAvail().y - open_height - ImGui::GetStyle().ItemSpacing.y), "float");
  if (BigButton(Tr(lang, Text::kOpenDay), ImVec2(width, open_height), ButtonKind::kPay) && typed.ok() &&
      model.OpenDay(*typed)) {
    ui.float_digits.clear();
  }
}

// Two columns of denominations, each with - count +, in a list that scrolls; below it, always
// in view, the total counted and "Tutup hari".
static void DrawCashCount(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::TextUnformatted(Tr(lang, Text::kCountCash));
  const Result<Money> counted = CashCountTotal(ui.cash_count);
  const std::string counted_text = counted.ok() ? FormatMoney(*counted) : counted.status().message();
  const float footer = ImGui::GetTextLineHeightWithSpacing() + LargeTextHeight(counted_text.c_str(), width) +
                       TouchHeight() + 3 * style.ItemSpacing.y;
  ImGui::BeginChild("count", ImVec2(width, std::max(ImGui::GetContentRegionAvail().y - footer, TouchHeight())), false);
  // Larger notes on the left, smaller ones and coins on the right, each column as wide as its
  // widest label needs; one column when two do not fit.
  const size_t half_rows = (kDenominations.size() + 1) / 2;
  const auto label_width = [](size_t i) { return ImGui::CalcTextSize(FormatMoney(Money::Rupiah(kDenominations[i])).c_str()).x; };
  const float counter = 2 * TouchHeight() + ImGui::CalcTextSize("000").x + 3 * style.ItemSpacing.x;
  const float left_label = label_width(0);                    // the largest note is the widest label
  const float right_label = label_width(half_rows);
  const bool two = left_label + right_label + 2 * counter + style.ItemSpacing.x <= ImGui::GetContentRegionAvail().x;
  const size_t columns = two ? 2 : 1;
  const size_t rows = two ? half_rows : kDenominations.size();
  for (size_t row = 0; row < rows; ++row) {
    for (size_t side = 0; side < columns; ++side) {
      const size_t i = row + side * rows;
      if (i >= kDenominations.size()) continue;
      const float left = side == 0 ? 0 : left_label + counter + style.ItemSpacing.x;
      if (side == 1) ImGui::SameLine(left);
      const std::string note = FormatMoney(Money::Rupiah(kDenominations[i]));
      ImGui::PushID(static_cast<int>(i));
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(note.c_str());
      ImGui::SameLine(left + (side == 0 ? left_label : right_label) + style.ItemSpacing.x);
      if (BigButton(("-##" + note).c_str(), ImVec2(TouchHeight(), TouchHeight())) && ui.cash_count[i] > 0) {
        --ui.cash_count[i];
      }
      ImGui::SameLine();
      ImGui::Text("%3lld", static_cast<long long>(ui.cash_count[i]));
      ImGui::SameLine();
      if (BigButton(("+##" + note).c_str(), ImVec2(TouchHeight(), TouchHeight()))) ++ui.cash_count[i];
      ImGui::PopID();
    }
  }
  DragToScroll();
  ImGui::EndChild();
  ImGui::TextUnformatted(Tr(lang, Text::kCounted));
  LargeText(counted_text.c_str());
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowContentRegionMax().y - TouchHeight()));
  if (BigButton(Tr(lang, Text::kCloseDay), ImVec2(width, TouchHeight()), ButtonKind::kDanger) && counted.ok()) {
    ui.confirming_close = true;
  }
}

// Closing cannot be undone: the count and its difference once more, then "Ya, tutup hari"
// at the top, away from where "Tutup hari" (and, before it, "Buka hari") was tapped, so that
// a bounced double tap cannot close the day.
static void DrawCloseConfirmation(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  ImGui::TextWrapped("%s", Tr(lang, Text::kConfirmCloseDay));
  const Result<Money> counted = CashCountTotal(ui.cash_count);
  if (counted.ok() && model.day_report()) {
    const Money expected = model.day_report()->expected_cash_now;
    Row(Tr(lang, Text::kExpectedCash), FormatMoney(expected));
    Row(Tr(lang, Text::kCounted), FormatMoney(*counted));
    if (const std::optional<Money> difference = counted->Minus(expected)) {
      Row(Tr(lang, Text::kOverShort), OverShortText(lang, *difference));
    }
  }
  const float height = TallTouchHeight();
  if (BigButton(Tr(lang, Text::kYesCloseDay), ImVec2(width, height), ButtonKind::kDanger) &&
      model.CloseDay(ui.cash_count)) {
    ui.cash_count = CashCount{};
    ui.confirming_close = false;
  }
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - height));
  if (BigButton(Tr(lang, Text::kBack), ImVec2(width, height))) ui.confirming_close = false;
}

static void ClearCashMove(UiState& ui) {
  ui.cash_move_step = UiState::CashMoveStep::kNone;
  ui.cash_move_digits.clear();
  ui.cash_move_reason.clear();
}

// Kas masuk/keluar, step by step in the action column: the amount on a keypad, then the
// reason, then the owner's PIN (as a void: whoever holds the till, the owner decides).
static void DrawCashMove(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  const bool in = ui.cash_move_direction == CashDirection::kIn;
  const Result<Money> amount = ParseMoney(ui.cash_move_digits.empty() ? "0" : ui.cash_move_digits);
  const std::string amount_text = FormatMoney(amount.ok() ? *amount : Money());
  const float button = TallTouchHeight();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  // The amount large while it is typed; then, with the reason, on one line above the rest.
  if (ui.cash_move_step == UiState::CashMoveStep::kAmount) {
    ImGui::TextUnformatted(Tr(lang, in ? Text::kCashIn : Text::kCashOut));
    LargeText(amount_text.c_str());
  } else {
    ImGui::TextWrapped("%s %s%s%s", Tr(lang, in ? Text::kCashIn : Text::kCashOut), amount_text.c_str(),
                       ui.cash_move_reason.empty() ? "" : " · ", ui.cash_move_reason.c_str());
  }
  switch (ui.cash_move_step) {
    case UiState::CashMoveStep::kAmount:
      DigitKeypad(ui.cash_move_digits, 9, ImVec2(width, ImGui::GetContentRegionAvail().y - button - spacing),
                  "cashmove");
      if (BigButton(Tr(lang, Text::kNext), ImVec2(width, button), ButtonKind::kPay) && amount.ok() &&
          !amount->is_zero()) {
        ui.cash_move_step = UiState::CashMoveStep::kReason;
      }
      break;
    case UiState::CashMoveStep::kReason: {
      ImGui::TextUnformatted(Tr(lang, Text::kCashMoveReason));
      const std::vector<Text> reasons =
          in ? std::vector<Text>{Text::kReasonMoreChange, Text::kReasonFloatCorrection}
             : std::vector<Text>{Text::kReasonToOwner, Text::kReasonPurchase, Text::kReasonFloatCorrection};
      ImGui::BeginChild("reasons", ImVec2(width, 0), false);  // scrolls when the text is large
      for (const Text reason : reasons) {
        if (BigButton(Tr(lang, reason), ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
          ui.cash_move_reason = Tr(lang, reason);
          ui.owner_pin_digits.clear();
          ui.cash_move_step = UiState::CashMoveStep::kPin;
        }
      }
      DragToScroll();
      ImGui::EndChild();
      break;
    }
    case UiState::CashMoveStep::kPin: {
      ImGui::Text("%s: %s", Tr(lang, Text::kOwnerPin), std::string(ui.owner_pin_digits.size(), '*').c_str());
      DigitKeypad(ui.owner_pin_digits, 8, ImVec2(width, ImGui::GetContentRegionAvail().y - button - spacing),
                  "owner", KeypadEntry::kPin);
      if (BigButton(Tr(lang, in ? Text::kSaveCashIn : Text::kSaveCashOut), ImVec2(width, button),
                    in ? ButtonKind::kPay : ButtonKind::kDanger) &&
          amount.ok()) {
        const bool moved = model.MoveCash(ui.cash_move_direction, *amount, ui.cash_move_reason, ui.owner_pin_digits);
        ui.owner_pin_digits.clear();
        if (moved) ClearCashMove(ui);
      }
      break;
    }
    case UiState::CashMoveStep::kNone: break;
  }
}

// Under the figures while a day is open: Kas masuk and Kas keluar; while one is under way,
// the way back.
static void DrawCashMoveButtons(UiState& ui, Language lang, float width) {
  if (ui.cash_move_step != UiState::CashMoveStep::kNone) {
    if (BigButton(Tr(lang, Text::kBack), ImVec2(width, TouchHeight()))) ClearCashMove(ui);
    return;
  }
  for (const CashDirection direction : {CashDirection::kIn, CashDirection::kOut}) {
    if (BigButton(Tr(lang, direction == CashDirection::kIn ? Text::kCashIn : Text::kCashOut),
                  ImVec2(width, TouchHeight()))) {
      ClearCashMove(ui);
      ui.cash_move_direction = direction;
      ui.cash_move_step = UiState::CashMoveStep::kAmount;
      ui.confirming_close = false;
    }
  }
}

void DrawDay(PosModel& model, UiState& ui) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float figures_width = std::max(avail.x * 0.28f, 220.0f);
  const bool open = model.day_report() && model.day_report()->open_day;
  if (!open) ClearCashMove(ui);
  const int buttons = !open ? 0 : ui.cash_move_step == UiState::CashMoveStep::kNone ? 2 : 1;
  const float buttons_height = static_cast<float>(buttons) * (TouchHeight() + style.ItemSpacing.y);
  ImGui::BeginGroup();
  ImGui::BeginChild("figures", ImVec2(figures_width, std::max(avail.y - buttons_height, TouchHeight())), true);
  DrawFigures(model);
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  DragToScroll();
  ImGui::EndChild();
  if (open) DrawCashMoveButtons(ui, model.language(), figures_width);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginChild("action", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;  // as ImGui rounded it
  if (open && ui.cash_move_step != UiState::CashMoveStep::kNone) {
    DrawCashMove(model, ui, width);
  } else if (open && ui.confirming_close) {
    DrawCloseConfirmation(model, ui, width);
  } else if (open) {
    DrawCashCount(model, ui, width);
  } else {
    DrawOpen(model, ui, width);
  }
  ImGui::EndChild();
}

}  // namespace lapak::pos
