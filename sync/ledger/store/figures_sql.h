// LedgerFigures in and out of SQL: the eight figure columns of day_totals, hour_totals,
// session_totals (and, prefixed, reconciliations), always in LedgerFigures' order.
#pragma once

#include <vector>

#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/store/sql.h"

namespace lapak::ledger {

inline constexpr const char* kFigureColumns =
    "sales_count, voids_count, gross, voids, net, cash, qris, transfer";

// The figures in columns first … first + 7 of `row`.
inline LedgerFigures FiguresFromRow(const sql::Rows& rows, size_t row, size_t first) {
  return {rows.Int(row, first),     rows.Int(row, first + 1), rows.Int(row, first + 2),
          rows.Int(row, first + 3), rows.Int(row, first + 4), rows.Int(row, first + 5),
          rows.Int(row, first + 6), rows.Int(row, first + 7)};
}

// Appends the eight figures as parameters.
inline void AppendFigures(std::vector<sql::Value>& values, const LedgerFigures& f) {
  for (int64_t figure : {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.cash, f.qris,
                         f.transfer}) {
    values.emplace_back(figure);
  }
}

}  // namespace lapak::ledger
