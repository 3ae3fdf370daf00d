// Drives the terminal's real screens without a window: an ImGui context with the real theme
// and fonts, frames built by DrawFrame, and taps on widgets found by their labels (recorded
// by the widgets through a UiProbe). Nothing is rendered to pixels.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "app/pos/pos_model.h"
#include "app/pos/screens.h"
#include "app/pos/ui_probe.h"

namespace lapak::testing {

class HeadlessUi {
 public:
  HeadlessUi(pos::PosModel& model, ImVec2 display_size);
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // Builds one frame of the current screen.
  void Frame();
  // Taps the widget labelled `label` in the last frame: a frame with the finger on it, one
  // pressed, one released (the tap takes effect there), and one to show the outcome. False
  // when no widget of the last frame has that label.
  [[nodiscard]] bool Tap(std::string_view label);
  // Taps twice on the spot where `label` is, as a thumb that bounces: the second tap lands on
  // whatever the first one put there. False when `label` is not shown.
  [[nodiscard]] bool DoubleTap(std::string_view label);
  // Puts a finger on the widget `label`, slides it `dy` pixels (negative: up) over a few
  // frames and lifts it: scrolls a list without tapping. False when `label` is not shown.
  [[nodiscard]] bool Drag(std::string_view label, float dy);
  // Taps each character of `digits` on the keypad named `keypad` ("pin", "cash", "custom").
  [[nodiscard]] bool TypeDigits(std::string_view keypad, std::string_view digits);
  // Whether the last frame drew a widget labelled `label`.
  bool Shows(std::string_view label) const;

  const pos::UiProbe& probe() const { return probe_; }
  pos::UiState& ui() { return ui_; }

 private:
  void FrameWithMouse(ImVec2 position, bool down);
  // The finger leaves the screen; a second frame lets the layout settle (a window that has
  // come to need a scrollbar gets it a frame later), so that the probe holds what a person sees.
  void Lift();

  pos::PosModel& model_;
  pos::UiState ui_;
  pos::UiProbe probe_;
  ImGuiContext* context_;
};

}  // namespace lapak::testing
