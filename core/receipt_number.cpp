#include "core/receipt_number.h"

#include <fmt/core.h>

#include <charconv>

#include "core/business_day.h"

namespace lapak {

std::string FormatReceiptNumber(std::string_view business_day, int64_t number) {
  std::string compact(business_day);
  std::erase(compact, '-');
  return fmt::format("{}-{:04}", compact, number);
}

std::optional<ReceiptNumber> ParseReceiptNumber(std::string_view text) {
  if (text.size() < 13 || text[8] != '-') return std::nullopt;
  const std::string day = fmt::format("{}-{}-{}", text.substr(0, 4), text.substr(4, 2), text.substr(6, 2));
  const std::string_view digits = text.substr(9);
  int64_t number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (!IsIsoDate(day) || error != std::errc() || end != digits.data() + digits.size() || number < 1 ||
      FormatReceiptNumber(day, number) != text) {
    return std::nullopt;
  }
  return ReceiptNumber{day, number};
}

}  // namespace lapak
