// The dashboard's pages, charts and texts (sync/ledger/web/dashboard_*.h, svg_chart.h), and one
// day page opened in a real headless chromium at a phone's and a laptop's size.
#include "sync/ledger/web/dashboard_html.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/refusal.h"
#include "sync/ledger/web/dashboard_text.h"
#include "sync/ledger/web/svg_chart.h"
#include "tests/support/chromium.h"
#include "tests/support/prerequisite.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;
using testing::Wib;

constexpr const char* kNastyName = "<script>&\"";

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

LedgerFigures Figures(int64_t sales, int64_t gross, int64_t voids_count = 0, int64_t voids = 0) {
  LedgerFigures figures;
  figures.sales_count = sales;
  figures.voids_count = voids_count;
  figures.gross = Rp(gross);
  figures.voids = Rp(voids);
  const int64_t net = gross - voids;
  figures.net = Rp(net);
  figures.by_method[PaymentMethod::kCash] = Rp(net / 2);
  figures.by_method[PaymentMethod::kQris] = Rp(net / 3);
  figures.by_method[PaymentMethod::kTransfer] = Rp(net - net / 2 - net / 3);
  return figures;
}

EventInfo Event() {
  return EventInfo{"bazar-ntb",    "Bazar UMKM NTB 2026", "Nusa Tenggara Barat", "Kota Mataram",
                   "Asia/Jakarta", "2026-11-21",          "2026-11-23"};
}

StallDayRow Stall(std::string id, std::string name, std::string category, LedgerFigures figures,
                  ZState z_state = ZState::kNotClosed, int64_t z_difference = 0,
                  std::optional<int64_t> drawer = std::nullopt) {
  std::optional<Money> over_short;
  if (drawer) over_short = Rp(*drawer);
  return StallDayRow{std::move(id), std::move(name), std::move(category), figures, z_state,
                     Rp(z_difference), over_short, {}, {}};
}

TerminalSync Terminal(std::string id, std::string stall, std::optional<TimePoint> last_sync,
                      bool late) {
  TerminalSync terminal;
  terminal.terminal_id = std::move(id);
  terminal.stall_id = std::move(stall);
  terminal.entries_held = 120;
  terminal.last_sync_at = last_sync;
  terminal.newest_entry_at = last_sync;
  terminal.late = late;
  return terminal;
}

// The 22nd, at 20:00 WIB: three stalls (one with a hostile name, one whose Z differs), one
// terminal up to date, one 40 minutes silent and one that never synced.
OrganiserDayReport Day() {
  OrganiserDayReport day;
  day.event = Event();
  day.business_day = "2026-11-22";
  day.as_of = Wib(22, 20h);
  day.stalls = {
      Stall("S-01", "Bakso Pak Kumis", "Makanan", Figures(410, 12'345'678), ZState::kAgrees, 0, -5'000),
      Stall("S-02", kNastyName, "Kerajinan", Figures(35, 4'200'000, 1, 150'000)),
      Stall("S-03", "Batik Bu Sri", "Busana", Figures(52, 9'800'000), ZState::kDiffers, 15'000, 0),
      Stall("S-04", "Tenun Ikat", "Kerajinan", LedgerFigures{})};
  for (const auto& stall : day.stalls) {
    EXPECT_TRUE(day.total.Add(stall.figures).ok());
    day.categories.push_back({stall.category, stall.figures});
  }
  day.hours = {{"10", Figures(40, 2'000'000)},
               {"11", Figures(80, 5'000'000)},
               {"12", Figures(377, 19'195'678)}};
  day.terminals = {Terminal("T-01", "S-01", Wib(22, 19h + 55min), false),
                   Terminal("T-02", "S-02", Wib(22, 19h + 20min), true),
                   Terminal("T-03", "S-03", std::nullopt, true)};
  return day;
}

// The home page at 20:00 WIB on the 22nd: the NTB bazaar runs (its second day, one stall
// late), and `others` are the reader's other events.
HomeReport Home(std::vector<EventInfo> others) {
  TodaySummary today{Event(), "2026-11-22", 2, 3, Figures(497, 26'345'678, 3, 90'000),
                     Figures(897, 48'345'678), 40, 38, {{"S-02", kNastyName}, {"S-03", "Batik Bu Sri"}}};
  return HomeReport{Wib(22, 20h), {today}, std::move(others)};
}

EventReport EventReportOf() {
  EventReport report;
  report.event = Event();
  report.as_of = Wib(23, 21h);
  report.total = Figures(1500, 84'000'000, 12, 600'000);
  report.days = {{"2026-11-21", Figures(400, 22'000'000)},
                 {"2026-11-22", Figures(497, 26'345'678)},
                 {"2026-11-23", Figures(603, 35'054'322)}};
  report.categories = {{"Makanan", Figures(1000, 50'000'000)}, {kNastyName, Figures(10, 1'000)}};
  report.regencies = {{"Kota Mataram", Figures(900, 60'000'000)},
                      {"Lombok Timur", Figures(600, 23'400'000)}};
  report.top_stalls = {
      {"S-01", "Bakso Pak Kumis", "Makanan", "Kota Mataram", Figures(800, 30'000'000)}};
  report.stalls = 40;
  report.late_stalls = {{"S-02", kNastyName}, {"S-03", "Batik Bu Sri"}};
  report.not_closed = {{"S-01", "Bakso Pak Kumis", "2026-11-21"}, {"S-02", kNastyName, "2026-11-22"},
                       {"S-03", "Batik Bu Sri", "2026-11-23"}};
  return report;
}

Comparison ComparisonOf() {
  Comparison comparison;
  comparison.current = Event();
  comparison.previous =
      EventInfo{"bazar-ntb-2025", "Bazar UMKM NTB 2025", "Nusa Tenggara Barat", "Kota Mataram",
                "Asia/Jakarta",   "2025-11-20",          "2025-11-22"};
  comparison.days_compared = 1;
  comparison.current_day_open = true;
  comparison.net = *MakeChange(Rp(74'666'667), Rp(84'000'000));
  comparison.sales_count = MakeChange(1600, 1500);
  comparison.average_sale = *MakeChange(Rp(0), Rp(56'000));
  comparison.days = {{"1", *MakeChange(Rp(20'000'000), Rp(22'000'000))}};
  comparison.categories = {{"Makanan", *MakeChange(Rp(40'000'000), Rp(50'000'000))}};
  return comparison;
}

// Every value of the attribute(s) `names` (a regex) in a page.
std::vector<std::string> Values(const std::string& html,
                                const std::string& names = "href|src|action") {
  const std::regex attribute("(?:" + names + ")=\"([^\"]*)\"");
  std::vector<std::string> values;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute);
       it != std::sregex_iterator(); ++it) {
    values.push_back((*it)[1]);
  }
  return values;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// ---- texts ----------------------------------------------------------------------------------

TEST(DashboardTextTest, LanguageFromCode) {
  EXPECT_EQ(Language::kEnglish, LanguageFromCode("en"));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode("id"));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode(""));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode("EN-us"));
}

TEST(DashboardTextTest, EveryTextIsSafeHtmlWithTheSameHolesInBothLanguages) {
  for (int i = 0; i < static_cast<int>(DashText::kCount); ++i) {
    const auto text = static_cast<DashText>(i);
    const std::string id = Tr(Language::kIndonesian, text);
    const std::string en = Tr(Language::kEnglish, text);
    EXPECT_EQ(id, HtmlEscape(id));
    EXPECT_EQ(en, HtmlEscape(en));
    EXPECT_EQ(Count(id, "{}"), Count(en, "{}")) << id << " / " << en;
  }
  EXPECT_STREQ("Penjualan bersih", Tr(Language::kIndonesian, DashText::kNet));
  EXPECT_STREQ("Net sales", Tr(Language::kEnglish, DashText::kNet));
}

TEST(DashboardTextTest, Dates) {
  EXPECT_EQ("Minggu, 22 November 2026", LongDate(Language::kIndonesian, "2026-11-22"));
  EXPECT_EQ("Sunday, 22 November 2026", LongDate(Language::kEnglish, "2026-11-22"));
  EXPECT_EQ("17 Agu", ShortDate(Language::kIndonesian, "2026-08-17"));
  EXPECT_EQ("17 Aug", ShortDate(Language::kEnglish, "2026-08-17"));
  EXPECT_EQ("2026-02-30", LongDate(Language::kIndonesian, "2026-02-30"));
  EXPECT_EQ("besok", ShortDate(Language::kIndonesian, "besok"));
}

TEST(DashboardTextTest, EscapesAndEncodes) {
  EXPECT_EQ("&lt;script&gt;&amp;&quot;&#39;", HtmlEscape("<script>&\"'"));
  EXPECT_EQ("Bakso%20%26%20Es%2FTeh%3F%3D", UrlEncode("Bakso & Es/Teh?="));
  EXPECT_EQ("S-01_a.b~", UrlEncode("S-01_a.b~"));
  EXPECT_EQ("%C3%A9", UrlEncode("é"));
}

// ---- ShortRupiah and the charts -------------------------------------------------------------

std::string Short(int64_t rupiah) { return ShortRupiah(Rp(rupiah)); }

TEST(ShortRupiahTest, IndonesianStyle) {
  EXPECT_EQ("Rp0", Short(0));
  EXPECT_EQ("Rp950", Short(950));
  EXPECT_EQ("Rp1 rb", Short(1'000));
  EXPECT_EQ("Rp1,5 rb", Short(1'500));
  EXPECT_EQ("Rp15 rb", Short(15'000));
  EXPECT_EQ("Rp15,4 rb", Short(15'449));
  EXPECT_EQ("Rp100 rb", Short(99'950));
  EXPECT_EQ("Rp999 rb", Short(999'499));
  EXPECT_EQ("Rp1 jt", Short(999'500));
  EXPECT_EQ("Rp1,2 jt", Short(1'200'000));
  EXPECT_EQ("Rp12,3 jt", Short(12'345'678));
  EXPECT_EQ("Rp600 jt", Short(600'000'000));
  EXPECT_EQ("Rp1 M", Short(999'950'000));
  EXPECT_EQ("Rp3,5 M", Short(3'500'000'000));
  EXPECT_EQ("Rp2 T", Short(2'000'000'000'000));
  EXPECT_EQ("-Rp1,2 jt", Short(-1'200'000));
  EXPECT_EQ("Rp9.223.372 T", Short(std::numeric_limits<int64_t>::max()));
  EXPECT_EQ("-Rp9.223.372 T", Short(std::numeric_limits<int64_t>::min()));
}

// Bars of (label, rupiah).
Chart Bars(const std::vector<std::pair<std::string, int64_t>>& bars) {
  Chart chart{"Per kategori", "Belum ada penjualan", {}};
  for (const auto& [label, rupiah] : bars) chart.bars.push_back({label, Rp(rupiah)});
  return chart;
}

TEST(SvgChartTest, EachBarHasItsExactAmountAndTheSvgScales) {
  for (const std::string& svg :
       {HorizontalBarChart(Bars({{"Makanan", 12'345'678}, {"Busana", 800}})),
        ColumnChart(Bars({{"Makanan", 12'345'678}, {"Busana", 800}}))}) {
    EXPECT_NE(std::string::npos, svg.find("<title>Makanan: Rp12.345.678</title>")) << svg;
    EXPECT_NE(std::string::npos, svg.find("<title>Busana: Rp800</title>")) << svg;
    EXPECT_NE(std::string::npos, svg.find("role=\"img\" aria-label=\"Per kategori\"")) << svg;
    EXPECT_NE(std::string::npos, svg.find("width=\"100%\"")) << svg;
    EXPECT_NE(std::string::npos, svg.find("viewBox=\"0 0 360 ")) << svg;
    EXPECT_EQ(std::string::npos, svg.find("Belum ada penjualan")) << svg;
  }
  EXPECT_NE(std::string::npos,
            HorizontalBarChart(Bars({{"Makanan", 12'345'678}})).find(">Rp12,3 jt<"));
}

TEST(SvgChartTest, NoSalesIsSaidInWords) {
  for (const Chart& chart : {Bars({}), Bars({{"Makanan", 0}}), Bars({{"Makanan", -5}})}) {
    for (const std::string& svg : {HorizontalBarChart(chart), ColumnChart(chart)}) {
      EXPECT_NE(std::string::npos, svg.find(">Belum ada penjualan</text>")) << svg;
      EXPECT_NE(std::string::npos, svg.find("role=\"img\"")) << svg;
    }
  }
}

TEST(SvgChartTest, NegativeValuesAreDrawnAsZeroAndTitledAsThemselves) {
  const Chart chart = Bars({{"Makanan", 2'000'000},
                            {"Aneh", -5'000},
                            {"Besar", std::numeric_limits<int64_t>::max()},
                            {"Kecil", std::numeric_limits<int64_t>::min()}});
  for (const std::string& svg : {HorizontalBarChart(chart), ColumnChart(chart)}) {
    EXPECT_NE(std::string::npos, svg.find("<title>Aneh: -Rp5.000</title>")) << svg;
    EXPECT_EQ(std::string::npos, svg.find("=\"-")) << svg;
    EXPECT_EQ(std::string::npos, svg.find("=\"nan")) << svg;
    EXPECT_EQ(std::string::npos, svg.find("=\"inf")) << svg;
  }
}

TEST(SvgChartTest, EscapesEveryText) {
  Chart chart{"<a&b>", "<none>", {{kNastyName, Rp(1'000)}}};
  const std::string svg = HorizontalBarChart(chart) + ColumnChart(chart);
  EXPECT_EQ(std::string::npos, svg.find(kNastyName));
  EXPECT_EQ(std::string::npos, svg.find("<a&b>"));
  EXPECT_NE(std::string::npos, svg.find("&lt;script&gt;&amp;&quot;"));
  chart.bars.clear();
  EXPECT_NE(std::string::npos, HorizontalBarChart(chart).find("&lt;none&gt;"));
}

TEST(SvgChartTest, LongLabelsAreShortenedOnTheChartButWholeInTheTitle) {
  const std::string name = "Kerajinan Tenun Ikat Sasak Sukarara Lombok Tengah Asli";
  const std::string svg = HorizontalBarChart(Bars({{name, 123'456'789}}));
  EXPECT_NE(std::string::npos, svg.find("<title>" + name + ": Rp123.456.789</title>"));
  EXPECT_NE(std::string::npos, svg.find("…</text>"));
}

// ---- pages ----------------------------------------------------------------------------------

void ExpectSelfContained(const std::string& html) {
  EXPECT_EQ(0u, html.rfind("<!doctype html>", 0));
  EXPECT_NE(std::string::npos, html.find("<meta charset=\"utf-8\">"));
  EXPECT_NE(std::string::npos,
            html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
  EXPECT_EQ(1u, Count(html, "<style>"));
  EXPECT_EQ(std::string::npos, html.find("<script"));
  EXPECT_EQ(std::string::npos, html.find("url("));
  EXPECT_EQ(std::string::npos, html.find("@import"));
  for (const std::string& link : Values(html)) {
    EXPECT_EQ(0u, link.rfind('/', 0)) << "not a relative link: " << link;
    EXPECT_NE(0u, link.rfind("//", 0)) << "not a relative link: " << link;
    EXPECT_EQ(std::string::npos, link.find("http")) << link;
  }
}

// Every link of an English page carries lang=en, but its switch to Bahasa Indonesia; an
// Indonesian page's links carry none, but its switch to English. (Forms: see the period page.)
void ExpectLinksIn(Language lang, const std::string& html) {
  for (const std::string& link : Values(html, "href")) {
    const bool is_switch =
        html.find("href=\"" + link + "\" hreflang=\"" +
                  (lang == Language::kEnglish ? "id" : "en")) != std::string::npos;
    if (lang == Language::kEnglish ? is_switch : !is_switch) {
      EXPECT_EQ(std::string::npos, link.find("lang=")) << link;
      continue;
    }
    const size_t lang_at = link.find("lang=en");
    ASSERT_NE(std::string::npos, lang_at) << link;
    EXPECT_EQ(link.size(), lang_at + 7) << link;
    const bool query = link.find('?') < lang_at - 1;
    EXPECT_EQ(query ? "&amp;" : "?", link.substr(0, lang_at).substr(lang_at - (query ? 5 : 1)))
        << link;
    EXPECT_EQ(1u, Count(link, "?")) << link;
  }
}

TEST(DashboardHtmlTest, EveryPageIsSelfContainedInBothLanguages) {
  const OrganiserDayReport day = Day();
  const EventReport event = EventReportOf();
  const Comparison comparison = ComparisonOf();
  PeriodReport period;
  period.from = "2026-11-01";
  period.to = "2026-11-30";
  period.as_of = Wib(30, 12h);
  period.events = {{Event(), Figures(1500, 84'000'000), 40}};
  period.regencies = {{"Kota Mataram", Figures(1500, 84'000'000)}};
  for (Language lang : {Language::kIndonesian, Language::kEnglish}) {
    const std::vector<std::string> pages = {
        RenderLoginPage(lang, Refuse(Refusal::kAccessTokenRequired)),
        RenderHomePage(lang, "Budi (panitia)", Home({comparison.previous}), true),
        RenderDayPage(lang, day),
        RenderEventPage(lang, event, &comparison, {Event(), comparison.previous}),
        RenderPeriodPage(lang, period),
        RenderRefusal(lang, 404, Refuse(Refusal::kNoSuchEventForToken))};
    for (const std::string& page : pages) {
      ExpectSelfContained(page);
      ExpectLinksIn(lang, page);
      if (lang == Language::kEnglish) {
        EXPECT_NE(std::string::npos, page.find(">Bahasa Indonesia</a>"));
        EXPECT_NE(std::string::npos, page.find("<html lang=\"en\">"));
      } else {
        EXPECT_NE(std::string::npos, page.find(">English</a>"));
        EXPECT_NE(std::string::npos, page.find("<html lang=\"id\">"));
      }
    }
  }
}

StallReport StallReportOf() {
  StallReport report;
  report.event = Event();
  report.stall_id = "S-02";
  report.name = kNastyName;
  report.category = "Kerajinan";
  report.regency = "Kabupaten Lombok Barat";
  report.as_of = Wib(22, 20h);
  report.total = Figures(30, 3'000'000);
  StallDayLine first{"2026-11-21", Figures(10, 1'000'000), ZState::kAgrees, Rp(0), Rp(-5'000), {}};
  StallDayLine second{"2026-11-22", Figures(20, 2'000'000), ZState::kNotClosed, Rp(0), std::nullopt, {}};
  StallDayLine third{"2026-11-23", LedgerFigures{}, ZState::kNotClosed, Rp(0), std::nullopt, {}};
  report.days = {first, second, third};
  report.hours = {{"19", Figures(30, 3'000'000)}};
  report.terminals = {Terminal("T-02", "S-02", Wib(22, 19h + 20min), true)};
  EventInfo last_year = Event();
  last_year.id = "bazar-ntb-2025";
  last_year.name = "Bazar UMKM NTB 2025";
  last_year.first_day = "2025-11-20";
  last_year.last_day = "2025-11-22";
  report.events = {{last_year, Figures(16, 2'400'000), 3}, {Event(), Figures(30, 3'000'000), 2}};
  return report;
}

TEST(DashboardHtmlTest, StallPageListsItsDaysAndTheStallEventByEvent) {
  const std::string html = RenderStallPage(Language::kIndonesian, StallReportOf());
  EXPECT_EQ(std::string::npos, html.find(kNastyName)) << "the name is escaped";
  EXPECT_NE(std::string::npos, html.find("Rp3.000.000"));
  // Each day links to the stall's row on that day's page, and says its Z and drawer apart.
  EXPECT_NE(std::string::npos,
            html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-21#lapak-S-02\""));
  EXPECT_NE(std::string::npos, html.find("Terminal dan ledger cocok"));
  EXPECT_NE(std::string::npos, html.find("Laci kurang Rp5.000"));
  EXPECT_NE(std::string::npos, html.find("Belum tutup"));
  EXPECT_NE(std::string::npos, html.find("Tidak ada penjualan"));
  // Its late terminal is warned about, by name.
  EXPECT_NE(std::string::npos, html.find("T-02"));
  EXPECT_NE(std::string::npos, html.find("role=\"alert\""));
  // Event by event: last year's row links to the stall's page there; this year's against it.
  EXPECT_NE(std::string::npos, html.find("Dari acara ke acara"));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb-2025/stall/S-02\""));
  EXPECT_NE(std::string::npos, html.find("+Rp600.000 (+25,0%)"));
  EXPECT_EQ(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/stall/S-02\">")) << "not to itself";

  const std::string en = RenderStallPage(Language::kEnglish, StallReportOf());
  EXPECT_NE(std::string::npos, en.find("Event by event"));
  EXPECT_NE(std::string::npos, en.find("href=\"/dashboard/event/bazar-ntb/stall/S-02\" hreflang=\"id\""));
}

// The day page's stall names lead to their stall pages.
TEST(DashboardHtmlTest, DayPageLinksEachStallToItsPage) {
  const std::string html = RenderDayPage(Language::kIndonesian, Day());
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/stall/S-01\""));
}

TEST(DashboardHtmlTest, DayPageInBothLanguages) {
  const std::string id = RenderDayPage(Language::kIndonesian, Day());
  EXPECT_NE(std::string::npos, id.find("Penjualan bersih"));
  EXPECT_NE(std::string::npos, id.find("Rp26.195.678"));  // net: 12.345.678 + 4.050.000 + 9.800.000
  EXPECT_NE(std::string::npos, id.find("Minggu, 22 November 2026"));
  EXPECT_NE(std::string::npos,
            id.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-22?lang=en\""));
  // Terminal and ledger agree, yet the drawer was Rp5.000 short: two things, both said.
  EXPECT_NE(std::string::npos,
            id.find("<span class=\"good\">Terminal dan ledger cocok</span><br><span class=\"bad\">Laci kurang "
                    "Rp5.000</span>"));
  // Sold but no Z: not closed; nothing sold and no Z: no sales, not "not closed".
  const size_t s02 = id.find("id=\"lapak-S-02\"");
  const size_t s04 = id.find("id=\"lapak-S-04\"");
  ASSERT_NE(std::string::npos, s02);
  ASSERT_NE(std::string::npos, s04);
  EXPECT_NE(std::string::npos, id.substr(s02, s04 - s02).find("Belum tutup"));
  EXPECT_NE(std::string::npos, id.substr(s04).find("Tidak ada penjualan"));
  EXPECT_EQ(std::string::npos, id.substr(s04, id.find("</tr>", s04) - s04).find("Belum tutup"));

  const std::string en = RenderDayPage(Language::kEnglish, Day());
  EXPECT_NE(std::string::npos, en.find("Net sales"));
  EXPECT_NE(std::string::npos, en.find("Rp26.195.678"));
  EXPECT_NE(std::string::npos, en.find("Sunday, 22 November 2026"));
  EXPECT_NE(std::string::npos, en.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-22\""));
  EXPECT_NE(std::string::npos, en.find("Terminal and ledger agree"));
  EXPECT_EQ(std::string::npos, en.find("Penjualan bersih"));
}

// Kas masuk/keluar: a column of their own, beside the sales and never in the turnover.
TEST(DashboardHtmlTest, AStallsCashMovesHaveAColumnOfTheirOwn) {
  OrganiserDayReport day = Day();
  day.stalls.front().cash_moves = {Rp(50000), Rp(120000)};
  const std::string html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_NE(std::string::npos, html.find("Kas masuk/keluar"));
  EXPECT_NE(std::string::npos, html.find("+Rp50.000<br>-Rp120.000"));
  EXPECT_NE(std::string::npos, html.find("Rp26.195.678"));  // the net as before
  EXPECT_NE(std::string::npos, RenderDayPage(Language::kEnglish, day).find("Cash in/out"));
}

// Issue 13: QRIS paid through the code the terminal showed, apart from QRIS confirmed by hand.
TEST(DashboardHtmlTest, QrisThroughTheCodeShownHasAColumnOfItsOwn) {
  OrganiserDayReport day = Day();
  day.stalls.front().qris_shown = {3, Rp(45000)};
  const std::string html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_NE(std::string::npos, html.find("QRIS dengan kode"));
  EXPECT_NE(std::string::npos, html.find("Rp45.000<br><small>3</small>")) << html;
  EXPECT_NE(std::string::npos, RenderDayPage(Language::kEnglish, day).find("QRIS via the code shown"));
}

TEST(DashboardHtmlTest, HostileNamesAreEscapedEverywhere) {
  OrganiserDayReport day = Day();
  day.event.name = kNastyName;
  day.event.id = "a&b c";
  EventReport event = EventReportOf();
  event.event = day.event;
  for (const std::string& page :
       {RenderDayPage(Language::kIndonesian, day),
        RenderEventPage(Language::kEnglish, event, nullptr, {day.event}),
        RenderHomePage(Language::kIndonesian, kNastyName, HomeReport{Wib(22, 20h), {}, {day.event}}, false),
        RenderLoginPage(Language::kIndonesian, Refuse(Refusal::kNoSuchEvent, kNastyName)),
        RenderRefusal(Language::kEnglish, 404, Refuse(Refusal::kNoSuchEvent, kNastyName))}) {
    EXPECT_EQ(std::string::npos, page.find(kNastyName)) << page;
    EXPECT_NE(std::string::npos, page.find("&lt;script&gt;&amp;&quot;")) << page;
  }
  const std::string html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/a%26b%20c/day/2026-11-23\""));
  EXPECT_NE(
      std::string::npos,
      html.find("href=\"/v1/reports/day?event=a%26b%20c&amp;day=2026-11-22&amp;format=csv\""));
}

TEST(DashboardHtmlTest, TheEmptyDaySaysSo) {
  OrganiserDayReport day;
  day.event = Event();
  day.business_day = "2026-11-21";
  day.as_of = Wib(21, 8h);
  const std::string html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_NE(std::string::npos, html.find("<span class=\"value\">Rp0</span>"));
  EXPECT_GE(Count(html, "Belum ada penjualan"), 3u);  // the headline and both charts
  EXPECT_EQ(std::string::npos, html.find("role=\"alert\""));
  EXPECT_EQ(std::string::npos, html.find("Hari sebelumnya"));  // the event's first day
  EXPECT_NE(std::string::npos, html.find("Belum ada terminal yang terdaftar."));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-22\""));
}

TEST(DashboardHtmlTest, LateTerminalsAreWarnedAboutAndListedFirst) {
  const std::string html = RenderDayPage(Language::kIndonesian, Day());
  const size_t warning = html.find(
      "<div class=\"warn\" role=\"alert\"><p>2 terminal belum sinkron lebih dari 15 menit.");
  ASSERT_NE(std::string::npos, warning) << html;
  const std::string box = html.substr(warning, html.find("</div>", warning) - warning);
  EXPECT_NE(std::string::npos,
            box.find("<b>T-02</b> (&lt;script&gt;&amp;&quot;): 19:20 WIB · 40 menit lalu"));
  EXPECT_NE(std::string::npos, box.find("<b>T-03</b> (Batik Bu Sri): Belum pernah sinkron"));
  EXPECT_EQ(std::string::npos, box.find("T-01"));
  EXPECT_LT(warning, html.find("<h2>Lapak</h2>"));  // above the tables

  const size_t table = html.find("<h2>Terminal</h2>");
  ASSERT_NE(std::string::npos, table);
  const size_t t1 = html.find("<b>T-01</b>", table);
  const size_t t2 = html.find("<b>T-02</b>", table);
  const size_t t3 = html.find("<b>T-03</b>", table);
  EXPECT_LT(t2, t3);
  EXPECT_LT(t3, t1);
  EXPECT_NE(std::string::npos, html.find("19:55 WIB · 5 menit lalu", table));
}

TEST(DashboardHtmlTest, AZThatDiffersShowsTheAmount) {
  EXPECT_NE(std::string::npos, RenderDayPage(Language::kIndonesian, Day())
                                   .find("<span class=\"bad\">Terminal dan ledger selisih Rp15.000</span><br>"
                                         "<span class=\"good\">Laci pas</span>"));
  EXPECT_NE(std::string::npos, RenderDayPage(Language::kEnglish, Day())
                                   .find("<span class=\"bad\">Terminal and ledger differ by Rp15.000</span>"));
}

TEST(DashboardHtmlTest, ChartsOnThePageCarryExactAmounts) {
  const std::string html = RenderDayPage(Language::kIndonesian, Day());
  EXPECT_NE(std::string::npos, html.find("<title>Makanan: Rp12.345.678</title>"));
  EXPECT_NE(std::string::npos, html.find("<title>12: Rp19.195.678</title>"));
  EXPECT_NE(std::string::npos, html.find("aria-label=\"Per jam\""));
}

TEST(DashboardHtmlTest, DayLinksStayInsideTheEvent) {
  OrganiserDayReport day = Day();
  std::string html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-21\""));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-23\""));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb\""));
  day.business_day = "2026-11-23";
  html = RenderDayPage(Language::kIndonesian, day);
  EXPECT_EQ(std::string::npos, html.find("Hari berikutnya"));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-22\""));
}

TEST(DashboardHtmlTest, EventPageWithComparison) {
  const Comparison comparison = ComparisonOf();
  const std::string html = RenderEventPage(Language::kIndonesian, EventReportOf(), &comparison,
                                           {Event(), comparison.previous});
  EXPECT_NE(std::string::npos, html.find("Rp83.400.000"));
  EXPECT_NE(std::string::npos, html.find("2 lapak punya terminal yang belum sinkron"));
  EXPECT_NE(std::string::npos, html.find("3 hari-lapak ada penjualan tetapi belum tutup"));
  EXPECT_NE(std::string::npos, html.find("Dibanding acara sebelumnya: Bazar UMKM NTB 2025"));
  EXPECT_NE(std::string::npos, html.find("+Rp9.333.333 (+12,5%)"));
  EXPECT_NE(std::string::npos, html.find("-100 (-6,2%)"));
  EXPECT_NE(std::string::npos, html.find("+Rp56.000 (baru)"));
  EXPECT_NE(std::string::npos, html.find("Hari ke-1"));
  // It says which days it sets against each other, and that the first is still trading.
  EXPECT_NE(std::string::npos,
            html.find("Dibandingkan 1 hari pertama tiap acara (Bazar UMKM NTB 2026: 3 hari; Bazar UMKM "
                      "NTB 2025: 3 hari). Penjualan di luar tanggal acara tidak dihitung. Hari ke-1 "
                      "Bazar UMKM NTB 2026 masih berjalan: angkanya belum final."));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb/day/2026-11-23\""));
  EXPECT_NE(std::string::npos,
            html.find("href=\"/dashboard/event/bazar-ntb?compare=bazar-ntb-2025\""));
  EXPECT_EQ(std::string::npos, html.find("?compare=bazar-ntb\""));  // not against itself
  EXPECT_NE(std::string::npos,
            html.find("href=\"/v1/reports/"
                      "compare?event=bazar-ntb&amp;previous=bazar-ntb-2025&amp;format=csv\""));
  EXPECT_NE(std::string::npos,
            html.find("href=\"/v1/reports/event?event=bazar-ntb&amp;format=csv\""));
  EXPECT_NE(std::string::npos,
            html.find("<title>Bakso Pak Kumis · Kota Mataram: Rp30.000.000</title>"));
  EXPECT_NE(std::string::npos, html.find("aria-label=\"Per kabupaten/kota asal lapak\""));
  // Each warning names its stalls, each a link to its row on the day concerned.
  EXPECT_NE(std::string::npos,
            html.find("<a href=\"/dashboard/event/bazar-ntb/day/2026-11-23#lapak-S-03\">Batik Bu Sri <small>S-03</small></a>"));
  EXPECT_NE(std::string::npos,
            html.find("<a href=\"/dashboard/event/bazar-ntb/day/2026-11-21#lapak-S-01\">Bakso Pak Kumis · 21 Nov</a>"));
  EXPECT_NE(std::string::npos, html.find("3 hari-lapak ada penjualan tetapi belum tutup"));

  const std::string en = RenderEventPage(Language::kEnglish, EventReportOf(), &comparison, {});
  EXPECT_NE(std::string::npos, en.find("+Rp9.333.333 (+12.5%)"));
  EXPECT_NE(std::string::npos, en.find("Comparing the first 1 days of each event"));
  EXPECT_NE(std::string::npos, en.find("Day 1 of Bazar UMKM NTB 2026 is still under way"));
  EXPECT_NE(std::string::npos,
            en.find("href=\"/dashboard/event/bazar-ntb?compare=bazar-ntb-2025\" hreflang=\"id\""));
}

TEST(DashboardHtmlTest, PeriodPageHasAFormThatKeepsTheLanguage) {
  PeriodReport period;
  period.province = "Nusa Tenggara Barat";
  period.from = "2026-11-01";
  period.to = "2026-11-30";
  period.as_of = Wib(30, 12h);
  const std::string id = RenderPeriodPage(Language::kIndonesian, period);
  EXPECT_NE(std::string::npos, id.find("action=\"/dashboard/period\""));
  EXPECT_NE(std::string::npos, id.find("name=\"from\" type=\"date\" value=\"2026-11-01\""));
  EXPECT_NE(std::string::npos, id.find("Tidak ada acara dalam periode ini."));
  EXPECT_EQ(std::string::npos, id.find("name=\"lang\""));
  // The downloads are of the province shown, as a workbook and as CSV.
  for (const char* format : {"xlsx", "csv"}) {
    EXPECT_NE(std::string::npos,
              id.find(fmt::format("href=\"/v1/reports/period?from=2026-11-01&amp;to=2026-11-30&amp;"
                                  "province=Nusa%20Tenggara%20Barat&amp;format={}\"",
                                  format)))
        << format;
  }
  EXPECT_NE(std::string::npos, id.find(">Unduh Excel (.xlsx)</a>"));
  const std::string en = RenderPeriodPage(Language::kEnglish, period);
  EXPECT_NE(std::string::npos, en.find("&amp;format=xlsx&amp;lang=en\""));
  EXPECT_NE(std::string::npos, en.find("<input type=\"hidden\" name=\"lang\" value=\"en\">"));
  EXPECT_NE(
      std::string::npos,
      en.find("href=\"/dashboard/period?from=2026-11-01&amp;to=2026-11-30\" hreflang=\"id\""));
}

TEST(DashboardHtmlTest, EventListLinksEveryEventAndDay) {
  const std::string html =
      RenderHomePage(Language::kIndonesian, "Budi (panitia)", HomeReport{Wib(30, 12h), {}, {Event()}}, false);
  EXPECT_NE(std::string::npos, html.find("<b>Budi (panitia)</b>"));
  EXPECT_NE(std::string::npos, html.find("href=\"/dashboard/event/bazar-ntb\""));
  for (const char* day : {"2026-11-21", "2026-11-22", "2026-11-23"}) {
    EXPECT_NE(std::string::npos,
              html.find(std::string("href=\"/dashboard/event/bazar-ntb/day/") + day + "\""));
  }
  EXPECT_EQ(std::string::npos, html.find("/dashboard/period"));
  EXPECT_NE(std::string::npos, html.find("<form method=\"post\" action=\"/keluar\"><button"));
  EXPECT_EQ(std::string::npos, html.find("href=\"/keluar\""));
  EXPECT_NE(std::string::npos,
            RenderHomePage(Language::kIndonesian, "Dinas", HomeReport{}, true).find("Belum ada acara"));
  EXPECT_NE(std::string::npos, RenderHomePage(Language::kIndonesian, "Dinas", HomeReport{Wib(30, 12h), {}, {Event()}}, true)
                                   .find("name=\"to\" type=\"date\" value=\"2026-11-23\""));
}

TEST(DashboardHtmlTest, LoginAndRefusal) {
  const std::string login = RenderLoginPage(Language::kEnglish, Status::Ok());
  EXPECT_NE(std::string::npos,
            login.find("<form class=\"login\" method=\"post\" action=\"/masuk?lang=en\">"));
  EXPECT_NE(std::string::npos, login.find("name=\"token\" type=\"password\""));
  EXPECT_EQ(std::string::npos, login.find("role=\"alert\""));
  EXPECT_EQ(std::string::npos, login.find("/keluar"));
  EXPECT_NE(std::string::npos,
            RenderLoginPage(Language::kIndonesian, Refuse(Refusal::kAccessTokenRequired))
                .find("role=\"alert\">Perlu token akses yang sah<"));
  EXPECT_NE(std::string::npos,
            RenderLoginPage(Language::kEnglish, Refuse(Refusal::kAccessTokenRequired))
                .find("role=\"alert\">A valid access token is required<"));

  const std::string refusal =
      RenderRefusal(Language::kIndonesian, 401, Refuse(Refusal::kAccessTokenRequired));
  EXPECT_NE(std::string::npos, refusal.find("Silakan masuk dulu"));
  EXPECT_NE(std::string::npos, refusal.find("HTTP 401"));
  EXPECT_NE(std::string::npos, refusal.find("<p>Perlu token akses yang sah</p>"));
  EXPECT_NE(std::string::npos, refusal.find("href=\"/masuk\""));
  const std::string untold = RenderRefusal(Language::kEnglish, 403, Status::Ok());
  EXPECT_NE(std::string::npos, untold.find("You have no access"));
  EXPECT_EQ(std::string::npos, untold.find("<p>"));
}

// A refusal page says the refusal (core/refusal.h) in the page's language, its arguments and
// the words it names included.
TEST(DashboardHtmlTest, ARefusalIsSaidInThePagesLanguage) {
  const Status bad_day = Refuse(Refusal::kNotAReportDate, Word::kReportDay, "20-11-2026");
  const std::string en = RenderRefusal(Language::kEnglish, 400, bad_day);
  const std::string id = RenderRefusal(Language::kIndonesian, 400, bad_day);
  EXPECT_NE(std::string::npos,
            en.find("<p>The day must be a date written YYYY-MM-DD, not &#39;20-11-2026&#39;</p>"))
      << en;
  EXPECT_NE(std::string::npos,
            id.find("<p>Hari laporan harus tanggal YYYY-MM-DD, bukan &#39;20-11-2026&#39;</p>"))
      << id;
  EXPECT_NE(std::string::npos, en.find("Request refused"));
  EXPECT_NE(std::string::npos, id.find("Permintaan ditolak"));

  const Status missing = Refuse(Refusal::kNoSuchEventForToken);
  EXPECT_NE(
      std::string::npos,
      RenderRefusal(Language::kEnglish, 404, missing).find("<p>No such event for this token</p>"));
  EXPECT_NE(std::string::npos, RenderRefusal(Language::kIndonesian, 404, missing)
                                   .find("<p>Acara ini tidak ditemukan untuk token akses ini</p>"));
}

// ---- in a real browser ----------------------------------------------------------------------

TEST(DashboardChromiumTest, DayPageDrawsAtPhoneAndLaptopSize) {
  LAPAK_SKIP_UNLESS(testing::ChromiumAvailable(),
                    std::string(testing::kChromiumPath) + " is not installed");
  testing::TempDir dir;
  const OrganiserDayReport day = Day();
  testing::WriteFile(dir.File("day.html"), RenderDayPage(Language::kIndonesian, day));
  const std::string url = "file://" + dir.File("day.html");

  for (const auto& [width, height] : {std::pair{390, 844}, std::pair{1366, 768}}) {
    const std::string png = dir.File("day-" + std::to_string(width) + ".png");
    const Status shot = testing::ChromiumScreenshot(url, png, width, height);
    ASSERT_TRUE(shot.ok()) << shot.ToString();
    const Result<testing::PngStats> stats = testing::ReadPngStats(png);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(width, stats->width);
    EXPECT_EQ(height, stats->height);
    EXPECT_GE(stats->not_background, 0.02) << "the page looks blank at " << width;
    EXPECT_GE(stats->colours, 8) << "the page looks blank at " << width;
  }

  const Result<std::string> dom = testing::ChromiumDumpDom(url, 390, 844);
  ASSERT_TRUE(dom.ok()) << dom.status().ToString();
  EXPECT_NE(std::string::npos, dom->find(FormatMoney(day.total.net)));
  EXPECT_NE(std::string::npos, dom->find("T-02"));
}

}  // namespace
}  // namespace lapak::ledger

namespace lapak::ledger {
namespace {

// The home page puts the bazaar running today first, with its figures of today, and names
// each late stall with a link to its row on today's page; it reloads itself, without script.
TEST(DashboardHtmlTest, HomePageShowsTodayFirstAndNamesTheLateStalls) {
  EventInfo last_year = Event();
  last_year.id = "bazar-ntb-2025";
  last_year.name = "Bazar NTB 2025";
  const std::string html = RenderHomePage(Language::kIndonesian, "Budi (panitia)", Home({last_year}), false);
  const size_t today = html.find("<h2>Hari ini</h2>");
  const size_t others = html.find("<h2>Acara lain</h2>");
  ASSERT_NE(std::string::npos, today);
  ASSERT_NE(std::string::npos, others);
  EXPECT_LT(today, others);
  EXPECT_LT(html.find("Hari ke-2 dari 3"), others);
  EXPECT_NE(std::string::npos, html.find("Penjualan bersih hari ini"));
  EXPECT_NE(std::string::npos, html.find(">Rp26.255.678<"));  // 26.345.678 less the voided 90.000
  EXPECT_NE(std::string::npos, html.find(">494<"));           // 497 rung, 3 voided
  EXPECT_NE(std::string::npos, html.find(">38 dari 40<"));
  EXPECT_NE(std::string::npos,
            html.find("<a href=\"/dashboard/event/bazar-ntb/day/2026-11-22#lapak-S-03\">Batik Bu Sri "
                      "<small>S-03</small></a>"));
  EXPECT_NE(std::string::npos, html.find("<meta http-equiv=\"refresh\" content=\"60\">"));
  EXPECT_EQ(std::string::npos, html.find("<script"));
  EXPECT_GT(html.find("href=\"/dashboard/event/bazar-ntb-2025\""), others);

  // Nothing running: no refresh.
  const std::string quiet =
      RenderHomePage(Language::kIndonesian, "Budi (panitia)", HomeReport{Wib(30, 12h), {}, {Event()}}, false);
  EXPECT_EQ(std::string::npos, quiet.find("http-equiv=\"refresh\""));
  EXPECT_EQ(std::string::npos, quiet.find("Hari ini"));
}

}  // namespace
}  // namespace lapak::ledger
