// The status bar: navigation, the date and clock, what has not reached the ledger (coloured by
// its state), language, log-out.
#include <imgui.h>

#include <chrono>
#include <string>
#include <tuple>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
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
}

void DrawStatusBar(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  ImGui::Separator();
  if (model.role()) DrawNavigation(model, ui);
  ImGui::AlignTextToFramePadding();
  // The date and clock, then what is unsent (with the age of the oldest where there is room)
  // in the colour of its state, shortened until they fit beside the log-out button.
  const std::string badge = model.role() ? model.SyncBadge() : std::string();
  const std::string clock_forms[] = {model.DateAndClockText(), model.ClockText()};
  const std::string sync_forms[] = {badge.empty() ? "" : model.SyncSummary(), badge};
  const float logout = model.role() ? ImGui::CalcTextSize(Tr(lang, Text::kLogout)).x +
                                          4 * ImGui::GetStyle().FramePadding.x
                                    : 0;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const std::string* clock = &clock_forms[1];
  const std::string* sync = &sync_forms[1];
  bool fits = false;
  for (const std::string& sync_form : sync_forms) {
    for (const std::string& clock_form : clock_forms) {
      const float width = ImGui::CalcTextSize(clock_form.c_str()).x + gap +
                          (sync_form.empty() ? 0 : ImGui::CalcTextSize(sync_form.c_str()).x + 2 * gap);
      if (!fits && width + logout <= ImGui::GetContentRegionAvail().x) {
        std::tie(clock, sync, fits) = std::tuple(&clock_form, &sync_form, true);
      }
    }
  }
  ImGui::TextUnformatted(clock->c_str());
  if (!sync->empty() && (fits || ImGui::CalcTextSize(sync->c_str()).x + logout <= ImGui::GetContentRegionAvail().x)) {
    ImGui::SameLine(0, 2 * gap);
    DrawSyncState(model.sync_state(), *sync);
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
