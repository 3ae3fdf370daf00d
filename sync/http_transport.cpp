#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <mutex>

#include "core/refusal.h"
#include "sync/protocol.h"
#include "sync/transport.h"

namespace lapak::sync {

namespace {

class HttpTransport : public Transport {
 public:
  explicit HttpTransport(const std::string& ledger_url) : client_(ledger_url) {
    client_.set_connection_timeout(5, 0);
    client_.set_read_timeout(30, 0);
    client_.set_write_timeout(30, 0);
    client_.set_keep_alive(true);
    // httplib writes headers and body separately; without this, Nagle's algorithm holds the
    // body until the ledger's delayed ACK, about 40 ms per batch.
    client_.set_tcp_nodelay(true);
    if (const char* ca = std::getenv("LAPAK_LEDGER_CA"); ca != nullptr && *ca != '\0') {
      client_.set_ca_cert_path(ca);
    }
    client_.enable_server_certificate_verification(true);
  }

  Result<LedgerAnswer> PostBatch(std::string_view envelope) override {
    httplib::Result result = client_.Post(std::string(kBatchesPath).c_str(), envelope.data(), envelope.size(),
                                          "application/octet-stream");
    if (!result) {
      return Refuse(Refusal::kNoAnswerFromLedger, httplib::to_string(result.error()));
    }
    return LedgerAnswer{result->status, result->body};
  }

 private:
  httplib::Client client_;
};

}  // namespace

Result<std::unique_ptr<Transport>> MakeHttpTransport(const std::string& ledger_url) {
  if (!ledger_url.starts_with("http://") && !ledger_url.starts_with("https://")) {
    return Refuse(Refusal::kLedgerAddressScheme, ledger_url);
  }
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
  std::unique_ptr<Transport> transport = std::make_unique<HttpTransport>(ledger_url);
  return transport;
}

}  // namespace lapak::sync
