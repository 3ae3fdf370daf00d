// Seeded vendor terminals for the soak tests against the real lapak-ledger (fault_sync_test,
// ledger_kill_test), and the final check that the ledger holds exactly what they recorded.
//
// Every terminal follows one plan over the bazaar's three days (20-22 November 2026, WIB):
// four day sessions, 30/20/30/20 % of its sales, each closed with a Z except the last one
// when the stall's index is even, with about 3 % of sales voided by the owner. It works out
// the figures each day must come to from the tendered amounts itself, not through core.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/sale.h"
#include "core/status.h"
#include "core/store.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/store/sql.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::testing {

// $name as an integer; `fallback` when unset or empty.
int64_t EnvInt(const char* name, int64_t fallback);
// $name as a seed; when unset or empty, kDefaultSeed, so that a run without it is the same run
// every time (the tests print the seed in use, for replay).
inline constexpr uint64_t kDefaultSeed = 20261122;
uint64_t EnvSeed(const char* name);

// A uniform draw from [lo, hi].
int64_t Uniform(std::mt19937_64& random, int64_t lo, int64_t hi);

// What one sale brings in: its total and the parts of it paid by QRIS and by transfer; the
// cash part is what stays in the drawer once change is given.
struct SaleMoney {
  int64_t total = 0, cash = 0, qris = 0, transfer = 0;
};

// One sale as a vendor rings it up. A FillBasket sets the cart's lines (and any discount),
// the payments handed over, money.total / .qris / .transfer and the cash tendered before
// change; SoakTerminal adds the payments, works out money.cash and records the sale.
struct Basket {
  Cart cart;
  std::vector<Payment> payments;
  SaleMoney money;
  int64_t cash_tendered = 0;
};
// Fills `basket` with draws from `random`; "" or what went wrong.
using FillBasket = std::function<std::string(std::mt19937_64& random, Basket& basket)>;

// Wraps each of a terminal's HTTP transports (its uploader's lanes, posting from threads of
// their own), e.g. to count or watch its requests.
using WrapTransport =
    std::function<std::unique_ptr<sync::Transport>(std::unique_ptr<sync::Transport>)>;

// The batches the terminals of a test post, for a test that kills a ledger while one is in
// flight: `changed` is notified (under `mutex`) at every post.
struct Traffic {
  std::mutex mutex;
  std::condition_variable changed;
  int64_t posted = 0;  // since the test last set it to 0, under `mutex`
  std::atomic<int64_t> in_flight{0};
  std::atomic<int64_t> total_posts{0};
  std::atomic<int64_t> answered{0};
  std::atomic<int64_t> failed{0};  // posts with no answer, or an answer other than 200
};

// A terminal's HTTP transport whose posts count in a Traffic.
class WatchedTransport final : public sync::Transport {
 public:
  WatchedTransport(std::unique_ptr<sync::Transport> inner, Traffic& traffic)
      : inner_(std::move(inner)), traffic_(traffic) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override;

 private:
  std::unique_ptr<sync::Transport> inner_;
  Traffic& traffic_;
};

// Wraps a transport in a WatchedTransport counting in `traffic` (for SoakTerminal::Connect).
WrapTransport WatchedBy(Traffic& traffic);

// What a SoakTerminal is made of.
struct SoakStall {
  int index = 0;  // odd: the last session is closed too (4 Z reports, else 3)
  std::string stall_id;
  std::string terminal_id;
  std::string db_path;    // must not exist yet
  uint64_t seed = 0;      // of the sales, voids and pauses
  int64_t sales = 0;      // in all; at least 20, for the four sessions
  int64_t shortfall = 0;  // rupiah the vendor counts short at every Z
  FillBasket fill_basket;
};

// One stall's terminal driven by its seeded vendor. Not thread-safe: one thread at a time.
class SoakTerminal {
 public:
  // Creates the stall database (throws std::runtime_error if it cannot).
  explicit SoakTerminal(SoakStall stall);

  const std::string& stall_id() const { return stall_.stall_id; }
  const std::string& terminal_id() const { return stall_.terminal_id; }
  StallStore& store() { return fixture_.store(); }
  int64_t planned_sales() const { return stall_.sales; }
  int expected_z_reports() const { return stall_.index % 2 == 1 ? 4 : 3; }
  // The figures each business day must come to, by day ("2026-11-20").
  const std::map<std::string, ledger::LedgerFigures>& expected() const { return expected_; }
  bool done() const { return session_ >= sessions_.size(); }
  // Failed SyncOnce attempts, in all and by kind (status code, plus the HTTP status if any).
  int64_t sync_errors() const { return sync_errors_; }
  const std::map<std::string, int64_t>& error_kinds() const { return error_kinds_; }

  // The organiser enrols this terminal in `event` with the real admin command on the
  // ledger's database `ledger_db` (which throws if it fails), naming `ledger_url`; the store is
  // enrolled with the code. "" or what went wrong.
  std::string Enrol(const ledger::sql::Location& ledger_db, const std::string& event,
                    const std::string& ledger_url);
  // A new uploader to `ledger_url` through sync::kSyncLanes HTTP transports, each wrapped by
  // `wrap`; "" or what went wrong. Must precede SyncOnce and Drain.
  std::string Connect(const std::string& ledger_url, const WrapTransport& wrap);
  // Rings up the next `count` sales of the plan (voiding some, opening and closing day
  // sessions); "" or what went wrong.
  std::string Sell(int64_t count);
  // One upload attempt; a failure is counted and may simply be retried.
  Result<sync::SyncRound> SyncOnce();
  // Syncs until nothing is unsent; "" or why not within `tries` attempts.
  std::string Drain(int tries);

 private:
  // One stage of the plan: a day session on one business day.
  struct Session {
    unsigned day;                // of November 2026
    std::chrono::minutes start;  // local time of its first entry
    int64_t sales;
    std::optional<int64_t> opening_float;  // opened explicitly, or by the first sale (Rp0)
    bool close;                            // closed with a Z at its end
  };
  struct OpenSale {
    std::string receipt;
    std::string day;
    SaleMoney money;
  };

  std::string SellOne(const std::string& day);
  std::string VoidOne();

  SoakStall stall_;
  StallFixture fixture_;
  std::mt19937_64 random_;
  std::vector<Session> sessions_;
  size_t session_ = 0;
  int64_t sold_in_session_ = 0;
  int64_t float_ = 0;
  int64_t session_cash_ = 0;
  std::vector<OpenSale> open_sales_;  // of the open session, not voided
  std::map<std::string, ledger::LedgerFigures> expected_;
  std::vector<std::unique_ptr<sync::Transport>> lanes_;  // sync::kSyncLanes, each wrapped
  std::unique_ptr<sync::Uploader> uploader_;
  int64_t sync_errors_ = 0;
  std::map<std::string, int64_t> error_kinds_;
};

// What ExpectLedgerEqualsTerminals compared, for the tests' summaries.
struct LedgerTally {
  size_t entries = 0;
  int64_t z_reports = 0;
};

// GoogleTest checks that the ledger database `ledger_db` (its server stopped) holds exactly the
// terminals' journals — the same (terminal, seq) set, no duplicates, the same hashes, each
// terminal's mark at its last entry — with every journal acknowledged to its end and
// verifying; that each stall's day totals in `event` equal its terminal's day report and its
// vendor's figures to the rupiah; and that every Z report reached the ledger and reconciles.
// A fatal failure ends it early: call it inside ASSERT_NO_FATAL_FAILURE.
void ExpectLedgerEqualsTerminals(const ledger::sql::Location& ledger_db, const std::string& event,
                                 const std::vector<std::unique_ptr<SoakTerminal>>& terminals,
                                 LedgerTally& tally);

}  // namespace lapak::testing
