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
#include "sync/ledger/web/page_parts.h"
#include "sync/ledger/web/svg_chart.h"

namespace lapak::ledger {

namespace {

using enum DashText;
using namespace page_parts;

// ---- the day page -------------------------------------------------------------------------

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
