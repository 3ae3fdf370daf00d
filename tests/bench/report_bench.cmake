# Report benchmarks (issue 5): lapak_ledger_load fills a ledger (SQLite or PostgreSQL) with
# a year of bazaars through the real ingest path; report_bench times the reports on it.
# scripts/bench-reports runs both. Included from tests/CMakeLists.txt inside the
# LAPAK_BUILD_BENCHMARKS block; paths are relative to tests/.
add_library(lapak_report_bench_support STATIC
  bench/bazaar_plan.cpp
  bench/terminal_journal.cpp
  bench/raw_limits.cpp
  bench/bakso_sales.cpp)
target_link_libraries(lapak_report_bench_support
  PUBLIC lapak_ledger lapak_uploader lapak_protocol lapak_core
  PRIVATE SQLite::SQLite3 PkgConfig::PQXX fmt::fmt)

add_executable(lapak_ledger_load bench/ledger_load.cpp)
target_link_libraries(lapak_ledger_load PRIVATE lapak_report_bench_support lapak_ledger lapak_protocol
  lapak_core fmt::fmt Threads::Threads)

add_executable(report_bench bench/report_bench.cpp)
target_link_libraries(report_bench PRIVATE lapak_report_bench_support lapak_ledger lapak_core
  benchmark::benchmark)

# Start-up of a ledger command (issue 11): `lapak-ledger report day` end to end against the
# report itself, and serve's open after a clean and an unclean stop, on a ledger of a million
# sales that its set-up makes by a bulk insert (see the file's head for how to run it).
add_executable(startup_bench bench/startup_bench.cpp)
target_link_libraries(startup_bench PRIVATE lapak_report_bench_support lapak_ledger lapak_core
  SQLite::SQLite3 fmt::fmt benchmark::benchmark)
target_compile_definitions(startup_bench PRIVATE LAPAK_LEDGER_PATH="$<TARGET_FILE:lapak-ledger>")
add_dependencies(startup_bench lapak-ledger)

# The reports' forms on a 1 000-stall day built in memory: the workbook against the CSV and
# against writing a file of the workbook's size (see the file's head).
add_executable(report_forms_bench bench/report_forms_bench.cpp)
target_link_libraries(report_forms_bench PRIVATE lapak_ledger lapak_core fmt::fmt benchmark::benchmark)
