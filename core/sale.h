// A sale being rung up (Cart) and a sale ready to be recorded (CompletedSale).
//
// Rules, checked here and nowhere else:
// - A line is a catalog product (its name and price are copied in) or a custom amount.
//   Quantities are 1..kMaxQuantity; a cart holds at most kMaxLines lines.
// - Discount on the whole sale, in rupiah or in percent (0.01 % steps, kept as basis points).
//   Rounding rule: a percent discount is subtotal × basis_points / 10000 rounded to the
//   nearest whole rupiah, an exact half rounded up (in the customer's favour). A discount
//   never exceeds the subtotal.
// - Payments: any mix of the methods of core/payment_method.h. Those that give no change
//   (QRIS, transfer) pay exact amounts, so together they may not exceed the total; change is
//   given only from cash (the method that gives change):
//     change = paid − total, and change ≤ cash tendered.
//   A sale whose payments do not cover the total cannot be completed.
//   A QRIS payment made through the dynamic code the terminal showed (core/qris.h) carries
//   that code's SHA-256 (QrisCodeHash: 64 lower-case hex digits); one the vendor confirmed by
//   hand carries none, and no other method carries one.
// - A new sale's change is below the largest rupiah note (kLargestNote, Rp100.000): no
//   customer hands over a note that is not needed, so more change means the cash received
//   was mistyped (Rp150.005.000 for Rp50.000). Cart refuses it, at the payment and at
//   completion. Recorded sales are not re-judged by it (ComputeTotals does not check it):
//   a sale recorded before this rule stays valid.
// - No figure may exceed kMaxSaleTotal (an absurd amount is refused, not recorded); line names
//   are printable UTF-8 (core/text.h); a discount holds only the value of its own kind.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/money.h"
#include "core/payment_method.h"
#include "core/status.h"

namespace lapak {

inline constexpr int64_t kMaxQuantity = 9999;
inline constexpr size_t kMaxLines = 200;
inline constexpr size_t kMaxPayments = 10;
inline constexpr Money kMaxSaleTotal = Money::Rupiah(1'000'000'000);  // Rp1 miliar
inline constexpr Money kLargestNote = Money::Rupiah(100'000);
inline constexpr std::string_view kCustomLineName = "Lain-lain";

struct SaleLine {
  std::string sku;  // empty for a custom amount
  std::string name;
  Money unit_price;
  int64_t quantity = 0;
  Money total;  // unit_price × quantity

  bool operator==(const SaleLine&) const = default;
};

struct Discount {
  enum class Kind { kNone, kRupiah, kPercent };
  Kind kind = Kind::kNone;
  Money rupiah;               // for kRupiah
  int32_t basis_points = 0;   // for kPercent: 1000 = 10 %

  static Discount None() { return {}; }
  static Discount Amount(Money amount) { return {Kind::kRupiah, amount, 0}; }
  static Discount Percent(int32_t basis_points) { return {Kind::kPercent, Money(), basis_points}; }
  bool operator==(const Discount&) const = default;
};

// Reads "10%", "12.5 %", "5000", "Rp5.000". Percent up to 100 with at most two decimals.
[[nodiscard]] Result<Discount> ParseDiscount(std::string_view text);

struct Payment {
  PaymentMethod method = PaymentMethod::kCash;
  Money amount;  // tendered
  std::string qris_code_sha256 = {};  // see the rules above; empty when no code was shown

  bool operator==(const Payment&) const = default;
};

struct SaleTotals {
  Money subtotal;    // sum of line totals
  Money discount;    // applied discount in rupiah
  Money total;       // subtotal − discount: what the customer owes
  Money paid;        // sum of payments tendered
  Money remaining;   // total − paid when positive, else 0
  Money change;      // paid − total when positive, else 0
  Money cash_taken;  // cash tendered − change: what stays in the drawer

  bool operator==(const SaleTotals&) const = default;
};

// A sale that passed every rule above. Only Cart::Complete makes one (and the journal
// decoder, from entries that were made so).
struct CompletedSale {
  std::vector<SaleLine> lines;
  Discount discount;
  std::vector<Payment> payments;
  SaleTotals totals;

  bool operator==(const CompletedSale&) const = default;
};

// Quick cash amounts a customer is likely to hand over for `due`: for each of the notes people
// carry (Rp5.000, 10.000, 20.000, 50.000, 100.000) the smallest multiple of it that exceeds
// `due`, without repeats, smallest first, at most `count`: Rp30.000, 40.000, 50.000 and
// 100.000 for Rp25.000. (The exact amount is a separate choice.) Each leaves change below
// kLargestNote.
std::vector<Money> CashSuggestions(Money due, size_t count = 5);

// Totals for the given lines, discount and payments, every rule checked. Used by the cart
// and again by the journal verifier on recorded sales.
[[nodiscard]] Result<SaleTotals> ComputeTotals(const std::vector<SaleLine>& lines,
                                               const Discount& discount,
                                               const std::vector<Payment>& payments);

class Cart {
 public:
  // Adds `quantity` of a product; a product already in the cart gets its quantity raised.
  [[nodiscard]] Status AddProduct(const Product& product, int64_t quantity = 1);
  [[nodiscard]] Status AddCustom(Money unit_price, int64_t quantity = 1,
                                 std::string name = std::string(kCustomLineName));
  [[nodiscard]] Status SetQuantity(size_t line, int64_t quantity);
  // Also drops a rupiah discount, then QRIS/transfer payments, that no longer fit the sale.
  [[nodiscard]] Status RemoveLine(size_t line);
  // Also drops QRIS/transfer payments that no longer fit the lower total.
  [[nodiscard]] Status SetDiscount(const Discount& discount);
  [[nodiscard]] Status AddPayment(PaymentMethod method, Money amount);
  [[nodiscard]] Status AddPayment(const Payment& payment);
  [[nodiscard]] Status RemovePayment(size_t payment);
  void ClearPayments() { payments_.clear(); }
  void Clear() { *this = Cart(); }

  const std::vector<SaleLine>& lines() const { return lines_; }
  const Discount& discount() const { return discount_; }
  const std::vector<Payment>& payments() const { return payments_; }
  bool empty() const { return lines_.empty(); }

  // Totals so far (payments may still be short).
  [[nodiscard]] Result<SaleTotals> Totals() const;

  // The sale as it will be recorded; refuses an empty or under-paid cart.
  [[nodiscard]] Result<CompletedSale> Complete() const;

 private:
  // Appends a line whose quantity and price are checked; undone if the totals break a rule.
  [[nodiscard]] Status PushLine(SaleLine line);
  // QRIS and transfer pay exact amounts: when they exceed a lowered total they are removed
  // and the vendor takes them again; cash stays (it only raises the change).
  void DropExactPaymentsThatNoLongerFit();

  std::vector<SaleLine> lines_;
  Discount discount_;
  std::vector<Payment> payments_;
};

}  // namespace lapak
