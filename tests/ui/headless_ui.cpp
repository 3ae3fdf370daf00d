#include "tests/ui/headless_ui.h"

#include "app/pos/theme.h"

namespace lapak::testing {

HeadlessUi::HeadlessUi(pos::PosModel& model, ImVec2 display_size)
    : model_(model), context_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display_size;
  io.DeltaTime = 1.0f / 60.0f;
  io.UserData = &probe_;
  const float scale = pos::DisplayScale(display_size.x, display_size.y);  // as lapak-pos does
  pos::ApplyTheme(scale);
  pos::LoadFonts(scale);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas; no GPU needed
  Frame();
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::Frame() { FrameWithMouse(ImGui::GetIO().MousePos, false); }

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
  FrameWithMouse(ImVec2(-FLT_MAX, -FLT_MAX), false);  // the finger leaves the screen
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
  FrameWithMouse(ImVec2(-FLT_MAX, -FLT_MAX), false);
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
  FrameWithMouse(ImVec2(-FLT_MAX, -FLT_MAX), false);
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
