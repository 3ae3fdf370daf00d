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
      "SELECT z_number, stall_id, business_day, terminal_sales, terminal_gross, terminal_net, "
      "terminal_cash, terminal_qris, terminal_transfer, ledger_sales, ledger_gross, ledger_net, "
      "ledger_cash, ledger_qris, ledger_transfer, agrees, difference "
      "FROM reconciliations WHERE terminal_id = ? ORDER BY z_number");
  select.Bind(1, terminal_id);
  std::vector<Reconciliation> list;
  while (select.Step()) {
    Reconciliation r;
    r.terminal_id = terminal_id;
    r.z_number = select.ColumnInt(0);
    r.stall_id = select.ColumnText(1);
    r.business_day = select.ColumnText(2);
    r.terminal = {.sales_count = select.ColumnInt(3), .gross = select.ColumnInt(4),
                  .net = select.ColumnInt(5), .cash = select.ColumnInt(6),
                  .qris = select.ColumnInt(7), .transfer = select.ColumnInt(8)};
    r.ledger = {.sales_count = select.ColumnInt(9), .gross = select.ColumnInt(10),
                .net = select.ColumnInt(11), .cash = select.ColumnInt(12),
                .qris = select.ColumnInt(13), .transfer = select.ColumnInt(14)};
    r.agrees = select.ColumnInt(15) != 0;
    r.difference = select.ColumnInt(16);
    list.push_back(std::move(r));
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return list;
}

}  // namespace lapak::ledger
