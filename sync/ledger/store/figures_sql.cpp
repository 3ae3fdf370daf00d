#include "sync/ledger/store/figures_sql.h"

#include <fmt/core.h>

namespace lapak::ledger {

namespace {

// The columns in LedgerFigures' order.
std::vector<std::string_view> FigureColumnNames() {
  std::vector<std::string_view> names = {"sales_count", "voids_count", "gross", "voids", "net"};
  for (const PaymentMethodInfo& method : kPaymentMethods) names.push_back(method.name);
  return names;
}

// Each figure column through `pattern` ("{0}" is the column's name), joined by ", ".
std::string EachColumn(std::string_view pattern) {
  std::string sql;
  for (const std::string_view name : FigureColumnNames()) {
    if (!sql.empty()) sql += ", ";
    sql += fmt::format(fmt::runtime(pattern), name);
  }
  return sql;
}

}  // namespace

std::string FigureColumns(std::string_view prefix) {
  return EachColumn(fmt::format("{}{{0}}", prefix));
}

std::string SumFigureColumns(bool named) {
  return EachColumn(named ? "CAST(sum(d.{0}) AS BIGINT) AS {0}" : "CAST(sum(d.{0}) AS BIGINT)");
}

std::string AddFigureColumns(std::string_view table) {
  return EachColumn(fmt::format("{{0}} = {}.{{0}} + excluded.{{0}}", table));
}

LedgerFigures FiguresFromRow(const sql::Rows& rows, size_t row, size_t first) {
  LedgerFigures figures{rows.Int(row, first),
                        rows.Int(row, first + 1),
                        Money::Rupiah(rows.Int(row, first + 2)),
                        Money::Rupiah(rows.Int(row, first + 3)),
                        Money::Rupiah(rows.Int(row, first + 4)),
                        {}};
  size_t column = first + 5;
  for (Money& amount : figures.by_method.amounts) amount = Money::Rupiah(rows.Int(row, column++));
  return figures;
}

void AppendFigures(std::vector<sql::Value>& values, const LedgerFigures& figures) {
  for (const int64_t figure : {figures.sales_count, figures.voids_count, figures.gross.rupiah(),
                               figures.voids.rupiah(), figures.net.rupiah()}) {
    values.emplace_back(figure);
  }
  for (const Money amount : figures.by_method.amounts) values.emplace_back(amount.rupiah());
}

}  // namespace lapak::ledger
