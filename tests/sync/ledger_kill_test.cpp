// Kill test of the ledger: three terminals keep selling and uploading straight to a real
// lapak-ledger while the test kills it with SIGKILL at a random moment — a random number of
// batches into the round, then a random 0-30 ms — and starts it again on the same file, 50
// times. After each restart the ledger must still hold everything it acknowledged, and hold
// whole batches only. After the last one every terminal syncs to the end and the ledger must
// hold exactly the terminals' journals — the same (terminal, seq) set, no duplicates, the same
// hashes — with day totals and Z reconciliations equal to the terminals' own figures to the
// rupiah, in a file that passes PRAGMA integrity_check.
//
//   LAPAK_KILL_SEED     the seed of the kill moments and the sales (random by default; printed)
//   LAPAK_KILL_ROUNDS   kill/restart rounds (default 50)
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
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
#include "sync/enrolment.h"
#include "sync/ledger/ledger_store.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;
using ledger::LedgerFigures;

constexpr char kEvent[] = "BZR-SLO-26";
constexpr char kOwnerPin[] = "9999";
constexpr char kCashierPin[] = "1234";
constexpr int kTerminals = 3;
constexpr int64_t kBacklogSales = 600;  // before the first round: batches of 500 entries
constexpr int64_t kSalesPerRound = 40;

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

// What the killer watches: batches posted this round and batches awaiting their answer.
struct Traffic {
  std::mutex mutex;
  std::condition_variable changed;
  int64_t posted = 0;  // this round
  std::atomic<int64_t> in_flight{0};
  std::atomic<int64_t> total_posts{0};
  std::atomic<int64_t> answered{0};
};

class WatchedTransport final : public sync::Transport {
 public:
  WatchedTransport(std::unique_ptr<sync::Transport> inner, Traffic& traffic)
      : inner_(std::move(inner)), traffic_(traffic) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    ++traffic_.in_flight;
    ++traffic_.total_posts;
    {
      std::lock_guard lock(traffic_.mutex);
      ++traffic_.posted;
    }
    traffic_.changed.notify_all();
    Result<sync::LedgerAnswer> answer = inner_->PostBatch(envelope);
    --traffic_.in_flight;
    if (answer.ok()) ++traffic_.answered;
    return answer;
  }

 private:
  std::unique_ptr<sync::Transport> inner_;
  Traffic& traffic_;
};

struct Session {
  unsigned day;
  std::chrono::milliseconds start;
  int64_t sales;
  std::optional<int64_t> opening_float;
  bool close;
};

// A stall's terminal driven by a seeded random vendor (as in fault_sync_test.cpp), whose
// uploader is pointed at wherever the ledger listens this round.
class Terminal {
 public:
  Terminal(int index, uint64_t seed, std::string db_path, int64_t sales)
      : index_(index),
        stall_id_(fmt::format("KIOS-{:02}", index + 1)),
        terminal_id_(fmt::format("K{:02}", index + 1)),
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
  bool done() const { return session_ >= sessions_.size(); }
  int expected_z_reports() const { return index_ % 2 == 1 ? 4 : 3; }

  std::string SetUp(const std::string& code, const std::string& ledger_url) {
    Result<std::unique_ptr<StallStore>> opened = StallStore::Open(db_path_, clock_);
    if (!opened.ok()) return "open: " + opened.status().ToString();
    store_ = std::move(opened).value();
    Status initialised = store_->Initialise(
        {stall_id_, "Kios " + stall_id_, terminal_id_, "Asia/Jakarta", "04:00", kOwnerPin, kCashierPin});
    if (!initialised.ok()) return "initialise: " + initialised.ToString();
    Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
    if (!parsed.ok()) return "enrolment code '" + code + "': " + parsed.status().ToString();
    if (parsed->terminal_id != terminal_id_ || parsed->ledger_url != ledger_url) {
      return "enrolment code names " + parsed->terminal_id + " at " + parsed->ledger_url;
    }
    Status enrolled = store_->Enrol({ledger_url, parsed->terminal_key});
    return enrolled.ok() ? "" : "enrol: " + enrolled.ToString();
  }

  // The ledger restarted on another port: a new transport and uploader for it.
  std::string Connect(const std::string& ledger_url, Traffic& traffic) {
    uploader_.reset();
    Result<std::unique_ptr<sync::Transport>> http = sync::MakeHttpTransport(ledger_url);
    if (!http.ok()) return "transport: " + http.status().ToString();
    transport_ = std::make_unique<WatchedTransport>(std::move(http).value(), traffic);
    uploader_ = std::make_unique<sync::Uploader>(*store_, *transport_);
    return "";
  }

  Result<sync::SyncRound> SyncOnce() { return uploader_->SyncOnce(); }

  std::string Drain(int tries) {
    std::string last;
    for (int t = 0; t < tries; ++t) {
      Result<sync::SyncRound> round = SyncOnce();
      if (round.ok() && round->unsent == 0) return "";
      last = round.ok() ? fmt::format("{} unsent", round->unsent) : round.status().ToString();
    }
    return fmt::format("{} still has unsent entries after {} attempts; last: {}", terminal_id_, tries, last);
  }

  std::string Sell(int64_t count) {
    for (int64_t i = 0; i < count && !done(); ++i) {
      const Session& session = sessions_[session_];
      if (sold_in_session_ == 0) {
        clock_.Set(Wib(session.day, session.start));
        if (session.opening_float) {
          Result<OpenDay> opened = store_->OpenDaySession(Rp(*session.opening_float));
          if (!opened.ok()) return "open day: " + opened.status().ToString();
        }
        float_ = session.opening_float.value_or(0);
        session_cash_ = 0;
        open_sales_.clear();
      }
      if (std::string error = SellOne(DayName(session.day)); !error.empty()) return error;
      clock_.Advance(std::chrono::milliseconds(
          std::uniform_int_distribution<int64_t>(1, 8 * 3600 * 1000 / std::max<int64_t>(session.sales, 1))(
              random_)));
      if (std::uniform_int_distribution<int>(0, 99)(random_) < 3) {
        if (std::string error = VoidOne(); !error.empty()) return error;
      }
      if (++sold_in_session_ == session.sales) {
        if (session.close) {
          Result<ZReport> z = store_->CloseDay(Rp(float_ + session_cash_));
          if (!z.ok()) return "close day: " + z.status().ToString();
          if (z->over_short != Money()) return fmt::format("Z{} is over or short", z->z_number);
        }
        ++session_;
        sold_in_session_ = 0;
      }
    }
    return "";
  }

 private:
  std::string SellOne(const std::string& day) {
    auto uniform = [this](int64_t lo, int64_t hi) {
      return std::uniform_int_distribution<int64_t>(lo, hi)(random_);
    };
    Cart cart;
    const int64_t unit = 500 * uniform(1, 100), quantity = uniform(1, 3);
    const int64_t total = unit * quantity;
    if (!cart.AddCustom(Rp(unit), quantity, "Soto").ok()) return "cannot add a line";
    SaleMoney money{.total = total};
    int64_t cash_tendered = 0;
    std::vector<Payment> payments;
    switch (uniform(0, 3)) {
      case 0:  // cash with change
        cash_tendered = (total / 50'000 + 1) * 50'000;
        payments = {{PaymentMethod::kCash, Rp(cash_tendered)}};
        break;
      case 1:
        payments = {{PaymentMethod::kQris, Rp(total)}};
        money.qris = total;
        break;
      case 2:
        payments = {{PaymentMethod::kTransfer, Rp(total)}};
        money.transfer = total;
        break;
      default:  // part QRIS, the rest in cash with change
        money.qris = uniform(1, total - 1);
        cash_tendered = ((total - money.qris) / 10'000 + 1) * 10'000;
        payments = {{PaymentMethod::kQris, Rp(money.qris)}, {PaymentMethod::kCash, Rp(cash_tendered)}};
        break;
    }
    int64_t paid = 0;
    for (const Payment& payment : payments) {
      paid += payment.amount.rupiah();
      if (Status added = cart.AddPayment(payment.method, payment.amount); !added.ok()) {
        return "payment: " + added.ToString();
      }
    }
    money.cash = cash_tendered - (paid - total);
    Result<CompletedSale> sale = cart.Complete();
    if (!sale.ok()) return "complete: " + sale.status().ToString();
    Result<Receipt> receipt = store_->RecordSale(*sale);
    if (!receipt.ok()) return "record sale: " + receipt.status().ToString();
    if (receipt->business_day != day) return "sale recorded on " + receipt->business_day + ", not " + day;
    AddSale(expected_[day], money);
    session_cash_ += money.cash;
    open_sales_.push_back({receipt->receipt, day, money});
    return "";
  }

  std::string VoidOne() {
    if (open_sales_.empty()) return "";
    const size_t pick = std::uniform_int_distribution<size_t>(0, open_sales_.size() - 1)(random_);
    const OpenSale sale = open_sales_[pick];
    open_sales_.erase(open_sales_.begin() + static_cast<ptrdiff_t>(pick));
    Result<Receipt> voided = store_->VoidSale(sale.receipt, kOwnerPin, "pembeli batal");
    if (!voided.ok()) return "void " + sale.receipt + ": " + voided.status().ToString();
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
  std::map<std::string, LedgerFigures> expected_;
  std::unique_ptr<StallStore> store_;
  std::unique_ptr<WatchedTransport> transport_;
  std::unique_ptr<sync::Uploader> uploader_;
};

// ---- reading the ledger's file ------------------------------------------------------------

class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      error_ = std::string("cannot open ") + path + ": " + sqlite3_errmsg(db_);
    }
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Each row's columns as text; throws with SQLite's message.
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    if (!error_.empty()) throw std::runtime_error(error_);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::vector<std::string>> rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, c));
        row.emplace_back(bytes == nullptr ? "" : std::string(bytes, sqlite3_column_bytes(statement, c)));
      }
      rows.push_back(std::move(row));
    }
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + message);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

// Per terminal: its mark, how many entries the ledger holds for it and the highest seq.
struct HeldMark {
  int64_t hwm = 0, count = 0, max_seq = 0;
};

std::map<std::string, HeldMark> ReadMarks(const std::string& ledger_db) {
  RawDb db(ledger_db);
  std::map<std::string, HeldMark> marks;
  for (const auto& row : db.Rows("SELECT t.id, t.hwm, COUNT(e.seq), IFNULL(MAX(e.seq), 0) FROM terminals t "
                                 "LEFT JOIN entries e ON e.terminal_id = t.id GROUP BY t.id")) {
    marks[row[0]] = {std::stoll(row[1]), std::stoll(row[2]), std::stoll(row[3])};
  }
  return marks;
}

// ---- the test -----------------------------------------------------------------------------

TEST(LedgerKillTest, KilledMidIngestAndRestartedTheLedgerStillEqualsTheTerminals) {
  const auto started = std::chrono::steady_clock::now();
  const uint64_t seed = Seed("LAPAK_KILL_SEED");
  const int rounds = static_cast<int>(EnvInt("LAPAK_KILL_ROUNDS", 50));
  std::printf("[ kill ] seed %llu (LAPAK_KILL_SEED=%llu to replay the same kill moments), %d rounds\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed), rounds);
  SCOPED_TRACE(fmt::format("LAPAK_KILL_SEED={}", seed));
  std::mt19937_64 random(seed);

  testing::TempDir dir;
  const std::string ledger_db = dir.File("ledger.db");
  testing::LedgerProcess ledger(ledger_db);

  const int64_t planned = kBacklogSales + int64_t{rounds} * kSalesPerRound;
  std::vector<std::unique_ptr<Terminal>> terminals;
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(std::make_unique<Terminal>(i, random(), dir.File(fmt::format("kios{}.db", i + 1)), planned));
    Terminal& terminal = *terminals.back();
    const std::string code =
        testing::EnrolTerminal(ledger_db, kEvent, terminal.stall_id(), terminal.terminal_id(), ledger.url());
    ASSERT_EQ("", terminal.SetUp(code, ledger.url())) << terminal.terminal_id();
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

  Traffic traffic;
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
        Terminal& terminal = *terminals[i];
        std::mt19937_64 chunks(chunk_seeds[i]);
        std::string& failure = failures[i];
        failure = terminal.Connect(ledger.url(), traffic);
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
              std::string error = terminals[i]->Connect(ledger.url(), traffic);
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

  // The file is sound, and holds exactly the terminals' journals.
  RawDb raw(ledger_db);
  EXPECT_EQ("ok", raw.Rows("PRAGMA integrity_check").at(0).at(0));
  std::map<std::pair<std::string, int64_t>, std::string> held;
  int64_t rows = 0;
  for (const auto& row : raw.Rows("SELECT terminal_id, seq, hash FROM entries")) {
    ++rows;
    held[{row[0], std::stoll(row[1])}] = row[2];
  }
  EXPECT_EQ(rows, static_cast<int64_t>(held.size())) << "the ledger holds duplicate entries";
  std::map<std::pair<std::string, int64_t>, std::string> journals;
  std::map<std::string, std::pair<int64_t, std::string>> last_entries;
  for (const auto& terminal : terminals) {
    Result<SyncProgress> progress = terminal->store().Progress();
    ASSERT_TRUE(progress.ok()) << progress.status().ToString();
    EXPECT_EQ(progress->last_seq, progress->acknowledged_seq) << terminal->terminal_id();
    Result<std::vector<JournalEntry>> entries = terminal->store().Entries(1, progress->last_seq + 1);
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(progress->last_seq, static_cast<int64_t>(entries->size()));
    ASSERT_GT(entries->size(), static_cast<size_t>(planned));
    for (const JournalEntry& entry : *entries) journals[{terminal->terminal_id(), entry.seq}] = DigestText(entry.hash);
    last_entries[terminal->terminal_id()] = {entries->back().seq, DigestText(entries->back().hash)};
  }
  EXPECT_EQ(journals.size(), held.size());
  int64_t missing = 0, extra = 0, differing = 0;
  for (const auto& [key, hash] : journals) {
    const auto found = held.find(key);
    if (found == held.end()) {
      if (++missing <= 5) ADD_FAILURE() << "the ledger lacks " << key.first << " entry " << key.second;
    } else if (found->second != hash) {
      if (++differing <= 5) ADD_FAILURE() << "the ledger's " << key.first << " entry " << key.second << " differs";
    }
  }
  for (const auto& [key, hash] : held) {
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
  Result<std::vector<ledger::TerminalRecord>> records = books.Terminals();
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(static_cast<size_t>(kTerminals), records->size());
  for (const ledger::TerminalRecord& record : *records) {
    ASSERT_TRUE(last_entries.contains(record.id)) << record.id;
    EXPECT_EQ(last_entries[record.id].first, record.hwm) << record.id;
    EXPECT_EQ(last_entries[record.id].second, DigestText(record.last_hash)) << record.id;
  }
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
  for (const auto& terminal : terminals) {
    SCOPED_TRACE(terminal->terminal_id());
    Result<std::vector<ZReport>> zs = terminal->store().ZReports();
    ASSERT_TRUE(zs.ok()) << zs.status().ToString();
    EXPECT_EQ(static_cast<size_t>(terminal->expected_z_reports()), zs->size());
    Result<std::vector<ledger::Reconciliation>> reconciled = books.Reconciliations(terminal->terminal_id());
    ASSERT_TRUE(reconciled.ok()) << reconciled.status().ToString();
    ASSERT_EQ(zs->size(), reconciled->size());
    for (size_t z = 0; z < zs->size(); ++z) {
      const ledger::Reconciliation& r = (*reconciled)[z];
      EXPECT_EQ((*zs)[z].z_number, r.z_number);
      EXPECT_TRUE(r.agrees) << "Z" << r.z_number << ": terminal " << Describe(r.terminal) << "; ledger "
                            << Describe(r.ledger);
      EXPECT_EQ(0, r.difference);
      EXPECT_EQ(FromDay((*zs)[z].figures).net, r.ledger.net);
      EXPECT_EQ(FromDay((*zs)[z].figures).cash, r.ledger.cash);
    }
  }
  std::printf("[ kill ] ledger holds %zu entries; total %.1f s\n", held.size(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace
}  // namespace lapak
