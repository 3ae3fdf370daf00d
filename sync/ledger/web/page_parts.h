// The parts every page of the dashboard is made of (dashboard_html.h, the pages): the page
// itself with its style, figures, charts, tables and their cells, links to the other pages,
// times in the event's zone, amounts and counts as the page's language writes them. Shared
// by the page files (dashboard_html.cpp, dashboard_stall_page.cpp); not for other code.
// Every function returns HTML; text given to one is escaped unless its name says `html`.
#pragma once

#include <fmt/core.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/business_day.h"
#include "core/money.h"
#include "core/status.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/web/dashboard_text.h"
#include "sync/ledger/web/svg_chart.h"

namespace lapak::ledger::page_parts {

// ---- text ---------------------------------------------------------------------------------

template <typename... Args>
std::string Trf(Language lang, DashText text, const Args&... args) {
  return fmt::format(fmt::runtime(Tr(lang, text)), args...);
}

// `refused` said in `lang` (core/refusal.h Explain) as a sentence on a page: with a capital,
// in English too.
std::string Sentence(const Status& refused, Language lang);
// An amount as text for a page: "Rp12.500".
std::string Rp(Money amount);
// "+Rp12.500", "-Rp12.500", "Rp0".
std::string SignedRp(Money amount);
// A count grouped by thousands: "1.234" in Bahasa Indonesia, "1,234" in English.
std::string Count(Language lang, int64_t count);
// "+12,5%" / "+12.5%"; "-4,0%".
std::string Percent(Language lang, double percent);
// "62%": `part` of `whole`; "0%" when whole is 0.
std::string Share(Money part, Money whole);
// "Rp12.500" for money, "1.234" for counts; Signed: "+Rp12.500", "+1.234".
std::string Amount(Language lang, Money amount);
std::string Amount(Language lang, int64_t count);
std::string Signed(Language lang, Money amount);
std::string Signed(Language lang, int64_t count);

// ---- times --------------------------------------------------------------------------------

// The times of one report, on the clocks of its event's zone, against its as_of.
class ReportTimes {
 public:
  ReportTimes(Language lang, std::string_view zone, TimePoint as_of) : lang_(lang), as_of_(as_of) {
    Result<BusinessCalendar> calendar = BusinessCalendar::Make(zone, kDefaultDayCutoff);
    if (calendar.ok()) calendar_ = std::move(calendar).value();
  }

  // "Minggu, 22 November 2026, 19:05 WIB": when the report was made.
  std::string AsOf() const {
    const std::string local = Local(as_of_);
    return LongDate(lang_, local.substr(0, 10)) + ", " + local.substr(11);
  }

  // "19:05 WIB" on the report's own date, "21 Nov 19:05 WIB" on another.
  std::string At(TimePoint time) const {
    const std::string local = Local(time);
    if (local.substr(0, 10) == Local(as_of_).substr(0, 10)) return local.substr(11);
    return ShortDate(lang_, local.substr(0, 10)) + " " + local.substr(11);
  }

  // "25 menit lalu": how long before the report's as_of.
  std::string Ago(TimePoint time) const {
    const auto minutes = std::chrono::floor<std::chrono::minutes>(as_of_ - time).count();
    if (minutes < 1) return Tr(lang_, DashText::kJustNow);
    if (minutes < 60) return Trf(lang_, DashText::kMinutesAgo, minutes);
    if (minutes < 48 * 60) return Trf(lang_, DashText::kHoursAgo, minutes / 60, minutes % 60);
    return Trf(lang_, DashText::kDaysAgo, minutes / (24 * 60));
  }

 private:
  // "2026-11-22 19:05 WIB"; in UTC when the zone is unknown here.
  std::string Local(TimePoint time) const {
    if (calendar_) return calendar_->LocalTime(time);
    const std::string utc = FormatUtc(time);  // "2026-11-22T12:05:00.000Z"
    return utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC";
  }

  Language lang_;
  TimePoint as_of_;
  std::optional<BusinessCalendar> calendar_;
};

// ---- links --------------------------------------------------------------------------------

// `url` (which may have a query already) in `lang`, escaped for an attribute.
std::string Href(Language lang, std::string url);
Language Other(Language lang);
std::string EventUrl(std::string_view event_id);
std::string DayUrl(std::string_view event_id, std::string_view day);
std::string StallUrl(std::string_view event_id, std::string_view stall_id);
std::string PeriodUrl(std::string_view from, std::string_view to);
// <a> to `url` in `lang`; `html` is already escaped.
std::string Link(Language lang, const std::string& url, std::string_view html, std::string_view css_class = {});
// Every day first..last (ISO dates), at most 62 of them; none when either is not a date.
std::vector<std::string> DaysOf(const EventInfo& event);
// The id of a stall's row on a day page, for links from warnings: "lapak-BKS-07".
std::string StallAnchor(std::string_view stall_id);

// ---- page parts ---------------------------------------------------------------------------

// The whole page: `self_url` is this page's own address (for the language switch), `body`
// the HTML inside <main>. With `refresh`, the browser loads the page again every
// kRefreshSeconds (no script).
inline constexpr int kRefreshSeconds = 60;
std::string Page(Language lang, std::string_view title, const std::string& self_url, bool logged_in,
                 std::string_view body, bool refresh = false);
std::string Figure(std::string_view label, std::string_view value, std::string_view extra = {});
// The net figure, big; and says so when nothing was sold.
std::string Headline(Language lang, const LedgerFigures& figures);
// Gross, voids, sales, average and `more` (figures) in one row; the payment methods in the next.
std::string Figures(Language lang, const LedgerFigures& figures, std::string_view more = {});
std::string Warning(std::string_view html);
std::string ChartBlock(Language lang, DashText title, std::string svg);
Chart MakeChart(Language lang, DashText title, const std::vector<GroupRow>& rows);
std::string Th(std::string_view html, bool number = false);
std::string Td(std::string_view text, bool number = false);
std::string Table(std::string_view head, std::string_view body, std::string_view foot = {});
// The report at `url` (an API address without format=) as a workbook and as CSV.
std::string DownloadButtons(Language lang, const std::string& url);
// "Data per …" and what a report cannot count yet.
std::string AsOfLine(Language lang, const ReportTimes& times);

// ---- cells and tables of figures ----------------------------------------------------------

// A stall's day close: whether terminal and ledger agree (the Z against the sales received),
// then the drawer the vendor counted; a day without a Z is "no sales" when nothing was sold,
// else "not closed".
std::string ZCell(Language lang, ZState state, Money z_difference, std::optional<Money> drawer_over_short,
                  const LedgerFigures& figures);
// Net first: on a phone it is the column in view next to the stall.
std::string FigureHeads(Language lang);
std::string FigureCells(Language lang, const LedgerFigures& figures);
// Kas masuk and kas keluar of a stall's day, each on its line; empty when none.
std::string CashMovesCell(const CashMoves& moves);
// QRIS paid through the code the terminal showed, and in how many sales; empty when none.
std::string QrisShownCell(Language lang, const QrisShown& shown);
template <typename Value>
std::string ChangeCell(Language lang, const Change<Value>& change) {
  const std::string difference = Signed(lang, change.difference);
  const std::string percent = change.percent ? Percent(lang, *change.percent) : Tr(lang, DashText::kNew);
  const char* css = change.difference > Value{}   ? "good"
                    : change.difference < Value{} ? "bad"
                                                  : "muted";
  return fmt::format("<td class=\"num {}\">{} ({})</td>", css, HtmlEscape(difference),
                     HtmlEscape(percent));
}


// ---- terminals ----------------------------------------------------------------------------

// Late terminals first, each group in the report's order.
std::vector<const TerminalSync*> LateFirst(const std::vector<TerminalSync>& terminals);
std::string TerminalsTable(Language lang, const ReportTimes& times, const std::vector<const TerminalSync*>& terminals,
                           const std::map<std::string, std::string>& stall_names);
// The late terminals, each with its stall's name and last sync; empty when none is late.
std::string LateWarning(Language lang, const ReportTimes& times, const std::vector<const TerminalSync*>& terminals,
                        const std::map<std::string, std::string>& stall_names);

}  // namespace lapak::ledger::page_parts
