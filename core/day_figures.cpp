#include "core/day_figures.h"

#include "core/refusal.h"

namespace lapak {

static bool Accumulate(Money& into, Money amount) {
  const std::optional<Money> sum = into.Plus(amount);
  if (!sum) return false;
  into = *sum;
  return true;
}

static bool Accumulate(MethodAmounts& into, const MethodAmounts& amounts) {
  const std::optional<MethodAmounts> sum = into.Plus(amounts);
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
    ok = ok && Accumulate(net, sale.total) && Accumulate(by_method, sale.by_method);
  }
  if (!ok) return Refuse(Refusal::kDayTotalsOverflow);
  return Status::Ok();
}

static bool Deduct(Money& from, Money amount) {
  const std::optional<Money> difference = from.Minus(amount);
  if (!difference) return false;
  from = *difference;
  return true;
}

static bool Deduct(MethodAmounts& from, const MethodAmounts& amounts) {
  const std::optional<MethodAmounts> difference = from.Minus(amounts);
  if (!difference) return false;
  from = *difference;
  return true;
}

Status DayFigures::Void(const SaleAmounts& sale) {
  ++voids_count;
  const bool ok = Accumulate(voids, sale.total) && Deduct(net, sale.total) &&
                  Deduct(by_method, sale.by_method);
  if (!ok) return Refuse(Refusal::kDayTotalsOverflow);
  return Status::Ok();
}

std::optional<Money> ExpectedCash(Money opening_float, const DayFigures& figures, const CashMoves& moves) {
  const std::optional<Money> with_sales = opening_float.Plus(figures.by_method[PaymentMethod::kCash]);
  const std::optional<Money> with_in = with_sales ? with_sales->Plus(moves.in) : std::nullopt;
  return with_in ? with_in->Minus(moves.out) : std::nullopt;
}

Status SettleCash(ZReport& report) {
  const std::optional<Money> expected = ExpectedCash(report.opening_float, report.figures, report.cash_moves);
  const std::optional<Money> difference =
      expected ? report.counted_cash.Minus(*expected) : std::nullopt;
  if (!difference) return Refuse(Refusal::kCashFiguresOverflow);
  report.expected_cash = *expected;
  report.over_short = *difference;
  return Status::Ok();
}

}  // namespace lapak
