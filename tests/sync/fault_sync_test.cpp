// Fault test of the sync contract: 20 terminals × 500 sales, with voids and day closes, sync
// through a seeded fault-injecting proxy (dropped, delayed, truncated, corrupted, duplicated,
// replayed requests and lost answers) into one real lapak-ledger. At the end the ledger must
// hold exactly each terminal's journal — the same (terminal, seq) set, no duplicates, the
// same hashes — and its day totals and Z reconciliations must equal the terminals' own
// figures to the rupiah.
//
//   LAPAK_FAULT_SEED   the proxy's and the sales' seed (random by default; printed)
//   LAPAK_SOAK_SALES   sales per terminal (default 500)
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "core/clock.h"
#include "core/store.h"
#include "sync/backoff.h"
#include "sync/enrolment.h"
#include "sync/ledger/ledger_store.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/fault/fault_proxy.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;
using ledger::LedgerFigures;

constexpr char kEvent[] = "BZR-SMG-26";
constexpr char kOwnerPin[] = "9999";
constexpr char kCashierPin[] = "1234";
constexpr int kTerminals = 20;
constexpr int kThreads = 4;

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoll(value, nullptr, 10) : fallback;
}

uint64_t Seed(const char* name) {
  const char* value = std::getenv(name);
  if (value != nullptr && *value != '\0') return std::strtoull(value, nullptr, 10);
  return (uint64_t{std::random_device{}()} << 32) | std::random_device{}();
}

// November `day`, 2026, at `local` WIB (UTC+7).
TimePoint Wib(unsigned day, std::chrono::milliseconds local) {
  const std::chrono::sys_days date{std::chrono::year{2026} / std::chrono::November / std::chrono::day{day}};
  return TimePoint{date - std::chrono::hours(7)} + local;
}

std::string DayName(unsigned day) { return fmt::format("2026-11-{:02}", day); }

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

LedgerFigures FromDay(const DayFigures& f) {
  return {f.sales_count,    f.voids_count,   f.gross.rupiah(), f.voids.rupiah(),
          f.net.rupiah(),   f.cash.rupiah(), f.qris.rupiah(),  f.transfer.rupiah()};
}

std::string Describe(const LedgerFigures& f) {
  return fmt::format("{} sales, {} voided ({}); gross {} net {} = cash {} + qris {} + transfer {}",
                     f.sales_count, f.voids_count, f.voids, f.gross, f.net, f.cash, f.qris, f.transfer);
}

std::string DigestText(const Sha256Digest& digest) {
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

// What one sale brings in, worked out here from the tendered amounts (not by core).
struct SaleMoney {
  int64_t total = 0, cash = 0, qris = 0, transfer = 0;
};

void AddSale(LedgerFigures& f, const SaleMoney& m) {
  f.sales_count += 1;
  f.gross += m.total;
  f.net += m.total;
  f.cash += m.cash;
  f.qris += m.qris;
  f.transfer += m.transfer;
}

void AddVoid(LedgerFigures& f, const SaleMoney& m) {
  f.voids_count += 1;
  f.voids += m.total;
  f.net -= m.total;
  f.cash -= m.cash;
  f.qris -= m.qris;
  f.transfer -= m.transfer;
}

// Counts what the uploader's requests came to; one terminal's, so one thread at a time.
class CountingTransport final : public sync::Transport {
 public:
  explicit CountingTransport(std::unique_ptr<sync::Transport> inner) : inner_(std::move(inner)) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    ++posts;
    Result<sync::LedgerAnswer> answer = inner_->PostBatch(envelope);
    if (answer.ok()) {
      ++by_status[answer->http_status];
    } else {
      ++no_answer;
    }
    return answer;
  }
  int64_t posts = 0;
  int64_t no_answer = 0;
  std::map<int, int64_t> by_status;

 private:
  std::unique_ptr<sync::Transport> inner_;
};

// One stage of a terminal's bazaar: a day session on one business day.
struct Session {
  unsigned day;                     // of November 2026
  std::chrono::milliseconds start;  // local time of its first entry
  int64_t sales;
  std::optional<int64_t> opening_float;  // opened explicitly, or by the first sale (Rp0)
  bool close;                            // closed with a Z at its end
};

// A stall's terminal driven by a seeded random vendor: its store, clock, the figures it must
// come to (worked out here), and its uploader through the proxy.
class Terminal {
 public:
  Terminal(int index, uint64_t seed, std::string db_path, int64_t sales)
      : index_(index),
        stall_id_(fmt::format("STALL-{:02}", index + 1)),
        terminal_id_(fmt::format("T{:02}", index + 1)),
        db_path_(std::move(db_path)),
        clock_(Wib(20, 8h)),
        random_(seed) {
    const int64_t first = sales * 3 / 10, second = sales * 2 / 10, third = sales * 3 / 10;
    sessions_ = {{20, 9h, first, 200'000, true},
                 {20, 17h, second, 100'000, true},
                 {21, 10h, third, std::nullopt, true},
                 {22, 10h, sales - first - second - third, 150'000, index % 2 == 1}};
  }

  const std::string& stall_id() const { return stall_id_; }
  const std::string& terminal_id() const { return terminal_id_; }
  StallStore& store() { return *store_; }
  const std::map<std::string, LedgerFigures>& expected() const { return expected_; }
  const CountingTransport& transport() const { return *transport_; }
  int64_t sync_errors() const { return sync_errors_; }
  const std::map<std::string, int64_t>& error_kinds() const { return error_kinds_; }
  bool done() const { return session_ >= sessions_.size(); }

  // Creates the stall's store and links it to `ledger_url` with the key of `code`.
  std::string SetUp(const std::string& code, const std::string& ledger_url) {
    Result<std::unique_ptr<StallStore>> opened = StallStore::Open(db_path_, clock_);
    if (!opened.ok()) return "open: " + opened.status().ToString();
    store_ = std::move(opened).value();
    Status initialised = store_->Initialise(
        {stall_id_, "Warung " + stall_id_, terminal_id_, "Asia/Jakarta", "04:00", kOwnerPin, kCashierPin});
    if (!initialised.ok()) return "initialise: " + initialised.ToString();
    Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
    if (!parsed.ok()) return "enrolment code '" + code + "': " + parsed.status().ToString();
    if (parsed->terminal_id != terminal_id_ || parsed->ledger_url != ledger_url) {
      return "enrolment code names " + parsed->terminal_id + " at " + parsed->ledger_url;
    }
    Status enrolled = store_->Enrol({ledger_url, parsed->terminal_key});
    if (!enrolled.ok()) return "enrol: " + enrolled.ToString();
    Result<std::unique_ptr<sync::Transport>> http = sync::MakeHttpTransport(ledger_url);
    if (!http.ok()) return "transport: " + http.status().ToString();
    transport_ = std::make_unique<CountingTransport>(std::move(http).value());
    uploader_ = std::make_unique<sync::Uploader>(*store_, *transport_);
    return "";
  }

  // Rings up the next `count` sales (voiding some, opening and closing day sessions as the
  // plan says); "" or what went wrong.
  std::string Sell(int64_t count) {
    for (int64_t i = 0; i < count && !done(); ++i) {
      const Session& session = sessions_[session_];
      if (sold_in_session_ == 0) {
        clock_.Set(Wib(session.day, session.start));
        if (session.opening_float) {
          Result<OpenDay> opened = store_->OpenDaySession(Rp(*session.opening_float));
          if (!opened.ok()) return "open day: " + opened.status().ToString();
          if (opened->business_day != DayName(session.day)) return "opened day " + opened->business_day;
        }
        float_ = session.opening_float.value_or(0);
        session_cash_ = 0;
        open_sales_.clear();
      }
      if (std::string error = SellOne(DayName(session.day)); !error.empty()) return error;
      // About four hours per session, never more than eight (the next one starts later).
      clock_.Advance(std::chrono::milliseconds(
          std::uniform_int_distribution<int64_t>(1, 8 * 3600 * 1000 / std::max<int64_t>(session.sales, 1))(
              random_)));
      if (std::uniform_int_distribution<int>(0, 99)(random_) < 3) {
        if (std::string error = VoidOne(); !error.empty()) return error;
      }
      if (++sold_in_session_ == session.sales) {
        if (session.close) {
          // Some vendors count a little short.
          const int64_t counted = float_ + session_cash_ - (index_ % 3 == 0 ? 2'000 : 0);
          Result<ZReport> z = store_->CloseDay(Rp(counted));
          if (!z.ok()) return "close day: " + z.status().ToString();
          if (z->expected_cash != Rp(float_ + session_cash_)) {
            return fmt::format("Z{} expects {} in the drawer; the sales say {}", z->z_number,
                               FormatMoney(z->expected_cash), float_ + session_cash_);
          }
        }
        ++session_;
        sold_in_session_ = 0;
      }
    }
    return "";
  }

  // One upload attempt; faults make many fail, and they are simply retried later.
  Result<sync::SyncRound> SyncOnce() {
    Result<sync::SyncRound> round = uploader_->SyncOnce();
    if (!round.ok()) {
      ++sync_errors_;
      const std::string& message = round.status().message();
      const size_t answered = message.find("answered ");
      std::string kind = StatusCodeName(round.status().code());
      if (answered != std::string::npos) kind += " " + message.substr(answered + 9, 3);
      ++error_kinds_[kind];
    }
    return round;
  }

  // Syncs until nothing is unsent; "" or why not within `tries` attempts.
  std::string Drain(int tries) {
    std::string last;
    for (int t = 0; t < tries; ++t) {
      Result<sync::SyncRound> round = SyncOnce();
      if (round.ok() && round->unsent == 0) return "";
      last = round.ok() ? fmt::format("{} unsent", round->unsent) : round.status().ToString();
    }
    return fmt::format("{} still has unsent entries after {} attempts; last: {}", terminal_id_, tries, last);
  }

 private:
  // A sale of one or two lines, sometimes discounted, paid in one of the ways a stall is paid.
  std::string SellOne(const std::string& day) {
    auto uniform = [this](int64_t lo, int64_t hi) {
      return std::uniform_int_distribution<int64_t>(lo, hi)(random_);
    };
    Cart cart;
    const int64_t unit = 500 * uniform(1, 100), quantity = uniform(1, 3);
    int64_t subtotal = unit * quantity;
    if (!cart.AddCustom(Rp(unit), quantity, "Bakso").ok()) return "cannot add a line";
    if (uniform(0, 9) < 3) {
      const int64_t extra = 500 * uniform(1, 20);
      if (!cart.AddCustom(Rp(extra), 1, "Es teh").ok()) return "cannot add a line";
      subtotal += extra;
    }
    int64_t discount = 0;
    const int64_t discount_kind = uniform(0, 19);
    if (discount_kind == 0) {  // 10 %, an exact half rounded up
      discount = (subtotal * 1000 + 5000) / 10000;
      if (!cart.SetDiscount(Discount::Percent(1000)).ok()) return "cannot discount";
    } else if (discount_kind == 1 && subtotal > 1'000) {
      discount = 1'000;
      if (!cart.SetDiscount(Discount::Amount(Rp(1'000))).ok()) return "cannot discount";
    }
    const int64_t total = subtotal - discount;
    SaleMoney money{.total = total};
    int64_t cash_tendered = 0;
    std::vector<Payment> payments;
    switch (uniform(0, 5)) {
      case 0:  // exact cash
        payments = {{PaymentMethod::kCash, Rp(total)}};
        cash_tendered = total;
        break;
      case 1: {  // a note or two, with change
        const int64_t note = uniform(0, 1) ? 50'000 : 100'000;
        cash_tendered = (total / note + 1) * note;
        if (uniform(0, 1) && cash_tendered >= 2 * note) {
          payments = {{PaymentMethod::kCash, Rp(cash_tendered - note)}, {PaymentMethod::kCash, Rp(note)}};
        } else {
          payments = {{PaymentMethod::kCash, Rp(cash_tendered)}};
        }
        break;
      }
      case 2:
        payments = {{PaymentMethod::kQris, Rp(total)}};
        money.qris = total;
        break;
      case 3:
        payments = {{PaymentMethod::kTransfer, Rp(total)}};
        money.transfer = total;
        break;
      case 4: {  // part QRIS, the rest in cash with change
        money.qris = total <= 1 ? 0 : uniform(1, total - 1);
        cash_tendered = ((total - money.qris) / 10'000 + 1) * 10'000;
        if (money.qris > 0) payments.push_back({PaymentMethod::kQris, Rp(money.qris)});
        payments.push_back({PaymentMethod::kCash, Rp(cash_tendered)});
        break;
      }
      default: {  // part transfer, part QRIS, exactly
        money.transfer = total <= 1 ? total : uniform(1, total - 1);
        money.qris = total - money.transfer;
        payments.push_back({PaymentMethod::kTransfer, Rp(money.transfer)});
        if (money.qris > 0) payments.push_back({PaymentMethod::kQris, Rp(money.qris)});
        break;
      }
    }
    int64_t paid = 0;
    for (const Payment& payment : payments) {
      paid += payment.amount.rupiah();
      if (Status added = cart.AddPayment(payment.method, payment.amount); !added.ok()) {
        return "payment: " + added.ToString();
      }
    }
    money.cash = cash_tendered - (paid - total);  // the change goes back out of the drawer
    Result<CompletedSale> sale = cart.Complete();
    if (!sale.ok()) return "complete: " + sale.status().ToString();
    if (sale->totals.total != Rp(total)) {
      return fmt::format("the cart totals {}; expected {}", FormatMoney(sale->totals.total), total);
    }
    Result<Receipt> receipt = store_->RecordSale(*sale);
    if (!receipt.ok()) return "record sale: " + receipt.status().ToString();
    if (receipt->business_day != day) return "sale recorded on " + receipt->business_day + ", not " + day;
    AddSale(expected_[day], money);
    session_cash_ += money.cash;
    open_sales_.push_back({receipt->receipt, day, money});
    return "";
  }

  // Voids one not yet voided sale of the open session, with the owner's PIN.
  std::string VoidOne() {
    if (open_sales_.empty()) return "";
    const size_t pick = std::uniform_int_distribution<size_t>(0, open_sales_.size() - 1)(random_);
    const OpenSale sale = open_sales_[pick];
    open_sales_.erase(open_sales_.begin() + static_cast<ptrdiff_t>(pick));
    Result<Receipt> voided = store_->VoidSale(sale.receipt, kOwnerPin, "salah input");
    if (!voided.ok()) return "void " + sale.receipt + ": " + voided.status().ToString();
    if (!voided->voided || voided->sale.totals.total != Rp(sale.money.total)) {
      return "void " + sale.receipt + " answered a receipt that is not voided or of another total";
    }
    AddVoid(expected_[sale.day], sale.money);
    session_cash_ -= sale.money.cash;
    return "";
  }

  struct OpenSale {
    std::string receipt;
    std::string day;
    SaleMoney money;
  };

  int index_;
  std::string stall_id_;
  std::string terminal_id_;
  std::string db_path_;
  ManualClock clock_;
  std::mt19937_64 random_;
  std::vector<Session> sessions_;
  size_t session_ = 0;
  int64_t sold_in_session_ = 0;
  int64_t float_ = 0;
  int64_t session_cash_ = 0;
  std::vector<OpenSale> open_sales_;
  std::map<std::string, LedgerFigures> expected_;  // by business day
  std::unique_ptr<StallStore> store_;
  std::unique_ptr<CountingTransport> transport_;
  std::unique_ptr<sync::Uploader> uploader_;
  int64_t sync_errors_ = 0;
  std::map<std::string, int64_t> error_kinds_;
};

// ---- reading the ledger's file ------------------------------------------------------------

class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    }
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Every (terminal, seq) the ledger holds, with its hash; duplicates counted apart.
struct HeldEntries {
  std::map<std::pair<std::string, int64_t>, std::string> hashes;
  int64_t rows = 0;
  std::string error;
};

HeldEntries ReadHeldEntries(const std::string& path) {
  HeldEntries held;
  RawDb db(path);
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db.get(), "SELECT terminal_id, seq, hash FROM entries", -1, &statement, nullptr) !=
      SQLITE_OK) {
    held.error = sqlite3_errmsg(db.get());
    return held;
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    ++held.rows;
    const auto* terminal = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    const auto* hash = static_cast<const char*>(sqlite3_column_blob(statement, 2));
    held.hashes[{terminal, sqlite3_column_int64(statement, 1)}] =
        std::string(hash, static_cast<size_t>(sqlite3_column_bytes(statement, 2)));
  }
  if (rc != SQLITE_DONE) held.error = sqlite3_errmsg(db.get());
  sqlite3_finalize(statement);
  return held;
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
  const uint64_t seed = Seed("LAPAK_FAULT_SEED");
  const int64_t sales = EnvInt("LAPAK_SOAK_SALES", 500);
  std::printf("[ fault ] seed %llu (LAPAK_FAULT_SEED=%llu to replay), %d terminals x %lld sales\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed), kTerminals,
              static_cast<long long>(sales));
  SCOPED_TRACE(fmt::format("LAPAK_FAULT_SEED={}", seed));
  ASSERT_GE(sales, 20) << "LAPAK_SOAK_SALES is too small for the plan of four sessions";

  testing::TempDir dir;
  const std::string ledger_db = dir.File("ledger.db");
  auto ledger = std::make_unique<testing::LedgerProcess>(ledger_db);
  testing::FaultProxyOptions options;
  options.upstream_port = static_cast<uint16_t>(ledger->port());
  options.seed = seed;
  options.fault_rate = 0.3;
  options.max_delay = 20ms;
  auto proxy = std::make_unique<testing::FaultProxy>(options);
  const std::string proxy_url = fmt::format("http://127.0.0.1:{}", proxy->port());

  std::vector<std::unique_ptr<Terminal>> terminals;
  std::seed_seq seeds{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  std::vector<uint32_t> terminal_seeds(kTerminals);
  seeds.generate(terminal_seeds.begin(), terminal_seeds.end());
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(
        std::make_unique<Terminal>(i, terminal_seeds[i], dir.File(fmt::format("stall{:02}.db", i + 1)), sales));
  }
  // The organiser enrols the stalls with the real admin commands, two at a time (each is a
  // process of its own), and every terminal is set up with its code.
  std::vector<std::string> setup_failures(kTerminals);
  auto enrol = [&](int i) {
    Terminal& terminal = *terminals[i];
    try {
      const std::string code =
          testing::EnrolTerminal(ledger_db, kEvent, terminal.stall_id(), terminal.terminal_id(), proxy_url);
      setup_failures[i] = terminal.SetUp(code, proxy_url);
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
          Terminal& terminal = *terminals[i];
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
  for (const auto& terminal : terminals) {
    posts += terminal->transport().posts;
    no_answer += terminal->transport().no_answer;
    sync_errors += terminal->sync_errors();
    for (const auto& [status, count] : terminal->transport().by_status) by_status[status] += count;
    for (const auto& [kind, count] : terminal->error_kinds()) error_kinds[kind] += count;
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

  // The ledger holds exactly the terminals' journals: the same (terminal, seq) set, no
  // duplicates, the same hashes.
  const HeldEntries held = ReadHeldEntries(ledger_db);
  ASSERT_EQ("", held.error);
  EXPECT_EQ(held.rows, static_cast<int64_t>(held.hashes.size())) << "the ledger holds duplicate entries";
  std::map<std::pair<std::string, int64_t>, std::string> journals;
  std::map<std::string, std::pair<int64_t, std::string>> last_entries;  // seq and hash by terminal
  for (const auto& terminal : terminals) {
    Result<SyncProgress> progress = terminal->store().Progress();
    ASSERT_TRUE(progress.ok()) << progress.status().ToString();
    EXPECT_EQ(progress->last_seq, progress->acknowledged_seq) << terminal->terminal_id();
    Result<std::vector<JournalEntry>> entries = terminal->store().Entries(1, progress->last_seq + 1);
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(progress->last_seq, static_cast<int64_t>(entries->size()));
    ASSERT_GT(entries->size(), static_cast<size_t>(sales)) << "sales, voids, day opens and closes";
    for (const JournalEntry& entry : *entries) {
      journals[{terminal->terminal_id(), entry.seq}] = DigestText(entry.hash);
    }
    last_entries[terminal->terminal_id()] = {entries->back().seq, DigestText(entries->back().hash)};
    Result<VerifyReport> verified = terminal->store().Verify();
    ASSERT_TRUE(verified.ok()) << verified.status().ToString();
    EXPECT_TRUE(verified->ok) << terminal->terminal_id() << " entry " << verified->first_bad_seq << ": "
                              << verified->problem;
  }
  EXPECT_EQ(journals.size(), held.hashes.size());
  int64_t missing = 0, extra = 0, differing = 0;
  for (const auto& [key, hash] : journals) {
    const auto found = held.hashes.find(key);
    if (found == held.hashes.end()) {
      if (++missing <= 5) ADD_FAILURE() << "the ledger lacks " << key.first << " entry " << key.second;
    } else if (found->second != hash) {
      if (++differing <= 5) ADD_FAILURE() << "the ledger's " << key.first << " entry " << key.second << " differs";
    }
  }
  for (const auto& [key, hash] : held.hashes) {
    if (!journals.contains(key) && ++extra <= 5) {
      ADD_FAILURE() << "the ledger holds " << key.first << " entry " << key.second << ", no terminal's";
    }
  }
  EXPECT_EQ(0, missing);
  EXPECT_EQ(0, extra);
  EXPECT_EQ(0, differing);

  Result<std::unique_ptr<ledger::LedgerStore>> opened = ledger::LedgerStore::Open(ledger_db, false);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  ledger::LedgerStore& books = **opened;

  // Every terminal's mark is its last entry, with its hash.
  Result<std::vector<ledger::TerminalRecord>> records = books.Terminals();
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(static_cast<size_t>(kTerminals), records->size());
  for (const ledger::TerminalRecord& record : *records) {
    ASSERT_TRUE(last_entries.contains(record.id)) << record.id;
    EXPECT_EQ(last_entries[record.id].first, record.hwm) << record.id;
    EXPECT_EQ(last_entries[record.id].second, DigestText(record.last_hash)) << record.id;
  }

  // Each stall's day totals equal the terminal's own day report and the figures worked out
  // here, to the rupiah.
  for (const unsigned day : {20u, 21u, 22u}) {
    Result<std::vector<ledger::StallDayTotals>> totals = books.DayTotals(kEvent, DayName(day));
    ASSERT_TRUE(totals.ok()) << totals.status().ToString();
    std::map<std::string, LedgerFigures> by_stall;
    for (const ledger::StallDayTotals& stall : *totals) by_stall[stall.stall_id] = stall.figures;
    EXPECT_EQ(static_cast<size_t>(kTerminals), by_stall.size()) << DayName(day);
    for (const auto& terminal : terminals) {
      SCOPED_TRACE(terminal->terminal_id() + " on " + DayName(day));
      Result<DayReport> report = terminal->store().ReportDay(DayName(day));
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      const auto expected = terminal->expected().find(DayName(day));
      ASSERT_NE(terminal->expected().end(), expected);
      EXPECT_EQ(Describe(expected->second), Describe(FromDay(report->figures))) << "the terminal's day report";
      EXPECT_EQ(Describe(FromDay(report->figures)), Describe(by_stall[terminal->stall_id()])) << "the ledger";
    }
  }

  // Every Z report reached the ledger and agrees with what the ledger received.
  int64_t z_reports = 0;
  for (const auto& terminal : terminals) {
    SCOPED_TRACE(terminal->terminal_id());
    Result<std::vector<ZReport>> zs = terminal->store().ZReports();
    ASSERT_TRUE(zs.ok()) << zs.status().ToString();
    Result<std::vector<ledger::Reconciliation>> reconciled = books.Reconciliations(terminal->terminal_id());
    ASSERT_TRUE(reconciled.ok()) << reconciled.status().ToString();
    ASSERT_EQ(zs->size(), reconciled->size());
    for (size_t z = 0; z < zs->size(); ++z) {
      const ledger::Reconciliation& r = (*reconciled)[z];
      const ZReport& own = (*zs)[z];
      EXPECT_EQ(own.z_number, r.z_number);
      EXPECT_EQ(terminal->stall_id(), r.stall_id);
      EXPECT_EQ(own.business_day, r.business_day);
      EXPECT_TRUE(r.agrees) << "Z" << r.z_number << ": terminal " << Describe(r.terminal) << "; ledger "
                            << Describe(r.ledger);
      EXPECT_EQ(0, r.difference) << "Z" << r.z_number;
      const LedgerFigures figures = FromDay(own.figures);
      EXPECT_EQ(figures.gross, r.ledger.gross);
      EXPECT_EQ(figures.net, r.ledger.net);
      EXPECT_EQ(figures.cash, r.ledger.cash);
      EXPECT_EQ(figures.qris, r.ledger.qris);
      EXPECT_EQ(figures.transfer, r.ledger.transfer);
      EXPECT_EQ(figures.sales_count, r.ledger.sales_count);
    }
    z_reports += static_cast<int64_t>(zs->size());
  }
  EXPECT_EQ(kTerminals * 3 + kTerminals / 2, z_reports) << "the plan closes 3 or 4 sessions per terminal";
  std::printf("[ fault ] ledger holds %zu entries of %d terminals, %lld Z reports reconciled; total %.1f s\n",
              held.hashes.size(), kTerminals, static_cast<long long>(z_reports),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace
}  // namespace lapak
