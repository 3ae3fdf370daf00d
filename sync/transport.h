// How the uploader reaches the ledger: one POST, one answer. The HTTP implementation is in
// http_transport.cpp; tests may put a fault proxy between it and the ledger.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace lapak::sync {

struct LedgerAnswer {
  int http_status = 0;
  std::string body;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // IoError when no answer was taken (refused, timed out, connection closed, TLS failed, an
  // answer over its limits or not HTTP): a coded refusal that names the ledger's address and
  // the cause (the refusals_terminal.inc rows under "reaching the ledger").
  [[nodiscard]] virtual Result<LedgerAnswer> PostBatch(std::string_view envelope) = 0;
};

// How long each step may take; tests shorten them.
struct HttpTransportOptions {
  // The TCP connection.
  std::chrono::milliseconds connect_timeout{5000};
  // Each of: the TLS handshake, writing the request, reading the answer.
  std::chrono::milliseconds io_timeout{30000};
};

// POSTs to <ledger_url>/v1/batches as application/octet-stream over HTTP/1.1 or, for an
// https:// URL, TLS 1.2 or later, the ledger's certificate verified against the system's CA
// certificates plus $LAPAK_LEDGER_CA when set (for a self-signed ledger), and its host name
// or IP address checked against the certificate (the name is sent as SNI).
//
// Limits: each of connecting, the TLS handshake, writing the request and reading the answer
// is bounded by `options` (name resolution is the system resolver's, with its own timeouts);
// an answer's header is at most 16 KiB and its body at most kMaxAnswerBytes (protocol.h): a
// larger answer is refused after reading at most its header, or the limit of its body, plus
// one read buffer, whatever it announced.
//
// One connection is kept alive across calls. When a kept-alive connection turns out to have
// been closed by the ledger before any byte of the answer arrived (its idle timeout), the
// batch is sent once more on a new connection. The ledger may then have applied it already;
// that is harmless, as it answers a batch it holds with the same acknowledgement.
//
// Not thread-safe: one caller at a time. Writes never raise SIGPIPE.
// InvalidArgument for a URL that is not a ledger address (core/text.h IsLedgerAddress). A
// $LAPAK_LEDGER_CA that cannot be loaded refuses every PostBatch (InvalidArgument), so that a
// terminal's sync keeps saying so.
[[nodiscard]] Result<std::unique_ptr<Transport>> MakeHttpTransport(
    const std::string& ledger_url, HttpTransportOptions options = {});

// `count` such transports to the same ledger, each with a connection of its own: the lanes of
// an uploader that keeps that many batches in flight (sync/uploader.h).
[[nodiscard]] Result<std::vector<std::unique_ptr<Transport>>> MakeHttpTransports(
    const std::string& ledger_url, int count, HttpTransportOptions options = {});

// The transports `owned`, as the uploader takes its lanes.
inline std::vector<Transport*> Lanes(const std::vector<std::unique_ptr<Transport>>& owned) {
  std::vector<Transport*> lanes;
  for (const std::unique_ptr<Transport>& transport : owned) lanes.push_back(transport.get());
  return lanes;
}

}  // namespace lapak::sync
