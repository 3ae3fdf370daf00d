// One line of `lapak sell-batch`'s input: a sale as a JSON object on one line (JSON Lines).
//
//   line     := sale, at most kMaxSaleLineBytes bytes before its '\n'
//   sale     := {"items": [item…], "custom": [custom…], "discount": discount, "pay": [payment…]}
//               "pay" is required and not empty; the others may be left out; no other member
//   item     := {"sku": TEXT, "qty": QTY}              "qty" may be left out: 1
//   custom   := {"amount": AMOUNT, "name": TEXT}       "name" may be left out: "Lain-lain"
//   discount := "10%" | "12.5%" | AMOUNT               as `lapak sell --discount`
//   payment  := {"method": METHOD, "amount": AMOUNT}   "amount" may be left out: what is still due
//   METHOD   := "cash" | "qris" | "transfer"           (or the Indonesian label: "tunai")
//   AMOUNT   := whole rupiah as a JSON integer (20000) or as text the flags take ("Rp20.000")
//   QTY      := a JSON integer (2) or its digits as text ("2")
//
// e.g. {"items":[{"sku":"BKS-01","qty":2},{"sku":"MNM-01"}],"discount":"10%","pay":[{"method":"cash","amount":50000}]}
//
// The same words mean the same as `lapak sell`'s flags (--item, --custom, --discount, --pay):
// scalars are read by the same parsers into the same SaleRequest, and BuildCart applies the
// same rules to both.
#pragma once

#include <cstddef>
#include <string_view>

#include "app/cli/sale_request.h"
#include "core/status.h"

namespace lapak::cli {

inline constexpr size_t kMaxSaleLineBytes = 64 * 1024;

// The sale `line` asks for; a refusal naming the member that is wrong (the line's JSON path,
// as pay[1].amount) when the line is not such an object.
[[nodiscard]] Result<SaleRequest> ParseSaleLine(std::string_view line);

}  // namespace lapak::cli
