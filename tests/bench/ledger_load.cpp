// lapak_ledger_load: fills a new ledger with a year of bazaars (tests/bench/bazaar_plan.h)
// through the real ingest path, for the report benchmarks (tests/bench/report_bench.cpp).
//
//   lapak_ledger_load (--db FILE | --postgres URI) [--sales N] [--seed S] [--raw-every K]
//
// N sales (default 10 000 000) over 50 events of ~40 stalls, one terminal each. Each
// terminal's journal (tests/bench/terminal_journal.h) is sealed in envelopes of
// sync::kMaxEntriesPerBatch entries as the uploader seals them and handed to
// lapak::ledger::Ingestor::Handle — envelope, MAC, bounded decode, LedgerStore::ApplyBatch,
// one durable commit a batch. An event's terminals
// take turns batch by batch, as terminals syncing through the event would; events follow one
// another. The ledger must be new: the SQLite file must not exist, the PostgreSQL database
// must hold no ledger. Not resumable: an interrupted load is started again on a new ledger.
//
// The journals are made and sealed on a second thread, ahead of ingest (a queue of 64
// batches); the summary says how much CPU that took and how long ingest waited for it.
// Every K-th batch (default 20) its rows also go into a plain table in one transaction
// (tests/bench/raw_limits.h), interleaved with the load: the raw bulk insert limit.
// At the end the ledger is checked against what was sent: every entry held, the sales and
// voids in day_totals, a Z report per stall and day, each agreeing with the ledger.
#include <fmt/core.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sync/envelope.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/bench/bazaar_plan.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/raw_limits.h"
#include "tests/bench/terminal_journal.h"

namespace lapak::bench {
namespace {

namespace sql = ledger::sql;

using Clock = std::chrono::steady_clock;

struct Options {
  sql::Location where;
  int64_t sales = 10'000'000;
  uint64_t seed = 20260109;
  int64_t raw_every = 20;
};

Options ParseOptions(int argc, char** argv) {
  Options options;
  const auto usage = [] {
    Die("usage: lapak_ledger_load (--db FILE | --postgres URI) [--sales N] [--seed S] [--raw-every K]");
  };
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) usage();
    const std::string value = argv[++i];
    if (flag == "--db") {
      options.where.sqlite_path = value;
    } else if (flag == "--postgres") {
      options.where.postgres_uri = value;
    } else if (flag == "--sales") {
      options.sales = std::atoll(value.c_str());
    } else if (flag == "--seed") {
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (flag == "--raw-every") {
      options.raw_every = std::atoll(value.c_str());
    } else {
      usage();
    }
  }
  if (options.where.sqlite_path.empty() == options.where.postgres_uri.empty() || options.sales < 1 ||
      options.raw_every < 1) {
    usage();
  }
  if (!options.where.sqlite_path.empty() && std::filesystem::exists(options.where.sqlite_path)) {
    Die(options.where.sqlite_path + " exists; the load needs a new ledger");
  }
  return options;
}

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), " ");
  return digits;
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

uint64_t TerminalSeed(uint64_t seed, size_t event, size_t stall) {
  uint64_t x = seed + 0x9E3779B97F4A7C15ULL * (event * 64 + stall + 1);  // splitmix64
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A sealed batch on its way to ingest.
struct Item {
  std::string envelope;
  int64_t entries = 0;
  int64_t sales = 0;
  TimePoint last_time;
  std::optional<std::vector<JournalEntry>> raw_rows;  // every raw_every-th batch
};

// The producer's side of the load: bounded, so that journals are made just ahead of ingest.
class Queue {
 public:
  void Push(Item item) {
    std::unique_lock lock(mutex_);
    const auto start = Clock::now();
    not_full_.wait(lock, [&] { return items_.size() < kCapacity; });
    producer_waited_ += Clock::now() - start;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_one();
  }
  std::optional<Item> Pop() {
    std::unique_lock lock(mutex_);
    const auto start = Clock::now();
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    consumer_waited_ += Clock::now() - start;
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  double producer_waited() const { return Seconds(producer_waited_); }
  double consumer_waited() const { return Seconds(consumer_waited_); }

 private:
  static constexpr size_t kCapacity = 64;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> items_;
  bool closed_ = false;
  Clock::duration producer_waited_{}, consumer_waited_{};
};

struct Produced {
  int64_t sales = 0;
  int64_t voids = 0;
  int64_t entries = 0;
  double cpu_seconds = 0;
};

// Makes every terminal's journal and seals it, event after event, the event's terminals
// taking turns batch by batch.
void Produce(const BazaarPlan& plan, const std::map<std::string, std::string>& keys, uint64_t seed,
             int64_t raw_every, Queue& queue, Produced& produced) {
  int64_t batches = 0;
  for (size_t e = 0; e < plan.events.size(); ++e) {
    const PlannedEvent& event = plan.events[e];
    std::vector<TerminalJournal> journals;
    for (size_t s = 0; s < event.stalls.size(); ++s) {
      journals.emplace_back(event, event.stalls[s], TerminalSeed(seed, e, s));
    }
    for (bool any = true; any;) {
      any = false;
      for (size_t s = 0; s < journals.size(); ++s) {
        if (journals[s].done()) continue;
        any = true;
        const int64_t sales_before = journals[s].sales_made();
        std::vector<JournalEntry> entries = journals[s].Next(sync::kMaxEntriesPerBatch);
        const PlannedStall& stall = event.stalls[s];
        Item item{SealBatch(stall.spec.id, entries, keys.at(stall.terminal_id)).bytes,
                  static_cast<int64_t>(entries.size()), journals[s].sales_made() - sales_before,
                  entries.back().time, std::nullopt};
        if (++batches % raw_every == 0) item.raw_rows = std::move(entries);
        produced.entries += item.entries;
        queue.Push(std::move(item));
      }
    }
    for (const TerminalJournal& journal : journals) {
      produced.sales += journal.sales_made();
      produced.voids += journal.voids_made();
    }
  }
  produced.cpu_seconds = ThreadCpuSeconds();
  queue.Close();
}

std::map<std::string, std::string> SetUpLedger(ledger::LedgerStore& store, const BazaarPlan& plan) {
  std::map<std::string, std::string> keys;
  const TimePoint enrolled{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  for (const PlannedEvent& event : plan.events) {
    Check(store.AddEvent(event.spec), "add event " + event.spec.id);
    for (const PlannedStall& stall : event.stalls) {
      Check(store.AddStall(stall.spec), "add stall " + stall.spec.id);
      Result<std::string> key = store.EnrolTerminal({stall.spec.id, stall.terminal_id}, enrolled);
      Check(key.status(), "enrol " + stall.terminal_id);
      keys[stall.terminal_id] = std::move(key).value();
    }
  }
  return keys;
}

// What the ledger holds after the load: entries, sales and voids, Z reports and how many
// of them agree.
struct Held {
  int64_t entries = 0, sales = 0, voids = 0, z_reports = 0, z_agreeing = 0;
};

Held ReadHeld(ledger::LedgerStore& store) {
  Held held;
  Check(store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> entries = db.Query("SELECT CAST(sum(hwm) AS BIGINT) FROM terminals", {});
    if (!entries.ok()) return entries.status();
    Result<sql::Rows> sales = db.Query(
        "SELECT CAST(sum(sales_count) AS BIGINT), CAST(sum(voids_count) AS BIGINT) FROM day_totals", {});
    if (!sales.ok()) return sales.status();
    Result<sql::Rows> z = db.Query("SELECT count(*), CAST(sum(agrees) AS BIGINT) FROM reconciliations", {});
    if (!z.ok()) return z.status();
    held = {entries->Int(0, 0), sales->Int(0, 0), sales->Int(0, 1), z->Int(0, 0), z->Int(0, 1)};
    return Status::Ok();
  }), "read back the totals");
  return held;
}

// SQLite: the file and its WAL; PostgreSQL: pg_database_size.
int64_t DatabaseBytes(ledger::LedgerStore* store, const sql::Location& where) {
  if (store != nullptr) {
    int64_t bytes = 0;
    Check(store->InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
      Result<sql::Rows> size = db.Query("SELECT pg_database_size(current_database())", {});
      if (!size.ok()) return size.status();
      bytes = size->Int(0, 0);
      return Status::Ok();
    }), "database size");
    return bytes;
  }
  int64_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    const std::string path = where.sqlite_path + suffix;
    if (std::filesystem::exists(path)) bytes += static_cast<int64_t>(std::filesystem::file_size(path));
  }
  return bytes;
}

int Run(const Options& options) {
  const bool postgres = !options.where.postgres_uri.empty();
  const std::string engine = postgres ? "PostgreSQL" : "SQLite";
  const BazaarPlan plan = MakeBazaarPlan(options.sales, options.seed);
  std::unique_ptr<ledger::LedgerStore> store = [&] {
    Result<std::unique_ptr<ledger::LedgerStore>> opened = ledger::LedgerStore::Open(options.where, true);
    Check(opened.status(), "open " + options.where.Describe());
    return std::move(opened).value();
  }();
  const auto setup_start = Clock::now();
  const std::map<std::string, std::string> keys = SetUpLedger(*store, plan);
  fmt::print("{}: {} events, {} stalls and terminals set up in {:.1f} s; loading {} sales\n", engine,
             plan.events.size(), Thousands(plan.stalls), Seconds(Clock::now() - setup_start),
             Thousands(plan.sales));
  std::fflush(stdout);

  std::unique_ptr<RawBulkInsert> raw = postgres ? MakeRawPostgresInsert(options.where.postgres_uri)
                                                : MakeRawSqliteInsert(options.where.sqlite_path + ".raw");
  ManualClock ledger_clock(TimePoint{});
  ledger::Ingestor ingestor(*store, ledger_clock);
  Queue queue;
  Produced produced;
  std::thread producer([&] { Produce(plan, keys, options.seed, options.raw_every, queue, produced); });

  const auto start = Clock::now();
  const double cpu_start = ThreadCpuSeconds();
  std::vector<double> ingest, raw_times, ingest_sampled;
  int64_t sales = 0, entries = 0;
  auto window_start = start;
  int64_t window_sales = 0;
  while (std::optional<Item> item = queue.Pop()) {
    ledger_clock.Set(item->last_time + std::chrono::minutes(2));  // synced soon after
    const auto before = Clock::now();
    const ledger::IngestAnswer answer = ingestor.Handle(item->envelope);
    const double took = Seconds(Clock::now() - before);
    if (answer.http_status != 200) Die(fmt::format("ingest answered {}: {}", answer.http_status, answer.json));
    ingest.push_back(took);
    if (item->raw_rows) {
      ingest_sampled.push_back(took);
      raw_times.push_back(raw->TimeInsert(*item->raw_rows));
    }
    sales += item->sales;
    entries += item->entries;
    const auto now = Clock::now();
    if (now - window_start >= std::chrono::seconds(30)) {
      const double elapsed = Seconds(now - start);
      const double rate = static_cast<double>(sales) / elapsed;
      fmt::print("  {:5.1f} %  {:>12} sales  {:7.0f} s  {:6.0f} sales/s (last {:.0f} s: {:.0f}/s)  eta {:.0f} s\n",
                 100.0 * static_cast<double>(sales) / static_cast<double>(plan.sales), Thousands(sales),
                 elapsed, rate, Seconds(now - window_start),
                 static_cast<double>(sales - window_sales) / Seconds(now - window_start),
                 static_cast<double>(plan.sales - sales) / rate);
      std::fflush(stdout);
      window_start = now;
      window_sales = sales;
    }
  }
  const double wall = Seconds(Clock::now() - start);
  const double ingest_cpu = ThreadCpuSeconds() - cpu_start;
  producer.join();
  raw.reset();

  const Held held = ReadHeld(*store);
  const int64_t bytes = postgres ? DatabaseBytes(store.get(), options.where) : 0;
  store.reset();  // SQLite: the WAL is checkpointed into the file on close
  const int64_t file_bytes = postgres ? bytes : DatabaseBytes(nullptr, options.where);

  const size_t n = ingest.size();
  const auto part = [&](size_t from, size_t to) {
    return std::vector<double>(ingest.begin() + static_cast<std::ptrdiff_t>(from),
                               ingest.begin() + static_cast<std::ptrdiff_t>(to));
  };
  fmt::print("{}: {} sales ({} voided), {} entries in {} batches, {:.1f} s: {:.0f} sales/s, {:.0f} entries/s\n",
             engine, Thousands(sales), Thousands(produced.voids), Thousands(entries), Thousands(static_cast<int64_t>(n)),
             wall, static_cast<double>(sales) / wall, static_cast<double>(entries) / wall);
  fmt::print("  ingest per batch (Ingestor::Handle): p50 {:.2f} ms, p90 {:.2f} ms, p99 {:.2f} ms; "
             "p50 of the first tenth {:.2f} ms, of the last tenth {:.2f} ms\n",
             Percentile(ingest, 0.5) * 1e3, Percentile(ingest, 0.9) * 1e3, Percentile(ingest, 0.99) * 1e3,
             Percentile(part(0, n / 10), 0.5) * 1e3, Percentile(part(n - n / 10, n), 0.5) * 1e3);
  fmt::print("  raw bulk insert of the same rows, every {}th batch ({} samples): p50 {:.2f} ms; "
             "ingest p50 of those batches {:.2f} ms: ratio {:.1f}x\n",
             options.raw_every, raw_times.size(), Percentile(raw_times, 0.5) * 1e3,
             Percentile(ingest_sampled, 0.5) * 1e3,
             Percentile(ingest_sampled, 0.5) / Percentile(raw_times, 0.5));
  fmt::print("  making and sealing the journals (second thread): {:.1f} s CPU ({:.0f} % of the load's wall "
             "time); ingest waited for it {:.1f} s; ingest thread CPU {:.1f} s\n",
             produced.cpu_seconds, 100 * produced.cpu_seconds / wall, queue.consumer_waited(), ingest_cpu);
  fmt::print("  database: {:.2f} GiB ({} bytes a sale)\n", static_cast<double>(file_bytes) / (1 << 30),
             file_bytes / std::max<int64_t>(1, sales));
  const bool agrees = held.entries == produced.entries && held.sales == produced.sales &&
                      held.voids == produced.voids && held.z_reports == plan.stalls * kEventDays &&
                      held.z_agreeing == held.z_reports;
  fmt::print("  check: ledger holds {} entries, {} sales, {} voids, {} Z reports ({} agreeing): {}\n",
             Thousands(held.entries), Thousands(held.sales), Thousands(held.voids), Thousands(held.z_reports),
             Thousands(held.z_agreeing), agrees ? "as sent" : "NOT AS SENT");
  return agrees ? 0 : 1;
}

}  // namespace
}  // namespace lapak::bench

int main(int argc, char** argv) { return lapak::bench::Run(lapak::bench::ParseOptions(argc, argv)); }
