// `lapak enrol | sync | status` end to end: the real `lapak` binary against the real
// `lapak-ledger serve` on loopback (its ledger on either engine: tests/sync/ledger_target.h),
// on a stall database made through StallStore.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/business_day.h"
#include "sync/enrolment.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/support/process.h"
#include "tests/sync/fake_ledger.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/stall_fixture.h"

namespace lapak {
namespace {

using nlohmann::json;
using testing::Cash;
using testing::Qris;
using testing::RunResult;
using testing::Transfer;

const std::string kLapak = LAPAK_CLI_PATH;
const std::string kEvent = "expo-semarang-2026";
const std::string kStall = "BKS-07";
const std::string kDay = "2026-11-22";
// 2026-11-22 19:30 WIB: half an hour after StallFixture's clock starts.
const std::string kNow = "2026-11-22T12:30:00Z";
const std::vector<std::string> kFixedClock = {"LAPAK_NOW=" + kNow, "LAPAK_LANG=en"};  // errors quoted in English

// The same code, pointing at `url`: the organiser re-prints it when the ledger moved (a
// ledger started with --port 0 gets a new port on each start).
std::string Retarget(const std::string& code, const std::string& url) {
  Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
  if (!parsed.ok()) throw std::runtime_error("bad code: " + parsed.status().ToString());
  parsed->ledger_url = url;
  return sync::FormatEnrolmentCode(*parsed);
}

// Calls `done` until it is true or `timeout` passed; whether it became true.
bool WaitUntil(const std::function<bool()>& done, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

class SyncCliTest : public ::testing::Test {
 protected:
  RunResult Lapak(std::vector<std::string> args) {
    args.insert(args.begin(), {kLapak, "--db", db_});
    return testing::Run(args, kFixedClock);
  }
  json LapakJson(std::vector<std::string> args) {
    args.push_back("--json");
    RunResult result = Lapak(args);
    EXPECT_EQ(0, result.exit_code) << result.err;
    return json::parse(result.out);
  }
  json Status() { return LapakJson({"status"}); }

  // Adds the event and the stall and enrols T1 on the ledger; the code, naming `url`.
  std::string LedgerCode(const std::string& url) {
    return testing::EnrolTerminal(ledger_db_, kEvent, kStall, "T1", url);
  }
  void Enrol(const std::string& code) {
    RunResult enrol = Lapak({"enrol", code, "--pin", "9999"});
    ASSERT_EQ(0, enrol.exit_code) << enrol.err;
  }

  int64_t LedgerHwm(const std::string& terminal_id = "T1") {
    const json rows = json::parse(testing::LedgerAdmin(ledger_db_, {"terminal", "list", "--json"}));
    for (const json& row : rows) {
      if (row["terminal"] == terminal_id) return row["hwm"].get<int64_t>();
    }
    throw std::runtime_error("terminal not listed");
  }
  ledger::LedgerFigures LedgerTotals() {
    Result<std::unique_ptr<ledger::LedgerStore>> store =
        ledger::LedgerStore::Open(ledger_db_, false);
    if (!store.ok()) throw std::runtime_error(store.status().ToString());
    Result<std::vector<ledger::StallDayTotals>> totals = (*store)->DayTotals(kEvent, kDay);
    if (!totals.ok()) throw std::runtime_error(totals.status().ToString());
    for (const ledger::StallDayTotals& row : *totals) {
      if (row.stall_id == kStall) return row.figures;
    }
    return {};
  }
  ledger::LedgerFigures TerminalTotals() {
    const DayFigures f = stall_.Figures(kDay);
    return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
  }

  testing::TempDir dir_;
  ledger::sql::Location ledger_db_ = testing::NewLedgerLocation(dir_);
  std::string db_ = dir_.File("stall.db");
  testing::StallFixture stall_{db_, kStall, "T1"};
};

TEST_F(SyncCliTest, StatusSaysNotEnrolledThenCountsUnsentEntries) {
  const json fresh = Status();
  EXPECT_FALSE(fresh["enrolled"].get<bool>());
  EXPECT_EQ(0, fresh["unsent"]);
  EXPECT_TRUE(fresh["oldest_unsent_at"].is_null());
  EXPECT_TRUE(fresh["last_success_at"].is_null());
  EXPECT_NE(std::string::npos, Lapak({"status"}).out.find("Belum terdaftar"));

  Enrol(LedgerCode("http://ledger.bazar.example"));
  stall_.Sell(25000, {Cash(25000)});
  stall_.Sell(18000, {Qris(18000)});
  stall_.Sell(30000, {Transfer(30000)});
  const json status = Status();
  EXPECT_TRUE(status["enrolled"].get<bool>());
  EXPECT_EQ("http://ledger.bazar.example", status["ledger"]);
  EXPECT_EQ(4, status["last_seq"]);  // day open and three sales
  EXPECT_EQ(0, status["acknowledged_seq"]);
  EXPECT_EQ(4, status["unsent"]);
  EXPECT_EQ(FormatUtc(testing::StallFixture::DefaultStart()), status["oldest_unsent_at"]);
  EXPECT_TRUE(status["last_success_at"].is_null());
  EXPECT_TRUE(status["last_error"].is_null());
}

TEST_F(SyncCliTest, EnrolTakesOnlyAWellFormedCodeForThisTerminal) {
  const std::string url = "http://ledger.bazar.example:8080";
  const std::string own = LedgerCode(url);
  std::string other = testing::LedgerAdmin(
      ledger_db_, {"terminal", "enrol", kStall, "T2", "--url", url, "--no-qr"});
  other.pop_back();  // its newline
  ASSERT_EQ(0u, other.find("lapak2,T2,")) << other;
  // The event's calendar rides along (Asia/Jakarta, days turning at 04:00, as this terminal's).
  EXPECT_EQ(other.size() - std::string(",Asia/Jakarta,04:00").size(), other.find(url + ",Asia/Jakarta,04:00") + url.size())
      << other;

  std::string ftp = own;
  ftp.replace(ftp.find(url), url.size(), "ftp://ledger");
  for (const std::string& malformed :
       {std::string("lapak1,T1,not-hex,") + url, std::string("hello"), ftp, own.substr(1),
        own.substr(0, own.rfind(','))}) {
    RunResult refused = Lapak({"enrol", malformed});
    EXPECT_EQ(2, refused.exit_code) << malformed << "\n" << refused.err;
  }
  RunResult wrong_terminal = Lapak({"enrol", other, "--pin", "9999"});
  EXPECT_EQ(2, wrong_terminal.exit_code) << wrong_terminal.err;
  EXPECT_NE(std::string::npos, wrong_terminal.err.find("'T2'")) << wrong_terminal.err;
  EXPECT_FALSE(Status()["enrolled"].get<bool>());

  // Where the books go is the owner's decision: no PIN, or the cashier's, enrols nothing.
  RunResult no_pin = Lapak({"enrol", own});
  EXPECT_EQ(2, no_pin.exit_code) << no_pin.err;  // no PIN at all: bad input, as for any command
  RunResult cashier = Lapak({"enrol", own, "--as", "kasir", "--pin", "1234"});
  EXPECT_EQ(4, cashier.exit_code) << cashier.err;
  EXPECT_NE(std::string::npos, cashier.err.find("only the owner (pemilik) may enrol the terminal, not the kasir"))
      << cashier.err;
  EXPECT_FALSE(Status()["enrolled"].get<bool>());

  const json enrolled = LapakJson({"enrol", own, "--pin", "9999"});
  EXPECT_EQ(json({{"terminal", "T1"}, {"ledger", url}}), enrolled);
  const json status = Status();
  EXPECT_TRUE(status["enrolled"].get<bool>());
  EXPECT_EQ(url, status["ledger"]);
}

TEST_F(SyncCliTest, TheCodeGoesFromTheLedgerToTheTerminalOnAStickAndTheTerminalSyncs) {
  testing::LedgerProcess ledger(ledger_db_);
  testing::EnrolTerminal(ledger_db_, kEvent, kStall, "T9", ledger.url());  // the event and the stall
  const std::string media = dir_.File("media");
  const std::string stick = media + "/panitia/USB";
  std::filesystem::create_directories(stick);

  // A mistyped folder is refused before a key is made: the same command then succeeds.
  testing::RunResult mistyped = testing::RunLedger(
      ledger_db_, {"terminal", "enrol", kStall, "T1", "--url", ledger.url(), "--out", media + "/panitia/USV"});
  EXPECT_EQ(2, mistyped.exit_code) << mistyped.err;
  EXPECT_NE(std::string::npos, mistyped.err.find("bukan folder yang ada")) << mistyped.err;
  const json written = json::parse(testing::LedgerAdmin(
      ledger_db_, {"--json", "terminal", "enrol", kStall, "T1", "--url", ledger.url(), "--out", stick}));
  const std::string file = stick + "/lapak-enrol-BKS-07-T1.txt";
  EXPECT_EQ(file, written["file"]);
  EXPECT_NE(std::string::npos, testing::ReadFile(file).find(written["code"].get<std::string>() + "\n"));

  stall_.SellCash(2);
  const std::vector<std::string> with_stick = {"LAPAK_NOW=" + kNow, "LAPAK_LANG=en", "LAPAK_MEDIA_ROOTS=" + media};
  RunResult cashier = testing::Run({kLapak, "--db", db_, "enrol", "--usb", "--as", "kasir", "--pin", "1234"}, with_stick);
  EXPECT_EQ(4, cashier.exit_code) << cashier.err;
  EXPECT_TRUE(std::filesystem::exists(file));
  RunResult both = testing::Run({kLapak, "--db", db_, "enrol", written["code"], "--usb", "--pin", "9999"}, with_stick);
  EXPECT_EQ(2, both.exit_code) << both.err;
  RunResult neither = testing::Run({kLapak, "--db", db_, "enrol", "--pin", "9999"}, with_stick);
  EXPECT_EQ(2, neither.exit_code) << neither.err;
  EXPECT_FALSE(Status()["enrolled"].get<bool>());

  RunResult enrolled =
      testing::Run({kLapak, "--db", db_, "--json", "enrol", "--usb", "--pin", "9999"}, with_stick);
  ASSERT_EQ(0, enrolled.exit_code) << enrolled.err;
  EXPECT_EQ(json({{"terminal", "T1"}, {"ledger", ledger.url()}, {"file", file}, {"file_deleted", true}}),
            json::parse(enrolled.out));
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ(json({{"batches", 1}, {"acknowledged_seq", 3}, {"unsent", 0}}), LapakJson({"sync"}));
  EXPECT_EQ(3, LedgerHwm());
  EXPECT_EQ(TerminalTotals(), LedgerTotals());

  // The stick, used once, enrols nothing more.
  RunResult again = testing::Run({kLapak, "--db", db_, "enrol", "--usb", "--pin", "9999"}, with_stick);
  EXPECT_EQ(3, again.exit_code) << again.err;
  EXPECT_NE(std::string::npos, again.err.find("no file lapak-enrol-BKS-07-T1.txt on a USB stick")) << again.err;
}

TEST_F(SyncCliTest, SyncSendsEverythingAndStatusShowsTheSuccess) {
  testing::LedgerProcess ledger(ledger_db_);
  Enrol(LedgerCode(ledger.url()));
  stall_.SellCash(4);
  stall_.Sell(47000, {Qris(20000), Cash(30000)});
  ASSERT_EQ(6, stall_.LastSeq());

  const json round = LapakJson({"sync"});
  EXPECT_EQ(json({{"batches", 1}, {"acknowledged_seq", 6}, {"unsent", 0}}), round);
  const json status = Status();
  EXPECT_EQ(0, status["unsent"]);
  EXPECT_EQ(6, status["acknowledged_seq"]);
  EXPECT_TRUE(status["oldest_unsent_at"].is_null());
  EXPECT_EQ(FormatUtc(*ParseUtc(kNow)), status["last_success_at"]);
  EXPECT_TRUE(status["last_error"].is_null());
  EXPECT_EQ(6, LedgerHwm());
  EXPECT_EQ(TerminalTotals(), LedgerTotals());
  EXPECT_EQ(147000, LedgerTotals().net.rupiah());

  // Nothing left: a second sync sends no batch.
  EXPECT_EQ(json({{"batches", 0}, {"acknowledged_seq", 6}, {"unsent", 0}}), LapakJson({"sync"}));
}

TEST_F(SyncCliTest, SyncFailsWhileTheLedgerIsDownAndResumesWithoutDoubling) {
  testing::LedgerProcess ledger(ledger_db_);
  const std::string code = LedgerCode(ledger.url());
  Enrol(code);
  stall_.Sell(25000, {Cash(50000)});
  stall_.Sell(18000, {Qris(18000)});
  ASSERT_EQ(0, Lapak({"sync"}).exit_code);
  ASSERT_EQ(3, LedgerHwm());

  const Receipt doubled = stall_.Sell(32000, {Transfer(32000)});
  stall_.Sell(15000, {Cash(20000)});
  stall_.Void(doubled.receipt, "dobel");
  stall_.CloseDay(25000 + 15000);
  ASSERT_EQ(7, stall_.LastSeq());

  ledger.Kill(SIGTERM);
  RunResult down = Lapak({"sync"});
  EXPECT_EQ(8, down.exit_code) << down.err;  // the ledger could not be reached
  EXPECT_NE(std::string::npos, down.err.find("no answer from the ledger at " + ledger.url())) << down.err;
  const json failed = Status();
  EXPECT_EQ(4, failed["unsent"]);
  EXPECT_EQ(3, failed["acknowledged_seq"]);
  ASSERT_TRUE(failed["last_error"].is_string()) << failed.dump();
  EXPECT_NE(std::string::npos, failed["last_error"].get<std::string>().find("no answer"))
      << failed.dump();
  EXPECT_EQ(FormatUtc(*ParseUtc(kNow)), failed["last_error_at"]);
  EXPECT_FALSE(failed["oldest_unsent_at"].is_null());
  // The error is kept coded: whoever reads it later reads it in their own language.
  const RunResult said = testing::Run({kLapak, "--db", db_, "status"}, {kFixedClock[0]});
  EXPECT_NE(std::string::npos, said.out.find("Galat terakhir: Tidak ada jawaban dari ledger")) << said.out;

  ledger.Start();  // the same database, on a new port
  Enrol(Retarget(code, ledger.url()));
  const json round = LapakJson({"sync"});
  EXPECT_EQ(7, round["acknowledged_seq"]);
  EXPECT_EQ(0, round["unsent"]);
  const json status = Status();
  EXPECT_EQ(0, status["unsent"]);
  EXPECT_TRUE(status["last_error"].is_null()) << status.dump();
  EXPECT_EQ(stall_.LastSeq(), LedgerHwm());
  EXPECT_EQ(TerminalTotals(), LedgerTotals());
  EXPECT_EQ(58000, LedgerTotals().net.rupiah());  // 25.000 + 18.000 + 15.000; the transfer was voided
  EXPECT_EQ(1, LedgerTotals().voids_count);
}

TEST_F(SyncCliTest, SyncSaysWhichLedgerItCannotReachAndWhyWithTheNetworkExitCode) {
  const testing::RefusingPort nobody;
  Enrol(LedgerCode(nobody.url()));
  stall_.Sell(25000, {Cash(25000)});

  RunResult refused = Lapak({"sync"});
  EXPECT_EQ(8, refused.exit_code) << refused.err;
  EXPECT_EQ("lapak: no answer from the ledger at " + nobody.url() + ": connection refused\n", refused.err);
  RunResult coded = Lapak({"sync", "--json"});
  EXPECT_EQ(8, coded.exit_code) << coded.err;
  const json error = json::parse(coded.err);
  EXPECT_EQ("NoAnswerFromLedgerAt", error["refusal"]);
  EXPECT_EQ("IoError", error["code"]);
  const RunResult said = testing::Run({kLapak, "--db", db_, "sync"}, {kFixedClock[0]});
  EXPECT_EQ("lapak: Tidak ada jawaban dari ledger di " + nobody.url() + ": koneksi ditolak\n", said.err);
  EXPECT_EQ(2, Status()["unsent"]);
}

TEST_F(SyncCliTest, WatcherCatchesUpWhenTheLedgerComesBackAndStopsCleanlyOnSigterm) {
  testing::LedgerProcess ledger(ledger_db_);
  const std::string code = LedgerCode(ledger.url());
  Enrol(code);
  ledger.Kill(SIGTERM);
  stall_.Sell(25000, {Cash(25000)});
  stall_.Sell(18000, {Qris(18000)});
  stall_.Sell(9000, {Transfer(9000)});
  ASSERT_EQ(4, stall_.LastSeq());

  testing::Child watcher({kLapak, "--db", db_, "sync", "--watch", "--poll-ms", "200"});
  // The watcher tries, fails and says so.
  ASSERT_TRUE(WaitUntil([&] { return Status()["last_error"].is_string(); }, std::chrono::seconds(20)))
      << Status().dump();
  EXPECT_EQ(4, Status()["unsent"]);

  ledger.Start();
  Enrol(Retarget(code, ledger.url()));
  json status;
  const bool caught_up = WaitUntil(
      [&] {
        status = Status();
        return status["unsent"] == 0;
      },
      std::chrono::seconds(30));
  EXPECT_TRUE(caught_up) << status.dump();
  EXPECT_TRUE(status["last_error"].is_null()) << status.dump();
  EXPECT_EQ(4, LedgerHwm());
  EXPECT_EQ(TerminalTotals(), LedgerTotals());

  watcher.Kill(SIGTERM);
  const int wait_status = watcher.Wait();
  ASSERT_TRUE(WIFEXITED(wait_status)) << "killed by signal " << WTERMSIG(wait_status);
  EXPECT_EQ(0, WEXITSTATUS(wait_status));
}


// A self-signed certificate for 127.0.0.1, made with the openssl command line.
struct SelfSignedCertificate {
  explicit SelfSignedCertificate(const testing::TempDir& dir)
      : certificate(dir.File("ledger-cert.pem")), key(dir.File("ledger-key.pem")) {
    RunResult made = testing::Run({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048",
                                   "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                                   "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out",
                                   certificate});
    if (made.exit_code != 0) throw std::runtime_error("openssl req failed: " + made.err);
  }
  std::string certificate;
  std::string key;
};

TEST_F(SyncCliTest, SyncsToAnHttpsLedgerItsCertificateVerified) {
  const SelfSignedCertificate tls(dir_);
  testing::LedgerProcess ledger(ledger_db_, {"--tls-cert", tls.certificate, "--tls-key", tls.key});
  ASSERT_EQ(0u, ledger.url().find("https://127.0.0.1:"));
  const std::string code = LedgerCode(ledger.url());
  Enrol(code);
  stall_.Sell(25000, {Cash(30000)});
  stall_.Sell(18000, {Qris(18000)});

  // Not trusted: the self-signed certificate is in no CA store, so nothing is sent.
  RunResult untrusted = Lapak({"sync"});
  EXPECT_EQ(8, untrusted.exit_code) << untrusted.out;
  EXPECT_NE(std::string::npos,
            untrusted.err.find("the TLS certificate of the ledger at " + ledger.url() + " is not trusted"))
      << untrusted.err;
  EXPECT_EQ(0, LedgerHwm());

  std::vector<std::string> argv{kLapak, "--db", db_, "sync", "--json"};
  std::vector<std::string> env = kFixedClock;
  env.push_back("LAPAK_LEDGER_CA=" + tls.certificate);
  // Trusted, but issued to 127.0.0.1, not to the name the terminal asked for.
  const std::string by_name = "https://localhost:" + ledger.url().substr(ledger.url().rfind(':') + 1);
  Enrol(Retarget(code, by_name));
  RunResult misnamed = testing::Run(argv, env);
  EXPECT_EQ(8, misnamed.exit_code) << misnamed.out;
  EXPECT_EQ("LedgerCertificateNotTrusted", json::parse(misnamed.err)["refusal"]) << misnamed.err;
  EXPECT_NE(std::string::npos, misnamed.err.find("hostname mismatch")) << misnamed.err;
  EXPECT_EQ(0, LedgerHwm());

  Enrol(code);
  RunResult trusted = testing::Run(argv, env);
  ASSERT_EQ(0, trusted.exit_code) << trusted.err;
  EXPECT_EQ(3, json::parse(trusted.out)["acknowledged_seq"]);
  EXPECT_EQ(3, LedgerHwm());
  EXPECT_EQ(TerminalTotals(), LedgerTotals());
}

}  // namespace
}  // namespace lapak
