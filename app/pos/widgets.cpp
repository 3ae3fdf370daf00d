#include "app/pos/widgets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "app/pos/theme.h"
#include "app/pos/ui_probe.h"

namespace lapak::pos {

// ImGui's sizes: 0 fits the label, a negative value fills to that far from the edge. Either
// way the result is at least kMinTouchTarget.
static float TouchExtent(float requested, float label, float padding, float available) {
  const float extent = requested == 0 ? label + 2 * padding : requested < 0 ? available + requested : requested;
  return std::max(extent, kMinTouchTarget);
}

// `label` with its visible part (before "##") wrapped at spaces to `width`.
static std::string WrapLabel(std::string_view label, float width) {
  const size_t id = label.find("##");
  const std::string_view visible = label.substr(0, id);
  return WrapToWidth(std::string(visible), width) + std::string(id == std::string_view::npos ? "" : label.substr(id));
}

void SameLineIfFits(const char* next_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = TouchExtent(0, ImGui::CalcTextSize(next_label, nullptr, true).x, style.FramePadding.x, 0);
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right_edge) ImGui::SameLine();
}

bool BigButton(const char* given_label, ImVec2 size, ButtonKind kind) {
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  // A label wider than a button of given width goes onto more lines (the button grows down
  // when its height is not given).
  std::string wrapped;
  const char* label = given_label;
  if (size.x != 0) {
    const float width = TouchExtent(size.x, 0, padding.x, available.x);
    if (ImGui::CalcTextSize(label, nullptr, true).x > width - 2 * padding.x) {
      wrapped = WrapLabel(label, width - 2 * padding.x);
      label = wrapped.c_str();
    }
  }
  const ImVec2 text = ImGui::CalcTextSize(label, nullptr, /*hide_text_after_double_hash=*/true);
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
  constexpr float kSlack = 0.5f;
  ProbeLastItem(given_label, text.x <= size.x - 2 * padding.x + kSlack && text.y <= size.y + kSlack);
  ImGui::PopStyleColor(pushed);
  return tapped;
}

bool TypingOkButton() {
  const float width = std::max(2 * kMinTouchTarget, ImGui::CalcTextSize("OK").x + 2 * ImGui::GetStyle().FramePadding.x);
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
  return BigButton("OK##typing", ImVec2(width, 0), ButtonKind::kPay);
}

float ButtonHeight(const char* label, float width) {
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const std::string wrapped = WrapLabel(label, width - 2 * padding.x);
  return TouchExtent(0, ImGui::CalcTextSize(wrapped.c_str(), nullptr, true).y, padding.y, 0);
}

float TouchHeight() { return std::max(ImGui::GetFrameHeight(), kMinTouchTarget); }

float TallTouchHeight() { return 1.4f * TouchHeight(); }

void DigitKeypad(std::string& digits, size_t max_digits, ImVec2 size, const char* id, KeypadEntry entry) {
  // Four rows of three as on a phone; three rows of four when four rows of touch targets do
  // not fit the height.
  static constexpr std::array<const char*, 12> kTall = {"1", "2", "3", "4",   "5", "6",
                                                        "7", "8", "9", "000", "0", "<"};
  static constexpr std::array<const char*, 12> kWide = {"1", "2", "3", "000", "4", "5",
                                                        "6", "0",  "7", "8",  "9", "<"};
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool tall = size.y >= 4 * kMinTouchTarget + 3 * style.ItemSpacing.y;
  const std::array<const char*, 12>& kKeys = tall ? kTall : kWide;
  const size_t columns = tall ? 3 : 4;
  const float rows = tall ? 4.0f : 3.0f;
  const float across = static_cast<float>(columns);
  const ImVec2 key((size.x - (across - 1) * style.ItemSpacing.x) / across,
                   (size.y - (rows - 1) * style.ItemSpacing.y) / rows);
  ImGui::PushID(id);
  ImGui::BeginGroup();  // rows start under the first key, wherever the keypad stands
  for (size_t i = 0; i < kKeys.size(); ++i) {
    if (i % columns != 0) ImGui::SameLine();
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

void TextKeyboard(std::string& text, size_t max_bytes, ImVec2 size, const char* id, KeyboardCase& letter_case) {
  // '^' is the case key, drawn as the case it types next: "Aa" (a capital at each word's start),
  // "ABC" or "abc", and tapped round; ' ' the space bar, '<' backspace.
  // ',' and ':' are for enrolment codes and addresses.
  static constexpr std::array<std::string_view, 5> kRows = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-",
                                                            "ZXCVBNM./<", "^,: "};
  const ImGuiStyle& style = ImGui::GetStyle();
  const float key_height = (size.y - 4 * style.ItemSpacing.y) / 5;
  const float key_width = (size.x - 9 * style.ItemSpacing.x) / 10;
  ImGui::PushID(id);
  ImGui::BeginGroup();
  for (const std::string_view row : kRows) {
    for (size_t k = 0; k < row.size(); ++k) {
      if (k > 0) ImGui::SameLine();
      const char key = row[k];
      const bool space = key == ' ';
      const char* case_face = letter_case == KeyboardCase::kWords   ? "Aa"
                              : letter_case == KeyboardCase::kUpper ? "ABC"
                                                                    : "abc";
      const std::string face = space ? "spasi" : key == '^' ? case_face : std::string(1, key);
      const std::string label = face + (key == '^' ? "##case_" : "##") + id;
      // The case key is two keys wide (its face is a word); the space bar, last, takes the rest.
      const float case_width = 2 * key_width + style.ItemSpacing.x;
      const float others = static_cast<float>(row.size() - 2);  // in the last row: besides case and space
      const float width = key == '^' ? case_width
                          : space   ? size.x - case_width - others * (key_width + style.ItemSpacing.x) -
                                          style.ItemSpacing.x
                                    : key_width;
      const bool selected = key == '^' && letter_case != KeyboardCase::kWords;
      if (!BigButton(label.c_str(), ImVec2(width, key_height), selected ? ButtonKind::kSelected : ButtonKind::kNormal)) {
        continue;
      }
      if (key == '^') {
        letter_case = letter_case == KeyboardCase::kWords   ? KeyboardCase::kUpper
                      : letter_case == KeyboardCase::kUpper ? KeyboardCase::kLower
                                                            : KeyboardCase::kWords;
        continue;
      }
      if (key == '<') {
        if (!text.empty()) text.pop_back();
        continue;
      }
      if (text.size() >= max_bytes) continue;
      const bool word_start = text.empty() || text.back() == ' ';
      const bool capital = letter_case == KeyboardCase::kUpper || (letter_case == KeyboardCase::kWords && word_start);
      text.push_back(capital ? key : static_cast<char>(std::tolower(static_cast<unsigned char>(key))));
    }
  }
  ImGui::EndGroup();
  ImGui::PopID();
}

// `value` as it wraps at spaces within `width`; when a word would not fit (a long code has no
// spaces), "..." and as much of its end as fits on one line: where the next key types.
static std::string EndThatFits(const std::string& value, float width) {
  size_t start = 0;
  bool words_fit = true;
  while (start <= value.size() && words_fit) {
    const size_t end = std::min(value.find(' ', start), value.size());
    words_fit = ImGui::CalcTextSize(value.data() + start, value.data() + end).x <= width;
    start = end + 1;
  }
  if (words_fit) return value;
  size_t from = 0;
  while (from < value.size() && ImGui::CalcTextSize(("..." + value.substr(from)).c_str()).x > width) {
    do ++from;
    while (from < value.size() && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80);  // a whole character
  }
  return "..." + value.substr(from);
}

bool FieldButton(const char* name, const std::string& value, bool selected, float right) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(name);
  ImGui::SameLine();  // the values line up at a third of the width, unless a name is longer
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x * 0.32f));
  const float inner = TouchExtent(right, 0, 0, ImGui::GetContentRegionAvail().x) - 2 * ImGui::GetStyle().FramePadding.x;
  const std::string label = (value.empty() ? std::string("...") : EndThatFits(value, inner)) + "##field" + name;
  return BigButton(label.c_str(), ImVec2(right, 0), selected ? ButtonKind::kSelected : ButtonKind::kNormal);
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

static bool FitsInLargeFont(const char* text, float width) {
  ImFont* large = LargeFont();
  if (large) ImGui::PushFont(large);
  const bool fits = ImGui::CalcTextSize(text).x <= width;
  if (large) ImGui::PopFont();
  return fits;
}

void LargeText(const char* text) {
  const float width = ImGui::GetContentRegionAvail().x;
  if (FitsInLargeFont(text, width)) {
    ImFont* large = LargeFont();
    if (large) ImGui::PushFont(large);
    ImGui::TextUnformatted(text);
    if (large) ImGui::PopFont();
  } else {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
  }
  ProbeLastText(text);
}

float LargeTextHeight(const char* text, float width) {
  return FitsInLargeFont(text, width) ? LargeTextHeight() : ImGui::CalcTextSize(text, nullptr, false, width).y;
}

float LargeTextHeight() {
  ImFont* large = LargeFont();
  return large ? large->FontSize * ImGui::GetIO().FontGlobalScale : ImGui::GetFontSize();  // as the text is drawn
}

void DragToScroll() {
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    const ImVec2 delta = ImGui::GetIO().MouseDelta;
    if (ImGui::GetScrollMaxY() > 0) ImGui::SetScrollY(ImGui::GetScrollY() - delta.y);
    if (ImGui::GetScrollMaxX() > 0) ImGui::SetScrollX(ImGui::GetScrollX() - delta.x);
  }
}

}  // namespace lapak::pos
