// Reports (issue 5) on a loaded ledger: each figure beside the machine's own limit measured
// in the same run, as a ratio.
//
//   LAPAK_BENCH_LEDGER_DB=FILE            a ledger file loaded by lapak_ledger_load --db
//   LAPAK_BENCH_LEDGER_POSTGRES=URI       a ledger database loaded by lapak_ledger_load --postgres
// Either or both; each registers its own benchmarks (suffix /sqlite, /postgres).
//
//   BM_DayReport      lapak::ledger::MakeDayReport: the organiser's report of the busiest day
//                     of the busiest event (most sales).
//   BM_EventReport    lapak::ledger::MakeEventReport (top 10 stalls): the provincial office's
//                     report of that event over its three days.
// Every iteration times one report (the iteration's manual time) and then one operation of
// the engine's limit (tests/bench/raw_limits.h): SQLite, one indexed point read of a
// day_totals row through sqlite3; PostgreSQL, a `SELECT 1` round trip through libpqxx.
// Counters: the report's p50, p90 and max in ms, the limit's p50 in µs, ratio = report p50 /
// limit p50, and the sales and stalls the report covers (a check that it read real data).
// The ledger is opened once; the reports run warm (its pages in the OS's cache, and on
// PostgreSQL in shared buffers as far as they go).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/raw_limits.h"

namespace lapak::bench {
namespace {

namespace sql = ledger::sql;

// After every event of the load: no terminal is reported late for today.
const TimePoint kNow{std::chrono::sys_days{std::chrono::year{2027} / 1 / 1}};

// One loaded ledger and what its benchmarks read.
struct Ledger {
  std::unique_ptr<ledger::LedgerStore> store;
  std::string event_id;      // the event with the most sales
  std::string business_day;  // its day with the most sales
  std::function<double()> limit;
};

// Picks the busiest event and day by the reports themselves.
void FindBusiest(Ledger& ledger) {
  const std::vector<ledger::EventInfo> events =
      Must(ledger::ListEvents(*ledger.store, [](const ledger::EventInfo&) { return true; }), "list events");
  int64_t most = -1;
  for (const ledger::EventInfo& event : events) {
    const ledger::EventReport report =
        Must(ledger::MakeEventReport(*ledger.store, event.id, 0, kNow), "event report " + event.id);
    if (report.total.sales_count <= most) continue;
    most = report.total.sales_count;
    ledger.event_id = event.id;
    const auto day = std::max_element(report.days.begin(), report.days.end(), [](const auto& a, const auto& b) {
      return a.figures.sales_count < b.figures.sales_count;
    });
    ledger.business_day = day->key;
  }
  if (most <= 0) Die("the ledger holds no sales: load it with lapak_ledger_load first");
}

std::string AStallOfTheDay(Ledger& ledger) {
  const ledger::OrganiserDayReport report =
      Must(ledger::MakeDayReport(*ledger.store, ledger.event_id, ledger.business_day, kNow), "day report");
  for (const ledger::StallDayRow& stall : report.stalls) {
    if (stall.figures.sales_count > 0) return stall.stall_id;
  }
  Die("no stall sold on the busiest day");
}

std::unique_ptr<Ledger> OpenLedger(const sql::Location& where) {
  auto ledger = std::make_unique<Ledger>();
  ledger->store = Must(ledger::LedgerStore::Open(where, false), "open " + where.Describe());
  FindBusiest(*ledger);
  if (!where.sqlite_path.empty()) {
    auto read = std::make_shared<RawPointRead>(where.sqlite_path, ledger->event_id,
                                               ledger->business_day, AStallOfTheDay(*ledger));
    ledger->limit = [read] { return read->TimeRead(); };
  } else {
    auto round_trip = std::make_shared<RawRoundTrip>(where.postgres_uri);
    ledger->limit = [round_trip] { return round_trip->TimeSelectOne(); };
  }
  return ledger;
}

// One report per iteration; `report` returns the sales and stalls it covers.
void RunReports(benchmark::State& state, Ledger& ledger,
                const std::function<std::pair<int64_t, int64_t>()>& report) {
  std::vector<double> reports, limits;
  std::pair<int64_t, int64_t> covered;
  for (auto _ : state) {
    const double seconds = TimeSeconds([&] { covered = report(); });
    state.SetIterationTime(seconds);
    reports.push_back(seconds);
    limits.push_back(ledger.limit());
  }
  const double p50 = Percentile(reports, 0.5);
  const double limit_p50 = Percentile(limits, 0.5);
  state.counters["p50_ms"] = p50 * 1e3;
  state.counters["p90_ms"] = Percentile(reports, 0.9) * 1e3;
  state.counters["max_ms"] = Percentile(reports, 1.0) * 1e3;
  state.counters["limit_p50_us"] = limit_p50 * 1e6;
  state.counters["ratio"] = p50 / limit_p50;
  state.counters["sales"] = static_cast<double>(covered.first);
  state.counters["stalls"] = static_cast<double>(covered.second);
}

void Register(const std::string& engine, Ledger* ledger) {
  benchmark::RegisterBenchmark(("BM_DayReport/" + engine).c_str(), [ledger](benchmark::State& state) {
    state.SetLabel(ledger->event_id + " " + ledger->business_day);
    RunReports(state, *ledger, [ledger] {
      const ledger::OrganiserDayReport report = Must(
          ledger::MakeDayReport(*ledger->store, ledger->event_id, ledger->business_day, kNow), "day report");
      return std::pair<int64_t, int64_t>(report.total.sales_count, static_cast<int64_t>(report.stalls.size()));
    });
  })->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(300);
  benchmark::RegisterBenchmark(("BM_EventReport/" + engine).c_str(), [ledger](benchmark::State& state) {
    state.SetLabel(ledger->event_id);
    RunReports(state, *ledger, [ledger] {
      const ledger::EventReport report =
          Must(ledger::MakeEventReport(*ledger->store, ledger->event_id, 10, kNow), "event report");
      return std::pair<int64_t, int64_t>(report.total.sales_count, report.stalls);
    });
  })->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(300);
}

}  // namespace
}  // namespace lapak::bench

int main(int argc, char** argv) {
  using lapak::bench::Ledger;
  benchmark::Initialize(&argc, argv);
  std::vector<std::unique_ptr<Ledger>> ledgers;
  if (const char* path = std::getenv("LAPAK_BENCH_LEDGER_DB"); path != nullptr && *path != '\0') {
    ledgers.push_back(lapak::bench::OpenLedger({.sqlite_path = path}));
    lapak::bench::Register("sqlite", ledgers.back().get());
  }
  if (const char* uri = std::getenv("LAPAK_BENCH_LEDGER_POSTGRES"); uri != nullptr && *uri != '\0') {
    ledgers.push_back(lapak::bench::OpenLedger({.postgres_uri = uri}));
    lapak::bench::Register("postgres", ledgers.back().get());
  }
  if (ledgers.empty()) {
    std::fprintf(stderr, "report_bench: set LAPAK_BENCH_LEDGER_DB and/or LAPAK_BENCH_LEDGER_POSTGRES\n");
    return 2;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
