#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"

namespace lapak {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

std::string Format(int64_t rupiah) { return FormatMoney(Money::Rupiah(rupiah)); }

// The parsed amount in plain digits, or the Status ("InvalidArgument: ...").
std::string Parse(std::string_view text) {
  Result<Money> money = ParseMoney(text);
  return money.ok() ? std::to_string(money->rupiah()) : money.status().ToString();
}

// The result of checked arithmetic in plain digits, or "overflow".
std::string Show(std::optional<Money> money) {
  return money ? std::to_string(money->rupiah()) : "overflow";
}

TEST(FormatMoneyTest, GroupsThousandsWithDots) {
  EXPECT_EQ("Rp0", Format(0));
  EXPECT_EQ("Rp5", Format(5));
  EXPECT_EQ("Rp999", Format(999));
  EXPECT_EQ("Rp1.000", Format(1000));
  EXPECT_EQ("Rp20.000", Format(20000));
  EXPECT_EQ("Rp100.000", Format(100000));
  EXPECT_EQ("Rp1.234.567", Format(1234567));
}

TEST(FormatMoneyTest, NegativeAmountsPutTheSignBeforeRp) {
  EXPECT_EQ("-Rp1", Format(-1));
  EXPECT_EQ("-Rp5.000", Format(-5000));
  EXPECT_EQ("-Rp999.999", Format(-999999));
}

TEST(FormatMoneyTest, Int64Limits) {
  EXPECT_EQ("Rp9.223.372.036.854.775.807", Format(kMax));
  EXPECT_EQ("-Rp9.223.372.036.854.775.808", Format(kMin));
}

TEST(ParseMoneyTest, AcceptsTheDocumentedForms) {
  EXPECT_EQ("20000", Parse("20000"));
  EXPECT_EQ("20000", Parse("20.000"));
  EXPECT_EQ("20000", Parse("Rp20.000"));
  EXPECT_EQ("20000", Parse("Rp 20.000"));
  EXPECT_EQ("20000", Parse("rp20.000"));
  EXPECT_EQ("20000", Parse("RP20000"));
  EXPECT_EQ("20000", Parse("Rp.20.000"));
  EXPECT_EQ("20000", Parse("20.000,-"));
  EXPECT_EQ("20000", Parse("20.000,0"));
  EXPECT_EQ("20000", Parse("20.000,00"));
  EXPECT_EQ("20000", Parse("Rp20.000,-"));
  EXPECT_EQ("20000", Parse("  Rp20.000 \t"));
  EXPECT_EQ("0", Parse("0"));
  EXPECT_EQ("5", Parse("Rp5"));
  EXPECT_EQ("1234567", Parse("1.234.567"));
}

TEST(ParseMoneyTest, AcceptsNegativeAmounts) {
  EXPECT_EQ("-5000", Parse("-Rp5.000"));
  EXPECT_EQ("-5000", Parse("-5000"));
  EXPECT_EQ("-5000", Parse(" -rp 5.000,- "));
}

TEST(ParseMoneyTest, AcceptsTheInt64Limits) {
  EXPECT_EQ("9223372036854775807", Parse("9223372036854775807"));
  EXPECT_EQ("9223372036854775807", Parse("Rp9.223.372.036.854.775.807"));
  EXPECT_EQ("-9223372036854775807", Parse("-9223372036854775807"));
}

// FormatMoney writes INT64_MIN, so ParseMoney must read it back.
TEST(ParseMoneyTest, AcceptsInt64Min) {
  EXPECT_EQ("-9223372036854775808", Parse("-Rp9.223.372.036.854.775.808"));
  EXPECT_EQ("-9223372036854775808", Parse("-9223372036854775808"));
}

TEST(ParseMoneyTest, RefusesTextThatIsNotAnAmount) {
  EXPECT_EQ("InvalidArgument: '' is not an amount", Parse(""));
  EXPECT_EQ("InvalidArgument: '' is not an amount", Parse("   "));
  EXPECT_EQ("InvalidArgument: 'Rp' is not an amount", Parse("Rp"));
  EXPECT_EQ("InvalidArgument: '-' is not an amount", Parse("-"));
  EXPECT_EQ("InvalidArgument: ',-' is not an amount", Parse(",-"));
  EXPECT_EQ("InvalidArgument: 'abc' is not an amount", Parse(" abc "));
  EXPECT_EQ("InvalidArgument: '20 000' is not an amount", Parse("20 000"));
  EXPECT_EQ("InvalidArgument: '--5' is not an amount", Parse("--5"));
  EXPECT_EQ("InvalidArgument: '5Rp' is not an amount", Parse("5Rp"));
  EXPECT_EQ("InvalidArgument: '+5' is not an amount", Parse("+5"));
}

TEST(ParseMoneyTest, RefusesBadGrouping) {
  const std::string kThrees = "': thousands are grouped in threes, as in 20.000";
  EXPECT_EQ("InvalidArgument: '20.00" + kThrees, Parse("20.00"));
  EXPECT_EQ("InvalidArgument: '2.0000" + kThrees, Parse("2.0000"));
  EXPECT_EQ("InvalidArgument: '1.2.3" + kThrees, Parse("1.2.3"));
  EXPECT_EQ("InvalidArgument: '1234.567" + kThrees, Parse("1234.567"));
  EXPECT_EQ("InvalidArgument: '.000" + kThrees, Parse(".000"));
  EXPECT_EQ("InvalidArgument: '1..000" + kThrees, Parse("1..000"));
  EXPECT_EQ("InvalidArgument: '20." + kThrees, Parse("20."));
}

TEST(ParseMoneyTest, RefusesADecimalPart) {
  const std::string kWhole = "' has a decimal part; rupiah amounts are whole";
  EXPECT_EQ("InvalidArgument: '20,5" + kWhole, Parse("20,5"));
  EXPECT_EQ("InvalidArgument: '20.000,50" + kWhole, Parse("20.000,50"));
  EXPECT_EQ("InvalidArgument: '20,000" + kWhole, Parse("20,000"));
  EXPECT_EQ("InvalidArgument: '20," + kWhole, Parse("20,"));
}

TEST(ParseMoneyTest, RefusesOverflow) {
  EXPECT_EQ("InvalidArgument: '99999999999999999999' is too large",
            Parse("99999999999999999999"));
  EXPECT_EQ("InvalidArgument: '9223372036854775808' is too large",
            Parse("9223372036854775808"));
  EXPECT_EQ("InvalidArgument: 'Rp18.446.744.073.709.551.616' is too large",
            Parse("Rp18.446.744.073.709.551.616"));
}

TEST(MoneyTest, CheckedPlus) {
  EXPECT_EQ("25000", Show(Money::Rupiah(20000).Plus(Money::Rupiah(5000))));
  EXPECT_EQ("-1", Show(Money::Rupiah(kMax).Plus(Money::Rupiah(kMin))));
  EXPECT_EQ(std::to_string(kMax), Show(Money::Rupiah(kMax - 1).Plus(Money::Rupiah(1))));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMax).Plus(Money::Rupiah(1))));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMin).Plus(Money::Rupiah(-1))));
}

TEST(MoneyTest, CheckedMinus) {
  EXPECT_EQ("-3", Show(Money::Rupiah(5).Minus(Money::Rupiah(8))));
  EXPECT_EQ(std::to_string(kMin), Show(Money::Rupiah(kMin + 1).Minus(Money::Rupiah(1))));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMin).Minus(Money::Rupiah(1))));
  EXPECT_EQ("overflow", Show(Money().Minus(Money::Rupiah(kMin))));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMax).Minus(Money::Rupiah(-1))));
}

TEST(MoneyTest, CheckedTimes) {
  EXPECT_EQ("60000", Show(Money::Rupiah(20000).Times(3)));
  EXPECT_EQ("0", Show(Money::Rupiah(kMax).Times(0)));
  EXPECT_EQ(std::to_string(-kMax), Show(Money::Rupiah(kMax).Times(-1)));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMax).Times(2)));
  EXPECT_EQ("overflow", Show(Money::Rupiah(kMin).Times(-1)));
  EXPECT_EQ("overflow", Show(Money::Rupiah(-1).Times(kMin)));
  EXPECT_EQ("overflow", Show(Money::Rupiah(4'611'686'018'427'387'904).Times(2)));
}

TEST(MoneyTest, ComparesByAmount) {
  EXPECT_LT(Money::Rupiah(-1), Money());
  EXPECT_EQ(Money::Rupiah(0), Money());
  EXPECT_TRUE(Money().is_zero());
  EXPECT_TRUE(Money::Rupiah(-1).is_negative());
  EXPECT_FALSE(Money::Rupiah(1).is_negative());
}

TEST(MoneyTest, FormatThenParseRoundTrips) {
  // INT64_MIN has its own test above.
  std::vector<int64_t> values = {0, kMax, kMin + 1};
  for (int64_t power = 1; power <= kMax / 10; power *= 10) {
    for (const int64_t v : {power - 1, power, power + 1, 7 * power + 3}) {
      values.push_back(v);
      values.push_back(-v);
    }
  }
  for (int64_t v = 1; v <= (kMax - 7) / 3; v = v * 3 + 7) {
    values.push_back(v);
    values.push_back(-v);
  }
  for (const int64_t v : values) {
    const std::string text = Format(v);
    EXPECT_EQ(std::to_string(v), Parse(text)) << "formatted as " << text;
  }
}

}  // namespace
}  // namespace lapak
