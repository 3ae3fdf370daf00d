// Fault test of the sync contract: 20 terminals × 500 sales, with voids and day closes, sync
// through a seeded fault-injecting proxy (dropped, delayed, truncated, corrupted, duplicated,
// replayed requests and lost answers) into one real lapak-ledger. At the end the ledger must
// hold exactly each terminal's journal — the same (terminal, seq) set, no duplicates, the
// same hashes — and its day totals and Z reconciliations must equal the terminals' own
// figures to the rupiah.
//
//   LAPAK_FAULT_SEED   the proxy's and the sales' seed (fixed by default; printed)
//   LAPAK_SOAK_SALES   sales per terminal (default 500)
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
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

#include "sync/backoff.h"
#include "sync/transport.h"
#include "tests/fault/fault_proxy.h"
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

constexpr char kEvent[] = "BZR-SMG-26";
constexpr int kTerminals = 20;
constexpr int kThreads = 4;

// What one terminal's uploader's requests came to, over all its lanes.
struct PostCounts {
  std::mutex mutex;  // the lanes post from threads of their own
  int64_t posts = 0;
  int64_t no_answer = 0;
  std::map<int, int64_t> by_status;
};

// Counts into `counts`: one of a terminal's lanes.
class CountingTransport final : public sync::Transport {
 public:
  CountingTransport(std::unique_ptr<sync::Transport> inner, PostCounts& counts)
      : inner_(std::move(inner)), counts_(counts) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    Result<sync::LedgerAnswer> answer = inner_->PostBatch(envelope);
    std::lock_guard lock(counts_.mutex);
    ++counts_.posts;
    if (answer.ok()) {
      ++counts_.by_status[answer->http_status];
    } else {
      ++counts_.no_answer;
    }
    return answer;
  }

 private:
  std::unique_ptr<sync::Transport> inner_;
  PostCounts& counts_;
};

// Wraps a terminal's transport to count its requests into `counts`.
testing::WrapTransport CountInto(PostCounts& counts) {
  return [&counts](std::unique_ptr<sync::Transport> http) {
    return std::make_unique<CountingTransport>(std::move(http), counts);
  };
}

// A sale of one or two lines, sometimes discounted, paid in one of the ways a stall is paid.
std::string FillStallBasket(std::mt19937_64& random, Basket& basket) {
  Cart& cart = basket.cart;
  const int64_t unit = 500 * Uniform(random, 1, 100), quantity = Uniform(random, 1, 3);
  int64_t subtotal = unit * quantity;
  if (!cart.AddCustom(Money::Rupiah(unit), quantity, "Bakso").ok()) return "cannot add a line";
  if (Uniform(random, 0, 9) < 3) {
    const int64_t extra = 500 * Uniform(random, 1, 20);
    if (!cart.AddCustom(Money::Rupiah(extra), 1, "Es teh").ok()) return "cannot add a line";
    subtotal += extra;
  }
  int64_t discount = 0;
  const int64_t discount_kind = Uniform(random, 0, 19);
  if (discount_kind == 0) {  // 10 %, an exact half rounded up
    discount = (subtotal * 1000 + 5000) / 10000;
    if (!cart.SetDiscount(Discount::Percent(1000)).ok()) return "cannot discount";
  } else if (discount_kind == 1 && subtotal > 1'000) {
    discount = 1'000;
    if (!cart.SetDiscount(Discount::Amount(Money::Rupiah(1'000))).ok()) return "cannot discount";
  }
  const int64_t total = subtotal - discount;
  testing::SaleMoney& money = basket.money;
  money.total = total;
  std::vector<Payment>& payments = basket.payments;
  switch (Uniform(random, 0, 5)) {
    case 0:  // exact cash
      payments = {testing::Cash(total)};
      basket.cash_tendered = total;
      break;
    case 1: {  // a note or two, with change
      const int64_t note = Uniform(random, 0, 1) ? 50'000 : 100'000;
      basket.cash_tendered = (total / note + 1) * note;
      if (Uniform(random, 0, 1) && basket.cash_tendered >= 2 * note) {
        payments = {testing::Cash(basket.cash_tendered - note), testing::Cash(note)};
      } else {
        payments = {testing::Cash(basket.cash_tendered)};
      }
      break;
    }
    case 2:
      payments = {testing::Qris(total)};
      money.qris = total;
      break;
    case 3:
      payments = {testing::Transfer(total)};
      money.transfer = total;
      break;
    case 4: {  // part QRIS, the rest in cash with change
      money.qris = total <= 1 ? 0 : Uniform(random, 1, total - 1);
      basket.cash_tendered = ((total - money.qris) / 10'000 + 1) * 10'000;
      if (money.qris > 0) payments.push_back(testing::Qris(money.qris));
      payments.push_back(testing::Cash(basket.cash_tendered));
      break;
    }
    default: {  // part transfer, part QRIS, exactly
      money.transfer = total <= 1 ? total : Uniform(random, 1, total - 1);
      money.qris = total - money.transfer;
      payments.push_back(testing::Transfer(money.transfer));
      if (money.qris > 0) payments.push_back(testing::Qris(money.qris));
      break;
    }
  }
  return "";
}

// ---- the tests ----------------------------------------------------------------------------

TEST(BackoffTest, WaitIsWithinTheCappedDoublingCeilingAndReproducibleForASeed) {
  const std::chrono::milliseconds base(100), cap(30'000);
  for (const uint64_t seed : {1ull, 2ull, 42ull, 0xdeadbeefull}) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    sync::Backoff backoff(base, cap, seed), again(base, cap, seed);
    for (int n = 0; n < 64; ++n) {
      EXPECT_EQ(n, backoff.failures());
      const int64_t ceiling = n >= 20 ? cap.count() : std::min<int64_t>(cap.count(), base.count() << n);
      const std::chrono::milliseconds wait = backoff.Next();
      EXPECT_GE(wait.count(), 0) << "after failure " << n;
      EXPECT_LE(wait.count(), ceiling) << "after failure " << n;
      EXPECT_EQ(wait, again.Next()) << "after failure " << n << ": the same seed must give the same wait";
    }
    backoff.Reset();
    EXPECT_EQ(0, backoff.failures());
    EXPECT_LE(backoff.Next(), base) << "after Reset the ceiling starts at base again";
  }

  // Full jitter: the waits after the n-th failure cover [0, ceiling], not just its top.
  for (const int n : {0, 3, 12}) {
    SCOPED_TRACE(fmt::format("failure {}", n));
    const int64_t ceiling = std::min<int64_t>(cap.count(), base.count() << n);
    sync::Backoff backoff(base, cap, 7);
    int64_t low = ceiling, high = 0, sum = 0;
    constexpr int kDraws = 4000;
    for (int d = 0; d < kDraws; ++d) {
      backoff.Reset();
      for (int i = 0; i < n; ++i) (void)backoff.Next();
      const int64_t wait = backoff.Next().count();
      low = std::min(low, wait);
      high = std::max(high, wait);
      sum += wait;
    }
    EXPECT_LE(low, ceiling / 20);
    EXPECT_GE(high, ceiling - ceiling / 20);
    EXPECT_NEAR(static_cast<double>(sum) / kDraws, static_cast<double>(ceiling) / 2, static_cast<double>(ceiling) / 20);
  }

  // Different seeds: different waits (terminals do not retry in step).
  sync::Backoff one(base, cap, 1), two(base, cap, 2);
  std::vector<int64_t> first, second;
  for (int n = 0; n < 20; ++n) {
    first.push_back(one.Next().count());
    second.push_back(two.Next().count());
  }
  EXPECT_NE(first, second);
}

TEST(FaultSyncTest, TwentyTerminalsWithVoidsAndDayClosesSyncThroughRandomFaults) {
  const auto started = std::chrono::steady_clock::now();
  const uint64_t seed = testing::EnvSeed("LAPAK_FAULT_SEED");
  const int64_t sales = testing::EnvInt("LAPAK_SOAK_SALES", 500);
  std::printf("[ fault ] seed %llu (LAPAK_FAULT_SEED=%llu to replay), %d terminals x %lld sales\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed), kTerminals,
              static_cast<long long>(sales));
  SCOPED_TRACE(fmt::format("LAPAK_FAULT_SEED={}", seed));
  ASSERT_GE(sales, 20) << "LAPAK_SOAK_SALES is too small for the plan of four sessions";

  testing::TempDir dir;
  const ledger::sql::Location ledger_db = testing::NewLedgerLocation(dir);
  auto ledger = std::make_unique<testing::LedgerProcess>(ledger_db);
  testing::FaultProxyOptions options;
  options.upstream_port = static_cast<uint16_t>(ledger->port());
  options.seed = seed;
  options.fault_rate = 0.3;
  options.max_delay = 20ms;
  auto proxy = std::make_unique<testing::FaultProxy>(options);
  const std::string proxy_url = fmt::format("http://127.0.0.1:{}", proxy->port());

  std::vector<std::unique_ptr<SoakTerminal>> terminals;
  std::seed_seq seeds{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  std::vector<uint32_t> terminal_seeds(kTerminals);
  seeds.generate(terminal_seeds.begin(), terminal_seeds.end());
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(std::make_unique<SoakTerminal>(testing::SoakStall{
        .index = i,
        .stall_id = fmt::format("STALL-{:02}", i + 1),
        .terminal_id = fmt::format("T{:02}", i + 1),
        .db_path = dir.File(fmt::format("stall{:02}.db", i + 1)),
        .seed = terminal_seeds[i],
        .sales = sales,
        .shortfall = i % 3 == 0 ? 2'000 : 0,  // some vendors count a little short
        .fill_basket = FillStallBasket}));
  }
  // The organiser enrols the stalls with the real admin commands, two at a time (each is a
  // process of its own), and every terminal is set up with its code.
  std::vector<PostCounts> counts(kTerminals);
  std::vector<std::string> setup_failures(kTerminals);
  auto enrol = [&](int i) {
    SoakTerminal& terminal = *terminals[i];
    try {
      setup_failures[i] = terminal.Enrol(ledger_db, kEvent, proxy_url);
      if (setup_failures[i].empty()) {
        setup_failures[i] = terminal.Connect(proxy_url, CountInto(counts[i]));
      }
    } catch (const std::exception& e) {
      setup_failures[i] = e.what();
    }
  };
  enrol(0);  // adds the event
  {
    std::thread odd([&] {
      for (int i = 1; i < kTerminals; i += 2) enrol(i);
    });
    for (int i = 2; i < kTerminals; i += 2) enrol(i);
    odd.join();
  }
  for (int i = 0; i < kTerminals; ++i) ASSERT_EQ("", setup_failures[i]) << terminals[i]->terminal_id();
  const auto enrolled = std::chrono::steady_clock::now();

  // kThreads threads, each driving its share of the terminals in turn: a chunk of sales,
  // then one upload attempt; at the end each drains its terminals.
  std::vector<std::string> failures(kTerminals);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937_64 chunks(seed + 1000 + static_cast<uint64_t>(t));
      for (bool more = true; more;) {
        more = false;
        for (int i = t; i < kTerminals; i += kThreads) {
          SoakTerminal& terminal = *terminals[i];
          if (!failures[i].empty() || terminal.done()) continue;
          failures[i] = terminal.Sell(std::uniform_int_distribution<int64_t>(5, 40)(chunks));
          (void)terminal.SyncOnce();  // a failure is retried after the next chunk
          more = true;
        }
      }
      for (int i = t; i < kTerminals; i += kThreads) {
        if (failures[i].empty()) failures[i] = terminals[i]->Drain(200);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < kTerminals; ++i) ASSERT_EQ("", failures[i]) << terminals[i]->terminal_id();
  const auto synced = std::chrono::steady_clock::now();

  // The proxy did its job: every kind of fault happened.
  const std::map<testing::Fault, int64_t> faults = proxy->Counts();
  const int64_t requests = proxy->requests();
  proxy.reset();
  ledger->Kill(SIGTERM);
  ledger.reset();

  int64_t posts = 0, no_answer = 0, sync_errors = 0;
  std::map<int, int64_t> by_status;
  std::map<std::string, int64_t> error_kinds;
  for (int i = 0; i < kTerminals; ++i) {
    posts += counts[i].posts;
    no_answer += counts[i].no_answer;
    sync_errors += terminals[i]->sync_errors();
    for (const auto& [status, count] : counts[i].by_status) by_status[status] += count;
    for (const auto& [kind, count] : terminals[i]->error_kinds()) error_kinds[kind] += count;
  }
  std::string fault_line, status_line, error_line;
  for (const auto& [fault, count] : faults) fault_line += fmt::format(" {}={}", testing::FaultName(fault), count);
  for (const auto& [status, count] : by_status) status_line += fmt::format(" {}={}", status, count);
  for (const auto& [kind, count] : error_kinds) error_line += fmt::format(" [{}]={}", kind, count);
  std::printf("[ fault ] proxy: %lld requests:%s\n", static_cast<long long>(requests), fault_line.c_str());
  std::printf("[ fault ] terminals: %lld batches posted, %lld without answer, answers:%s\n",
              static_cast<long long>(posts), static_cast<long long>(no_answer), status_line.c_str());
  std::printf("[ fault ] %lld failed sync attempts:%s\n", static_cast<long long>(sync_errors), error_line.c_str());
  std::printf("[ fault ] time: enrol %.1f s, sell+sync %.1f s\n",
              std::chrono::duration<double>(enrolled - started).count(),
              std::chrono::duration<double>(synced - enrolled).count());
  for (const auto& [fault, count] : faults) {
    EXPECT_GT(count, 0) << "the proxy never injected " << testing::FaultName(fault);
  }

  // The ledger holds exactly the terminals' journals, day totals and Z reports.
  testing::LedgerTally tally;
  ASSERT_NO_FATAL_FAILURE(
      testing::ExpectLedgerEqualsTerminals(ledger_db, kEvent, terminals, tally));
  std::printf("[ fault ] ledger holds %zu entries of %d terminals, %lld Z reports reconciled; total %.1f s\n",
              tally.entries, kTerminals, static_cast<long long>(tally.z_reports),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace
}  // namespace lapak
