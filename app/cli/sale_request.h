// A sale as it is asked for, before the catalog is consulted: what `lapak sell`'s flags and a
// `lapak sell-batch` line (app/cli/sale_line.h) are both read into, and BuildCart, the one
// place that turns it into a cart, so that both inputs follow the same rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/payment_method.h"
#include "core/sale.h"
#include "core/status.h"
#include "core/store.h"

namespace lapak::cli {

struct SaleRequest {
  struct Item {
    std::string sku;
    int64_t quantity = 1;
  };
  struct Custom {
    Money amount;
    std::string name;  // empty: the cart names it kCustomLineName
  };
  struct Pay {
    PaymentMethod method = PaymentMethod::kCash;
    std::optional<Money> amount;  // nullopt: what is still due after the payments before it
  };

  std::vector<Item> items;
  std::vector<Custom> customs;
  std::optional<Discount> discount;
  std::vector<Pay> payments;
};

// A quantity as a person writes it: decimal digits only ("3"). Its range is the cart's rule.
[[nodiscard]] Result<int64_t> ParseQuantity(std::string_view text);

// Fills the empty `cart` from `request` in this order: the items (each found in the catalog of
// `store`), the custom amounts, the discount, then the payments. The first refusal is returned
// and the cart is then to be thrown away.
[[nodiscard]] Status BuildCart(StallStore& store, const SaleRequest& request, Cart& cart);

}  // namespace lapak::cli
