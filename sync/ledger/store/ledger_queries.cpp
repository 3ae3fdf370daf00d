// LedgerStore: reading back what was received.
#include "sync/ledger/store/figures_sql.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

namespace {

using sql::Param;

}  // namespace

Result<std::vector<StallDayTotals>> LedgerStore::DayTotals(const std::string& event_id,
                                                           const std::string& business_day) {
  std::lock_guard lock(mutex_);
  Result<sql::Rows> rows = db_->Query(
      "SELECT stall_id, sales_count, voids_count, gross, voids, net, cash, qris, transfer "
      "FROM day_totals WHERE event_id = $1 AND business_day = $2 ORDER BY stall_id",
      {Param(event_id), Param(business_day)});
  if (!rows.ok()) return rows.status();
  std::vector<StallDayTotals> totals;
  for (size_t row = 0; row < rows->size(); ++row) {
    totals.push_back({event_id, business_day, rows->Text(row, 0), FiguresFromRow(*rows, row, 1)});
  }
  return totals;
}

Result<std::vector<Reconciliation>> LedgerStore::Reconciliations(const std::string& terminal_id) {
  std::lock_guard lock(mutex_);
  Result<sql::Rows> rows = db_->Query(
      "SELECT z_number, stall_id, business_day, "
      "terminal_sales_count, terminal_voids_count, terminal_gross, terminal_voids, terminal_net, "
      "terminal_cash, terminal_qris, terminal_transfer, "
      "ledger_sales_count, ledger_voids_count, ledger_gross, ledger_voids, ledger_net, "
      "ledger_cash, ledger_qris, ledger_transfer, agrees, difference "
      "FROM reconciliations WHERE terminal_id = $1 ORDER BY z_number",
      {Param(terminal_id)});
  if (!rows.ok()) return rows.status();
  std::vector<Reconciliation> list;
  for (size_t row = 0; row < rows->size(); ++row) {
    list.push_back({.terminal_id = terminal_id,
                    .z_number = rows->Int(row, 0),
                    .stall_id = rows->Text(row, 1),
                    .business_day = rows->Text(row, 2),
                    .terminal = FiguresFromRow(*rows, row, 3),
                    .ledger = FiguresFromRow(*rows, row, 11),
                    .agrees = rows->Int(row, 19) != 0,
                    .difference = rows->Int(row, 20)});
  }
  return list;
}

}  // namespace lapak::ledger
