// LedgerStore: reading back what was received.
#include "core/sqlite.h"
#include "sync/ledger/ledger_store.h"

namespace lapak::ledger {

namespace {

LedgerFigures FiguresFromColumns(const sqlite::Statement& row, int first) {
  return {row.ColumnInt(first),     row.ColumnInt(first + 1), row.ColumnInt(first + 2),
          row.ColumnInt(first + 3), row.ColumnInt(first + 4), row.ColumnInt(first + 5),
          row.ColumnInt(first + 6), row.ColumnInt(first + 7)};
}

}  // namespace

Result<std::vector<StallDayTotals>> LedgerStore::DayTotals(const std::string& event_id,
                                                           const std::string& business_day) {
  sqlite::Statement select(*db_,
                           "SELECT stall_id, sales_count, voids_count, gross, voids, net, cash, "
                           "qris, transfer FROM day_totals WHERE event_id = ? AND business_day = ? "
                           "ORDER BY stall_id");
  select.Bind(1, event_id).Bind(2, business_day);
  std::vector<StallDayTotals> totals;
  while (select.Step()) {
    totals.push_back({event_id, business_day, select.ColumnText(0), FiguresFromColumns(select, 1)});
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return totals;
}

Result<std::vector<Reconciliation>> LedgerStore::Reconciliations(const std::string& terminal_id) {
  sqlite::Statement select(
      *db_,
      "SELECT z_number, stall_id, business_day, "
      "terminal_sales_count, terminal_voids_count, terminal_gross, terminal_voids, terminal_net, "
      "terminal_cash, terminal_qris, terminal_transfer, "
      "ledger_sales_count, ledger_voids_count, ledger_gross, ledger_voids, ledger_net, "
      "ledger_cash, ledger_qris, ledger_transfer, agrees, difference "
      "FROM reconciliations WHERE terminal_id = ? ORDER BY z_number");
  select.Bind(1, terminal_id);
  std::vector<Reconciliation> list;
  while (select.Step()) {
    list.push_back({.terminal_id = terminal_id,
                    .z_number = select.ColumnInt(0),
                    .stall_id = select.ColumnText(1),
                    .business_day = select.ColumnText(2),
                    .terminal = FiguresFromColumns(select, 3),
                    .ledger = FiguresFromColumns(select, 11),
                    .agrees = select.ColumnInt(19) != 0,
                    .difference = select.ColumnInt(20)});
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return list;
}

}  // namespace lapak::ledger
