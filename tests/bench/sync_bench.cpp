// Sync (issue 4): each figure beside the machine's own limit measured in the same run.
//
//   BM_CatchUp10000Sales   sync::Uploader::SyncOnce() of a terminal holding 10 000 unsent
//                          sales until caught up (fresh ledger file per iteration);
//                          interleaved with the limit: the same journal rows bulk-inserted into
//                          a plain SQLite table in one transaction (WAL, synchronous=FULL).
//                          http:1 is the shipped HTTP transport to the real lapak-ledger on
//                          127.0.0.1; http:0 no HTTP (an Ingestor in process): the work alone.
//                          warm:1 first has the same ledger (process) take another stall's
//                          10 000 sales, untimed, as a ledger that has been serving would
//                          have: warm code and heap, a write-ahead log already grown and
//                          reused; warm:0 times the ledger's first batches after its start.
//                          lanes: the uploader's batches in flight at once (sync::kSyncLanes,
//                          2, as shipped; 1 one batch at a time, as before 2026-12-04).
//   BM_RawBulkInsert10000  the catch-up's limit on its own.
//   BM_RawLoopbackPost     an httplib POST round trip on loopback to a server that answers at
//                          once, keep-alive and TCP_NODELAY on both ends as the uploader's
//                          transport and the ledger's server; one variant with httplib's
//                          default (TCP_NODELAY off on both ends).
//   BM_LedgerRefusedPost   a POST the real lapak-ledger refuses at the framing check, from a
//                          client set up as the uploader's transport: its per-request floor.
//   BM_LedgerIngestFullBatch  lapak::ledger::Ingestor::Handle on one sealed batch of
//                          sync::kMaxEntriesPerBatch entries (500 before 2026-12-05, when
//                          this was BM_LedgerIngest500), in process; interleaved with the
//                          same rows bulk-inserted in one transaction, and
//                          with the batch's decoding and checks alone (no SQL).
//   BM_BuildFullBatch      sync::BuildBatch of sync::kMaxEntriesPerBatch entries (was
//                          BM_BuildBatch500); counters: bytes per sale on the
//                          wire, plain and zlib, and the canonical bodies alone as the floor.
//
// The sales are built once (outside timing): 3 business days (2026-11-20..22, WIB) of a
// food stall, 2-4 lines each, 55 % cash and 45 % QRIS, a ManualClock advancing per sale, each
// day opened with a float and closed with its Z report: 10 000 sales, 10 006 entries.
// Files go to $LAPAK_BENCH_DIR, else the current directory.
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/books.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "sync/envelope.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/payload.h"
#include "sync/transport.h"
#include "sync/uploader.h"
#include "tests/bench/bakso_sales.h"
#include "tests/bench/bench_support.h"
#include "tests/bench/raw_limits.h"
#include "tests/sync/ledger_process.h"

namespace lapak {
namespace {

using namespace lapak::bench;

using namespace std::chrono_literals;

constexpr int64_t kSales = 10'000;
constexpr int kDays = 3;
constexpr char kStallId[] = "BKS-07";
constexpr char kTerminalId[] = "T1";
constexpr char kEventId[] = "BZR-SMG";
// The stall whose sales warm the ledger up (warm:1): its database is a copy of BKS-07's under
// this stall id. Its journal is the very same (entries name their terminal, T1, not the stall),
// which the ledger keeps apart by stall and terminal.
constexpr char kWarmUpStallId[] = "MIE-02";

// Copies a closed database (and its WAL, if one was left) over `to`.
void CopyDb(const std::string& from, const std::string& to) {
  RemoveDb(to);
  std::filesystem::copy_file(from, to);
  if (std::filesystem::exists(from + "-wal")) std::filesystem::copy_file(from + "-wal", to + "-wal");
}

double Median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

double Sum(const std::vector<double>& samples) {
  double sum = 0;
  for (double s : samples) sum += s;
  return sum;
}

TimePoint Wib(int day_of_november, std::chrono::hours hour) {
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days{year{2026} / November / day_of_november} + hour - 7h);
}

// Built once per process: a closed stall database holding the sales, a closed ledger database
// with the stall's terminal enrolled (not yet holding anything), and the journal in memory.
struct Fixture {
  std::string stall_path = BenchDir() + "/sync-bench-stall.db";
  std::string warm_up_stall_path = BenchDir() + "/sync-bench-warm-up-stall.db";
  std::string warm_up_key;
  std::string ledger_path = BenchDir() + "/sync-bench-ledger.db";
  std::string terminal_key;
  std::vector<JournalEntry> entries;
  std::vector<sync::SealedBatch> batches;  // sealed with terminal_key, from seq 1

  Fixture() {
    RemoveDb(stall_path);
    RemoveDb(ledger_path);
    ManualClock clock(Wib(20, 10h));
    {
      std::unique_ptr<StallStore> store = std::move(StallStore::Open(stall_path, clock)).value();
      Check(store->Initialise({kStallId, "Bakso Pak Kumis", kTerminalId, "Asia/Jakarta", "04:00",
                               "9999", "1234"}),
            "initialise");
      Check(store->ImportCatalog(BaksoCatalog(), false), "catalog");
      BaksoSaleMaker maker;
      int64_t made = 0;
      for (int day = 0; day < kDays; ++day) {
        const int64_t count = day + 1 < kDays ? kSales / kDays : kSales - made;
        const auto spacing = std::chrono::duration_cast<std::chrono::milliseconds>(12h) / count;
        clock.Set(Wib(20 + day, 10h));
        Check(store->OpenDaySession(Money::Rupiah(200'000)).status(), "open day");
        for (int64_t i = 0; i < count; ++i, ++made) {
          clock.Advance(spacing);
          Check(store->RecordSale(maker.Next()).status(), "record sale");
        }
        clock.Advance(10min);
        Result<DayReport> report = store->ReportDay(*store->Today());
        Check(report.status(), "report");
        Check(store->CloseDay(report->expected_cash_now).status(), "close day");
      }
      Result<std::vector<JournalEntry>> all = store->Entries(1, kSales * 2);
      Check(all.status(), "entries");
      entries = std::move(all).value();
    }
    {
      std::unique_ptr<ledger::LedgerStore> ledger =
          std::move(ledger::LedgerStore::Open({.sqlite_path = ledger_path}, true)).value();
      Check(ledger->AddEvent({kEventId, "Bazar UMKM Semarang", "Jawa Tengah", "Kota Semarang",
                              "Asia/Jakarta", "2026-11-20", "2026-11-22"}),
            "event");
      Check(ledger->AddStall({kStallId, kEventId, "Bakso Pak Kumis", "makanan"}), "stall");
      Result<std::string> key = ledger->EnrolTerminal({kStallId, kTerminalId}, clock.Now());
      Check(key.status(), "enrol");
      terminal_key = std::move(key).value();
      Check(ledger->AddStall({kWarmUpStallId, kEventId, "Mie Ayam Bu Tin", "makanan"}), "warm-up stall");
      Result<std::string> warm_up = ledger->EnrolTerminal({kWarmUpStallId, kTerminalId}, clock.Now());
      Check(warm_up.status(), "enrol warm-up");
      warm_up_key = std::move(warm_up).value();
    }
    CopyDb(stall_path, warm_up_stall_path);
    {
      std::unique_ptr<sqlite::Database> db = std::move(sqlite::Database::Open(warm_up_stall_path, false)).value();
      Check(db->Exec(fmt::format("UPDATE settings SET value = '{}' WHERE key = 'stall_id'", kWarmUpStallId)),
            "warm-up stall id");
    }
    // Batches are built on a copy: opening a store may write (pragmas, migrations).
    const std::string scratch = BenchDir() + "/sync-bench-scratch.db";
    CopyDb(stall_path, scratch);
    {
      std::unique_ptr<StallStore> store =
          std::move(StallStore::Open(scratch, clock, OpenMode::kMustExist)).value();
      for (int64_t from = 1; from <= LastSeq();) {
        Result<sync::SealedBatch> batch = sync::BuildBatch(*store, from, terminal_key);
        Check(batch.status(), "build batch");
        from = batch->last_seq + 1;
        batches.push_back(std::move(batch).value());
      }
    }
    RemoveDb(scratch);
  }
  ~Fixture() {
    RemoveDb(stall_path);
    RemoveDb(warm_up_stall_path);
    RemoveDb(ledger_path);
  }

  int64_t LastSeq() const { return entries.back().seq; }
  // The batches of a full kMaxEntriesPerBatch entries.
  size_t FullBatches() const {
    size_t n = 0;
    for (const sync::SealedBatch& b : batches) {
      if (b.last_seq - b.first_seq + 1 == sync::kMaxEntriesPerBatch) ++n;
    }
    return n;
  }
};

const Fixture& TheFixture() {
  static const Fixture fixture;
  return fixture;
}

// The limit: journal rows into a plain table, one transaction (tests/bench/raw_limits.h).
double RawInsert(const std::string& path, const std::vector<JournalEntry>& entries) {
  return bench::MakeRawSqliteInsert(path)->TimeInsert(entries);
}

// ---- 1. catch-up of 10 000 sales over loopback ---------------------------------------------

// No HTTP at all: each batch handed to an Ingestor over the ledger file, in this process.
class InProcessTransport : public sync::Transport {
 public:
  InProcessTransport(const std::string& ledger_path, const Clock& clock)
      : store_(std::move(ledger::LedgerStore::Open({.sqlite_path = ledger_path}, false, DatabaseUse::kServe)).value()),
        ingestor_(*store_, clock) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override {
    ledger::IngestAnswer answer = ingestor_.Handle(envelope);
    return sync::LedgerAnswer{answer.http_status, std::move(answer.json)};
  }

 private:
  std::unique_ptr<ledger::LedgerStore> store_;
  ledger::Ingestor ingestor_;
};

// One lane of a transport that takes several callers at once (InProcessTransport): the
// uploader tells its lanes apart by address.
class Lane : public sync::Transport {
 public:
  explicit Lane(sync::Transport& shared) : shared_(shared) {}
  Result<sync::LedgerAnswer> PostBatch(std::string_view envelope) override { return shared_.PostBatch(envelope); }

 private:
  sync::Transport& shared_;
};

// Syncs the stall database at `stall_path` (a copy made here is used) through `lanes` until
// caught up; enrolled with `url` and `key`. Its SyncRound.
sync::SyncRound CatchUp(const std::string& stall_path, const std::string& url, const std::string& key,
                        const std::vector<sync::Transport*>& lanes, const Clock& clock, double* seconds) {
  const std::string run = stall_path + ".run";
  CopyDb(stall_path, run);
  std::optional<Result<sync::SyncRound>> round;
  {
    std::unique_ptr<StallStore> store = std::move(StallStore::Open(run, clock, OpenMode::kMustExist)).value();
    Check(store->Enrol({url, key}), "enrol stall");
    sync::Uploader uploader(*store, lanes);
    const double took = TimeSeconds([&] { round.emplace(uploader.SyncOnce()); });
    if (seconds != nullptr) *seconds = took;
  }
  RemoveDb(run);
  Check(round->status(), "sync");
  return **round;
}

// range(0), the transport: 1 the shipped one (sync::MakeHttpTransport) to the real
// lapak-ledger; 0 InProcessTransport. range(1): 1 the warm-up stall's catch-up first, untimed.
// range(2): the uploader's lanes, batches in flight at once (sync::kSyncLanes as shipped).
void BM_CatchUp10000Sales(benchmark::State& state) {
  const Fixture& f = TheFixture();
  const std::string ledger_run = BenchDir() + "/sync-bench-ledger-run.db";
  const std::string raw_run = BenchDir() + "/sync-bench-raw.db";
  ManualClock clock(Wib(23, 1h));  // after the last entry
  std::vector<double> catch_up, bulk;
  int64_t batches = 0;
  for (auto _ : state) {
    CopyDb(f.ledger_path, ledger_run);
    double seconds = 0;
    {
      std::unique_ptr<testing::LedgerProcess> ledger;
      std::unique_ptr<sync::Transport> in_process;
      std::vector<std::unique_ptr<sync::Transport>> transports;
      std::string url = "http://127.0.0.1:1";
      if (state.range(0) == 0) {
        in_process = std::make_unique<InProcessTransport>(ledger_run, clock);
      } else {
        ledger = std::make_unique<testing::LedgerProcess>(
            ledger::sql::Location{.sqlite_path = ledger_run});
        url = ledger->url();
      }
      for (int64_t lane = 0; lane < state.range(2); ++lane) {
        transports.push_back(in_process ? std::make_unique<Lane>(*in_process)
                                        : std::move(sync::MakeHttpTransport(url)).value());
      }
      std::vector<sync::Transport*> lanes;
      for (const auto& transport : transports) lanes.push_back(transport.get());
      if (state.range(1) == 1) CatchUp(f.warm_up_stall_path, url, f.warm_up_key, lanes, clock, nullptr);
      const sync::SyncRound round = CatchUp(f.stall_path, url, f.terminal_key, lanes, clock, &seconds);
      if (round.unsent != 0 || round.acknowledged_seq != f.LastSeq()) Die("not caught up");
      batches = round.batches_sent;
    }
    state.SetIterationTime(seconds);
    catch_up.push_back(seconds);
    bulk.push_back(RawInsert(raw_run, f.entries));
  }
  RemoveDb(ledger_run);
  const double catch_up_mean = Sum(catch_up) / static_cast<double>(catch_up.size());
  const double bulk_mean = Sum(bulk) / static_cast<double>(bulk.size());
  state.counters["sales_per_s"] = static_cast<double>(kSales) / catch_up_mean;
  state.counters["entries"] = static_cast<double>(f.entries.size());
  state.counters["batches"] = static_cast<double>(batches);
  state.counters["bulk_ms"] = bulk_mean * 1e3;
  state.counters["bulk_rows_per_s"] = static_cast<double>(f.entries.size()) / bulk_mean;
  state.counters["ratio"] = catch_up_mean / bulk_mean;
}
BENCHMARK(BM_CatchUp10000Sales)
    ->ArgNames({"http", "warm", "lanes"})
    ->Args({1, 1, 2})
    ->Args({1, 1, 1})
    ->Args({1, 1, 4})
    ->Args({1, 0, 2})
    ->Args({0, 1, 2})
    ->Args({0, 1, 1})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

void BM_RawBulkInsert10000(benchmark::State& state) {
  const Fixture& f = TheFixture();
  double total = 0;
  for (auto _ : state) {
    const double seconds = RawInsert(BenchDir() + "/sync-bench-raw.db", f.entries);
    state.SetIterationTime(seconds);
    total += seconds;
  }
  state.counters["rows_per_s"] =
      static_cast<double>(state.iterations()) * static_cast<double>(f.entries.size()) / total;
}
BENCHMARK(BM_RawBulkInsert10000)->Iterations(5)->Unit(benchmark::kMillisecond)->UseManualTime();

// A server that answers every POST at once, on a thread of this process.
class NullServer {
 public:
  explicit NullServer(bool nodelay) {
    server_.set_tcp_nodelay(nodelay);
    server_.Post("/v1/batches", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(R"({"hwm":1,"terminal":"T1"})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~NullServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

void Post(httplib::Client& client, const std::string& body, int expected) {
  httplib::Result result = client.Post("/v1/batches", body, "application/octet-stream");
  if (!result || result->status != expected) Die("post");
}

// range(0): body bytes; range(1): TCP_NODELAY on both ends (1, as shipped) or on neither (0,
// httplib's default). The nodelay:0 variant stays because it tells whether the setting is still
// needed with the httplib in use: httplib writes headers and body apart, and while it does,
// Nagle's algorithm holds the body for the peer's delayed ACK.
void BM_RawLoopbackPost(benchmark::State& state) {
  const bool nodelay = state.range(1) != 0;
  NullServer server(nodelay);
  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(nodelay);
  const std::string body(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) Post(client, body, 200);
}
BENCHMARK(BM_RawLoopbackPost)
    ->Args({16, 1})
    ->Args({64 * 1024, 1})  // about a batch (~52 KB)
    ->Args({64 * 1024, 0})
    ->ArgNames({"bytes", "nodelay"})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

void BM_LedgerRefusedPost(benchmark::State& state) {
  const Fixture& f = TheFixture();
  const std::string ledger_run = BenchDir() + "/sync-bench-ledger-run.db";
  CopyDb(f.ledger_path, ledger_run);
  {
    testing::LedgerProcess ledger({.sqlite_path = ledger_run});
    httplib::Client client("127.0.0.1", ledger.port());
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    const std::string body(16, 'x');
    for (auto _ : state) Post(client, body, 400);
  }
  RemoveDb(ledger_run);
}
BENCHMARK(BM_LedgerRefusedPost)->Unit(benchmark::kMicrosecond)->UseRealTime();

// ---- 2. ledger ingest, a full batch, in process ---------------------------------------------

// The ingest's work short of SQL: framing, mac, inflate, decode, wire → entries, the hash
// chain and each sale's body, as Handle and ApplyBatch do them.
void DecodeAndCheck(const std::string& bytes, const std::string& key) {
  Result<sync::EnvelopeView> envelope = sync::ParseEnvelope(bytes);
  if (!envelope.ok() || !sync::VerifyEnvelopeMac(*envelope, key)) Die("envelope");
  Result<std::string> archive = sync::InflatePayload(*envelope);
  Check(archive.status(), "inflate");
  Result<sync::WireBatch> batch = sync::DecodePayload(*archive);
  Check(batch.status(), "decode");
  Result<sync::EntriesFromWire> read = sync::FromWire(*batch);
  Check(read.status(), "from wire");
  for (size_t i = 0; i < read->entries.size(); ++i) {
    const EntryReadAhead ahead = ReadAhead(read->entries[i], read->hashes_of_bytes[i]);
    if (!ahead.hash_matches) Die("hash");
    if (ahead.sale && !ahead.sale->ok()) Check(ahead.sale->status(), "sale body");
  }
}

void BM_LedgerIngestFullBatch(benchmark::State& state) {
  const Fixture& f = TheFixture();
  const size_t full = f.FullBatches();
  const std::string ledger_run = BenchDir() + "/sync-bench-ledger-run.db";
  const std::string raw_run = BenchDir() + "/sync-bench-raw.db";
  ManualClock clock(Wib(23, 1h));
  std::unique_ptr<ledger::LedgerStore> store;
  std::unique_ptr<ledger::Ingestor> ingestor;
  std::unique_ptr<bench::RawBulkInsert> raw;
  std::vector<double> ingest, bulk, decode;
  size_t next = 0;
  for (auto _ : state) {
    if (next == 0) {  // a fresh ledger and a fresh raw table for the batches from seq 1
      ingestor.reset();
      store.reset();
      raw.reset();
      CopyDb(f.ledger_path, ledger_run);
      store = std::move(ledger::LedgerStore::Open({.sqlite_path = ledger_run}, false, DatabaseUse::kServe)).value();
      ingestor = std::make_unique<ledger::Ingestor>(*store, clock);
      raw = bench::MakeRawSqliteInsert(raw_run);
    }
    const sync::SealedBatch& batch = f.batches[next];
    ledger::IngestAnswer answer;
    const double seconds = TimeSeconds([&] { answer = ingestor->Handle(batch.bytes); });
    if (answer.http_status != 200) Die("ingest answered " + answer.json);
    state.SetIterationTime(seconds);
    ingest.push_back(seconds);
    const std::vector<JournalEntry> rows(f.entries.begin() + (batch.first_seq - 1),
                                         f.entries.begin() + batch.last_seq);
    bulk.push_back(raw->TimeInsert(rows));
    decode.push_back(TimeSeconds([&] { DecodeAndCheck(batch.bytes, f.terminal_key); }));
    next = (next + 1) % full;
  }
  ingestor.reset();
  store.reset();
  raw.reset();
  RemoveDb(ledger_run);
  const double entries = static_cast<double>(sync::kMaxEntriesPerBatch);
  state.counters["entries_per_s"] = entries * static_cast<double>(ingest.size()) / Sum(ingest);
  state.counters["ingest_p50_ms"] = Median(ingest) * 1e3;
  state.counters["bulk_p50_ms"] = Median(bulk) * 1e3;
  state.counters["p50_ratio"] = Median(ingest) / Median(bulk);
  state.counters["decode_p50_ms"] = Median(decode) * 1e3;
}
// Fresh ledgers of 10 full batches each (seq 1 to 10 000).
BENCHMARK(BM_LedgerIngestFullBatch)->Iterations(40)->Unit(benchmark::kMillisecond)->UseManualTime();

// ---- 3. bytes per sale on the wire ---------------------------------------------------------

void BM_BuildFullBatch(benchmark::State& state) {
  const Fixture& f = TheFixture();
  const size_t full = f.FullBatches();
  const std::string scratch = BenchDir() + "/sync-bench-scratch.db";
  CopyDb(f.stall_path, scratch);
  ManualClock clock(Wib(23, 1h));
  {
    std::unique_ptr<StallStore> store =
        std::move(StallStore::Open(scratch, clock, OpenMode::kMustExist)).value();
    size_t next = 0;
    for (auto _ : state) {
      Result<sync::SealedBatch> batch =
          sync::BuildBatch(*store, 1 + static_cast<int64_t>(next) * sync::kMaxEntriesPerBatch, f.terminal_key);
      if (!batch.ok()) Die("build");
      benchmark::DoNotOptimize(batch->bytes.data());
      next = (next + 1) % full;
    }
  }
  RemoveDb(scratch);

  // Over every batch of the 10 006 entries (10 000 sales, 3 day opens, 3 Z reports).
  double wire_zlib = 0, wire_plain = 0, bodies = 0, entries = 0;
  std::string all_bodies;
  for (const sync::SealedBatch& batch : f.batches) {
    Result<sync::EnvelopeView> envelope = sync::ParseEnvelope(batch.bytes);
    if (!envelope.ok() || envelope->encoding != sync::PayloadEncoding::kZlib) Die("expected zlib");
    const size_t framing = batch.bytes.size() - envelope->payload.size();
    wire_zlib += static_cast<double>(batch.bytes.size());
    wire_plain += static_cast<double>(framing + batch.archive_bytes);
    entries += static_cast<double>(batch.last_seq - batch.first_seq + 1);
  }
  for (const JournalEntry& entry : f.entries) {
    bodies += static_cast<double>(entry.body.size());
    all_bodies += entry.body;
  }
  state.counters["plain_B_per_sale"] = wire_plain / entries;
  state.counters["zlib_B_per_sale"] = wire_zlib / entries;
  state.counters["body_B_per_sale"] = bodies / entries;
  state.counters["body_zlib_B_per_sale"] =
      static_cast<double>(sync::CompressPayload(all_bodies).size()) / entries;
  state.counters["zlib_ratio"] = wire_zlib / wire_plain;
}
BENCHMARK(BM_BuildFullBatch)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace lapak

BENCHMARK_MAIN();
