// Issue 11's rules for the ledger's web side, tried by an outsider against the real
// `lapak-ledger serve` over raw HTTP (the in-process and browser view is in
// tests/sync/dashboard_browser_test.cpp):
//   - another site cannot log a browser in or out: a cross-site POST /masuk is 403 and sets no
//     cookie, and GET /keluar is no logout (405);
//   - every answer, pages, API and refusals alike, forbids framing (X-Frame-Options DENY, a
//     Content-Security-Policy with frame-ancestors 'none') and sniffing (nosniff);
//   - /v1/metrics answers admin tokens only;
//   - an organiser compares the events its token names (issue 14), and no other: an event
//     not its own is answered as one that does not exist;
//   - a ledger that cannot write a workbook (no temporary folder) says so with 503 and a
//     code, and still serves the same report as CSV.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tests/security/attacker.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"

namespace lapak::testing {
namespace {

using std::chrono::seconds;

constexpr char kEvent[] = "expo-semarang-2026";
constexpr char kDay[] = "2026-11-22";
constexpr char kPreviousEvent[] = "expo-semarang-2025";

class WebRulesTest : public ::testing::Test {
 protected:
  WebRulesTest() {
    LedgerAdmin(ledger_.database(), {"event", "add", kEvent, "--name", "Expo UMKM Semarang", "--province",
                                     "Jawa Tengah", "--regency", "Kota Semarang", "--from", "2026-11-20",
                                     "--to", "2026-11-22"});
    LedgerAdmin(ledger_.database(), {"event", "add", kPreviousEvent, "--name", "Expo UMKM Semarang 2025",
                                     "--province", "Jawa Tengah", "--regency", "Kota Semarang", "--from",
                                     "2025-11-21", "--to", "2025-11-22"});
    organiser_ = FirstLine(LedgerAdmin(ledger_.database(),
                                       {"token", "add", "Panitia Expo", "--role", "organiser", "--event", kEvent}));
    province_ = FirstLine(LedgerAdmin(
        ledger_.database(), {"token", "add", "Dinas Jateng", "--role", "province", "--province", "Jawa Tengah"}));
  }

  int port() const { return ledger_.port(); }
  std::string OwnOrigin() const { return fmt::format("http://127.0.0.1:{}", port()); }
  RawAnswer Get(const std::string& target, const std::string& headers = "") {
    return Exchange(port(), GetRequest(port(), target, headers));
  }
  RawAnswer PostForm(const std::string& target, const std::string& body, const std::string& headers) {
    return Exchange(port(), PostFormRequest(port(), target, body, headers));
  }

  LedgerUnderAttack ledger_;
  std::string organiser_;
  std::string province_;
};

TEST_F(WebRulesTest, CrossSiteLoginIsRefusedAndSetsNoCookie) {
  const std::string form = "token=" + organiser_;
  struct Attempt {
    std::string what;
    std::string headers;
  };
  const std::vector<Attempt> cross_site = {
      {"Origin of another site", "Origin: http://evil.example\r\n"},
      {"Referer of another site", "Referer: http://evil.example/lapak.html\r\n"},
      {"Origin null (a sandboxed page)", "Origin: null\r\n"},
      {"another site naming this host in its path",
       fmt::format("Origin: http://evil.example\r\nReferer: http://evil.example/127.0.0.1:{}/\r\n", port())},
      {"neither Origin nor Referer", ""},
  };
  for (const Attempt& attempt : cross_site) {
    const RawAnswer answer = PostForm("/masuk", form, attempt.headers);
    EXPECT_EQ(403, answer.status) << attempt.what << ": " << answer.body.substr(0, 300);
    EXPECT_FALSE(answer.HasHeader("set-cookie")) << attempt.what << ": " << answer.Header("set-cookie");
  }

  // The same form from the ledger's own page logs in: the refusals above were the origin's.
  const RawAnswer own = PostForm("/masuk", form, "Origin: " + OwnOrigin() + "\r\n");
  EXPECT_EQ(303, own.status) << own.body.substr(0, 300);
  EXPECT_EQ(0u, own.Header("set-cookie").find("lapak_token=" + organiser_ + ";")) << own.Header("set-cookie");
}

TEST_F(WebRulesTest, LogoutIsOnlyAPostFromTheLedgersOwnPages) {
  const std::string cookie = "Cookie: lapak_token=" + organiser_ + "\r\n";
  const RawAnswer get = Get("/keluar", cookie);
  EXPECT_EQ(405, get.status) << get.body.substr(0, 300);
  EXPECT_FALSE(get.HasHeader("set-cookie")) << get.Header("set-cookie");

  const RawAnswer cross_site = PostForm("/keluar", "", cookie + "Origin: http://evil.example\r\n");
  EXPECT_EQ(403, cross_site.status) << cross_site.body.substr(0, 300);
  EXPECT_FALSE(cross_site.HasHeader("set-cookie")) << cross_site.Header("set-cookie");

  const RawAnswer own = PostForm("/keluar", "", cookie + "Origin: " + OwnOrigin() + "\r\n");
  EXPECT_EQ(303, own.status) << own.body.substr(0, 300);
  EXPECT_NE(std::string::npos, own.Header("set-cookie").find("Max-Age=0")) << own.Header("set-cookie");
}

TEST_F(WebRulesTest, EveryAnswerForbidsFramingAndSniffing) {
  const std::string bearer = "Authorization: Bearer " + organiser_ + "\r\n";
  const std::string cookie = "Cookie: lapak_token=" + organiser_ + "\r\n";
  const std::string batch_head =
      "POST /v1/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n";
  struct Case {
    std::string what;
    std::string request;
    int status;
  };
  const std::vector<Case> cases = {
      {"the login page", GetRequest(port(), "/masuk"), 200},
      {"the dashboard", GetRequest(port(), "/dashboard", cookie), 200},
      {"an event's day page", GetRequest(port(), fmt::format("/dashboard/event/{}/day/{}", kEvent, kDay), cookie), 200},
      {"a dashboard link with its token", GetRequest(port(), "/dashboard?token=" + organiser_), 303},
      {"the dashboard without a token", GetRequest(port(), "/dashboard"), 401},
      {"the health check", GetRequest(port(), "/v1/health"), 200},
      {"the events API", GetRequest(port(), "/v1/events", bearer), 200},
      {"a report as CSV", GetRequest(port(), fmt::format("/v1/reports/day?event={}&day={}&format=csv", kEvent, kDay), bearer), 200},
      {"the events API without a token", GetRequest(port(), "/v1/events"), 401},
      {"metrics for an organiser", GetRequest(port(), "/v1/metrics", bearer), 403},
      {"a route that does not exist", GetRequest(port(), "/wp-admin/"), 404},
      {"GET /keluar", GetRequest(port(), "/keluar"), 405},
      {"a cross-site login", PostFormRequest(port(), "/masuk", "token=x", "Origin: http://evil.example\r\n"), 403},
      {"a chunked batch", batch_head + "Transfer-Encoding: chunked\r\n\r\n4\r\nLPKB\r\n0\r\n\r\n", 411},
      {"a batch over the limit", batch_head + "Content-Length: 2097152\r\n\r\nLPKB", 413},
      {"a compressed form", PostFormRequest(port(), "/masuk", "token=x", "Content-Encoding: gzip\r\n"), 415},
      {"a header over 8 KiB", GetRequest(port(), "/v1/health", "X-Big: " + std::string(9000, 'h') + "\r\n"), 431},
      {"65 header fields", GetRequest(port(), "/v1/health", [] {
         std::string fields;
         for (int i = 0; i < 65; ++i) fields += fmt::format("X-F{}: {}\r\n", i, i);
         return fields;
       }()), 431},
      {"a request line that is not HTTP", "HELLO THERE\r\n\r\n", 400},
      {"a batch that is no envelope", batch_head + "Content-Length: 4\r\n\r\nLPKB", 400},
  };
  for (const Case& c : cases) {
    const RawAnswer answer = Exchange(port(), c.request, seconds(10));
    EXPECT_EQ(c.status, answer.status) << c.what << ": " << answer.body.substr(0, 300);
    EXPECT_EQ("", MissingProtection(answer)) << c.what << " (" << answer.status << ")";
  }
}

// The server's 503 for a request whose body would pass the cap on bodies in flight carries
// them too: tests/security/ledger_attack_test.cpp FullSizeBodiesSentSlowlyAtOnceAreCappedInFlight.

// Past the cap on connections from one address (256), a new connection is told 503 before it
// is closed: that answer too.
//
// FAILS (found by this suite; sync/ledger/web/* is not this suite's to change): the server
// writes that 503 itself, as the fixed bytes kBusyAnswer in sync/ledger/web/http_server.cpp,
// before any route or common header is involved, so it carries none of the three headers that
// ledger_server.h promises on every answer. Its body is empty, so nothing in it can be framed or
// sniffed; the fix is to add the router's common headers to those bytes.
TEST_F(WebRulesTest, TheAnswerOverTheConnectionCapForbidsFramingAndSniffing) {
  constexpr int kPerAddressCap = 256;  // HttpLimits::max_connections_per_address
  std::vector<RawConnection> held;
  for (int i = 0; i < kPerAddressCap; ++i) held.emplace_back(port());
  // The ledger accepts the held connections in its own time: until it has all of them, a new
  // one may still get in (and is answered, then closed).
  RawAnswer over;
  for (int attempt = 0; attempt < 50 && over.status != 503; ++attempt) {
    over = Exchange(port(), GetRequest(port(), "/v1/health"), seconds(10));
  }
  ASSERT_EQ(503, over.status) << "no connection was refused over the cap of " << kPerAddressCap;
  EXPECT_EQ("5", over.Header("retry-after"));
  EXPECT_EQ("", MissingProtection(over)) << "the connection cap's 503";
}

TEST_F(WebRulesTest, MetricsAnswerAdminTokensOnly) {
  const RawAnswer none = Get("/v1/metrics");
  EXPECT_EQ(401, none.status) << none.body;
  EXPECT_EQ("AccessTokenRequired", none.Refusal()) << none.body;
  const RawAnswer forged = Get("/v1/metrics", "Authorization: Bearer lapak_00000000_forged\r\n");
  EXPECT_EQ(401, forged.status) << forged.body;

  for (const auto& [who, token] : {std::pair{"an organiser", organiser_}, std::pair{"a province", province_}}) {
    const RawAnswer refused = Get("/v1/metrics", "Authorization: Bearer " + token + "\r\n");
    EXPECT_EQ(403, refused.status) << who << ": " << refused.body;
    EXPECT_EQ("AdminTokenRequired", refused.Refusal()) << who << ": " << refused.body;
    EXPECT_EQ(std::string::npos, refused.body.find("batches")) << who << ": " << refused.body;
    const RawAnswer by_cookie = Get("/v1/metrics", "Cookie: lapak_token=" + token + "\r\n");
    EXPECT_EQ(403, by_cookie.status) << who << " (cookie): " << by_cookie.body;
  }

  const RawAnswer admin = Get("/v1/metrics", "Authorization: Bearer " + ledger_.AdminToken() + "\r\n");
  EXPECT_EQ(200, admin.status) << admin.body;
  const nlohmann::json metrics = nlohmann::json::parse(admin.body, nullptr, false);
  ASSERT_TRUE(metrics.is_object()) << admin.body;
  EXPECT_TRUE(metrics.contains("batches")) << admin.body;
  EXPECT_TRUE(metrics.contains("connections_open")) << admin.body;
}

TEST_F(WebRulesTest, OrganisersCompareTheirOwnEventsAndNoOneElses) {
  const std::string both = FirstLine(LedgerAdmin(
      ledger_.database(), {"token", "add", "Panitia Expo (dua tahun)", "--role", "organiser", "--event", kEvent,
                           "--event", kPreviousEvent}));
  const std::string api = fmt::format("/v1/reports/compare?event={}&previous={}", kEvent, kPreviousEvent);
  const std::string page = fmt::format("/dashboard/event/{}?compare={}", kEvent, kPreviousEvent);

  const RawAnswer compared = Get(api, "Authorization: Bearer " + both + "\r\n");
  ASSERT_EQ(200, compared.status) << compared.body;
  const nlohmann::json comparison = nlohmann::json::parse(compared.body, nullptr, false);
  ASSERT_TRUE(comparison.is_object()) << compared.body;
  EXPECT_EQ(kPreviousEvent, comparison["previous"]["id"]);
  EXPECT_EQ(2, comparison["days_compared"]);  // the 2025 expo had two days; both are over
  const RawAnswer shown = Get(page, "Cookie: lapak_token=" + both + "\r\n");
  ASSERT_EQ(200, shown.status) << shown.body;
  EXPECT_NE(std::string::npos, shown.body.find("Dibandingkan 2 hari pertama tiap acara")) << shown.body;

  // The token of this year's panitia alone: last year's event is answered as if it did not
  // exist, on the API and on the page, and the answer tells nothing more.
  const RawAnswer not_theirs = Get(api, "Authorization: Bearer " + organiser_ + "\r\n");
  const RawAnswer no_such = Get(fmt::format("/v1/reports/compare?event={}&previous=expo-jogja-2025", kEvent),
                                "Authorization: Bearer " + organiser_ + "\r\n");
  EXPECT_EQ(404, not_theirs.status) << not_theirs.body;
  EXPECT_EQ(404, no_such.status) << no_such.body;
  EXPECT_EQ(no_such.Refusal(), not_theirs.Refusal());
  EXPECT_EQ(std::string::npos, not_theirs.body.find("Semarang 2025")) << not_theirs.body;
  const RawAnswer page_not_theirs = Get(page, "Cookie: lapak_token=" + organiser_ + "\r\n");
  EXPECT_EQ(404, page_not_theirs.status);
  EXPECT_EQ(std::string::npos, page_not_theirs.body.find("Semarang 2025"));
  // The province reads both without being named in any token.
  EXPECT_EQ(200, Get(api, "Authorization: Bearer " + province_ + "\r\n").status);
}

TEST(WorkbookWithoutTemporaryFolderTest, Is503WithItsCodeAndTheCsvStillComes) {
  TempDir dir;
  const ledger::sql::Location database = NewLedgerLocation(dir);
  LedgerAdmin(database, {"event", "add", kEvent, "--name", "Expo UMKM Semarang", "--province", "Jawa Tengah",
                         "--regency", "Kota Semarang", "--from", "2026-11-20", "--to", "2026-11-22"});
  const std::string token = FirstLine(LedgerAdmin(database, {"token", "add", "Admin", "--role", "admin"}));
  const std::string not_a_folder = dir.File("not-a-folder");
  std::ofstream(not_a_folder) << "a file where the temporary folder should be";
  const char* before = std::getenv("TMPDIR");
  const std::string kept = before ? before : "";
  setenv("TMPDIR", not_a_folder.c_str(), 1);
  LedgerProcess ledger(database);
  if (before) setenv("TMPDIR", kept.c_str(), 1); else unsetenv("TMPDIR");

  const std::string bearer = "Authorization: Bearer " + token + "\r\n";
  const std::string report = std::string("/v1/reports/event?event=") + kEvent;
  const RawAnswer workbook = Exchange(ledger.port(), GetRequest(ledger.port(), report + "&format=xlsx", bearer));
  EXPECT_EQ(503, workbook.status) << workbook.body;
  EXPECT_EQ("WorkbookNotWritten", workbook.Refusal()) << workbook.body;
  const RawAnswer csv = Exchange(ledger.port(), GetRequest(ledger.port(), report + "&format=csv", bearer));
  EXPECT_EQ(200, csv.status) << csv.body;
  EXPECT_EQ(0u, csv.body.find("section,key,")) << csv.body;
}

}  // namespace
}  // namespace lapak::testing
