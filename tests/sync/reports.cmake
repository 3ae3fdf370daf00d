# The reports (sync/ledger/reports/reports.h) against figures worked out from the terminals'
# journal entries, on a ledger in SQLite and in PostgreSQL (the PostgreSQL cases skip when
# $LAPAK_TEST_POSTGRES is unset; under ctest the postgres fixture of postgres.cmake sets it).
# Included from tests/CMakeLists.txt after postgres.cmake: paths are relative to tests/.

add_executable(reports_tests sync/reports_test.cpp sync/report_scenario.cpp)
target_link_libraries(reports_tests PRIVATE
  lapak_ledger lapak_core lapak_test_support lapak_postgres_test_support lapak_xlsx_cells GTest::gtest_main)
# NO_PRETTY_VALUES: the cases are named by engine (…/SQLite, …/PostgreSQL) already.
gtest_discover_tests(reports_tests DISCOVERY_TIMEOUT 60 NO_PRETTY_VALUES TRUE PROPERTIES
  LABELS sync FIXTURES_REQUIRED postgres ENVIRONMENT ${LAPAK_TEST_POSTGRES_ENV})
