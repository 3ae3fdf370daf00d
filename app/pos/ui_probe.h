// Where each widget was drawn in the last frame, by label, for headless UI tests: a test sets
// ImGui::GetIO().UserData to a UiProbe, runs frames, and taps a widget found by its label.
// The application never sets it, and widgets then record nothing.
#pragma once

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lapak::pos {

class UiProbe {
 public:
  void Record(std::string_view label, ImVec2 min, ImVec2 max) {
    widgets_[std::string(label)] = {min, max};
  }
  void Clear() { widgets_.clear(); }

  // The centre of the widget whose full label, or whose visible part (before "##"), is
  // `label`, or, for a `label` "##id", whose label ends so; false when no widget of the last
  // frame has it.
  bool Find(std::string_view label, ImVec2& centre) const {
    for (const auto& [full, rect] : widgets_) {
      const bool by_id = label.substr(0, 2) == "##" && full.size() >= label.size() &&
                         std::string_view(full).substr(full.size() - label.size()) == label;
      if (by_id || full == label || full.substr(0, full.find("##")) == label) {
        centre = ImVec2((rect.min.x + rect.max.x) / 2, (rect.min.y + rect.max.y) / 2);
        return true;
      }
    }
    return false;
  }
  // The labels of the last frame's widgets.
  std::vector<std::string> Labels() const {
    std::vector<std::string> labels;
    for (const auto& [label, rect] : widgets_) labels.push_back(label);
    return labels;
  }
  // The widget's size; zero when absent.
  ImVec2 Size(std::string_view label) const {
    const auto it = widgets_.find(std::string(label));
    return it == widgets_.end() ? ImVec2() : ImVec2(it->second.max.x - it->second.min.x, it->second.max.y - it->second.min.y);
  }

 private:
  struct Rect {
    ImVec2 min;
    ImVec2 max;
  };
  std::map<std::string, Rect, std::less<>> widgets_;
};

// Records the last item under `label` when a probe is installed and the item can be seen (a
// finger cannot tap what is scrolled out of its list).
inline void ProbeLastItem(std::string_view label) {
  if (auto* probe = static_cast<UiProbe*>(ImGui::GetIO().UserData); probe && ImGui::IsItemVisible()) {
    probe->Record(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
}

}  // namespace lapak::pos
