// lapak_cluster_load: the load test of issue 11 — many terminals syncing at once to the
// ledger on PostgreSQL, through HAProxy to several `lapak-ledger serve` or straight to one.
//
//   lapak_cluster_load --postgres URI --servers N [--balancer] [--terminals T]
//                      [--sales-per-terminal S] [--entries-per-batch E]
//
// URI names an empty database. The program enrols T terminals (default 1 000), one a stall,
// in one event, and makes each one's journal of about S sales (default 60) over the event's
// three days (tests/bench/terminal_journal.h), sealed in batches of E entries (default 20)
// as a terminal that syncs every few sales would send them. It starts N servers on the
// database (`serve --port 0`; each allowed a connection per terminal from 127.0.0.1), and
// HAProxy in front of them with --balancer (tests/support/balancer.h). Then T threads, one a
// terminal, each on one kept-alive connection, post their batches in order; a batch that
// gets no 200 is posted again (counted as a retry). Measured: the wall time from the first
// post to the last answer, entries/s, and each batch's acknowledgement latency, from its
// first post to its 200, retries included (p50, p99, max). Beside it, in the same run: the
// same rows bulk-inserted into a plain table (COPY, one transaction per
// sync::kMaxEntriesPerBatch rows, tests/bench/raw_limits.h), the machine's limit.
// At the end every terminal's mark must be its last entry, else it fails.
//
// scripts/bench-cluster starts a throwaway PostgreSQL and runs the topologies side by side.
#include <fmt/core.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "tests/bench/bazaar_plan.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/raw_limits.h"
#include "tests/bench/terminal_journal.h"
#include "tests/support/balancer.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"

namespace lapak::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string postgres_uri;
  int servers = 1;
  bool balancer = false;
  int terminals = 1'000;
  int sales_per_terminal = 60;
  size_t entries_per_batch = 20;
};

Options ParseOptions(int argc, char** argv) {
  Options options;
  const auto usage = [] {
    Die("usage: lapak_cluster_load --postgres URI --servers N [--balancer] [--terminals T] "
        "[--sales-per-terminal S] [--entries-per-batch E]");
  };
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--balancer") {
      options.balancer = true;
      continue;
    }
    if (i + 1 >= argc) usage();
    const std::string value = argv[++i];
    if (flag == "--postgres") {
      options.postgres_uri = value;
    } else if (flag == "--servers") {
      options.servers = std::atoi(value.c_str());
    } else if (flag == "--terminals") {
      options.terminals = std::atoi(value.c_str());
    } else if (flag == "--sales-per-terminal") {
      options.sales_per_terminal = std::atoi(value.c_str());
    } else if (flag == "--entries-per-batch") {
      options.entries_per_batch = static_cast<size_t>(std::atoll(value.c_str()));
    } else {
      usage();
    }
  }
  if (options.postgres_uri.empty() || options.servers < 1 || options.terminals < 1 ||
      options.sales_per_terminal < 3 || options.entries_per_batch < 1 ||
      options.entries_per_batch > sync::kMaxEntriesPerBatch || (options.servers > 1 && !options.balancer)) {
    usage();
  }
  return options;
}

struct Terminal {
  PlannedStall stall;
  std::vector<std::vector<JournalEntry>> batches;
  std::vector<std::string> sealed;
};

// One event of `count` stalls, each with about `sales` sales over the three days: the first
// planned event's stalls, repeated under new ids.
PlannedEvent MakeEvent(int count, int sales) {
  const BazaarPlan plan = MakeBazaarPlan(100'000, 20261202);
  PlannedEvent event;
  event.spec = plan.events.front().spec;
  event.spec.id = "LOAD-26";
  const std::vector<PlannedStall>& models = plan.events.front().stalls;
  for (int i = 0; i < count; ++i) {
    PlannedStall stall = models[static_cast<size_t>(i) % models.size()];
    stall.spec.id = fmt::format("LOAD-S{:04}", i + 1);
    stall.spec.event_id = event.spec.id;
    stall.terminal_id = fmt::format("LOAD-T{:04}", i + 1);
    stall.sales = {sales * 3 / 10, sales * 3 / 10, sales - 2 * (sales * 3 / 10)};
    event.stalls.push_back(std::move(stall));
  }
  return event;
}

int Run(const Options& options) {
  const ledger::sql::Location where{.postgres_uri = options.postgres_uri};
  const PlannedEvent event = MakeEvent(options.terminals, options.sales_per_terminal);

  // The ledger: the event, its stalls and terminals; each journal sealed with its key.
  std::vector<Terminal> terminals;
  int64_t entries = 0;
  {
    Result<std::unique_ptr<ledger::LedgerStore>> store = ledger::LedgerStore::Open(where, true);
    Check(store.status(), "open the ledger");
    Check((*store)->AddEvent(event.spec), "event");
    const TimePoint enrolled{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
    for (size_t s = 0; s < event.stalls.size(); ++s) {
      Terminal terminal{event.stalls[s], {}, {}};
      Check((*store)->AddStall(terminal.stall.spec), "stall");
      Result<std::string> key = (*store)->EnrolTerminal({terminal.stall.spec.id, terminal.stall.terminal_id}, enrolled);
      Check(key.status(), "enrol");
      TerminalJournal journal(event, event.stalls[s], 11 + s);
      while (!journal.done()) {
        terminal.batches.push_back(journal.Next(options.entries_per_batch));
        if (terminal.batches.back().empty()) {
          terminal.batches.pop_back();
          continue;
        }
        entries += static_cast<int64_t>(terminal.batches.back().size());
        terminal.sealed.push_back(SealBatch(terminal.stall.spec.id, terminal.batches.back(), *key).bytes);
      }
      terminals.push_back(std::move(terminal));
    }
  }

  // The servers, and the balancer in front of them.
  testing::TempDir dir;
  const std::string per_address = std::to_string(options.terminals + 64);
  std::vector<std::unique_ptr<testing::LedgerProcess>> servers;
  std::vector<int> ports;
  for (int i = 0; i < options.servers; ++i) {
    servers.push_back(std::make_unique<testing::LedgerProcess>(
        where, std::vector<std::string>{"--max-connections-per-address", per_address}));
    ports.push_back(servers.back()->port());
  }
  std::unique_ptr<testing::Balancer> balancer;
  if (options.balancer) balancer = std::make_unique<testing::Balancer>(dir, ports, 200);
  const std::string url = balancer ? balancer->url() : servers.front()->url();

  // Every terminal at once, its batches in order.
  std::mutex mutex;
  std::vector<double> latencies;
  std::atomic<int64_t> retries{0};
  std::atomic<int> failed{0};
  std::latch go(1);
  std::vector<std::thread> threads;
  for (const Terminal& terminal : terminals) {
    threads.emplace_back([&, &terminal = terminal] {
      httplib::Client client(url);
      client.set_keep_alive(true);
      client.set_read_timeout(120, 0);
      client.set_write_timeout(120, 0);
      std::vector<double> mine;
      go.wait();
      for (const std::string& batch : terminal.sealed) {
        const Clock::time_point first_sent = Clock::now();  // a retry's wait counts too
        for (int attempt = 0;; ++attempt) {
          if (attempt == 20) {
            ++failed;
            return;
          }
          httplib::Result answer = client.Post("/v1/batches", batch.data(), batch.size(), "application/octet-stream");
          if (answer && answer->status == 200) {
            mine.push_back(Seconds(Clock::now() - first_sent));
            break;
          }
          ++retries;
          std::this_thread::sleep_for(std::chrono::milliseconds(100 * (attempt + 1)));  // a terminal's back-off
        }
      }
      std::lock_guard lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  const Clock::time_point start = Clock::now();
  go.count_down();
  for (std::thread& thread : threads) thread.join();
  const double seconds = Seconds(Clock::now() - start);
  balancer.reset();  // before any Die(), which aborts: no HAProxy or server is left running
  servers.clear();
  if (failed > 0) Die(fmt::format("{} terminals gave up after 20 attempts at a batch", failed.load()));

  // Every terminal's mark is its last entry.
  {
    std::map<std::pair<std::string, std::string>, int64_t> last_seq;  // by (stall, terminal)
    for (const Terminal& terminal : terminals) {
      last_seq[{terminal.stall.spec.id, terminal.stall.terminal_id}] = terminal.batches.back().back().seq;
    }
    Result<std::unique_ptr<ledger::LedgerStore>> store = ledger::LedgerStore::Open(where, false, DatabaseUse::kRead);
    Check(store.status(), "open the ledger to check it");
    Result<std::vector<ledger::TerminalRecord>> held = (*store)->Terminals();
    Check(held.status(), "terminals");
    if (held->size() != last_seq.size()) Die(fmt::format("{} terminals enrolled, {} sent", held->size(), last_seq.size()));
    for (const ledger::TerminalRecord& terminal : *held) {
      const int64_t last = last_seq[{terminal.stall_id, terminal.name}];
      if (terminal.hwm != last) {
        Die(fmt::format("terminal {}: the ledger's mark is {}, its last entry {}", terminal.id, terminal.hwm, last));
      }
    }
  }

  // The limit: the same rows bulk-inserted, sync::kMaxEntriesPerBatch a transaction.
  std::unique_ptr<RawBulkInsert> raw = MakeRawPostgresInsert(options.postgres_uri);
  double raw_seconds = 0;
  std::vector<JournalEntry> chunk;
  for (const Terminal& terminal : terminals) {
    for (const std::vector<JournalEntry>& batch : terminal.batches) {
      for (const JournalEntry& entry : batch) {
        chunk.push_back(entry);
        if (chunk.size() == sync::kMaxEntriesPerBatch) {
          raw_seconds += raw->TimeInsert(chunk);
          chunk.clear();
        }
      }
    }
  }
  if (!chunk.empty()) raw_seconds += raw->TimeInsert(chunk);

  std::sort(latencies.begin(), latencies.end());
  const double rate = static_cast<double>(entries) / seconds;
  const double raw_rate = static_cast<double>(entries) / raw_seconds;
  std::printf(
      "%s, %d server%s, %d terminals, %zu batches of <= %zu entries, %lld entries: %.2f s, %.0f entries/s "
      "(raw bulk insert %.0f rows/s, ratio %.2f); ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
      "%lld retries\n",
      options.balancer ? "through HAProxy" : "straight to the server", options.servers,
      options.servers == 1 ? "" : "s", options.terminals, latencies.size(),
      options.entries_per_batch, static_cast<long long>(entries), seconds, rate, raw_rate, rate / raw_rate,
      Percentile(latencies, 0.50) * 1000, Percentile(latencies, 0.99) * 1000, latencies.back() * 1000,
      static_cast<long long>(retries.load()));
  return 0;
}

}  // namespace
}  // namespace lapak::bench

int main(int argc, char** argv) { return lapak::bench::Run(lapak::bench::ParseOptions(argc, argv)); }
