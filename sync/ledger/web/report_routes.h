// The ledger's report routes: the JSON/CSV API and the web dashboard (server-rendered HTML).
//
//   GET  /v1/events                                     the events the token may read (JSON)
//   GET  /v1/reports/day?event=E&day=YYYY-MM-DD         organiser's day      ┐ JSON; a CSV
//   GET  /v1/reports/event?event=E[&top=N]              an event            │ download with
//   GET  /v1/reports/stall?event=E&stall=S              a stall at an event │
//   GET  /v1/reports/period?from=D&to=D[&province=P]    a period's events   │ format=csv, a
//   GET  /v1/reports/compare?event=E&previous=F         two events          │ workbook with
//   GET  /v1/reports/province?from=D&to=D[&province=P]  by regency code     ┘ format=xlsx
//        (409 RegencyCodesMissing while a regency of those events has no code recorded)
//   GET  /dashboard, /dashboard/event/E[?compare=F], /dashboard/event/E/day/D,
//        /dashboard/event/E/stall/S, /dashboard/period?from=D&to=D   the reports as pages
//   GET  /v1/metrics                                    the server's counters (admin tokens)
//   GET  /masuk   the token form; POST /masuk (form field "token"): sets the cookie
//   POST /keluar  clears the cookie
// Both POSTs are refused (403) unless posted from the ledger's own pages (their Origin or
// Referer names the ledger's host): another site cannot log a browser in or out.
// Any page also takes lang=en.
//
// Access (sync/ledger/store/access.h): the token comes as "Authorization: Bearer <token>", as the
// cookie lapak_token (set by /masuk), or once as ?token=<token> on a dashboard address,
// which sets the cookie and redirects to the address without it (a link or QR code the
// organiser is given). No token, or one that is not valid: 401, the same answer whatever
// was asked. An event the token may not read is answered exactly as one that does not
// exist: 404. A period lists only the events the token may read (a province token only its
// province's). A comparison needs both events readable: an organiser whose token names both
// (its event of this year and of last) compares them.
//
// Refusals are coded (core/refusal.h): the API answers {"error": English, "reason": coded}
// (ingest.h ErrorJson), a page says the refusal in its own language. A bad parameter is 400;
// when the database fails, the answer is 503 LedgerCannotRead and what the database said goes
// to the ledger's log only.
#pragma once

#include <functional>
#include <string>

namespace lapak {
class Clock;
}

namespace lapak::ledger {

class LedgerStore;
class HttpRouter;

struct ReportRoutes {
  LedgerStore& store;
  const Clock& clock;
  bool secure_cookie;  // the server speaks HTTPS: the cookie is marked Secure
  std::function<std::string()> metrics_json;  // GET /v1/metrics, for admin tokens only
};

// Registers the routes on `server`; `routes` (and what it names) must outlive the server.
void AddReportRoutes(HttpRouter& router, const ReportRoutes& routes);

}  // namespace lapak::ledger
