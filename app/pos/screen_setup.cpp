// First run: set the terminal up for a stall (what `lapak init` does), or try the demo stall.
// While a field is being typed, the screen is that field and a keyboard or keypad.
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
#include "app/pos/widgets.h"
#include "core/business_day.h"

namespace lapak::pos {

using Field = UiState::Field;

namespace {

// The text a field edits, and how it is typed.
std::string* FieldText(UiState& ui, Field field) {
  switch (field) {
    case Field::kStallId: return &ui.setup.stall_id;
    case Field::kStallName: return &ui.setup.stall_name;
    case Field::kTerminalId: return &ui.setup.terminal_id;
    case Field::kOwnerPin: return &ui.setup.owner_pin;
    case Field::kCashierPin: return &ui.setup.cashier_pin;
    case Field::kDatabasePath: return &ui.database_path;
    default: return nullptr;
  }
}

void DrawTyping(UiState& ui, const char* name) {
  std::string& text = *FieldText(ui, ui.field);
  const bool pin = ui.field == Field::kOwnerPin || ui.field == Field::kCashierPin;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s_", name, pin ? std::string(text.size(), '*').c_str() : text.c_str());
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 2 * kMinTouchTarget);
  if (BigButton("OK##typing", ImVec2(2 * kMinTouchTarget, 0), ButtonKind::kPay)) ui.field = Field::kNone;
  const ImVec2 size = ImGui::GetContentRegionAvail();
  if (pin) {
    DigitKeypad(text, 8, size, "setup_pin", KeypadEntry::kPin);
  } else {
    TextKeyboard(text, ui.field == Field::kStallName ? kMaxNameBytes : ui.field == Field::kDatabasePath ? 255 : 32,
                 size, "setup", ui.keyboard_case);
  }
}

}  // namespace

void DrawSetup(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const struct {
    Field field;
    Text name;
  } fields[] = {{Field::kStallId, Text::kStallId},       {Field::kStallName, Text::kStallName},
                {Field::kTerminalId, Text::kTerminalId}, {Field::kOwnerPin, Text::kOwnerPin},
                {Field::kCashierPin, Text::kCashierPin}, {Field::kDatabasePath, Text::kDatabase}};
  for (const auto& [field, name] : fields) {
    if (ui.field == field) {
      DrawTyping(ui, Tr(lang, name));
      return;
    }
  }
  LargeText(Tr(lang, Text::kSetUpStall));
  // Two columns of three rows: the stall on the left, PINs and time zone on the right.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float column = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) / 2;
  const float rows_height = 3 * (TouchHeight() + style.ItemSpacing.y);
  for (size_t i = 0; i < 5; ++i) {  // the stall's five fields; the database path comes last
    if (i == 0 || i == 3) {
      if (i == 3) {
        ImGui::EndChild();
        ImGui::SameLine();
      }
      ImGui::BeginChild(i == 0 ? "setup_stall" : "setup_pins", ImVec2(column, rows_height), false,
                        ImGuiWindowFlags_NoScrollbar);
    }
    const std::string& text = *FieldText(ui, fields[i].field);
    const bool pin = fields[i].field == Field::kOwnerPin || fields[i].field == Field::kCashierPin;
    if (FieldButton(Tr(lang, fields[i].name), pin ? std::string(text.size(), '*') : text, false)) {
      ui.field = fields[i].field;
      ui.keyboard_case = ui.field == Field::kStallName ? KeyboardCase::kWords : KeyboardCase::kUpper;
    }
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr(lang, Text::kTimeZone));
  for (const IndonesianZone& zone : kIndonesianZones) {
    ImGui::SameLine();
    const bool chosen = ui.setup.time_zone == zone.iana;
    if (BigButton(std::string(zone.abbreviation).c_str(), ImVec2(0, 0), chosen ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.setup.time_zone = zone.iana;
    }
  }
  ImGui::EndChild();
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BigButton(Tr(lang, Text::kTryDemo), ImVec2(half, 0))) model.SetUpDemo();
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kSetUpStall), ImVec2(half, 0), ButtonKind::kPay) && model.SetUp(ui.setup)) {
    ui.setup = StallSetup();  // the PINs do not stay in memory
  }
  // A terminal moved to another database (a copy from the old terminal, say).
  const float open_width = ImGui::CalcTextSize(Tr(lang, Text::kOpen)).x + 2 * style.FramePadding.x;
  if (FieldButton(Tr(lang, Text::kDatabase), ui.database_path, false, -(open_width + style.ItemSpacing.x))) {
    ui.field = Field::kDatabasePath;
    ui.keyboard_case = KeyboardCase::kLower;
  }
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kOpen), ImVec2(open_width, 0)) && model.OpenDatabase(ui.database_path)) {
    ui.database_path.clear();
  }
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
}

}  // namespace lapak::pos
