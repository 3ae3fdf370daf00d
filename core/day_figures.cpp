#include "core/day_figures.h"

namespace lapak {

static bool Accumulate(Money& into, Money amount) {
  const std::optional<Money> sum = into.Plus(amount);
  if (!sum) return false;
  into = *sum;
  return true;
}

Status DayFigures::Add(const SaleAmounts& sale, bool voided) {
  ++sales_count;
  bool ok = Accumulate(gross, sale.total);
  if (voided) {
    ++voids_count;
    ok = ok && Accumulate(voids, sale.total);
  } else {
    ok = ok && Accumulate(net, sale.total) && Accumulate(cash, sale.cash) &&
         Accumulate(qris, sale.qris) && Accumulate(transfer, sale.transfer);
  }
  if (!ok) return Status::InvalidArgument("the day's totals overflow");
  return Status::Ok();
}

static bool Deduct(Money& from, Money amount) {
  const std::optional<Money> difference = from.Minus(amount);
  if (!difference) return false;
  from = *difference;
  return true;
}

Status DayFigures::Void(const SaleAmounts& sale) {
  ++voids_count;
  const bool ok = Accumulate(voids, sale.total) && Deduct(net, sale.total) && Deduct(cash, sale.cash) &&
                  Deduct(qris, sale.qris) && Deduct(transfer, sale.transfer);
  if (!ok) return Status::InvalidArgument("the day's totals overflow");
  return Status::Ok();
}

std::optional<Money> ExpectedCash(Money opening_float, const DayFigures& figures) {
  return opening_float.Plus(figures.cash);
}

Status SettleCash(ZReport& report) {
  const std::optional<Money> expected = ExpectedCash(report.opening_float, report.figures);
  const std::optional<Money> difference =
      expected ? report.counted_cash.Minus(*expected) : std::nullopt;
  if (!difference) return Status::InvalidArgument("the cash figures overflow");
  report.expected_cash = *expected;
  report.over_short = *difference;
  return Status::Ok();
}

}  // namespace lapak
