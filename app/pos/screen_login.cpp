// Login: the role, the PIN on the keypad, Enter. Two columns so that 800×480 holds it all.
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"

namespace lapak::pos {

void DrawLogin(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left_width = std::max(avail.x * 0.42f, 260.0f);

  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_width);
  LargeText(model.stall().stall_name.c_str());
  ImGui::PopTextWrapPos();
  // The two roles side by side when both labels fit half the column, else one above the other.
  const float half = (left_width - style.ItemSpacing.x) / 2;
  bool side_by_side = true;
  for (const Text role : {Text::kCashier, Text::kOwner}) {
    side_by_side = side_by_side && ImGui::CalcTextSize(Tr(lang, role)).x + 2 * style.FramePadding.x <= half;
  }
  for (const Role role : {Role::kCashier, Role::kOwner}) {
    const char* label = Tr(lang, role == Role::kCashier ? Text::kCashier : Text::kOwner);
    if (role == Role::kOwner && side_by_side) ImGui::SameLine();
    if (BigButton(label, ImVec2(side_by_side ? half : left_width, 0),
                  ui.login_role == role ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.login_role = role;
      ui.pin_digits.clear();
    }
  }
  ImGui::Text("%s", Tr(lang, Text::kEnterPin));
  LargeText(ui.pin_digits.empty() ? "-" : std::string(ui.pin_digits.size(), '*').c_str());
  if (BigButton(Tr(lang, Text::kEnter), ImVec2(left_width, TallTouchHeight()), ButtonKind::kPay)) {
    if (model.Login(ui.login_role, ui.pin_digits)) ui.category.clear();
    ui.pin_digits.clear();
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_width);
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();

  ImGui::SameLine();
  DigitKeypad(ui.pin_digits, 8, ImVec2(avail.x - left_width - style.ItemSpacing.x, avail.y), "pin",
              KeypadEntry::kPin);
}

}  // namespace lapak::pos
