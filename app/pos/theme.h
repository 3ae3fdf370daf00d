// Look and fonts for a vendor's thumb in sunlight: a light, high-contrast theme, large text
// from a Debian font package, touch targets of at least kMinTouchTarget pixels.
#pragma once

#include <imgui.h>

namespace lapak::pos {

inline constexpr float kMinTouchTarget = 48.0f;

// Loaded in this order: `body` is the atlas's first font (ImGui's default), `large` the second.
struct Fonts {
  ImFont* body = nullptr;   // lists, labels, buttons
  ImFont* large = nullptr;  // totals, change due, PAID
};

// Loads DejaVu Sans (fonts-dejavu-core) at `scale` × the base sizes into the current ImGui
// context's atlas, falling back to ImGui's own font when the file is missing.
Fonts LoadFonts(float scale);

// Applies the Lapak theme to the current context at `scale` (1.0 for a 7-inch 800×480 panel).
void ApplyTheme(float scale);

// The scale for a display of `width`×`height` pixels: what fits of the 800×480 layout, never
// below 1. The vendor's text size (settings) multiplies the text on top of it.
inline float DisplayScale(float width, float height) {
  const float fit = width / 800.0f < height / 480.0f ? width / 800.0f : height / 480.0f;
  return fit > 1.0f ? fit : 1.0f;
}

// Colours of the buttons that matter most.
inline const ImVec4 kPayColour{0.09f, 0.50f, 0.22f, 1.0f};      // green, white text
inline const ImVec4 kDangerColour{0.70f, 0.12f, 0.12f, 1.0f};   // red, white text
inline const ImVec4 kWaitColour{0.60f, 0.33f, 0.0f, 1.0f};      // amber-brown, white text
inline const ImVec4 kTileColour{0.84f, 0.90f, 1.0f, 1.0f};      // light blue, black text
inline const ImVec4 kOutlineColour{0.20f, 0.30f, 0.50f, 1.0f};  // every frame's outline

}  // namespace lapak::pos
