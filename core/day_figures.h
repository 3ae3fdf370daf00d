// The figures of a business day or of one day session (the span between a day open and its
// Z): what the day report shows and what a Z report freezes.
//
//   gross    = Σ total of every sale, voided or not
//   voids    = Σ total of the voided sales
//   net      = gross − voids
//   by method: the net amount each payment method brought in, voided sales left out; cash
//              counts what stayed in the drawer (tendered − change), so Σ by method = net
//   cash moves    = cash put into the drawer (kas masuk) and taken out of it (kas keluar)
//                   during a session, not sales: change brought in, a float corrected, takings
//                   handed to the owner; each with a reason in the journal (core/journal.h)
//   expected cash = opening float + net cash + cash in − cash out
//   over/short    = counted cash − expected cash (negative: short)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/money.h"
#include "core/payment_method.h"
#include "core/status.h"

namespace lapak {

// What one sale contributes, by method.
struct SaleAmounts {
  Money total;
  MethodAmounts by_method;  // cash: taken, i.e. tendered − change; the others as paid
  // Of by_method's QRIS, what was paid through the dynamic code the terminal showed (core/
  // sale.h): the rest was confirmed by hand. The ledger counts it apart; DayFigures does not.
  Money qris_shown = {};

  bool operator==(const SaleAmounts&) const = default;
};

struct DayFigures {
  int64_t sales_count = 0;  // every sale, voided or not
  int64_t voids_count = 0;
  Money gross;
  Money voids;
  Money net;
  MethodAmounts by_method;

  // Adds one sale; fails only on an int64 overflow, which no real day can reach.
  [[nodiscard]] Status Add(const SaleAmounts& sale, bool voided);
  // Moves a sale added unvoided over to the voided: the same figures as Add(sale, true).
  [[nodiscard]] Status Void(const SaleAmounts& sale);
  bool operator==(const DayFigures&) const = default;
};

// A session's cash moves, summed.
struct CashMoves {
  Money in;   // kas masuk
  Money out;  // kas keluar
  bool operator==(const CashMoves&) const = default;
};

// A Z report: the figures of one day session frozen at its close.
struct ZReport {
  int64_t z_number = 0;    // 1, 2, 3 … per terminal
  int64_t day_number = 0;  // the day session it closes
  std::string business_day;
  int64_t open_seq = 0;    // journal entry that opened the session
  int64_t close_seq = 0;   // the day-close entry holding this report
  TimePoint opened_at;      // time of the day-open entry
  TimePoint closed_at;      // time of the day-close entry
  Money opening_float;
  DayFigures figures;
  CashMoves cash_moves;
  Money expected_cash;
  Money counted_cash;
  Money over_short;

  bool operator==(const ZReport&) const = default;
};

// Opening float plus net cash plus cash in minus cash out: what the drawer should hold.
// nullopt on overflow.
std::optional<Money> ExpectedCash(Money opening_float, const DayFigures& figures, const CashMoves& moves);

// Fills expected_cash and over_short from the float, figures, cash moves and counted cash.
[[nodiscard]] Status SettleCash(ZReport& report);

}  // namespace lapak
