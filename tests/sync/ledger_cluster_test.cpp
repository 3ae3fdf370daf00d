// Several `lapak-ledger serve` on one database act as one ledger (issue 11, "beyond one
// machine"). Registered twice: on SQLite (two servers on one file) and, as "pg.", on
// PostgreSQL, where batches are applied in parallel and the terminal's row lock is all that
// keeps a terminal's batches in order.
//
//   TwoServersBehindABalancer…: terminals sell and sync through HAProxy (tests/support/
//     balancer.h), which sends each request to the next server in turn, so a terminal's
//     batches reach both. Every round one server is killed with SIGKILL while batches are in
//     flight, and started again for the next round behind a new balancer. The ledger must
//     end holding exactly the terminals' journals, totals and Z reports (soak_terminals.h).
//   TheSameBatchPostedToBothServersAtOnce…: a batch sent to two servers at the same moment,
//     as a terminal's retry can be while its first try is still being applied, is applied
//     once: both answer 200 with the same mark, one counts it applied and the other a
//     duplicate, and the totals count each sale once. On PostgreSQL the test holds the
//     terminal's row while both servers take the batch, so that their transactions truly
//     overlap.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "sync/enrolment.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/support/balancer.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/soak_terminals.h"
#include "tests/sync/stall_fixture.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::Basket;
using testing::SoakTerminal;

constexpr char kEvent[] = "BZR-CLU-26";
constexpr int kTerminals = 4;
constexpr int kRounds = 6;
constexpr int64_t kSalesPerRound = 60;

// A sale of one or two lines, in cash with change or by QRIS.
std::string FillBasket(std::mt19937_64& random, Basket& basket) {
  const int64_t unit = 1'000 * testing::Uniform(random, 1, 40), quantity = testing::Uniform(random, 1, 2);
  if (!basket.cart.AddCustom(Money::Rupiah(unit), quantity, "Es teh").ok()) return "cannot add a line";
  const int64_t total = unit * quantity;
  basket.money.total = total;
  if (testing::Uniform(random, 0, 1) == 0) {
    basket.cash_tendered = (total / 20'000 + 1) * 20'000;
    basket.payments = {testing::Cash(basket.cash_tendered)};
  } else {
    basket.payments = {testing::Qris(total)};
    basket.money.qris = total;
  }
  return "";
}

// The ledger's counters from server `url`, read with `admin_token`.
json Metrics(const std::string& url, const std::string& admin_token) {
  httplib::Client client(url);
  client.set_read_timeout(10, 0);
  httplib::Result result = client.Get("/v1/metrics", {{"Authorization", "Bearer " + admin_token}});
  if (!result || result->status != 200) throw std::runtime_error("GET /v1/metrics failed at " + url);
  return json::parse(result->body);
}

std::string AdminToken(const ledger::sql::Location& ledger_db) {
  const std::string made = testing::LedgerAdmin(ledger_db, {"token", "add", "Admin", "--role", "admin"});
  return made.substr(0, made.find('\n'));
}

TEST(LedgerClusterTest, TwoServersBehindABalancerCountEveryBatchOnceThoughOneIsKilledMidBatch) {
  testing::TempDir dir;
  const ledger::sql::Location ledger_db = testing::NewLedgerLocation(dir);
  std::vector<std::unique_ptr<testing::LedgerProcess>> servers;
  servers.push_back(std::make_unique<testing::LedgerProcess>(ledger_db));
  servers.push_back(std::make_unique<testing::LedgerProcess>(ledger_db));
  const std::string admin = AdminToken(ledger_db);

  std::mt19937_64 random(testing::EnvSeed("LAPAK_CLUSTER_SEED"));
  std::vector<std::unique_ptr<SoakTerminal>> terminals;
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(std::make_unique<SoakTerminal>(testing::SoakStall{
        .index = i,
        .stall_id = fmt::format("CLU-{:02}", i + 1),
        .terminal_id = fmt::format("C{:02}", i + 1),
        .db_path = dir.File(fmt::format("clu{}.db", i + 1)),
        .seed = random(),
        .sales = int64_t{kRounds} * kSalesPerRound,
        .fill_basket = FillBasket}));
    ASSERT_EQ("", terminals.back()->Enrol(ledger_db, kEvent, servers[0]->url()));
  }

  testing::Traffic traffic;
  int kills_mid_batch = 0;  // kills that a post to the victim failed with
  int64_t applied_by_both = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(fmt::format("round {}", round));
    const std::unique_ptr<testing::Balancer> balancer =
        std::make_unique<testing::Balancer>(dir, std::vector<int>{servers[0]->port(), servers[1]->port()});
    {
      std::lock_guard lock(traffic.mutex);
      traffic.posted = 0;
    }
    // Every terminal sells its round in small chunks, syncing after each, then drains.
    std::vector<std::string> failures(kTerminals);
    std::vector<std::thread> workers;
    for (int i = 0; i < kTerminals; ++i) {
      workers.emplace_back([&, i] {
        SoakTerminal& terminal = *terminals[i];
        std::string& failure = failures[i];
        failure = terminal.Connect(balancer->url(), testing::WatchedBy(traffic));
        for (int64_t sold = 0; failure.empty() && sold < kSalesPerRound; sold += 5) {
          failure = terminal.Sell(5);
          (void)terminal.SyncOnce();  // may fail while a server dies: the next one carries it
        }
        if (failure.empty()) failure = terminal.Drain(200);
      });
    }
    // Round 0 runs without a kill, to see both servers apply batches; later rounds kill one
    // server, in turn, once a few batches have gone out and three of the four terminals await
    // an answer (so that one of them is most likely at the victim).
    // HAProxy sends a request that could not reach a server to the other one itself, so a
    // post that fails after the kill (no answer, or HAProxy's 502) is one the victim took and
    // died with: the kill cut it.
    const int victim = round % 2;
    const int64_t failed_before = traffic.failed;
    if (round > 0) {
      std::unique_lock lock(traffic.mutex);
      traffic.changed.wait_for(lock, 20s, [&] { return traffic.posted >= 3 + round && traffic.in_flight >= 3; });
      lock.unlock();
      servers[victim]->Kill(SIGKILL);
    }
    for (std::thread& worker : workers) worker.join();
    if (round > 0 && traffic.failed > failed_before) ++kills_mid_batch;
    for (int i = 0; i < kTerminals; ++i) ASSERT_EQ("", failures[i]) << terminals[i]->terminal_id();
    if (round == 0) {
      const int64_t first = Metrics(servers[0]->url(), admin)["applied"].get<int64_t>();
      const int64_t second = Metrics(servers[1]->url(), admin)["applied"].get<int64_t>();
      std::printf("[ cluster ] round 0: server 1 applied %lld batches, server 2 %lld\n",
                  static_cast<long long>(first), static_cast<long long>(second));
      EXPECT_GT(first, 0) << "the balancer sent no batch to server 1";
      EXPECT_GT(second, 0) << "the balancer sent no batch to server 2";
      applied_by_both = first + second;
    } else {
      ASSERT_NO_THROW(servers[victim]->Start()) << "the killed server did not start again";
    }
  }
  // How many kills cut a batch short depends on timing (1 to 4 of 5 in runs so far): it is
  // said, not asserted. LedgerKillTest asserts kills mid-ingest over 50 rounds; this test
  // asserts what the balancer adds, that the ledger still equals the terminals.
  std::printf("[ cluster ] %d kills, %d of them cut a batch short\n", kRounds - 1, kills_mid_batch);
  EXPECT_GT(applied_by_both, 0);

  for (const auto& server : servers) server->Kill(SIGTERM);
  testing::LedgerTally tally;
  ASSERT_NO_FATAL_FAILURE(testing::ExpectLedgerEqualsTerminals(ledger_db, kEvent, terminals, tally));
  std::printf("[ cluster ] the ledger holds %zu entries\n", tally.entries);
}

// Holds terminal `terminal_id`'s row locked (FOR UPDATE, on a connection of the test's own)
// until Release(): on PostgreSQL, where each server locks that row first, so that batches
// posted meanwhile all wait at the same point and are released together.
class HeldTerminalRow {
 public:
  // `terminal_id` is the ledger's key for the terminal: "CLU-01/C01".
  HeldTerminalRow(const ledger::sql::Location& where, const std::string& terminal_id) {
    Result<std::unique_ptr<ledger::sql::Connection>> opened = ledger::sql::Open(where, false, "");
    if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
    connection_ = std::move(opened).value();
    if (Status begun = connection_->Begin(true); !begun.ok()) throw std::runtime_error(begun.ToString());
    Result<ledger::sql::Rows> locked = connection_->Query(
        "SELECT id FROM terminals WHERE id = $1 FOR UPDATE", {ledger::sql::Param(terminal_id)});
    if (!locked.ok() || locked->size() != 1) throw std::runtime_error("cannot lock the terminal's row");
  }
  ~HeldTerminalRow() { Release(); }
  void Release() {
    if (connection_) (void)connection_->Commit();
    connection_.reset();
  }

 private:
  std::unique_ptr<ledger::sql::Connection> connection_;
};

// How many sessions on the ledger's database wait for a lock now (the tests running beside
// this one share the PostgreSQL server, each on a database of its own).
int64_t SessionsWaitingForALock(const ledger::sql::Location& where) {
  return testing::QueryLedger(where, "SELECT COUNT(*) FROM pg_stat_activity "
                                     "WHERE wait_event_type = 'Lock' AND datname = current_database()")
      .Int(0, 0);
}

TEST(LedgerClusterTest, TheSameBatchPostedToBothServersAtOnceIsAppliedOnce) {
  testing::TempDir dir;
  const ledger::sql::Location ledger_db = testing::NewLedgerLocation(dir);
  const bool postgres = !ledger_db.postgres_uri.empty();
  testing::LedgerProcess first(ledger_db), second(ledger_db);
  const std::string admin = AdminToken(ledger_db);
  const std::string code = testing::EnrolTerminal(ledger_db, kEvent, "CLU-01", "C01", first.url());
  Result<sync::EnrolmentCode> enrolment = sync::ParseEnrolmentCode(code);
  ASSERT_TRUE(enrolment.ok()) << enrolment.status().ToString();
  testing::StallFixture stall(dir.File("c01.db"), "CLU-01", "C01");

  constexpr int kBatches = 20;
  int64_t from = 1, sold = 0;
  for (int b = 0; b < kBatches; ++b) {
    SCOPED_TRACE(fmt::format("batch {}", b));
    for (int s = 0; s < 3; ++s) {
      stall.Sell(2'000 * (b + 1), {testing::Cash(50'000)});
      sold += 2'000 * (b + 1);
    }
    Result<sync::SealedBatch> batch = sync::BuildBatch(stall.store(), from, enrolment->terminal_key);
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    from = batch->last_seq + 1;
    // Both servers get it at once. On PostgreSQL the test holds the terminal's row, so that
    // both transactions have begun and wait for it when it is let go: a server that did not
    // lock the row would not wait, and the test fails at the deadline below.
    std::optional<HeldTerminalRow> held;
    if (postgres) held.emplace(ledger_db, "CLU-01/C01");
    std::vector<std::pair<int, std::string>> answers(2);
    std::vector<std::thread> posts;
    for (int s = 0; s < 2; ++s) {
      posts.emplace_back([&, s] {
        httplib::Client client((s == 0 ? first : second).url());
        client.set_read_timeout(20, 0);
        httplib::Result result =
            client.Post("/v1/batches", batch->bytes.data(), batch->bytes.size(), "application/octet-stream");
        if (result) answers[s] = {result->status, result->body};
      });
    }
    if (postgres) {
      const auto deadline = std::chrono::steady_clock::now() + 5s;  // under the servers' lock_timeout
      while (SessionsWaitingForALock(ledger_db) < 2 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
      }
      EXPECT_EQ(2, SessionsWaitingForALock(ledger_db)) << "the servers did not both wait for the terminal's row";
      held->Release();
    }
    for (std::thread& post : posts) post.join();
    for (int s = 0; s < 2; ++s) {
      ASSERT_EQ(200, answers[s].first) << "server " << s + 1 << ": " << answers[s].second;
      EXPECT_EQ(batch->last_seq, json::parse(answers[s].second)["hwm"].get<int64_t>()) << answers[s].second;
    }
  }
  // Each batch applied by one server and answered as a duplicate by the other.
  const json metrics[] = {Metrics(first.url(), admin), Metrics(second.url(), admin)};
  EXPECT_EQ(kBatches, metrics[0]["applied"].get<int64_t>() + metrics[1]["applied"].get<int64_t>());
  EXPECT_EQ(kBatches, metrics[0]["duplicates"].get<int64_t>() + metrics[1]["duplicates"].get<int64_t>());
  const int64_t journal = from - 1;
  const ledger::sql::Rows held = testing::QueryLedger(
      ledger_db, "SELECT COUNT(*), MAX(seq) FROM entries WHERE terminal_id = 'CLU-01/C01'");
  EXPECT_EQ(journal, held.Int(0, 0)) << "entries missing";
  EXPECT_EQ(journal, held.Int(0, 1));
  const ledger::sql::Rows totals = testing::QueryLedger(
      ledger_db, "SELECT CAST(SUM(sales_count) AS BIGINT), CAST(SUM(gross) AS BIGINT) FROM day_totals "
      "WHERE stall_id = 'CLU-01'");
  EXPECT_EQ(3 * kBatches, totals.Int(0, 0)) << "a sale counted twice, or not at all";
  EXPECT_EQ(sold, totals.Int(0, 1));
}

}  // namespace
}  // namespace lapak
