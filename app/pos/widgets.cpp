#include "app/pos/widgets.h"

#include <algorithm>
#include <array>

#include "app/pos/theme.h"
#include "app/pos/ui_probe.h"

namespace lapak::pos {

// ImGui's sizes: 0 fits the label, a negative value fills to that far from the edge. Either
// way the result is at least kMinTouchTarget.
static float TouchExtent(float requested, float label, float padding, float available) {
  const float extent = requested == 0 ? label + 2 * padding : requested < 0 ? available + requested : requested;
  return std::max(extent, kMinTouchTarget);
}

bool BigButton(const char* label, ImVec2 size, ButtonKind kind) {
  const ImVec2 text = ImGui::CalcTextSize(label, nullptr, /*hide_text_after_double_hash=*/true);
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  size = ImVec2(TouchExtent(size.x, text.x, padding.x, available.x),
                TouchExtent(size.y, text.y, padding.y, available.y));
  int pushed = 0;
  auto push = [&pushed](ImGuiCol what, ImVec4 colour) {
    ImGui::PushStyleColor(what, colour);
    ++pushed;
  };
  if (kind == ButtonKind::kPay || kind == ButtonKind::kDanger || kind == ButtonKind::kSelected) {
    const ImVec4 colour = kind == ButtonKind::kPay      ? kPayColour
                          : kind == ButtonKind::kDanger ? kDangerColour
                                                        : ImVec4(0.10f, 0.30f, 0.65f, 1.0f);
    push(ImGuiCol_Button, colour);
    push(ImGuiCol_ButtonHovered, colour);
    push(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  }
  const bool tapped = ImGui::Button(label, size);
  ProbeLastItem(label);
  ImGui::PopStyleColor(pushed);
  return tapped;
}

float TouchHeight() { return std::max(ImGui::GetFrameHeight(), kMinTouchTarget); }

float TallTouchHeight() { return 1.4f * TouchHeight(); }

void DigitKeypad(std::string& digits, size_t max_digits, ImVec2 size, const char* id, KeypadEntry entry) {
  static constexpr std::array<const char*, 12> kKeys = {"1", "2", "3", "4",   "5", "6",
                                                        "7", "8", "9", "000", "0", "<"};
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 key((size.x - 2 * style.ItemSpacing.x) / 3, (size.y - 3 * style.ItemSpacing.y) / 4);
  ImGui::PushID(id);
  ImGui::BeginGroup();  // rows start under the first key, wherever the keypad stands
  for (size_t i = 0; i < kKeys.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    const std::string label = std::string(kKeys[i]) + "##" + id;
    if (!BigButton(label.c_str(), key)) continue;
    const std::string_view pressed = kKeys[i];
    if (pressed == "<") {
      if (!digits.empty()) digits.pop_back();
    } else if (entry == KeypadEntry::kPin || !(digits.empty() && pressed[0] == '0')) {
      digits.append(pressed.substr(0, max_digits - std::min(max_digits, digits.size())));
    }
  }
  ImGui::EndGroup();
  ImGui::PopID();
}

std::string WrapToWidth(const std::string& text, float width) {
  std::string wrapped;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
      wrapped += line + "\n";
      line = word;
    } else {
      line = candidate;
    }
    start = end + 1;
  }
  return wrapped + line;
}

static ImFont* LargeFont() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : nullptr;  // theme.h: body first, large second
}

void LargeText(const char* text) {
  ImFont* large = LargeFont();
  if (large) ImGui::PushFont(large);
  ImGui::TextUnformatted(text);
  if (large) ImGui::PopFont();
}

float LargeTextHeight() {
  ImFont* large = LargeFont();
  return large ? large->FontSize : ImGui::GetFontSize();
}

void DragToScroll() {
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
}

}  // namespace lapak::pos
