// The status bar: stall, business day, clock, language, log-out, and room for the sync state.
#include <imgui.h>

#include <chrono>
#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"

namespace lapak::pos {

void DrawStatusBar(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s  |  %s %s  |  %s", model.stall().stall_name.c_str(), Tr(lang, Text::kBusinessDay),
              model.BusinessDay().c_str(), model.ClockText().c_str());
  ImGui::SameLine();
  const bool english = lang == Language::kEnglish;
  if (BigButton(english ? "ID##language" : "EN##language", ImVec2(0, 0))) {
    model.SetLanguage(english ? Language::kIndonesian : Language::kEnglish);
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
