// Decoding the journal's sale bodies (issue 11), as the ledger's ingest does for each sale of
// a batch, beside writing the same bodies: the writer is the floor of any reader of them.
//
//   BM_DecodeSale               DecodeSale of one typical body (cycling through the 500).
//   BM_DecodeSaleBatch500       DecodeSale of the 500 sale bodies of a full batch; the bytes
//                               decoded per second as a counter.
//   BM_EncodeSaleBatch500       EncodeSale of the same 500 sales: the limit.
//
// The sales are sync_bench's (tests/bench/bakso_sales.h), about 400 bytes a body. Built
// once, outside timing.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/journal.h"
#include "core/receipt_number.h"
#include "core/sale.h"
#include "tests/bench/bakso_sales.h"
#include "tests/bench/bench_support.h"

namespace lapak {
namespace {

using namespace lapak::bench;

constexpr size_t kBatchSales = 500;

struct Batch {
  std::vector<SaleBody> sales;
  std::vector<std::string> bodies;  // EncodeSale of each
  size_t bytes = 0;
};

const Batch& TheBatch() {
  static const Batch batch = [] {
    Batch b;
    BaksoSaleMaker maker;
    for (size_t i = 0; i < kBatchSales; ++i) {
      const auto number = static_cast<int64_t>(i + 1);
      b.sales.push_back(SaleBody{1, FormatReceiptNumber("2026-11-20", number), maker.Next()});
      b.bodies.push_back(EncodeSale(b.sales.back()));
      b.bytes += b.bodies.back().size();
    }
    return b;
  }();
  return batch;
}

void BM_DecodeSale(benchmark::State& state) {
  const Batch& batch = TheBatch();
  size_t next = 0;
  for (auto _ : state) {
    Result<SaleBody> sale = DecodeSale(batch.bodies[next]);
    Check(sale.status(), "decode");
    benchmark::DoNotOptimize(sale);
    next = (next + 1) % batch.bodies.size();
  }
  state.counters["body_bytes"] =
      static_cast<double>(batch.bytes) / static_cast<double>(batch.bodies.size());
}
BENCHMARK(BM_DecodeSale)->Unit(benchmark::kMicrosecond);

void BM_DecodeSaleBatch500(benchmark::State& state) {
  const Batch& batch = TheBatch();
  for (auto _ : state) {
    for (const std::string& body : batch.bodies) {
      Result<SaleBody> sale = DecodeSale(body);
      Check(sale.status(), "decode");
      benchmark::DoNotOptimize(sale);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(batch.bytes));
}
BENCHMARK(BM_DecodeSaleBatch500)->Unit(benchmark::kMillisecond);

void BM_EncodeSaleBatch500(benchmark::State& state) {
  const Batch& batch = TheBatch();
  for (auto _ : state) {
    for (const SaleBody& sale : batch.sales) {
      std::string body = EncodeSale(sale);
      benchmark::DoNotOptimize(body);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(batch.bytes));
}
BENCHMARK(BM_EncodeSaleBatch500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lapak

BENCHMARK_MAIN();
