# Sync benchmarks (issue 4): catch-up over loopback against the real lapak-ledger, ledger
# ingest in process, bytes per sale on the wire. Included from tests/CMakeLists.txt inside
# the LAPAK_BUILD_BENCHMARKS block; paths are relative to tests/.
add_executable(sync_bench bench/sync_bench.cpp)
target_link_libraries(sync_bench PRIVATE lapak_report_bench_support lapak_ledger_process
  lapak_uploader lapak_protocol lapak_ledger lapak_core
  PkgConfig::HTTPLIB benchmark::benchmark)
add_dependencies(sync_bench lapak-ledger)
