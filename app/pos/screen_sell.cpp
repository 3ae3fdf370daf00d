// Sell: categories, product tiles, a custom-amount keypad, the cart with +/-, the total, Pay.
#include <imgui.h>

#include <string>
#include <tuple>
#include <utility>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

static void DrawCategories(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  if (BigButton(Tr(lang, Text::kAll), ImVec2(0, 0), ui.category.empty() ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    ui.category.clear();
    ui.entering_custom = false;
  }
  for (const std::string& category : model.categories()) {
    ImGui::SameLine();
    if (BigButton(category.c_str(), ImVec2(0, 0), ui.category == category ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.category = category;
      ui.entering_custom = false;
    }
  }
}

static void DrawProductTiles(PosModel& model, UiState& ui, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float columns = width > 900 ? 4.0f : 3.0f;
  const ImVec2 tile((width - (columns - 1) * style.ItemSpacing.x - style.ScrollbarSize) / columns,
                    3.4f * ImGui::GetTextLineHeightWithSpacing());
  int shown = 0;
  for (const Product& product : model.products()) {
    if (!ui.category.empty() && product.category != ui.category) continue;
    if (shown++ % static_cast<int>(columns) != 0) ImGui::SameLine();
    const float text_width = tile.x - 2 * style.FramePadding.x;
    const std::string label =
        WrapToWidth(product.name, text_width) + "\n" + FormatMoney(product.price) + "##" + product.sku;
    if (BigButton(label.c_str(), tile)) model.AddToCart(product);
  }
  if (shown++ % static_cast<int>(columns) != 0) ImGui::SameLine();
  const std::string custom =
      WrapToWidth(Tr(model.language(), Text::kCustomAmount), tile.x - 2 * style.FramePadding.x) + "##custom";
  if (BigButton(custom.c_str(), tile)) {
    ui.entering_custom = true;
    ui.custom_digits.clear();
  }
}

static void DrawCustomAmount(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  Result<Money> amount = ParseMoney(ui.custom_digits.empty() ? "0" : ui.custom_digits);
  LargeText(FormatMoney(amount.ok() ? *amount : Money()).c_str());
  const float buttons = TallTouchHeight();
  DigitKeypad(ui.custom_digits, 9, ImVec2(width, ImGui::GetContentRegionAvail().y - buttons - 10), "custom");
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BigButton(Tr(lang, Text::kBack), ImVec2(half, buttons))) ui.entering_custom = false;
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kAdd), ImVec2(half, buttons), ButtonKind::kPay) && amount.ok() &&
      model.AddCustomAmount(*amount)) {
    ui.entering_custom = false;
    ui.custom_digits.clear();
  }
}

// Each line: its name, then - quantity + and the line total. A tap is acted on after the
// loop, which must not see the lines change under it.
static void DrawCart(PosModel& model) {
  const Language lang = model.language();
  const std::vector<SaleLine>& lines = model.cart().lines();
  if (lines.empty()) ImGui::TextDisabled("%s", Tr(lang, Text::kEmptyCart));
  size_t tapped_line = 0;
  int64_t delta = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const SaleLine& line = lines[i];
    ImGui::TextWrapped("%s", line.name.c_str());
    const std::string minus = "-##line" + std::to_string(i);
    const std::string plus = "+##line" + std::to_string(i);
    if (BigButton(minus.c_str(), ImVec2(TouchHeight(), TouchHeight()))) std::tie(tapped_line, delta) = std::pair(i, -1);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%lld", static_cast<long long>(line.quantity));
    ImGui::SameLine();
    if (BigButton(plus.c_str(), ImVec2(TouchHeight(), TouchHeight()))) std::tie(tapped_line, delta) = std::pair(i, +1);
    ImGui::SameLine();
    const std::string total = FormatMoney(line.total);
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(total.c_str()).x);
    ImGui::TextUnformatted(total.c_str());
    ImGui::Separator();
  }
  if (delta != 0) model.ChangeQuantity(tapped_line, delta);
}

void DrawSell(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float cart_width = std::max(avail.x * 0.38f, 280.0f);
  const float left_width = avail.x - cart_width - ImGui::GetStyle().ItemSpacing.x;

  ImGui::BeginGroup();
  DrawCategories(model, ui);
  // Separate windows, so that the keypad never opens scrolled as far as the tiles were.
  ImGui::BeginChild(ui.entering_custom ? "custom" : "products", ImVec2(left_width, 0), false);
  if (ui.entering_custom) {
    DrawCustomAmount(model, ui, left_width - ImGui::GetStyle().ScrollbarSize);
  } else {
    DrawProductTiles(model, ui, left_width);
    DragToScroll();
  }
  ImGui::EndChild();
  ImGui::EndGroup();

  ImGui::SameLine();
  ImGui::BeginGroup();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float pay_height = TallTouchHeight();
  const float footer = ImGui::GetTextLineHeightWithSpacing() + LargeTextHeight() + pay_height + 3 * style.ItemSpacing.y;
  ImGui::BeginChild("cart", ImVec2(cart_width, ImGui::GetContentRegionAvail().y - footer), true);
  DrawCart(model);
  DragToScroll();
  ImGui::EndChild();
  const SaleTotals totals = model.Totals();
  ImGui::Text("%s", Tr(lang, Text::kTotal));
  LargeText(FormatMoney(totals.total).c_str());
  if (BigButton(Tr(lang, Text::kPay), ImVec2(cart_width, pay_height), ButtonKind::kPay) && model.StartPayment()) {
    ui.cash_digits.clear();
  }
  ImGui::EndGroup();
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
}

}  // namespace lapak::pos
