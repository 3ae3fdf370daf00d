#include "app/pos/theme.h"

#include <unistd.h>

namespace lapak::pos {

namespace {

// Latin-1 (Bahasa Indonesia, "Rp", the '×' of product names), general punctuation (… – ’ •),
// arrows and mathematical operators (≠ ≤ ≥): every text the terminal shows (a test checks the
// translation table and every refusal). Pairs of first and last code point, then 0.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};

constexpr float kBodyPixels = 22.0f;
constexpr float kLargePixels = 40.0f;
constexpr const char* kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

ImFont* LoadFont(const char* path, float pixels) {
  ImGuiIO& io = ImGui::GetIO();
  if (::access(path, R_OK) == 0) {
    if (ImFont* font = io.Fonts->AddFontFromFileTTF(path, pixels, nullptr, kGlyphRanges)) return font;
  }
  ImFontConfig config;
  config.SizePixels = pixels;
  return io.Fonts->AddFontDefault(&config);
}

}  // namespace

Fonts LoadFonts(float scale) {
  Fonts fonts;
  fonts.body = LoadFont(kRegularFont, kBodyPixels * scale);
  fonts.large = LoadFont(kBoldFont, kLargePixels * scale);
  return fonts;
}

void ApplyTheme(float scale) {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(14, 12);
  style.ItemSpacing = ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 8);
  style.TouchExtraPadding = ImVec2(4, 4);
  style.ScrollbarSize = 28;
  style.GrabMinSize = 28;
  style.FrameRounding = 8;
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = 8;
  // Every button's outline, dark against the light fills and backgrounds: ≥ 3:1 against what
  // surrounds it in sunlight (the light blue fill alone was 1.13:1 on grey).
  style.FrameBorderSize = 2;
  style.ScaleAllSizes(scale);

  ImVec4* colours = style.Colors;
  colours[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
  colours[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  colours[ImGuiCol_ChildBg] = ImVec4(0.95f, 0.95f, 0.95f, 1);
  colours[ImGuiCol_Border] = kOutlineColour;
  colours[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  colours[ImGuiCol_Button] = kTileColour;
  colours[ImGuiCol_ButtonHovered] = kTileColour;  // no hover on a touchscreen
  colours[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.70f, 0.95f, 1);
  colours[ImGuiCol_Separator] = ImVec4(0.3f, 0.3f, 0.3f, 1);
}

}  // namespace lapak::pos
