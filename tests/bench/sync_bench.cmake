# Sync benchmarks (issue 4): catch-up over loopback against the real lapak-ledger, ledger
# ingest in process, bytes per sale on the wire. Included from tests/CMakeLists.txt inside
# the LAPAK_BUILD_BENCHMARKS block; paths are relative to tests/.
add_executable(sync_bench bench/sync_bench.cpp)
target_link_libraries(sync_bench PRIVATE lapak_report_bench_support lapak_ledger_process
  lapak_uploader lapak_protocol lapak_ledger lapak_core
  PkgConfig::HTTPLIB benchmark::benchmark)
add_dependencies(sync_bench lapak-ledger)

# Concurrent ingest (issue 11): 1, 8 and 40 terminals syncing at once into one Ingestor,
# beside a raw bulk insert of the same rows in the same run.
add_executable(ingest_bench bench/ingest_bench.cpp)
target_link_libraries(ingest_bench PRIVATE lapak_report_bench_support lapak_ledger lapak_core
  Threads::Threads benchmark::benchmark)

# The load test (issue 11): a thousand terminals at once to the ledger on PostgreSQL, through
# HAProxy to several servers or straight to one, beside a raw bulk insert. scripts/bench-cluster
# runs it on a throwaway PostgreSQL.
add_executable(lapak_cluster_load bench/cluster_load.cpp)
target_link_libraries(lapak_cluster_load PRIVATE lapak_report_bench_support lapak_ledger_process
  lapak_test_support lapak_ledger lapak_core PkgConfig::HTTPLIB fmt::fmt Threads::Threads)
add_dependencies(lapak_cluster_load lapak-ledger)
