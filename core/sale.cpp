#include "core/sale.h"

#include <algorithm>
#include <cctype>

#include "core/refusal.h"
#include "core/text.h"

namespace lapak {

// Reads "12.5" or "12,5" as basis points (1250); at most two decimals, at most 100 %.
static Result<int32_t> ParsePercent(std::string_view number, std::string_view original) {
  int64_t whole = 0;
  int64_t hundredths = 0;
  int decimals = -1;  // -1 until a decimal separator is seen
  for (const char c : number) {
    if ((c == '.' || c == ',') && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c)) || decimals >= 2 || whole > 100) {
      return Refuse(Refusal::kNotAPercentage, original);
    }
    if (decimals < 0) {
      whole = whole * 10 + (c - '0');
    } else {
      hundredths += (c - '0') * (decimals == 0 ? 10 : 1);
      ++decimals;
    }
  }
  const int64_t basis_points = whole * 100 + hundredths;
  if (number.empty() || decimals == 0 || basis_points > 10000) {
    return Refuse(Refusal::kNotAPercentage, original);
  }
  return static_cast<int32_t>(basis_points);
}

Result<Discount> ParseDiscount(std::string_view text) {
  std::string_view rest = text;
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == '%') {
    rest.remove_suffix(1);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    Result<int32_t> basis_points = ParsePercent(rest, text);
    if (!basis_points.ok()) return basis_points.status();
    return Discount::Percent(*basis_points);
  }
  Result<Money> amount = ParseMoney(rest);
  if (!amount.ok()) return amount.status();
  if (amount->is_negative()) return Refuse(Refusal::kNegativeDiscount);
  return Discount::Amount(*amount);
}

static Status CheckQuantity(int64_t quantity) {
  if (quantity < 1 || quantity > kMaxQuantity) {
    return Refuse(Refusal::kQuantityOutOfRange, quantity, kMaxQuantity);
  }
  return Status::Ok();
}

static Status CheckWithinSaleLimit(Word what, std::optional<Money> amount) {
  if (!amount || *amount > kMaxSaleTotal) return Refuse(Refusal::kAboveSaleLimit, what, kMaxSaleTotal);
  return Status::Ok();
}

static Result<Money> DiscountAmount(const Discount& discount, Money subtotal) {
  const bool consistent = (discount.kind == Discount::Kind::kRupiah || discount.rupiah.is_zero()) &&
                          (discount.kind == Discount::Kind::kPercent || discount.basis_points == 0);
  if (!consistent) return Refuse(Refusal::kDiscountKindMismatch);
  switch (discount.kind) {
    case Discount::Kind::kNone:
      return Money();
    case Discount::Kind::kRupiah:
      if (discount.rupiah.is_negative()) return Refuse(Refusal::kNegativeDiscount);
      if (discount.rupiah > subtotal) return Refuse(Refusal::kDiscountAboveSubtotal, discount.rupiah, subtotal);
      return discount.rupiah;
    case Discount::Kind::kPercent: {
      if (discount.basis_points < 0 || discount.basis_points > 10000) {
        return Refuse(Refusal::kPercentOutOfRange);
      }
      // subtotal ≤ kMaxSaleTotal (1e9) so subtotal × 10000 + 5000 fits easily in int64.
      const int64_t rounded = (subtotal.rupiah() * discount.basis_points + 5000) / 10000;
      return Money::Rupiah(rounded);
    }
  }
  return Refuse(Refusal::kUnknownDiscountKind);
}

std::vector<Money> CashSuggestions(Money due, size_t count) {
  static constexpr int64_t kNotes[] = {5000, 10000, 20000, 50000, kLargestNote.rupiah()};
  std::vector<Money> suggestions;
  if (due <= Money() || due > kMaxSaleTotal) return suggestions;
  for (const int64_t note : kNotes) {
    const Money amount = Money::Rupiah((due.rupiah() / note + 1) * note);  // due ≤ 1e9: no overflow
    // Rp200.000 for Rp100.000 due would leave a whole note as change (the change rule).
    if (*amount.Minus(due) >= kLargestNote) continue;
    if (std::find(suggestions.begin(), suggestions.end(), amount) == suggestions.end()) {
      suggestions.push_back(amount);
    }
  }
  std::sort(suggestions.begin(), suggestions.end());
  if (suggestions.size() > count) suggestions.resize(count);
  return suggestions;
}

// A payment's QRIS code hash (see the header): a QRIS payment's, 64 lower-case hex digits.
static Status CheckQrisCodeHash(const Payment& payment) {
  const std::string& hash = payment.qris_code_sha256;
  const bool hex = hash.size() == 64 && std::all_of(hash.begin(), hash.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                   });
  if (payment.method != PaymentMethod::kQris || !hex) return Refuse(Refusal::kBadQrisCodeHash);
  return Status::Ok();
}

Result<SaleTotals> ComputeTotals(const std::vector<SaleLine>& lines, const Discount& discount,
                                 const std::vector<Payment>& payments) {
  if (lines.size() > kMaxLines) {
    return Refuse(Refusal::kTooManyLines, kMaxLines);
  }
  if (payments.size() > kMaxPayments) {
    return Refuse(Refusal::kTooManyPayments, kMaxPayments);
  }
  SaleTotals totals;
  for (const SaleLine& line : lines) {
    LAPAK_RETURN_IF_ERROR(ValidateText(Word::kLineName, line.name, kMaxNameBytes));
    if (!line.sku.empty()) LAPAK_RETURN_IF_ERROR(ValidateSku(line.sku));
    LAPAK_RETURN_IF_ERROR(CheckQuantity(line.quantity));
    if (line.unit_price <= Money() || line.unit_price > kMaxUnitPrice) {
      return Refuse(Refusal::kLinePriceOutOfRange, line.name, kMaxUnitPrice);
    }
    const std::optional<Money> line_total = line.unit_price.Times(line.quantity);
    if (!line_total || *line_total != line.total) {
      return Refuse(Refusal::kLineDoesNotAddUp, line.name);
    }
    const std::optional<Money> subtotal = totals.subtotal.Plus(*line_total);
    LAPAK_RETURN_IF_ERROR(CheckWithinSaleLimit(Word::kTheSubtotal, subtotal));
    totals.subtotal = *subtotal;
  }
  Result<Money> discount_amount = DiscountAmount(discount, totals.subtotal);
  if (!discount_amount.ok()) return discount_amount.status();
  totals.discount = *discount_amount;
  totals.total = *totals.subtotal.Minus(totals.discount);

  Money cash;
  Money exact;  // QRIS and transfer
  for (const Payment& payment : payments) {
    if (payment.amount <= Money()) return Refuse(Refusal::kPaymentNotPositive);
    if (!payment.qris_code_sha256.empty()) LAPAK_RETURN_IF_ERROR(CheckQrisCodeHash(payment));
    Money& bucket = GivesChange(payment.method) ? cash : exact;
    const std::optional<Money> sum = bucket.Plus(payment.amount);
    LAPAK_RETURN_IF_ERROR(CheckWithinSaleLimit(Word::kThePayment, sum));
    bucket = *sum;
  }
  if (exact > totals.total) {
    return Refuse(Refusal::kExactPaymentsExceedTotal, exact, totals.total);
  }
  const std::optional<Money> paid = cash.Plus(exact);
  LAPAK_RETURN_IF_ERROR(CheckWithinSaleLimit(Word::kTheAmountPaid, paid));
  totals.paid = *paid;
  const Money balance = *totals.paid.Minus(totals.total);
  totals.remaining = balance.is_negative() ? *Money().Minus(balance) : Money();
  totals.change = balance.is_negative() ? Money() : balance;
  totals.cash_taken = *cash.Minus(totals.change);
  return totals;
}

Status Cart::AddProduct(const Product& product, int64_t quantity) {
  LAPAK_RETURN_IF_ERROR(ValidateProduct(product));
  if (!product.active) {
    return Refuse(Refusal::kProductNotOnSale, product.sku);
  }
  LAPAK_RETURN_IF_ERROR(CheckQuantity(quantity));
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].sku == product.sku && lines_[i].unit_price == product.price) {
      return SetQuantity(i, lines_[i].quantity + quantity);  // both ≤ kMaxQuantity: no overflow
    }
  }
  return PushLine(SaleLine{product.sku, product.name, product.price, quantity,
                           *product.price.Times(quantity)});
}

Status Cart::AddCustom(Money unit_price, int64_t quantity, std::string name) {
  LAPAK_RETURN_IF_ERROR(CheckQuantity(quantity));
  if (unit_price <= Money() || unit_price > kMaxUnitPrice) {
    return Refuse(Refusal::kCustomAmountOutOfRange, kMaxUnitPrice);
  }
  if (name.empty()) name = std::string(kCustomLineName);
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCustomAmountName, name, kMaxNameBytes));
  return PushLine(SaleLine{"", std::move(name), unit_price, quantity, *unit_price.Times(quantity)});
}

Status Cart::PushLine(SaleLine line) {
  lines_.push_back(std::move(line));
  Status totals = Totals().status();
  if (!totals.ok()) lines_.pop_back();
  return totals;
}

Status Cart::SetQuantity(size_t line, int64_t quantity) {
  if (line >= lines_.size()) return Refuse(Refusal::kNoSuchLine, line + 1);
  LAPAK_RETURN_IF_ERROR(CheckQuantity(quantity));
  const SaleLine before = lines_[line];
  lines_[line].quantity = quantity;
  lines_[line].total = *lines_[line].unit_price.Times(quantity);
  Status totals = Totals().status();
  if (!totals.ok()) lines_[line] = before;
  return totals;
}

Status Cart::RemoveLine(size_t line) {
  if (line >= lines_.size()) return Refuse(Refusal::kNoSuchLine, line + 1);
  lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(line));
  // What no longer fits the smaller sale goes: a rupiah discount above the new subtotal, then
  // QRIS or transfer payments above the new total.
  if (!ComputeTotals(lines_, discount_, {}).ok()) discount_ = Discount::None();
  DropExactPaymentsThatNoLongerFit();
  return Status::Ok();
}

Status Cart::SetDiscount(const Discount& discount) {
  LAPAK_RETURN_IF_ERROR(ComputeTotals(lines_, discount, {}).status());
  discount_ = discount;
  DropExactPaymentsThatNoLongerFit();
  return Status::Ok();
}

void Cart::DropExactPaymentsThatNoLongerFit() {
  if (Totals().ok()) return;
  std::erase_if(payments_, [](const Payment& p) { return !GivesChange(p.method); });
}

// The change rule of a new sale (see the header).
static Status CheckChangeBelowLargestNote(const SaleTotals& totals) {
  if (totals.change < kLargestNote) return Status::Ok();
  return Refuse(Refusal::kChangeNotPlausible, totals.change, kLargestNote);
}

Status Cart::AddPayment(PaymentMethod method, Money amount) { return AddPayment(Payment{method, amount, {}}); }

Status Cart::AddPayment(const Payment& payment) {
  if (payments_.size() >= kMaxPayments) {
    return Refuse(Refusal::kTooManyPayments, kMaxPayments);
  }
  payments_.push_back(payment);
  Result<SaleTotals> totals = Totals();
  Status checked = totals.ok() ? CheckChangeBelowLargestNote(*totals) : totals.status();
  if (!checked.ok()) payments_.pop_back();
  return checked;
}

Status Cart::RemovePayment(size_t payment) {
  if (payment >= payments_.size()) return Refuse(Refusal::kNoSuchPayment, payment + 1);
  payments_.erase(payments_.begin() + static_cast<std::ptrdiff_t>(payment));
  return Status::Ok();
}

Result<SaleTotals> Cart::Totals() const { return ComputeTotals(lines_, discount_, payments_); }

Result<CompletedSale> Cart::Complete() const {
  if (lines_.empty()) return Refuse(Refusal::kSaleHasNoItems);
  Result<SaleTotals> totals = Totals();
  if (!totals.ok()) return totals.status();
  if (!totals->remaining.is_zero()) {
    return Refuse(Refusal::kUnderPaid, totals->remaining, totals->total);
  }
  LAPAK_RETURN_IF_ERROR(CheckChangeBelowLargestNote(*totals));
  return CompletedSale{lines_, discount_, payments_, *totals};
}

}  // namespace lapak
