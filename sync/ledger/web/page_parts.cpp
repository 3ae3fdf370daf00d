#include "sync/ledger/web/page_parts.h"

#include <algorithm>
#include <utility>

#include "core/refusal.h"

namespace lapak::ledger::page_parts {

using enum DashText;

namespace {

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

}  // namespace

// ---- text -------------------------------------------------------------------------------

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
                 std::string_view css_class) {
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
std::string Page(Language lang, std::string_view title, const std::string& self_url, bool logged_in,
                 std::string_view body, bool refresh) {
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

std::string Figure(std::string_view label, std::string_view value, std::string_view extra) {
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
std::string Figures(Language lang, const LedgerFigures& figures, std::string_view more) {
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

std::string Th(std::string_view html, bool number) {
  return fmt::format("<th{}>{}</th>", number ? " class=\"num\"" : "", html);
}

std::string Td(std::string_view text, bool number) {
  return fmt::format("<td{}>{}</td>", number ? " class=\"num\"" : "", HtmlEscape(text));
}

std::string Table(std::string_view head, std::string_view body, std::string_view foot) {
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

std::string AsOfLine(Language lang, const ReportTimes& times) {
  return fmt::format("<p class=\"note\">{}<br>{}</p>", HtmlEscape(Trf(lang, kAsOf, times.AsOf())),
                     Tr(lang, kNotCountedNote));
}


// ---- cells and tables of figures ----------------------------------------------------------

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

// "Rp12.500" for money, "1.234" for counts; Signed: "+Rp12.500", "+1.234".
std::string Amount(Language, Money amount) { return Rp(amount); }
std::string Amount(Language lang, int64_t count) { return Count(lang, count); }
std::string Signed(Language, Money amount) { return SignedRp(amount); }
std::string Signed(Language lang, int64_t count) {
  return (count > 0 ? "+" : "") + Count(lang, count);
}

// Late terminals first, each group in the report's order.
std::vector<const TerminalSync*> LateFirst(const std::vector<TerminalSync>& terminals) {
  std::vector<const TerminalSync*> ordered;
  for (const TerminalSync& terminal : terminals) ordered.push_back(&terminal);
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const TerminalSync* t) { return t->late; });
  return ordered;
}

namespace {

std::string LastSync(Language lang, const ReportTimes& times, const TerminalSync& terminal) {
  if (!terminal.last_sync_at) return Tr(lang, kNeverSynced);
  return times.At(*terminal.last_sync_at) + " · " + times.Ago(*terminal.last_sync_at);
}

std::string TerminalState(Language lang, const TerminalSync& terminal) {
  if (terminal.revoked) return fmt::format("<td class=\"muted\">{}</td>", Tr(lang, kRevoked));
  if (terminal.late) return fmt::format("<td class=\"bad\">{}</td>", Tr(lang, kLate));
  return fmt::format("<td class=\"good\">{}</td>", Tr(lang, kUpToDate));
}

}  // namespace

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

}  // namespace lapak::ledger::page_parts
