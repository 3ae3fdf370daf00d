// What the real `lapak-ledger` reads when it opens a SQLite ledger (core/durable_database.h):
// no command reads the whole file; `serve` does after a run that did not stop cleanly, and
// says so; `verify` does on demand; commands that only read open it read-only, and read
// while `serve` and another writer hold it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/damaged_file.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"

namespace lapak {
namespace {

using testing::RunResult;

const std::vector<std::string> kEnglish = {"LAPAK_LANG=en"};

class LedgerOpenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::EnrolTerminal(where_, "expo", "BKS-07", "T1", "http://127.0.0.1:1");
    testing::LedgerAdmin(where_,
                         {"token", "add", "Panitia", "--role", "organiser", "--event", "expo"});
  }

  RunResult Ledger(const std::vector<std::string>& args) {
    return testing::RunLedger(where_, args, kEnglish);
  }

  // `lapak-ledger serve` until it listens, its stderr appended to stderr_path(); throws when
  // it does not start.
  std::unique_ptr<testing::Child> StartServe() {
    auto serve = std::make_unique<testing::Child>(
        std::vector<std::string>{"/bin/sh", "-c", R"(exec "$0" --db "$1" serve --port 0 2>>"$2")",
                                 LAPAK_LEDGER_PATH, db(), stderr_path()});
    std::string line;
    if (!serve->ReadLine(line) || line.find("listening on") == std::string::npos) {
      throw std::runtime_error("serve did not start: " + testing::ReadFile(stderr_path()));
    }
    return serve;
  }
  // `serve` to its end, within 30 s (it should refuse at once).
  RunResult ServeUntilItEnds() {
    return testing::Run(
        {"/usr/bin/timeout", "30", LAPAK_LEDGER_PATH, "--db", db(), "serve", "--port", "0"},
        kEnglish);
  }
  static void Stop(testing::Child& serve, int signal) {
    serve.Kill(signal);
    serve.Wait();
  }

  const std::string& db() const { return where_.sqlite_path; }
  std::string stderr_path() const { return dir_.File("serve.err"); }
  std::string TakeServeStderr() {
    std::string said = testing::ReadFile(stderr_path());
    testing::WriteFile(stderr_path(), "");
    return said;
  }

  testing::TempDir dir_;
  ledger::sql::Location where_{.sqlite_path = dir_.File("ledger.db")};
};

TEST_F(LedgerOpenTest, ServeChecksTheFileAfterItWasKilledAndNotAfterACleanStop) {
  std::unique_ptr<testing::Child> serve = StartServe();
  Stop(*serve, SIGKILL);
  EXPECT_EQ("1", testing::CountSessions(db()));  // the killed run's session, never closed
  TakeServeStderr();

  serve = StartServe();
  const std::string said = TakeServeStderr();
  EXPECT_NE(std::string::npos,
            said.find("lapak-ledger: " + db() +
                      " was left open by 1 run that did not stop cleanly; "
                      "checking the whole file (PRAGMA quick_check) before starting\n"))
      << said;
  EXPECT_NE(std::string::npos, said.find("lapak-ledger: checked " + db() + " in ")) << said;
  EXPECT_NE(std::string::npos, said.find(" s: ok\n")) << said;
  Stop(*serve, SIGTERM);
  EXPECT_EQ("0", testing::CountSessions(db()));  // a clean stop

  serve = StartServe();
  EXPECT_EQ("", TakeServeStderr());
  Stop(*serve, SIGINT);
  EXPECT_EQ("0", testing::CountSessions(db()));
}

// A page of the access tokens lost with the power: `serve` refuses to start on the file;
// the reports, which never read that table, still open it (no command reads the whole
// file), and `verify` names the damage.
TEST_F(LedgerOpenTest, ServeRefusesADamagedLedgerAfterAnUncleanStopAndVerifyFindsIt) {
  std::unique_ptr<testing::Child> serve = StartServe();
  Stop(*serve, SIGKILL);
  ASSERT_EQ("OK", testing::DamageTable(db(), "access_tokens"));

  const RunResult refused = ServeUntilItEnds();
  EXPECT_EQ(6, refused.exit_code) << refused.err;
  EXPECT_NE(std::string::npos, refused.err.find("was left open by 1 run that did not stop cleanly"))
      << refused.err;
  EXPECT_NE(std::string::npos, refused.err.find("s: damaged\n")) << refused.err;
  EXPECT_NE(std::string::npos,
            refused.err.find("lapak-ledger: the database '" + db() + "' is damaged: "))
      << refused.err;
  EXPECT_EQ("", refused.out);  // never listened

  const RunResult report = Ledger({"report", "day", "expo", "2026-11-22"});
  EXPECT_EQ(0, report.exit_code) << report.err;

  const RunResult verify = Ledger({"verify"});
  EXPECT_EQ(6, verify.exit_code);
  EXPECT_NE(std::string::npos,
            verify.err.find("lapak-ledger: the ledger database " + db() + " is damaged: "))
      << verify.err;
  const RunResult as_json = Ledger({"--json", "verify"});
  EXPECT_EQ(6, as_json.exit_code);
  const nlohmann::json answer = nlohmann::json::parse(as_json.out);
  EXPECT_FALSE(answer["ok"].get<bool>());
  EXPECT_NE(std::string::npos, answer["problem"].get<std::string>().find("Page ")) << as_json.out;
}

TEST_F(LedgerOpenTest, VerifyChecksAHealthyLedgerAndAReaderNeverCreatesOne) {
  const RunResult verify = Ledger({"verify"});
  EXPECT_EQ(0, verify.exit_code) << verify.err;
  EXPECT_EQ(db() + ": every page checked, ok\n", verify.out);

  const std::string typo = dir_.File("typo.db");
  for (const std::vector<std::string>& reader :
       {std::vector<std::string>{"report", "day", "expo", "2026-11-22"},
        {"token", "list"},
        {"terminal", "list"},
        {"verify"}}) {
    std::vector<std::string> argv{LAPAK_LEDGER_PATH, "--db", typo};
    argv.insert(argv.end(), reader.begin(), reader.end());
    const RunResult run = testing::Run(argv, kEnglish);
    EXPECT_EQ(3, run.exit_code) << reader.front();
    EXPECT_NE(std::string::npos, run.err.find("there is no database at '" + typo + "'")) << run.err;
  }
  EXPECT_NE(0, ::access(typo.c_str(), F_OK));
}

// The commands that only read take no lock a writer holds: they answer while `serve` runs
// and another connection sits inside a write transaction.
TEST_F(LedgerOpenTest, ReadersAnswerWhileServeAndAWriterHoldTheLedger) {
  std::unique_ptr<testing::Child> serve = StartServe();
  sqlite3* writer = nullptr;
  ASSERT_EQ(SQLITE_OK, sqlite3_open(db().c_str(), &writer));
  ASSERT_EQ(SQLITE_OK, sqlite3_exec(writer, "BEGIN IMMEDIATE; UPDATE events SET name = 'Renamed'",
                                    nullptr, nullptr, nullptr));
  for (const std::vector<std::string>& reader :
       {std::vector<std::string>{"report", "day", "expo", "2026-11-22"},
        {"report", "event", "expo"},
        {"token", "list"},
        {"terminal", "list"},
        {"verify"}}) {
    const RunResult run = Ledger(reader);
    EXPECT_EQ(0, run.exit_code) << reader.front() << " " << reader.back() << ": " << run.err;
  }
  const RunResult list = Ledger({"--json", "terminal", "list"});
  EXPECT_EQ("T1", nlohmann::json::parse(list.out).at(0)["terminal"]);
  EXPECT_EQ(SQLITE_OK, sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr));
  sqlite3_close(writer);
  Stop(*serve, SIGTERM);
}

}  // namespace
}  // namespace lapak
