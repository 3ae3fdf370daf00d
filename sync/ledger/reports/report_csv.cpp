// ReportCsv: the CSV form of the reports; the columns are in report_formats.h.
#include "core/business_day.h"
#include "core/csv.h"
#include "sync/ledger/reports/report_formats.h"

namespace lapak::ledger {

using Fields = std::vector<CsvCell>;

// F of report_formats.h: the figures, one column per payment method, then average_sale.
static const Fields kFigureColumns = [] {
  Fields columns = {"sales_count", "voids_count", "transactions", "gross", "voids", "net"};
  for (const PaymentMethodInfo& method : kPaymentMethods) columns.emplace_back(method.name);
  columns.emplace_back("average_sale");
  return columns;
}();

static Fields Concat(std::initializer_list<Fields> parts) {
  Fields all;
  for (const Fields& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

// Figures are number cells; every other cell is text (core/csv.h).
static CsvCell Int(int64_t value) { return CsvCell::Integer(value); }
static CsvCell Int(Money amount) { return CsvCell::Integer(amount.rupiah()); }
static CsvCell Percent(const std::optional<double>& percent) {
  return percent ? CsvCell::Hundredths(*percent) : CsvCell("");
}
static CsvCell Bool(bool value) { return value ? "true" : "false"; }

// Times in the event's zone with their offset ("2026-11-22T19:05:00+07:00"); UTC for an
// event whose zone the system does not know.
class LocalTimes {
 public:
  explicit LocalTimes(const EventInfo& event) {
    if (Result<BusinessCalendar> made = BusinessCalendar::Make(event.time_zone, kDefaultDayCutoff);
        made.ok()) {
      calendar_ = std::move(*made);
    }
  }
  CsvCell operator()(const std::optional<TimePoint>& time) const {
    if (!time) return "";
    return calendar_ ? calendar_->LocalIso(*time) : FormatUtc(*time);
  }

 private:
  std::optional<BusinessCalendar> calendar_;
};

static Fields FigureCells(const LedgerFigures& f) {
  Fields cells = {Int(f.sales_count), Int(f.voids_count), Int(StandingSales(f)), Int(f.gross),
                  Int(f.voids), Int(f.net)};
  for (const Money amount : f.by_method.amounts) cells.push_back(Int(amount));
  cells.push_back(Int(AverageSale(f)));
  return cells;
}

static Fields Blank(size_t count) { return Fields(count, ""); }

std::string ReportCsv(const OrganiserDayReport& report) {
  std::string out;
  AppendCsvRecord(out, Concat({{"section", "key", "name", "category"},
                               kFigureColumns,
                               {"z_state", "z_difference", "cash_in", "cash_out", "stall_id", "revoked",
                                "late", "last_sync_at", "newest_entry_at", "entries_held", "qris_shown",
                                "qris_shown_sales", "drawer_over_short"}}));
  const Fields no_terminal = Blank(6);
  for (const StallDayRow& s : report.stalls) {
    AppendCsvRecord(out, Concat({{"stall", s.stall_id, s.name, s.category},
                                 FigureCells(s.figures),
                                 {std::string(ZStateName(s.z_state)), Int(s.z_difference),
                                  Int(s.cash_moves.in), Int(s.cash_moves.out)},
                                 no_terminal,
                                 {Int(s.qris_shown.amount), Int(s.qris_shown.sales),
                                  s.drawer_over_short ? Int(*s.drawer_over_short) : CsvCell("")}}));
  }
  auto group = [&](const char* section, const GroupRow& row) {
    AppendCsvRecord(
        out, Concat({{section, row.key, "", ""}, FigureCells(row.figures), Blank(4), no_terminal, Blank(3)}));
  };
  for (const GroupRow& row : report.hours) group("hour", row);
  for (const GroupRow& row : report.categories) group("category", row);
  const LocalTimes local_time(report.event);
  for (const TerminalSync& t : report.terminals) {
    AppendCsvRecord(out, Concat({{"terminal", t.terminal_id, "", ""},
                                 Blank(kFigureColumns.size() + 4),
                                 {t.stall_id, Bool(t.revoked), Bool(t.late), local_time(t.last_sync_at),
                                  local_time(t.newest_entry_at), Int(t.entries_held)},
                                 Blank(3)}));
  }
  group("total", GroupRow{"", report.total});
  return out;
}

std::string ReportCsv(const EventReport& report) {
  std::string out;
  AppendCsvRecord(out, Concat({{"section", "key", "name", "category", "regency"},
                               kFigureColumns,
                               {"stalls", "stalls_late", "days_not_closed"}}));
  auto group = [&](const char* section, const GroupRow& row) {
    AppendCsvRecord(out,
                    Concat({{section, row.key, "", "", ""}, FigureCells(row.figures), Blank(3)}));
  };
  for (const GroupRow& row : report.days) group("day", row);
  for (const GroupRow& row : report.categories) group("category", row);
  for (const GroupRow& row : report.regencies) group("regency", row);
  for (const StallTotal& s : report.top_stalls) {
    AppendCsvRecord(out, Concat({{"stall", s.stall_id, s.name, s.category, s.regency},
                                 FigureCells(s.figures),
                                 Blank(3)}));
  }
  AppendCsvRecord(
      out, Concat({{"total", "", "", "", ""},
                   FigureCells(report.total),
                   {Int(report.stalls), Int(static_cast<int64_t>(report.late_stalls.size())),
                    Int(static_cast<int64_t>(report.not_closed.size()))}}));
  return out;
}

std::string ReportCsv(const PeriodReport& report) {
  std::string out;
  AppendCsvRecord(
      out,
      Concat({{"section", "key", "name", "province", "regency", "first_day", "last_day", "stalls"},
              kFigureColumns}));
  for (const EventSummary& e : report.events) {
    const EventInfo& event = e.event;
    AppendCsvRecord(out, Concat({{"event", event.id, event.name, event.province, event.regency,
                                  event.first_day, event.last_day, Int(e.stalls)},
                                 FigureCells(e.total)}));
  }
  for (const GroupRow& row : report.regencies) {
    AppendCsvRecord(out, Concat({{"regency", row.key}, Blank(6), FigureCells(row.figures)}));
  }
  AppendCsvRecord(out, Concat({{"total", ""}, Blank(6), FigureCells(report.total)}));
  return out;
}

std::string ReportCsv(const StallReport& report) {
  std::string out;
  AppendCsvRecord(out, Concat({{"section", "key", "name"},
                               kFigureColumns,
                               {"z_state", "z_difference", "drawer_over_short", "cash_in", "cash_out",
                                "days_traded"}}));
  for (const StallDayLine& d : report.days) {
    AppendCsvRecord(out, Concat({{"day", d.business_day, ""},
                                 FigureCells(d.figures),
                                 {std::string(ZStateName(d.z_state)), Int(d.z_difference),
                                  d.drawer_over_short ? Int(*d.drawer_over_short) : CsvCell(""),
                                  Int(d.cash_moves.in), Int(d.cash_moves.out), ""}}));
  }
  for (const GroupRow& row : report.hours) {
    AppendCsvRecord(out, Concat({{"hour", row.key, ""}, FigureCells(row.figures), Blank(6)}));
  }
  for (const StallAtEvent& at : report.events) {
    AppendCsvRecord(out, Concat({{"event", at.event.id, at.event.name},
                                 FigureCells(at.total),
                                 Blank(5),
                                 {Int(at.days_traded)}}));
  }
  AppendCsvRecord(out, Concat({{"total", report.stall_id, report.name}, FigureCells(report.total), Blank(6)}));
  return out;
}

std::string ReportCsv(const ProvinceExport& report) {
  std::string out;
  Fields header = {"kode_provinsi", "nama_provinsi", "kode_kabupaten_kota", "nama_kabupaten_kota",
                   "periode_dari", "periode_sampai", "jumlah_acara", "jumlah_lapak", "jumlah_transaksi",
                   "jumlah_pembatalan", "omzet", "pembatalan", "penjualan_bersih"};
  for (const PaymentMethodInfo& method : kPaymentMethods) header.emplace_back(method.name);
  header.emplace_back("satuan");
  AppendCsvRecord(out, header);
  for (const RegencyRow& r : report.regencies) {
    Fields row = {r.province_code, r.province, r.code, r.name, report.from, report.to, Int(r.events),
                  Int(r.stalls), Int(StandingSales(r.figures)), Int(r.figures.voids_count),
                  Int(r.figures.gross), Int(r.figures.voids), Int(r.figures.net)};
    for (const Money amount : r.figures.by_method.amounts) row.push_back(Int(amount));
    row.emplace_back("rupiah");
    AppendCsvRecord(out, row);
  }
  return out;
}

std::string ReportCsv(const Comparison& comparison) {
  std::string out;
  AppendCsvRecord(out, {"section", "key", "previous", "current", "difference", "percent"});
  auto row = [&](const char* section, const std::string& key, const auto& c) {
    AppendCsvRecord(out, {section, key, Int(c.previous), Int(c.current), Int(c.difference),
                          Percent(c.percent)});
  };
  AppendCsvRecord(out, {"scope", "days_compared", Int(int64_t{comparison.days_compared}),
                        Int(int64_t{comparison.days_compared}), "", ""});
  AppendCsvRecord(out, {"scope", "day_open", Int(int64_t{comparison.previous_day_open}),
                        Int(int64_t{comparison.current_day_open}), "", ""});
  row("total", "net", comparison.net);
  row("total", "sales_count", comparison.sales_count);
  row("total", "average_sale", comparison.average_sale);
  for (const auto& [key, change] : comparison.days) row("day", key, change);
  for (const auto& [key, change] : comparison.categories) row("category", key, change);
  return out;
}

}  // namespace lapak::ledger
