#include "sync/ledger/web/dashboard_html.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "core/business_day.h"
#include "core/money.h"
#include "core/refusal.h"
#include "sync/ledger/web/svg_chart.h"

namespace lapak::ledger {

namespace {

using enum DashText;

// Near-black on white with one accent (#0b3a75); base 18px; touch targets at least 48px;
// tables scroll sideways in their own box with the first column held in view. Printed (the
// browser's print to PDF), a page fits A4 portrait: buttons and forms left out, tables whole
// in small type, every column on the paper.
constexpr std::string_view kStyle = R"css(
*{box-sizing:border-box}
html{font-size:18px;-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:#111;font-family:"Noto Sans","DejaVu Sans",system-ui,sans-serif;line-height:1.45}
a{color:#0b3a75;text-decoration-thickness:2px;text-underline-offset:3px}
header{display:flex;flex-wrap:wrap;align-items:center;padding:0 .5rem;border-bottom:4px solid #0b3a75}
header a,header button{display:inline-flex;align-items:center;min-height:48px;padding:0 .6rem;font-weight:700}
header form{margin:0}
header button{border:0;background:none;color:#0b3a75;font:inherit;font-weight:700;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;cursor:pointer}
header .brand{margin-right:auto;color:#111;text-decoration:none;font-size:1.15rem}
main{max-width:90rem;margin:0 auto;padding:.75rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.3rem;line-height:1.25;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
p{margin:.5rem 0}
.sub{margin:0;font-weight:600}
.note,small{color:#333;font-size:.9rem}
.headline{margin:1rem 0 .5rem}
.headline .label{display:block;font-weight:700}
.headline .value{display:block;font-size:clamp(2.2rem,10vw,3.5rem);font-weight:800;line-height:1.1;color:#0b3a75;font-variant-numeric:tabular-nums}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem;margin:.75rem 0}
.figure{border:2px solid #111;border-radius:6px;padding:.35rem .6rem}
.figure .label{display:block;font-size:.85rem;font-weight:600;line-height:1.25}
.figure .value{display:block;font-size:1.15rem;font-weight:800;font-variant-numeric:tabular-nums}
.figure .extra{display:block;font-size:.85rem}
@media (max-width:30rem){.figures{grid-template-columns:1fr;gap:.35rem}
.figure{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;column-gap:.75rem}
.figure .value{margin-left:auto}
.figure .extra{flex-basis:100%}}
.warn{border:3px solid #8a4b00;border-radius:6px;background:#fff3d6;padding:.6rem 1rem;margin:1rem 0;font-weight:700}
.warn ul{margin:.4rem 0 0;padding-left:1.25rem;font-weight:400}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:.25rem 1rem;border:2px solid #0b3a75;border-radius:6px;background:#fff;font-weight:700;text-decoration:none}
.button.primary{background:#0b3a75;color:#fff}
.scroll{overflow-x:auto;border:2px solid #111;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{padding:.45rem .55rem;text-align:left;vertical-align:top;border-bottom:1px solid #999;background:#fff}
th{background:#e8edf5;white-space:nowrap}
td{white-space:nowrap}
th:first-child,td:first-child{position:sticky;left:0;z-index:1;border-right:1px solid #999;white-space:normal;min-width:9rem;max-width:13rem}
td.num,th.num{text-align:right}
tfoot td{font-weight:800;border-top:3px solid #111}
tr.flag td{background:#fde4e4}
.bad{color:#9b1111;font-weight:800}
.good{color:#0a5a2a;font-weight:700}
.muted{color:#444}
.charts{display:grid;gap:0 2.5rem}
@media (min-width:56rem){.charts{grid-template-columns:1fr 1fr}}
.chart svg{display:block;max-width:28rem;margin:.25rem 0 1rem}
label{display:block;font-weight:700;margin:.75rem 0 .25rem}
input{font:inherit;min-height:48px;padding:.3rem .6rem;border:2px solid #111;border-radius:6px;background:#fff;color:#111}
button{font:inherit;font-weight:700;min-height:48px;padding:.3rem 1.25rem;border:2px solid #0b3a75;border-radius:6px;background:#0b3a75;color:#fff}
.login{max-width:26rem}
.login input,.login button{width:100%;min-height:56px}
.login button{margin-top:1rem}
.inline-form{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:flex-end}
.inline-form label{margin:0}
.cards{list-style:none;margin:0;padding:0}
.cards li{border:2px solid #111;border-radius:6px;padding:.6rem .8rem;margin:.75rem 0}
.cards h2{margin:0 0 .25rem}
.cards .days{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
@page{size:A4 portrait;margin:12mm 10mm}
@media print{html{font-size:10pt}
header form,header a:not(.brand),.actions,form{display:none}
header{border-bottom:2px solid #000}
main{max-width:none;padding:0}
.headline .value{font-size:20pt;color:#000}
.scroll{overflow:visible;border:0}
table{font-size:7pt}
th,td{white-space:normal;padding:2px 3px}
th:first-child,td:first-child{position:static;min-width:0;max-width:none}
small{font-size:.9em}
h2{break-after:avoid}
tr,.figure,.warn,.chart{break-inside:avoid}
tfoot{display:table-row-group}
a{color:#000;text-decoration:none}
.figures{grid-template-columns:repeat(4,1fr)}}
)css";

// ---- text -------------------------------------------------------------------------------

template <typename... Args>
std::string Trf(Language lang, DashText text, const Args&... args) {
  return fmt::format(fmt::runtime(Tr(lang, text)), args...);
}

// `refused` said in `lang` (core/refusal.h Explain) as a sentence on a page: with a capital,
// in English too.
std::string Sentence(const Status& refused, Language lang) {
  std::string said = Explain(refused, lang);
  if (!said.empty() && said[0] >= 'a' && said[0] <= 'z') {
    said[0] = static_cast<char>(said[0] - 'a' + 'A');
  }
  return said;
}

// An amount as text for a page: "Rp12.500".
std::string Rp(Money amount) { return FormatMoney(amount); }

// "+Rp12.500", "-Rp12.500", "Rp0".
std::string SignedRp(Money amount) { return (amount > Money() ? "+" : "") + Rp(amount); }

// A count grouped by thousands: "1.234" in Bahasa Indonesia, "1,234" in English.
std::string Count(Language lang, int64_t count) {
  std::string digits = std::to_string(count);
  const size_t sign = count < 0 ? 1 : 0;
  for (size_t at = digits.size(); at > sign + 3; at -= 3) {
    digits.insert(at - 3, 1, lang == Language::kEnglish ? ',' : '.');
  }
  return digits;
}

// "+12,5%" / "+12.5%"; "-4,0%".
std::string Percent(Language lang, double percent) {
  std::string text = fmt::format("{:+.1f}%", percent);
  if (lang == Language::kIndonesian) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// "62%": `part` of `whole`; "0%" when whole is 0.
std::string Share(Money part, Money whole) {
  return fmt::format("{:.0f}%", SharePercent(part, whole));
}

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
    if (minutes < 1) return Tr(lang_, kJustNow);
    if (minutes < 60) return Trf(lang_, kMinutesAgo, minutes);
    if (minutes < 48 * 60) return Trf(lang_, kHoursAgo, minutes / 60, minutes % 60);
    return Trf(lang_, kDaysAgo, minutes / (24 * 60));
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
std::string Href(Language lang, std::string url) {
  if (lang == Language::kEnglish) {
    url += (url.find('?') == std::string::npos ? "?" : "&") + std::string("lang=en");
  }
  return HtmlEscape(url);
}

Language Other(Language lang) {
  return lang == Language::kEnglish ? Language::kIndonesian : Language::kEnglish;
}

std::string EventUrl(std::string_view event_id) {
  return "/dashboard/event/" + UrlEncode(event_id);
}

std::string DayUrl(std::string_view event_id, std::string_view day) {
  return EventUrl(event_id) + "/day/" + UrlEncode(day);
}

std::string StallUrl(std::string_view event_id, std::string_view stall_id) {
  return EventUrl(event_id) + "/stall/" + UrlEncode(stall_id);
}

std::string PeriodUrl(std::string_view from, std::string_view to) {
  return "/dashboard/period?from=" + UrlEncode(from) + "&to=" + UrlEncode(to);
}

// <a> to `url` in `lang`; `html` is already escaped.
std::string Link(Language lang, const std::string& url, std::string_view html,
                 std::string_view css_class = {}) {
  if (css_class.empty()) return fmt::format("<a href=\"{}\">{}</a>", Href(lang, url), html);
  return fmt::format("<a class=\"{}\" href=\"{}\">{}</a>", css_class, Href(lang, url), html);
}

// Every day first..last (ISO dates), at most 62 of them; none when either is not a date.
std::vector<std::string> DaysOf(const EventInfo& event) {
  std::vector<std::string> days;
  if (!IsIsoDate(event.first_day) || !IsIsoDate(event.last_day)) return days;
  for (std::string day = event.first_day; day <= event.last_day && days.size() < 62;
       day = AddDays(day, 1)) {
    days.push_back(day);
  }
  return days;
}

// ---- page parts ---------------------------------------------------------------------------

// The whole page: `self_url` is this page's own address (for the language switch), `body`
// the HTML inside <main>.
// With `refresh`, the browser loads the page again every kRefreshSeconds (no script).
constexpr int kRefreshSeconds = 60;
std::string Page(Language lang, std::string_view title, const std::string& self_url, bool logged_in,
                 std::string_view body, bool refresh = false) {
  std::string html = fmt::format(
      "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">{}"
      "<title>{} · Lapak</title><style>{}</style></head><body><header>",
      LanguageCode(lang),
      refresh ? fmt::format("<meta http-equiv=\"refresh\" content=\"{}\">", kRefreshSeconds) : "",
      HtmlEscape(title), kStyle);
  html += Link(lang, "/dashboard", "Lapak", "brand");
  html +=
      fmt::format("<a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a>", Href(Other(lang), self_url),
                  LanguageCode(Other(lang)), LanguageCode(Other(lang)), Tr(lang, kOtherLanguage));
  // Logging out changes what the browser holds: a POST (report_routes.h), never a link.
  if (logged_in) {
    html += fmt::format("<form method=\"post\" action=\"{}\"><button type=\"submit\">{}</button></form>",
                        Href(lang, "/keluar"), Tr(lang, kLogOut));
  }
  html += "</header><main>";
  html += body;
  return html + "</main></body></html>\n";
}

std::string Figure(std::string_view label, std::string_view value, std::string_view extra = {}) {
  std::string html = fmt::format(
      "<div class=\"figure\"><span class=\"label\">{}</span><span class=\"value\">{}</span>", label,
      HtmlEscape(value));
  if (!extra.empty()) html += fmt::format("<span class=\"extra\">{}</span>", HtmlEscape(extra));
  return html + "</div>";
}

// The net figure, big; and says so when nothing was sold.
std::string Headline(Language lang, const LedgerFigures& figures) {
  std::string html = fmt::format(
      "<p class=\"headline\"><span class=\"label\">{}</span><span class=\"value\">{}</span></p>",
      Tr(lang, kNet), HtmlEscape(Rp(figures.net)));
  if (figures.sales_count == 0) html += fmt::format("<p><b>{}</b></p>", Tr(lang, kNoSales));
  return html;
}

// Gross, voids, sales, average and `more` (figures) in one row; the payment methods in the next.
std::string Figures(Language lang, const LedgerFigures& figures, std::string_view more = {}) {
  std::string html = "<div class=\"figures\">";
  html += Figure(Tr(lang, kGross), Rp(figures.gross));
  html += Figure(Tr(lang, kVoids), Rp(figures.voids),
                 Trf(lang, kVoidsCount, Count(lang, figures.voids_count)));
  html += Figure(Tr(lang, kSalesCount), Count(lang, StandingSales(figures)));
  html += Figure(Tr(lang, kAverageSale), Rp(AverageSale(figures)));
  html += more;
  html += fmt::format("</div><div class=\"figures\" role=\"group\" aria-label=\"{}\">",
                      Tr(lang, kPaymentMethodsHeading));
  // Σ by method is net, which the ingest bounds: it cannot overflow but for corrupt totals,
  // which then show 0 % for every method.
  const Money paid = figures.by_method.Total().value_or(Money());
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    const Money amount = figures.by_method[method.method];
    html += Figure(MethodLabel(lang, method.method), Rp(amount), Share(amount, paid));
  }
  return html + "</div>";
}

std::string Warning(std::string_view html) {
  return fmt::format("<div class=\"warn\" role=\"alert\">{}</div>", html);
}

std::string ChartBlock(Language lang, DashText title, std::string svg) {
  return fmt::format("<section class=\"chart\"><h2>{}</h2>{}</section>", Tr(lang, title), svg);
}

Chart MakeChart(Language lang, DashText title, const std::vector<GroupRow>& rows) {
  Chart chart{Tr(lang, title), Tr(lang, kNoSales), {}};
  for (const GroupRow& row : rows) chart.bars.push_back({row.key, row.figures.net});
  return chart;
}

std::string Th(std::string_view html, bool number = false) {
  return fmt::format("<th{}>{}</th>", number ? " class=\"num\"" : "", html);
}

std::string Td(std::string_view text, bool number = false) {
  return fmt::format("<td{}>{}</td>", number ? " class=\"num\"" : "", HtmlEscape(text));
}

std::string Table(std::string_view head, std::string_view body, std::string_view foot = {}) {
  std::string html = fmt::format(
      "<div class=\"scroll\"><table><thead><tr>{}</tr></thead><tbody>{}</tbody>", head, body);
  if (!foot.empty()) html += fmt::format("<tfoot><tr>{}</tr></tfoot>", foot);
  return html + "</table></div>";
}

// The report at `url` (an API address without format=) as a workbook and as CSV.
std::string DownloadButtons(Language lang, const std::string& url) {
  return Link(lang, url + "&format=xlsx", Tr(lang, kDownloadXlsx), "button") +
         Link(lang, url + "&format=csv", Tr(lang, kDownloadCsv), "button");
}

// ---- the day page -------------------------------------------------------------------------

// Two things, each on its line: whether the terminal and the ledger agree on the day (the Z
// against the sales received), then the drawer the vendor counted at the close. A day without
// a Z is "no sales" when nothing was sold, else "not closed".
std::string ZCell(Language lang, ZState state, Money z_difference, std::optional<Money> drawer_over_short,
                  const LedgerFigures& figures) {
  if (state == ZState::kNotClosed) {
    const bool sold = figures.sales_count > 0;
    return fmt::format("<td class=\"muted\">{}</td>", Tr(lang, sold ? kNotClosed : kNoSalesThatDay));
  }
  const std::string agreement =
      state == ZState::kAgrees
          ? fmt::format("<span class=\"good\">{}</span>", Tr(lang, kZAgrees))
          : fmt::format("<span class=\"bad\">{}</span>", HtmlEscape(Trf(lang, kZDiffers, Rp(z_difference))));
  const Money drawer = drawer_over_short.value_or(Money());
  const std::string cash =
      drawer.is_zero()  ? fmt::format("<span class=\"good\">{}</span>", Tr(lang, kDrawerRight))
      : drawer < Money() ? fmt::format("<span class=\"bad\">{}</span>",
                                       HtmlEscape(Trf(lang, kDrawerShort, Rp(*Money().Minus(drawer)))))
                         : fmt::format("<span class=\"bad\">{}</span>", HtmlEscape(Trf(lang, kDrawerOver, Rp(drawer))));
  return "<td>" + agreement + "<br>" + cash + "</td>";
}

// Net first: on a phone it is the column in view next to the stall.
std::string FigureHeads(Language lang) {
  std::string html = Th(Tr(lang, kNetColumn), true) + Th(Tr(lang, kSalesColumn), true) +
                     Th(Tr(lang, kGrossColumn), true) + Th(Tr(lang, kVoids), true) +
                     Th(Tr(lang, kAverageColumn), true);
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    html += Th(MethodLabel(lang, method.method), true);
  }
  return html;
}

std::string FigureCells(Language lang, const LedgerFigures& figures) {
  std::string html = fmt::format("<td class=\"num\"><b>{}</b></td>", Rp(figures.net)) +
                     Td(Count(lang, StandingSales(figures)), true) + Td(Rp(figures.gross), true) +
                     Td(Rp(figures.voids), true) + Td(Rp(AverageSale(figures)), true);
  for (const Money amount : figures.by_method.amounts) html += Td(Rp(amount), true);
  return html;
}

// Kas masuk and kas keluar of a stall's day, each on its line; empty when none.
std::string CashMovesCell(const CashMoves& moves) {
  std::string lines;
  if (!moves.in.is_zero()) lines += "+" + Rp(moves.in);
  if (!moves.out.is_zero()) lines += (lines.empty() ? "" : "<br>") + Rp(*Money().Minus(moves.out));
  return "<td class=\"num\">" + lines + "</td>";
}

// QRIS paid through the code the terminal showed, and in how many sales; empty when none.
std::string QrisShownCell(Language lang, const QrisShown& shown) {
  if (shown.sales == 0 && shown.amount.is_zero()) return "<td class=\"num\"></td>";
  return "<td class=\"num\">" + Rp(shown.amount) + "<br><small>" + Count(lang, shown.sales) + "</small></td>";
}

// The id of a stall's row on a day page, for links from warnings: "lapak-BKS-07".
std::string StallAnchor(std::string_view stall_id) { return HtmlEscape("lapak-" + UrlEncode(stall_id)); }

// Stall (with its category and id) | net … transfer | Z | cash in/out | QRIS via the code shown.
std::string StallsTable(Language lang, const OrganiserDayReport& report) {
  const std::string head = Th(Tr(lang, kStall)) + FigureHeads(lang) + Th(Tr(lang, kZReport)) +
                           Th(Tr(lang, kCashMoves), true) + Th(Tr(lang, kQrisShown), true);
  std::string body;
  for (const StallDayRow& stall : report.stalls) {
    body +=
        fmt::format("<tr id=\"{}\"{}><td><b>{}</b><br><small>{} · {}</small></td>",
                    StallAnchor(stall.stall_id), stall.z_state == ZState::kDiffers ? " class=\"flag\"" : "",
                    Link(lang, StallUrl(report.event.id, stall.stall_id), HtmlEscape(stall.name)),
                    HtmlEscape(stall.category), HtmlEscape(stall.stall_id));
    body += FigureCells(lang, stall.figures) +
            ZCell(lang, stall.z_state, stall.z_difference, stall.drawer_over_short, stall.figures) +
            CashMovesCell(stall.cash_moves) +
            QrisShownCell(lang, stall.qris_shown) + "</tr>";
  }
  const std::string foot = Td(Tr(lang, kTotal)) + FigureCells(lang, report.total) + "<td></td><td></td><td></td>";
  return Table(head, body, foot);
}

// Late terminals first, each group in the report's order.
std::vector<const TerminalSync*> LateFirst(const std::vector<TerminalSync>& terminals) {
  std::vector<const TerminalSync*> ordered;
  for (const TerminalSync& terminal : terminals) ordered.push_back(&terminal);
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const TerminalSync* t) { return t->late; });
  return ordered;
}

std::string LastSync(Language lang, const ReportTimes& times, const TerminalSync& terminal) {
  if (!terminal.last_sync_at) return Tr(lang, kNeverSynced);
  return times.At(*terminal.last_sync_at) + " · " + times.Ago(*terminal.last_sync_at);
}

std::string TerminalState(Language lang, const TerminalSync& terminal) {
  if (terminal.revoked) return fmt::format("<td class=\"muted\">{}</td>", Tr(lang, kRevoked));
  if (terminal.late) return fmt::format("<td class=\"bad\">{}</td>", Tr(lang, kLate));
  return fmt::format("<td class=\"good\">{}</td>", Tr(lang, kUpToDate));
}

std::string TerminalsTable(Language lang, const ReportTimes& times,
                           const std::vector<const TerminalSync*>& terminals,
                           const std::map<std::string, std::string>& stall_names) {
  const std::string head = Th(Tr(lang, kTerminal)) + Th(Tr(lang, kStall)) + Th(Tr(lang, kState)) +
                           Th(Tr(lang, kLastSync)) + Th(Tr(lang, kNewestEntry)) +
                           Th(Tr(lang, kEntriesHeld), true);
  std::string body;
  for (const TerminalSync* terminal : terminals) {
    const auto name = stall_names.find(terminal->stall_id);
    body += fmt::format("<tr{}><td><b>{}</b></td>", terminal->late ? " class=\"flag\"" : "",
                        HtmlEscape(terminal->terminal_id));
    body += Td(name == stall_names.end() ? terminal->stall_id : name->second);
    body += TerminalState(lang, *terminal);
    body += Td(LastSync(lang, times, *terminal));
    body += Td(terminal->newest_entry_at ? times.At(*terminal->newest_entry_at) : "—");
    body += Td(Count(lang, terminal->entries_held), true) + "</tr>";
  }
  return Table(head, body);
}

std::string LateWarning(Language lang, const ReportTimes& times,
                        const std::vector<const TerminalSync*>& terminals,
                        const std::map<std::string, std::string>& stall_names) {
  std::string items;
  int64_t late = 0;
  for (const TerminalSync* terminal : terminals) {
    if (!terminal->late) continue;
    ++late;
    const auto name = stall_names.find(terminal->stall_id);
    items += fmt::format("<li><b>{}</b> ({}): {}</li>", HtmlEscape(terminal->terminal_id),
                         HtmlEscape(name == stall_names.end() ? terminal->stall_id : name->second),
                         HtmlEscape(LastSync(lang, times, *terminal)));
  }
  if (late == 0) return "";
  return Warning(fmt::format("<p>{}</p><ul>{}</ul>",
                             HtmlEscape(Trf(lang, kLateWarning, late, kSyncLateAfter.count())),
                             items));
}

// ---- the event page -----------------------------------------------------------------------

// Stalls with a late terminal, each a link to its row on `day`'s page of event `event_id`.
std::string LateStallsWarning(Language lang, const std::string& event_id, const std::string& day,
                              const std::vector<StallName>& late_stalls) {
  std::string items;
  for (const StallName& stall : late_stalls) {
    items += "<li>" +
             Link(lang, DayUrl(event_id, day) + "#lapak-" + UrlEncode(stall.stall_id),
                  HtmlEscape(stall.name) + " <small>" + HtmlEscape(stall.stall_id) + "</small>") +
             "</li>";
  }
  return Warning(fmt::format(
      "<p>{}</p><ul>{}</ul>",
      HtmlEscape(Trf(lang, kStallsLateWarning, Count(lang, static_cast<int64_t>(late_stalls.size())),
                     kSyncLateAfter.count())),
      items));
}

// The event's warnings, each naming its stalls, each stall a link to its row on the day page
// concerned: late stalls on the event's day now, days not closed on that day.
std::string EventWarnings(Language lang, const EventReport& report) {
  std::string html;
  if (!report.late_stalls.empty()) {
    Result<BusinessCalendar> calendar = BusinessCalendar::Make(report.event.time_zone, report.event.day_cutoff);
    const std::string today = calendar.ok() ? calendar->BusinessDay(report.as_of) : report.event.first_day;
    html += LateStallsWarning(lang, report.event.id, today, report.late_stalls);
  }
  if (!report.not_closed.empty()) {
    std::string items;
    for (const StallDay& day : report.not_closed) {
      items += "<li>" +
               Link(lang, DayUrl(report.event.id, day.business_day) + "#lapak-" + UrlEncode(day.stall_id),
                    HtmlEscape(day.name + " · " + ShortDate(lang, day.business_day))) +
               "</li>";
    }
    html += Warning(fmt::format(
        "<p>{}</p><ul>{}</ul>",
        HtmlEscape(Trf(lang, kDaysNotClosedWarning, Count(lang, static_cast<int64_t>(report.not_closed.size())))),
        items));
  }
  return html;
}

// "Rp12.500" for money, "1.234" for counts; Signed: "+Rp12.500", "+1.234".
std::string Amount(Language, Money amount) { return Rp(amount); }
std::string Amount(Language lang, int64_t count) { return Count(lang, count); }
std::string Signed(Language, Money amount) { return SignedRp(amount); }
std::string Signed(Language lang, int64_t count) {
  return (count > 0 ? "+" : "") + Count(lang, count);
}

template <typename Value>
std::string ChangeCell(Language lang, const Change<Value>& change) {
  const std::string difference = Signed(lang, change.difference);
  const std::string percent = change.percent ? Percent(lang, *change.percent) : Tr(lang, kNew);
  const char* css = change.difference > Value{}   ? "good"
                    : change.difference < Value{} ? "bad"
                                                  : "muted";
  return fmt::format("<td class=\"num {}\">{} ({})</td>", css, HtmlEscape(difference),
                     HtmlEscape(percent));
}

template <typename Value>
std::string ChangeRow(Language lang, std::string_view label, const Change<Value>& change) {
  return "<tr>" + Td(label) + Td(Amount(lang, change.previous), true) +
         Td(Amount(lang, change.current), true) + ChangeCell(lang, change) + "</tr>";
}

std::string ChangeHead(Language lang, std::string_view first) {
  return Th(first) + Th(Tr(lang, kPrevious), true) + Th(Tr(lang, kCurrent), true) +
         Th(Tr(lang, kChange), true);
}

std::string ComparisonBlock(Language lang, const Comparison& comparison) {
  std::string html = fmt::format("<section><h2>{}: {}</h2><p class=\"sub\">{} – {}</p>",
                                 Tr(lang, kAgainstPrevious), HtmlEscape(comparison.previous.name),
                                 HtmlEscape(LongDate(lang, comparison.previous.first_day)),
                                 HtmlEscape(LongDate(lang, comparison.previous.last_day)));
  html += "<p class=\"warn\">" + HtmlEscape(EqualDaysNote(lang, comparison)) + "</p>";
  html += Table(ChangeHead(lang, ""),
                ChangeRow(lang, Tr(lang, kNet), comparison.net) +
                    ChangeRow(lang, Tr(lang, kSalesCount), comparison.sales_count) +
                    ChangeRow(lang, Tr(lang, kAverageSale), comparison.average_sale));
  if (!comparison.days.empty()) {
    std::string rows;
    for (const auto& [day, change] : comparison.days) {
      rows += ChangeRow(lang, Trf(lang, kDayNumber, day), change);
    }
    html += fmt::format("<h3>{}</h3>", Tr(lang, kPerDay)) + Table(ChangeHead(lang, ""), rows);
  }
  if (!comparison.categories.empty()) {
    std::string rows;
    for (const auto& [category, change] : comparison.categories) {
      rows += ChangeRow(lang, category, change);
    }
    html += fmt::format("<h3>{}</h3>", Tr(lang, kPerCategory)) +
            Table(ChangeHead(lang, Tr(lang, kCategory)), rows);
  }
  html += "<div class=\"actions\">" +
          DownloadButtons(lang, "/v1/reports/compare?event=" + UrlEncode(comparison.current.id) +
                                    "&previous=" + UrlEncode(comparison.previous.id)) +
          "</div>";
  return html + "</section>";
}

std::string EventDaysTable(Language lang, const EventReport& report) {
  const std::string head =
      Th(Tr(lang, kDates)) + Th(Tr(lang, kNetColumn), true) + Th(Tr(lang, kSalesColumn), true);
  std::string body;
  for (const GroupRow& day : report.days) {
    body += "<tr><td>" +
            Link(lang, DayUrl(report.event.id, day.key), HtmlEscape(LongDate(lang, day.key))) +
            "</td>" + fmt::format("<td class=\"num\"><b>{}</b></td>", Rp(day.figures.net)) +
            Td(Count(lang, StandingSales(day.figures)), true) + "</tr>";
  }
  return Table(head, body);
}

// "Kota Mataram, Nusa Tenggara Barat · Sabtu, 21 November 2026 – Senin, 23 November 2026".
std::string PlaceAndDates(Language lang, const EventInfo& event) {
  std::string place = event.regency;
  if (!event.province.empty()) place += (place.empty() ? "" : ", ") + event.province;
  return HtmlEscape(place + " · " + LongDate(lang, event.first_day) + " – " +
                    LongDate(lang, event.last_day));
}

std::string AsOfLine(Language lang, const ReportTimes& times) {
  return fmt::format("<p class=\"note\">{}<br>{}</p>", HtmlEscape(Trf(lang, kAsOf, times.AsOf())),
                     Tr(lang, kNotCountedNote));
}

// ---- the event list -----------------------------------------------------------------------

std::string PeriodForm(Language lang, std::string_view from, std::string_view to) {
  std::string html = fmt::format(
      "<form class=\"inline-form\" method=\"get\" action=\"/dashboard/period\">"
      "<div><label for=\"from\">{}</label><input id=\"from\" name=\"from\" type=\"date\" "
      "value=\"{}\" required></div>"
      "<div><label for=\"to\">{}</label><input id=\"to\" name=\"to\" type=\"date\" value=\"{}\" "
      "required></div>",
      Tr(lang, kFrom), HtmlEscape(from), Tr(lang, kTo), HtmlEscape(to));
  if (lang == Language::kEnglish) html += "<input type=\"hidden\" name=\"lang\" value=\"en\">";
  return html + fmt::format("<button type=\"submit\">{}</button></form>", Tr(lang, kShow));
}

}  // namespace

std::string RenderLoginPage(Language lang, const Status& refused) {
  std::string body = fmt::format("<h1>{}</h1><p>{}</p>", Tr(lang, kAppTitle), Tr(lang, kLoginHint));
  if (!refused.ok()) body += Warning(HtmlEscape(Sentence(refused, lang)));
  body += fmt::format(
      "<form class=\"login\" method=\"post\" action=\"{}\">"
      "<label for=\"token\">{}</label>"
      "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" "
      "required autofocus>"
      "<button type=\"submit\">{}</button></form>",
      Href(lang, "/masuk"), Tr(lang, kAccessToken), Tr(lang, kLogIn));
  return Page(lang, Tr(lang, kLogIn), "/masuk", false, body);
}

std::string RenderHomePage(Language lang, std::string_view who, const HomeReport& home, bool can_see_period) {
  std::string body = fmt::format("<h1>{}</h1><p class=\"note\">{}: <b>{}</b></p>", Tr(lang, kEvents),
                                 Tr(lang, kLoggedInAs), HtmlEscape(who));
  if (home.today.empty() && home.others.empty()) body += fmt::format("<p>{}</p>", Tr(lang, kNoEvents));
  std::string from;
  std::string to;
  const auto span = [&](const EventInfo& event) {
    if (from.empty() || event.first_day < from) from = event.first_day;
    if (to.empty() || event.last_day > to) to = event.last_day;
  };
  if (!home.today.empty()) {
    const ReportTimes times(lang, home.today.front().event.time_zone, home.as_of);
    body += fmt::format("<h2>{}</h2><p class=\"note\">{}<br>{}</p><ul class=\"cards\">", Tr(lang, kToday),
                        HtmlEscape(Trf(lang, kAsOf, times.AsOf())), Tr(lang, kAutoRefresh));
    for (const TodaySummary& summary : home.today) {
      const EventInfo& event = summary.event;
      span(event);
      body += fmt::format("<li><h2>{}</h2><p class=\"sub\">{} · {}</p>",
                          Link(lang, EventUrl(event.id), HtmlEscape(event.name)),
                          HtmlEscape(Trf(lang, kDayOfEvent, summary.day_number, summary.days)),
                          HtmlEscape(LongDate(lang, summary.business_day)));
      body += fmt::format(
          "<p class=\"headline\"><span class=\"label\">{}</span><span class=\"value\">{}</span></p>",
          Tr(lang, kNetToday), HtmlEscape(Rp(summary.today.net)));
      body += "<div class=\"figures\">" +
              Figure(Tr(lang, kSalesCount), Count(lang, StandingSales(summary.today))) +
              Figure(Tr(lang, kEventSoFar), Rp(summary.so_far.net)) +
              Figure(Tr(lang, kStallsReporting),
                     Trf(lang, kOutOf, Count(lang, summary.stalls_reporting), Count(lang, summary.stalls))) +
              "</div>";
      body += summary.late_stalls.empty()
                  ? fmt::format("<p class=\"good\">{}</p>", Tr(lang, kAllSynced))
                  : LateStallsWarning(lang, event.id, summary.business_day, summary.late_stalls);
      body += "<div class=\"actions\">" +
              Link(lang, DayUrl(event.id, summary.business_day), Tr(lang, kTodaysReport), "button primary") +
              "</div></li>";
    }
    body += "</ul>";
  }
  if (!home.others.empty()) {
    if (!home.today.empty()) body += fmt::format("<h2>{}</h2>", Tr(lang, kOtherEvents));
    body += "<ul class=\"cards\">";
    for (const EventInfo& event : home.others) {
      span(event);
      body += fmt::format("<li><h2>{}</h2>", Link(lang, EventUrl(event.id), HtmlEscape(event.name)));
      body += fmt::format("<p class=\"sub\">{}</p><div class=\"days\">", PlaceAndDates(lang, event));
      for (const std::string& day : DaysOf(event)) {
        body += Link(lang, DayUrl(event.id, day), HtmlEscape(ShortDate(lang, day)), "button");
      }
      body += "</div></li>";
    }
    body += "</ul>";
  }
  if (can_see_period) {
    body += fmt::format("<h2>{}</h2>", Tr(lang, kPeriod)) + PeriodForm(lang, from, to);
  }
  return Page(lang, Tr(lang, kEvents), "/dashboard", true, body, /*refresh=*/!home.today.empty());
}

std::string RenderDayPage(Language lang, const OrganiserDayReport& report) {
  const ReportTimes times(lang, report.event.time_zone, report.as_of);
  std::map<std::string, std::string> stall_names;
  for (const StallDayRow& stall : report.stalls) stall_names[stall.stall_id] = stall.name;
  const std::vector<const TerminalSync*> terminals = LateFirst(report.terminals);

  std::string body = fmt::format(
      "<h1>{}</h1><p class=\"sub\">{} · {}</p>", HtmlEscape(LongDate(lang, report.business_day)),
      Link(lang, EventUrl(report.event.id), HtmlEscape(report.event.name)), Tr(lang, kDayReport));
  body += Headline(lang, report.total);
  body += LateWarning(lang, times, terminals, stall_names);
  body += AsOfLine(lang, times);
  body += Figures(lang, report.total);

  body += "<div class=\"actions\">";
  const bool dated = IsIsoDate(report.business_day);
  if (dated && report.business_day > report.event.first_day) {
    body += Link(lang, DayUrl(report.event.id, AddDays(report.business_day, -1)),
                 Tr(lang, kPreviousDay), "button");
  }
  if (dated && report.business_day < report.event.last_day) {
    body += Link(lang, DayUrl(report.event.id, AddDays(report.business_day, 1)), Tr(lang, kNextDay),
                 "button");
  }
  body += DownloadButtons(lang, "/v1/reports/day?event=" + UrlEncode(report.event.id) +
                                    "&day=" + UrlEncode(report.business_day));
  body += "</div>";

  body += "<div class=\"charts\">";
  body += ChartBlock(lang, kPerHour, ColumnChart(MakeChart(lang, kPerHour, report.hours)));
  body += ChartBlock(lang, kPerCategory,
                     HorizontalBarChart(MakeChart(lang, kPerCategory, report.categories)));
  body += "</div>";

  body += fmt::format("<h2>{}</h2>", Tr(lang, kStalls));
  body += report.stalls.empty() ? fmt::format("<p>{}</p>", Tr(lang, kNoSales))
                                : StallsTable(lang, report);
  body += fmt::format("<h2>{}</h2>", Tr(lang, kTerminals));
  body += terminals.empty() ? fmt::format("<p>{}</p>", Tr(lang, kNoTerminals))
                            : TerminalsTable(lang, times, terminals, stall_names);

  const std::string self = DayUrl(report.event.id, report.business_day);
  return Page(lang, report.event.name + " · " + LongDate(lang, report.business_day), self, true,
              body);
}

std::string RenderEventPage(Language lang, const EventReport& report, const Comparison* comparison,
                            const std::vector<EventInfo>& comparable) {
  const ReportTimes times(lang, report.event.time_zone, report.as_of);
  std::string body = fmt::format("<h1>{}</h1><p class=\"sub\">{}</p>",
                                 HtmlEscape(report.event.name), PlaceAndDates(lang, report.event));
  body += Headline(lang, report.total);
  body += EventWarnings(lang, report);
  body += AsOfLine(lang, times);
  body += Figures(lang, report.total, Figure(Tr(lang, kStallCount), Count(lang, report.stalls)));
  body += "<div class=\"actions\">" +
          DownloadButtons(lang, "/v1/reports/event?event=" + UrlEncode(report.event.id)) +
          "</div>";

  Chart days = MakeChart(lang, kPerDay, report.days);
  for (ChartBar& bar : days.bars) bar.label = ShortDate(lang, bar.label);
  body += ChartBlock(lang, kPerDay, ColumnChart(days));
  body += EventDaysTable(lang, report);

  Chart stalls{Tr(lang, kTopStalls), Tr(lang, kNoSales), {}};
  for (const StallTotal& stall : report.top_stalls) {
    const std::string label =
        stall.regency.empty() ? stall.name : stall.name + " · " + stall.regency;
    stalls.bars.push_back({label, stall.figures.net});
  }
  body += "<div class=\"charts\">";
  body += ChartBlock(lang, kPerCategory,
                     HorizontalBarChart(MakeChart(lang, kPerCategory, report.categories)));
  body += ChartBlock(lang, kPerHomeRegency,
                     HorizontalBarChart(MakeChart(lang, kPerHomeRegency, report.regencies)));
  body += ChartBlock(lang, kTopStalls, HorizontalBarChart(stalls));
  body += "</div>";

  if (comparison != nullptr) body += ComparisonBlock(lang, *comparison);
  std::string others;
  for (const EventInfo& other : comparable) {
    if (other.id == report.event.id) continue;
    others += Link(lang, EventUrl(report.event.id) + "?compare=" + UrlEncode(other.id),
                   HtmlEscape(other.name + " · " + ShortDate(lang, other.first_day) + " " +
                              other.first_day.substr(0, 4)),
                   "button");
  }
  if (!others.empty()) {
    body +=
        fmt::format("<h2>{}</h2><div class=\"actions\">{}</div>", Tr(lang, kCompareWith), others);
  }

  std::string self = EventUrl(report.event.id);
  if (comparison != nullptr) self += "?compare=" + UrlEncode(comparison->previous.id);
  return Page(lang, report.event.name, self, true, body);
}

std::string RenderPeriodPage(Language lang, const PeriodReport& report) {
  const ReportTimes times(lang, kDefaultTimeZone, report.as_of);
  std::string body =
      fmt::format("<h1>{}</h1><p class=\"sub\">{} – {} · {}</p>", Tr(lang, kPeriod),
                  HtmlEscape(LongDate(lang, report.from)), HtmlEscape(LongDate(lang, report.to)),
                  report.province.empty() ? Tr(lang, kAllProvinces) : HtmlEscape(report.province));
  body += Headline(lang, report.total);
  body += AsOfLine(lang, times);
  body += Figures(lang, report.total);
  const std::string period_query =
      "from=" + UrlEncode(report.from) + "&to=" + UrlEncode(report.to) +
      (report.province.empty() ? "" : "&province=" + UrlEncode(report.province));
  body += "<div class=\"actions\">" +
          DownloadButtons(lang, "/v1/reports/period?" + period_query) +
          "</div>";

  body += fmt::format("<h2>{}</h2>", Tr(lang, kEventsInPeriod));
  if (report.events.empty()) {
    body += fmt::format("<p>{}</p>", Tr(lang, kNoEventsInPeriod));
  } else {
    const std::string head = Th(Tr(lang, kEvents)) + Th(Tr(lang, kNetColumn), true) +
                             Th(Tr(lang, kSalesColumn), true) + Th(Tr(lang, kStallCount), true) +
                             Th(Tr(lang, kEventRegency)) + Th(Tr(lang, kDates));
    std::string rows;
    for (const EventSummary& summary : report.events) {
      const EventInfo& event = summary.event;
      rows += "<tr><td>" + Link(lang, EventUrl(event.id), HtmlEscape(event.name)) + "</td>" +
              fmt::format("<td class=\"num\"><b>{}</b></td>", Rp(summary.total.net)) +
              Td(Count(lang, StandingSales(summary.total)), true) +
              Td(Count(lang, summary.stalls), true) + Td(event.regency) +
              Td(ShortDate(lang, event.first_day) + " – " + ShortDate(lang, event.last_day) + " " +
                 event.last_day.substr(0, 4)) +
              "</tr>";
    }
    body += Table(head, rows);
  }
  body += "<div class=\"charts\">" +
          ChartBlock(lang, kPerEventRegency,
                     HorizontalBarChart(MakeChart(lang, kPerEventRegency, report.regencies))) +
          "</div>";
  // The same regencies keyed by their official codes, for a Satu Data portal.
  body += fmt::format("<h2>{}</h2><div class=\"actions\">{}</div>", Tr(lang, kProvinceExport),
                      DownloadButtons(lang, "/v1/reports/province?" + period_query));
  body += fmt::format("<h2>{}</h2>", Tr(lang, kChoosePeriod)) +
          PeriodForm(lang, report.from, report.to);
  return Page(lang, Tr(lang, kPeriod), PeriodUrl(report.from, report.to), true, body);
}

// The stall's days: the date (a link to its row on the day page), the figures, the Z and the
// drawer, kas masuk/keluar.
std::string StallDaysTable(Language lang, const StallReport& report) {
  const std::string head = Th(Tr(lang, kDates)) + FigureHeads(lang) + Th(Tr(lang, kZReport)) +
                           Th(Tr(lang, kCashMoves), true);
  std::string body;
  for (const StallDayLine& day : report.days) {
    body += fmt::format("<tr{}><td>{}</td>", day.z_state == ZState::kDiffers ? " class=\"flag\"" : "",
                        Link(lang, DayUrl(report.event.id, day.business_day) + "#" + StallAnchor(report.stall_id),
                             HtmlEscape(ShortDate(lang, day.business_day))));
    body += FigureCells(lang, day.figures) +
            ZCell(lang, day.z_state, day.z_difference, day.drawer_over_short, day.figures) +
            CashMovesCell(day.cash_moves) + "</tr>";
  }
  const std::string foot = Td(Tr(lang, kTotal)) + FigureCells(lang, report.total) + "<td></td><td></td>";
  return Table(head, body, foot);
}

// The stall at each event it took part in (that the reader may see), each against the one
// before: net, sales, days traded.
std::string StallEventsTable(Language lang, const StallReport& report) {
  const std::string head = Th(Tr(lang, kEvents)) + Th(Tr(lang, kNetColumn), true) +
                           Th(Tr(lang, kChange), true) + Th(Tr(lang, kSalesColumn), true) +
                           Th(Tr(lang, kAverageColumn), true) + Th(Tr(lang, kDaysTraded), true);
  std::string body;
  const StallAtEvent* before = nullptr;
  for (const StallAtEvent& at : report.events) {
    const std::string name = HtmlEscape(at.event.name) + "<br><small>" +
                             HtmlEscape(ShortDate(lang, at.event.first_day) + " " + at.event.first_day.substr(0, 4)) +
                             "</small>";
    body += fmt::format("<tr{}><td>{}</td>", at.event.id == report.event.id ? " class=\"flag\"" : "",
                        at.event.id == report.event.id ? name
                                                       : Link(lang, StallUrl(at.event.id, report.stall_id), name));
    body += fmt::format("<td class=\"num\"><b>{}</b></td>", Rp(at.total.net));
    std::string change = "<td></td>";  // the first event has nothing before it
    if (before != nullptr) {
      if (Result<MoneyChange> made = MakeChange(before->total.net, at.total.net); made.ok()) {
        change = ChangeCell(lang, *made);
      }
    }
    body += change;
    body += Td(Count(lang, StandingSales(at.total)), true) + Td(Rp(AverageSale(at.total)), true) +
            Td(Count(lang, at.days_traded), true) + "</tr>";
    before = &at;
  }
  return Table(head, body);
}

std::string RenderStallPage(Language lang, const StallReport& report) {
  const ReportTimes times(lang, report.event.time_zone, report.as_of);
  const std::vector<const TerminalSync*> terminals = LateFirst(report.terminals);
  const std::map<std::string, std::string> stall_names = {{report.stall_id, report.name}};
  std::string body = fmt::format(
      "<h1>{}</h1><p class=\"sub\">{} · {} · {}<br>{}</p>", HtmlEscape(report.name),
      HtmlEscape(report.category), HtmlEscape(report.stall_id), HtmlEscape(report.regency),
      Link(lang, EventUrl(report.event.id), HtmlEscape(report.event.name)));
  body += Headline(lang, report.total);
  body += LateWarning(lang, times, terminals, stall_names);
  body += AsOfLine(lang, times);
  body += Figures(lang, report.total);
  body += "<div class=\"actions\">" +
          DownloadButtons(lang, "/v1/reports/stall?event=" + UrlEncode(report.event.id) +
                                    "&stall=" + UrlEncode(report.stall_id)) +
          "</div>";

  Chart days = MakeChart(lang, kPerDay, {});
  for (const StallDayLine& day : report.days) days.bars.push_back({ShortDate(lang, day.business_day), day.figures.net});
  body += "<div class=\"charts\">";
  body += ChartBlock(lang, kPerDay, ColumnChart(days));
  body += ChartBlock(lang, kPerHour, ColumnChart(MakeChart(lang, kPerHour, report.hours)));
  body += "</div>";

  body += fmt::format("<h2>{}</h2>", Tr(lang, kPerDay)) + StallDaysTable(lang, report);
  body += fmt::format("<h2>{}</h2>", Tr(lang, kTerminals));
  body += terminals.empty() ? fmt::format("<p>{}</p>", Tr(lang, kNoTerminals))
                            : TerminalsTable(lang, times, terminals, stall_names);
  body += fmt::format("<h2>{}</h2>", Tr(lang, kYearOnYear)) + StallEventsTable(lang, report);
  return Page(lang, report.name + " · " + report.event.name, StallUrl(report.event.id, report.stall_id), true,
              body);
}

std::string RenderRefusal(Language lang, int http_status, const Status& refused) {
  const DashText title = http_status == 401   ? kUnauthorized
                         : http_status == 403 ? kForbidden
                         : http_status == 404 ? kNotFound
                                              : kRefused;
  std::string body =
      fmt::format("<h1>{}</h1><p class=\"note\">HTTP {}</p>", Tr(lang, title), http_status);
  if (!refused.ok()) body += fmt::format("<p>{}</p>", HtmlEscape(Sentence(refused, lang)));
  body += "<div class=\"actions\">";
  body += http_status == 401 ? Link(lang, "/masuk", Tr(lang, kLogIn), "button primary")
                             : Link(lang, "/dashboard", Tr(lang, kBackToEvents), "button primary");
  body += "</div>";
  return Page(lang, Tr(lang, title), "/dashboard", http_status != 401, body);
}

}  // namespace lapak::ledger
