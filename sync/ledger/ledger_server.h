// The ledger's HTTP server.
//
// Routes:
//   POST /v1/batches   body: an envelope (application/octet-stream) → ingest.h's answers
//   GET  /v1/health    {"ok":true}
//   GET  /v1/metrics   the ingest counters as JSON
// Anything else: 404 {"error":…}. A body over sync::kMaxEnvelopeBytes is refused with 413
// from its Content-Length, before it is read, and the connection is closed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "sync/ledger/ingest.h"
#include "sync/ledger/ledger_store.h"

namespace lapak::ledger {

class LedgerServer {
 public:
  LedgerServer(LedgerStore& store, const Clock& clock);
  ~LedgerServer();

  // Binds host:port (port 0: any free port) without serving yet.
  [[nodiscard]] Status Bind(const std::string& host, int port);
  int port() const { return port_; }
  // Serves until Stop(); returns an error only if the listening socket failed.
  [[nodiscard]] Status Serve();
  // Thread-safe and async-signal-safe enough for a signal-watching thread.
  void Stop();

  const IngestCounters& counters() const { return ingestor_.counters(); }

 private:
  struct Http;
  std::unique_ptr<Http> http_;
  Ingestor ingestor_;
  int port_ = 0;
};

}  // namespace lapak::ledger
