// Kill test of the ledger: three terminals keep selling and uploading straight to a real
// lapak-ledger while the test kills it with SIGKILL at a random moment — a random number of
// batches into the round, then a random 0-30 ms — and starts it again on the same file, 50
// times. After each restart the ledger must still hold everything it acknowledged, and hold
// whole batches only. After the last one every terminal syncs to the end and the ledger must
// hold exactly the terminals' journals — the same (terminal, seq) set, no duplicates, the same
// hashes — with day totals and Z reconciliations equal to the terminals' own figures to the
// rupiah; on SQLite, in a file that passes PRAGMA integrity_check. (On PostgreSQL only the
// ledger process dies; the server, which owns the files, lives on.)
//
//   LAPAK_KILL_SEED     the seed of the kill moments and the sales (fixed by default; printed)
//   LAPAK_KILL_ROUNDS   kill/restart rounds (default 50)
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "sync/envelope.h"
#include "sync/transport.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/soak_terminals.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;
using testing::Basket;
using testing::SoakTerminal;
using testing::Uniform;

constexpr char kEvent[] = "BZR-SLO-26";
constexpr int kTerminals = 3;
// Before the first round: a full batch and a part one, so that a kill can fall between them.
constexpr int64_t kBacklogSales = sync::kMaxEntriesPerBatch + 100;
constexpr int64_t kSalesPerRound = 40;

// A sale of one line, paid in cash, by QRIS, by transfer or part QRIS part cash.
std::string FillKiosBasket(std::mt19937_64& random, Basket& basket) {
  const int64_t unit = 500 * Uniform(random, 1, 100), quantity = Uniform(random, 1, 3);
  const int64_t total = unit * quantity;
  if (!basket.cart.AddCustom(Money::Rupiah(unit), quantity, "Soto").ok()) {
    return "cannot add a line";
  }
  testing::SaleMoney& money = basket.money;
  money.total = total;
  switch (Uniform(random, 0, 3)) {
    case 0:  // cash with change
      basket.cash_tendered = (total / 50'000 + 1) * 50'000;
      basket.payments = {testing::Cash(basket.cash_tendered)};
      break;
    case 1:
      basket.payments = {testing::Qris(total)};
      money.qris = total;
      break;
    case 2:
      basket.payments = {testing::Transfer(total)};
      money.transfer = total;
      break;
    default:  // part QRIS, the rest in cash with change
      money.qris = Uniform(random, 1, total - 1);
      basket.cash_tendered = ((total - money.qris) / 10'000 + 1) * 10'000;
      basket.payments = {testing::Qris(money.qris), testing::Cash(basket.cash_tendered)};
      break;
  }
  return "";
}

// ---- reading the ledger's database --------------------------------------------------------

// Per terminal: its mark, how many entries the ledger holds for it and the highest seq.
struct HeldMark {
  int64_t hwm = 0, count = 0, max_seq = 0;
};

std::map<std::string, HeldMark> ReadMarks(const ledger::sql::Location& ledger_db) {
  const ledger::sql::Rows rows = testing::QueryLedger(
      ledger_db,
      "SELECT t.name, t.hwm, COUNT(e.seq), COALESCE(MAX(e.seq), 0) FROM terminals t "
      "LEFT JOIN entries e ON e.terminal_id = t.id GROUP BY t.name, t.hwm");
  std::map<std::string, HeldMark> marks;
  for (size_t row = 0; row < rows.size(); ++row) {
    marks[rows.Text(row, 0)] = {rows.Int(row, 1), rows.Int(row, 2), rows.Int(row, 3)};
  }
  return marks;
}

// ---- the test -----------------------------------------------------------------------------

TEST(LedgerKillTest, KilledMidIngestAndRestartedTheLedgerStillEqualsTheTerminals) {
  const auto started = std::chrono::steady_clock::now();
  const uint64_t seed = testing::EnvSeed("LAPAK_KILL_SEED");
  const int rounds = static_cast<int>(testing::EnvInt("LAPAK_KILL_ROUNDS", 50));
  std::printf("[ kill ] seed %llu (LAPAK_KILL_SEED=%llu to replay the same kill moments), %d rounds\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed), rounds);
  SCOPED_TRACE(fmt::format("LAPAK_KILL_SEED={}", seed));
  std::mt19937_64 random(seed);

  testing::TempDir dir;
  const ledger::sql::Location ledger_db = testing::NewLedgerLocation(dir);
  testing::LedgerProcess ledger(ledger_db);

  const int64_t planned = kBacklogSales + int64_t{rounds} * kSalesPerRound;
  std::vector<std::unique_ptr<SoakTerminal>> terminals;
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(std::make_unique<SoakTerminal>(testing::SoakStall{
        .index = i,
        .stall_id = fmt::format("KIOS-{:02}", i + 1),
        .terminal_id = fmt::format("K{:02}", i + 1),
        .db_path = dir.File(fmt::format("kios{}.db", i + 1)),
        .seed = random(),
        .sales = planned,
        .fill_basket = FillKiosBasket}));
    SoakTerminal& terminal = *terminals.back();
    ASSERT_EQ("", terminal.Enrol(ledger_db, kEvent, ledger.url())) << terminal.terminal_id();
  }

  // Runs `work(i)` for every terminal, one thread each; the failures, "" for none.
  auto each_terminal = [&](const std::function<std::string(int)>& work) {
    std::vector<std::string> failures(kTerminals);
    std::vector<std::thread> threads;
    for (int i = 0; i < kTerminals; ++i) threads.emplace_back([&, i] { failures[i] = work(i); });
    for (std::thread& thread : threads) thread.join();
    std::string all;
    for (int i = 0; i < kTerminals; ++i) {
      if (!failures[i].empty()) all += terminals[i]->terminal_id() + ": " + failures[i] + "\n";
    }
    return all;
  };

  ASSERT_EQ("", each_terminal([&](int i) { return terminals[i]->Sell(kBacklogSales); }));

  testing::Traffic traffic;
  std::map<std::string, int64_t> acknowledged;  // each terminal's mark when the ledger died
  int kills_in_flight = 0;
  int64_t max_gain = 0;  // most entries a restarted ledger held beyond the terminal's mark
  int lost_answers = 0;  // restarts that found a batch applied whose answer never arrived
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE(fmt::format("round {}", round));
    if (round > 0) {
      try {
        ledger.Start();
      } catch (const std::exception& e) {
        FAIL() << "the ledger did not come back after SIGKILL: " << e.what();
      }
    }
    // Nothing acknowledged is lost, and only whole batches were applied.
    std::map<std::string, HeldMark> marks;
    try {
      marks = ReadMarks(ledger_db);
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
    bool ahead = false;
    for (const auto& terminal : terminals) {
      const HeldMark& mark = marks[terminal->terminal_id()];
      ahead = ahead || mark.hwm > acknowledged[terminal->terminal_id()];
      ASSERT_GE(mark.hwm, acknowledged[terminal->terminal_id()])
          << terminal->terminal_id() << ": the ledger lost entries it had acknowledged";
      ASSERT_EQ(mark.hwm, mark.count) << terminal->terminal_id() << ": entries held besides 1..hwm";
      ASSERT_EQ(mark.hwm, mark.max_seq) << terminal->terminal_id();
      max_gain = std::max(max_gain, mark.hwm - acknowledged[terminal->terminal_id()]);
    }
    lost_answers += ahead ? 1 : 0;

    // The terminals sell and upload until the ledger dies under them.
    const int kill_after_posts = std::uniform_int_distribution<int>(1, 6)(random);
    const auto kill_delay = std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30'000)(random));
    std::vector<uint64_t> chunk_seeds;
    for (int i = 0; i < kTerminals; ++i) chunk_seeds.push_back(random());
    {
      std::lock_guard lock(traffic.mutex);
      traffic.posted = 0;
    }
    std::atomic<bool> stop{false};
    std::vector<std::string> failures(kTerminals);
    std::vector<std::thread> workers;
    for (int i = 0; i < kTerminals; ++i) {
      workers.emplace_back([&, i] {
        SoakTerminal& terminal = *terminals[i];
        std::mt19937_64 chunks(chunk_seeds[i]);
        std::string& failure = failures[i];
        failure = terminal.Connect(ledger.url(), testing::WatchedBy(traffic));
        int64_t sold = 0;
        while (failure.empty() && !stop) {
          if (sold < kSalesPerRound) {
            const int64_t chunk =
                std::min(kSalesPerRound - sold, std::uniform_int_distribution<int64_t>(1, 25)(chunks));
            failure = terminal.Sell(chunk);
            sold += chunk;
          }
          Result<sync::SyncRound> synced = terminal.SyncOnce();  // fails once the ledger is gone
          if (synced.ok() && synced->unsent == 0 && sold == kSalesPerRound) {
            std::unique_lock lock(traffic.mutex);
            traffic.changed.wait(lock, [&] { return stop.load(); });
          }
        }
        // Sales go on while the ledger is down.
        if (failure.empty()) failure = terminal.Sell(kSalesPerRound - sold);
      });
    }
    {
      std::unique_lock lock(traffic.mutex);
      traffic.changed.wait_for(lock, 20s, [&] { return traffic.posted >= kill_after_posts; });
    }
    std::this_thread::sleep_for(kill_delay);  // the random kill moment
    const bool in_flight = traffic.in_flight > 0;
    ledger.Kill(SIGKILL);
    kills_in_flight += in_flight ? 1 : 0;
    {
      std::lock_guard lock(traffic.mutex);
      stop = true;
    }
    traffic.changed.notify_all();
    for (std::thread& worker : workers) worker.join();
    for (int i = 0; i < kTerminals; ++i) ASSERT_EQ("", failures[i]) << terminals[i]->terminal_id();
    for (const auto& terminal : terminals) {
      Result<SyncProgress> progress = terminal->store().Progress();
      ASSERT_TRUE(progress.ok()) << progress.status().ToString();
      acknowledged[terminal->terminal_id()] = progress->acknowledged_seq;
    }
  }
  const auto killed = std::chrono::steady_clock::now();

  // The last restart: every terminal syncs to the end.
  try {
    ledger.Start();
  } catch (const std::exception& e) {
    FAIL() << "the ledger did not come back after SIGKILL: " << e.what();
  }
  {
    std::map<std::string, HeldMark> marks = ReadMarks(ledger_db);
    for (const auto& terminal : terminals) {
      ASSERT_GE(marks[terminal->terminal_id()].hwm, acknowledged[terminal->terminal_id()])
          << terminal->terminal_id() << ": the ledger lost entries it had acknowledged";
    }
  }
  for (const auto& terminal : terminals) ASSERT_TRUE(terminal->done()) << terminal->terminal_id();
  ASSERT_EQ("", each_terminal([&](int i) {
              std::string error = terminals[i]->Connect(ledger.url(), testing::WatchedBy(traffic));
              return error.empty() ? terminals[i]->Drain(20) : error;
            }));
  ledger.Kill(SIGTERM);
  std::printf("[ kill ] %d kills, %d with a batch in flight; %lld batches posted, %lld answered; "
              "%d restarts found a batch applied whose answer was lost (up to %lld entries beyond a "
              "terminal's mark)\n",
              rounds, kills_in_flight, static_cast<long long>(traffic.total_posts.load()),
              static_cast<long long>(traffic.answered.load()), lost_answers, static_cast<long long>(max_gain));
  std::printf("[ kill ] time: backlog+rounds %.1f s, final sync %.1f s\n",
              std::chrono::duration<double>(killed - started).count(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count());
  // The kills hit the ledger at work, not only between batches.
  EXPECT_GE(kills_in_flight, rounds / 4) << "too few kills landed while a batch was in flight";

  // The database is sound (a SQLite file's own check; PostgreSQL's files are its server's
  // business), and holds exactly the terminals' journals, day totals and Z reports.
  if (!ledger_db.sqlite_path.empty()) {
    EXPECT_EQ("ok", testing::QueryLedger(ledger_db, "PRAGMA integrity_check").Text(0, 0));
  }
  testing::LedgerTally tally;
  ASSERT_NO_FATAL_FAILURE(
      testing::ExpectLedgerEqualsTerminals(ledger_db, kEvent, terminals, tally));
  std::printf("[ kill ] ledger holds %zu entries; total %.1f s\n", tally.entries,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace
}  // namespace lapak
