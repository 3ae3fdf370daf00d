// How the uploader reaches the ledger: one POST, one answer. The HTTP implementation is in
// http_transport.cpp; tests may put a fault proxy between it and the ledger.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

struct LedgerAnswer {
  int http_status = 0;
  std::string body;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // IoError when no answer arrived (refused, timed out, connection closed, TLS failed).
  [[nodiscard]] virtual Result<LedgerAnswer> PostBatch(std::string_view envelope) = 0;
};

// POSTs to <ledger_url>/v1/batches over HTTP or, for an https:// URL, TLS with the system's
// CA certificates (a self-signed ledger needs its certificate in $LAPAK_LEDGER_CA). Connect
// timeout 5 s, read timeout 30 s. InvalidArgument for a URL it cannot use.
// The first call sets SIGPIPE to be ignored for the whole process: httplib writes without
// MSG_NOSIGNAL, and a ledger that closes the connection mid-batch must be an IoError to
// retry, not the end of the terminal.
[[nodiscard]] Result<std::unique_ptr<Transport>> MakeHttpTransport(const std::string& ledger_url);

}  // namespace lapak::sync
