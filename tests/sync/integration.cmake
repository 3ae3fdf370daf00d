# Sync integration tests against the real lapak-ledger (and lapak) binaries over loopback,
# with the ledger in SQLite and again in PostgreSQL ("pg." tests).
# Included from tests/CMakeLists.txt: paths are relative to tests/.

# A terminal's stall database made through StallStore, for any sync test.
add_library(lapak_stall_fixture STATIC sync/stall_fixture.cpp)
target_include_directories(lapak_stall_fixture PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(lapak_stall_fixture PUBLIC lapak_core)

# Entries sealed into a batch as the uploader would, for tests that make or forge them.
add_library(lapak_sealed_batch STATIC sync/sealed_batch.cpp)
target_include_directories(lapak_sealed_batch PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(lapak_sealed_batch PUBLIC lapak_protocol lapak_core)

# Ledger impostors on loopback (a server that says what a test wants; a refusing port).
add_library(lapak_fake_ledger STATIC sync/fake_ledger.cpp)
target_include_directories(lapak_fake_ledger PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(lapak_fake_ledger PUBLIC Threads::Threads)

# The terminal's HTTP client against those impostors: no lapak-ledger needed.
add_executable(http_transport_tests sync/http_transport_test.cpp)
target_link_libraries(http_transport_tests PRIVATE
  lapak_fake_ledger lapak_uploader lapak_protocol lapak_core GTest::gtest_main)
gtest_discover_tests(http_transport_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)

add_executable(ledger_integration_tests sync/ledger_integration_test.cpp)
target_link_libraries(ledger_integration_tests PRIVATE
  lapak_sealed_batch lapak_stall_fixture lapak_ledger_process lapak_ledger lapak_uploader lapak_protocol lapak_core
  nlohmann_json::nlohmann_json PkgConfig::HTTPLIB GTest::gtest_main lapak_xlsx_cells)
add_dependencies(ledger_integration_tests lapak-ledger)
gtest_discover_tests(ledger_integration_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)
lapak_discover_postgres_ledger_tests(ledger_integration_tests)

add_executable(sync_cli_tests sync/sync_cli_test.cpp)
target_link_libraries(sync_cli_tests PRIVATE
  lapak_fake_ledger lapak_stall_fixture lapak_ledger_process lapak_ledger lapak_protocol lapak_core
  nlohmann_json::nlohmann_json GTest::gtest_main)
add_dependencies(sync_cli_tests lapak lapak-ledger)
gtest_discover_tests(sync_cli_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)
lapak_discover_postgres_ledger_tests(sync_cli_tests)

# A terminal with a stolen key against the ledger's books, in process (core/books.h at ingest).
add_executable(malicious_terminal_tests sync/malicious_terminal_test.cpp)
target_link_libraries(malicious_terminal_tests PRIVATE
  lapak_sealed_batch lapak_stall_fixture lapak_ledger_target lapak_ledger lapak_protocol lapak_core
  nlohmann_json::nlohmann_json GTest::gtest_main)
gtest_discover_tests(malicious_terminal_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)
lapak_discover_postgres_ledger_tests(malicious_terminal_tests)

# Stalls registered once for many events, terminals named by their stall, and the migration of
# a ledger of the schema before them, in process on both engines.
add_executable(stall_identity_tests sync/stall_identity_test.cpp)
target_link_libraries(stall_identity_tests PRIVATE
  lapak_sealed_batch lapak_stall_fixture lapak_ledger_target lapak_ledger lapak_protocol lapak_core
  GTest::gtest_main)
gtest_discover_tests(stall_identity_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)
lapak_discover_postgres_ledger_tests(stall_identity_tests)

# A ledger of the schema that kept sales rows apart, migrated with each sale's hour and void
# kept in its entry, in process on both engines.
add_executable(sale_rows_migration_tests sync/sale_rows_migration_test.cpp)
target_link_libraries(sale_rows_migration_tests PRIVATE
  lapak_sealed_batch lapak_stall_fixture lapak_ledger_target lapak_ledger lapak_protocol lapak_core
  GTest::gtest_main)
gtest_discover_tests(sale_rows_migration_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)
lapak_discover_postgres_ledger_tests(sale_rows_migration_tests)

