#include "app/cli/sale_request.h"

#include <charconv>

#include "core/refusal.h"

namespace lapak::cli {

Result<int64_t> ParseQuantity(std::string_view text) {
  int64_t quantity = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), quantity);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Refuse(Refusal::kNotAQuantity, text);
  }
  return quantity;
}

Status BuildCart(StallStore& store, const SaleRequest& request, Cart& cart) {
  for (const SaleRequest::Item& item : request.items) {
    Result<Product> product = store.FindProduct(item.sku);
    if (!product.ok()) return product.status();
    LAPAK_RETURN_IF_ERROR(cart.AddProduct(*product, item.quantity));
  }
  for (const SaleRequest::Custom& custom : request.customs) {
    LAPAK_RETURN_IF_ERROR(cart.AddCustom(custom.amount, 1, custom.name));
  }
  if (request.discount) LAPAK_RETURN_IF_ERROR(cart.SetDiscount(*request.discount));
  for (const SaleRequest::Pay& pay : request.payments) {
    Result<SaleTotals> totals = cart.Totals();
    if (!totals.ok()) return totals.status();
    LAPAK_RETURN_IF_ERROR(cart.AddPayment(pay.method, pay.amount.value_or(totals->remaining)));
  }
  return Status::Ok();
}

}  // namespace lapak::cli
