# The security suite of issue 11: each attack an outsider on the bazaar's Wi-Fi tried, replayed
# against the real lapak-ledger and lapak on loopback, asserting the bound that holds it
# (memory, time, ports, CSV cells, forms and headers, tokens). Label security.
# Included from tests/CMakeLists.txt after sync/integration.cmake: paths are relative to tests/.

add_library(lapak_attacker STATIC security/attacker.cpp)
target_link_libraries(lapak_attacker PUBLIC
  lapak_ledger_process lapak_test_support nlohmann_json::nlohmann_json GTest::gtest
  PRIVATE fmt::fmt)

add_executable(security_tests
  security/ledger_attack_test.cpp
  security/web_rules_test.cpp
  security/csv_cells_test.cpp
  security/client_attack_test.cpp
)
target_link_libraries(security_tests PRIVATE
  lapak_attacker lapak_fake_ledger lapak_stall_fixture lapak_uploader lapak_protocol lapak_core
  nlohmann_json::nlohmann_json fmt::fmt GTest::gtest_main)
add_dependencies(security_tests lapak-ledger lapak)
# The memory bounds are on what the program holds. AddressSanitizer also keeps up to 256 MB
# of freed memory in quarantine, resident; capped at 16 MB here (and in the processes the
# tests start, which inherit it), so that an ASan build's growth is the program's own: 80
# full-size bodies at once grew the ledger by 285 MB with the default, 114 MB with the cap
# (70 MB without ASan).
gtest_discover_tests(security_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS security
  ENVIRONMENT ASAN_OPTIONS=quarantine_size_mb=16)
