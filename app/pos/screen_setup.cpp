// First run: set the terminal up for a stall (what `lapak init` does), or try the demo stall.
// While a field is being typed, the screen is that field and a keyboard or keypad; a PIN is
// typed twice, and kept only when both agree. The day's cut-off is chosen among the usual
// hours by tapping it.
#include <imgui.h>

#include <iterator>
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

// The cut-offs offered: a business day ends at one of these hours (local time).
constexpr const char* kCutoffs[] = {"00:00", "02:00", "03:00", "04:00", "05:00", "06:00"};

// The cut-off after `cutoff` in kCutoffs, round again after the last.
std::string NextCutoff(const std::string& cutoff) {
  constexpr size_t kCount = std::size(kCutoffs);
  for (size_t i = 0; i < kCount; ++i) {
    if (cutoff == kCutoffs[i]) return kCutoffs[(i + 1) % kCount];
  }
  return kCutoffs[0];
}

// A PIN: typed, then typed again; kept in the draft only when both agree.
void DrawPinTyping(PosModel& model, UiState& ui, const char* name) {
  std::string& typing = ui.repeating_pin ? ui.pin_again : ui.pin_typed;
  const std::string label = ui.repeating_pin ? std::string(Tr(model.language(), Text::kRepeatPin)) + " " + name : name;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s_", label.c_str(), std::string(typing.size(), '*').c_str());
  if (TypingOkButton()) {
    if (!ui.repeating_pin && !ui.pin_typed.empty()) {
      ui.repeating_pin = true;
      ui.pin_again.clear();
    } else if (!ui.repeating_pin || model.ConfirmPin(ui.pin_typed, ui.pin_again)) {
      if (ui.repeating_pin) *FieldText(ui, ui.field) = ui.pin_typed;
      ui.field = Field::kNone;
      ui.repeating_pin = false;
      ui.pin_typed.clear();
      ui.pin_again.clear();
    } else {  // they differ: from the start
      ui.repeating_pin = false;
      ui.pin_typed.clear();
      ui.pin_again.clear();
    }
  }
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  DigitKeypad(typing, 8, ImGui::GetContentRegionAvail(), "setup_pin", KeypadEntry::kPin);
}

void DrawTyping(PosModel& model, UiState& ui, const char* name) {
  if (ui.field == Field::kOwnerPin || ui.field == Field::kCashierPin) {
    DrawPinTyping(model, ui, name);
    return;
  }
  std::string& text = *FieldText(ui, ui.field);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s_", name, text.c_str());
  if (TypingOkButton()) ui.field = Field::kNone;
  TextKeyboard(text, ui.field == Field::kStallName ? kMaxNameBytes : ui.field == Field::kDatabasePath ? 255 : 32,
               ImGui::GetContentRegionAvail(), "setup", ui.keyboard_case);
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
      DrawTyping(model, ui, Tr(lang, name));
      return;
    }
  }
  // The form scrolls when it does not fit (a small screen at large text); a refusal shows at
  // its top, in view.
  ImGui::BeginChild("setup_form", ImVec2(0, 0), false);
  LargeText(Tr(lang, Text::kSetUpStall));
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  // Two columns: the stall on the left; PINs, time zone and cut-off on the right.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float column = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) / 2;
  const float rows_height = 5 * (TouchHeight() + style.ItemSpacing.y);  // the zones may take two
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
      ui.repeating_pin = false;
      ui.pin_typed.clear();
      ui.pin_again.clear();
    }
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr(lang, Text::kTimeZone));
  // The three zones beside their label, or on the next line when they do not fit there.
  float zones_width = 0;
  for (const IndonesianZone& zone : kIndonesianZones) {
    zones_width += ImGui::CalcTextSize(std::string(zone.abbreviation).c_str()).x + 2 * style.FramePadding.x +
                   style.ItemSpacing.x;
  }
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + zones_width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
  bool first_zone = true;
  for (const IndonesianZone& zone : kIndonesianZones) {
    if (!first_zone) ImGui::SameLine();
    first_zone = false;
    const bool chosen = ui.setup.time_zone == zone.iana;
    if (BigButton(std::string(zone.abbreviation).c_str(), ImVec2(0, 0), chosen ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.setup.time_zone = zone.iana;
    }
  }
  if (FieldButton(Tr(lang, Text::kDayCutoff), ui.setup.day_cutoff, false)) ui.setup.day_cutoff = NextCutoff(ui.setup.day_cutoff);
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
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace lapak::pos
