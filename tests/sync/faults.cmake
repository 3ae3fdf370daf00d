# Fault tests of the sync contract against the real lapak-ledger (included from
# tests/CMakeLists.txt, so paths are relative to tests/):
#   fault_sync_tests  — 20 terminals × 500 sales sync through a seeded fault-injecting proxy;
#   ledger_kill_tests — the ledger killed with SIGKILL mid-ingest 50 times and restarted;
#   ledger_cluster_tests — two ledger servers on one database, behind HAProxy, one killed
#     mid-batch each round; and one batch posted to both at once.
# Sizes: LAPAK_SOAK_SALES (sales per terminal), LAPAK_KILL_ROUNDS; seeds: LAPAK_FAULT_SEED,
# LAPAK_KILL_SEED. Each runs with the ledger in SQLite and again in PostgreSQL ("pg." tests).

# Their seeded vendor terminals and the check that the ledger equals them.
add_library(lapak_soak_terminals STATIC sync/soak_terminals.cpp)
target_link_libraries(lapak_soak_terminals PUBLIC
  lapak_stall_fixture lapak_ledger_process lapak_ledger_target lapak_uploader lapak_protocol
  lapak_ledger lapak_core
  fmt::fmt GTest::gtest)

foreach(lapak_fault_test IN ITEMS fault_sync ledger_kill)
  add_executable(${lapak_fault_test}_tests sync/${lapak_fault_test}_test.cpp)
  target_link_libraries(${lapak_fault_test}_tests PRIVATE
    lapak_soak_terminals lapak_fault_proxy GTest::gtest_main)
  add_dependencies(${lapak_fault_test}_tests lapak-ledger)
  gtest_discover_tests(${lapak_fault_test}_tests DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS slow TIMEOUT 900)
endforeach()
# BackoffTest, in fault_sync_tests too, has no ledger.
lapak_discover_postgres_ledger_tests(fault_sync_tests TEST_FILTER "FaultSyncTest.*"
  PROPERTIES TIMEOUT 900)
lapak_discover_postgres_ledger_tests(ledger_kill_tests PROPERTIES TIMEOUT 900)

add_executable(ledger_cluster_tests sync/ledger_cluster_test.cpp)
target_link_libraries(ledger_cluster_tests PRIVATE
  lapak_soak_terminals nlohmann_json::nlohmann_json PkgConfig::HTTPLIB GTest::gtest_main)
add_dependencies(ledger_cluster_tests lapak-ledger)
gtest_discover_tests(ledger_cluster_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync TIMEOUT 180)
lapak_discover_postgres_ledger_tests(ledger_cluster_tests PROPERTIES TIMEOUT 180)
