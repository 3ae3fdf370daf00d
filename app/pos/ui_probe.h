// Where each widget was drawn in the last frame, by label, for headless UI tests: a test sets
// ImGui::GetIO().UserData to a UiProbe, runs frames, and taps a widget found by its label.
// The application never sets it, and widgets then record nothing.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lapak::pos {

class UiProbe {
 public:
  // Texts that are not targets (large figures) are recorded too, labelled kTextPrefix + text,
  // so that a cut one is found.
  static constexpr std::string_view kTextPrefix = "text:";
  // How much of a widget must be in view, across and down, for a test to tap it.
  static constexpr float kMinSeenPixels = 24;

  // Where a widget was drawn: its rectangle, the part of the screen its window shows (its
  // clip rectangle), whether that window scrolls across and down (so that a part beyond the
  // clip can be brought into view), and whether its text is drawn whole within it.
  struct Placement {
    ImVec2 min;
    ImVec2 max;
    ImVec2 clip_min;
    ImVec2 clip_max;
    bool scrolls_x = false;
    bool scrolls_y = false;
    bool label_fits = true;
  };

  void Record(std::string_view label, const Placement& placement) { widgets_[std::string(label)] = placement; }
  const std::map<std::string, Placement, std::less<>>& widgets() const { return widgets_; }
  void Clear() { widgets_.clear(); }

  // The centre of what can be seen of the widget (where a finger would tap it) whose full
  // label, or whose visible part (before "##"), is `label`, or, for a `label` "##id", whose
  // label ends so; false when no widget of the last frame has it, or too little of it
  // is in view (kMinSeenPixels).
  bool Find(std::string_view label, ImVec2& centre) const {
    for (const auto& [full, rect] : widgets_) {
      const bool by_id = label.substr(0, 2) == "##" && full.size() >= label.size() &&
                         std::string_view(full).substr(full.size() - label.size()) == label;
      if (by_id || full == label || full.substr(0, full.find("##")) == label) {
        const ImVec2 min(std::max(rect.min.x, rect.clip_min.x), std::max(rect.min.y, rect.clip_min.y));
        const ImVec2 max(std::min(rect.max.x, rect.clip_max.x), std::min(rect.max.y, rect.clip_max.y));
        // A thumb aims at what it sees: not at a widget scrolled (almost) out of view.
        const auto seen = [](float from, float to, float whole) { return to - from >= std::min(whole, kMinSeenPixels); };
        if (!seen(min.x, max.x, rect.max.x - rect.min.x) || !seen(min.y, max.y, rect.max.y - rect.min.y)) return false;
        centre = ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
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
    const auto it = widgets_.find(label);
    return it == widgets_.end() ? ImVec2() : ImVec2(it->second.max.x - it->second.min.x, it->second.max.y - it->second.min.y);
  }
  // Whether the widget `label` (full label) is drawn whole, where a finger can tap all of it:
  // inside what its window shows. False when absent.
  bool Whole(std::string_view label) const {
    const auto it = widgets_.find(label);
    if (it == widgets_.end()) return false;
    const Placement& p = it->second;
    return Inside(p.min.x, p.max.x, p.clip_min.x, p.clip_max.x) && Inside(p.min.y, p.max.y, p.clip_min.y, p.clip_max.y);
  }
  // The last frame's widgets that are cut with no way to see the rest (beyond what their
  // window shows, along a direction it does not scroll), or whose text does not fit.
  std::vector<std::string> Faults() const {
    std::vector<std::string> faults;
    for (const auto& [label, p] : widgets_) {
      const bool cut_across = !p.scrolls_x && !Inside(p.min.x, p.max.x, p.clip_min.x, p.clip_max.x);
      const bool cut_down = !p.scrolls_y && !Inside(p.min.y, p.max.y, p.clip_min.y, p.clip_max.y);
      if (cut_across || cut_down) faults.push_back(label + " (cut off)");
      if (!p.label_fits) faults.push_back(label + " (text cut)");
    }
    return faults;
  }

 private:
  static bool Inside(float min, float max, float clip_min, float clip_max) {
    constexpr float kSlack = 0.5f;  // rounding of pixel positions
    return min >= clip_min - kSlack && max <= clip_max + kSlack;
  }

  std::map<std::string, Placement, std::less<>> widgets_;
};

// Records the last item under `label` when a probe is installed and the item can be seen (a
// finger cannot tap what is scrolled out of its list); `label_fits` as the widget measured it.
// A window scrolls across only when it was made to (ImGuiWindowFlags_HorizontalScrollbar, as
// the category strip): a row merely wider than its window is cut, not scrollable.
void ProbeLastItem(std::string_view label, bool label_fits = true);

// Records the last item, a text that is not a target, as kTextPrefix + `text`.
void ProbeLastText(std::string_view text);

}  // namespace lapak::pos
