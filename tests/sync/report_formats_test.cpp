// The report forms (report_formats.h) and their arithmetic (AverageSale, MakeChange) on small
// hand-built reports: exact JSON, CSV read back with core's parser, the text table's warnings
// and amounts.
#include "sync/ledger/reports/report_formats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/csv.h"
#include "sync/ledger/reports/report_xlsx.h"
#include "tests/support/wib.h"
#include "tests/support/xlsx_cells.h"

namespace lapak::ledger {
namespace {

using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;
using testing::Wib;

// ---- AverageSale and MakeChange ------------------------------------------------------------

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

LedgerFigures Standing(int64_t sales, int64_t voided, int64_t net) {
  LedgerFigures figures;
  figures.sales_count = sales;
  figures.voids_count = voided;
  figures.net = Rp(net);
  return figures;
}

int64_t Average(const LedgerFigures& figures) { return AverageSale(figures).rupiah(); }

TEST(AverageSaleTest, IsZeroWhenNoSaleStands) {
  EXPECT_EQ(0, Average(LedgerFigures{}));
  EXPECT_EQ(0, Average(Standing(3, 3, 0)));
  EXPECT_EQ(0, Average(Standing(2, 3, 5000)));
}

TEST(AverageSaleTest, DividesByTheSalesThatStand) {
  EXPECT_EQ(20000, Average(Standing(3, 1, 40000)));
  EXPECT_EQ(7500, Average(Standing(2, 0, 15000)));
}

TEST(AverageSaleTest, RoundsHalfUp) {
  EXPECT_EQ(3, Average(Standing(4, 0, 10)));    // 2.5
  EXPECT_EQ(3, Average(Standing(3, 0, 10)));    // 3.33
  EXPECT_EQ(4, Average(Standing(3, 0, 11)));    // 3.67
  EXPECT_EQ(-2, Average(Standing(2, 0, -5)));   // -2.5: up is towards +∞
  EXPECT_EQ(-4, Average(Standing(3, 0, -11)));  // -3.67
}

TEST(AverageSaleTest, DoesNotOverflowNearTheLimit) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(kMax, Average(Standing(1, 0, kMax)));
  EXPECT_EQ(int64_t{1} << 62, Average(Standing(2, 0, kMax)));  // 2^62 − 0.5
}

// A change of money figures, which cannot fail here.
MoneyChange NetChange(int64_t previous, int64_t current) {
  Result<MoneyChange> change = MakeChange(Rp(previous), Rp(current));
  EXPECT_TRUE(change.ok()) << change.status().ToString();
  return change.ok() ? *change : MoneyChange{};
}

TEST(MakeChangeTest, HasNoPercentAgainstZero) {
  const MoneyChange none = NetChange(0, 0);
  EXPECT_EQ(Rp(0), none.difference);
  EXPECT_FALSE(none.percent.has_value());
  const MoneyChange fresh = NetChange(0, 500);
  EXPECT_EQ(Rp(0), fresh.previous);
  EXPECT_EQ(Rp(500), fresh.current);
  EXPECT_EQ(Rp(500), fresh.difference);
  EXPECT_FALSE(fresh.percent.has_value());
  EXPECT_FALSE(MakeChange(0, 0).percent.has_value());  // a count
}

TEST(MakeChangeTest, GivesTheDifferenceAndPercent) {
  const MoneyChange up = NetChange(1000, 1250);
  EXPECT_EQ(Rp(250), up.difference);
  EXPECT_DOUBLE_EQ(25.0, *up.percent);
  const MoneyChange down = NetChange(1000, 750);
  EXPECT_EQ(Rp(-250), down.difference);
  EXPECT_DOUBLE_EQ(-25.0, *down.percent);
  const CountChange sales = MakeChange(3, 4);
  EXPECT_EQ(1, sales.difference);
  EXPECT_DOUBLE_EQ(100.0 / 3, *sales.percent);
}

TEST(MakeChangeTest, IsCorruptionWhenTheDifferenceOverflows) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(StatusCode::kCorruption, MakeChange(Rp(-kMax), Rp(kMax)).status().code());
}

// ---- the reports ---------------------------------------------------------------------------

LedgerFigures Figures(int64_t sales, int64_t voided, int64_t gross, int64_t voids, int64_t net,
                      int64_t cash, int64_t qris, int64_t transfer) {
  return {sales, voided, Rp(gross), Rp(voids), Rp(net), {{Rp(cash), Rp(qris), Rp(transfer)}}};
}

const LedgerFigures kBakso = Figures(3, 1, 50000, 10000, 40000, 25000, 15000, 0);
const LedgerFigures kDawet = Figures(2, 0, 15000, 0, 15000, 15000, 0, 0);
const LedgerFigures kDay = Figures(5, 1, 65000, 10000, 55000, 40000, 15000, 0);
const std::string kBaksoName = "Bakso \"Pak Kumis\", Solo";  // a quote and a comma
const std::string kDawetName = "Es Dawet — Bu Sri";          // not ASCII

EventInfo Expo() {
  return {"expo",         "Pasar Malam Semarang", "Jawa Tengah", "Semarang",
          "Asia/Jakarta", "2026-11-20",           "2026-11-22"};
}

OrganiserDayReport DayReport() {
  OrganiserDayReport report;
  report.event = Expo();
  report.business_day = "2026-11-22";
  report.as_of = Wib(22, hours(21) + minutes(30));
  report.stalls = {{"BKS-07", kBaksoName, "makanan", kBakso, ZState::kDiffers, Rp(-5000), Rp(-2000),
                    {Rp(50000), Rp(20000)}, {1, Rp(10000)}},
                   {"ES-01", kDawetName, "minuman", kDawet, ZState::kAgrees, Rp(0), Rp(0), {}, {}}};
  report.hours = {{"19", kDay}, {"20", LedgerFigures{}}};
  report.categories = {{"makanan", kBakso}};
  report.terminals = {{"T1", "BKS-07", false, 12, Wib(22, hours(21) + minutes(25)),
                       Wib(22, hours(21) + minutes(24)), false},
                      {"T3", "ES-01", false, 5, Wib(22, hours(14) + minutes(2)),
                       Wib(22, hours(14) + minutes(1)), true},
                      {"T9", "ES-01", false, 0, std::nullopt, std::nullopt, true}};
  report.total = kDay;
  return report;
}

EventReport MakeEventReport() {
  EventReport report;
  report.event = Expo();
  report.as_of = Wib(22, hours(21) + minutes(30));
  report.total = kDay;
  report.days = {{"2026-11-20", LedgerFigures{}}, {"2026-11-21", kDawet}, {"2026-11-22", kBakso}};
  report.categories = {{"makanan", kBakso}, {"minuman", kDawet}};
  report.regencies = {{"Semarang", kDay}};
  report.top_stalls = {{"BKS-07", kBaksoName, "makanan", "Semarang", kBakso},
                       {"ES-01", kDawetName, "minuman", "Semarang", kDawet}};
  report.stalls = 2;
  report.late_stalls = {{"ES-01", kDawetName}};
  report.not_closed = {{"BKS-07", kBaksoName, "2026-11-20"}, {"BKS-07", kBaksoName, "2026-11-21"},
                       {"ES-01", kDawetName, "2026-11-21"}};
  return report;
}

PeriodReport MakePeriodReport() {
  PeriodReport report;
  report.province = "Jawa Tengah";
  report.from = "2026-11-01";
  report.to = "2026-11-30";
  report.as_of = Wib(22, hours(21) + minutes(30));
  report.events = {{Expo(), kDay, 2}};
  report.regencies = {{"Semarang", kDay}};
  report.total = kDay;
  return report;
}

Comparison MakeComparison() {
  Comparison comparison;
  comparison.current = Expo();
  comparison.previous = {"expo25",       "Pasar Malam Semarang 2025",
                         "Jawa Tengah",  "Semarang",
                         "Asia/Jakarta", "2025-11-21",
                         "2025-11-23"};
  comparison.days_compared = 1;
  comparison.current_day_open = true;
  comparison.net = NetChange(44000, 55000);
  comparison.sales_count = MakeChange(5, 5);
  comparison.average_sale = NetChange(0, 13750);
  comparison.days = {{"1", NetChange(20000, 15000)}};
  comparison.categories = {{"makanan", NetChange(0, 40000)}};
  return comparison;
}

ProvinceExport MakeProvinceExport() {
  ProvinceExport report;
  report.province = "Jawa Tengah";
  report.from = "2026-11-01";
  report.to = "2026-11-30";
  report.as_of = Wib(22, hours(21) + minutes(30));
  report.regencies = {{"3374", "Kota Semarang", "33", "Jawa Tengah", 1, 2, kDay}};
  report.total = kDay;
  return report;
}

StallReport StallReportFixture() {
  StallReport report;
  report.event = Expo();
  report.stall_id = "BKS-07";
  report.name = kBaksoName;
  report.category = "makanan";
  report.regency = "Kota Surakarta";
  report.as_of = Wib(22, hours(21) + minutes(30));
  report.total = kBakso;
  report.days = {{"2026-11-20", LedgerFigures{}, ZState::kNotClosed, Rp(0), std::nullopt, {}},
                 {"2026-11-21", kBakso, ZState::kAgrees, Rp(0), Rp(-2000), {Rp(50000), Rp(0)}}};
  report.hours = {{"19", kBakso}};
  EventInfo last_year = Expo();
  last_year.id = "expo25";
  last_year.name = "Pasar Malam Semarang 2025";
  report.events = {{last_year, kDawet, 2}, {Expo(), kBakso, 1}};
  return report;
}

// ---- JSON ----------------------------------------------------------------------------------

const char* const kEventJson = R"({"id": "expo", "name": "Pasar Malam Semarang",
    "province": "Jawa Tengah", "regency": "Semarang", "time_zone": "Asia/Jakarta",
    "day_cutoff": "04:00", "first_day": "2026-11-20", "last_day": "2026-11-22"})";
const char* const kBaksoJson = R"({"sales_count": 3, "voids_count": 1, "transactions": 2, "gross": 50000,
    "voids": 10000, "net": 40000, "cash": 25000, "qris": 15000, "transfer": 0,
    "average_sale": 20000})";
const char* const kDawetJson = R"({"sales_count": 2, "voids_count": 0, "transactions": 2, "gross": 15000,
    "voids": 0, "net": 15000, "cash": 15000, "qris": 0, "transfer": 0, "average_sale": 7500})";
const char* const kDayJson = R"({"sales_count": 5, "voids_count": 1, "transactions": 4, "gross": 65000,
    "voids": 10000, "net": 55000, "cash": 40000, "qris": 15000, "transfer": 0,
    "average_sale": 13750})";
const char* const kZeroJson = R"({"sales_count": 0, "voids_count": 0, "transactions": 0, "gross": 0, "voids": 0,
    "net": 0, "cash": 0, "qris": 0, "transfer": 0, "average_sale": 0})";

// Fills {event}, {bakso}, {dawet}, {day} and {zero} in `pattern` and parses it.
json Expected(std::string pattern) {
  const std::pair<std::string, std::string> holes[] = {{"{event}", kEventJson},
                                                       {"{bakso}", kBaksoJson},
                                                       {"{dawet}", kDawetJson},
                                                       {"{day}", kDayJson},
                                                       {"{zero}", kZeroJson}};
  for (const auto& [hole, text] : holes) {
    for (size_t at = pattern.find(hole); at != std::string::npos; at = pattern.find(hole, at)) {
      pattern.replace(at, hole.size(), text);
    }
  }
  return json::parse(pattern);
}

TEST(ReportJsonTest, DayReport) {
  const json expected = Expected(R"({
    "report": "day", "version": 2, "event": {event}, "business_day": "2026-11-22",
    "as_of": "2026-11-22T14:30:00.000Z", "total": {day},
    "stalls": [
      {"stall_id": "BKS-07", "name": "Bakso \"Pak Kumis\", Solo", "category": "makanan",
       "figures": {bakso}, "z_state": "differs", "z_difference": -5000, "cash_in": 50000, "cash_out": 20000,
       "qris_shown": 10000, "qris_shown_sales": 1, "drawer_over_short": -2000},
      {"stall_id": "ES-01", "name": "Es Dawet — Bu Sri", "category": "minuman",
       "figures": {dawet}, "z_state": "agrees", "z_difference": 0, "cash_in": 0, "cash_out": 0,
       "qris_shown": 0, "qris_shown_sales": 0, "drawer_over_short": 0}],
    "hours": [{"hour": "19", "figures": {day}}, {"hour": "20", "figures": {zero}}],
    "categories": [{"category": "makanan", "figures": {bakso}}],
    "terminals": [
      {"terminal_id": "T1", "stall_id": "BKS-07", "revoked": false, "late": false,
       "last_sync_at": "2026-11-22T14:25:00.000Z", "newest_entry_at": "2026-11-22T14:24:00.000Z",
       "entries_held": 12},
      {"terminal_id": "T3", "stall_id": "ES-01", "revoked": false, "late": true,
       "last_sync_at": "2026-11-22T07:02:00.000Z", "newest_entry_at": "2026-11-22T07:01:00.000Z",
       "entries_held": 5},
      {"terminal_id": "T9", "stall_id": "ES-01", "revoked": false, "late": true,
       "last_sync_at": null, "newest_entry_at": null, "entries_held": 0}]})");
  EXPECT_EQ(expected, ReportJson(DayReport())) << ReportJson(DayReport()).dump(2);
}

TEST(ReportJsonTest, NotClosedStall) {
  OrganiserDayReport report = DayReport();
  report.stalls[0].z_state = ZState::kNotClosed;
  report.stalls[0].z_difference = Rp(0);
  EXPECT_EQ("not_closed", ReportJson(report)["stalls"][0]["z_state"]);
}

TEST(ReportJsonTest, EventReport) {
  const json expected = Expected(R"({
    "report": "event", "version": 2, "event": {event}, "as_of": "2026-11-22T14:30:00.000Z",
    "total": {day},
    "days": [{"day": "2026-11-20", "figures": {zero}}, {"day": "2026-11-21", "figures": {dawet}},
             {"day": "2026-11-22", "figures": {bakso}}],
    "categories": [{"category": "makanan", "figures": {bakso}},
                   {"category": "minuman", "figures": {dawet}}],
    "regencies": [{"regency": "Semarang", "figures": {day}}],
    "top_stalls": [
      {"stall_id": "BKS-07", "name": "Bakso \"Pak Kumis\", Solo", "category": "makanan",
       "regency": "Semarang", "figures": {bakso}},
      {"stall_id": "ES-01", "name": "Es Dawet — Bu Sri", "category": "minuman",
       "regency": "Semarang", "figures": {dawet}}],
    "stalls": 2, "stalls_late": 1, "days_not_closed": 3,
    "late_stalls": [{"stall_id": "ES-01", "name": "Es Dawet — Bu Sri"}],
    "not_closed": [{"stall_id": "BKS-07", "name": "Bakso \"Pak Kumis\", Solo", "day": "2026-11-20"},
                   {"stall_id": "BKS-07", "name": "Bakso \"Pak Kumis\", Solo", "day": "2026-11-21"},
                   {"stall_id": "ES-01", "name": "Es Dawet — Bu Sri", "day": "2026-11-21"}]})");
  EXPECT_EQ(expected, ReportJson(MakeEventReport())) << ReportJson(MakeEventReport()).dump(2);
}

TEST(ReportJsonTest, PeriodReport) {
  const json expected = Expected(R"({
    "report": "period", "version": 2, "province": "Jawa Tengah", "from": "2026-11-01",
    "to": "2026-11-30", "as_of": "2026-11-22T14:30:00.000Z", "total": {day},
    "events": [{"event": {event}, "stalls": 2, "figures": {day}}],
    "regencies": [{"regency": "Semarang", "figures": {day}}]})");
  EXPECT_EQ(expected, ReportJson(MakePeriodReport())) << ReportJson(MakePeriodReport()).dump(2);

  PeriodReport every_province = MakePeriodReport();
  every_province.province.clear();
  EXPECT_TRUE(ReportJson(every_province)["province"].is_null());
}

TEST(ReportJsonTest, Comparison) {
  const json expected = Expected(R"({
    "report": "comparison", "version": 2, "current": {event},
    "previous": {"id": "expo25", "name": "Pasar Malam Semarang 2025", "province": "Jawa Tengah",
                 "regency": "Semarang", "time_zone": "Asia/Jakarta", "day_cutoff": "04:00",
                 "first_day": "2025-11-21",
                 "last_day": "2025-11-23"},
    "days_compared": 1, "current_day_open": true, "previous_day_open": false,
    "net": {"previous": 44000, "current": 55000, "difference": 11000, "percent": 25.0},
    "sales_count": {"previous": 5, "current": 5, "difference": 0, "percent": 0.0},
    "average_sale": {"previous": 0, "current": 13750, "difference": 13750, "percent": null},
    "days": [{"day": "1", "previous": 20000, "current": 15000, "difference": -5000,
              "percent": -25.0}],
    "categories": [{"category": "makanan", "previous": 0, "current": 40000,
                    "difference": 40000, "percent": null}]})");
  EXPECT_EQ(expected, ReportJson(MakeComparison())) << ReportJson(MakeComparison()).dump(2);
}

// ---- CSV -----------------------------------------------------------------------------------

// The records of `csv`, each the same width as the header (the first).
std::vector<std::vector<std::string>> ReadCsv(const std::string& csv) {
  Result<std::vector<CsvRecord>> records = ParseCsv(csv);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  std::vector<std::vector<std::string>> rows;
  if (!records.ok()) return rows;
  for (const CsvRecord& record : *records) {
    EXPECT_EQ((*records)[0].fields.size(), record.fields.size()) << "line " << record.line;
    rows.push_back(record.fields);
  }
  return rows;
}

// The value of `column` in each row of `section`.
std::vector<std::string> Column(const std::vector<std::vector<std::string>>& rows,
                                const std::string& section, const std::string& column) {
  const auto& header = rows.at(0);
  const size_t at = std::find(header.begin(), header.end(), column) - header.begin();
  EXPECT_LT(at, header.size()) << column;
  std::vector<std::string> values;
  for (const auto& row : rows) {
    if (row[0] == section && at < row.size()) values.push_back(row[at]);
  }
  return values;
}

using Strings = std::vector<std::string>;

TEST(ReportCsvTest, DayReportReadsBack) {
  const auto rows = ReadCsv(ReportCsv(DayReport()));
  ASSERT_EQ(1u + 2 + 2 + 1 + 3 + 1, rows.size());
  EXPECT_EQ((Strings{"section",      "key",         "name",           "category",
                     "sales_count",  "voids_count", "transactions",   "gross",
                     "voids",        "net",         "cash",           "qris",
                     "transfer",     "average_sale", "z_state",       "z_difference",
                     "cash_in",      "cash_out",    "stall_id",       "revoked",
                     "late",         "last_sync_at", "newest_entry_at", "entries_held",
                     "qris_shown",   "qris_shown_sales", "drawer_over_short"}),
            rows[0]);
  EXPECT_EQ((Strings{"stall", "BKS-07", kBaksoName, "makanan", "3", "1", "2", "50000",
                     "10000", "40000",  "25000",    "15000",   "0", "20000", "differs",
                     "-5000", "50000",  "20000",    "",        "",  "",      "",
                     "",      "",       "10000",    "1",       "-2000"}),
            rows[1]);
  EXPECT_EQ(kDawetName, rows[2][2]);
  EXPECT_EQ((Strings{"19", "20"}), Column(rows, "hour", "key"));
  EXPECT_EQ((Strings{"makanan"}), Column(rows, "category", "key"));
  EXPECT_EQ((Strings{"40000"}), Column(rows, "category", "net"));
  EXPECT_EQ((Strings{"T1", "T3", "T9"}), Column(rows, "terminal", "key"));
  EXPECT_EQ((Strings{"false", "true", "true"}), Column(rows, "terminal", "late"));
  // Local time (the event's WIB) with its offset.
  EXPECT_EQ((Strings{"2026-11-22T21:25:00+07:00", "2026-11-22T14:02:00+07:00", ""}),
            Column(rows, "terminal", "last_sync_at"));
  EXPECT_EQ((Strings{"2026-11-22T21:24:00+07:00", "2026-11-22T14:01:00+07:00", ""}),
            Column(rows, "terminal", "newest_entry_at"));
  EXPECT_EQ((Strings{"12", "5", "0"}), Column(rows, "terminal", "entries_held"));
  EXPECT_EQ((Strings{"", "", ""}), Column(rows, "terminal", "net"));
  EXPECT_EQ((Strings{"55000"}), Column(rows, "total", "net"));
  EXPECT_EQ((Strings{"13750"}), Column(rows, "total", "average_sale"));
  EXPECT_EQ((Strings{"4"}), Column(rows, "total", "transactions"));
}

TEST(ReportCsvTest, QuotesAStallNameWithACommaAndAQuote) {
  const std::string csv = ReportCsv(DayReport());
  EXPECT_NE(std::string::npos, csv.find(R"(,"Bakso ""Pak Kumis"", Solo",)")) << csv;
}

TEST(ReportCsvTest, EventReportReadsBack) {
  const auto rows = ReadCsv(ReportCsv(MakeEventReport()));
  ASSERT_EQ(1u + 3 + 2 + 1 + 2 + 1, rows.size());
  EXPECT_EQ((Strings{"2026-11-20", "2026-11-21", "2026-11-22"}), Column(rows, "day", "key"));
  EXPECT_EQ((Strings{"0", "15000", "40000"}), Column(rows, "day", "net"));
  EXPECT_EQ((Strings{"Semarang"}), Column(rows, "regency", "key"));
  EXPECT_EQ((Strings{kBaksoName, kDawetName}), Column(rows, "stall", "name"));
  EXPECT_EQ((Strings{"20000", "7500"}), Column(rows, "stall", "average_sale"));
  EXPECT_EQ((Strings{"55000"}), Column(rows, "total", "net"));
  EXPECT_EQ((Strings{"2"}), Column(rows, "total", "stalls"));
  EXPECT_EQ((Strings{"1"}), Column(rows, "total", "stalls_late"));
  EXPECT_EQ((Strings{"3"}), Column(rows, "total", "days_not_closed"));
  EXPECT_EQ((Strings{"", ""}), Column(rows, "stall", "stalls"));
}

TEST(ReportCsvTest, PeriodReportReadsBack) {
  const auto rows = ReadCsv(ReportCsv(MakePeriodReport()));
  ASSERT_EQ(4u, rows.size());
  EXPECT_EQ((Strings{"section", "key", "name", "province", "regency", "first_day", "last_day",
                     "stalls", "sales_count", "voids_count", "transactions", "gross", "voids", "net",
                     "cash", "qris", "transfer", "average_sale"}),
            rows[0]);
  EXPECT_EQ((Strings{"event", "expo", "Pasar Malam Semarang", "Jawa Tengah", "Semarang",
                     "2026-11-20", "2026-11-22", "2", "5", "1", "4", "65000", "10000", "55000", "40000",
                     "15000", "0", "13750"}),
            rows[1]);
  EXPECT_EQ((Strings{"55000"}), Column(rows, "regency", "net"));
  EXPECT_EQ((Strings{"55000"}), Column(rows, "total", "net"));
}

TEST(ReportCsvTest, ComparisonReadsBack) {
  const auto rows = ReadCsv(ReportCsv(MakeComparison()));
  const std::vector<Strings> expected = {
      {"section", "key", "previous", "current", "difference", "percent"},
      {"scope", "days_compared", "1", "1", "", ""},
      {"scope", "day_open", "0", "1", "", ""},
      {"total", "net", "44000", "55000", "11000", "25"},
      {"total", "sales_count", "5", "5", "0", "0"},
      {"total", "average_sale", "0", "13750", "13750", ""},
      {"day", "1", "20000", "15000", "-5000", "-25"},
      {"category", "makanan", "0", "40000", "40000", ""}};
  EXPECT_EQ(expected, rows);
}

// Text that a spreadsheet would run as a formula gets a "'" in front (core/csv.h); the
// figures are numbers and keep their minus sign.
TEST(ReportCsvTest, NeutralisesFormulasInTextButNotInFigures) {
  OrganiserDayReport report = DayReport();
  report.stalls[0].stall_id = "+62 812";
  report.stalls[0].name = R"(=HYPERLINK("http://x","klik"))";
  report.stalls[0].category = "-Diskon";
  report.stalls[1].name = "@SUM(A1)";
  report.stalls[1].category = "\tTab";
  std::istringstream csv(ReportCsv(report));
  std::string header, bakso, dawet;
  std::getline(csv, header);
  std::getline(csv, bakso);
  std::getline(csv, dawet);
  EXPECT_EQ(R"csv(stall,'+62 812,"'=HYPERLINK(""http://x"",""klik"")",'-Diskon,)csv"
            "3,1,2,50000,10000,40000,25000,15000,0,20000,differs,-5000,50000,20000,,,,,,,10000,1,-2000",
            bakso);
  EXPECT_EQ("stall,ES-01,'@SUM(A1),'\tTab,2,0,2,15000,0,15000,15000,0,0,7500,agrees,0,0,0,,,,,,,0,0,0", dawet);
}

TEST(ReportCsvTest, ComparisonKeepsNegativeFiguresAsNumbers) {
  Comparison comparison = MakeComparison();
  comparison.categories = {{"-Diskon", NetChange(20000, 15000)}};
  EXPECT_EQ("section,key,previous,current,difference,percent\n"
            "scope,days_compared,1,1,,\n"
            "scope,day_open,0,1,,\n"
            "total,net,44000,55000,11000,25\n"
            "total,sales_count,5,5,0,0\n"
            "total,average_sale,0,13750,13750,\n"
            "day,1,20000,15000,-5000,-25\n"
            "category,'-Diskon,20000,15000,-5000,-25\n",
            ReportCsv(comparison));
}

// The flat table a Satu Data portal takes: Indonesian snake_case names, codes as text (a
// leading zero would survive), counts and rupiah as numbers.
TEST(ReportCsvTest, ProvinceExportIsOneRowPerRegencyCode) {
  const auto rows = ReadCsv(ReportCsv(MakeProvinceExport()));
  const std::vector<Strings> expected = {
      {"kode_provinsi", "nama_provinsi", "kode_kabupaten_kota", "nama_kabupaten_kota", "periode_dari",
       "periode_sampai", "jumlah_acara", "jumlah_lapak", "jumlah_transaksi", "jumlah_pembatalan", "omzet",
       "pembatalan", "penjualan_bersih", "cash", "qris", "transfer", "satuan"},
      {"33", "Jawa Tengah", "3374", "Kota Semarang", "2026-11-01", "2026-11-30", "1", "2", "4", "1", "65000",
       "10000", "55000", "40000", "15000", "0", "rupiah"}};
  EXPECT_EQ(expected, rows);
}

TEST(ReportJsonTest, ProvinceExport) {
  const json expected = Expected(R"({
    "report": "province", "version": 2, "province": "Jawa Tengah", "from": "2026-11-01",
    "to": "2026-11-30", "as_of": "2026-11-22T14:30:00.000Z", "total": {day},
    "regencies": [{"code": "3374", "name": "Kota Semarang", "province_code": "33",
                   "province": "Jawa Tengah", "events": 1, "stalls": 2, "figures": {day}}]})");
  EXPECT_EQ(expected, ReportJson(MakeProvinceExport())) << ReportJson(MakeProvinceExport()).dump(2);
}

TEST(ReportCsvTest, StallReportReadsBack) {
  const auto rows = ReadCsv(ReportCsv(StallReportFixture()));
  ASSERT_EQ(1u + 2 + 1 + 2 + 1, rows.size());
  EXPECT_EQ((Strings{"2026-11-20", "2026-11-21"}), Column(rows, "day", "key"));
  EXPECT_EQ((Strings{"0", "40000"}), Column(rows, "day", "net"));
  EXPECT_EQ((Strings{"not_closed", "agrees"}), Column(rows, "day", "z_state"));
  EXPECT_EQ((Strings{"", "-2000"}), Column(rows, "day", "drawer_over_short"));
  EXPECT_EQ((Strings{"0", "50000"}), Column(rows, "day", "cash_in"));
  EXPECT_EQ((Strings{"expo25", "expo"}), Column(rows, "event", "key"));
  EXPECT_EQ((Strings{"2", "1"}), Column(rows, "event", "days_traded"));
  EXPECT_EQ((Strings{"40000"}), Column(rows, "total", "net"));
}

TEST(ReportJsonTest, StallReportNamesItsDaysAndEvents) {
  const json stall = ReportJson(StallReportFixture());
  EXPECT_EQ("stall", stall["report"]);
  EXPECT_EQ("BKS-07", stall["stall_id"]);
  EXPECT_EQ(json::parse(kBaksoJson), stall["total"]);
  EXPECT_EQ(-2000, stall["days"][1]["drawer_over_short"]);
  EXPECT_TRUE(stall["days"][0]["drawer_over_short"].is_null());
  EXPECT_EQ("agrees", stall["days"][1]["z_state"]);
  EXPECT_EQ("expo25", stall["events"][0]["event"]["id"]);
  EXPECT_EQ(2, stall["events"][0]["days_traded"]);
}

// ---- text ----------------------------------------------------------------------------------

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines under `heading` up to the next blank line.
std::vector<std::string> SectionLines(const std::string& text, const std::string& heading) {
  const std::vector<std::string> lines = Lines(text);
  auto at = std::find(lines.begin(), lines.end(), heading);
  EXPECT_NE(lines.end(), at) << heading << " in\n" << text;
  if (at == lines.end()) return {};
  const auto end = std::find(at + 1, lines.end(), "");
  return {at + 1, end};
}

size_t CodePoints(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

TEST(ReportTableTest, DayReportWarnsFirst) {
  const std::string text = ReportTable(DayReport());
  const std::vector<std::string> lines = Lines(text);
  ASSERT_GE(lines.size(), 4u) << text;
  EXPECT_EQ("Pasar Malam Semarang — laporan harian 2026-11-22 (per 2026-11-22 21:30 WIB)",
            lines[0]);
  EXPECT_EQ("PERINGATAN: 2 terminal belum sinkron: T3 (terakhir 14:02), T9 (belum pernah)",
            lines[1]);
  EXPECT_EQ("PERINGATAN: 1 lapak Z selisih: BKS-07 (-Rp5.000)", lines[2]);
  EXPECT_EQ("", lines[3]);
}

TEST(ReportTableTest, DayReportShowsFormattedMoney) {
  const std::string text = ReportTable(DayReport());
  const std::vector<std::string> stalls = SectionLines(text, "Per lapak (by stall)");
  ASSERT_EQ(7u, stalls.size()) << text;  // headings, glosses, rule, 2 stalls, rule, total
  EXPECT_NE(std::string::npos, stalls[0].find("Bersih")) << text;
  EXPECT_NE(std::string::npos, stalls[1].find("(net)")) << text;
  EXPECT_NE(std::string::npos, stalls[3].find("Rp40.000")) << text;
  EXPECT_NE(std::string::npos, stalls[3].find("Rp20.000")) << text;  // the average
  EXPECT_NE(std::string::npos, stalls[3].find("selisih -Rp5.000")) << text;
  EXPECT_NE(std::string::npos, stalls[3].find("Rp10.000 (1)")) << text;  // QRIS through the code shown
  EXPECT_NE(std::string::npos, stalls[4].find("cocok")) << text;
  EXPECT_EQ(0u, stalls[6].find("TOTAL")) << text;
  EXPECT_NE(std::string::npos, stalls[6].find("Rp55.000")) << text;
  EXPECT_NE(std::string::npos, stalls[6].find("Rp13.750")) << text;
}

TEST(ReportTableTest, DayReportLeavesOutHoursWithoutSales) {
  const std::vector<std::string> hour_lines =
      SectionLines(ReportTable(DayReport()), "Per jam (by hour)");
  ASSERT_EQ(4u, hour_lines.size());
  EXPECT_EQ(0u, hour_lines[3].find("19:00"));
}

TEST(ReportTableTest, DayReportListsTerminalsInLocalTime) {
  const std::vector<std::string> terminals =
      SectionLines(ReportTable(DayReport()), "Terminal (terminals)");
  ASSERT_EQ(6u, terminals.size());
  EXPECT_NE(std::string::npos, terminals[3].find("21:25"));
  EXPECT_NE(std::string::npos, terminals[3].find("lancar"));
  EXPECT_NE(std::string::npos, terminals[4].find("14:02"));
  EXPECT_NE(std::string::npos, terminals[4].find("TERLAMBAT"));
  EXPECT_NE(std::string::npos, terminals[5].find("belum pernah"));
}

TEST(ReportTableTest, ShowsAnEarlierDayWithItsDate) {
  OrganiserDayReport report = DayReport();
  report.terminals[1].last_sync_at = Wib(21, hours(23) + minutes(50));
  EXPECT_NE(std::string::npos,
            ReportTable(report).find("T3 (terakhir 2026-11-21 23:50), T9 (belum pernah)"));
}

TEST(ReportTableTest, ColumnsLineUpWithNonAsciiNames) {
  std::vector<std::string> top =
      SectionLines(ReportTable(MakeEventReport()), "Lapak teratas (top stalls)");
  ASSERT_EQ(5u, top.size());
  top.erase(top.begin() + 1);  // the glosses, whose line ends early (QRIS, Transfer have none)
  for (const std::string& line : top) EXPECT_EQ(CodePoints(top[0]), CodePoints(line)) << line;
  EXPECT_NE(std::string::npos, top[3].find(kDawetName));
}

TEST(ReportTableTest, EventReportWarnsFirst) {
  const std::vector<std::string> lines = Lines(ReportTable(MakeEventReport()));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(0u, lines[0].find("Pasar Malam Semarang (Semarang, Jawa Tengah) — laporan acara "
                              "2026-11-20 s.d. 2026-11-22"));
  EXPECT_EQ("PERINGATAN: 1 lapak dengan terminal belum sinkron lebih dari 15 menit: ES-01 " + std::string(kDawetName), lines[1]);
  EXPECT_EQ("PERINGATAN: 3 hari lapak ada penjualan tetapi belum tutup (Z): BKS-07 " + std::string(kBaksoName) +
                " (2026-11-20), BKS-07 " + kBaksoName + " (2026-11-21), ES-01 " + kDawetName + " (2026-11-21)", lines[2]);
}

TEST(ReportTableTest, PeriodReportTotals) {
  const std::vector<std::string> events =
      SectionLines(ReportTable(MakePeriodReport()), "Per acara (by event)");
  ASSERT_EQ(6u, events.size());
  EXPECT_NE(std::string::npos, events[3].find("2026-11-20 s.d. 2026-11-22"));
  EXPECT_EQ(0u, events[5].find("TOTAL"));
  EXPECT_NE(std::string::npos, events[5].find("Rp55.000"));
}

TEST(ReportTableTest, ComparisonShowsSignedChanges) {
  const std::string text = ReportTable(MakeComparison());
  const std::vector<std::string> summary = SectionLines(text, "Ringkasan (summary)");
  ASSERT_EQ(6u, summary.size()) << text;
  EXPECT_EQ(0u, summary[3].find("Bersih (net)")) << text;
  for (const char* cell : {"Rp44.000", "Rp55.000", "+Rp11.000", "+25,0%"}) {
    EXPECT_NE(std::string::npos, summary[3].find(cell)) << cell << " in\n" << text;
  }
  EXPECT_NE(std::string::npos, summary[4].find(" 0,0%")) << text;  // no sign on no change
  EXPECT_NE(std::string::npos, summary[5].find("baru")) << text;
  const std::vector<std::string> days = SectionLines(text, "Per hari, bersih (net by day)");
  ASSERT_EQ(4u, days.size()) << text;
  EXPECT_NE(std::string::npos, days[3].find("-Rp5.000")) << text;
  EXPECT_NE(std::string::npos, days[3].find("-25,0%")) << text;
}

TEST(ReportTableTest, ComparisonSaysWhichDaysItComparesAndWhichIsOpen) {
  const std::vector<std::string> lines = Lines(ReportTable(MakeComparison()));
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ("Dibandingkan 1 hari pertama tiap acara (Pasar Malam Semarang: 3 hari; Pasar Malam "
            "Semarang 2025: 3 hari). Penjualan di luar tanggal acara tidak dihitung. Hari ke-1 "
            "Pasar Malam Semarang masih berjalan: angkanya belum final.",
            lines[1]);
  Comparison not_begun = MakeComparison();
  not_begun.days_compared = 0;
  not_begun.current_day_open = false;
  EXPECT_EQ("Belum ada hari untuk dibandingkan: salah satu acara belum dimulai.",
            Lines(ReportTable(not_begun)).at(1));
}

// Ratios to hundredths at most: a third is 33.33, not 33.333333333333336.
TEST(ReportCsvTest, PercentsHaveAtMostTwoDecimals) {
  Comparison comparison = MakeComparison();
  comparison.net = NetChange(30000, 40000);
  comparison.days = {{"1", NetChange(30000, 20000)}};
  const auto rows = ReadCsv(ReportCsv(comparison));
  EXPECT_EQ("33.33", Column(rows, "total", "percent").at(0));  // net
  EXPECT_EQ((Strings{"-33.33"}), Column(rows, "day", "percent"));
}

// ---- xlsx ----------------------------------------------------------------------------------

constexpr char kRupiahFormat[] = "\"Rp\"#,##0;-\"Rp\"#,##0";

json Number(double value, const std::string& format) { return {{"number", value}, {"format", format}}; }
json Text(const std::string& text) { return {{"text", text}}; }

// A spreadsheet's date serial (days since 1899-12-30) of a local date and time.
double Serial(int year, unsigned month, unsigned day, int hour = 0, int minute = 0) {
  using namespace std::chrono;
  const sys_days date{std::chrono::year{year} / month / day};
  const sys_days epoch{std::chrono::year{1899} / 12 / 30};
  return static_cast<double>((date - epoch).count()) + (hour * 60 + minute) / 1440.0;
}

json Workbook(const Result<std::string>& bytes) {
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? testing::ReadXlsx(*bytes) : json::object();
}

TEST(ReportXlsxTest, DayReportHasASheetPerTableWithRupiahAsFormattedNumbers) {
  const json book = Workbook(ReportXlsx(DayReport(), Language::kIndonesian));
  EXPECT_EQ((Strings{"Ringkasan", "Lapak", "Per jam", "Per kategori", "Terminal"}),
            testing::XlsxSheetNames(book));
  const json& stalls = testing::XlsxSheet(book, "Lapak");
  EXPECT_EQ(1, stalls["frozen_rows"]);
  EXPECT_EQ(3u, stalls["rows"].size());  // the header and two stalls
  EXPECT_EQ(Text(kBaksoName), testing::XlsxCell(stalls, "BKS-07", "Nama"));
  EXPECT_EQ(Number(40000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "Bersih"));
  EXPECT_EQ(Number(2, "#,##0"), testing::XlsxCell(stalls, "BKS-07", "Transaksi sah"));
  EXPECT_EQ(Number(1, "#,##0"), testing::XlsxCell(stalls, "BKS-07", "Transaksi dibatalkan"));
  EXPECT_EQ(Number(15000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "QRIS"));
  EXPECT_EQ(Number(10000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "QRIS dengan kode"));
  EXPECT_EQ(Text("Terminal dan ledger selisih"), testing::XlsxCell(stalls, "BKS-07", "Tutup hari (Z)"));
  EXPECT_EQ(Number(-5000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "Selisih Z (terminal − ledger)"));
  EXPECT_EQ(Number(-2000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "Laci lebih (+) / kurang (−)"));
  EXPECT_EQ(Number(50000, kRupiahFormat), testing::XlsxCell(stalls, "BKS-07", "Kas masuk"));
  EXPECT_EQ(Text("Terminal dan ledger cocok"), testing::XlsxCell(stalls, "ES-01", "Tutup hari (Z)"));
  EXPECT_TRUE(testing::XlsxCell(stalls, "ES-01", "Selisih Z (terminal − ledger)").is_null());
  EXPECT_EQ(Number(0, kRupiahFormat), testing::XlsxCell(stalls, "ES-01", "Laci lebih (+) / kurang (−)"));

  // Hours without sales are left out, as in the text table.
  EXPECT_EQ(2u, testing::XlsxSheet(book, "Per jam")["rows"].size());
  // Times are date-times in the event's zone, named in the heading.
  const json& terminals = testing::XlsxSheet(book, "Terminal");
  const json last_sync = testing::XlsxCell(terminals, "T1", "Sinkron terakhir (WIB)");
  ASSERT_TRUE(last_sync.is_object()) << terminals.dump();
  EXPECT_EQ("d mmm yyyy hh:mm", last_sync["format"]);
  EXPECT_NEAR(Serial(2026, 11, 22, 21, 25), last_sync["number"].get<double>(), 1e-6);
  EXPECT_TRUE(testing::XlsxCell(terminals, "T9", "Sinkron terakhir (WIB)").is_null());
  EXPECT_EQ(Text("Terlambat"), testing::XlsxCell(terminals, "T3", "Keadaan"));

  const json& summary = testing::XlsxSheet(book, "Ringkasan");
  EXPECT_EQ(Number(Serial(2026, 11, 22), "d mmm yyyy"), summary["rows"][0][1]);
  EXPECT_EQ(Text("Pasar Malam Semarang"), summary["rows"][1][1]);
}

// No temporary folder to write in: an error to answer (503 on the API), never a crash.
TEST(ReportXlsxTest, WithoutATemporaryFolderTheWorkbookFailsCleanly) {
  const char* before = std::getenv("TMPDIR");
  const std::string kept = before ? before : "";
  setenv("TMPDIR", "/nonexistent/lapak", 1);
  const Result<std::string> workbook = ReportXlsx(DayReport(), Language::kIndonesian);
  if (before) setenv("TMPDIR", kept.c_str(), 1); else unsetenv("TMPDIR");
  ASSERT_FALSE(workbook.ok());
  EXPECT_EQ(StatusCode::kIoError, workbook.status().code());
}

TEST(ReportXlsxTest, TextThatLooksLikeAFormulaStaysText) {
  OrganiserDayReport report = DayReport();
  report.stalls[0].name = R"(=HYPERLINK("http://x","klik"))";
  report.stalls[1].name = "@SUM(A1)";
  const json book = Workbook(ReportXlsx(report, Language::kIndonesian));
  const json& stalls = testing::XlsxSheet(book, "Lapak");
  EXPECT_EQ(Text(R"(=HYPERLINK("http://x","klik"))"), testing::XlsxCell(stalls, "BKS-07", "Nama"));
  EXPECT_EQ(Text("@SUM(A1)"), testing::XlsxCell(stalls, "ES-01", "Nama"));
}

TEST(ReportXlsxTest, EnglishOnRequest) {
  const json book = Workbook(ReportXlsx(DayReport(), Language::kEnglish));
  EXPECT_EQ((Strings{"Summary", "Stalls", "By hour", "By category", "Terminals"}), testing::XlsxSheetNames(book));
  EXPECT_EQ(Number(40000, kRupiahFormat), testing::XlsxCell(testing::XlsxSheet(book, "Stalls"), "BKS-07", "Net"));
}

TEST(ReportXlsxTest, EventReportDaysAreDates) {
  const json book = Workbook(ReportXlsx(MakeEventReport(), Language::kIndonesian));
  EXPECT_EQ((Strings{"Ringkasan", "Per hari", "Per kategori", "Per kab-kota asal", "Lapak teratas",
                     "Terlambat", "Belum tutup"}),
            testing::XlsxSheetNames(book));
  const json& days = testing::XlsxSheet(book, "Per hari");
  ASSERT_EQ(4u, days["rows"].size());
  EXPECT_EQ(Number(Serial(2026, 11, 21), "d mmm yyyy"), days["rows"][2][0]);
  EXPECT_EQ(Number(15000, kRupiahFormat), days["rows"][2][5]);  // Bersih
  EXPECT_EQ(Text(kDawetName), testing::XlsxCell(testing::XlsxSheet(book, "Terlambat"), "ES-01", "Nama"));
  EXPECT_EQ(4u, testing::XlsxSheet(book, "Belum tutup")["rows"].size());
}

TEST(ReportXlsxTest, ProvinceExportKeepsCodesAsText) {
  const json book = Workbook(ReportXlsx(MakeProvinceExport(), Language::kIndonesian));
  EXPECT_EQ((Strings{"Ringkasan", "Per kode wilayah"}), testing::XlsxSheetNames(book));
  const json& regencies = testing::XlsxSheet(book, "Per kode wilayah");
  EXPECT_EQ(Text("33"), regencies["rows"][1][0]);
  EXPECT_EQ(Text("3374"), regencies["rows"][1][2]);
  EXPECT_EQ(Text("Kota Semarang"), regencies["rows"][1][3]);
  EXPECT_EQ(Number(55000, kRupiahFormat), testing::XlsxCell(regencies, "33", "Bersih"));
}

TEST(ReportXlsxTest, StallReportHasItsDaysAndItsEvents) {
  const json book = Workbook(ReportXlsx(StallReportFixture(), Language::kIndonesian));
  EXPECT_EQ((Strings{"Ringkasan", "Per hari", "Per jam", "Dari acara ke acara"}), testing::XlsxSheetNames(book));
  const json& days = testing::XlsxSheet(book, "Per hari");
  ASSERT_EQ(3u, days["rows"].size());
  EXPECT_EQ(Number(Serial(2026, 11, 21), "d mmm yyyy"), days["rows"][2][0]);
  EXPECT_EQ(Number(40000, kRupiahFormat), days["rows"][2][5]);
  EXPECT_EQ(Text("Tidak ada penjualan"), days["rows"][1][10]);
  EXPECT_EQ(Text("Terminal dan ledger cocok"), days["rows"][2][10]);
  EXPECT_EQ(Number(-2000, kRupiahFormat), days["rows"][2][12]);
  const json& events = testing::XlsxSheet(book, "Dari acara ke acara");
  EXPECT_EQ(Number(2, "#,##0"), testing::XlsxCell(events, "expo25", "Hari berjualan"));
  EXPECT_EQ(Number(15000, kRupiahFormat), testing::XlsxCell(events, "expo25", "Bersih"));
}

TEST(ReportXlsxTest, ComparisonPercentsAreHundredthsOfAPercent) {
  Comparison comparison = MakeComparison();
  comparison.categories = {{"makanan", NetChange(30000, 40000)}};
  const json book = Workbook(ReportXlsx(comparison, Language::kIndonesian));
  const json& summary = testing::XlsxSheet(book, "Ringkasan");
  EXPECT_EQ(Number(0.25, "0.00%"), testing::XlsxCell(summary, "Penjualan bersih", "Perubahan"));
  EXPECT_TRUE(testing::XlsxCell(summary, "Rata-rata transaksi", "Perubahan").is_null());  // against 0
  EXPECT_EQ(Number(0.3333, "0.00%"),
            testing::XlsxCell(testing::XlsxSheet(book, "Per kategori"), "makanan", "Perubahan"));
  const json& days = testing::XlsxSheet(book, "Per hari");
  EXPECT_EQ(Number(1, "#,##0"), days["rows"][1][0]);
  EXPECT_EQ(Number(-0.25, "0.00%"), days["rows"][1][4]);
  bool caveat = false;
  for (const json& row : summary["rows"]) {
    caveat = caveat || (!row.empty() && row[0].is_object() &&
                        row[0].value("text", "").starts_with("Dibandingkan 1 hari pertama tiap acara"));
  }
  EXPECT_TRUE(caveat) << summary.dump();
}

}  // namespace
}  // namespace lapak::ledger
