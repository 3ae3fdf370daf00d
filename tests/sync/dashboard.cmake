# The dashboard: its renderers (unit tests) and the whole of it as a reader meets it, a real
# lapak-ledger read over HTTP and in Debian's headless Chromium (tests/support/chromium.h).
# Included from tests/CMakeLists.txt: paths are relative to tests/.

add_library(lapak_chromium_support STATIC support/chromium.cpp)
target_include_directories(lapak_chromium_support PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(lapak_chromium_support PUBLIC lapak_core lapak_test_support)

add_executable(dashboard_tests sync/dashboard_html_test.cpp)
target_link_libraries(dashboard_tests PRIVATE lapak_ledger lapak_chromium_support fmt::fmt GTest::gtest_main)
gtest_discover_tests(dashboard_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS sync)

add_executable(dashboard_browser_tests sync/dashboard_browser_test.cpp)
target_link_libraries(dashboard_browser_tests PRIVATE
  lapak_stall_fixture lapak_ledger_process lapak_chromium_support lapak_xlsx_cells lapak_ledger lapak_core
  PkgConfig::HTTPLIB GTest::gtest_main)
add_dependencies(dashboard_browser_tests lapak-ledger)
gtest_discover_tests(dashboard_browser_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS browser)
