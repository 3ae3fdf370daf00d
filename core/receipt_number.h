// Receipt numbers: what the vendor and the customer read on a receipt.
//
//   receipt := YYYYMMDD "-" NNNN
// the business day without dashes, then the sale's running number within that day from 1,
// at least four digits ("20261122-0007", "20261122-12345"). Numbered by the terminal; a stall
// has one terminal (ARCHITECTURE.md), so a number is unique for the stall and day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lapak {

struct ReceiptNumber {
  std::string business_day;  // "2026-11-22"
  int64_t number = 0;        // 1, 2, 3 … within the day
};

std::string FormatReceiptNumber(std::string_view business_day, int64_t number);
// std::nullopt unless `text` is a receipt number of a real date.
std::optional<ReceiptNumber> ParseReceiptNumber(std::string_view text);

}  // namespace lapak
