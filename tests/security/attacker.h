// What an outsider on the bazaar's Wi-Fi has, for the security suite (issue 11): raw TCP
// connections to the ledger that send whatever they like at whatever pace, and a look at a
// process's peak memory from outside. Everything here runs against the real binaries:
// `lapak-ledger serve` as a child process (tests/sync/ledger_process.h), `lapak` run to its end.
//
// The memory bound of issue 11 is 200 MB of peak resident memory (VmHWM, /proc/<pid>/status)
// for the ledger under any attack, and for `lapak sync` against any answer. With
// AddressSanitizer (LAPAK_SANITIZE builds every target, this suite's too) a process starts
// bigger and keeps freed memory in quarantine (capped at 16 MB for this suite,
// security.cmake), so there the bound is on the growth over the peak before the attack;
// without it, on the peak itself (and on the growth, which is less).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sync/ledger/store/sql.h"
#include "tests/support/process.h"
#include "tests/sync/ledger_process.h"

namespace lapak::testing {

inline constexpr int64_t kMiB = 1024 * 1024;
inline constexpr int64_t kPeakMemoryBound = 200'000'000;  // issue 11: "under 200 MB"

#if defined(__SANITIZE_ADDRESS__)  // g++
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
inline constexpr bool kSanitized = __has_feature(address_sanitizer);  // clang
#else
inline constexpr bool kSanitized = false;
#endif

// The peak resident memory (VmHWM) of the running process `pid`, in bytes; -1 when unreadable.
int64_t PeakMemory(pid_t pid);

// Whether `peak` keeps issue 11's bound, `at_start` being the same process's peak before the
// attack (see above); says the figures either way, and prints them as "[ memory ] what: …".
::testing::AssertionResult PeakWithinBound(std::string_view what, int64_t peak, int64_t at_start);

// A TCP connection to 127.0.0.1:port, as an attacker holds one; closed on destruction. Never
// raises SIGPIPE.
class RawConnection {
 public:
  // Connects (blocking). `send_buffer` > 0 sets SO_SNDBUF first: with a small one, how much
  // the peer has taken shows in what Send() could hand to the kernel.
  explicit RawConnection(int port, int send_buffer = 0);
  ~RawConnection();
  RawConnection(RawConnection&& other) noexcept;
  RawConnection& operator=(RawConnection&&) = delete;
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends all of `bytes`, blocking; false once the peer has closed or reset the connection.
  bool Send(std::string_view bytes);
  // Sends what the socket takes now without blocking: the bytes taken (0 when its buffer is
  // full), -1 once the peer has gone.
  int64_t SendSome(std::string_view bytes);
  // Reads until one whole answer (header, then Content-Length bytes of body) has arrived, the
  // peer closed, or `timeout` passed: every byte read so far on this connection.
  const std::string& ReadAnswer(std::chrono::milliseconds timeout);
  // Whether the peer closes the connection (end of stream or reset) within `timeout`; what it
  // sends meanwhile is kept (received()).
  bool WaitForClose(std::chrono::milliseconds timeout);
  const std::string& received() const { return received_; }
  int fd() const { return fd_; }

 private:
  // Reads once what is there; false at end of stream or on an error (the peer is gone).
  bool ReadAvailable();

  int fd_ = -1;
  bool closed_by_peer_ = false;
  std::string received_;
};

// An HTTP answer as read off the wire.
struct RawAnswer {
  int status = 0;  // 0: nothing that looks like an answer arrived
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;

  // The first header `name` (lower case); "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
  // The "refusal" code of a JSON refusal body {"error":…,"reason":{"refusal":…}}; "" if none.
  std::string Refusal() const;
};
RawAnswer ParseAnswer(std::string_view raw);

// Which of the headers that keep an answer out of another site's frame and the browser from
// guessing its type `answer` lacks (X-Frame-Options: DENY, X-Content-Type-Options: nosniff, a
// Content-Security-Policy with frame-ancestors 'none'); "" when it has them all.
std::string MissingProtection(const RawAnswer& answer);

// `request` on a new connection; its answer (status 0 when none came within `timeout`).
RawAnswer Exchange(int port, std::string_view request,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

// "GET <target> HTTP/1.1" with Host 127.0.0.1:<port>, `extra_headers` (each line ending in
// \r\n) and Connection: close.
std::string GetRequest(int port, std::string_view target, std::string_view extra_headers = "");

// A form POST (application/x-www-form-urlencoded) of `body` to `target`, as GetRequest.
std::string PostFormRequest(int port, std::string_view target, std::string_view body,
                            std::string_view extra_headers = "");

// Sends `head`, then `filler` again and again, on a new connection with a small send buffer,
// as fast as the peer takes it, until `total` bytes went out, the peer closed the connection,
// or it took nothing for `stall`. What the peer answered meanwhile is read as it comes.
struct Flood {
  int64_t sent = 0;      // bytes the kernel took, `head` included
  bool closed = false;   // the peer closed or reset the connection
  bool stalled = false;  // the peer took nothing for `stall` and did not close
  std::string answer;    // what the peer sent back
};
Flood FloodConnection(int port, std::string_view head, char filler, int64_t total,
                      std::chrono::milliseconds stall);

// A fresh ledger (SQLite, in a temporary folder) served by the real `lapak-ledger serve` on a
// free port, with its peak memory right after start-up, and the admin's view of its counters.
class LedgerUnderAttack {
 public:
  LedgerUnderAttack();

  int port() const { return process_.port(); }
  std::string url() const { return process_.url(); }
  const ledger::sql::Location& database() const { return database_; }
  const TempDir& dir() const { return dir_; }
  // The server's peak resident memory now, and right after it started.
  int64_t PeakMemory() const;
  int64_t peak_at_start() const { return peak_at_start_; }
  // Whether the server's peak memory keeps the bound (PeakWithinBound) after `attack`.
  ::testing::AssertionResult MemoryWithinBound(std::string_view attack) const;

  // A token made with `lapak-ledger token add … --role admin` (on first use).
  const std::string& AdminToken();
  // GET /v1/metrics with the admin token; throws unless 200.
  nlohmann::json Metrics();
  // Asks for the metrics until `done` says yes or `timeout` passed; whether it did.
  bool WaitForMetrics(const std::function<bool(const nlohmann::json&)>& done,
                      std::chrono::milliseconds timeout);
  // GET /v1/health on a new connection: whether {"ok":true} came within `timeout`.
  bool Healthy(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  TempDir dir_;
  ledger::sql::Location database_;
  LedgerProcess process_;
  int64_t peak_at_start_ = -1;
  std::string admin_token_;
};

// A line of `lapak-ledger` output without its newline (a token, an enrolment code).
std::string FirstLine(const std::string& text);

// `argv` run to its end as Run() does (tests/support/process.h), under GNU time
// (/usr/bin/time, Debian's package "time"), which reports its peak resident memory: the
// maximum resident set of the child, from wait4(), in bytes; -1 when it could not be read.
struct MeasuredRun {
  RunResult result;
  int64_t peak_memory = -1;
};
bool CanMeasureChildMemory();
MeasuredRun RunMeasuringMemory(const std::vector<std::string>& argv,
                               const std::vector<std::string>& env = {});

// `argv` run as Run() does, but killed after `timeout` (then exit_code is -1 and `timed_out`).
struct BoundedRun {
  RunResult result;
  bool timed_out = false;
};
BoundedRun RunWithin(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                     std::chrono::milliseconds timeout);

}  // namespace lapak::testing
