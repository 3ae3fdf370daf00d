// The ledger's HTTP server: its routes on the bounded server of http_server.h.
//
// Routes:
//   POST /v1/batches   body: an envelope (application/octet-stream), at most
//                      sync::kMaxEnvelopeBytes → the answers of sync/ledger/ingest/ingest.h
//   GET  /v1/health    {"ok":true}, answered even when every worker is busy
//   reports, the dashboard and /v1/metrics (admin tokens): report_routes.h
// Anything else: 404 (405 for a path known under another method) {"error":…,"reason":…}
// (ingest.h ErrorJson, the body of every JSON refusal the server gives); so are the bounded
// server's own refusals (400, 411, 413, 415, 431, 503).
// Every answer says X-Content-Type-Options: nosniff, X-Frame-Options: DENY, a
// Content-Security-Policy that allows the dashboard's inline style and nothing else, and
// Referrer-Policy: same-origin (a dashboard address may carry a token).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/web/http_router.h"
#include "sync/ledger/web/http_server.h"
#include "sync/ledger/web/report_routes.h"

namespace lapak::ledger {

class LedgerServer {
 public:
  // Plain HTTP without `tls`; HTTPS with it. A certificate or key that cannot be loaded
  // makes Bind() fail.
  LedgerServer(LedgerStore& store, const Clock& clock, const std::optional<TlsFiles>& tls = std::nullopt,
               const HttpLimits& limits = HttpLimits{});
  ~LedgerServer();

  // Binds host:port (port 0: any free port) without serving yet.
  [[nodiscard]] Status Bind(const std::string& host, int port);
  int port() const { return http_.port(); }
  // Serves until Stop(); returns an error only if the listening socket failed.
  [[nodiscard]] Status Serve();
  // From any thread, before or during Serve(): Serve() returns once handlers in progress
  // have finished.
  void Stop();

  const IngestCounters& counters() const { return ingestor_.counters(); }
  const HttpServerCounters& http_counters() const { return http_.counters(); }

 private:
  std::string MetricsJson() const;

  const LedgerStore& store_;
  Ingestor ingestor_;
  ReportRoutes report_routes_;
  HttpRouter router_;
  HttpServer http_;
};

}  // namespace lapak::ledger
