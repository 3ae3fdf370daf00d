#include "app/pos/screens.h"
#include "app/pos/widgets.h"

#include <imgui.h>

namespace lapak::pos {

void DrawFrame(PosModel& model, UiState& ui) {
  model.PollPrints();  // a print that finished since the last frame is said on this one
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::GetIO().FontGlobalScale = model.text_scale();
  ImGui::Begin("lapak", nullptr, kFlags);
  const float status_bar_height = TouchHeight() + 2 * ImGui::GetStyle().ItemSpacing.y;
  const float screen_height = ImGui::GetContentRegionAvail().y - status_bar_height;
  ImGui::BeginChild("screen", ImVec2(0, screen_height), false, ImGuiWindowFlags_NoScrollbar);
  switch (model.screen()) {
    case Screen::kSetup: DrawSetup(model, ui); break;
    case Screen::kLogin: DrawLogin(model, ui); break;
    case Screen::kSell: DrawSell(model, ui); break;
    case Screen::kPay: DrawPay(model, ui); break;
    case Screen::kReceipt: DrawReceipt(model, ui); break;
    case Screen::kHistory: DrawHistory(model, ui); break;
    case Screen::kDay: DrawDay(model, ui); break;
    case Screen::kCatalog: DrawCatalog(model, ui); break;
    case Screen::kSettings: DrawSettings(model, ui); break;
  }
  ImGui::EndChild();
  DrawStatusBar(model, ui);
  ImGui::End();
}

}  // namespace lapak::pos
