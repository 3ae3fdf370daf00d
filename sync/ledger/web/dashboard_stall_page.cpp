// RenderStallPage (dashboard_html.h): one stall at one event, and the stall event by event.
#include <fmt/core.h>

#include <map>
#include <string>
#include <vector>

#include "sync/ledger/web/dashboard_html.h"
#include "sync/ledger/web/page_parts.h"

namespace lapak::ledger {

namespace {

using enum DashText;
using namespace page_parts;

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

}  // namespace

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

}  // namespace lapak::ledger
