// Start-up of a ledger command (issue 11): `lapak-ledger report day` run end to end, as an
// organiser runs it, on a SQLite ledger of a million sales, beside the report itself in the
// same run; and what opening the ledger costs `serve` after a clean and an unclean stop.
//
//   LAPAK_BENCH_DIR             where the ledger is kept (default: the system's temp folder);
//                               startup-<N>.db is made once and reused (delete it to remake it)
//   LAPAK_BENCH_STARTUP_SALES   N, the sales (default 1 000 000)
//
// The ledger is made by a bulk insert, not through ingest (minutes for a million): the
// events, stalls and per-(stall, day) sales of tests/bench/bazaar_plan.h, each sale a
// journal entry with a canonical body made by core's encoder from the stall's catalog (so
// the file is the size ingest makes it) and a `sales` row, and the running totals
// (day_totals, hour_totals) summed from those rows, all in one transaction. No voids, no Z
// reports. The reports read only the totals; a check of every page reads the whole file.
//
//   BM_ReportCommand     each iteration: `lapak-ledger --db F report day E D` for the busiest
//                        event and day, run to its end (spawn, open, report, exit: the
//                        iteration's time); then the same report in process on a ledger
//                        opened once (ledger::MakeDayReport, the report itself); then
//                        `lapak-ledger --help` run to its end (spawn and exit, opening
//                        nothing: the floor of any command). Counters: p50 of each in ms,
//                        ratio = command p50 / report p50, and open_ms = command p50 −
//                        floor p50 − report p50 (what opening the ledger adds).
//   BM_ServeOpen/clean   LedgerStore::Open as `serve` opens the ledger (DatabaseUse::kServe),
//                        the previous run having stopped cleanly; closed again, untimed.
//   BM_ServeOpen/unclean the same after a run that did not stop cleanly (its session row left
//                        in the file, untimed): the open checks the whole file first.
// Both BM_ServeOpen report their p50 in ms and the file's size in MiB. Everything runs warm:
// the file in the operating system's page cache.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/business_day.h"
#include "core/journal.h"
#include "core/sale.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/bench/bazaar_plan.h"
#include "tests/bench/bench_support.h"

extern char** environ;

namespace lapak::bench {
namespace {

constexpr uint64_t kSeed = 20261122;
// After every event of the plan: no terminal is reported late.
const TimePoint kNow{std::chrono::sys_days{std::chrono::year{2027} / 1 / 1}};

// Runs `argv` to its end, its output thrown away; dies unless it exits 0.
void RunToEnd(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (spawned != 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    Die("failed: " + argv[0] + " " + argv[1]);
  }
}

// ---- the ledger, made by a bulk insert ---------------------------------------------------

class RawLedger {
 public:
  explicit RawLedger(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      Fail("open");
  }
  ~RawLedger() {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }
  RawLedger(const RawLedger&) = delete;
  RawLedger& operator=(const RawLedger&) = delete;

  void Exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) Fail(sql);
  }
  // Runs `sql` (prepared once) with `values`: int64_t, text, or blobs given as Blob.
  struct Blob {
    std::string bytes;
  };
  template <typename... Values>
  void Insert(const std::string& sql, const Values&... values) {
    sqlite3_stmt*& statement = statements_[sql];
    if (statement == nullptr &&
        sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      Fail(sql);
    }
    int index = 0;
    (Bind(statement, ++index, values), ...);
    if (sqlite3_step(statement) != SQLITE_DONE) Fail(sql);
    sqlite3_reset(statement);
  }

 private:
  static void Bind(sqlite3_stmt* statement, int index, int64_t value) {
    sqlite3_bind_int64(statement, index, value);
  }
  static void Bind(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  static void Bind(sqlite3_stmt* statement, int index, const Blob& blob) {
    sqlite3_bind_blob(statement, index, blob.bytes.data(), static_cast<int>(blob.bytes.size()),
                      SQLITE_TRANSIENT);
  }
  [[noreturn]] void Fail(const std::string& what) { Die(what + ": " + sqlite3_errmsg(db_)); }

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*> statements_;
};

// A sale a stall would ring up: `k`-th of its kinds, 1-3 lines of its catalog, paid exactly
// by cash, QRIS or transfer in turn.
CompletedSale RingUp(const PlannedStall& stall, int k) {
  Cart cart;
  for (int line = 0; line <= k % 3; ++line) {
    const Product& product = stall.catalog[static_cast<size_t>(k + line) % stall.catalog.size()];
    if (!cart.AddProduct(product, 1 + (k + line) % 2).ok()) Die("a line of " + stall.spec.id);
  }
  const PaymentMethod method = k % 3 == 0   ? PaymentMethod::kCash
                               : k % 3 == 1 ? PaymentMethod::kQris
                                            : PaymentMethod::kTransfer;
  if (!cart.AddPayment(method, Must(cart.Totals(), "totals").total).ok()) Die("a payment");
  return Must(cart.Complete(), "a sale of " + stall.spec.id);
}

int UtcOffsetHours(const std::string& time_zone) {
  if (time_zone == "Asia/Jakarta") return 7;
  if (time_zone == "Asia/Makassar") return 8;
  if (time_zone == "Asia/Jayapura") return 9;
  Die("no offset for " + time_zone);
}

// Every sale of one stall, 10:00 to 22:00 local on each day: its entry, and a row of the
// scratch table `sales` the running totals are summed from (kSumTotals).
void InsertStallSales(RawLedger& raw, const PlannedEvent& event, const PlannedStall& stall) {
  constexpr int kKinds = 12;
  const int offset = UtcOffsetHours(event.spec.time_zone);
  int64_t seq = 0;
  for (int day = 0; day < kEventDays; ++day) {
    const std::string business_day = AddDays(event.spec.first_day, day);
    const TimePoint midnight =
        *ParseUtc(business_day + "T00:00:00.000Z") - std::chrono::hours(offset);
    const int64_t count = stall.sales[static_cast<size_t>(day)];
    for (int64_t i = 0; i < count; ++i) {
      ++seq;
      const CompletedSale sale = RingUp(stall, static_cast<int>(seq % kKinds));
      const auto local =
          std::chrono::hours(10) + std::chrono::minutes(12 * 60 * i / std::max<int64_t>(count, 1));
      const TimePoint time = midnight + local;
      const std::string receipt =
          fmt::format("{}{}{}-{:04}", business_day.substr(0, 4), business_day.substr(5, 2),
                      business_day.substr(8, 2), i + 1);
      const std::string body = EncodeSale({day + 1, receipt, sale});
      const int64_t time_ms = time.time_since_epoch().count();
      const auto local_hour = static_cast<int64_t>(std::chrono::duration_cast<std::chrono::hours>(local).count());
      raw.Insert(
          "INSERT INTO entries (terminal_id, seq, uuid, kind, time_utc_ms, business_day, body, "
          "hash, received_at_ms, local_hour, voided) VALUES (?, ?, ?, 'sale', ?, ?, ?, ?, ?, ?, 0)",
          stall.terminal_id, seq,
          fmt::format("{:08x}-0000-4000-8000-{:012x}", seq,
                      std::hash<std::string>{}(stall.terminal_id) & 0xffffffffffff),
          time_ms, business_day, body, RawLedger::Blob{std::string(32, static_cast<char>(seq))},
          time_ms, local_hour);
      const Money total = sale.totals.total;
      const PaymentMethod method = sale.payments.front().method;
      raw.Insert(
          "INSERT INTO sales (terminal_id, seq, day_number, business_day, local_hour, total, cash, "
          "qris, transfer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          stall.terminal_id, seq, int64_t{day + 1}, business_day, local_hour, total.rupiah(), method == PaymentMethod::kCash ? total.rupiah() : int64_t{0},
          method == PaymentMethod::kQris ? total.rupiah() : int64_t{0},
          method == PaymentMethod::kTransfer ? total.rupiah() : int64_t{0});
    }
  }
  raw.Insert(
      "UPDATE terminals SET hwm = ?, last_batch_at_ms = ?, last_entry_at_ms = ? WHERE id = ?", seq,
      kNow.time_since_epoch().count(), kNow.time_since_epoch().count(), stall.terminal_id);
}

constexpr const char* kSumTotals = R"sql(
INSERT INTO day_totals (event_id, business_day, stall_id, sales_count, voids_count, gross, voids, net,
                        cash, qris, transfer)
SELECT t.event_id, sa.business_day, t.stall_id, count(*), 0, sum(sa.total), 0, sum(sa.total),
       sum(sa.cash), sum(sa.qris), sum(sa.transfer)
FROM sales sa JOIN terminals t ON t.id = sa.terminal_id
GROUP BY t.event_id, sa.business_day, t.stall_id;
INSERT INTO hour_totals (event_id, business_day, local_hour, stall_id, sales_count, voids_count, gross,
                         voids, net, cash, qris, transfer)
SELECT t.event_id, sa.business_day, sa.local_hour, t.stall_id, count(*), 0, sum(sa.total), 0,
       sum(sa.total), sum(sa.cash), sum(sa.qris), sum(sa.transfer)
FROM sales sa JOIN terminals t ON t.id = sa.terminal_id
GROUP BY t.event_id, sa.business_day, sa.local_hour, t.stall_id;
)sql";

void MakeLedger(const std::string& path, const BazaarPlan& plan) {
  const std::string partial = path + ".partial";
  std::filesystem::remove(partial);
  Must(ledger::LedgerStore::Open({.sqlite_path = partial}, true),
       "create " + partial);  // the schema
  {
    RawLedger raw(partial);
    raw.Exec("BEGIN");
    raw.Exec("CREATE TEMP TABLE sales (terminal_id TEXT, seq INTEGER, day_number INTEGER, business_day TEXT, "
             "local_hour INTEGER, total INTEGER, cash INTEGER, qris INTEGER, transfer INTEGER)");
    for (const PlannedEvent& event : plan.events) {
      const ledger::EventSpec& e = event.spec;
      raw.Insert(
          "INSERT INTO events (id, name, province, regency, time_zone, first_day, last_day, "
          "day_cutoff) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          e.id, e.name, e.province, e.regency, e.time_zone, e.first_day, e.last_day, e.day_cutoff);
      for (const PlannedStall& stall : event.stalls) {
        raw.Insert("INSERT INTO stalls (id, name, category, regency) VALUES (?, ?, ?, ?)",
                   stall.spec.id, stall.spec.name, stall.spec.category, stall.spec.regency);
        raw.Insert("INSERT INTO event_stalls (event_id, stall_id) VALUES (?, ?)", e.id, stall.spec.id);
        raw.Insert(
            "INSERT INTO terminals (id, name, stall_id, event_id, terminal_key, enrolled_at_ms) "
            "VALUES (?, ?, ?, ?, ?, 0)",
            stall.terminal_id, stall.terminal_id, stall.spec.id, e.id, RawLedger::Blob{std::string(32, 'k')});
        InsertStallSales(raw, event, stall);
      }
    }
    raw.Exec(kSumTotals);
    raw.Exec("COMMIT");
    raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::rename(partial, path);
}

// ---- the benchmarks ----------------------------------------------------------------------

struct Bench {
  std::string path;
  std::string event_id;
  std::string business_day;
  std::unique_ptr<ledger::LedgerStore> reader;  // opened once, for the report itself
};

// The event and business day with the most sales.
void PickBusiest(const BazaarPlan& plan, Bench& bench) {
  int64_t most = -1;
  for (const PlannedEvent& event : plan.events) {
    for (int day = 0; day < kEventDays; ++day) {
      int64_t sales = 0;
      for (const PlannedStall& stall : event.stalls) sales += stall.sales[static_cast<size_t>(day)];
      if (sales <= most) continue;
      most = sales;
      bench.event_id = event.spec.id;
      bench.business_day = AddDays(event.spec.first_day, day);
    }
  }
}

void BM_ReportCommand(benchmark::State& state, Bench* bench) {
  const std::vector<std::string> command = {LAPAK_LEDGER_PATH,  "--db", bench->path,
                                            "report",           "day",  bench->event_id,
                                            bench->business_day};
  std::vector<double> commands, reports, floors;
  int64_t sales = 0;
  for (auto _ : state) {
    const double seconds = TimeSeconds([&] { RunToEnd(command); });
    state.SetIterationTime(seconds);
    commands.push_back(seconds);
    reports.push_back(TimeSeconds([&] {
      sales =
          Must(ledger::MakeDayReport(*bench->reader, bench->event_id, bench->business_day, kNow),
               "report")
              .total.sales_count;
    }));
    floors.push_back(TimeSeconds([&] { RunToEnd({LAPAK_LEDGER_PATH, "--help"}); }));
  }
  const double command_p50 = Percentile(commands, 0.5);
  const double report_p50 = Percentile(reports, 0.5);
  const double floor_p50 = Percentile(floors, 0.5);
  state.SetLabel(bench->event_id + " " + bench->business_day);
  state.counters["command_ms"] = command_p50 * 1e3;
  state.counters["report_ms"] = report_p50 * 1e3;
  state.counters["floor_ms"] = floor_p50 * 1e3;
  state.counters["ratio"] = command_p50 / report_p50;
  state.counters["open_ms"] = (command_p50 - floor_p50 - report_p50) * 1e3;
  state.counters["sales"] = static_cast<double>(sales);
}

void BM_ServeOpen(benchmark::State& state, Bench* bench, bool unclean) {
  std::vector<double> opens;
  for (auto _ : state) {
    if (unclean) {
      RawLedger raw(bench->path);
      raw.Insert(
          "INSERT INTO writer_sessions (boot_id, pid, process_start) "
          "VALUES ('a boot before the power went', ?, 0)",
          int64_t{1});
    }
    std::unique_ptr<ledger::LedgerStore> store;
    const double seconds = TimeSeconds([&] {
      store =
          Must(ledger::LedgerStore::Open({.sqlite_path = bench->path}, false, DatabaseUse::kServe),
               "serve open");
    });
    state.SetIterationTime(seconds);
    opens.push_back(seconds);
  }
  state.counters["p50_ms"] = Percentile(opens, 0.5) * 1e3;
  state.counters["file_mib"] =
      static_cast<double>(std::filesystem::file_size(bench->path)) / (1 << 20);
}

}  // namespace
}  // namespace lapak::bench

int main(int argc, char** argv) {
  namespace bench = lapak::bench;
  benchmark::Initialize(&argc, argv);
  const char* sales_text = std::getenv("LAPAK_BENCH_STARTUP_SALES");
  const int64_t sales =
      sales_text != nullptr && *sales_text != '\0' ? std::atoll(sales_text) : 1'000'000;
  const char* dir = std::getenv("LAPAK_BENCH_DIR");
  const std::filesystem::path folder = dir != nullptr && *dir != '\0'
                                           ? std::filesystem::path(dir)
                                           : std::filesystem::temp_directory_path();

  bench::Bench ledger;
  ledger.path = (folder / fmt::format("startup-{}.db", sales)).string();
  const lapak::bench::BazaarPlan plan = lapak::bench::MakeBazaarPlan(sales, bench::kSeed);
  if (!std::filesystem::exists(ledger.path)) {
    std::fprintf(stderr, "startup_bench: making %s (%lld sales) …\n", ledger.path.c_str(),
                 static_cast<long long>(sales));
    const double took = bench::TimeSeconds([&] { bench::MakeLedger(ledger.path, plan); });
    std::fprintf(stderr, "startup_bench: made in %.0f s\n", took);
  }
  bench::PickBusiest(plan, ledger);
  // One serve open first: it creates writer_sessions, which the unclean case writes into.
  bench::Must(lapak::ledger::LedgerStore::Open({.sqlite_path = ledger.path}, false,
                                               lapak::DatabaseUse::kServe),
              "serve open");
  ledger.reader = bench::Must(lapak::ledger::LedgerStore::Open({.sqlite_path = ledger.path}, false,
                                                               lapak::DatabaseUse::kRead),
                              "open");

  benchmark::RegisterBenchmark("BM_ReportCommand", bench::BM_ReportCommand, &ledger)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(30);
  benchmark::RegisterBenchmark("BM_ServeOpen/clean", bench::BM_ServeOpen, &ledger, false)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(10);
  benchmark::RegisterBenchmark("BM_ServeOpen/unclean", bench::BM_ServeOpen, &ledger, true)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond)
      ->Iterations(5);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
