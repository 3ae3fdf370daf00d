// The terminal's screens. Each is a function DrawXxx(PosModel&, UiState&) that reads the model
// and calls it inside `if (BigButton(...))`; none does SQL or money arithmetic.
#pragma once

#include <optional>
#include <string>

#include "app/pos/pos_model.h"
#include "app/pos/qr_image.h"
#include "app/pos/widgets.h"
#include "core/cash_count.h"
#include "core/pin.h"
#include "core/store.h"
#include "core/sale.h"

namespace lapak::pos {

// What the vendor is typing, and which tab of a screen is showing: the only state the UI
// keeps itself. Everything else is in PosModel.
struct UiState {
  Role login_role = Role::kCashier;
  std::string pin_digits;
  std::string category;          // the category shown on the sell screen; empty for all
  bool entering_custom = false;  // the sell screen shows the custom-amount keypad
  bool entering_discount = false;  // … or the discount's keypad
  bool confirming_clear = false;   // the cart asks "Ya, kosongkan?" before it is emptied
  size_t cart_lines_shown = 0;   // the cart's lines in the last frame: a new one is scrolled to
  PaymentMethod pay_method = PaymentMethod::kCash;
  // Each amount field as typed, its own: a custom amount never carries into the cash tendered.
  std::string custom_digits;     // the sell screen's custom amount
  std::string discount_digits;   // the sell screen's discount, a percent or rupiah as typed
  std::string cash_digits;       // the pay screen's cash tendered; cleared when the pay screen opens
  std::string float_digits;      // the day screen's opening float
  std::string selected_receipt;  // the history screen's open receipt
  std::string void_reason;       // chosen before the owner's PIN
  std::string owner_pin_digits;
  CashCount cash_count{};        // the drawer at day close, per denomination
  bool confirming_close = false;  // the day screen asks "Ya, tutup hari?" before the Z
  // Kas masuk/keluar on the day screen, in three steps: the amount, the reason, the owner's PIN.
  enum class CashMoveStep { kNone, kAmount, kReason, kPin };
  CashMoveStep cash_move_step = CashMoveStep::kNone;
  CashDirection cash_move_direction = CashDirection::kIn;
  std::string cash_move_digits;
  std::string cash_move_reason;
  // The catalog screen's draft: the product being added or edited, the field the keyboard
  // types into, the price as typed, and the CSV path.
  enum class Field { kNone, kSku, kName, kCategory, kPrice, kCsvPath,
                     kStallId, kStallName, kTerminalId, kOwnerPin, kCashierPin, kDatabasePath,
                     kEnrolmentCode, kPrinterHost, kReceiptFooter };
  std::optional<Product> draft;
  bool draft_is_new = false;
  Field field = Field::kNone;
  std::string price_digits;
  KeyboardCase keyboard_case = KeyboardCase::kWords;  // of the field being typed
  std::string csv_path;
  StallSetup setup;  // the first-run screen's draft
  // A set-up PIN as typed the first time, and the second time while it is asked again.
  std::string pin_typed;
  std::string pin_again;
  bool repeating_pin = false;
  std::string database_path;  // or the database it opens instead
  std::string enrolment_code;  // the settings screen's code, as typed or pasted
  QrImage qris_image;          // the pay screen's dynamic QRIS, encoded once per amount
  std::string printer_host;    // the settings' network printer, as typed
  std::string receipt_footer;  // the settings' receipt footer, as typed
  std::string ereceipt_shown;  // the receipt whose e-receipt QR code the receipt screen shows
  QrImage ereceipt_image;
};

// Draws one whole frame: the current screen and the status bar, filling the display.
void DrawFrame(PosModel& model, UiState& ui);

void DrawSetup(PosModel& model, UiState& ui);
void DrawLogin(PosModel& model, UiState& ui);
void DrawSell(PosModel& model, UiState& ui);
void DrawPay(PosModel& model, UiState& ui);
void DrawReceipt(PosModel& model, UiState& ui);
void DrawHistory(PosModel& model, UiState& ui);
void DrawDay(PosModel& model, UiState& ui);
void DrawCatalog(PosModel& model, UiState& ui);
void DrawSettings(PosModel& model, UiState& ui);
void DrawStatusBar(PosModel& model, UiState& ui);

// How a sale was paid, as its receipt shows it: a line per payment ("Tunai Rp50.000"), then
// the change when there is some. Also in the history's receipt.
void DrawPayments(Language language, const CompletedSale& sale);

}  // namespace lapak::pos
