// Touch widgets. Each returns what a screen needs to know (bool: tapped this frame) and keeps
// no state of its own; what is being typed lives in UiState.
#pragma once

#include <imgui.h>

#include <string>

namespace lapak::pos {

enum class ButtonKind { kNormal, kPay, kDanger, kSelected };

// A button at least kMinTouchTarget high and wide; true on the frame it is released. `size`
// as in ImGui::Button: 0 fits the label, a negative value fills the rest of the line. A label
// wider than a given width is wrapped at spaces, and the button grows down to hold it unless
// its height is given too.
bool BigButton(const char* label, ImVec2 size, ButtonKind kind = ButtonKind::kNormal);

// Between two buttons of a row: the next one, fitting its label `next_label`, goes beside the
// last item when it fits in the window's width, else on the next line (a row that wraps like
// words rather than running off the screen at a large text size).
void SameLineIfFits(const char* next_label);

// "OK" at the right end of the current line, which closes the field being typed: as wide as
// its label needs at the text size, and at least two touch targets.
bool TypingOkButton();

// The height BigButton(label, ImVec2(width, 0)) takes: its label wrapped to `width`, at least
// a touch target. For rows of buttons that must stand side by side at one height.
float ButtonHeight(const char* label, float width);

// Heights that grow with the text size and never fall below kMinTouchTarget: an ordinary
// button, and the one that matters most on a screen (Pay, Enter, New sale).
float TouchHeight();
float TallTouchHeight();

// Digits 1-9, 000, 0 and ⌫ in a grid filling `size` (four rows of three, or three rows of four
// when the height is short); edits `digits` (at most `max_digits`).
// `id` keeps two keypads on one screen apart. An amount takes no leading zeros; a PIN does.
enum class KeypadEntry { kAmount, kPin };
void DigitKeypad(std::string& digits, size_t max_digits, ImVec2 size, const char* id,
                 KeypadEntry entry = KeypadEntry::kAmount);

// `text` with line breaks at spaces so that no line is wider than `width` in the current font
// (a word wider than that stays whole): ImGui buttons do not wrap their labels.
std::string WrapToWidth(const std::string& text, float width);

// A letter keyboard filling `size` for text typed on a touchscreen: digits, letters, space,
// '-', '.', '/', ',', ':', ⌫ and a case key "Aa". kWords capitalises the first letter of each word
// (names), kUpper writes capitals (SKUs), kLower small letters (file paths); "Aa" moves
// `letter_case` (kept by the caller) to the next. Edits `text`, at most `max_bytes`.
enum class KeyboardCase { kWords, kUpper, kLower };  // the case key shows "Aa", "ABC", "abc"
void TextKeyboard(std::string& text, size_t max_bytes, ImVec2 size, const char* id, KeyboardCase& letter_case);

// One field of a form: its name, then its value as a button across the rest of the line, or
// up to `right` from its end when negative (labelled "value##field<name>"); true when tapped,
// to give the field the keyboard. A value wraps at spaces; one with a word wider than the
// button (a code) shows "..." and its end.
bool FieldButton(const char* name, const std::string& value, bool selected, float right = -1);

// Text in the large font, or, when that is wider than the rest of the line, in the body font
// wrapped to it (a total of Rp1.000.000.000 in a narrow cart at 140 %): never cut.
void LargeText(const char* text);
// The height of a line of large text, and the height LargeText(text) takes in `width`.
float LargeTextHeight();
float LargeTextHeight(const char* text, float width);

// Scrolls the current child window by dragging a finger, as a phone list does (down, and
// across in a window that scrolls across).
void DragToScroll();

}  // namespace lapak::pos
