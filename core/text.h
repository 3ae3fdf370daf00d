// Text that a person typed or a spreadsheet wrote: names, categories, reasons.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/refusal.h"
#include "core/status.h"

namespace lapak {

inline constexpr size_t kMaxNameBytes = 80;      // product, custom line and stall names
inline constexpr size_t kMaxCategoryBytes = 40;
inline constexpr size_t kMaxReasonBytes = 200;   // why a sale was voided

// True when `text` is well-formed UTF-8 with no control characters (tab included): no
// overlong forms, surrogates, C1 controls or code points above U+10FFFF.
bool IsPrintableUtf8(std::string_view text);

// Identifiers that organisers assign and that travel in batches: stall, terminal, event ids
// and skus. 1 to 32 of [A-Za-z0-9._-].
inline constexpr size_t kMaxIdentifierBytes = 32;
bool IsIdentifier(std::string_view id);
// Ok for an identifier; else "<what> '<id>' must be 1 to 32 letters, digits, …".
[[nodiscard]] Status ValidateIdentifier(Word what, std::string_view id);

// The address of a bazaar ledger as terminals store it: "http://" or "https://", then a host
// of [A-Za-z0-9.-] and an optional ":port" (1-65535), nothing after; at most 200 bytes.
bool IsLedgerAddress(std::string_view url);

// Ok when `value` is 1 to `max_bytes` bytes of printable UTF-8; else a refusal naming `field`.
[[nodiscard]] Status ValidateText(Word field, std::string_view value, size_t max_bytes);

}  // namespace lapak
