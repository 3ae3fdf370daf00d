#include "app/print/slip.h"

#include <fmt/core.h>

#include <algorithm>

#include "core/business_day.h"
#include "core/text.h"

namespace lapak::print {

namespace {

// Columns of UTF-8 text: one per code point (enough for Latin and '×').
int Columns(std::string_view text) {
  int width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

// The bytes of `text`'s first `columns` code points.
size_t BytesOfColumns(std::string_view text, int columns) {
  int seen = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (seen == columns) return at;
    ++seen;
  }
  return text.size();
}

std::string DiscountLabel(const Discount& discount) {
  if (discount.kind != Discount::Kind::kPercent) return "Diskon";
  const int32_t bp = discount.basis_points;
  return bp % 100 == 0 ? fmt::format("Diskon {}%", bp / 100) : fmt::format("Diskon {},{:02}%", bp / 100, bp % 100);
}

// "20.000": an amount's digits grouped as FormatMoney groups them, without "Rp".
std::string Digits(Money amount) {
  const std::string text = FormatMoney(amount);
  const size_t rp = text.find("Rp");
  return rp == std::string::npos ? text : text.substr(0, rp) + text.substr(rp + 2);
}

}  // namespace

std::string SlipRow(std::string_view label, std::string_view value, int width) {
  const int gap = width - Columns(label) - Columns(value);
  if (gap >= 1) return fmt::format("{}{}{}\n", label, std::string(static_cast<size_t>(gap), ' '), value);
  const int pad = std::max(0, width - Columns(value));
  return SlipWrapped(label, width) + std::string(static_cast<size_t>(pad), ' ') + std::string(value) + "\n";
}

std::string SlipWrapped(std::string_view text, int width) {
  std::string out;
  std::string line;
  auto flush = [&] {
    out += line + "\n";
    line.clear();
  };
  size_t at = 0;
  while (at < text.size()) {
    const size_t space = text.find(' ', at);
    std::string_view word = text.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && Columns(line) + 1 + Columns(word) > width) flush();
    while (Columns(word) > width) {  // a word wider than the line, in pieces
      if (!line.empty()) flush();
      const size_t cut = BytesOfColumns(word, width);
      line = std::string(word.substr(0, cut));
      flush();
      word.remove_prefix(cut);
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
  }
  if (!line.empty() || out.empty()) flush();
  return out;
}

Status CheckReceiptFooter(std::string_view footer) {
  if (footer.empty()) return Status::Ok();
  return ValidateText(Word::kReceiptFooter, footer, kMaxFooterBytes);
}

std::string SlipRule(int width) { return std::string(static_cast<size_t>(width), '-') + "\n"; }

std::string FiguresSlip(const DayFigures& f, int width) {
  std::string text = SlipRow("Jumlah transaksi", std::to_string(f.sales_count), width) +
                     SlipRow("Omzet", FormatMoney(f.gross), width) +
                     SlipRow(fmt::format("Batal ({})", f.voids_count), FormatMoney(f.voids), width) +
                     SlipRow("Bersih", FormatMoney(f.net), width);
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += SlipRow(fmt::format("  {}", method.label_id), FormatMoney(f.by_method[method.method]), width);
  }
  return text;
}

std::string ReceiptSlip(const StallInfo& stall, const Receipt& receipt, int width, std::string_view footer) {
  const CompletedSale& sale = receipt.sale;
  std::string text = SlipWrapped(stall.stall_name, width);
  text += SlipRow("Struk " + receipt.receipt, receipt.local_time, width);
  text += SlipRule(width);
  for (const SaleLine& line : sale.lines) {
    text += SlipWrapped(line.name, width);
    text += SlipRow(fmt::format("  {} x {}", line.quantity, FormatMoney(line.unit_price)), FormatMoney(line.total), width);
  }
  text += SlipRule(width);
  if (!sale.totals.discount.is_zero()) {
    text += SlipRow("Subtotal", FormatMoney(sale.totals.subtotal), width);
    text += SlipRow(DiscountLabel(sale.discount), FormatMoney(*Money().Minus(sale.totals.discount)), width);
  }
  text += SlipRow("TOTAL", FormatMoney(sale.totals.total), width);
  for (const Payment& payment : sale.payments) {
    text += SlipRow(InfoOf(payment.method).label_id, FormatMoney(payment.amount), width);
  }
  if (!sale.totals.change.is_zero()) text += SlipRow("Kembali", FormatMoney(sale.totals.change), width);
  if (receipt.voided) text += SlipWrapped("*** BATAL: " + receipt.void_reason + " ***", width);
  if (!footer.empty()) text += SlipRule(width) + SlipWrapped(footer, width);
  return text;
}

std::string ZReportSlip(const StallInfo& stall, const ZReport& z, int width) {
  std::string text = SlipWrapped(stall.stall_name, width);
  text += SlipRow(fmt::format("LAPORAN Z #{}", z.z_number), z.business_day, width);
  if (Result<BusinessCalendar> calendar = BusinessCalendar::Make(stall.time_zone, stall.day_cutoff); calendar.ok()) {
    text += SlipRow("Dibuka", calendar->LocalTime(z.opened_at), width) +
            SlipRow("Ditutup", calendar->LocalTime(z.closed_at), width);
  }
  text += SlipRule(width) + FiguresSlip(z.figures, width) + SlipRule(width);
  text += SlipRow("Kas awal", FormatMoney(z.opening_float), width);
  if (!z.cash_moves.in.is_zero()) text += SlipRow("Kas masuk", FormatMoney(z.cash_moves.in), width);
  if (!z.cash_moves.out.is_zero()) text += SlipRow("Kas keluar", FormatMoney(*Money().Minus(z.cash_moves.out)), width);
  text += SlipRow("Kas seharusnya", FormatMoney(z.expected_cash), width);
  text += SlipRow("Kas dihitung", FormatMoney(z.counted_cash), width);
  const std::string_view verdict = z.over_short.is_zero()        ? "Selisih (pas)"
                                   : z.over_short.is_negative() ? "Selisih (kurang)"
                                                                : "Selisih (lebih)";
  text += SlipRow(verdict, FormatMoney(z.over_short), width);
  return text;
}

std::string EReceiptText(const StallInfo& stall, const Receipt& receipt) {
  const CompletedSale& sale = receipt.sale;
  std::string tail;
  if (!sale.totals.discount.is_zero()) tail += "Diskon " + Digits(sale.totals.discount) + "\n";
  tail += "Total " + FormatMoney(sale.totals.total) + "\n";
  for (const Payment& payment : sale.payments) {
    tail += fmt::format("{} {}\n", InfoOf(payment.method).label_id, Digits(payment.amount));
  }
  if (!sale.totals.change.is_zero()) tail += "Kembali " + Digits(sale.totals.change) + "\n";
  if (receipt.voided) tail += "BATAL: " + receipt.void_reason + "\n";

  std::string text = stall.stall_name + "\n" + fmt::format("Struk {} {}\n", receipt.receipt, receipt.local_time);
  for (size_t i = 0; i < sale.lines.size(); ++i) {
    const SaleLine& line = sale.lines[i];
    const std::string row = fmt::format("{}x {} {}\n", line.quantity, line.name, Digits(line.total));
    const std::string more = fmt::format("... {} baris lagi\n", sale.lines.size() - i);
    // Room is kept for the "more" line whenever a later line could still need it.
    const bool last = i + 1 == sale.lines.size();
    if (text.size() + row.size() + tail.size() + (last ? 0 : more.size()) > kMaxEReceiptBytes) {
      text += more;
      break;
    }
    text += row;
  }
  return text + tail;
}

}  // namespace lapak::print
