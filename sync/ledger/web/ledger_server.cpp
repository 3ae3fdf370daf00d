#include "sync/ledger/web/ledger_server.h"

#include <httplib.h>

#include <charconv>
#include <cstdlib>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/refusal.h"
#include "sync/protocol.h"

namespace lapak::ledger {

namespace {

constexpr const char* kJson = "application/json";
constexpr int kMaxFormBytes = 1024;  // POST /masuk: one token

void ReplyError(httplib::Response& response, int status, const Status& refused) {
  response.status = status;
  response.set_content(ErrorJson(refused), kJson);
}

}  // namespace

struct LedgerServer::Http {
  explicit Http(const std::optional<TlsFiles>& tls)
      : owner(tls ? std::make_unique<httplib::SSLServer>(tls->certificate.c_str(),
                                                        tls->private_key.c_str())
                  : std::make_unique<httplib::Server>()),
        server(*owner) {}
  std::unique_ptr<httplib::Server> owner;
  httplib::Server& server;
};

LedgerServer::LedgerServer(LedgerStore& store, const Clock& clock, const std::optional<TlsFiles>& tls)
    : http_(std::make_unique<Http>(tls)),
      ingestor_(store, clock),
      report_routes_{store, clock, tls.has_value()} {
  httplib::Server& server = http_->server;
  server.set_payload_max_length(sync::kMaxEnvelopeBytes);
  server.set_read_timeout(30, 0);
  server.set_write_timeout(30, 0);
  server.set_tcp_nodelay(true);  // an answer's headers and body are two writes: see the uploader
  // A terminal catching up sends batch after batch: reconnecting (with TLS, on mobile data)
  // every 5, httplib's default, would cost a handshake each time.
  server.set_keep_alive_max_count(100);

  // Only a batch, and the dashboard's token form, have a body. Any other request that
  // announces one (by length or chunked), or a form over kMaxFormBytes, is refused before
  // httplib reads it: httplib would buffer it whole.
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const bool is_batch = request.method == "POST" && request.path == sync::kBatchesPath;
    const std::string length = request.get_header_value("Content-Length");
    const bool chunked = request.has_header("Transfer-Encoding");
    const bool has_body = chunked || (!length.empty() && length != "0");
    const bool is_small_form = request.method == "POST" && request.path == "/masuk" && !chunked &&
                               length.size() <= 4 && std::atoi(length.c_str()) <= kMaxFormBytes;
    if (is_batch || is_small_form || !has_body) return httplib::Server::HandlerResponse::Unhandled;
    response.set_header("Connection", "close");
    ReplyError(response, 413, Refuse(Refusal::kOnlyBatchesHaveBody));
    return httplib::Server::HandlerResponse::Handled;
  });

  server.Post(std::string(sync::kBatchesPath), [this](const httplib::Request& request, httplib::Response& response,
                                    const httplib::ContentReader& read_content) {
    const std::string length = request.get_header_value("Content-Length");
    size_t claimed = 0;
    const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), claimed);
    if (!length.empty() && (error != std::errc() || claimed > sync::kMaxEnvelopeBytes)) {
      response.set_header("Connection", "close");
      return ReplyError(response, 413, Refuse(Refusal::kBatchTooLarge, sync::kMaxEnvelopeBytes));
    }
    std::string body;
    bool too_long = false;
    read_content([&](const char* data, size_t size) {
      too_long = body.size() + size > sync::kMaxEnvelopeBytes;
      if (!too_long) body.append(data, size);
      return !too_long;
    });
    if (too_long) {
      response.set_header("Connection", "close");
      return ReplyError(response, 413, Refuse(Refusal::kBatchTooLarge, sync::kMaxEnvelopeBytes));
    }
    const IngestAnswer answer = ingestor_.Handle(body);
    response.status = answer.http_status;
    response.set_content(answer.json, kJson);
  });

  server.Get("/v1/health", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":true})", kJson);
  });

  server.Get("/v1/metrics", [this](const httplib::Request&, httplib::Response& response) {
    const IngestCounters& c = ingestor_.counters();
    response.set_content(nlohmann::json{{"batches", c.batches.load()},
                                        {"payloads_decoded", c.payloads_decoded.load()},
                                        {"applied", c.applied.load()},
                                        {"duplicates", c.duplicates.load()},
                                        {"unauthorised", c.unauthorised.load()},
                                        {"refused", c.refused.load()}}
                             .dump(),
                         kJson);
  });

  AddReportRoutes(server, report_routes_);

  // httplib's own refusals (404, 400 on a malformed request) get a JSON body too; handlers'
  // answers keep theirs.
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    const Refusal refusal = response.status == 404   ? Refusal::kNoSuchRoute
                            : response.status == 413 ? Refusal::kBodyTooLarge
                                                     : Refusal::kRequestRefused;
    response.set_content(ErrorJson(Refuse(refusal)), kJson);
  });
}

LedgerServer::~LedgerServer() = default;

Status LedgerServer::Bind(const std::string& host, int port) {
  httplib::Server& server = http_->server;
  if (!server.is_valid()) {
    return Refuse(Refusal::kTlsFilesUnusable);
  }
  if (port == 0) {
    port_ = server.bind_to_any_port(host.c_str());
    if (port_ <= 0) return Refuse(Refusal::kCannotListen, host);
  } else {
    if (!server.bind_to_port(host.c_str(), port)) {
      return Refuse(Refusal::kCannotListenInUse, host, port);
    }
    port_ = port;
  }
  return Status::Ok();
}

Status LedgerServer::Serve() {
  const bool served = http_->server.listen_after_bind();
  serve_returned_ = true;
  if (!served) return Refuse(Refusal::kListeningSocketFailed);
  return Status::Ok();
}

void LedgerServer::Stop() {
  // httplib ignores stop() until listen_after_bind() has started; a signal right after
  // Bind() must still end Serve().
  while (!http_->server.is_running() && !serve_returned_) std::this_thread::yield();
  http_->server.stop();
}

}  // namespace lapak::ledger
