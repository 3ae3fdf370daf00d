#include "app/pos/ui_probe.h"

#include <imgui_internal.h>  // the current window's flags

namespace lapak::pos {

void ProbeLastItem(std::string_view label, bool label_fits) {
  auto* probe = static_cast<UiProbe*>(ImGui::GetIO().UserData);
  if (probe == nullptr || !ImGui::IsItemVisible()) return;
  const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
  const bool scrolls_across = (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) != 0 && ImGui::GetScrollMaxX() > 0;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  probe->Record(label, {ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), draw->GetClipRectMin(),
                        draw->GetClipRectMax(), scrolls_across, ImGui::GetScrollMaxY() > 0, label_fits});
}

void ProbeLastText(std::string_view text) {
  if (ImGui::GetIO().UserData != nullptr) ProbeLastItem(std::string(UiProbe::kTextPrefix) + std::string(text));
}

}  // namespace lapak::pos
