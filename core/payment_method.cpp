#include "core/payment_method.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "core/refusal.h"

namespace lapak {

std::string_view PaymentMethodName(PaymentMethod method) { return InfoOf(method).name; }

static bool IsLowerCaseOf(std::string_view lower, std::string_view text) {
  return lower.size() == text.size() &&
         std::equal(text.begin(), text.end(), lower.begin(), [](char c, char l) {
           return static_cast<char>(std::tolower(static_cast<unsigned char>(c))) == l;
         });
}

Result<PaymentMethod> ParsePaymentMethod(std::string_view name) {
  std::string names;
  for (size_t i = 0; i < kPaymentMethodCount; ++i) {
    const PaymentMethodInfo& info = kPaymentMethods[i];
    if (name == info.name || IsLowerCaseOf(name, info.label_id)) return info.method;
    names += fmt::format("{}{}", i == 0 ? "" : ", ", info.name);
  }
  return Refuse(Refusal::kNotAPaymentMethod, name, names);
}

std::string PaymentMethodColumns(std::string_view prefix) {
  std::string columns;
  for (const PaymentMethodInfo& info : kPaymentMethods) {
    columns += fmt::format("{}{}{}", columns.empty() ? "" : ", ", prefix, info.name);
  }
  return columns;
}

std::optional<MethodAmounts> MethodAmounts::Plus(const MethodAmounts& other) const {
  MethodAmounts sum;
  for (size_t i = 0; i < kPaymentMethodCount; ++i) {
    const std::optional<Money> amount = amounts[i].Plus(other.amounts[i]);
    if (!amount) return std::nullopt;
    sum.amounts[i] = *amount;
  }
  return sum;
}

std::optional<MethodAmounts> MethodAmounts::Minus(const MethodAmounts& other) const {
  MethodAmounts difference;
  for (size_t i = 0; i < kPaymentMethodCount; ++i) {
    const std::optional<Money> amount = amounts[i].Minus(other.amounts[i]);
    if (!amount) return std::nullopt;
    difference.amounts[i] = *amount;
  }
  return difference;
}

std::optional<Money> MethodAmounts::Total() const {
  Money total;
  for (const Money amount : amounts) {
    const std::optional<Money> sum = total.Plus(amount);
    if (!sum) return std::nullopt;
    total = *sum;
  }
  return total;
}

}  // namespace lapak
