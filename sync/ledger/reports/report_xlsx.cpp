// ReportXlsx: the workbooks of report_xlsx.h, written with libxlsxwriter. libxlsxwriter 1.1.4
// (Debian 12) writes to a named file only, so a workbook goes to a private temporary file
// that is read back and removed.
#include "sync/ledger/reports/report_xlsx.h"

#include <fmt/core.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "core/business_day.h"
#include "sync/ledger/web/dashboard_text.h"

namespace lapak::ledger {

namespace {

using enum DashText;

// One cell of a sheet: what it holds decides how it is written and formatted.
struct Cell {
  enum class Kind { kEmpty, kText, kRupiah, kCount, kPercent, kDate, kLocalTime };
  Kind kind = Kind::kEmpty;
  std::string text;                     // kText; kDate: YYYY-MM-DD
  int64_t number = 0;                   // kRupiah, kCount
  double percent = 0;                   // kPercent: 12.5 for 12,5 %
  std::optional<TimePoint> time;        // kLocalTime

  Cell() = default;
  Cell(std::string value) : kind(Kind::kText), text(std::move(value)) {}  // NOLINT: implicit
  Cell(const char* value) : Cell(std::string(value)) {}                   // NOLINT: implicit
  Cell(Money amount) : kind(Kind::kRupiah), number(amount.rupiah()) {}    // NOLINT: implicit
  static Cell Count(int64_t value) {
    Cell cell;
    cell.kind = Kind::kCount;
    cell.number = value;
    return cell;
  }
  static Cell Percent(const std::optional<double>& value) {
    Cell cell;
    if (value) {
      cell.kind = Kind::kPercent;
      cell.percent = *value;
    }
    return cell;
  }
  static Cell Date(std::string iso_day) {
    Cell cell(std::move(iso_day));
    cell.kind = IsIsoDate(cell.text) ? Kind::kDate : Kind::kText;
    return cell;
  }
  static Cell Time(const std::optional<TimePoint>& value) {
    Cell cell;
    if (value) {
      cell.kind = Kind::kLocalTime;
      cell.time = value;
    }
    return cell;
  }
};
using Row = std::vector<Cell>;

// A workbook being written to its temporary file.
class Workbook {
 public:
  Workbook(Language lang, const std::string& time_zone, TimePoint as_of) : lang_(lang) {
    std::error_code no_folder;
    const std::filesystem::path folder = std::filesystem::temp_directory_path(no_folder);
    if (no_folder) return;
    path_ = (folder / "lapak-report-XXXXXX.xlsx").string();
    const int fd = mkstemps(path_.data(), 5);
    if (fd < 0) {
      path_.clear();
      return;
    }
    close(fd);
    book_ = workbook_new(path_.c_str());
    if (book_ == nullptr) return;
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    rupiah_ = NumberFormat("\"Rp\"#,##0;-\"Rp\"#,##0");
    count_ = NumberFormat("#,##0");
    percent_ = NumberFormat("0.00%");
    date_ = NumberFormat("d mmm yyyy");
    time_ = NumberFormat("d mmm yyyy hh:mm");
    if (Result<BusinessCalendar> calendar = BusinessCalendar::Make(time_zone, kDefaultDayCutoff);
        calendar.ok()) {
      calendar_ = std::move(*calendar);
      // "2026-11-22 19:05 WIB": the zone's abbreviation at as_of is LocalTime's last word.
      const std::string local = calendar_->LocalTime(as_of);
      zone_ = local.substr(local.rfind(' ') + 1);
    }
  }
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);  // only when Finish was not reached
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  Language lang() const { return lang_; }
  const char* Text(DashText text) const { return Tr(lang_, text); }

  // "Sinkron terakhir (WIB)": a heading of a column of times, with the zone they are in.
  std::string TimeHeading(DashText text) const {
    return fmt::format("{} ({})", Text(text), calendar_ ? zone_ : "UTC");
  }

  // A sheet with `header` in bold on its first row, frozen, with a filter over its columns.
  lxw_worksheet* Sheet(DashText name, const Row& header) {
    if (book_ == nullptr) return nullptr;  // Finish says why
    lxw_worksheet* sheet = workbook_add_worksheet(book_, SheetName(Text(name)).c_str());
    if (sheet == nullptr) return nullptr;
    rows_[sheet] = 0;
    if (!header.empty()) {
      WriteRow(sheet, header, bold_);
      worksheet_freeze_panes(sheet, 1, 0);
      worksheet_autofilter(sheet, 0, 0, 0, static_cast<lxw_col_t>(header.size() - 1));
      worksheet_set_column(sheet, 0, 0, 28, nullptr);
      worksheet_set_column(sheet, 1, static_cast<lxw_col_t>(header.size() - 1), 16, nullptr);
    } else {
      worksheet_set_column(sheet, 0, 0, 36, nullptr);
      worksheet_set_column(sheet, 1, 1, 40, nullptr);
    }
    return sheet;
  }

  void WriteRow(lxw_worksheet* sheet, const Row& row, lxw_format* text_format = nullptr) {
    if (sheet == nullptr) return;
    const lxw_row_t at = rows_[sheet]++;
    for (size_t column = 0; column < row.size(); ++column) {
      Write(sheet, at, static_cast<lxw_col_t>(column), row[column], text_format);
    }
  }

  // The workbook's bytes; the temporary file is removed.
  Result<std::string> Finish() {
    if (book_ == nullptr) return Status::IoError("cannot create a workbook in the temporary folder");
    const lxw_error closed = workbook_close(book_);
    book_ = nullptr;
    if (closed != LXW_NO_ERROR) {
      return Status::IoError(fmt::format("cannot write the workbook: {}", lxw_strerror(closed)));
    }
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return Status::IoError("cannot read the workbook back");
    return std::move(bytes).str();
  }

 private:
  lxw_format* NumberFormat(const char* pattern) {
    lxw_format* format = workbook_add_format(book_);
    format_set_num_format(format, pattern);
    return format;
  }

  // Excel forbids []:*?/\ in sheet names and more than 31 characters.
  static std::string SheetName(std::string_view text) {
    std::string name;
    size_t characters = 0;
    for (size_t i = 0; i < text.size() && characters < 31; ++characters) {
      size_t length = 1;
      const auto lead = static_cast<unsigned char>(text[i]);
      if (lead >= 0xF0) length = 4;
      else if (lead >= 0xE0) length = 3;
      else if (lead >= 0xC0) length = 2;
      std::string character(text.substr(i, length));
      if (character.size() == 1 && std::string_view("[]:*?/\\").find(character[0]) != std::string_view::npos) {
        character = "-";
      }
      name += character;
      i += length;
    }
    return name;
  }

  static lxw_datetime Broken(std::string_view iso) {  // "YYYY-MM-DD[THH:MM:SS…]"
    const auto number = [&](size_t at, size_t length) {
      int value = 0;
      for (size_t i = at; i < at + length && i < iso.size(); ++i) value = value * 10 + (iso[i] - '0');
      return value;
    };
    lxw_datetime broken{number(0, 4), number(5, 2), number(8, 2), 0, 0, 0};
    if (iso.size() >= 19) {
      broken.hour = number(11, 2);
      broken.min = number(14, 2);
      broken.sec = number(17, 2);
    }
    return broken;
  }

  void Write(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Cell& cell,
             lxw_format* text_format) {
    switch (cell.kind) {
      case Cell::Kind::kEmpty:
        return;
      case Cell::Kind::kText:
        worksheet_write_string(sheet, row, column, cell.text.c_str(), text_format);
        return;
      case Cell::Kind::kRupiah:
        worksheet_write_number(sheet, row, column, static_cast<double>(cell.number), rupiah_);
        return;
      case Cell::Kind::kCount:
        worksheet_write_number(sheet, row, column, static_cast<double>(cell.number), count_);
        return;
      case Cell::Kind::kPercent:  // a fraction to four places: 12,5 % is 0.125, 33,33 % 0.3333
        worksheet_write_number(sheet, row, column, std::round(cell.percent * 100) / 10000, percent_);
        return;
      case Cell::Kind::kDate: {
        lxw_datetime date = Broken(cell.text);
        worksheet_write_datetime(sheet, row, column, &date, date_);
        return;
      }
      case Cell::Kind::kLocalTime: {
        if (!calendar_) {
          worksheet_write_string(sheet, row, column, FormatUtc(*cell.time).c_str(), nullptr);
          return;
        }
        lxw_datetime time = Broken(calendar_->LocalIso(*cell.time));
        worksheet_write_datetime(sheet, row, column, &time, time_);
        return;
      }
    }
  }

  Language lang_;
  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* rupiah_ = nullptr;
  lxw_format* count_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* time_ = nullptr;
  std::optional<BusinessCalendar> calendar_;
  std::string zone_;  // "WIB"
  std::map<lxw_worksheet*, lxw_row_t> rows_;
};

// ---- the figures, as every table gives them ---------------------------------------------

Row FigureHeader(const Workbook& book) {
  Row header = {book.Text(kSalesColumn), book.Text(kVoidsCountColumn), book.Text(kGrossColumn),
                book.Text(kVoids), book.Text(kNetColumn)};
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    header.emplace_back(std::string(MethodLabel(book.lang(), method.method)));
  }
  header.emplace_back(book.Text(kAverageColumn));
  return header;
}

Row FigureCells(const LedgerFigures& f) {
  Row cells = {Cell::Count(StandingSales(f)), Cell::Count(f.voids_count), f.gross, f.voids, f.net};
  for (const Money amount : f.by_method.amounts) cells.emplace_back(amount);
  cells.emplace_back(AverageSale(f));
  return cells;
}

Row Join(Row first, const Row& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

// The summary's rows of figures: a label and a value each.
void SummaryFigures(Workbook& book, lxw_worksheet* sheet, const LedgerFigures& total) {
  book.WriteRow(sheet, {book.Text(kNet), total.net});
  book.WriteRow(sheet, {book.Text(kGross), total.gross});
  book.WriteRow(sheet, {book.Text(kVoids), total.voids});
  book.WriteRow(sheet, {book.Text(kSalesCount), Cell::Count(StandingSales(total))});
  book.WriteRow(sheet, {book.Text(kVoidsCountColumn), Cell::Count(total.voids_count)});
  book.WriteRow(sheet, {book.Text(kAverageSale), AverageSale(total)});
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    book.WriteRow(sheet, {std::string(MethodLabel(book.lang(), method.method)),
                          total.by_method[method.method]});
  }
}

void EventLines(Workbook& book, lxw_worksheet* sheet, const EventInfo& event, TimePoint as_of) {
  book.WriteRow(sheet, {book.Text(kEvents), event.name});
  book.WriteRow(sheet, {book.Text(kProvince), event.province});
  book.WriteRow(sheet, {book.Text(kEventRegency), event.regency});
  book.WriteRow(sheet, {book.Text(kFrom), Cell::Date(event.first_day)});
  book.WriteRow(sheet, {book.Text(kTo), Cell::Date(event.last_day)});
  book.WriteRow(sheet, {book.TimeHeading(kAsOfColumn), Cell::Time(as_of)});
}

// The summary sheet of a report over a period: what it is, the province, the dates, when it
// was made, then the totals.
void PeriodSummary(Workbook& book, DashText title, const std::string& province, const std::string& from,
                   const std::string& to, TimePoint as_of, const LedgerFigures& total) {
  lxw_worksheet* summary = book.Sheet(kSheetSummary, {});
  book.WriteRow(summary, {book.Text(title), ""});
  book.WriteRow(summary, {book.Text(kProvince), province.empty() ? std::string(book.Text(kAllProvinces)) : province});
  book.WriteRow(summary, {book.Text(kFrom), Cell::Date(from)});
  book.WriteRow(summary, {book.Text(kTo), Cell::Date(to)});
  book.WriteRow(summary, {book.TimeHeading(kAsOfColumn), Cell::Time(as_of)});
  SummaryFigures(book, summary, total);
}

void GroupSheet(Workbook& book, DashText name, DashText key, const std::vector<GroupRow>& rows,
                bool key_is_date = false) {
  lxw_worksheet* sheet = book.Sheet(name, Join({book.Text(key)}, FigureHeader(book)));
  for (const GroupRow& row : rows) {
    book.WriteRow(sheet, Join({key_is_date ? Cell::Date(row.key) : Cell(row.key)}, FigureCells(row.figures)));
  }
}

std::string ZText(Language lang, ZState state, const LedgerFigures& figures) {
  switch (state) {
    case ZState::kNotClosed:
      return Tr(lang, figures.sales_count == 0 ? kNoSalesThatDay : kNotClosed);
    case ZState::kAgrees:
      return Tr(lang, kZAgrees);
    case ZState::kDiffers:
      return Tr(lang, kZDiffersColumn);
  }
  return "";
}

void ChangeRow(Workbook& book, lxw_worksheet* sheet, Cell label, const MoneyChange& c) {
  book.WriteRow(sheet, {label, c.previous, c.current, c.difference, Cell::Percent(c.percent)});
}

Row ChangeHeader(const Workbook& book, DashText key) {
  return {book.Text(key), book.Text(kPrevious), book.Text(kCurrent), book.Text(kDifference),
          book.Text(kChange)};
}

}  // namespace

Result<std::string> ReportXlsx(const OrganiserDayReport& report, Language lang) {
  Workbook book(lang, report.event.time_zone, report.as_of);
  lxw_worksheet* summary = book.Sheet(kSheetSummary, {});
  book.WriteRow(summary, {book.Text(kDayReport), Cell::Date(report.business_day)});
  EventLines(book, summary, report.event, report.as_of);
  SummaryFigures(book, summary, report.total);

  lxw_worksheet* stalls = book.Sheet(
      kStalls, Join(Join({book.Text(kStallId), book.Text(kName), book.Text(kCategory)}, FigureHeader(book)),
                    {book.Text(kQrisShown), book.Text(kZReport), book.Text(kZDifferenceColumn),
                     book.Text(kDrawerColumn), book.Text(kCashIn), book.Text(kCashOut)}));
  for (const StallDayRow& s : report.stalls) {
    book.WriteRow(stalls, Join(Join({s.stall_id, s.name, s.category}, FigureCells(s.figures)),
                               {s.qris_shown.amount, ZText(lang, s.z_state, s.figures),
                                s.z_state == ZState::kDiffers ? Cell(s.z_difference) : Cell(),
                                s.drawer_over_short ? Cell(*s.drawer_over_short) : Cell(),
                                s.cash_moves.in, s.cash_moves.out}));
  }
  std::vector<GroupRow> hours;
  for (const GroupRow& hour : report.hours) {
    if (hour.figures.sales_count != 0 || hour.figures.voids_count != 0) hours.push_back(hour);
  }
  GroupSheet(book, kPerHour, kHour, hours);
  GroupSheet(book, kPerCategory, kCategory, report.categories);

  lxw_worksheet* terminals =
      book.Sheet(kTerminals, {book.Text(kTerminal), book.Text(kStallId), book.Text(kState),
                              book.TimeHeading(kLastSync), book.TimeHeading(kNewestEntry),
                              book.Text(kEntriesHeld)});
  for (const TerminalSync& t : report.terminals) {
    const DashText state = t.revoked ? kRevoked : t.late ? kLate : kUpToDate;
    book.WriteRow(terminals, {t.terminal_id, t.stall_id, book.Text(state), Cell::Time(t.last_sync_at),
                              Cell::Time(t.newest_entry_at), Cell::Count(t.entries_held)});
  }
  return book.Finish();
}

Result<std::string> ReportXlsx(const EventReport& report, Language lang) {
  Workbook book(lang, report.event.time_zone, report.as_of);
  lxw_worksheet* summary = book.Sheet(kSheetSummary, {});
  EventLines(book, summary, report.event, report.as_of);
  book.WriteRow(summary, {book.Text(kStallCount), Cell::Count(report.stalls)});
  SummaryFigures(book, summary, report.total);

  GroupSheet(book, kPerDay, kDates, report.days, true);
  GroupSheet(book, kPerCategory, kCategory, report.categories);
  GroupSheet(book, kSheetHomeRegency, kHomeRegency, report.regencies);
  lxw_worksheet* top = book.Sheet(
      kTopStalls, Join({book.Text(kStallId), book.Text(kName), book.Text(kCategory), book.Text(kHomeRegency)},
                       FigureHeader(book)));
  for (const StallTotal& s : report.top_stalls) {
    book.WriteRow(top, Join({s.stall_id, s.name, s.category, s.regency}, FigureCells(s.figures)));
  }
  lxw_worksheet* late = book.Sheet(kLate, {book.Text(kStallId), book.Text(kName)});
  for (const StallName& s : report.late_stalls) book.WriteRow(late, {s.stall_id, s.name});
  lxw_worksheet* open = book.Sheet(kNotClosed, {book.Text(kStallId), book.Text(kName), book.Text(kDates)});
  for (const StallDay& s : report.not_closed) book.WriteRow(open, {s.stall_id, s.name, Cell::Date(s.business_day)});
  return book.Finish();
}

Result<std::string> ReportXlsx(const PeriodReport& report, Language lang) {
  Workbook book(lang, std::string(kDefaultTimeZone), report.as_of);
  PeriodSummary(book, kPeriod, report.province, report.from, report.to, report.as_of, report.total);

  lxw_worksheet* events = book.Sheet(
      kEvents, Join({book.Text(kEventId), book.Text(kName), book.Text(kProvince), book.Text(kEventRegency),
                     book.Text(kFrom), book.Text(kTo), book.Text(kStallCount)},
                    FigureHeader(book)));
  for (const EventSummary& e : report.events) {
    book.WriteRow(events, Join({e.event.id, e.event.name, e.event.province, e.event.regency,
                                Cell::Date(e.event.first_day), Cell::Date(e.event.last_day), Cell::Count(e.stalls)},
                               FigureCells(e.total)));
  }
  GroupSheet(book, kSheetEventRegency, kEventRegency, report.regencies);
  return book.Finish();
}

Result<std::string> ReportXlsx(const ProvinceExport& report, Language lang) {
  Workbook book(lang, std::string(kDefaultTimeZone), report.as_of);
  PeriodSummary(book, kProvinceExport, report.province, report.from, report.to, report.as_of, report.total);

  lxw_worksheet* regencies = book.Sheet(
      kSheetRegencyCodes, Join({book.Text(kProvinceCode), book.Text(kProvince), book.Text(kRegencyCode),
                                book.Text(kEventRegency), book.Text(kEvents), book.Text(kStallCount)},
                               FigureHeader(book)));
  for (const RegencyRow& r : report.regencies) {
    book.WriteRow(regencies, Join({r.province_code, r.province, r.code, r.name, Cell::Count(r.events),
                                   Cell::Count(r.stalls)},
                                  FigureCells(r.figures)));
  }
  return book.Finish();
}

Result<std::string> ReportXlsx(const StallReport& report, Language lang) {
  Workbook book(lang, report.event.time_zone, report.as_of);
  lxw_worksheet* summary = book.Sheet(kSheetSummary, {});
  book.WriteRow(summary, {book.Text(kStallId), report.stall_id});
  book.WriteRow(summary, {book.Text(kName), report.name});
  book.WriteRow(summary, {book.Text(kCategory), report.category});
  book.WriteRow(summary, {book.Text(kHomeRegency), report.regency});
  EventLines(book, summary, report.event, report.as_of);
  SummaryFigures(book, summary, report.total);

  lxw_worksheet* days = book.Sheet(
      kPerDay, Join(Join({book.Text(kDates)}, FigureHeader(book)),
                    {book.Text(kZReport), book.Text(kZDifferenceColumn), book.Text(kDrawerColumn),
                     book.Text(kCashIn), book.Text(kCashOut)}));
  for (const StallDayLine& d : report.days) {
    book.WriteRow(days, Join(Join({Cell::Date(d.business_day)}, FigureCells(d.figures)),
                             {ZText(lang, d.z_state, d.figures),
                              d.z_state == ZState::kDiffers ? Cell(d.z_difference) : Cell(),
                              d.drawer_over_short ? Cell(*d.drawer_over_short) : Cell(), d.cash_moves.in,
                              d.cash_moves.out}));
  }
  GroupSheet(book, kPerHour, kHour, report.hours);
  lxw_worksheet* events = book.Sheet(
      kYearOnYear, Join({book.Text(kEventId), book.Text(kName), book.Text(kFrom), book.Text(kTo),
                         book.Text(kDaysTraded)},
                        FigureHeader(book)));
  for (const StallAtEvent& at : report.events) {
    book.WriteRow(events, Join({at.event.id, at.event.name, Cell::Date(at.event.first_day),
                                Cell::Date(at.event.last_day), Cell::Count(at.days_traded)},
                               FigureCells(at.total)));
  }
  return book.Finish();
}

Result<std::string> ReportXlsx(const Comparison& comparison, Language lang) {
  Workbook book(lang, comparison.current.time_zone, TimePoint{});
  lxw_worksheet* summary = book.Sheet(kSheetSummary, ChangeHeader(book, kSheetSummary));
  ChangeRow(book, summary, book.Text(kNet), comparison.net);
  const auto& s = comparison.sales_count;
  book.WriteRow(summary, {book.Text(kSalesCount), Cell::Count(s.previous), Cell::Count(s.current),
                          Cell::Count(s.difference), Cell::Percent(s.percent)});
  ChangeRow(book, summary, book.Text(kAverageSale), comparison.average_sale);
  book.WriteRow(summary, {});
  book.WriteRow(summary, {book.Text(kCurrent), comparison.current.name, Cell::Date(comparison.current.first_day),
                          Cell::Date(comparison.current.last_day)});
  book.WriteRow(summary, {book.Text(kPrevious), comparison.previous.name,
                          Cell::Date(comparison.previous.first_day), Cell::Date(comparison.previous.last_day)});
  book.WriteRow(summary, {book.Text(kDaysCompared), Cell::Count(comparison.days_compared)});
  book.WriteRow(summary, {EqualDaysNote(lang, comparison)});

  lxw_worksheet* days = book.Sheet(kPerDay, ChangeHeader(book, kDayColumn));
  for (size_t n = 0; n < comparison.days.size(); ++n) {
    ChangeRow(book, days, Cell::Count(static_cast<int64_t>(n + 1)), comparison.days[n].second);
  }
  lxw_worksheet* categories = book.Sheet(kPerCategory, ChangeHeader(book, kCategory));
  for (const auto& [category, change] : comparison.categories) ChangeRow(book, categories, category, change);
  return book.Finish();
}

}  // namespace lapak::ledger
