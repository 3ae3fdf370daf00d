#include "app/cli/render.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

namespace lapak::cli {

using nlohmann::json;

namespace {

constexpr int kWidth = 42;
const std::string kRule(kWidth, '-');

// Display width of UTF-8 text: one column per code point (enough for Latin and '×').
int DisplayWidth(std::string_view text) {
  int width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

// "label ........ value" across the full width.
std::string Row(std::string_view label, std::string_view value) {
  const int gap = std::max(1, kWidth - DisplayWidth(label) - DisplayWidth(value));
  return fmt::format("{}{}{}\n", label, std::string(static_cast<size_t>(gap), ' '), value);
}

std::string DiscountLabel(const Discount& discount) {
  if (discount.kind != Discount::Kind::kPercent) return "Diskon";
  const int32_t bp = discount.basis_points;
  return bp % 100 == 0 ? fmt::format("Diskon {}%", bp / 100)
                       : fmt::format("Diskon {},{:02}%", bp / 100, bp % 100);
}

// "by_method": {"cash": M, …}, one member per payment method under its name.
json FiguresJson(const DayFigures& f) {
  json by_method = json::object();
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    by_method[std::string(method.name)] = f.by_method[method.method].rupiah();
  }
  return {{"sales", f.sales_count}, {"gross", f.gross.rupiah()}, {"voids_count", f.voids_count},
          {"voids", f.voids.rupiah()}, {"net", f.net.rupiah()}, {"by_method", std::move(by_method)}};
}

// The net amount of each payment method is indented under Bersih.
std::string FiguresText(const DayFigures& f) {
  std::string text = Row("Jumlah transaksi", std::to_string(f.sales_count)) +
                     Row("Omzet", FormatMoney(f.gross)) +
                     Row(fmt::format("Batal ({})", f.voids_count), FormatMoney(f.voids)) +
                     Row("Bersih", FormatMoney(f.net));
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += Row(fmt::format("  {}", method.label_id), FormatMoney(f.by_method[method.method]));
  }
  return text;
}

}  // namespace

std::string ReceiptText(const StallInfo& stall, const Receipt& receipt) {
  const CompletedSale& sale = receipt.sale;
  std::string text = stall.stall_name + "\n";
  text += Row("Struk " + receipt.receipt, receipt.local_time);
  text += kRule + "\n";
  for (const SaleLine& line : sale.lines) {
    text += line.name + "\n";
    text += Row(fmt::format("  {} x {}", line.quantity, FormatMoney(line.unit_price)), FormatMoney(line.total));
  }
  text += kRule + "\n";
  if (!sale.totals.discount.is_zero()) {
    text += Row("Subtotal", FormatMoney(sale.totals.subtotal));
    text += Row(DiscountLabel(sale.discount), FormatMoney(*Money().Minus(sale.totals.discount)));
  }
  text += Row("TOTAL", FormatMoney(sale.totals.total));
  for (const Payment& payment : sale.payments) {
    text += Row(InfoOf(payment.method).label_id, FormatMoney(payment.amount));
  }
  if (!sale.totals.change.is_zero()) text += Row("Kembali", FormatMoney(sale.totals.change));
  if (receipt.voided) text += "*** BATAL: " + receipt.void_reason + " ***\n";
  return text;
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

std::string ZReportText(const StallInfo& stall, const ZReport& z) {
  std::string text = stall.stall_name + "\n";
  text += Row(fmt::format("LAPORAN Z #{}", z.z_number), z.business_day);
  if (Result<BusinessCalendar> calendar = BusinessCalendar::Make(stall.time_zone, stall.day_cutoff); calendar.ok()) {
    text += Row("Dibuka", calendar->LocalTime(z.opened_at)) + Row("Ditutup", calendar->LocalTime(z.closed_at));
  }
  text += kRule + "\n" + FiguresText(z.figures) + kRule + "\n";
  text += Row("Kas awal", FormatMoney(z.opening_float));
  if (!z.cash_moves.in.is_zero()) text += Row("Kas masuk", FormatMoney(z.cash_moves.in));
  if (!z.cash_moves.out.is_zero()) text += Row("Kas keluar", FormatMoney(*Money().Minus(z.cash_moves.out)));
  text += Row("Kas seharusnya", FormatMoney(z.expected_cash));
  text += Row("Kas dihitung", FormatMoney(z.counted_cash));
  const std::string_view verdict = z.over_short.is_zero() ? "Selisih (pas)"
                                   : z.over_short.is_negative() ? "Selisih (kurang)"
                                                                : "Selisih (lebih)";
  text += Row(verdict, FormatMoney(z.over_short));
  return text;
}

json ZReportJson(const ZReport& z) {
  return {{"z_number", z.z_number}, {"business_day", z.business_day}, {"day_number", z.day_number},
          {"open_seq", z.open_seq}, {"close_seq", z.close_seq}, {"opened_at_utc", FormatUtc(z.opened_at)},
          {"closed_at_utc", FormatUtc(z.closed_at)}, {"opening_float", z.opening_float.rupiah()},
          {"figures", FiguresJson(z.figures)}, {"cash_in", z.cash_moves.in.rupiah()},
          {"cash_out", z.cash_moves.out.rupiah()}, {"expected_cash", z.expected_cash.rupiah()},
          {"counted_cash", z.counted_cash.rupiah()}, {"over_short", z.over_short.rupiah()}};
}

std::string DayReportText(const StallInfo& stall, const DayReport& report) {
  std::string text = stall.stall_name + "\n" + Row("LAPORAN HARIAN", report.business_day) + kRule + "\n";
  text += FiguresText(report.figures) + kRule + "\n";
  for (const CashMoveRecord& move : report.cash_moves) text += CashMoveText(move);
  if (!report.cash_moves.empty()) text += kRule + "\n";
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
