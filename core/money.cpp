#include "core/money.h"

#include <cctype>
#include <cstdlib>
#include <string>

#include "core/refusal.h"

namespace lapak {

std::optional<Money> Money::Plus(Money other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(rupiah_, other.rupiah_, &sum)) return std::nullopt;
  return Money(sum);
}

std::optional<Money> Money::Minus(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(rupiah_, other.rupiah_, &difference)) return std::nullopt;
  return Money(difference);
}

std::optional<Money> Money::Times(int64_t factor) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(rupiah_, factor, &product)) return std::nullopt;
  return Money(product);
}

std::string FormatMoney(Money amount) {
  // Work on the magnitude as unsigned so that INT64_MIN formats correctly.
  const bool negative = amount.is_negative();
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(amount.rupiah())
                                : static_cast<uint64_t>(amount.rupiah());
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  const size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  grouped.append(digits, 0, first_group);
  for (size_t i = first_group; i < digits.size(); i += 3) {
    grouped.push_back('.');
    grouped.append(digits, i, 3);
  }
  return (negative ? "-Rp" : "Rp") + grouped;
}

static std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

static bool StripPrefixIgnoringCase(std::string_view& text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  text.remove_prefix(prefix.size());
  return true;
}

// Removes an accepted zero decimal part (",-", ",0", ",00"); refuses any other.
static Status StripZeroDecimals(std::string_view& number, std::string_view original) {
  const size_t comma = number.find(',');
  if (comma == std::string_view::npos) return Status::Ok();
  const std::string_view decimals = number.substr(comma + 1);
  if (decimals != "-" && decimals != "0" && decimals != "00") {
    return Refuse(Refusal::kAmountHasDecimals, original);
  }
  number = number.substr(0, comma);
  return Status::Ok();
}

Result<Money> ParseMoney(std::string_view text) {
  const std::string_view original = TrimSpaces(text);
  std::string_view rest = original;
  const bool negative = !rest.empty() && rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  if (StripPrefixIgnoringCase(rest, "rp")) {
    StripPrefixIgnoringCase(rest, ".");  // "Rp.20.000" is common on hand-written price tags
    rest = TrimSpaces(rest);
  }
  LAPAK_RETURN_IF_ERROR(StripZeroDecimals(rest, original));
  if (rest.empty()) {
    return Refuse(Refusal::kNotAnAmount, original);
  }

  const bool grouped = rest.find('.') != std::string_view::npos;
  // INT64_MIN has one more unit of magnitude than INT64_MAX.
  const uint64_t kLargestMagnitude = static_cast<uint64_t>(INT64_MAX) + (negative ? 1 : 0);
  uint64_t magnitude = 0;
  size_t digits_in_group = 0;
  bool first_group = true;
  for (const char c : rest) {
    if (c == '.') {
      const bool group_ok = first_group ? (digits_in_group >= 1 && digits_in_group <= 3)
                                        : digits_in_group == 3;
      if (!group_ok) {
        return Refuse(Refusal::kAmountGrouping, original);
      }
      first_group = false;
      digits_in_group = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return Refuse(Refusal::kNotAnAmount, original);
    }
    if (__builtin_mul_overflow(magnitude, uint64_t{10}, &magnitude) ||
        __builtin_add_overflow(magnitude, static_cast<uint64_t>(c - '0'), &magnitude) ||
        magnitude > kLargestMagnitude) {
      return Refuse(Refusal::kAmountTooLarge, original);
    }
    ++digits_in_group;
  }
  if (grouped && digits_in_group != 3) {
    return Refuse(Refusal::kAmountGrouping, original);
  }
  return Money::Rupiah(negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude));
}

}  // namespace lapak
