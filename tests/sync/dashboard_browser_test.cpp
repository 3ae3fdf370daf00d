// The ledger's dashboard and report API as a reader meets them: a real `lapak-ledger`
// serving a ledger filled with a stall's real journal, read over HTTP with tokens and in
// Debian's headless Chromium at phone and laptop sizes.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "core/money.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/web/dashboard_text.h"
#include "tests/support/chromium.h"
#include "tests/support/process.h"
#include "tests/support/xlsx_cells.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::testing {
namespace {

using nlohmann::json;

constexpr char kEvent[] = "bazar-smg-2026";
constexpr char kPreviousEvent[] = "bazar-smg-2025";
constexpr char kOtherProvinceEvent[] = "pasar-bali-2026";
constexpr char kLedgerNow[] = "2026-11-22T12:12:00Z";
constexpr char kDay[] = "2026-11-22";

struct Size {
  int width;
  int height;
};
constexpr Size kPhone{390, 844};
constexpr Size kLaptop{1366, 900};

// Applies every entry of `stall`'s journal to the ledger as terminal `terminal_id` of `stall_id`.
void Deliver(ledger::LedgerStore& books, StallFixture& stall, const std::string& stall_id,
             const std::string& terminal_id) {
  Result<ledger::ApplyOutcome> applied =
      books.ApplyBatch({stall_id, terminal_id}, stall.Entries(), stall.clock().Now());
  if (!applied.ok() || applied->result != ledger::ApplyResult::kApplied) {
    throw std::runtime_error("could not deliver " + terminal_id + "'s journal");
  }
}

class DashboardTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shared_ = new Shared(); }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }

  // One ledger for the whole suite: a Semarang bazaar with two stalls that sold today (one
  // with a void), last year's bazaar to compare with, and a Bali event another province's
  // token must never see.
  struct Shared {
    Shared() : where(NewLedgerLocation(dir)) {
      {
        auto books = std::move(ledger::LedgerStore::Open(where, true)).value();
        Check(books->AddEvent({kEvent, "Bazar UMKM Semarang 2026", "Jawa Tengah", "Kota Semarang",
                               "Asia/Jakarta", "2026-11-20", "2026-11-22"}));
        Check(books->AddEvent({kPreviousEvent, "Bazar UMKM Semarang 2025", "Jawa Tengah",
                               "Kota Semarang", "Asia/Jakarta", "2025-11-21", "2025-11-23"}));
        Check(books->AddEvent({kOtherProvinceEvent, "Pasar Seni Bali", "Bali", "Kota Denpasar",
                               "Asia/Makassar", "2026-11-20", "2026-11-22"}));
        Check(books->AddStall({"BKS-07", kEvent, "Bakso Pak Kumis", "makanan"}));
        Check(books->AddStall({"BTK-02", kEvent, "Batik Laweyan", "busana", "Kota Surakarta"}));
        Check(books->AddStall({"KRP-03", kEvent, "Kerupuk Bu Ani", "makanan"}));  // its terminal never syncs
        Check(books->AddStall({"BKS-07", kPreviousEvent, "", ""}));  // the same stall, last year
        Check(books->AddStall({"UKR-01", kOtherProvinceEvent, "Ukiran Ubud", "kerajinan"}));
        struct Enrolment {
          const char* stall;
          const char* terminal;
          const char* event;
        };
        for (const Enrolment& e : {Enrolment{"BKS-07", "T-BKS", kEvent}, Enrolment{"BTK-02", "T-BTK", kEvent},
                                   Enrolment{"KRP-03", "T-KRP", kEvent}, Enrolment{"BKS-07", "T-OLD", kPreviousEvent},
                                   Enrolment{"UKR-01", "T-BALI", kOtherProvinceEvent}}) {
          Check(books->EnrolTerminal({e.stall, e.terminal}, StallFixture::DefaultStart(), e.event).status());
        }
        StallFixture bakso(dir.File("bakso.db"), "BKS-07", "T-BKS");
        bakso.Sell(25000, {Cash(50000)});
        bakso.Sell(18000, {Qris(18000)});
        const Receipt wrong = bakso.Sell(7000, {Transfer(7000)});
        bakso.Void(wrong.receipt);
        bakso_net = bakso.Figures(kDay).net.rupiah();
        Deliver(*books, bakso, "BKS-07", "T-BKS");

        StallFixture batik(dir.File("batik.db"), "BTK-02", "T-BTK");
        batik.Sell(350000, {Transfer(350000)});
        batik_net = batik.Figures(kDay).net.rupiah();
        Deliver(*books, batik, "BTK-02", "T-BTK");

        StallFixture last_year(dir.File("old.db"), "BKS-07", "T-OLD",
                               StallFixture::DefaultStart() - std::chrono::days(365));
        last_year.SellCash(4, 20000);
        Deliver(*books, last_year, "BKS-07", "T-OLD");
      }
      organiser = Token({"Panitia Semarang", "--role", "organiser", "--event", kEvent});
      province = Token({"Dinas Koperasi Jateng", "--role", "province", "--province", "Jawa Tengah"});
      bali_province = Token({"Dinas Koperasi Bali", "--role", "province", "--province", "Bali"});
      // The ledger's clock: 19:12 WIB on the bazaar's last day, 8 and 11 minutes after the two
      // stalls synced (a test build of lapak-ledger reads $LAPAK_NOW).
      setenv("LAPAK_NOW", kLedgerNow, 1);
      ledger = std::make_unique<LedgerProcess>(where);
    }

    static void Check(const Status& status) {
      if (!status.ok()) throw std::runtime_error(status.ToString());
    }
    std::string Token(std::vector<std::string> args) {
      args.insert(args.begin(), {"--json", "token", "add"});
      return json::parse(LedgerAdmin(where, args))["token"];
    }

    TempDir dir;
    ledger::sql::Location where;
    int64_t bakso_net = 0;
    int64_t batik_net = 0;
    std::string organiser, province, bali_province;
    std::unique_ptr<LedgerProcess> ledger;
  };

  static httplib::Result Get(const std::string& path, const std::string& token) {
    httplib::Client client("127.0.0.1", shared_->ledger->port());
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Get(path.c_str(), headers);
  }
  static std::string Url(const std::string& path) { return shared_->ledger->url() + path; }

  // A form posted as the browser posts it from one of the ledger's pages (or, with `origin`,
  // from another site's).
  static httplib::Result PostForm(httplib::Client& client, const std::string& path, const std::string& form,
                                  std::string origin = "") {
    if (origin.empty()) origin = "http://127.0.0.1:" + std::to_string(shared_->ledger->port());
    return client.Post(path.c_str(), httplib::Headers{{"Origin", origin}}, form,
                       "application/x-www-form-urlencoded");
  }

  // Opens `url` in Chromium at both sizes: each screenshot is the window's size and drawn
  // (not one flat colour); returns the DOM at phone size.
  static std::string OpenAtBothSizes(const std::string& url, const std::string& name) {
    for (const Size& size : {kPhone, kLaptop}) {
      const std::string png = shared_->dir.File(name + "-" + std::to_string(size.width) + ".png");
      const Status shot = ChromiumScreenshot(url, png, size.width, size.height);
      EXPECT_TRUE(shot.ok()) << shot.ToString();
      Result<PngStats> stats = ReadPngStats(png);
      EXPECT_TRUE(stats.ok()) << stats.status().ToString();
      if (!stats.ok()) continue;
      EXPECT_EQ(size.width, stats->width) << png;
      EXPECT_EQ(size.height, stats->height) << png;
      EXPECT_GE(stats->colours, 8) << png;
      EXPECT_GE(stats->not_background, 0.02) << png;
    }
    Result<std::string> dom = ChromiumDumpDom(url, kPhone.width, kPhone.height);
    EXPECT_TRUE(dom.ok()) << dom.status().ToString();
    return dom.ok() ? *dom : "";
  }

  void SetUp() override { ASSERT_TRUE(ChromiumAvailable()) << "install Debian's chromium (scripts/install-deps)"; }

  static Shared* shared_;
};

DashboardTest::Shared* DashboardTest::shared_ = nullptr;

TEST_F(DashboardTest, OrganiserOpensTheDayWithTheirTokenInChromium) {
  const std::string dom = OpenAtBothSizes(
      Url(std::string("/dashboard/event/") + kEvent + "/day/" + kDay + "?token=" + shared_->organiser),
      "organiser-day");
  EXPECT_NE(std::string::npos, dom.find("Bakso Pak Kumis"));
  EXPECT_NE(std::string::npos, dom.find("Batik Laweyan"));
  EXPECT_NE(std::string::npos, dom.find(FormatMoney(Money::Rupiah(shared_->bakso_net))));
  EXPECT_NE(std::string::npos, dom.find(FormatMoney(Money::Rupiah(shared_->bakso_net + shared_->batik_net))));
  EXPECT_EQ(std::string::npos, dom.find("name=\"token\"")) << "the login form instead of the day";
}

TEST_F(DashboardTest, ProvinceOpensTheEventAgainstLastYearInChromium) {
  const std::string dom = OpenAtBothSizes(
      Url(std::string("/dashboard/event/") + kEvent + "?compare=" + kPreviousEvent + "&token=" +
          shared_->province),
      "province-event");
  EXPECT_NE(std::string::npos, dom.find("Bazar UMKM Semarang 2026"));
  EXPECT_NE(std::string::npos, dom.find("Kota Surakarta")) << "the regency of a stall from elsewhere";
  EXPECT_NE(std::string::npos, dom.find(FormatMoney(Money::Rupiah(shared_->bakso_net + shared_->batik_net))));
  EXPECT_NE(std::string::npos, dom.find("Bazar UMKM Semarang 2025")) << "the comparison";
}

TEST_F(DashboardTest, AWrongTokenGetsTheLoginPageAndNoFigures) {
  const std::string wrong = "lapak_00000000_" + std::string(64, '0');
  Result<std::string> dom = ChromiumDumpDom(
      Url(std::string("/dashboard/event/") + kEvent + "/day/" + kDay + "?token=" + wrong),
      kPhone.width, kPhone.height);
  ASSERT_TRUE(dom.ok()) << dom.status().ToString();
  EXPECT_NE(std::string::npos, dom->find("name=\"token\""));
  EXPECT_EQ(std::string::npos, dom->find("Bakso Pak Kumis"));
  EXPECT_EQ(std::string::npos, dom->find(FormatMoney(Money::Rupiah(shared_->bakso_net))));
}

TEST_F(DashboardTest, ApiRefusesMissingWrongAndTerminalCredentialsAlike) {
  const std::string path = std::string("/v1/reports/day?event=") + kEvent + "&day=" + kDay;
  httplib::Result none = Get(path, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(401, none->status);
  const std::string fake_key(64, 'a');  // a terminal key is 64 hex digits, not a token
  for (const std::string& token : {std::string("lapak_0000000_x"), fake_key,
                                   "lapak_00000000_" + std::string(64, '0')}) {
    httplib::Result refused = Get(path, token);
    ASSERT_TRUE(refused);
    EXPECT_EQ(401, refused->status) << token;
    EXPECT_EQ(none->body, refused->body) << token;
  }
}

TEST_F(DashboardTest, AnEventNotYoursIsAnsweredAsOneThatDoesNotExist) {
  httplib::Result missing = Get("/v1/reports/event?event=no-such-event", shared_->organiser);
  httplib::Result not_yours = Get(std::string("/v1/reports/event?event=") + kPreviousEvent, shared_->organiser);
  httplib::Result other_province =
      Get(std::string("/v1/reports/event?event=") + kOtherProvinceEvent, shared_->province);
  ASSERT_TRUE(missing && not_yours && other_province);
  EXPECT_EQ(404, missing->status);
  EXPECT_EQ(404, not_yours->status);
  EXPECT_EQ(404, other_province->status);
  EXPECT_EQ(missing->body, not_yours->body);
  EXPECT_EQ(missing->body, other_province->body);
}

// A refused page says why in its own language (core/refusal.h): Bahasa Indonesia, or English
// with lang=en; the API says it in English with the refusal's code.
TEST_F(DashboardTest, ARefusedPageSaysWhyInItsLanguage) {
  const std::string not_yours = std::string("/dashboard/event/") + kPreviousEvent;
  httplib::Result id = Get(not_yours, shared_->organiser);
  httplib::Result en = Get(not_yours + "?lang=en", shared_->organiser);
  ASSERT_TRUE(id && en);
  EXPECT_EQ(404, id->status);
  EXPECT_EQ(404, en->status);
  EXPECT_NE(std::string::npos, id->body.find("<p>Acara ini tidak ditemukan untuk token akses ini</p>"))
      << id->body;
  EXPECT_NE(std::string::npos, en->body.find("<p>No such event for this token</p>")) << en->body;
  EXPECT_NE(std::string::npos, en->body.find("<html lang=\"en\">"));

  const std::string bad_day = std::string("/dashboard/event/") + kEvent + "/day/22-11-2026";
  httplib::Result id_day = Get(bad_day, shared_->organiser);
  httplib::Result en_day = Get(bad_day + "?lang=en", shared_->organiser);
  ASSERT_TRUE(id_day && en_day);
  EXPECT_EQ(400, id_day->status);
  EXPECT_EQ(400, en_day->status);
  EXPECT_NE(
      std::string::npos,
      id_day->body.find("<p>Hari laporan harus tanggal YYYY-MM-DD, bukan &#39;22-11-2026&#39;</p>"))
      << id_day->body;
  EXPECT_NE(std::string::npos,
            en_day->body.find(
                "<p>The day must be a date written YYYY-MM-DD, not &#39;22-11-2026&#39;</p>"))
      << en_day->body;

  httplib::Result api =
      Get(std::string("/v1/reports/day?event=") + kEvent + "&day=22-11-2026", shared_->organiser);
  ASSERT_TRUE(api);
  EXPECT_EQ(400, api->status);
  const json body = json::parse(api->body);
  EXPECT_EQ("the day must be a date written YYYY-MM-DD, not '22-11-2026'", body["error"]);
  EXPECT_EQ("NotAReportDate", body["reason"]["refusal"]);

  httplib::Client client("127.0.0.1", shared_->ledger->port());
  httplib::Result login_en =
      PostForm(client, "/masuk?lang=en", "token=lapak_nope");
  ASSERT_TRUE(login_en);
  EXPECT_EQ(401, login_en->status);
  EXPECT_NE(std::string::npos,
            login_en->body.find("role=\"alert\">A valid access token is required<"));
  httplib::Result login_id =
      PostForm(client, "/masuk", "token=lapak_nope");
  ASSERT_TRUE(login_id);
  EXPECT_NE(std::string::npos, login_id->body.find("role=\"alert\">Perlu token akses yang sah<"));
}

TEST_F(DashboardTest, EachReaderListsOnlyTheEventsTheirRoleReads) {
  const auto listed = [](const std::string& token) {
    httplib::Result answer = Get("/v1/events", token);
    EXPECT_TRUE(answer && answer->status == 200);
    std::vector<std::string> ids;
    if (answer) {
      const json body = json::parse(answer->body);
      for (const json& event : body["events"]) ids.push_back(event["id"]);
    }
    return ids;
  };
  EXPECT_EQ(std::vector<std::string>{kEvent}, listed(shared_->organiser));
  EXPECT_EQ((std::vector<std::string>{kPreviousEvent, kEvent}), listed(shared_->province));
  EXPECT_EQ(std::vector<std::string>{kOtherProvinceEvent}, listed(shared_->bali_province));
}

TEST_F(DashboardTest, DayReportDownloadsAsCsvAndAWorkbookAndReadsAsJson) {
  const std::string path = std::string("/v1/reports/day?event=") + kEvent + "&day=" + kDay;
  httplib::Result report = Get(path, shared_->organiser);
  ASSERT_TRUE(report);
  ASSERT_EQ(200, report->status) << report->body;
  const json day = json::parse(report->body);
  EXPECT_EQ(shared_->bakso_net + shared_->batik_net, day["total"]["net"]);
  httplib::Result csv = Get(path + "&format=csv", shared_->organiser);
  ASSERT_TRUE(csv);
  EXPECT_EQ(200, csv->status);
  EXPECT_EQ("text/csv; charset=utf-8", csv->get_header_value("Content-Type"));
  EXPECT_NE(std::string::npos, csv->get_header_value("Content-Disposition").find("attachment"));
  EXPECT_NE(std::string::npos,
            csv->body.find("stall,BKS-07,Bakso Pak Kumis,makanan"));
  httplib::Result xlsx = Get(path + "&format=xlsx&lang=en", shared_->organiser);
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(200, xlsx->status) << xlsx->body;
  EXPECT_EQ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx->get_header_value("Content-Type"));
  EXPECT_EQ(fmt::format("attachment; filename=\"lapak-{}-{}.xlsx\"", kEvent, kDay),
            xlsx->get_header_value("Content-Disposition"));
  const json book = ReadXlsx(xlsx->body);
  EXPECT_EQ(json({{"number", shared_->bakso_net}, {"format", "\"Rp\"#,##0;-\"Rp\"#,##0"}}),
            XlsxCell(XlsxSheet(book, "Stalls"), "BKS-07", "Net"));
}

// Bakso Pak Kumis came last year too, under the same id: its page follows it event by event,
// as far as the reader may see; a stall not at the event has no page there.
TEST_F(DashboardTest, AStallPageFollowsTheStallYearOnYearAsFarAsTheReaderMaySee) {
  const std::string path = std::string("/dashboard/event/") + kEvent + "/stall/BKS-07";
  httplib::Result province = Get(path, shared_->province);
  ASSERT_TRUE(province);
  ASSERT_EQ(200, province->status) << province->body;
  EXPECT_NE(std::string::npos, province->body.find(FormatMoney(Money::Rupiah(shared_->bakso_net))));
  EXPECT_NE(std::string::npos, province->body.find("Bazar UMKM Semarang 2025"));
  EXPECT_NE(std::string::npos,
            province->body.find(std::string("href=\"/dashboard/event/") + kPreviousEvent + "/stall/BKS-07\""));

  httplib::Result organiser = Get(path, shared_->organiser);
  ASSERT_TRUE(organiser);
  ASSERT_EQ(200, organiser->status);
  EXPECT_EQ(std::string::npos, organiser->body.find("Bazar UMKM Semarang 2025")) << "not the organiser's event";
  httplib::Result last_year =
      Get(std::string("/dashboard/event/") + kPreviousEvent + "/stall/BKS-07", shared_->organiser);
  ASSERT_TRUE(last_year);
  EXPECT_EQ(404, last_year->status);
  // The same as JSON (and a workbook, linked from the page), as far as each reader may see.
  const std::string api = std::string("/v1/reports/stall?event=") + kEvent + "&stall=BKS-07";
  EXPECT_NE(std::string::npos, province->body.find(ledger::HtmlEscape(api + "&format=xlsx")));
  httplib::Result province_json = Get(api, shared_->province);
  ASSERT_TRUE(province_json);
  ASSERT_EQ(200, province_json->status) << province_json->body;
  const json stall = json::parse(province_json->body);
  ASSERT_EQ(2u, stall["events"].size());
  EXPECT_EQ(kPreviousEvent, stall["events"][0]["event"]["id"]);
  EXPECT_EQ(shared_->bakso_net, stall["events"][1]["figures"]["net"]);
  httplib::Result organiser_json = Get(api, shared_->organiser);
  ASSERT_TRUE(organiser_json);
  EXPECT_EQ(1u, json::parse(organiser_json->body)["events"].size());

  httplib::Result not_there = Get(std::string("/dashboard/event/") + kEvent + "/stall/UKR-01", shared_->province);
  ASSERT_TRUE(not_there);
  EXPECT_EQ(404, not_there->status);
  EXPECT_EQ(std::string::npos, not_there->body.find("Ukiran")) << not_there->body;
}

// The province export: refused with 409, naming the regency, until its code is recorded;
// then one row per regency code, as a Satu Data portal takes it; the period page links it.
TEST_F(DashboardTest, TheProvinceExportWaitsForRegencyCodesThenKeysRowsByThem) {
  const std::string path = "/v1/reports/province?from=2025-11-01&to=2026-11-30&format=csv";
  httplib::Result before = Get(path, shared_->province);
  ASSERT_TRUE(before);
  EXPECT_EQ(409, before->status) << before->body;
  const json refused = json::parse(before->body);
  EXPECT_EQ("RegencyCodesMissing", refused["reason"].value("refusal", "")) << before->body;
  EXPECT_NE(std::string::npos, before->body.find("Kota Semarang"));
  EXPECT_EQ(std::string::npos, before->body.find("Denpasar")) << "another province's regency is not named";

  LedgerAdmin(shared_->where, {"regency", "set", "Kota Semarang", "3374", "--province", "Jawa Tengah"});
  httplib::Result csv = Get(path, shared_->province);
  ASSERT_TRUE(csv);
  ASSERT_EQ(200, csv->status) << csv->body;
  EXPECT_EQ("attachment; filename=\"lapak-kode-wilayah-2025-11-01-2026-11-30.csv\"",
            csv->get_header_value("Content-Disposition"));
  EXPECT_EQ(0u, csv->body.find("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,")) << csv->body;
  EXPECT_NE(std::string::npos, csv->body.find("\n33,Jawa Tengah,3374,Kota Semarang,2025-11-01,2026-11-30,2,")) << csv->body;
  EXPECT_EQ(2, std::count(csv->body.begin(), csv->body.end(), '\n')) << "a header and one regency: " << csv->body;

  httplib::Result page = Get("/dashboard/period?from=2025-11-01&to=2026-11-30", shared_->province);
  ASSERT_TRUE(page);
  EXPECT_NE(std::string::npos,
            page->body.find("href=\"/v1/reports/province?from=2025-11-01&amp;to=2026-11-30&amp;province="
                            "Jawa%20Tengah&amp;format=xlsx\""));
}

TEST_F(DashboardTest, LoggingInByFormSetsAnHttpOnlyCookie) {
  httplib::Client client("127.0.0.1", shared_->ledger->port());
  httplib::Result wrong = PostForm(client, "/masuk", "token=lapak_nope");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(401, wrong->status);
  EXPECT_FALSE(wrong->has_header("Set-Cookie"));
  httplib::Result right =
      PostForm(client, "/masuk", "token=" + shared_->organiser);
  ASSERT_TRUE(right);
  EXPECT_EQ(303, right->status);
  const std::string cookie = right->get_header_value("Set-Cookie");
  EXPECT_NE(std::string::npos, cookie.find("HttpOnly"));
  EXPECT_NE(std::string::npos, cookie.find("SameSite=Lax"));
  httplib::Result too_big = PostForm(client, "/masuk", "token=" + std::string(5000, 'x'));
  ASSERT_TRUE(too_big);
  EXPECT_EQ(413, too_big->status);
}

// Cross-site request forgery: another site's page cannot log a browser in (with the
// attacker's token, so that the organiser reads the attacker's figures) or out.
TEST_F(DashboardTest, FormsPostedFromAnotherSiteAreRefused) {
  httplib::Client client("127.0.0.1", shared_->ledger->port());
  const std::string form = "token=" + shared_->organiser;
  for (const std::string& origin : {std::string("http://evil.example"), std::string("null"),
                                    "http://127.0.0.1:" + std::to_string(shared_->ledger->port() + 1)}) {
    for (const char* path : {"/masuk", "/keluar"}) {
      httplib::Result forged = PostForm(client, path, form, origin);
      ASSERT_TRUE(forged) << path;
      EXPECT_EQ(403, forged->status) << path << " from " << origin;
      EXPECT_FALSE(forged->has_header("Set-Cookie")) << path << " from " << origin;
    }
  }
  // Neither Origin nor Referer: not a page of this ledger either.
  httplib::Result bare = client.Post("/masuk", form, "application/x-www-form-urlencoded");
  ASSERT_TRUE(bare);
  EXPECT_EQ(403, bare->status);
  EXPECT_NE(std::string::npos, bare->body.find("Formulir ini hanya diterima dari halaman ledger ini sendiri"));
  // A Referer from the ledger's own page stands in for a missing Origin.
  httplib::Result referred = client.Post(
      "/masuk", httplib::Headers{{"Referer", Url("/masuk")}}, form, "application/x-www-form-urlencoded");
  ASSERT_TRUE(referred);
  EXPECT_EQ(303, referred->status);

  // Logging out is a POST from the ledger's page; a link (GET) does nothing.
  httplib::Result link = client.Get("/keluar");
  ASSERT_TRUE(link);
  EXPECT_EQ(405, link->status);
  EXPECT_FALSE(link->has_header("Set-Cookie"));
  httplib::Result out = PostForm(client, "/keluar", "");
  ASSERT_TRUE(out);
  EXPECT_EQ(303, out->status);
  EXPECT_NE(std::string::npos, out->get_header_value("Set-Cookie").find("Max-Age=0"));
}

// Every answer forbids framing and sniffing and allows nothing but the page's own style.
TEST_F(DashboardTest, EveryAnswerCarriesTheSecurityHeaders) {
  httplib::Client client("127.0.0.1", shared_->ledger->port());
  for (const char* path : {"/masuk", "/dashboard", "/v1/health", "/v1/no-such-route"}) {
    httplib::Result answer = client.Get(path);
    ASSERT_TRUE(answer) << path;
    EXPECT_EQ("DENY", answer->get_header_value("X-Frame-Options")) << path;
    EXPECT_EQ("nosniff", answer->get_header_value("X-Content-Type-Options")) << path;
    const std::string policy = answer->get_header_value("Content-Security-Policy");
    EXPECT_NE(std::string::npos, policy.find("default-src 'none'")) << path;
    EXPECT_NE(std::string::npos, policy.find("frame-ancestors 'none'")) << path;
    EXPECT_EQ(std::string::npos, policy.find("script-src")) << path;
    EXPECT_EQ("same-origin", answer->get_header_value("Referrer-Policy")) << path;
  }
}

// How wide the page at `path` of the ledger on `port` is on a phone: {viewport, document}
// widths in CSS pixels. Chromium's window is at least 500 px wide, so the page (fetched with
// `token`) is copied to `folder` with a script added that posts its widths to its parent (the
// served page allows no script; a file carries no such header), and shown in a 390×844 frame
// of a second file, whose own script writes what it is told into its DOM.
std::pair<int, int> PhoneWidths(int port, const std::string& path, const std::string& token,
                                const std::string& folder) {
  httplib::Client client("127.0.0.1", port);
  httplib::Result page = client.Get(path.c_str(), {{"Authorization", "Bearer " + token}});
  if (!page || page->status != 200) throw std::runtime_error("GET " + path + " failed");
  std::string html = page->body;
  const size_t end = html.rfind("</body>");
  if (end == std::string::npos) throw std::runtime_error(path + " has no </body>");
  html.insert(end, "<script>parent.postMessage(window.innerWidth + ' ' + "
                   "document.documentElement.scrollWidth, '*')</script>");
  std::filesystem::create_directories(folder);
  WriteFile(folder + "/page.html", html);
  WriteFile(folder + "/phone.html",
            fmt::format("<!doctype html><html><body style=\"margin:0\"><script>window.addEventListener("
                        "'message', function (e) {{ document.body.setAttribute('data-widths', e.data); }});"
                        "</script><iframe src=\"page.html\" width=\"{}\" height=\"{}\" style=\"border:0\">"
                        "</iframe></body></html>",
                        kPhone.width, kPhone.height));
  Result<std::string> dom = ChromiumDumpDom("file://" + folder + "/phone.html", kLaptop.width, kLaptop.height);
  if (!dom.ok()) throw std::runtime_error(dom.status().ToString());
  const size_t at = dom->find("data-widths=\"");
  if (at == std::string::npos) throw std::runtime_error(path + ": no widths were posted");
  const std::string widths = dom->substr(at + 13);
  return {std::stoi(widths), std::stoi(widths.substr(widths.find(' ') + 1))};
}

// The home page, while the bazaar runs, names the stall whose terminal has not synced, with a
// link to its row on today's page, and reloads itself; no page scrolls sideways on a phone
// (wide tables scroll inside their own box).
TEST_F(DashboardTest, HomeNamesTheLateStallAndNoPageScrollsSidewaysOnAPhone) {
  const std::string dom = OpenAtBothSizes(Url("/dashboard?token=" + shared_->province), "home");
  const size_t today = dom.find("Hari ini");
  ASSERT_NE(std::string::npos, today) << dom;
  EXPECT_NE(std::string::npos, dom.find("Bazar UMKM Semarang 2026", today));
  EXPECT_NE(std::string::npos, dom.find("Kerupuk Bu Ani", today));
  EXPECT_NE(std::string::npos, dom.find(std::string("/dashboard/event/") + kEvent + "/day/" + kDay + "#lapak-KRP-03"));
  EXPECT_NE(std::string::npos, dom.find(FormatMoney(Money::Rupiah(shared_->bakso_net + shared_->batik_net))));
  EXPECT_NE(std::string::npos, dom.find("2 dari 3"));  // stalls synced
  EXPECT_NE(std::string::npos, dom.find("http-equiv=\"refresh\""));
  EXPECT_EQ(std::string::npos, dom.find("Bakso Pak Kumis <small>")) << "a stall in time named late";

  const std::string event = std::string("/dashboard/event/") + kEvent;
  int page = 0;
  for (const std::string& path : {std::string("/dashboard"), event, event + "?compare=" + kPreviousEvent,
                                   event + "/day/" + kDay, event + "/stall/BKS-07", std::string("/dashboard/period"),
                                   std::string("/dashboard?lang=en"), event + "/day/" + kDay + "?lang=en"}) {
    const auto [viewport, document] = PhoneWidths(shared_->ledger->port(), path, shared_->province,
                                                  shared_->dir.File("phone-" + std::to_string(page++)));
    EXPECT_EQ(kPhone.width, viewport) << path;
    EXPECT_LE(document, kPhone.width) << path;
  }
}

// A word pdftotext found on a printed page, with its box in points.
struct PrintedWord {
  std::string text;
  double left = 0, right = 0, page_width = 0;
};

// The words of `pdf` with their boxes, read from `pdftotext -bbox` (one <word> element a line,
// inside the <page width=…> it is on). Words are compared as pdftotext escapes them, so the
// words looked for hold no &, < or >.
std::vector<PrintedWord> PrintedWords(const std::string& pdf) {
  const RunResult boxes = lapak::testing::Run({"/usr/bin/pdftotext", "-bbox", pdf, "-"});
  if (boxes.exit_code != 0) throw std::runtime_error("pdftotext -bbox: " + boxes.err);
  static const std::regex kPage(R"re(<page width="([0-9.]+)")re");
  static const std::regex kWord(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">(.*)</word>)re");
  std::vector<PrintedWord> words;
  double page_width = 0;
  std::istringstream lines(boxes.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, kPage)) page_width = std::stod(match[1]);
    if (std::regex_search(line, match, kWord)) {
      words.push_back({match[3], std::stod(match[1]), std::stod(match[2]), page_width});
    }
  }
  return words;
}

// The day report printed to PDF by Chromium, as an organiser hands it in: A4 portrait, every
// word inside the paper's width (no column cut off), every stall's name and net on it, the
// table's last column included, and no buttons.
TEST_F(DashboardTest, TheDayReportPrintsToA4WithEveryStallsNet) {
  const std::string pdf = shared_->dir.File("day.pdf");
  const Status printed = ChromiumPrintToPdf(
      Url(std::string("/dashboard/event/") + kEvent + "/day/" + kDay + "?token=" + shared_->organiser), pdf);
  ASSERT_TRUE(printed.ok()) << printed.ToString();
  const RunResult info = lapak::testing::Run({"/usr/bin/pdfinfo", pdf});
  ASSERT_EQ(0, info.exit_code) << info.err;
  EXPECT_NE(std::string::npos, info.out.find("(A4)")) << info.out;

  const std::vector<PrintedWord> words = PrintedWords(pdf);
  ASSERT_FALSE(words.empty());
  std::multiset<std::string> printed_words;
  for (const PrintedWord& word : words) {
    EXPECT_GE(word.left, 0) << word.text;
    EXPECT_LE(word.right, word.page_width) << word.text << " runs off the paper";
    printed_words.insert(word.text);
  }
  for (const char* word : {"Bakso", "Kumis", "Laweyan", "Kerupuk", "BKS-07", "BTK-02", "KRP-03"}) {
    EXPECT_TRUE(printed_words.count(word)) << word;
  }
  for (const int64_t net : {shared_->bakso_net, shared_->batik_net, shared_->bakso_net + shared_->batik_net}) {
    EXPECT_TRUE(printed_words.count(FormatMoney(Money::Rupiah(net)))) << net;
  }
  // The last column's heading ("QRIS dengan kode") and the Z column's states.
  EXPECT_TRUE(printed_words.count("kode"));
  EXPECT_EQ(2u, printed_words.count("tutup")) << "two stalls not closed (Belum tutup)";
  EXPECT_EQ(1u, printed_words.count("Tidak")) << "Kerupuk Bu Ani: no sales (Tidak ada penjualan)";
  EXPECT_FALSE(printed_words.count("Unduh")) << "buttons are left off the paper";
}

}  // namespace
}  // namespace lapak::testing
