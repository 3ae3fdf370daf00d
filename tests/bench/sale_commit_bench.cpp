// One durable sale commit (three lines and a cash payment, WAL + synchronous=FULL) beside
// the disk's own limit measured in the same run: an append of the same size followed by
// fdatasync, and a one-row SQLite insert with the same pragmas.
//
// BM_SaleCommitVsFdatasync interleaves the two so that both see the same disk at the same
// moment, and reports p50/p99 of each and the ratio of the p50s (the target is ≤ 1.2).
// Files go to $LAPAK_BENCH_DIR, else the current directory: run it on the disk you mean.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/store.h"

namespace lapak {
namespace {

std::string BenchDir() {
  const char* dir = std::getenv("LAPAK_BENCH_DIR");
  return dir ? dir : ".";
}

// A fresh stall database with a three-product catalog.
class BenchStall {
 public:
  BenchStall() : clock_(TimePoint{std::chrono::milliseconds(1'795'834'800'000)}) {
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
    store_ = std::move(StallStore::Open(path_, clock_)).value();
    if (!store_->Initialise({"BKS-07", "Bakso", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok() ||
        !store_->ImportCatalog({{"A", "Bakso Urat", "Makanan", Money::Rupiah(20000)},
                                {"B", "Es Teh", "Minuman", Money::Rupiah(5000)},
                                {"C", "Kerupuk", "Tambahan", Money::Rupiah(2000)}},
                               false)
             .ok()) {
      std::abort();
    }
    products_ = *store_->Products(false);
  }
  ~BenchStall() {
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
  }

  // Rings up and records one sale; aborts on failure (a benchmark must not measure errors).
  void Sell() {
    Cart cart;
    for (const Product& product : products_) {
      if (!cart.AddProduct(product, 2).ok()) std::abort();
    }
    if (!cart.AddPayment(PaymentMethod::kCash, Money::Rupiah(100000)).ok()) std::abort();
    clock_.Advance(std::chrono::milliseconds(10));
    if (!store_->RecordSale(*cart.Complete()).ok()) std::abort();
  }

 private:
  std::string path_ = BenchDir() + "/bench-stall.db";
  ManualClock clock_;
  std::unique_ptr<StallStore> store_;
  std::vector<Product> products_;
};

// A file to which one appends a sale-sized record and fdatasyncs it.
class RawAppender {
 public:
  RawAppender() : fd_(::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600)) {
    if (fd_ < 0) std::abort();
  }
  ~RawAppender() {
    ::close(fd_);
    std::filesystem::remove(path_);
  }
  void AppendAndSync() {
    if (::write(fd_, record_.data(), record_.size()) != static_cast<ssize_t>(record_.size()) ||
        ::fdatasync(fd_) != 0) {
      std::abort();
    }
  }

 private:
  std::string path_ = BenchDir() + "/bench-raw.log";
  std::string record_ = std::string(700, 's');  // about one sale's journal row
  int fd_;
};

double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[static_cast<size_t>(p * static_cast<double>(samples.size() - 1))];
}

template <typename Fn>
double TimeMicros(Fn fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
}

void BM_DurableSaleCommit(benchmark::State& state) {
  BenchStall stall;
  for (auto _ : state) stall.Sell();
  state.counters["commits_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DurableSaleCommit)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_RawAppendFdatasync(benchmark::State& state) {
  RawAppender raw;
  for (auto _ : state) raw.AppendAndSync();
}
BENCHMARK(BM_RawAppendFdatasync)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_RawSqliteInsert(benchmark::State& state) {
  const std::string path = BenchDir() + "/bench-raw.db";
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(v BLOB)",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    std::abort();
  }
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES (zeroblob(700))", -1, &insert, nullptr);
  for (auto _ : state) {
    if (sqlite3_step(insert) != SQLITE_DONE) std::abort();
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
BENCHMARK(BM_RawSqliteInsert)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Each iteration: one sale commit and one raw append+fdatasync, timed separately.
void BM_SaleCommitVsFdatasync(benchmark::State& state) {
  BenchStall stall;
  RawAppender raw;
  std::vector<double> sale_us;
  std::vector<double> fsync_us;
  for (auto _ : state) {
    sale_us.push_back(TimeMicros([&] { stall.Sell(); }));
    fsync_us.push_back(TimeMicros([&] { raw.AppendAndSync(); }));
  }
  const double sale_p50 = Percentile(sale_us, 0.50);
  const double fsync_p50 = Percentile(fsync_us, 0.50);
  state.counters["sale_p50_us"] = sale_p50;
  state.counters["sale_p99_us"] = Percentile(sale_us, 0.99);
  state.counters["fsync_p50_us"] = fsync_p50;
  state.counters["fsync_p99_us"] = Percentile(fsync_us, 0.99);
  state.counters["p50_ratio"] = fsync_p50 > 0 ? sale_p50 / fsync_p50 : 0;
}
BENCHMARK(BM_SaleCommitVsFdatasync)->Iterations(2000)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace lapak

BENCHMARK_MAIN();
