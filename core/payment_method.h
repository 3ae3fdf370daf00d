// The payment methods a stall takes, as data: one row per method in kPaymentMethods, and
// what differs between methods is a column of that row. Code that shows, stores, sends or
// sums amounts per method loops over the list instead of naming the methods; the rules that
// are about cash itself (change, the drawer, expected cash) name PaymentMethod::kCash.
//
// A method's name is part of the formats: the journal's payments and Z reports (hashed: a
// name is never changed), the books' state, the CLI, the ledger's JSON and CSV reports, and
// the columns of the terminal's and the ledger's tables. Adding a method is a row here, a
// value of the enum, and a schema migration on both sides (core/schema.cpp,
// sync/ledger/store/ledger_schema.cpp and postgres_schema.cpp) that adds its columns.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace lapak {

enum class PaymentMethod { kCash, kQris, kTransfer };

struct PaymentMethodInfo {
  PaymentMethod method;
  std::string_view name;      // "cash": journal, CLI, report keys and columns, SQL columns
  std::string_view label_id;  // for people, in Bahasa Indonesia: "Tunai"
  std::string_view label_en;  // for people, in English: "Cash"
  bool gives_change;          // change is given from it; the others pay exact amounts
};

// In the order of the enum (checked below); reports and tables show the methods in this order.
inline constexpr std::array kPaymentMethods = {
    PaymentMethodInfo{PaymentMethod::kCash, "cash", "Tunai", "Cash", true},
    PaymentMethodInfo{PaymentMethod::kQris, "qris", "QRIS", "QRIS", false},
    PaymentMethodInfo{PaymentMethod::kTransfer, "transfer", "Transfer", "Transfer", false},
};
inline constexpr size_t kPaymentMethodCount = kPaymentMethods.size();

constexpr size_t MethodIndex(PaymentMethod method) { return static_cast<size_t>(method); }

constexpr bool PaymentMethodsInEnumOrder() {
  for (size_t i = 0; i < kPaymentMethodCount; ++i) {
    if (MethodIndex(kPaymentMethods[i].method) != i) return false;
  }
  return true;
}
static_assert(PaymentMethodsInEnumOrder(), "kPaymentMethods follows the order of enum PaymentMethod");

constexpr const PaymentMethodInfo& InfoOf(PaymentMethod method) {
  return kPaymentMethods[MethodIndex(method)];
}

constexpr bool GivesChange(PaymentMethod method) { return InfoOf(method).gives_change; }

// "cash", "qris", "transfer".
std::string_view PaymentMethodName(PaymentMethod method);
// A method's name, or its Indonesian label in lower case ("tunai"); the message lists the names.
[[nodiscard]] Result<PaymentMethod> ParsePaymentMethod(std::string_view name);

// Every method's name with `prefix`, joined by ", ": "cash, qris, transfer" or
// "s.cash, s.qris, s.transfer". For the column lists of SQL statements.
std::string PaymentMethodColumns(std::string_view prefix = "");

// An amount per payment method, e.g. what a sale or a day brought in by method. Zero for
// every method by default; `amounts` is in the order of kPaymentMethods.
struct MethodAmounts {
  std::array<Money, kPaymentMethodCount> amounts{};

  Money& operator[](PaymentMethod method) { return amounts[MethodIndex(method)]; }
  const Money& operator[](PaymentMethod method) const { return amounts[MethodIndex(method)]; }

  // Method by method, checked: nullopt when any of them overflows int64.
  [[nodiscard]] std::optional<MethodAmounts> Plus(const MethodAmounts& other) const;
  [[nodiscard]] std::optional<MethodAmounts> Minus(const MethodAmounts& other) const;
  // The sum over every method; nullopt on overflow.
  [[nodiscard]] std::optional<Money> Total() const;

  bool operator==(const MethodAmounts&) const = default;
};

}  // namespace lapak
