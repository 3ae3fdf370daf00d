#include "core/cash_count.h"

#include "core/refusal.h"
#include "core/sale.h"

namespace lapak {

Result<Money> CashCountTotal(const CashCount& count) {
  Money total;
  for (size_t i = 0; i < kDenominations.size(); ++i) {
    if (count[i] < 0) return Refuse(Refusal::kNegativeNoteCount);
    const std::optional<Money> value = Money::Rupiah(kDenominations[i]).Times(count[i]);
    const std::optional<Money> sum = value ? total.Plus(*value) : std::nullopt;
    if (!sum || *sum > kMaxSaleTotal) {
      return Refuse(Refusal::kCountedCashAboveLimit, kMaxSaleTotal);
    }
    total = *sum;
  }
  return total;
}

}  // namespace lapak
