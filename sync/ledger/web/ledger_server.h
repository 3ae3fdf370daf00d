// The ledger's HTTP server.
//
// Routes:
//   POST /v1/batches   body: an envelope (application/octet-stream) → the answers of
//                      sync/ledger/ingest/ingest.h
//   GET  /v1/health    {"ok":true}
//   GET  /v1/metrics   the ingest counters as JSON
//   reports and the dashboard: report_routes.h (POST /masuk takes a small form)
// Anything else: 404 {"error":…,"reason":…} (ingest.h ErrorJson, the body of every JSON
// refusal the server gives). A batch over sync::kMaxEnvelopeBytes is refused with 413 from
// its Content-Length, before it is read (a chunked one as soon as it passes the cap); a body
// on any other route is refused with 413 before it is read. Such refusals close the
// connection.
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
#include "sync/ledger/web/report_routes.h"

namespace lapak::ledger {

// Serve over TLS with this certificate chain and private key (PEM files).
struct TlsFiles {
  std::string certificate;
  std::string private_key;
};

class LedgerServer {
 public:
  // Plain HTTP without `tls`; HTTPS with it. A certificate or key that cannot be loaded
  // makes Bind() fail.
  LedgerServer(LedgerStore& store, const Clock& clock, const std::optional<TlsFiles>& tls = std::nullopt);
  ~LedgerServer();

  // Binds host:port (port 0: any free port) without serving yet.
  [[nodiscard]] Status Bind(const std::string& host, int port);
  int port() const { return port_; }
  // Serves until Stop(); returns an error only if the listening socket failed.
  [[nodiscard]] Status Serve();
  // From another thread: ends Serve(), even if it has not started serving yet (then it
  // waits until it has). Serve() must be called, or have been.
  void Stop();

  const IngestCounters& counters() const { return ingestor_.counters(); }

 private:
  struct Http;
  std::unique_ptr<Http> http_;
  Ingestor ingestor_;
  ReportRoutes report_routes_;
  int port_ = 0;
  std::atomic<bool> serve_returned_{false};
};

}  // namespace lapak::ledger
