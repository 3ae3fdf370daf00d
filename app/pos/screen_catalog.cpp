// Catalog (the owner's): the products, on sale or not; add or edit one with the on-screen
// keyboard; take one off sale; import a CSV file. While a field is being typed, the screen is
// that field and a keyboard as wide as the screen.
#include <imgui.h>

#include <string>

#include "app/pos/screens.h"
#include "app/pos/theme.h"
#include "app/pos/widgets.h"
#include "core/money.h"

namespace lapak::pos {

using Field = UiState::Field;

static void StartEditing(UiState& ui, const Product& product, bool is_new) {
  ui.draft = product;
  ui.draft_is_new = is_new;
  ui.field = Field::kNone;
  ui.price_digits = is_new ? std::string() : std::to_string(product.price.rupiah());
}

static void DrawProductList(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  if (BigButton(Tr(lang, Text::kNewProduct), ImVec2(-1, 0), ButtonKind::kPay)) {
    StartEditing(ui, Product{"", "", model.categories().empty() ? "" : model.categories()[0], Money(), true}, true);
  }
  for (const Product& product : model.catalog()) {
    const std::string label = product.name + "  " + FormatMoney(product.price) +
                              (product.active ? "" : std::string("  (") + Tr(lang, Text::kInactive) + ")") + "##" +
                              product.sku;
    const bool selected = ui.draft && !ui.draft_is_new && ui.draft->sku == product.sku;
    if (BigButton(label.c_str(), ImVec2(-1, 0), selected ? ButtonKind::kSelected : ButtonKind::kNormal)) {
      StartEditing(ui, product, false);
    }
  }
  DragToScroll();
}

static void FieldButton(UiState& ui, Field field, const char* name, const std::string& value) {
  if (!pos::FieldButton(name, value, ui.field == field)) return;
  ui.field = field;
  ui.keyboard_case = field == Field::kSku       ? KeyboardCase::kUpper
                     : field == Field::kCsvPath ? KeyboardCase::kLower
                                                : KeyboardCase::kWords;
}

static void DrawForm(PosModel& model, UiState& ui, float width) {
  const Language lang = model.language();
  Product& draft = *ui.draft;
  if (ui.draft_is_new) FieldButton(ui, Field::kSku, Tr(lang, Text::kSku), draft.sku);
  FieldButton(ui, Field::kName, Tr(lang, Text::kName), draft.name);
  FieldButton(ui, Field::kCategory, Tr(lang, Text::kCategory), draft.category);
  Result<Money> price = ParseMoney(ui.price_digits.empty() ? "0" : ui.price_digits);
  FieldButton(ui, Field::kPrice, Tr(lang, Text::kPrice), FormatMoney(price.ok() ? *price : Money()));
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BigButton(Tr(lang, draft.active ? Text::kActive : Text::kInactive), ImVec2(half, 0),
                draft.active ? ButtonKind::kNormal : ButtonKind::kDanger)) {
    draft.active = !draft.active;
  }
  ImGui::SameLine();
  if (BigButton(Tr(lang, Text::kSave), ImVec2(half, 0), ButtonKind::kPay) && price.ok()) {
    draft.price = *price;
    if (model.SaveProduct(draft)) {
      ui.draft.reset();
      ui.field = Field::kNone;
    }
  }
}

static void DrawImport(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  FieldButton(ui, Field::kCsvPath, Tr(lang, Text::kCsvPath), ui.csv_path);
  if (BigButton(Tr(lang, Text::kImportCsv), ImVec2(-1, 0)) && model.ImportCatalogFile(ui.csv_path)) {
    ui.field = Field::kNone;
  }
}

// The keyboard or keypad for the field being typed.
static void DrawInput(UiState& ui, ImVec2 size) {
  switch (ui.field) {
    case Field::kSku: TextKeyboard(ui.draft->sku, 32, size, "sku", ui.keyboard_case); break;
    case Field::kName: TextKeyboard(ui.draft->name, kMaxNameBytes, size, "name", ui.keyboard_case); break;
    case Field::kCategory:
      TextKeyboard(ui.draft->category, kMaxCategoryBytes, size, "category", ui.keyboard_case);
      break;
    case Field::kPrice: DigitKeypad(ui.price_digits, 9, size, "price"); break;
    case Field::kCsvPath: TextKeyboard(ui.csv_path, 200, size, "path", ui.keyboard_case); break;
    default: break;  // the set-up screen's fields are typed there
  }
}

// The field being typed, its value, OK, and the keyboard under them.
static void DrawTyping(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const Text names[] = {Text::kSku, Text::kSku, Text::kName, Text::kCategory, Text::kPrice, Text::kCsvPath};
  std::string value;
  switch (ui.field) {
    case Field::kSku: value = ui.draft->sku; break;
    case Field::kName: value = ui.draft->name; break;
    case Field::kCategory: value = ui.draft->category; break;
    case Field::kPrice: value = ui.price_digits; break;
    case Field::kCsvPath: value = ui.csv_path; break;
    default: break;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s: %s_", Tr(lang, names[static_cast<int>(ui.field)]), value.c_str());
  if (TypingOkButton()) ui.field = Field::kNone;
  DrawInput(ui, ImGui::GetContentRegionAvail());
}

void DrawCatalog(PosModel& model, UiState& ui) {
  if (ui.field != Field::kNone && (ui.draft || ui.field == Field::kCsvPath)) {
    DrawTyping(model, ui);
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float left_width = std::max(avail.x * 0.5f, 320.0f);
  ImGui::BeginChild("catalog_left", ImVec2(left_width, 0), true);
  DrawProductList(model, ui);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("catalog_right", ImVec2(0, 0), false);
  const float width = ImGui::GetContentRegionAvail().x;
  if (ui.draft) {
    DrawForm(model, ui, width);
  } else {
    DrawImport(model, ui);
  }
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  ImGui::EndChild();
}

}  // namespace lapak::pos
