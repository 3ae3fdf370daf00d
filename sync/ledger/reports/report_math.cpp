// StandingSales, AverageSale, SharePercent, EventLength and MakeChange (reports.h).
#include "sync/ledger/reports/reports.h"

#include "core/business_day.h"
#include "core/refusal.h"

namespace lapak::ledger {

int64_t StandingSales(const LedgerFigures& figures) { return figures.sales_count - figures.voids_count; }

Money AverageSale(const LedgerFigures& figures) {
  const int64_t standing = StandingSales(figures);
  if (standing <= 0) return Money();
  // Floor division, then up when the remainder is at least half: no 2 × net to overflow.
  const int64_t net = figures.net.rupiah();
  int64_t quotient = net / standing;
  int64_t remainder = net % standing;
  if (remainder < 0) {
    quotient -= 1;
    remainder += standing;
  }
  return Money::Rupiah(remainder >= standing - remainder ? quotient + 1 : quotient);
}

double SharePercent(Money part, Money whole) {
  if (whole <= Money()) return 0;
  return 100.0 * static_cast<double>(part.rupiah()) / static_cast<double>(whole.rupiah());
}

int EventLength(const EventInfo& event) { return DaysBetween(event.first_day, event.last_day) + 1; }

// difference × 100 / previous, when previous is not 0.
static std::optional<double> PercentOf(double difference, double previous) {
  if (previous == 0) return std::nullopt;
  return difference * 100.0 / previous;
}

Result<MoneyChange> MakeChange(Money previous, Money current) {
  const std::optional<Money> difference = current.Minus(previous);
  if (!difference) {
    return Refuse(Refusal::kLedgerFiguresOverflow);
  }
  return MoneyChange{previous, current, *difference,
                     PercentOf(static_cast<double>(difference->rupiah()),
                               static_cast<double>(previous.rupiah()))};
}

CountChange MakeChange(int64_t previous, int64_t current) {
  return CountChange{previous, current, current - previous,
                     PercentOf(static_cast<double>(current - previous), static_cast<double>(previous))};
}

}  // namespace lapak::ledger
