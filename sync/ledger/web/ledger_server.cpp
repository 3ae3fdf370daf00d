#include "sync/ledger/web/ledger_server.h"

#include <nlohmann/json.hpp>

#include "core/refusal.h"
#include "sync/envelope.h"
#include "sync/protocol.h"

namespace lapak::ledger {

namespace {

constexpr const char* kJson = "application/json";

// The dashboard's pages have one inline <style>, inline SVG and forms to the ledger itself.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

Refusal ServerRefusal(int http_status) {
  switch (http_status) {
    case 404: return Refusal::kNoSuchRoute;
    case 405: return Refusal::kMethodNotAllowed;
    case 411: return Refusal::kLengthRequired;
    case 413: return Refusal::kBodyTooLarge;
    case 415: return Refusal::kEncodedBodyRefused;
    case 431: return Refusal::kHeaderTooLarge;
    case 500: return Refusal::kLedgerFailedToAnswer;
    case 503: return Refusal::kLedgerBusy;
    default: return Refusal::kRequestRefused;
  }
}

void AnswerServerRefusal(int http_status, const HttpRequest& request, HttpResponse& response) {
  const Status refused = http_status == 413 && request.path == sync::kBatchesPath
                             ? Refuse(Refusal::kBatchTooLarge, sync::kMaxEnvelopeBytes)
                             : Refuse(ServerRefusal(http_status));
  response.SetContent(ErrorJson(refused), kJson);
}

}  // namespace

LedgerServer::LedgerServer(LedgerStore& store, const Clock& clock, const std::optional<TlsFiles>& tls,
                           const HttpLimits& limits)
    : store_(store),
      ingestor_(store, clock),
      report_routes_{store, clock, tls.has_value(), [this] { return MetricsJson(); }},
      http_(router_, AnswerServerRefusal, limits, tls) {
  router_.AlwaysSet("X-Content-Type-Options", "nosniff");
  router_.AlwaysSet("X-Frame-Options", "DENY");
  router_.AlwaysSet("Content-Security-Policy", kContentSecurityPolicy);
  router_.AlwaysSet("Referrer-Policy", "same-origin");

  router_.Post(sync::kBatchesPath, sync::kMaxEnvelopeBytes,
               [this](const HttpRequest& request, HttpResponse& response) {
                 const IngestAnswer answer = ingestor_.Handle(request.body);
                 response.status = answer.http_status;
                 response.SetContent(answer.json, kJson);
               });
  router_.Get(
      "/v1/health",
      [](const HttpRequest&, HttpResponse& response) { response.SetContent(R"({"ok":true})", kJson); },
      RunOn::kInline);
  AddReportRoutes(router_, report_routes_);
}

LedgerServer::~LedgerServer() = default;

Status LedgerServer::Bind(const std::string& host, int port) { return http_.Bind(host, port); }

Status LedgerServer::Serve() { return http_.Serve(); }

void LedgerServer::Stop() { http_.Stop(); }

std::string LedgerServer::MetricsJson() const {
  const IngestCounters& c = ingestor_.counters();
  const HttpServerCounters& h = http_.counters();
  const LedgerStore::PlanningCounters& store_planning = store_.planning();
  return nlohmann::json{{"batches", c.batches.load()},
                        {"payloads_decoded", c.payloads_decoded.load()},
                        {"applied", c.applied.load()},
                        {"duplicates", c.duplicates.load()},
                        {"unauthorised", c.unauthorised.load()},
                        {"refused", c.refused.load()},
                        {"worked_out_on_batch_ahead", store_planning.on_batch_ahead.load()},
                        {"worked_out_by_writer", store_planning.by_writer.load()},
                        {"connections_open", h.connections_open.load()},
                        {"connections_refused", h.connections_refused.load()},
                        {"connections_timed_out", h.connections_timed_out.load()},
                        {"requests_refused", h.requests_refused.load()}}
      .dump();
}

}  // namespace lapak::ledger
