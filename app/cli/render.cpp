#include "app/cli/render.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "app/print/slip.h"

namespace lapak::cli {

using nlohmann::json;

namespace {

constexpr int kWidth = print::kCliColumns;

std::string Row(std::string_view label, std::string_view value) { return print::SlipRow(label, value, kWidth); }

// "by_method": {"cash": M, …}, one member per payment method under its name.
json FiguresJson(const DayFigures& f) {
  json by_method = json::object();
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    by_method[std::string(method.name)] = f.by_method[method.method].rupiah();
  }
  return {{"sales", f.sales_count}, {"gross", f.gross.rupiah()}, {"voids_count", f.voids_count},
          {"voids", f.voids.rupiah()}, {"net", f.net.rupiah()}, {"by_method", std::move(by_method)}};
}

}  // namespace

std::string ReceiptText(const StallInfo& stall, const Receipt& receipt) {
  return print::ReceiptSlip(stall, receipt, kWidth);
}

json ReceiptJson(const Receipt& receipt) {
  const CompletedSale& sale = receipt.sale;
  json lines = json::array();
  for (const SaleLine& line : sale.lines) {
    lines.push_back({{"sku", line.sku}, {"name", line.name}, {"unit_price", line.unit_price.rupiah()},
                     {"quantity", line.quantity}, {"total", line.total.rupiah()}});
  }
  json payments = json::array();
  for (const Payment& payment : sale.payments) {
    payments.push_back({{"method", PaymentMethodName(payment.method)}, {"amount", payment.amount.rupiah()}});
  }
  return {{"seq", receipt.seq}, {"receipt", receipt.receipt}, {"business_day", receipt.business_day},
          {"time_utc", receipt.time_utc}, {"local_time", receipt.local_time}, {"lines", lines},
          {"subtotal", sale.totals.subtotal.rupiah()}, {"discount", sale.totals.discount.rupiah()},
          {"total", sale.totals.total.rupiah()}, {"payments", payments},
          {"paid", sale.totals.paid.rupiah()}, {"change", sale.totals.change.rupiah()},
          {"voided", receipt.voided}, {"void_reason", receipt.void_reason}};
}

std::string ZReportText(const StallInfo& stall, const ZReport& z) { return print::ZReportSlip(stall, z, kWidth); }

json ZReportJson(const ZReport& z) {
  return {{"z_number", z.z_number}, {"business_day", z.business_day}, {"day_number", z.day_number},
          {"open_seq", z.open_seq}, {"close_seq", z.close_seq}, {"opened_at_utc", FormatUtc(z.opened_at)},
          {"closed_at_utc", FormatUtc(z.closed_at)}, {"opening_float", z.opening_float.rupiah()},
          {"figures", FiguresJson(z.figures)}, {"cash_in", z.cash_moves.in.rupiah()},
          {"cash_out", z.cash_moves.out.rupiah()}, {"expected_cash", z.expected_cash.rupiah()},
          {"counted_cash", z.counted_cash.rupiah()}, {"over_short", z.over_short.rupiah()}};
}

std::string DayReportText(const StallInfo& stall, const DayReport& report) {
  std::string text = stall.stall_name + "\n" + Row("LAPORAN HARIAN", report.business_day) + print::SlipRule(kWidth);
  text += print::FiguresSlip(report.figures, kWidth) + print::SlipRule(kWidth);
  for (const CashMoveRecord& move : report.cash_moves) text += CashMoveText(move);
  if (!report.cash_moves.empty()) text += print::SlipRule(kWidth);
  if (report.open_day) {
    text += Row("Hari masih buka; kas awal", FormatMoney(report.open_day->opening_float));
    text += Row("Kas seharusnya sekarang", FormatMoney(report.expected_cash_now));
  } else {
    text += "Hari tidak sedang buka.\n";
  }
  if (!report.z_numbers.empty()) {
    std::string numbers;
    for (const int64_t z : report.z_numbers) numbers += (numbers.empty() ? "#" : ", #") + std::to_string(z);
    text += Row("Laporan Z", numbers);
  }
  return text;
}

json DayReportJson(const DayReport& report) {
  json value = {{"business_day", report.business_day}, {"figures", FiguresJson(report.figures)},
                {"open", report.open_day.has_value()}, {"z_numbers", report.z_numbers}};
  value["cash_moves"] = json::array();
  for (const CashMoveRecord& move : report.cash_moves) value["cash_moves"].push_back(CashMoveJson(move));
  if (report.open_day) {
    value["opening_float"] = report.open_day->opening_float.rupiah();
    value["expected_cash_now"] = report.expected_cash_now.rupiah();
  }
  return value;
}

std::string CashMoveText(const CashMoveRecord& record) {
  const bool in = record.move.direction == CashDirection::kIn;
  return Row(fmt::format("{} {}", in ? "Kas masuk" : "Kas keluar", record.local_time),
             FormatMoney(in ? record.move.amount : *Money().Minus(record.move.amount))) +
         fmt::format("  {}\n", record.move.reason);
}

json CashMoveJson(const CashMoveRecord& record) {
  return {{"seq", record.seq}, {"local_time", record.local_time},
          {"direction", CashDirectionName(record.move.direction)}, {"amount", record.move.amount.rupiah()},
          {"reason", record.move.reason}};
}

std::string ProductsText(const std::vector<Product>& products) {
  std::string text;
  for (const Product& p : products) {
    text += fmt::format("{:<10} {:<12} {}{}\n", p.sku, FormatMoney(p.price), p.name,
                        p.active ? "" : "  (nonaktif)");
  }
  return text;
}

json ProductsJson(const std::vector<Product>& products) {
  json list = json::array();
  for (const Product& p : products) {
    list.push_back({{"sku", p.sku}, {"name", p.name}, {"category", p.category},
                    {"price", p.price.rupiah()}, {"active", p.active}});
  }
  return list;
}

}  // namespace lapak::cli
