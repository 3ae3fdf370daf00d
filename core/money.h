// Money: whole Indonesian rupiah in an int64. Never a float on a money path.
//
// Arithmetic is checked: an operation that would overflow int64 returns an error instead
// of wrapping. Text appears only at the edges:
//   Format:  Rp20.000   -Rp5.000   Rp0          (PUEBI: no space, '.' groups thousands)
//   Parse:   20000 | 20.000 | Rp20.000 | Rp 20.000 | Rp.20.000 | rp20.000 | 20.000,- | 20.000,00
//            with an optional leading '-'. Groups must be exactly three digits; a decimal
//            part other than ",-", ",0" or ",00" is refused (rupiah has no cents here).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Rupiah(int64_t rupiah) { return Money(rupiah); }

  constexpr int64_t rupiah() const { return rupiah_; }
  constexpr bool is_zero() const { return rupiah_ == 0; }
  constexpr bool is_negative() const { return rupiah_ < 0; }

  // Checked arithmetic: std::nullopt on int64 overflow.
  [[nodiscard]] std::optional<Money> Plus(Money other) const;
  [[nodiscard]] std::optional<Money> Minus(Money other) const;
  [[nodiscard]] std::optional<Money> Times(int64_t factor) const;

  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t rupiah) : rupiah_(rupiah) {}
  int64_t rupiah_ = 0;
};

// "Rp20.000", "-Rp5.000".
std::string FormatMoney(Money amount);

// Parses the forms listed at the top of this file; the message names what was wrong.
[[nodiscard]] Result<Money> ParseMoney(std::string_view text);

}  // namespace lapak
