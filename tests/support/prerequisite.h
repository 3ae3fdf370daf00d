// A test's prerequisite outside the test binary: a PostgreSQL server, Debian's chromium.
//
//   LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
//
// When `condition` is false the test is skipped with `reason` (GTEST_SKIP), as on a developer's
// machine without the server or the browser; but when $CI is "true" it fails instead, naming
// the reason, so that a CI run cannot pass by skipping what it was meant to test. Use it in
// a test's body or its fixture's SetUp (it returns from the function, like GTEST_SKIP).
// `reason` is anything a std::string can be built from.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace lapak::testing {

// Whether $CI is "true", as CI services set it.
inline bool RunningOnCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

}  // namespace lapak::testing

#define LAPAK_SKIP_UNLESS(condition, reason)                                                 \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      const std::string lapak_skip_reason_(reason);                                          \
      if (::lapak::testing::RunningOnCi()) {                                                 \
        GTEST_FAIL() << lapak_skip_reason_                                                   \
                     << " (CI=true: CI must have this prerequisite; the test may not skip)"; \
      }                                                                                      \
      GTEST_SKIP() << lapak_skip_reason_;                                                    \
    }                                                                                        \
  } while (false)
