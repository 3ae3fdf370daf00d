// What the benchmark programs of tests/bench share around their figures. A set-up error is
// not a result: Die() says it, naming the program, and aborts.
#pragma once

#include <errno.h>  // program_invocation_short_name (GNU)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace lapak::bench {

[[noreturn]] inline void Die(const std::string& what) {
  std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, what.c_str());
  std::abort();
}

inline void Check(const Status& status, const std::string& what) {
  if (!status.ok()) Die(what + ": " + status.message());
}

// The value of `result`, or Die() naming `what`.
template <typename T>
T Must(Result<T> result, const std::string& what) {
  if (!result.ok()) Die(what + ": " + result.status().message());
  return std::move(result).value();
}

inline double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }

// The wall time of `fn()`, in seconds.
template <typename Fn>
double TimeSeconds(Fn fn) {
  const auto start = std::chrono::steady_clock::now();
  fn();
  return Seconds(std::chrono::steady_clock::now() - start);
}

// Where a benchmark keeps its files: $LAPAK_BENCH_DIR, else the current directory.
inline std::string BenchDir() {
  const char* dir = std::getenv("LAPAK_BENCH_DIR");
  return dir != nullptr && *dir != '\0' ? dir : ".";
}

// Removes the SQLite database at `path` with its -wal and -shm files.
inline void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// The p-th quantile (0..1) of `samples`, nearest rank; 0 for none.
inline double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[std::min(samples.size() - 1, static_cast<size_t>(p * static_cast<double>(samples.size())))];
}

}  // namespace lapak::bench
