// The ledger's HTTP server: HTTP/1.1 (or HTTPS) on Boost.Beast, built for a Wi-Fi that
// visitors share. Nothing a client without a key sends can take more than a bounded share of
// the ledger's memory, threads or time:
//
//   - the request line and headers together: at most max_header_bytes (431), at most
//     max_header_fields fields (431), all within header_timeout of the connection opening or
//     of the previous answer (a slow or silent client is disconnected, unanswered);
//   - a body only on a route that takes one (http_router.h), announced by Content-Length
//     (chunked: 411) within the route's limit (413), never content-encoded (415), read
//     within body_timeout; a body cut short is never handed to a handler;
//   - bodies being read or handled hold at most max_body_bytes_in_flight between them: past
//     it a request is answered 503 with Retry-After, before its body is read;
//   - at most max_connections open connections, max_connections_per_address from one
//     address: past either a new connection is closed at once (with a 503 on plain HTTP);
//   - answers are written within write_timeout.
// Reading and writing run on a few I/O threads, asynchronously, however many connections are
// open; handlers run on a pool of worker threads (RunOn::kWorker) or, when they cost nothing,
// on the I/O thread (RunOn::kInline: the health check answers while every worker is busy).
// Each connection has at most one request in hand, so the workers' queue is bounded by the
// connections.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "sync/ledger/web/http_router.h"

namespace lapak::ledger {

// Serve over TLS with this certificate chain and private key (PEM files).
struct TlsFiles {
  std::string certificate;
  std::string private_key;
};

struct HttpLimits {
  size_t max_header_bytes = 8 * 1024;
  size_t max_header_fields = 64;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  size_t max_connections = 2048;  // lowered to what the process's file limit allows
  size_t max_connections_per_address = 256;
  size_t max_body_bytes_in_flight = 64 * 1024 * 1024;
  int io_threads = 2;
  int worker_threads = 8;
};

// What the server has refused, for /v1/metrics and for tests.
struct HttpServerCounters {
  std::atomic<int64_t> connections_open{0};
  std::atomic<int64_t> connections_refused{0};  // over a connection cap
  std::atomic<int64_t> requests_refused{0};     // 4xx/503 by the server itself, before a handler
  std::atomic<int64_t> connections_timed_out{0};
};

// The body of the server's own refusals: it sets `response` for `http_status` (400, 404, 405,
// 411, 413, 415, 431, 500, 503) to `request` (as far as it was read: after a 400 or 431,
// nothing of it).
using HttpRefusalAnswer =
    std::function<void(int http_status, const HttpRequest& request, HttpResponse& response)>;

class HttpServer {
 public:
  // `router` must outlive the server. Without `tls`, plain HTTP.
  HttpServer(const HttpRouter& router, HttpRefusalAnswer refusal_answer, const HttpLimits& limits,
             const std::optional<TlsFiles>& tls);
  ~HttpServer();

  // Binds host:port (port 0: any free port) without serving yet. A port another process
  // listens on is refused (CannotListenInUse); so are TLS files that cannot be loaded.
  [[nodiscard]] Status Bind(const std::string& host, int port);
  int port() const;
  // Serves until Stop(), on the I/O threads (this one among them) and the workers.
  [[nodiscard]] Status Serve();
  // From any thread, before or during Serve(): Serve() returns once handlers in progress
  // have finished. Their answers may not be sent.
  void Stop();

  const HttpServerCounters& counters() const;

  struct Impl;  // http_server.cpp: the I/O, the workers, the connections' caps

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace lapak::ledger
