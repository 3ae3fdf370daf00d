// AverageSale and MakeChange (reports.h).
#include "sync/ledger/reports/reports.h"

namespace lapak::ledger {

int64_t AverageSale(const LedgerFigures& figures) {
  const int64_t standing = figures.sales_count - figures.voids_count;
  if (standing <= 0) return 0;
  // Floor division, then up when the remainder is at least half: no 2 × net to overflow.
  int64_t quotient = figures.net / standing;
  int64_t remainder = figures.net % standing;
  if (remainder < 0) {
    quotient -= 1;
    remainder += standing;
  }
  return remainder >= standing - remainder ? quotient + 1 : quotient;
}

Change MakeChange(int64_t previous, int64_t current) {
  Change change{previous, current, current - previous, std::nullopt};
  if (previous != 0) {
    change.percent = static_cast<double>(change.difference) * 100.0 / static_cast<double>(previous);
  }
  return change;
}

}  // namespace lapak::ledger
