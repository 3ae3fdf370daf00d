// The status bar: navigation, the date and clock, what has not reached the ledger (coloured by
// its state), language, log-out.
#include <imgui.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
#include "app/pos/ui_probe.h"
#include "app/pos/widgets.h"

namespace lapak::pos {

// The screens a logged-in vendor moves between, each one tap away.
static void DrawNavigation(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const Screen screen = model.screen();
  const bool selling = screen == Screen::kSell || screen == Screen::kPay || screen == Screen::kReceipt;
  auto kind = [](bool current) { return current ? ButtonKind::kSelected : ButtonKind::kNormal; };
  if (BigButton(Tr(lang, Text::kSell), ImVec2(0, 0), kind(selling))) model.ShowSell();
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kHistory), ImVec2(0, 0), kind(screen == Screen::kHistory))) {
    ui.selected_receipt.clear();
    model.ShowHistory();
  }
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kDay), ImVec2(0, 0), kind(screen == Screen::kDay))) {
    ui.float_digits.clear();
    ui.confirming_close = false;
    model.ShowDay();
  }
  ImGui::SameLine();
  if (model.role() == Role::kOwner) {  // the catalog is the owner's
    if (BigButton(Tr(lang, Text::kCatalog), ImVec2(0, 0), kind(screen == Screen::kCatalog))) {
      ui.draft.reset();
      ui.field = UiState::Field::kNone;
      model.ShowCatalog();
    }
    ImGui::SameLine();
  }
  if (BigButton("...##settings", ImVec2(0, 0), kind(screen == Screen::kSettings))) model.ShowSettings();
  ImGui::SameLine();
}

// What is unsent, on a colour of its state: green all sent, amber sending, red offline (the
// last attempt failed) — each dark enough for white text at 4.5:1 and more.
static void DrawSyncState(PosModel::SyncState state, const std::string& text) {
  const ImVec4 colour = state == PosModel::SyncState::kSent      ? kPayColour
                        : state == PosModel::SyncState::kOffline ? kDangerColour
                                                                 : kWaitColour;
  const ImVec2 padding(ImGui::GetStyle().FramePadding.x / 2, 0);
  // The line's text is aligned to frame padding (it sits beside buttons).
  const ImVec2 at(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ImGui::GetStyle().FramePadding.y);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - padding.x, at.y - 4),
                                            ImVec2(at.x + size.x + padding.x, at.y + size.y + 4),
                                            ImGui::ColorConvertFloat4ToU32(colour), 4.0f);
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", text.c_str());
  ProbeLastText(text);
}

void DrawStatusBar(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  ImGui::Separator();
  if (model.role()) DrawNavigation(model, ui);
  ImGui::AlignTextToFramePadding();
  // The date and clock, then what is unsent (with the age of the oldest where there is room)
  // in the colour of its state, shortened until they fit beside the log-out button: first the
  // date goes, then the age, then the zone, then the unsent count; the time stays.
  const std::string badge = model.role() ? model.SyncBadge() : std::string();
  const std::string summary = badge.empty() ? "" : model.SyncSummary();
  const std::string date_and_clock = model.DateAndClockText(), clock = model.ClockText(),
                    time = model.TimeOfDayText();
  const std::pair<const std::string*, const std::string*> forms[] = {
      {&date_and_clock, &summary}, {&clock, &summary}, {&clock, &badge}, {&time, &badge}, {&time, nullptr}};
  const float logout = model.role() ? ImGui::CalcTextSize(Tr(lang, Text::kLogout)).x +
                                          4 * ImGui::GetStyle().FramePadding.x
                                    : 0;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  auto width_of = [gap](const std::pair<const std::string*, const std::string*>& form) {
    const bool with_sync = form.second != nullptr && !form.second->empty();
    return ImGui::CalcTextSize(form.first->c_str()).x + gap +
           (with_sync ? ImGui::CalcTextSize(form.second->c_str()).x + 2 * gap : 0);
  };
  const auto* chosen = std::find_if(std::begin(forms), std::end(forms), [&](const auto& form) {
    return width_of(form) + logout <= ImGui::GetContentRegionAvail().x;
  });
  if (chosen == std::end(forms)) chosen = std::prev(std::end(forms));
  ImGui::TextUnformatted(chosen->first->c_str());
  ProbeLastText(*chosen->first);
  if (chosen->second != nullptr && !chosen->second->empty()) {
    ImGui::SameLine(0, 2 * gap);
    DrawSyncState(model.sync_state(), *chosen->second);
  }
  if (!model.role()) {  // on the login screen, the language is one tap away
    ImGui::SameLine();
    const bool english = lang == Language::kEnglish;
    if (BigButton(english ? "ID##language" : "EN##language", ImVec2(0, 0))) {
      model.SetLanguage(english ? Language::kIndonesian : Language::kEnglish);
    }
  }
  if (model.role()) {
    ImGui::SameLine();
    if (BigButton(Tr(lang, Text::kLogout), ImVec2(0, 0))) {
      model.Logout();
      ui = UiState();
    }
  }
}

}  // namespace lapak::pos
