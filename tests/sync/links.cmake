# What each binary links (issue 10): the ledger links the wire protocol, never the
# terminal's uploader; tests/sync/ledger_links_no_uploader.sh reads lapak-ledger's symbols
# with nm and, to show that it can fail, lapak's, which syncs.
# Included from tests/CMakeLists.txt: paths are relative to tests/.

if(CMAKE_NM)
  set(lapak_nm ${CMAKE_NM})
else()
  set(lapak_nm nm)
endif()
add_test(NAME ledger_links_no_uploader
  COMMAND sh ${PROJECT_SOURCE_DIR}/tests/sync/ledger_links_no_uploader.sh
    ${lapak_nm} $<TARGET_FILE:lapak-ledger> $<TARGET_FILE:lapak>)
set_tests_properties(ledger_links_no_uploader PROPERTIES LABELS sync)
