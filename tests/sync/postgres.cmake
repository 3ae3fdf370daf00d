# The ledger on PostgreSQL: one throwaway server (tests/support/postgres_server.sh, on
# 127.0.0.1, as an unprivileged user) started by a ctest fixture around every test that
# needs it. Those tests find the server through $LAPAK_TEST_POSTGRES, the path of the file
# holding its URI (the port is known only once it has started).
# Included from tests/CMakeLists.txt: paths are relative to tests/.

set(LAPAK_TEST_POSTGRES_DIR ${CMAKE_CURRENT_BINARY_DIR}/postgres)
set(LAPAK_TEST_POSTGRES_ENV LAPAK_TEST_POSTGRES=${LAPAK_TEST_POSTGRES_DIR}/uri)
add_test(NAME postgres_server_start
  COMMAND ${PROJECT_SOURCE_DIR}/tests/support/postgres_server.sh start ${LAPAK_TEST_POSTGRES_DIR})
add_test(NAME postgres_server_stop
  COMMAND ${PROJECT_SOURCE_DIR}/tests/support/postgres_server.sh stop ${LAPAK_TEST_POSTGRES_DIR})
set_tests_properties(postgres_server_start PROPERTIES FIXTURES_SETUP postgres LABELS postgres)
set_tests_properties(postgres_server_stop PROPERTIES FIXTURES_CLEANUP postgres LABELS postgres)

add_library(lapak_postgres_test_support STATIC support/postgres_database.cpp)
target_include_directories(lapak_postgres_test_support PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(lapak_postgres_test_support PUBLIC PkgConfig::PQXX)

add_executable(postgres_connection_tests sync/postgres_connection_test.cpp)
target_link_libraries(postgres_connection_tests PRIVATE
  lapak_ledger lapak_postgres_test_support GTest::gtest_main)
gtest_discover_tests(postgres_connection_tests DISCOVERY_TIMEOUT 60 PROPERTIES
  LABELS postgres FIXTURES_REQUIRED postgres ENVIRONMENT ${LAPAK_TEST_POSTGRES_ENV})
