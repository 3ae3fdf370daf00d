// The reports' forms (report_formats.h, report_xlsx.h) on a day of a bazaar of 40 stalls
// and of 1 000 stalls, each with every figure, a Z and a drawer, and 1 000 terminals. How long the
// workbook takes beside the CSV of the same report (the cheapest form of the same figures)
// and beside writing the workbook's own bytes to a file on this disk (the machine's limit for
// a file of that size), in the same run. No ledger: the report is built in memory.
//
//   cmake --preset release && cmake --build --preset release --target report_forms_bench
//   build/release/tests/report_forms_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/reports/report_xlsx.h"
#include "tests/bench/bench_support.h"

namespace lapak::ledger {
namespace {

using bench::Check;


LedgerFigures FiguresOf(int n) {
  LedgerFigures figures;
  figures.sales_count = 40 + n % 50;
  figures.voids_count = n % 3;
  figures.gross = Money::Rupiah(1'000'000 + 1'337 * n);
  figures.voids = Money::Rupiah(15'000 * (n % 3));
  figures.net = *figures.gross.Minus(figures.voids);
  figures.by_method.amounts = {Money::Rupiah(figures.net.rupiah() / 2), Money::Rupiah(figures.net.rupiah() / 3),
                               Money::Rupiah(figures.net.rupiah() - figures.net.rupiah() / 2 -
                                             figures.net.rupiah() / 3)};
  return figures;
}

// A day of `stalls` stalls, made once for each size.
const OrganiserDayReport& Day(int stalls) {
  static std::map<int, OrganiserDayReport> made;
  if (auto found = made.find(stalls); found != made.end()) return found->second;
  OrganiserDayReport& day = made[stalls];
  {
    day.event = {"expo", "Bazar UMKM Jawa Tengah", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
                 "2026-11-20", "2026-11-22"};
    day.business_day = "2026-11-21";
    day.as_of = TimePoint{} + std::chrono::hours(24 * 20779);
    for (int n = 0; n < stalls; ++n) {
      const std::string id = fmt::format("S{:04}", n);
      day.stalls.push_back({id, fmt::format("Warung Makan Bu Sri nomor {}", n), n % 2 ? "makanan" : "kerajinan",
                            FiguresOf(n), n % 7 ? ZState::kAgrees : ZState::kNotClosed, Money(),
                            Money::Rupiah(-(n % 5) * 1000), CashMoves(), QrisShown{3, Money::Rupiah(45'000)}});
      day.terminals.push_back({"T1", id, false, 500 + n, day.as_of, day.as_of, false});
      Check(day.total.Add(day.stalls.back().figures), "total");
    }
    for (int hour = 0; hour < 24; ++hour) day.hours.push_back({fmt::format("{:02}", hour), FiguresOf(hour)});
    day.categories = {{"makanan", FiguresOf(1)}, {"kerajinan", FiguresOf(2)}};
  }
  return day;
}

void BM_DayWorkbook(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) {
    Result<std::string> workbook = ReportXlsx(Day(static_cast<int>(state.range(0))), Language::kIndonesian);
    if (!workbook.ok()) bench::Die(workbook.status().message());
    bytes = workbook->size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_DayWorkbook)->Arg(40)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_DayCsv(benchmark::State& state) {
  size_t bytes = 0;
  for (auto _ : state) bytes = ReportCsv(Day(static_cast<int>(state.range(0)))).size();
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_DayCsv)->Arg(40)->Arg(1000)->Unit(benchmark::kMillisecond);

// The limit: the workbook's bytes written to a new file in the temporary folder and removed,
// as the workbook's own file is (no fsync, as libxlsxwriter does none).
void BM_WriteWorkbookSizedFile(benchmark::State& state) {
  const std::string bytes = *ReportXlsx(Day(static_cast<int>(state.range(0))), Language::kIndonesian);
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "lapak-bench-limit.xlsx";
  for (auto _ : state) {
    std::ofstream(path, std::ios::binary) << bytes;
    std::filesystem::remove(path);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_WriteWorkbookSizedFile)->Arg(40)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lapak::ledger

BENCHMARK_MAIN();
