// LedgerStore: reading back what was received.
#include <fmt/core.h>

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
      fmt::format("SELECT stall_id, {} FROM day_totals WHERE event_id = $1 AND business_day = $2 "
                  "ORDER BY stall_id",
                  FigureColumns()),
      {Param(event_id), Param(business_day)});
  if (!rows.ok()) return rows.status();
  std::vector<StallDayTotals> totals;
  for (size_t row = 0; row < rows->size(); ++row) {
    totals.push_back({event_id, business_day, rows->Text(row, 0), FiguresFromRow(*rows, row, 1)});
  }
  return totals;
}

Result<std::vector<Reconciliation>> LedgerStore::Reconciliations(const TerminalRef& terminal) {
  std::lock_guard lock(mutex_);
  Result<sql::Rows> rows = db_->Query(
      fmt::format("SELECT r.z_number, r.stall_id, r.business_day, {}, {}, r.agrees, r.difference "
                  "FROM reconciliations r JOIN terminals t ON t.id = r.terminal_id "
                  "WHERE t.stall_id = $1 AND t.name = $2 ORDER BY r.z_number",
                  FigureColumns("r.terminal_"), FigureColumns("r.ledger_")),
      {Param(terminal.stall_id), Param(terminal.terminal_id)});
  if (!rows.ok()) return rows.status();
  constexpr size_t kTerminal = 3;
  constexpr size_t kLedger = kTerminal + kFigureColumnCount;
  constexpr size_t kAgrees = kLedger + kFigureColumnCount;
  std::vector<Reconciliation> list;
  for (size_t row = 0; row < rows->size(); ++row) {
    list.push_back({.terminal_id = terminal.terminal_id,
                    .z_number = rows->Int(row, 0),
                    .stall_id = rows->Text(row, 1),
                    .business_day = rows->Text(row, 2),
                    .terminal = FiguresFromRow(*rows, row, kTerminal),
                    .ledger = FiguresFromRow(*rows, row, kLedger),
                    .agrees = rows->Int(row, kAgrees) != 0,
                    .difference = Money::Rupiah(rows->Int(row, kAgrees + 1))});
  }
  return list;
}

}  // namespace lapak::ledger
