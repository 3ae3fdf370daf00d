// ReportTable: the reports as aligned plain-text tables for a terminal (report_formats.h).
#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "core/business_day.h"
#include "core/money.h"
#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/web/dashboard_text.h"

namespace lapak::ledger {

using Cells = std::vector<std::string>;

// Code points, not bytes, so that "Es Dawet — Bu Sri" lines up; a wide (CJK, emoji) character
// still counts as one.
static size_t Width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

struct Column {
  std::string heading;   // Bahasa Indonesia
  std::string gloss;     // English, shown in parentheses under the heading; may be empty
  bool numeric = false;  // right-aligned
};

// Rows of cells under headings, each column as wide as its widest text, two spaces apart.
class TextTable {
 public:
  explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

  void Add(Cells cells) { rows_.push_back(std::move(cells)); }
  void AddRule() { rows_.emplace_back(); }  // a line of '-' (before a total)

  std::string Render() const {
    std::vector<size_t> widths;
    bool any_gloss = false;
    for (const Column& column : columns_) {
      widths.push_back(
          std::max(Width(column.heading), column.gloss.empty() ? 0 : Width(column.gloss) + 2));
      any_gloss = any_gloss || !column.gloss.empty();
    }
    for (const Cells& row : rows_) {
      for (size_t i = 0; i < row.size() && i < widths.size(); ++i)
        widths[i] = std::max(widths[i], Width(row[i]));
    }
    size_t total_width = 0;
    for (const size_t width : widths) total_width += width;
    total_width += 2 * (widths.empty() ? 0 : widths.size() - 1);

    auto line = [&](auto cell_text) {
      std::string text;
      for (size_t i = 0; i < columns_.size(); ++i) {
        const std::string cell = cell_text(i);
        const std::string padding(widths[i] - Width(cell), ' ');
        if (i > 0) text += "  ";
        text += columns_[i].numeric ? padding + cell : cell + padding;
      }
      text.erase(text.find_last_not_of(' ') + 1);
      return text + "\n";
    };
    const std::string rule = std::string(total_width, '-') + "\n";
    std::string out = line([&](size_t i) { return columns_[i].heading; });
    if (any_gloss) {
      out += line(
          [&](size_t i) { return columns_[i].gloss.empty() ? "" : "(" + columns_[i].gloss + ")"; });
    }
    out += rule;
    for (const Cells& row : rows_) {
      out += row.empty() ? rule : line([&](size_t i) { return i < row.size() ? row[i] : ""; });
    }
    return out;
  }

 private:
  std::vector<Column> columns_;
  std::vector<Cells> rows_;  // an empty row is a rule
};

static std::string Section(std::string_view heading, const TextTable& table) {
  return fmt::format("\n{}\n{}", heading, table.Render());
}

// A payment method's column: its Indonesian label, glossed with its English one in lower
// case where the two differ ("Tunai (cash)", but "QRIS").
static Column MethodColumn(const PaymentMethodInfo& method) {
  std::string gloss;
  if (method.label_en != method.label_id) {
    for (const char c : method.label_en) {
      gloss += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return {std::string(method.label_id), gloss, true};
}

static const std::vector<Column> kFigureColumns = [] {
  std::vector<Column> columns = {{"Transaksi sah", "standing sales", true}, {"Batal", "voided", true},
                                 {"Omzet", "gross", true},     {"Bersih", "net", true},
                                 {"Rata-rata", "average", true}};
  for (const PaymentMethodInfo& method : kPaymentMethods) columns.push_back(MethodColumn(method));
  return columns;
}();

static Cells FigureCells(const LedgerFigures& f) {
  Cells cells = {std::to_string(StandingSales(f)), std::to_string(f.voids_count), FormatMoney(f.gross),
                 FormatMoney(f.net), FormatMoney(AverageSale(f))};
  for (const Money amount : f.by_method.amounts) cells.push_back(FormatMoney(amount));
  return cells;
}

// `lead` columns, the figures, then `trail` columns.
static TextTable FiguresTable(std::vector<Column> lead, const std::vector<Column>& trail = {}) {
  lead.insert(lead.end(), kFigureColumns.begin(), kFigureColumns.end());
  lead.insert(lead.end(), trail.begin(), trail.end());
  return TextTable(std::move(lead));
}

static Cells Row(Cells lead, const LedgerFigures& figures, const Cells& trail = {}) {
  const Cells figure_cells = FigureCells(figures);
  lead.insert(lead.end(), figure_cells.begin(), figure_cells.end());
  lead.insert(lead.end(), trail.begin(), trail.end());
  return lead;
}

static std::string GroupSection(std::string_view heading, Column key_column,
                                const std::vector<GroupRow>& rows) {
  TextTable table = FiguresTable({std::move(key_column)});
  for (const GroupRow& row : rows) table.Add(Row({row.key}, row.figures));
  return Section(heading, table);
}

// Times in one zone, short on the local day the report was made.
class LocalClock {
 public:
  LocalClock(std::string_view zone, TimePoint as_of) {
    if (Result<BusinessCalendar> made = BusinessCalendar::Make(zone, kDefaultDayCutoff);
        made.ok()) {
      calendar_ = std::move(*made);
    }
    as_of_ = Full(as_of);
  }

  // "2026-11-22 21:30 WIB"; UTC ISO when the zone is unknown.
  const std::string& AsOf() const { return as_of_; }

  // "14:02" on the as-of local day, else "2026-11-21 14:02".
  std::string Short(TimePoint time) const {
    if (!calendar_) return FormatUtc(time);
    const std::string full = Full(time);  // "YYYY-MM-DD HH:MM ZONE"
    return full.compare(0, 10, as_of_, 0, 10) == 0 ? full.substr(11, 5) : full.substr(0, 16);
  }

 private:
  std::string Full(TimePoint time) const {
    return calendar_ ? calendar_->LocalTime(time) : FormatUtc(time);
  }

  std::optional<BusinessCalendar> calendar_;
  std::string as_of_;
};

static std::string Warning(std::string_view text) { return fmt::format("PERINGATAN: {}\n", text); }

static std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

static std::string DayWarnings(const OrganiserDayReport& report, const LocalClock& clock) {
  std::vector<std::string> late;
  for (const TerminalSync& t : report.terminals) {
    if (!t.late) continue;
    late.push_back(
        fmt::format("{} ({})", t.terminal_id,
                    t.last_sync_at ? "terakhir " + clock.Short(*t.last_sync_at) : "belum pernah"));
  }
  std::vector<std::string> differ;
  for (const StallDayRow& s : report.stalls) {
    if (s.z_state == ZState::kDiffers)
      differ.push_back(fmt::format("{} ({})", s.stall_id, FormatMoney(s.z_difference)));
  }
  std::string out;
  if (!late.empty())
    out += Warning(fmt::format("{} terminal belum sinkron: {}", late.size(), Join(late)));
  if (!differ.empty())
    out += Warning(fmt::format("{} lapak Z selisih: {}", differ.size(), Join(differ)));
  return out;
}

// Whether terminal and ledger agree, then the drawer: "cocok, laci pas", "cocok, laci
// kurang Rp5.000", "selisih Rp2.000, laci lebih Rp1.000"; a day without sales and without Z
// is "tidak jualan", one with sales "belum tutup".
static std::string ZText(const StallDayRow& s) {
  std::string text;
  switch (s.z_state) {
    case ZState::kNotClosed:
      return s.figures.sales_count == 0 ? "tidak jualan" : "belum tutup";
    case ZState::kAgrees:
      text = "cocok";
      break;
    case ZState::kDiffers:
      text = "selisih " + FormatMoney(s.z_difference);
      break;
  }
  const Money drawer = s.drawer_over_short.value_or(Money());
  if (drawer.is_zero()) return text + ", laci pas";
  if (drawer < Money()) return text + ", laci kurang " + FormatMoney(*Money().Minus(drawer));
  return text + ", laci lebih " + FormatMoney(drawer);
}

// Kas masuk/keluar of a stall's day: "+Rp50.000 −Rp100.000", "" when none.
static std::string CashMovesText(const CashMoves& moves) {
  std::string text;
  if (!moves.in.is_zero()) text += "+" + FormatMoney(moves.in);
  if (!moves.out.is_zero()) text += (text.empty() ? "" : " ") + FormatMoney(*Money().Minus(moves.out));
  return text;
}

// QRIS paid through the code the terminal showed: "Rp45.000 (3)", "" when none.
static std::string QrisShownText(const QrisShown& shown) {
  return shown.sales == 0 && shown.amount.is_zero() ? "" : fmt::format("{} ({})", FormatMoney(shown.amount), shown.sales);
}

static std::string SyncState(const TerminalSync& t) {
  return t.revoked ? "dicabut" : t.late ? "TERLAMBAT" : "lancar";
}

static std::string Hour(const std::string& key) { return key == "?" ? key : key + ":00"; }

std::string ReportTable(const OrganiserDayReport& report) {
  const LocalClock clock(report.event.time_zone, report.as_of);
  std::string out = fmt::format("{} — laporan harian {} (per {})\n", report.event.name,
                                report.business_day, clock.AsOf());
  out += DayWarnings(report, clock);

  TextTable stalls = FiguresTable({{"Lapak", "stall"}, {"Nama", "name"}, {"Kategori", "category"}},
                                  {{"Tutup (Z)", "day close"}, {"Kas masuk/keluar", "cash in/out"},
                                   {"QRIS dgn kode", "QRIS via code"}});
  for (const StallDayRow& s : report.stalls) {
    stalls.Add(Row({s.stall_id, s.name, s.category}, s.figures,
                   {ZText(s), CashMovesText(s.cash_moves), QrisShownText(s.qris_shown)}));
  }
  stalls.AddRule();
  stalls.Add(Row({"TOTAL", "", ""}, report.total, {"", "", ""}));
  out += Section("Per lapak (by stall)", stalls);

  TextTable hours = FiguresTable({{"Jam", "hour"}});
  for (const GroupRow& row : report.hours) {
    if (row.figures.sales_count != 0 || row.figures.voids_count != 0)
      hours.Add(Row({Hour(row.key)}, row.figures));
  }
  out += Section("Per jam (by hour)", hours);
  out += GroupSection("Per kategori (by category)", {"Kategori", "category"}, report.categories);

  TextTable terminals({{"Terminal", ""},
                       {"Lapak", "stall"},
                       {"Entri", "entries", true},
                       {"Sinkron terakhir", "last sync"},
                       {"Transaksi terbaru", "newest entry"},
                       {"Keadaan", "state"}});
  for (const TerminalSync& t : report.terminals) {
    terminals.Add({t.terminal_id, t.stall_id, std::to_string(t.entries_held),
                   t.last_sync_at ? clock.Short(*t.last_sync_at) : "belum pernah",
                   t.newest_entry_at ? clock.Short(*t.newest_entry_at) : "-", SyncState(t)});
  }
  out += Section("Terminal (terminals)", terminals);
  return out;
}

static std::string Dates(const EventInfo& event) {
  return event.first_day == event.last_day
             ? event.first_day
             : fmt::format("{} s.d. {}", event.first_day, event.last_day);
}

std::string ReportTable(const EventReport& report) {
  const EventInfo& event = report.event;
  const LocalClock clock(event.time_zone, report.as_of);
  std::string out = fmt::format("{} ({}, {}) — laporan acara {} (per {})\n", event.name,
                                event.regency, event.province, Dates(event), clock.AsOf());
  if (!report.late_stalls.empty()) {
    std::vector<std::string> late;
    for (const StallName& stall : report.late_stalls) late.push_back(fmt::format("{} {}", stall.stall_id, stall.name));
    out += Warning(fmt::format("{} lapak dengan terminal belum sinkron lebih dari {} menit: {}",
                               late.size(), kSyncLateAfter.count(), Join(late)));
  }
  if (!report.not_closed.empty()) {
    std::vector<std::string> open;
    for (const StallDay& day : report.not_closed) {
      open.push_back(fmt::format("{} {} ({})", day.stall_id, day.name, day.business_day));
    }
    out += Warning(fmt::format("{} hari lapak ada penjualan tetapi belum tutup (Z): {}", open.size(), Join(open)));
  }
  out += fmt::format("Jumlah lapak (stalls): {}\n", report.stalls);

  TextTable days = FiguresTable({{"Tanggal", "day"}});
  for (const GroupRow& row : report.days) days.Add(Row({row.key}, row.figures));
  days.AddRule();
  days.Add(Row({"TOTAL"}, report.total));
  out += Section("Per hari (by day)", days);
  out += GroupSection("Per kategori (by category)", {"Kategori", "category"}, report.categories);
  out += GroupSection("Per kabupaten/kota (by regency)", {"Kabupaten/kota", "regency"},
                      report.regencies);

  TextTable top = FiguresTable({{"No", "", true},
                                {"Lapak", "stall"},
                                {"Nama", "name"},
                                {"Kategori", "category"},
                                {"Kabupaten/kota", "regency"}});
  for (size_t i = 0; i < report.top_stalls.size(); ++i) {
    const StallTotal& s = report.top_stalls[i];
    top.Add(Row({std::to_string(i + 1), s.stall_id, s.name, s.category, s.regency}, s.figures));
  }
  out += Section("Lapak teratas (top stalls)", top);
  return out;
}

std::string ReportTable(const PeriodReport& report) {
  const std::string_view zone = report.events.empty()
                                    ? kDefaultTimeZone
                                    : std::string_view(report.events.front().event.time_zone);
  const LocalClock clock(zone, report.as_of);
  std::string out =
      fmt::format("Laporan periode {} s.d. {} — {} (per {})\n", report.from, report.to,
                  report.province.empty() ? "semua provinsi" : report.province, clock.AsOf());

  TextTable events = FiguresTable({{"Acara", "event"},
                                   {"Nama", "name"},
                                   {"Kabupaten/kota", "regency"},
                                   {"Tanggal", "dates"},
                                   {"Lapak", "stalls", true}});
  for (const EventSummary& e : report.events) {
    events.Add(
        Row({e.event.id, e.event.name, e.event.regency, Dates(e.event), std::to_string(e.stalls)},
            e.total));
  }
  events.AddRule();
  events.Add(Row({"TOTAL", "", "", "", ""}, report.total));
  out += Section("Per acara (by event)", events);
  out += GroupSection("Per kabupaten/kota (by regency)", {"Kabupaten/kota", "regency"},
                      report.regencies);
  return out;
}

std::string ReportTable(const StallReport& report) {
  const LocalClock clock(report.event.time_zone, report.as_of);
  std::string out = fmt::format("{} ({}, {}, {}) di {} — laporan lapak (per {})\n", report.name, report.stall_id,
                                report.category, report.regency, report.event.name, clock.AsOf());
  TextTable days = FiguresTable({{"Tanggal", "day"}, {"Z", "day close"}});
  for (const StallDayLine& d : report.days) {
    std::string z(ZStateName(d.z_state));
    if (d.drawer_over_short && !d.drawer_over_short->is_zero()) {
      z += fmt::format(", laci {}", FormatMoney(*d.drawer_over_short));
    }
    days.Add(Row({d.business_day, z}, d.figures));
  }
  days.AddRule();
  days.Add(Row({"TOTAL", ""}, report.total));
  out += Section("Per hari (by day)", days);
  out += GroupSection("Per jam (by hour)", {"Jam", "hour"}, report.hours);
  TextTable events = FiguresTable({{"Acara", "event"}, {"Tanggal", "dates"}, {"Hari", "days traded", true}});
  for (const StallAtEvent& at : report.events) {
    events.Add(Row({at.event.name, Dates(at.event), std::to_string(at.days_traded)}, at.total));
  }
  out += Section("Dari acara ke acara (event by event)", events);
  return out;
}

std::string ReportTable(const ProvinceExport& report) {
  const LocalClock clock(kDefaultTimeZone, report.as_of);
  std::string out =
      fmt::format("Ekspor per kode wilayah {} s.d. {} — {} (per {})\n", report.from, report.to,
                  report.province.empty() ? "semua provinsi" : report.province, clock.AsOf());
  TextTable regencies = FiguresTable({{"Kode", "code"},
                                      {"Kabupaten/kota", "regency"},
                                      {"Provinsi", "province"},
                                      {"Acara", "events", true},
                                      {"Lapak", "stalls", true}});
  for (const RegencyRow& r : report.regencies) {
    regencies.Add(Row({r.code, r.name, r.province, std::to_string(r.events), std::to_string(r.stalls)}, r.figures));
  }
  regencies.AddRule();
  regencies.Add(Row({"TOTAL", "", "", "", ""}, report.total));
  out += Section("Per kode wilayah (by regency code)", regencies);
  return out;
}

// "Rp5.000" for money, "12" for counts.
static std::string Amount(Money amount) { return FormatMoney(amount); }
static std::string Amount(int64_t count) { return std::to_string(count); }

// "+Rp5.000", "-Rp5.000", "Rp0" for money; "+12", "-3", "0" for counts.
template <typename Value>
static std::string Signed(Value value) {
  const std::string text = Amount(value);
  return value > Value{} ? "+" + text : text;
}

// "+12,5%" (a decimal comma), "0,0%"; "baru" (new) against nothing; "-" when both are nothing.
template <typename Value>
static std::string Percent(const Change<Value>& change) {
  if (!change.percent) return change.current == Value{} ? "-" : "baru";
  std::string text =
      change.difference == Value{} ? "0.0%" : fmt::format("{:+.1f}%", *change.percent);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

template <typename Value>
static Cells ChangeRow(std::string label, const Change<Value>& change) {
  return {std::move(label), Amount(change.previous), Amount(change.current),
          Signed(change.difference), Percent(change)};
}

static TextTable ChangeTable(Column key_column) {
  return TextTable({std::move(key_column),
                    {"Sebelumnya", "previous", true},
                    {"Sekarang", "current", true},
                    {"Selisih", "difference", true},
                    {"Perubahan", "change", true}});
}

std::string ReportTable(const Comparison& comparison) {
  std::string out =
      fmt::format("Perbandingan: {} ({}) dengan {} ({})\n", comparison.current.name,
                  Dates(comparison.current), comparison.previous.name, Dates(comparison.previous));
  out += EqualDaysNote(Language::kIndonesian, comparison) + "\n";

  TextTable summary = ChangeTable({"", ""});
  summary.Add(ChangeRow("Bersih (net)", comparison.net));
  summary.Add(ChangeRow("Transaksi sah (standing sales)", comparison.sales_count));
  summary.Add(ChangeRow("Rata-rata (average sale)", comparison.average_sale));
  out += Section("Ringkasan (summary)", summary);

  TextTable days = ChangeTable({"Hari ke-", "day of event"});
  for (const auto& [key, change] : comparison.days) days.Add(ChangeRow(key, change));
  out += Section("Per hari, bersih (net by day)", days);

  TextTable categories = ChangeTable({"Kategori", "category"});
  for (const auto& [key, change] : comparison.categories)
    categories.Add(ChangeRow(key, change));
  out += Section("Per kategori, bersih (net by category)", categories);
  return out;
}

}  // namespace lapak::ledger
