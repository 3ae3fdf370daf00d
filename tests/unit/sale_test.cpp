#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/sale.h"

namespace lapak {
namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

Product MakeProduct(std::string sku, std::string name, int64_t price, bool active = true) {
  return Product{std::move(sku), std::move(name), "Minuman", Rp(price), active};
}

const Product kTeh = MakeProduct("ES-TEH", "Es Teh Manis", 5000);
const Product kKopi = MakeProduct("KOPI", "Kopi Susu", 12000);

// "subtotal Rp20.000 | discount Rp0 | … | cash_taken Rp20.000", or the Status.
std::string Describe(const Result<SaleTotals>& totals) {
  if (!totals.ok()) return totals.status().ToString();
  const SaleTotals& t = *totals;
  return "subtotal " + FormatMoney(t.subtotal) + " | discount " + FormatMoney(t.discount) +
         " | total " + FormatMoney(t.total) + " | paid " + FormatMoney(t.paid) + " | remaining " +
         FormatMoney(t.remaining) + " | change " + FormatMoney(t.change) + " | cash_taken " +
         FormatMoney(t.cash_taken);
}

// "ES-TEH Es Teh Manis Rp5.000 x2 = Rp10.000; …".
std::string Describe(const std::vector<SaleLine>& lines) {
  std::string text;
  for (const SaleLine& line : lines) {
    if (!text.empty()) text += "; ";
    text += (line.sku.empty() ? "" : line.sku + " ") + line.name + " " +
            FormatMoney(line.unit_price) + " x" + std::to_string(line.quantity) + " = " +
            FormatMoney(line.total);
  }
  return text;
}

// "none", "rupiah 5000", "basis points 1250".
std::string Describe(const Discount& discount) {
  switch (discount.kind) {
    case Discount::Kind::kNone: return "none";
    case Discount::Kind::kRupiah: return "rupiah " + std::to_string(discount.rupiah.rupiah());
    case Discount::Kind::kPercent: return "basis points " + std::to_string(discount.basis_points);
  }
  return "?";
}

// A cart holding one custom line worth `rupiah`.
Cart CartWorth(int64_t rupiah) {
  Cart cart;
  EXPECT_TRUE(cart.AddCustom(Rp(rupiah)).ok());
  return cart;
}

// Lines worth exactly `subtotal` (which may exceed the price limit of one line).
std::vector<SaleLine> LinesWorth(int64_t subtotal) {
  const int64_t big = kMaxUnitPrice.rupiah();
  std::vector<SaleLine> lines;
  if (subtotal / big > 0) lines.push_back({"", "Besar", kMaxUnitPrice, subtotal / big, Rp(subtotal / big * big)});
  if (subtotal % big > 0) lines.push_back({"", "Sisa", Rp(subtotal % big), 1, Rp(subtotal % big)});
  return lines;
}

// ---- payment methods ------------------------------------------------------------------------

TEST(PaymentMethodTest, NamesRoundTrip) {
  for (PaymentMethod method : {PaymentMethod::kCash, PaymentMethod::kQris, PaymentMethod::kTransfer}) {
    Result<PaymentMethod> parsed = ParsePaymentMethod(PaymentMethodName(method));
    ASSERT_TRUE(parsed.ok()) << PaymentMethodName(method);
    EXPECT_EQ(method, *parsed);
  }
  EXPECT_EQ("cash", PaymentMethodName(PaymentMethod::kCash));
  EXPECT_EQ("qris", PaymentMethodName(PaymentMethod::kQris));
  EXPECT_EQ("transfer", PaymentMethodName(PaymentMethod::kTransfer));
  EXPECT_EQ(PaymentMethod::kCash, *ParsePaymentMethod("tunai"));
}

TEST(PaymentMethodTest, RefusesUnknownNames) {
  EXPECT_EQ("InvalidArgument: 'card' is not a payment method; use one of: cash, qris, transfer",
            ParsePaymentMethod("card").status().ToString());
  EXPECT_EQ("InvalidArgument: '' is not a payment method; use one of: cash, qris, transfer",
            ParsePaymentMethod("").status().ToString());
}

TEST(PaymentMethodTest, TheListFollowsTheEnumAndOnlyCashGivesChange) {
  ASSERT_EQ(3u, kPaymentMethodCount);
  EXPECT_EQ("cash, qris, transfer", PaymentMethodColumns());
  EXPECT_EQ("s.cash, s.qris, s.transfer", PaymentMethodColumns("s."));
  EXPECT_EQ("Tunai", InfoOf(PaymentMethod::kCash).label_id);
  EXPECT_EQ("Cash", InfoOf(PaymentMethod::kCash).label_en);
  EXPECT_EQ("QRIS", InfoOf(PaymentMethod::kQris).label_id);
  EXPECT_EQ("Transfer", InfoOf(PaymentMethod::kTransfer).label_en);
  EXPECT_TRUE(GivesChange(PaymentMethod::kCash));
  EXPECT_FALSE(GivesChange(PaymentMethod::kQris));
  EXPECT_FALSE(GivesChange(PaymentMethod::kTransfer));
  EXPECT_FALSE(ParsePaymentMethod("Tunai").ok());  // the name, or the label in lower case
  EXPECT_FALSE(ParsePaymentMethod("QRIS").ok());
}

TEST(MethodAmountsTest, AddsAndSubtractsMethodByMethodAndRefusesAnOverflow) {
  MethodAmounts a;
  a[PaymentMethod::kCash] = Rp(5000);
  a[PaymentMethod::kTransfer] = Rp(2000);
  MethodAmounts b;
  b[PaymentMethod::kQris] = Rp(700);
  b[PaymentMethod::kTransfer] = Rp(300);
  const std::optional<MethodAmounts> sum = a.Plus(b);
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ((MethodAmounts{{Rp(5000), Rp(700), Rp(2300)}}), *sum);
  EXPECT_EQ(a, *sum->Minus(b));
  EXPECT_EQ(Rp(8000), *sum->Total());
  EXPECT_EQ(MethodAmounts(), *a.Minus(a));

  MethodAmounts most;
  most[PaymentMethod::kQris] = Money::Rupiah(std::numeric_limits<int64_t>::max());
  EXPECT_FALSE(most.Plus(b).has_value());
  EXPECT_FALSE(MethodAmounts().Minus(most)->Minus(b).has_value());
  most[PaymentMethod::kCash] = Rp(1);
  EXPECT_FALSE(most.Total().has_value());
}

// ---- lines ----------------------------------------------------------------------------------

TEST(CartTest, AddProductCopiesNameAndPrice) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh, 2).ok());
  ASSERT_TRUE(cart.AddProduct(kKopi).ok());
  EXPECT_EQ("ES-TEH Es Teh Manis Rp5.000 x2 = Rp10.000; KOPI Kopi Susu Rp12.000 x1 = Rp12.000",
            Describe(cart.lines()));
}

TEST(CartTest, SameProductTwiceRaisesQuantity) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh).ok());
  ASSERT_TRUE(cart.AddProduct(kKopi).ok());
  ASSERT_TRUE(cart.AddProduct(kTeh, 3).ok());
  EXPECT_EQ("ES-TEH Es Teh Manis Rp5.000 x4 = Rp20.000; KOPI Kopi Susu Rp12.000 x1 = Rp12.000",
            Describe(cart.lines()));
}

TEST(CartTest, CustomAmountHasADefaultName) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(Rp(7500)).ok());
  ASSERT_TRUE(cart.AddCustom(Rp(2000), 3, "Kantong plastik").ok());
  ASSERT_TRUE(cart.AddCustom(Rp(1000), 1, "").ok());
  EXPECT_EQ("Lain-lain Rp7.500 x1 = Rp7.500; Kantong plastik Rp2.000 x3 = Rp6.000; "
            "Lain-lain Rp1.000 x1 = Rp1.000",
            Describe(cart.lines()));
  EXPECT_EQ("InvalidArgument: the name of a custom amount is longer than 80 bytes",
            cart.AddCustom(Rp(1000), 1, std::string(81, 'x')).ToString());
}

TEST(CartTest, SetQuantityAndRemoveLine) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh).ok());
  ASSERT_TRUE(cart.AddProduct(kKopi).ok());
  ASSERT_TRUE(cart.SetQuantity(1, 5).ok());
  EXPECT_EQ("ES-TEH Es Teh Manis Rp5.000 x1 = Rp5.000; KOPI Kopi Susu Rp12.000 x5 = Rp60.000",
            Describe(cart.lines()));
  ASSERT_TRUE(cart.RemoveLine(0).ok());
  EXPECT_EQ("KOPI Kopi Susu Rp12.000 x5 = Rp60.000", Describe(cart.lines()));
  EXPECT_EQ("NotFound: no line 2", cart.SetQuantity(1, 1).ToString());
  EXPECT_EQ("NotFound: no line 2", cart.RemoveLine(1).ToString());
  ASSERT_TRUE(cart.RemoveLine(0).ok());
  EXPECT_TRUE(cart.empty());
}

TEST(CartTest, QuantityLimits) {
  Cart cart;
  EXPECT_EQ("InvalidArgument: quantity 0 is outside 1 to 9999", cart.AddProduct(kTeh, 0).ToString());
  EXPECT_EQ("InvalidArgument: quantity 10000 is outside 1 to 9999",
            cart.AddCustom(Rp(1000), 10000).ToString());
  EXPECT_EQ("InvalidArgument: quantity -1 is outside 1 to 9999", cart.AddCustom(Rp(1000), -1).ToString());
  EXPECT_TRUE(cart.empty());

  ASSERT_TRUE(cart.AddProduct(kTeh, kMaxQuantity).ok());
  EXPECT_EQ("InvalidArgument: quantity 0 is outside 1 to 9999", cart.SetQuantity(0, 0).ToString());
  EXPECT_EQ("InvalidArgument: quantity 10000 is outside 1 to 9999", cart.AddProduct(kTeh).ToString());
  EXPECT_EQ("ES-TEH Es Teh Manis Rp5.000 x9999 = Rp49.995.000", Describe(cart.lines()));
}

// Adding a product already in the cart must check the quantity added, not only the sum.
TEST(CartTest, AddingZeroOrLessOfAProductInTheCartIsRefused) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh, 3).ok());
  EXPECT_EQ("InvalidArgument: quantity 0 is outside 1 to 9999", cart.AddProduct(kTeh, 0).ToString());
  EXPECT_EQ("InvalidArgument: quantity -2 is outside 1 to 9999", cart.AddProduct(kTeh, -2).ToString());
  EXPECT_EQ("ES-TEH Es Teh Manis Rp5.000 x3 = Rp15.000", Describe(cart.lines()));
}

// Runs in a child process: with the sanitizers a signed overflow aborts, which must not take the
// other tests down with it.
TEST(CartDeathTest, AddingAHugeQuantityToALineInTheCartIsRefusedWithoutOverflow) {
  EXPECT_EXIT(
      {
        Cart cart;
        if (!cart.AddProduct(kTeh).ok()) std::exit(2);
        if (cart.AddProduct(kTeh, kInt64Max).ok()) std::exit(3);  // accepted
        std::exit(cart.lines()[0].quantity == 1 ? 0 : 4);         // refused but changed
      },
      testing::ExitedWithCode(0), "");
}

TEST(CartTest, AtMostMaxLines) {
  Cart cart;
  for (size_t i = 0; i < kMaxLines; ++i) ASSERT_TRUE(cart.AddCustom(Rp(1)).ok()) << i;
  EXPECT_EQ("InvalidArgument: a sale holds at most 200 lines", cart.AddCustom(Rp(1)).ToString());
  EXPECT_EQ("InvalidArgument: a sale holds at most 200 lines", cart.AddProduct(kTeh).ToString());
  EXPECT_EQ(kMaxLines, cart.lines().size());
}

TEST(CartTest, PriceBounds) {
  Cart cart;
  const std::string kCustomRange = "InvalidArgument: a custom amount must be from Rp1 to Rp100.000.000";
  EXPECT_EQ(kCustomRange, cart.AddCustom(Rp(0)).ToString());
  EXPECT_EQ(kCustomRange, cart.AddCustom(Rp(-500)).ToString());
  EXPECT_EQ(kCustomRange, cart.AddCustom(Rp(100'000'001)).ToString());
  EXPECT_EQ("InvalidArgument: price must be more than Rp0",
            cart.AddProduct(MakeProduct("GRATIS", "Gratis", 0)).ToString());
  EXPECT_EQ("InvalidArgument: price Rp100.000.001 is above the limit of Rp100.000.000",
            cart.AddProduct(MakeProduct("MAHAL", "Mahal", 100'000'001)).ToString());
  EXPECT_TRUE(cart.empty());
  EXPECT_TRUE(cart.AddCustom(Rp(1)).ok());
  EXPECT_TRUE(cart.AddCustom(kMaxUnitPrice).ok());
  EXPECT_TRUE(cart.AddProduct(MakeProduct("MAHAL", "Mahal", 100'000'000)).ok());
}

TEST(CartTest, InactiveProductIsRefused) {
  Cart cart;
  EXPECT_EQ("FailedPrecondition: product LAMA is not on sale",
            cart.AddProduct(MakeProduct("LAMA", "Produk lama", 5000, /*active=*/false)).ToString());
  EXPECT_TRUE(cart.empty());
}

// ---- discounts ------------------------------------------------------------------------------

TEST(DiscountTest, RupiahDiscount) {
  Cart cart = CartWorth(20000);
  ASSERT_TRUE(cart.SetDiscount(Discount::Amount(Rp(2500))).ok());
  EXPECT_EQ("subtotal Rp20.000 | discount Rp2.500 | total Rp17.500 | paid Rp0 | remaining Rp17.500 "
            "| change Rp0 | cash_taken Rp0",
            Describe(cart.Totals()));
  ASSERT_TRUE(cart.SetDiscount(Discount::Amount(Rp(20000))).ok());
  EXPECT_EQ("subtotal Rp20.000 | discount Rp20.000 | total Rp0 | paid Rp0 | remaining Rp0 "
            "| change Rp0 | cash_taken Rp0",
            Describe(cart.Totals()));
}

TEST(DiscountTest, RupiahDiscountAboveTheSubtotalIsRefused) {
  Cart cart = CartWorth(20000);
  EXPECT_EQ("InvalidArgument: discount Rp20.001 is more than the subtotal Rp20.000",
            cart.SetDiscount(Discount::Amount(Rp(20001))).ToString());
  EXPECT_EQ("InvalidArgument: a discount cannot be negative",
            cart.SetDiscount(Discount::Amount(Rp(-1))).ToString());
  EXPECT_EQ("none", Describe(cart.discount()));
}

TEST(DiscountTest, PercentOutsideZeroToHundredIsRefused) {
  Cart cart = CartWorth(20000);
  EXPECT_EQ("InvalidArgument: a percent discount must be from 0 to 100 %",
            cart.SetDiscount(Discount::Percent(10001)).ToString());
  EXPECT_EQ("InvalidArgument: a percent discount must be from 0 to 100 %",
            cart.SetDiscount(Discount::Percent(-1)).ToString());
}

TEST(DiscountTest, RemovingALineDropsARupiahDiscountAboveTheNewSubtotal) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh).ok());
  ASSERT_TRUE(cart.AddProduct(kKopi).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Amount(Rp(8000))).ok());
  ASSERT_TRUE(cart.RemoveLine(1).ok());
  EXPECT_EQ("none", Describe(cart.discount()));
}

// A percent discount fits any subtotal, so removing a line must never drop it, even when the
// QRIS payment already taken no longer fits the new total.
TEST(DiscountTest, RemovingALineKeepsAPercentDiscount) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(Rp(20000)).ok());
  ASSERT_TRUE(cart.AddCustom(Rp(10000)).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Percent(5000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(15000)).ok());
  (void)cart.RemoveLine(1);
  EXPECT_EQ("basis points 5000", Describe(cart.discount()));
}

// QRIS and transfer pay exact amounts: a change that lowers the total below them drops them
// (the vendor takes them again); cash stays, it only raises the change.
TEST(DiscountTest, LoweringTheTotalDropsOnlyExactPaymentsThatNoLongerFit) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(Rp(20000)).ok());
  ASSERT_TRUE(cart.AddCustom(Rp(10000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(5000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(25000)).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Percent(5000)).ok());  // total Rp15.000 < QRIS Rp25.000
  ASSERT_EQ(1u, cart.payments().size());
  EXPECT_EQ(PaymentMethod::kCash, cart.payments()[0].method);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(10000)).ok());
  ASSERT_TRUE(cart.Complete().ok());

  ASSERT_TRUE(cart.RemoveLine(1).ok());  // total Rp10.000 < QRIS Rp10.000 + cash: QRIS still fits
  ASSERT_EQ(2u, cart.payments().size());
  ASSERT_TRUE(cart.RemoveLine(0).ok());  // nothing left: QRIS goes, cash stays
  ASSERT_EQ(1u, cart.payments().size());
  EXPECT_EQ(PaymentMethod::kCash, cart.payments()[0].method);
}

TEST(DiscountTest, ADiscountHoldingAnotherKindsValueIsRefused) {
  const std::vector<SaleLine> lines = LinesWorth(20000);
  EXPECT_EQ("InvalidArgument: a discount holds a value of another kind",
            ComputeTotals(lines, Discount{Discount::Kind::kNone, Money(), 500}, {}).status().ToString());
  EXPECT_EQ("InvalidArgument: a discount holds a value of another kind",
            ComputeTotals(lines, Discount{Discount::Kind::kPercent, Rp(5), 500}, {}).status().ToString());
}

struct RoundingCase {
  int64_t subtotal;
  int32_t basis_points;
  int64_t discount;
};

void PrintTo(const RoundingCase& c, std::ostream* os) {
  *os << c.basis_points << " basis points of " << c.subtotal;
}

class PercentDiscountRoundingTest : public testing::TestWithParam<RoundingCase> {};

TEST_P(PercentDiscountRoundingTest, RoundsToTheNearestRupiahHalfUp) {
  const RoundingCase& c = GetParam();
  Result<SaleTotals> totals = ComputeTotals(LinesWorth(c.subtotal), Discount::Percent(c.basis_points), {});
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  EXPECT_EQ(FormatMoney(Rp(c.subtotal)), FormatMoney(totals->subtotal));
  EXPECT_EQ(FormatMoney(Rp(c.discount)), FormatMoney(totals->discount));
  EXPECT_EQ(FormatMoney(Rp(c.subtotal - c.discount)), FormatMoney(totals->total));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PercentDiscountRoundingTest,
    testing::Values(RoundingCase{12345, 1000, 1235},   // 1234.5: a half rounds up
                    RoundingCase{12344, 1000, 1234},   // 1234.4
                    RoundingCase{12346, 1000, 1235},   // 1234.6
                    RoundingCase{4004, 1250, 501},     // 500.5
                    RoundingCase{4003, 1250, 500},     // 500.375
                    RoundingCase{4005, 1250, 501},     // 500.625
                    RoundingCase{15000, 1, 2},         // 1.5 at 0.01 %
                    RoundingCase{14999, 1, 1},         // 1.4999
                    RoundingCase{5, 1000, 1},          // 0.5
                    RoundingCase{4, 1000, 0},          // 0.4
                    RoundingCase{1, 5000, 1},          // 0.5 of Rp1: the customer pays Rp0
                    RoundingCase{33333, 3333, 11110},  // 11109.8889
                    RoundingCase{20000, 0, 0},         // 0 %
                    RoundingCase{20000, 10000, 20000},              // 100 %
                    RoundingCase{999'999'999, 5, 500'000},          // 499999.9995
                    RoundingCase{1'000'000'000, 9999, 999'900'000},
                    RoundingCase{1'000'000'000, 10000, 1'000'000'000},
                    RoundingCase{0, 5000, 0}));

std::string ParseDiscountText(std::string_view text) {
  Result<Discount> discount = ParseDiscount(text);
  return discount.ok() ? Describe(*discount) : discount.status().ToString();
}

TEST(ParseDiscountTest, AcceptsPercentages) {
  EXPECT_EQ("basis points 1000", ParseDiscountText("10%"));
  EXPECT_EQ("basis points 1250", ParseDiscountText("12.5 %"));
  EXPECT_EQ("basis points 1250", ParseDiscountText("12,5%"));
  EXPECT_EQ("basis points 1234", ParseDiscountText(" 12.34% "));
  EXPECT_EQ("basis points 5", ParseDiscountText("0.05%"));
  EXPECT_EQ("basis points 0", ParseDiscountText("0%"));
  EXPECT_EQ("basis points 10000", ParseDiscountText("100%"));
  EXPECT_EQ("basis points 10000", ParseDiscountText("100.00%"));
}

TEST(ParseDiscountTest, AcceptsRupiah) {
  EXPECT_EQ("rupiah 5000", ParseDiscountText("5000"));
  EXPECT_EQ("rupiah 5000", ParseDiscountText("Rp5.000"));
  EXPECT_EQ("rupiah 5000", ParseDiscountText(" Rp 5.000 "));
}

TEST(ParseDiscountTest, RefusesBadText) {
  const auto not_a_percentage = [](std::string_view text) {
    return "InvalidArgument: '" + std::string(text) +
           "' is not a percentage from 0 to 100 with at most two decimals";
  };
  for (std::string_view text : {"101%", "100.01%", "1.234%", "-5%", "%", " % ", "12.%", "1,2,3%", "abc%",
                                "99999999999999999999%"}) {
    EXPECT_EQ(not_a_percentage(text), ParseDiscountText(text));
  }
  EXPECT_EQ("InvalidArgument: 'abc' is not an amount", ParseDiscountText("abc"));
  EXPECT_EQ("InvalidArgument: '' is not an amount", ParseDiscountText(""));
  EXPECT_EQ("InvalidArgument: a discount cannot be negative", ParseDiscountText("-5000"));
}

// ---- payments -------------------------------------------------------------------------------

TEST(PaymentTest, ExactCash) {
  Cart cart = CartWorth(20000);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(20000)).ok());
  EXPECT_EQ("subtotal Rp20.000 | discount Rp0 | total Rp20.000 | paid Rp20.000 | remaining Rp0 "
            "| change Rp0 | cash_taken Rp20.000",
            Describe(cart.Totals()));
}

TEST(PaymentTest, CashWithChange) {
  Cart cart = CartWorth(17500);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(50000)).ok());
  EXPECT_EQ("subtotal Rp17.500 | discount Rp0 | total Rp17.500 | paid Rp50.000 | remaining Rp0 "
            "| change Rp32.500 | cash_taken Rp17.500",
            Describe(cart.Totals()));
}

TEST(PaymentTest, SplitCashAndQris) {
  Cart cart = CartWorth(47500);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(30000)).ok());
  EXPECT_EQ("subtotal Rp47.500 | discount Rp0 | total Rp47.500 | paid Rp30.000 | remaining Rp17.500 "
            "| change Rp0 | cash_taken Rp0",
            Describe(cart.Totals()));
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(20000)).ok());
  EXPECT_EQ("subtotal Rp47.500 | discount Rp0 | total Rp47.500 | paid Rp50.000 | remaining Rp0 "
            "| change Rp2.500 | cash_taken Rp17.500",
            Describe(cart.Totals()));
}

TEST(PaymentTest, QrisAndTransferExactly) {
  Cart cart = CartWorth(47500);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(40000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kTransfer, Rp(7500)).ok());
  EXPECT_EQ("subtotal Rp47.500 | discount Rp0 | total Rp47.500 | paid Rp47.500 | remaining Rp0 "
            "| change Rp0 | cash_taken Rp0",
            Describe(cart.Totals()));
  EXPECT_TRUE(cart.Complete().ok());
}

TEST(PaymentTest, QrisAndTransferMayNotExceedTheTotal) {
  Cart cart = CartWorth(20000);
  EXPECT_EQ("InvalidArgument: QRIS and transfer payments (Rp20.001) exceed the total Rp20.000; "
            "change is given only from cash",
            cart.AddPayment(PaymentMethod::kQris, Rp(20001)).ToString());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(15000)).ok());
  EXPECT_EQ("InvalidArgument: QRIS and transfer payments (Rp25.000) exceed the total Rp20.000; "
            "change is given only from cash",
            cart.AddPayment(PaymentMethod::kTransfer, Rp(10000)).ToString());
  EXPECT_EQ(1u, cart.payments().size());
}

TEST(PaymentTest, PaymentsMustBePositiveAndFew) {
  Cart cart = CartWorth(20000);
  EXPECT_EQ("InvalidArgument: a payment must be more than Rp0",
            cart.AddPayment(PaymentMethod::kCash, Rp(0)).ToString());
  EXPECT_EQ("InvalidArgument: a payment must be more than Rp0",
            cart.AddPayment(PaymentMethod::kCash, Rp(-100)).ToString());
  for (size_t i = 0; i < kMaxPayments; ++i) ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(1000)).ok());
  EXPECT_EQ("InvalidArgument: a sale takes at most 10 payments",
            cart.AddPayment(PaymentMethod::kCash, Rp(1000)).ToString());
  ASSERT_TRUE(cart.RemovePayment(0).ok());
  EXPECT_EQ("NotFound: no payment 10", cart.RemovePayment(9).ToString());
}

// The case: Rp15.000 typed before the customer's Rp50.000 gave Rp150.005.000 received.
TEST(PaymentTest, CashLeavingChangeOfTheLargestNoteOrMoreIsRefused) {
  Cart cart = CartWorth(20000);
  const std::string kNotPlausible =
      "InvalidArgument: change of Rp100.000 is not plausible: change is always below Rp100.000, the "
      "largest note; check the cash received";
  EXPECT_EQ(kNotPlausible, cart.AddPayment(PaymentMethod::kCash, Rp(120000)).ToString());
  EXPECT_EQ("InvalidArgument: change of Rp899.980.000 is not plausible: change is always below "
            "Rp100.000, the largest note; check the cash received",
            cart.AddPayment(PaymentMethod::kCash, Rp(900'000'000)).ToString());
  EXPECT_TRUE(cart.payments().empty());  // refused payments are not kept
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(119999)).ok());  // change Rp99.999
  EXPECT_EQ("Rp99.999", FormatMoney(cart.Totals()->change));
  ASSERT_TRUE(cart.Complete().ok());

  // Split: the cash after a QRIS part is judged against what is left to pay.
  Cart split = CartWorth(150000);
  ASSERT_TRUE(split.AddPayment(PaymentMethod::kQris, Rp(100000)).ok());
  EXPECT_FALSE(split.AddPayment(PaymentMethod::kCash, Rp(150000)).ok());  // change Rp100.000
  EXPECT_TRUE(split.AddPayment(PaymentMethod::kCash, Rp(100000)).ok());    // change Rp50.000

  // Lowering the total after the cash was taken: completion judges the change again.
  Cart lowered;
  ASSERT_TRUE(lowered.AddCustom(Rp(90000)).ok());
  ASSERT_TRUE(lowered.AddCustom(Rp(20000)).ok());
  ASSERT_TRUE(lowered.AddPayment(PaymentMethod::kCash, Rp(150000)).ok());  // change Rp40.000
  ASSERT_TRUE(lowered.RemoveLine(0).ok());                                  // change Rp130.000
  EXPECT_EQ("InvalidArgument: change of Rp130.000 is not plausible: change is always below "
            "Rp100.000, the largest note; check the cash received",
            lowered.Complete().status().ToString());

  // A recorded sale is not judged again by it: the journal verifier's totals still add up.
  EXPECT_TRUE(ComputeTotals(LinesWorth(20000), Discount::None(), {{PaymentMethod::kCash, Rp(500000)}}).ok());
}

TEST(CashSuggestionsTest, TheNextOfEachNotePeopleCarryAboveWhatIsDue) {
  const auto suggested = [](int64_t due) {
    std::string text;
    for (Money amount : CashSuggestions(Rp(due))) text += FormatMoney(amount) + " ";
    return text;
  };
  EXPECT_EQ("Rp30.000 Rp40.000 Rp50.000 Rp100.000 ", suggested(25000));  // the case
  EXPECT_EQ("Rp10.000 Rp20.000 Rp50.000 Rp100.000 ", suggested(5000));   // above, never equal
  EXPECT_EQ("Rp125.000 Rp130.000 Rp140.000 Rp150.000 Rp200.000 ", suggested(120000));
  EXPECT_EQ("Rp5.000 Rp10.000 Rp20.000 Rp50.000 Rp100.000 ", suggested(500));
  EXPECT_EQ("", suggested(0));
  EXPECT_EQ(2u, CashSuggestions(Rp(25000), 2).size());
  for (int64_t due : {1, 4999, 25000, 99999, 100000, 123456, 999'999'999}) {
    for (Money amount : CashSuggestions(Rp(due))) {
      EXPECT_GT(amount, Rp(due));
      EXPECT_LT(*amount.Minus(Rp(due)), kLargestNote) << due;  // the change rule holds
    }
  }
}

TEST(PaymentTest, CompleteRefusesAnUnderPaidSale) {
  Cart cart = CartWorth(20000);
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(15000)).ok());
  EXPECT_EQ("FailedPrecondition: under-paid: Rp5.000 of Rp20.000 still due",
            cart.Complete().status().ToString());
}

TEST(PaymentTest, CompleteRefusesAnEmptyCart) {
  EXPECT_EQ("FailedPrecondition: the sale has no items", Cart().Complete().status().ToString());
}

TEST(PaymentTest, CompletedSaleHoldsLinesDiscountPaymentsAndTotals) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kTeh, 2).ok());
  ASSERT_TRUE(cart.AddCustom(Rp(10000)).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Percent(1000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kQris, Rp(10000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(10000)).ok());
  Result<CompletedSale> sale = cart.Complete();
  ASSERT_TRUE(sale.ok()) << sale.status().ToString();
  EXPECT_EQ(cart.lines(), sale->lines);
  EXPECT_EQ("basis points 1000", Describe(sale->discount));
  EXPECT_EQ(cart.payments(), sale->payments);
  EXPECT_EQ("subtotal Rp20.000 | discount Rp2.000 | total Rp18.000 | paid Rp20.000 | remaining Rp0 "
            "| change Rp2.000 | cash_taken Rp8.000",
            Describe(sale->totals));

  cart.Clear();
  EXPECT_TRUE(cart.empty());
  EXPECT_TRUE(cart.payments().empty());
  EXPECT_EQ("none", Describe(cart.discount()));
}

// ---- absurd amounts -------------------------------------------------------------------------

TEST(SaleLimitTest, SubtotalAboveTheLimitIsRefused) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(kMaxUnitPrice, 10).ok());  // exactly Rp1 miliar
  EXPECT_EQ("InvalidArgument: the subtotal is above the limit of Rp1.000.000.000 for one sale",
            cart.AddCustom(Rp(1)).ToString());
  EXPECT_EQ("InvalidArgument: the subtotal is above the limit of Rp1.000.000.000 for one sale",
            cart.SetQuantity(0, 11).ToString());
  EXPECT_EQ("Lain-lain Rp100.000.000 x10 = Rp1.000.000.000", Describe(cart.lines()));
}

TEST(SaleLimitTest, LargestQuantityTimesLargestPriceIsRefusedNotWrapped) {
  Cart cart;
  EXPECT_EQ("InvalidArgument: the subtotal is above the limit of Rp1.000.000.000 for one sale",
            cart.AddCustom(kMaxUnitPrice, kMaxQuantity).ToString());
  EXPECT_EQ("InvalidArgument: the subtotal is above the limit of Rp1.000.000.000 for one sale",
            cart.AddProduct(MakeProduct("MAHAL", "Mahal", 100'000'000), kMaxQuantity).ToString());
  EXPECT_TRUE(cart.empty());
}

TEST(SaleLimitTest, PaymentsAboveTheLimitAreRefused) {
  Cart cart;
  ASSERT_TRUE(cart.AddCustom(kMaxUnitPrice, 7).ok());  // Rp700.000.000
  const std::string kAbove = "InvalidArgument: the payment is above the limit of Rp1.000.000.000 for one sale";
  EXPECT_EQ(kAbove, cart.AddPayment(PaymentMethod::kCash, Rp(kInt64Max)).ToString());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(600'000'000)).ok());
  EXPECT_EQ(kAbove, cart.AddPayment(PaymentMethod::kCash, Rp(600'000'000)).ToString());
  EXPECT_EQ(kAbove, ComputeTotals(LinesWorth(20000), Discount::None(),
                                  {{PaymentMethod::kCash, Rp(kInt64Max)}, {PaymentMethod::kCash, Rp(kInt64Max)}})
                        .status()
                        .ToString());
}

// "No figure may exceed kMaxSaleTotal": QRIS paying the whole Rp1 miliar plus Rp1 miliar in cash
// would record Rp2 miliar paid.
TEST(SaleLimitTest, PaidAboveTheLimitIsRefused) {
  Result<SaleTotals> totals = ComputeTotals(
      LinesWorth(1'000'000'000), Discount::None(),
      {{PaymentMethod::kQris, kMaxSaleTotal}, {PaymentMethod::kCash, kMaxSaleTotal}});
  EXPECT_FALSE(totals.ok()) << Describe(totals);
}

TEST(SaleLimitTest, ComputeTotalsRefusesAbsurdLines) {
  const auto totals_of = [](SaleLine line) {
    return ComputeTotals({std::move(line)}, Discount::None(), {}).status().ToString();
  };
  EXPECT_EQ("InvalidArgument: quantity 9223372036854775807 is outside 1 to 9999",
            totals_of({"", "X", Rp(2), kInt64Max, Rp(kInt64Max - 1)}));
  EXPECT_EQ("InvalidArgument: price of 'X' must be from Rp1 to Rp100.000.000",
            totals_of({"", "X", Rp(kInt64Max), 2, Rp(-2)}));
  EXPECT_EQ("InvalidArgument: price of 'X' must be from Rp1 to Rp100.000.000",
            totals_of({"", "X", Rp(-5), 2, Rp(-10)}));
}

TEST(ComputeTotalsTest, RefusesALineThatDoesNotAddUp) {
  const std::vector<SaleLine> lines = {{"ES-TEH", "Es Teh Manis", Rp(5000), 3, Rp(14000)}};
  EXPECT_EQ("InvalidArgument: line 'Es Teh Manis' does not add up",
            ComputeTotals(lines, Discount::None(), {}).status().ToString());
}

TEST(ComputeTotalsTest, AgreesWithTheCart) {
  Cart cart;
  ASSERT_TRUE(cart.AddProduct(kKopi, 3).ok());
  ASSERT_TRUE(cart.SetDiscount(Discount::Amount(Rp(1000))).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kTransfer, Rp(5000)).ok());
  ASSERT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(50000)).ok());
  EXPECT_EQ("subtotal Rp36.000 | discount Rp1.000 | total Rp35.000 | paid Rp55.000 | remaining Rp0 "
            "| change Rp20.000 | cash_taken Rp30.000",
            Describe(ComputeTotals(cart.lines(), cart.discount(), cart.payments())));
}

}  // namespace
}  // namespace lapak
