// LedgerFigures in and out of SQL. The figure columns of day_totals, hour_totals,
// session_totals (and, named with a prefix "terminal_" or "ledger_", reconciliations) are,
// in LedgerFigures' order:
//   sales_count, voids_count, gross, voids, net, then one per payment method, named after it
//   (core/payment_method.h: cash, qris, transfer), in the order of kPaymentMethods.
// Every statement names them through these helpers, made from that list; only the schemas
// (ledger_schema.cpp, postgres_schema.cpp) spell them out, as history: a new payment method
// needs a migration that adds its columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/store/sql.h"

namespace lapak::ledger {

inline constexpr size_t kFigureColumnCount = 5 + kPaymentMethodCount;

// The figure columns, each name with `prefix`, joined by ", ":
// "sales_count, voids_count, gross, voids, net, cash, qris, transfer"; with "d.":
// "d.sales_count, …"; with "terminal_": "terminal_sales_count, …".
std::string FigureColumns(std::string_view prefix = "");

// The sum of each figure column of the table aliased `d`, for a GROUP BY, cast back to BIGINT
// (PostgreSQL's sum of a BIGINT is NUMERIC): "CAST(sum(d.sales_count) AS BIGINT), …";
// `named`: each "… AS sales_count", for a subquery.
std::string SumFigureColumns(bool named);

// "sales_count = table.sales_count + excluded.sales_count, …": an upsert's SET that adds the
// row being inserted to the one held.
std::string AddFigureColumns(std::string_view table);

// The figures in columns first … first + kFigureColumnCount − 1 of `row` (NULL reads as 0).
LedgerFigures FiguresFromRow(const sql::Rows& rows, size_t row, size_t first);

// Appends the figures as parameters, in the columns' order.
void AppendFigures(std::vector<sql::Value>& values, const LedgerFigures& figures);

}  // namespace lapak::ledger
