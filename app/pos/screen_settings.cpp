// Settings: language, text size, and the stall's details (set with `lapak init`).
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"

namespace lapak::pos {

void DrawSettings(PosModel& model, UiState& /*ui*/) {
  const Language lang = model.language();
  ImGui::Text("%s", Tr(lang, Text::kLanguage));
  if (BigButton("Bahasa Indonesia##language", ImVec2(0, 0),
                lang == Language::kIndonesian ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    model.SetLanguage(Language::kIndonesian);
  }
  ImGui::SameLine();
  if (BigButton("English##language", ImVec2(0, 0), lang == Language::kEnglish ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    model.SetLanguage(Language::kEnglish);
  }
  ImGui::Text("%s: %d %%", Tr(lang, Text::kTextSize), static_cast<int>(model.text_scale() * 100 + 0.5f));
  if (BigButton("A-##text", ImVec2(0, 0))) model.StepTextScale(-1);
  ImGui::SameLine();
  if (BigButton("A+##text", ImVec2(0, 0))) model.StepTextScale(+1);
  ImGui::Separator();
  const StallInfo& stall = model.stall();
  ImGui::Text("%s: %s (%s)", Tr(lang, Text::kStall), stall.stall_name.c_str(), stall.stall_id.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kTerminal), stall.terminal_id.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kTimeZone), stall.time_zone.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kDayCutoff), stall.day_cutoff.c_str());
}

}  // namespace lapak::pos
