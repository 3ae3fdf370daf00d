#include "tests/ui/headless_ui.h"

#include "app/pos/theme.h"

#include <map>
#include <memory>

namespace lapak::testing {

namespace {

// The fonts of `scale`, built once per process and shared by every HeadlessUi of that scale:
// rasterising them is most of a test's time (the sweep makes hundreds of these).
ImFontAtlas* SharedFontAtlas(float scale) {
  static std::map<float, std::unique_ptr<ImFontAtlas>> atlases;
  std::unique_ptr<ImFontAtlas>& atlas = atlases[scale];
  if (atlas == nullptr) {
    atlas = std::make_unique<ImFontAtlas>();
    ImGuiContext* loader = ImGui::CreateContext(atlas.get());
    pos::LoadFonts(scale);
    atlas->Build();  // glyph metrics only; no GPU and no RGBA texture needed
    ImGui::DestroyContext(loader);
  }
  return atlas.get();
}

}  // namespace

HeadlessUi::HeadlessUi(pos::PosModel& model, ImVec2 display_size)
    : model_(model), context_(nullptr) {
  const float scale = pos::DisplayScale(display_size.x, display_size.y);  // as lapak-pos does
  context_ = ImGui::CreateContext(SharedFontAtlas(scale));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display_size;
  io.DeltaTime = 1.0f / 60.0f;
  io.UserData = &probe_;
  pos::ApplyTheme(scale);
  Frame();
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::Frame() { FrameWithMouse(ImGui::GetIO().MousePos, false); }

void HeadlessUi::Lift() {
  FrameWithMouse(ImVec2(-FLT_MAX, -FLT_MAX), false);
  FrameWithMouse(ImVec2(-FLT_MAX, -FLT_MAX), false);
}

void HeadlessUi::FrameWithMouse(ImVec2 position, bool down) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = position;
  io.MouseDown[0] = down;
  probe_.Clear();
  ImGui::NewFrame();
  pos::DrawFrame(model_, ui_);
  ImGui::Render();
}

bool HeadlessUi::Tap(std::string_view label) {
  ImVec2 centre;
  if (!probe_.Find(label, centre)) return false;
  FrameWithMouse(centre, false);
  FrameWithMouse(centre, true);
  FrameWithMouse(centre, false);
  Lift();
  return true;
}

bool HeadlessUi::DoubleTap(std::string_view label) {
  ImVec2 centre;
  if (!probe_.Find(label, centre)) return false;
  for (int tap = 0; tap < 2; ++tap) {
    FrameWithMouse(centre, false);
    FrameWithMouse(centre, true);
    FrameWithMouse(centre, false);
  }
  Lift();
  return true;
}

bool HeadlessUi::Drag(std::string_view label, float dy) {
  ImVec2 at;
  if (!probe_.Find(label, at)) return false;
  FrameWithMouse(at, false);
  constexpr int kSteps = 8;
  for (int step = 0; step <= kSteps; ++step) {
    FrameWithMouse(ImVec2(at.x, at.y + dy * static_cast<float>(step) / kSteps), true);
  }
  FrameWithMouse(ImVec2(at.x, at.y + dy), false);
  Lift();
  return true;
}

bool HeadlessUi::TypeDigits(std::string_view keypad, std::string_view digits) {
  for (const char digit : digits) {
    if (!Tap(std::string(1, digit) + "##" + std::string(keypad))) return false;
  }
  return true;
}

bool HeadlessUi::Shows(std::string_view label) const {
  ImVec2 ignored;
  return probe_.Find(label, ignored);
}

}  // namespace lapak::testing
