// Concurrent ingest (issue 11): the ledger's ingest when several terminals sync at once,
// beside the machine's limit measured in the same run.
//
//   BM_ConcurrentIngest/terminals:N   the journals of 40 terminals of one event (about 1 000
//       sales each over its three days, tests/bench/terminal_journal.h), sealed in batches of
//       sync::kMaxEntriesPerBatch as the uploader seals them, handed to one
//       lapak::ledger::Ingestor::Handle from N threads at once, as the server's workers
//       would: N terminals syncing at once, each sending its batches in order, the next
//       terminal when one is done (N = 1: one after another). A fresh SQLite ledger each
//       iteration (WAL, synchronous=FULL), opened as `lapak-ledger serve` opens it (kServe:
//       its checkpoints on a thread of their own).
//       Beside it, the limit: the same rows bulk-inserted into a plain table, one transaction
//       per batch (tests/bench/raw_limits.h), one after another, in the same iteration.
//       Counters: entries_per_s (ingest), raw_rows_per_s, ratio = ingest ÷ raw (the target at
//       40 terminals: ≥ 1/3).
// Files go to $LAPAK_BENCH_DIR, else the current directory.
#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "tests/bench/bazaar_plan.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/raw_limits.h"
#include "tests/bench/terminal_journal.h"

namespace lapak {
namespace {

using namespace lapak::bench;

constexpr size_t kTerminals = 40;
// A plan of 50 events of about 40 stalls: about 1 000 sales a stall.
constexpr int64_t kPlannedSales = 2'000'000;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One terminal's journal, whole, and its batches (sealed when a ledger has enrolled it).
struct Terminal {
  const bench::PlannedStall* stall;
  std::vector<std::vector<JournalEntry>> batches;
  std::vector<std::string> sealed;
};

// Built once: the first event of the plan with at least kTerminals stalls, and the journals
// of its first kTerminals stalls.
struct Fixture {
  bench::BazaarPlan plan = bench::MakeBazaarPlan(kPlannedSales, 20261202);
  const bench::PlannedEvent* event = nullptr;
  std::vector<Terminal> terminals;
  int64_t entries = 0;

  Fixture() {
    for (const bench::PlannedEvent& candidate : plan.events) {
      if (candidate.stalls.size() >= kTerminals) {
        event = &candidate;
        break;
      }
    }
    if (event == nullptr) Die("no event with enough stalls");
    for (size_t s = 0; s < kTerminals; ++s) {
      bench::TerminalJournal journal(*event, event->stalls[s], 7 + s);
      Terminal terminal{&event->stalls[s], {}, {}};
      while (!journal.done()) {
        terminal.batches.push_back(journal.Next(sync::kMaxEntriesPerBatch));
        entries += static_cast<int64_t>(terminal.batches.back().size());
      }
      terminals.push_back(std::move(terminal));
    }
  }
};

const Fixture& TheFixture() {
  static const Fixture* fixture = new Fixture();
  return *fixture;
}

// A new ledger holding the event and its terminals; their batches sealed with their keys.
std::unique_ptr<ledger::LedgerStore> NewLedger(const std::string& path, const Fixture& f,
                                               std::vector<Terminal>& terminals) {
  RemoveDb(path);
  Result<std::unique_ptr<ledger::LedgerStore>> store =
      ledger::LedgerStore::Open({.sqlite_path = path}, true, DatabaseUse::kServe);  // as `serve` opens it
  Check(store.status(), "open ledger");
  Check((*store)->AddEvent(f.event->spec), "event");
  const TimePoint enrolled{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  for (Terminal& terminal : terminals) {
    Check((*store)->AddStall(terminal.stall->spec), "stall");
    Result<std::string> key = (*store)->EnrolTerminal({terminal.stall->spec.id, terminal.stall->terminal_id}, enrolled);
    Check(key.status(), "enrol");
    terminal.sealed.clear();
    for (const std::vector<JournalEntry>& batch : terminal.batches) {
      terminal.sealed.push_back(bench::SealBatch(terminal.stall->spec.id, batch, *key).bytes);
    }
  }
  return std::move(store).value();
}

// Every terminal's batches through `ingestor` from `threads` threads; each thread takes the
// next terminal not yet taken and sends its batches in order.
void Ingest(ledger::Ingestor& ingestor, const std::vector<Terminal>& terminals, int threads) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < terminals.size(); i = next++) {
        for (const std::string& batch : terminals[i].sealed) {
          const ledger::IngestAnswer answer = ingestor.Handle(batch);
          if (answer.http_status != 200) Die("ingest answered " + answer.json);
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
}

void BM_ConcurrentIngest(benchmark::State& state) {
  const Fixture& f = TheFixture();
  const int threads = static_cast<int>(state.range(0));
  const std::string ledger_path = BenchDir() + "/ingest-bench-ledger.db";
  const std::string raw_path = BenchDir() + "/ingest-bench-raw.db";
  ManualClock clock(TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 12 / 31}});
  std::vector<Terminal> terminals = f.terminals;
  double ingest_seconds = 0, raw_seconds = 0;
  for (auto _ : state) {
    {
      std::unique_ptr<ledger::LedgerStore> store = NewLedger(ledger_path, f, terminals);
      ledger::Ingestor ingestor(*store, clock);
      const auto start = std::chrono::steady_clock::now();
      Ingest(ingestor, terminals, threads);
      const double seconds = SecondsSince(start);
      state.SetIterationTime(seconds);
      ingest_seconds += seconds;
    }
    RemoveDb(raw_path);
    std::unique_ptr<bench::RawBulkInsert> raw = bench::MakeRawSqliteInsert(raw_path);
    for (const Terminal& terminal : terminals) {
      for (const std::vector<JournalEntry>& batch : terminal.batches) raw_seconds += raw->TimeInsert(batch);
    }
  }
  RemoveDb(ledger_path);
  RemoveDb(raw_path);
  const double entries = static_cast<double>(f.entries) * static_cast<double>(state.iterations());
  state.counters["entries"] = static_cast<double>(f.entries);
  state.counters["entries_per_s"] = entries / ingest_seconds;
  state.counters["raw_rows_per_s"] = entries / raw_seconds;
  state.counters["ratio"] = raw_seconds / ingest_seconds;
}
BENCHMARK(BM_ConcurrentIngest)
    ->ArgName("terminals")
    ->Arg(1)
    ->Arg(8)
    ->Arg(40)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

}  // namespace
}  // namespace lapak

BENCHMARK_MAIN();
