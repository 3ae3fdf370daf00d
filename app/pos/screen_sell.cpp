// Sell: categories, product tiles, a custom-amount keypad, the cart with +/-, the total, Pay.
//
// Layout (issue 12): the cart column on the right has a fixed width and always shows the
// total and Pay whole, whatever the catalog (or, for a day left open past the cut-off, the
// way to close it); the left column holds a strip of categories that
// scrolls sideways (any number of them, each label on at most two lines) over the tiles,
// which scroll down. A tile is as tall as its row's longest name needs: names are never cut.
#include <fmt/core.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
#include "app/pos/ui_probe.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

// One row of category buttons in a strip that a finger drags sideways.
static void DrawCategories(PosModel& model, UiState& ui, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // A label longer than a third of the strip goes on two lines of about half its length.
  const float one_line = width / 3;
  std::vector<std::pair<std::string, std::string>> buttons{{"", Tr(model.language(), Text::kAll)}};
  for (const std::string& category : model.categories()) buttons.emplace_back(category, category);
  float label_height = ImGui::GetTextLineHeight();
  for (auto& [category, label] : buttons) {
    const float text_width = ImGui::CalcTextSize(label.c_str()).x;
    if (text_width > one_line) label = WrapToWidth(label, text_width / 2 + ImGui::GetFontSize());
    label_height = std::max(label_height, ImGui::CalcTextSize(label.c_str()).y);
  }
  const float button_height = std::max(TouchHeight(), label_height + 2 * style.FramePadding.y);
  ImGui::BeginChild("categories", ImVec2(width, button_height + style.ScrollbarSize + style.ItemSpacing.y), false,
                    ImGuiWindowFlags_HorizontalScrollbar);
  for (size_t i = 0; i < buttons.size(); ++i) {
    const auto& [category, label] = buttons[i];
    if (i > 0) ImGui::SameLine();
    const std::string id = label + "##category" + category;
    if (BigButton(id.c_str(), ImVec2(0, button_height),
                  ui.category == category ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.category = category;
      ui.entering_custom = false;
      ui.entering_discount = false;
    }
  }
  DragToScroll();
  ImGui::EndChild();
}

// The tiles of the category shown, and the custom amount last, `columns` to a row, each row
// as tall as its longest label.
static void DrawProductTiles(PosModel& model, UiState& ui, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // A tile holds its price on one line: as wide as the widest price shown, and at least
  // 6 characters.
  float widest_price = 0;
  for (const Product& product : model.products()) {
    if (ui.category.empty() || product.category == ui.category) {
      widest_price = std::max(widest_price, ImGui::CalcTextSize(FormatMoney(product.price).c_str()).x);
    }
  }
  const float min_tile_width = std::max(6.0f * ImGui::GetFontSize(), widest_price + 2 * style.FramePadding.x);
  const int columns =
      std::clamp(static_cast<int>((width + style.ItemSpacing.x) / (min_tile_width + style.ItemSpacing.x)), 1, 5);
  const float tile_width = (width - static_cast<float>(columns - 1) * style.ItemSpacing.x) / static_cast<float>(columns);
  const float text_width = tile_width - 2 * style.FramePadding.x;
  const float min_height = 3.4f * ImGui::GetTextLineHeightWithSpacing();

  struct Tile {
    std::string label;
    const Product* product;  // null: the custom amount
  };
  std::vector<Tile> tiles;
  for (const Product& product : model.products()) {
    if (!ui.category.empty() && product.category != ui.category) continue;
    tiles.push_back({WrapToWidth(product.name, text_width) + "\n" + WrapToWidth(FormatMoney(product.price), text_width) +
                         "##" + product.sku,
                     &product});
  }
  tiles.push_back({WrapToWidth(Tr(model.language(), Text::kCustomAmount), text_width) + "##custom", nullptr});

  for (size_t row = 0; row < tiles.size(); row += static_cast<size_t>(columns)) {
    const size_t end = std::min(tiles.size(), row + static_cast<size_t>(columns));
    float height = min_height;
    for (size_t i = row; i < end; ++i) {
      height = std::max(height, ImGui::CalcTextSize(tiles[i].label.c_str(), nullptr, true).y + 2 * style.FramePadding.y);
    }
    for (size_t i = row; i < end; ++i) {
      if (i > row) ImGui::SameLine();
      if (!BigButton(tiles[i].label.c_str(), ImVec2(tile_width, height))) continue;
      if (tiles[i].product) {
        model.AddToCart(*tiles[i].product);
      } else {
        ui.entering_custom = true;
        ui.custom_digits.clear();
      }
    }
  }
}

static void DrawCustomAmount(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  Result<Money> amount = ParseMoney(ui.custom_digits.empty() ? "0" : ui.custom_digits);
  LargeText(FormatMoney(amount.ok() ? *amount : Money()).c_str());
  const float buttons = TallTouchHeight();
  const ImGuiStyle& style = ImGui::GetStyle();
  DigitKeypad(ui.custom_digits, 9, ImVec2(width, ImGui::GetContentRegionAvail().y - buttons - style.ItemSpacing.y),
              "custom");
  const float half = (width - style.ItemSpacing.x) / 2;
  if (BigButton(Tr(lang, Text::kBack), ImVec2(half, buttons))) ui.entering_custom = false;
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kAdd), ImVec2(half, buttons), ButtonKind::kPay) && amount.ok() &&
      model.AddCustomAmount(*amount)) {
    ui.entering_custom = false;
    ui.custom_digits.clear();
  }
}

// The discount: digits on a keypad, then "Diskon 10%" or "Diskon Rp10": the same digits read
// as a percent and as rupiah, both on their buttons (which show what was typed), so the
// vendor taps what was meant. It takes the whole left column, categories' strip included.
static void DrawDiscount(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  const int64_t typed = ui.discount_digits.empty() ? 0 : std::stoll(ui.discount_digits);  // at most 9 digits
  const float half = (width - style.ItemSpacing.x) / 2;
  const std::string discount = Tr(lang, Text::kDiscount);
  const std::string as_percent = discount + " " + std::to_string(typed) + "%##percent";
  const std::string as_rupiah = discount + " " + FormatMoney(Money::Rupiah(typed)) + "##rupiah";
  const float apply_row = std::max(ButtonHeight(as_percent.c_str(), half), ButtonHeight(as_rupiah.c_str(), half));
  const float other_row =
      std::max(ButtonHeight(Tr(lang, Text::kBack), half), ButtonHeight(Tr(lang, Text::kNoDiscount), half));
  DigitKeypad(ui.discount_digits, 9,
              ImVec2(width, ImGui::GetContentRegionAvail().y - apply_row - other_row - 2 * style.ItemSpacing.y),
              "discount");
  // Above 100 % the cart refuses it; capped first so that the basis points stay in range.
  const Discount percent = Discount::Percent(static_cast<int32_t>(std::min<int64_t>(typed, 101) * 100));
  const Discount rupiah = Discount::Amount(Money::Rupiah(typed));
  bool done = false;
  if (BigButton(as_percent.c_str(), ImVec2(half, apply_row), ButtonKind::kPay)) {
    done = typed > 0 && model.SetDiscount(percent);
  }
  ImGui::SameLine();
  if (BigButton(as_rupiah.c_str(), ImVec2(half, apply_row), ButtonKind::kPay)) {
    done = typed > 0 && model.SetDiscount(rupiah);
  }
  if (BigButton(Tr(lang, Text::kBack), ImVec2(half, other_row))) ui.entering_discount = false;
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kNoDiscount), ImVec2(half, other_row))) done = model.SetDiscount(Discount::None());
  if (done) {
    ui.entering_discount = false;
    ui.discount_digits.clear();
  }
}

// With the cart empty, the business day so far: sales, items sold and net.
static void DrawDayGlance(const PosModel& model) {
  const PosModel::DayGlance& glance = model.day_glance();
  if (glance.business_day != model.BusinessDay()) return;
  const Language lang = model.language();
  ImGui::Separator();
  ImGui::TextUnformatted(Tr(lang, Text::kToday));
  for (const std::string& line : {fmt::format("{}: {}", Tr(lang, Text::kSales), glance.sales),
                                  fmt::format("{}: {}", Tr(lang, Text::kItemsSold), glance.items),
                                  fmt::format("{}: {}", Tr(lang, Text::kNet), FormatMoney(glance.net))}) {
    ImGui::TextWrapped("%s", line.c_str());
    ProbeLastText(line);
  }
}

// Clearing the cart cannot be undone: asked at the top of the cart, away from where
// "Kosongkan" was tapped, so that a bounced tap does not empty it.
static void DrawClearConfirmation(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(Tr(lang, Text::kConfirmClearCart));
  ImGui::PopTextWrapPos();
  if (BigButton(Tr(lang, Text::kYesClearCart), ImVec2(width, TallTouchHeight()), ButtonKind::kDanger)) {
    model.ClearCart();
    ui.confirming_clear = false;
  }
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowContentRegionMax().y - TallTouchHeight()));
  if (BigButton(Tr(lang, Text::kBack), ImVec2(width, TallTouchHeight()))) ui.confirming_clear = false;
}

// Each line: its name, then - quantity + and the line total (on a line of its own when the
// row has no room for it). A tap is acted on after the loop, which must not see the lines
// change under it. A line just added is scrolled into view.
static void DrawCart(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const std::vector<SaleLine>& lines = model.cart().lines();
  if (lines.empty()) {
    ImGui::TextWrapped("%s", Tr(lang, Text::kEmptyCart));
    DrawDayGlance(model);
  }
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
    const std::string total = FormatMoney(line.total);
    const float total_width = ImGui::CalcTextSize(total.c_str()).x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + total_width > right) ImGui::NewLine();
    ImGui::SetCursorPosX(right - total_width);
    ImGui::TextUnformatted(total.c_str());
    ImGui::Separator();
  }
  if (lines.size() > ui.cart_lines_shown) ImGui::SetScrollHereY(1.0f);
  ui.cart_lines_shown = lines.size();
  if (delta != 0) model.ChangeQuantity(tapped_line, delta);
}

// The cart, then Diskon and Kosongkan, the discount, the total, any refusal and Pay, which
// always stay in view below it.
static void DrawCartColumn(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  const ImGuiStyle& style = ImGui::GetStyle();
  const SaleTotals totals = model.Totals();
  const std::string total = FormatMoney(totals.total);
  const float pay_height = TallTouchHeight();
  const std::string& message = model.message();
  const float message_height =
      message.empty() ? 0 : ImGui::CalcTextSize(message.c_str(), nullptr, false, width).y + style.ItemSpacing.y;
  const bool has_lines = !model.cart().lines().empty();
  if (ui.confirming_clear && has_lines) {
    DrawClearConfirmation(model, ui, width);
    return;
  }
  const std::string discount =
      totals.discount.is_zero() ? "" : std::string(Tr(lang, Text::kDiscount)) + " " + FormatMoney(*Money().Minus(totals.discount));
  const float tools_height = has_lines ? TouchHeight() + style.ItemSpacing.y : 0;
  const float discount_height = discount.empty() ? 0 : ImGui::GetTextLineHeightWithSpacing();
  const float footer = tools_height + discount_height + ImGui::GetTextLineHeightWithSpacing() +
                       LargeTextHeight(total.c_str(), width) + message_height + pay_height + 3 * style.ItemSpacing.y;
  // Its scrollbar always there: one appearing would re-wrap the names under a scroll just set.
  ImGui::BeginChild("cart", ImVec2(width, std::max(ImGui::GetContentRegionAvail().y - footer, TouchHeight())), true,
                    ImGuiWindowFlags_AlwaysVerticalScrollbar);
  DrawCart(model, ui);
  DragToScroll();
  ImGui::EndChild();
  if (has_lines) {
    const float half = (width - style.ItemSpacing.x) / 2;
    if (BigButton(Tr(lang, Text::kDiscount), ImVec2(half, TouchHeight()), ui.entering_discount ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      ui.entering_discount = !ui.entering_discount;
      ui.entering_custom = false;
    }
    ImGui::SameLine();
    if (BigButton(Tr(lang, Text::kClearCart), ImVec2(half, TouchHeight()))) ui.confirming_clear = true;
  }
  if (!discount.empty()) {
    ImGui::TextUnformatted(discount.c_str());
    ProbeLastText(discount);
  }
  ImGui::TextUnformatted(Tr(lang, Text::kTotal));
  LargeText(total.c_str());
  if (!message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowContentRegionMax().y - pay_height));
  if (BigButton(Tr(lang, Text::kPay), ImVec2(width, pay_height), ButtonKind::kPay) && model.StartPayment()) {
    ui.cash_digits.clear();  // the pay screen opens with nothing typed
  }
}

// A day left open past the cut-off: nothing can be sold today until it is closed, so the cart
// column says so and goes to the day screen instead.
static void DrawDayLeftOpen(PosModel& model, UiState& ui, const std::string& day, float width) {
  const Language lang = model.language();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  LargeText((std::string(Tr(lang, Text::kBusinessDay)) + " " + day + " " + Tr(lang, Text::kNotClosedYet)).c_str());
  ImGui::TextUnformatted(Tr(lang, Text::kCloseBeforeSelling));
  ImGui::PopTextWrapPos();
  const std::string close = std::string(Tr(lang, Text::kCloseDay)) + " " + day;
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowContentRegionMax().y - TallTouchHeight()));
  if (BigButton(close.c_str(), ImVec2(width, TallTouchHeight()), ButtonKind::kDanger)) {
    ui.confirming_close = false;
    model.ShowDay();
  }
}

void DrawSell(PosModel& model, UiState& ui) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImGuiStyle& style = ImGui::GetStyle();
  // The cart needs room for a name, - 1 + and a line total at any text size.
  const float cart_width = std::min(std::max(avail.x * 0.38f, 14 * ImGui::GetFontSize()), avail.x * 0.5f);
  const float left_width = avail.x - cart_width - style.ItemSpacing.x;

  // Inside each child its own width, as ImGui rounded it.
  ImGui::BeginChild("left", ImVec2(left_width, 0), false, ImGuiWindowFlags_NoScrollbar);
  const bool discounting = ui.entering_discount && !model.cart().lines().empty();
  if (!discounting) DrawCategories(model, ui, ImGui::GetContentRegionAvail().x);
  // Separate windows, so that the keypad never opens scrolled as far as the tiles were.
  ImGui::BeginChild(discounting ? "discount" : ui.entering_custom ? "custom" : "products", ImVec2(0, 0), false);
  if (discounting) {
    DrawDiscount(model, ui, ImGui::GetContentRegionAvail().x);
  } else if (ui.entering_custom) {
    DrawCustomAmount(model, ui, ImGui::GetContentRegionAvail().x);
  } else {
    DrawProductTiles(model, ui, ImGui::GetContentRegionAvail().x);
    DragToScroll();
  }
  ImGui::EndChild();
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("right", ImVec2(cart_width, 0), false, ImGuiWindowFlags_NoScrollbar);
  if (const std::string left_open = model.DayLeftOpen(); !left_open.empty()) {
    DrawDayLeftOpen(model, ui, left_open, ImGui::GetContentRegionAvail().x);
  } else {
    DrawCartColumn(model, ui, ImGui::GetContentRegionAvail().x);
  }
  ImGui::EndChild();
}

}  // namespace lapak::pos
