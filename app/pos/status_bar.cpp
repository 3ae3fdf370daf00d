// The status bar: navigation, business day, clock, what has not reached the ledger, language,
// log-out.
#include <imgui.h>

#include <chrono>
#include <string>

#include "app/pos/screens.h"
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

void DrawStatusBar(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  ImGui::Separator();
  if (model.role()) DrawNavigation(model, ui);
  ImGui::AlignTextToFramePadding();
  // The day, the clock and what is unsent (with the age of the oldest where there is room),
  // shortened until they fit beside the log-out button.
  const std::string badge = model.role() ? model.SyncBadge() : std::string();
  const std::string short_sync = badge.empty() ? "" : "  | " + badge;
  const std::string long_sync = badge.empty() ? "" : "  | " + model.SyncSummary();
  const std::string day_and_clock = model.BusinessDay() + "  " + model.ClockText();
  const std::string forms[] = {day_and_clock + long_sync, day_and_clock + short_sync,
                               model.ClockText() + short_sync, model.ClockText()};
  const float logout = model.role() ? ImGui::CalcTextSize(Tr(lang, Text::kLogout)).x +
                                          4 * ImGui::GetStyle().FramePadding.x
                                    : 0;
  const std::string* shown = &forms[3];
  for (const std::string& form : forms) {
    if (ImGui::CalcTextSize(form.c_str()).x + logout <= ImGui::GetContentRegionAvail().x) {
      shown = &form;
      break;
    }
  }
  ImGui::TextUnformatted(shown->c_str());
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
