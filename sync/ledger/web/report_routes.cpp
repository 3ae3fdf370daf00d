#include "sync/ledger/web/report_routes.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/business_day.h"
#include "core/refusal.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/reports/report_xlsx.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/access.h"
#include "sync/ledger/web/dashboard_html.h"
#include "sync/ledger/web/http_router.h"

namespace lapak::ledger {

namespace {

constexpr const char* kJson = "application/json";
constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kCookie = "lapak_token";
constexpr size_t kMaxFormBytes = 1024;  // POST /masuk: one token

// How a refusal is answered: the API's JSON ({"error": English, "reason": coded}, ingest.h
// ErrorJson), or a dashboard page that says it in its language.
using AnswerForm = std::optional<Language>;
constexpr AnswerForm kJsonAnswer = std::nullopt;

void AnswerRefusal(HttpResponse& response, int http_status, const Status& refused,
                   AnswerForm form) {
  response.status = http_status;
  if (form) {
    response.SetContent(RenderRefusal(*form, http_status, refused), kHtml);
  } else {
    response.SetContent(ErrorJson(refused), kJson);
  }
}

// The database failed: 503. A reader is not told what it said (it may quote SQL); the
// ledger's log is.
void AnswerUnavailable(const Status& failure, HttpResponse& response, AnswerForm form) {
  fmt::print(stderr, "lapak-ledger: report: {}\n", failure.ToString());
  AnswerRefusal(response, 503, Refuse(Refusal::kLedgerCannotRead), form);
}

using Routes = ReportRoutes;

std::string CookieValue(const HttpRequest& request, std::string_view name) {
  const std::string header = request.Header("cookie");
  size_t at = 0;
  while (at < header.size()) {
    const size_t end = std::min(header.find(';', at), header.size());
    std::string_view pair = std::string_view(header).substr(at, end - at);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return "";
}

// The token a request carries: Authorization: Bearer, else the cookie.
std::string TokenOf(const HttpRequest& request) {
  const std::string authorization = request.Header("authorization");
  if (authorization.starts_with("Bearer ")) return authorization.substr(7);
  return CookieValue(request, kCookie);
}

Language LanguageOf(const HttpRequest& request) {
  return LanguageFromCode(request.Param("lang"));
}

std::string WithLanguage(std::string path, Language lang) {
  if (lang == Language::kEnglish) {
    path += (path.find('?') == std::string::npos ? "?lang=en" : "&lang=en");
  }
  return path;
}

// SameSite=Lax, not Strict: an organiser's link opened from a chat or a mail is a
// navigation from another site, and with Strict the cookie set by its ?token= would not come
// back on the redirect. The dashboard only reads (GET); nothing it does changes the ledger.
void SetTokenCookie(const Routes& routes, HttpResponse& response, std::string_view token,
                    bool clear) {
  response.SetHeader("Set-Cookie",
                      fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}", kCookie,
                                  clear ? "" : token, clear ? 0 : 30 * 24 * 3600,
                                  routes.secure_cookie ? "; Secure" : ""));
}

// A form posted from a page of this ledger, not from another site (cross-site request
// forgery): its Origin, or without one its Referer, names the host the request was sent to.
// A browser sends one of them with every form it posts; a request with neither is refused.
bool PostedFromOwnPages(const HttpRequest& request) {
  const std::string host = request.Header("host");
  if (host.empty()) return false;
  auto authority = [](std::string_view url) {
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return std::string_view();
    url.remove_prefix(scheme_end + 3);
    return url.substr(0, url.find('/'));
  };
  const std::string origin = request.Header("origin");
  if (!origin.empty()) return origin != "null" && authority(origin) == host;
  const std::string referer = request.Header("referer");
  return !referer.empty() && authority(referer) == host;
}

void Redirect(HttpResponse& response, const std::string& to) {
  response.status = 303;
  response.SetHeader("Location", to);
}

// The reader, or nullopt after answering 401 (or 503 when the database failed). The page
// for a 401 is the login form.
std::optional<Reader> ReaderOf(const Routes& routes, std::string_view token,
                               HttpResponse& response, AnswerForm form) {
  Result<std::optional<Reader>> reader = Authenticate(routes.store, token);
  if (reader.ok() && reader->has_value()) return **reader;
  if (!reader.ok()) {
    AnswerUnavailable(reader.status(), response, form);
    return std::nullopt;
  }
  const Status refused = Refuse(Refusal::kAccessTokenRequired);
  response.status = 401;
  if (form) {
    response.SetContent(RenderLoginPage(*form, refused), kHtml);
  } else {
    response.SetHeader("WWW-Authenticate", "Bearer");
    response.SetContent(ErrorJson(refused), kJson);
  }
  return std::nullopt;
}

// The event `event_id` if the reader may read it. Nullopt after answering 404 for one it may
// not read or that does not exist (the same answer), 503 when the database failed.
std::optional<EventInfo> VisibleEvent(const Routes& routes, const Reader& reader,
                                      const std::string& event_id, HttpResponse& response,
                                      AnswerForm form) {
  Result<std::vector<EventInfo>> events = ListEvents(
      routes.store, [&](const EventInfo& event) { return event.id == event_id && reader.CanRead(event); });
  if (events.ok() && !events->empty()) return events->front();
  if (events.ok()) {
    AnswerRefusal(response, 404, Refuse(Refusal::kNoSuchEventForToken), form);
  } else {
    AnswerUnavailable(events.status(), response, form);
  }
  return std::nullopt;
}

// Answers a report's Status that is not ok: a coded refusal of a parameter with 400 and
// itself; an event not there with 404, as VisibleEvent does; a report that needs something
// recorded first (regency codes) with 409 and what; anything else (the database, corrupt
// totals) with 503.
void AnswerFailure(const Status& status, HttpResponse& response, AnswerForm form) {
  const bool coded = status.refusal() != Refusal::kNone;
  if (coded && status.code() == StatusCode::kInvalidArgument) {
    return AnswerRefusal(response, 400, status, form);
  }
  if (coded && status.code() == StatusCode::kNotFound) {
    return AnswerRefusal(response, 404, Refuse(Refusal::kNoSuchEventForToken), form);
  }
  if (coded && status.code() == StatusCode::kFailedPrecondition) {
    return AnswerRefusal(response, 409, status, form);
  }
  AnswerUnavailable(status, response, form);
}

// JSON; with format=csv a CSV download, with format=xlsx a workbook (in the language of
// lang=), each named `file_name` and its extension.
template <typename Report>
void AnswerReport(const HttpRequest& request, HttpResponse& response,
                  const Result<Report>& report, const std::string& file_name) {
  if (!report.ok()) return AnswerFailure(report.status(), response, kJsonAnswer);
  const std::string format = request.Param("format");
  if (format == "csv") {
    response.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", file_name));
    response.SetContent(ReportCsv(*report), "text/csv; charset=utf-8");
    return;
  }
  if (format == "xlsx") {
    Result<std::string> workbook = ReportXlsx(*report, LanguageOf(request));
    if (!workbook.ok()) {  // what failed goes to the log; the reader is told what to do
      fmt::print(stderr, "lapak-ledger: workbook: {}\n", workbook.status().ToString());
      return AnswerRefusal(response, 503, Refuse(Refusal::kWorkbookNotWritten), kJsonAnswer);
    }
    response.SetHeader("Content-Disposition", fmt::format("attachment; filename=\"{}.xlsx\"", file_name));
    response.SetContent(std::move(workbook).value(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return;
  }
  response.SetContent(ReportJson(*report).dump(2), kJson);
}

int TopParam(const HttpRequest& request) {
  const std::string text = request.Param("top");
  int top = 10;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), top);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return 10;
  return std::clamp(top, 0, 100);
}

// The period asked for, or by default the span of the reader's events (today when none).
std::pair<std::string, std::string> PeriodOf(const Routes& routes, const HttpRequest& request,
                                             const Reader& reader) {
  std::string from = request.Param("from");
  std::string to = request.Param("to");
  if (!from.empty() && !to.empty()) return {from, to};
  Result<std::vector<EventInfo>> events =
      ListEvents(routes.store, [&](const EventInfo& event) { return reader.CanRead(event); });
  if (!events.ok() || events->empty()) {
    const std::string today = FormatUtc(routes.clock.Now()).substr(0, 10);
    return {today, today};
  }
  std::string first = events->front().first_day;
  std::string last = events->front().last_day;
  for (const EventInfo& event : *events) {
    first = std::min(first, event.first_day);
    last = std::max(last, event.last_day);
  }
  return {from.empty() ? first : from, to.empty() ? last : to};
}

// A province token reads only its province; admin and organisers may name one (organisers
// still see only their own events).
std::string ProvinceOf(const HttpRequest& request, const Reader& reader) {
  return reader.role == Role::kProvince ? reader.province : request.Param("province");
}

// "Budi (panitia)": the reader's name and role, in the page's language.
std::string WhoIs(const Reader& reader, Language lang) {
  const DashText role = reader.role == Role::kOrganiser  ? DashText::kRoleOrganiser
                        : reader.role == Role::kProvince ? DashText::kRoleProvince
                                                         : DashText::kRoleAdmin;
  return fmt::format("{} ({})", reader.name, Tr(lang, role));
}

// The address asked for, its query kept but for the token.
std::string AddressWithoutToken(const HttpRequest& request) {
  std::string address = request.path;
  char separator = '?';
  for (const auto& [name, value] : request.params) {
    if (name == "token") continue;
    address += fmt::format("{}{}={}", separator, UrlEncode(name), UrlEncode(value));
    separator = '&';
  }
  return address;
}

// Dashboard pages: a ?token= on the address logs in and redirects to the address without it.
using PageHandler =
    std::function<void(const Reader&, const HttpRequest&, HttpResponse&, Language)>;

HttpHandler Page(const Routes& routes, PageHandler handler) {
  return [&routes, handler = std::move(handler)](const HttpRequest& request, HttpResponse& response) {
    const Language lang = LanguageOf(request);
    if (request.HasParam("token")) {
      const std::string token = request.Param("token");
      if (!ReaderOf(routes, token, response, lang)) return;
      SetTokenCookie(routes, response, token, false);
      return Redirect(response, AddressWithoutToken(request));
    }
    const std::string token = TokenOf(request);
    if (token.empty()) {
      response.status = 401;
      response.SetContent(RenderLoginPage(lang, Status::Ok()), kHtml);
      return;
    }
    std::optional<Reader> reader = ReaderOf(routes, token, response, lang);
    if (!reader) return;
    response.SetHeader("Cache-Control", "no-store");
    handler(*reader, request, response, lang);
  };
}

using ApiHandler = std::function<void(const Reader&, const HttpRequest&, HttpResponse&)>;

HttpHandler Api(const Routes& routes, ApiHandler handler) {
  return [&routes, handler = std::move(handler)](const HttpRequest& request, HttpResponse& response) {
    std::optional<Reader> reader = ReaderOf(routes, TokenOf(request), response, kJsonAnswer);
    if (!reader) return;
    response.SetHeader("Cache-Control", "no-store");
    handler(*reader, request, response);
  };
}

void AddApiRoutes(HttpRouter& router, const Routes& routes) {
  router.Get("/v1/metrics", Api(routes, [&routes](const Reader& reader, const HttpRequest&,
                                                  HttpResponse& response) {
    if (reader.role != Role::kAdmin) {
      return AnswerRefusal(response, 403, Refuse(Refusal::kAdminTokenRequired), kJsonAnswer);
    }
    response.SetContent(routes.metrics_json(), kJson);
  }));

  router.Get("/v1/events", Api(routes, [&routes](const Reader& reader, const HttpRequest&,
                                                 HttpResponse& response) {
    Result<std::vector<EventInfo>> events =
        ListEvents(routes.store, [&](const EventInfo& event) { return reader.CanRead(event); });
    if (!events.ok()) return AnswerFailure(events.status(), response, kJsonAnswer);
    nlohmann::json list = nlohmann::json::array();
    for (const EventInfo& e : *events) {
      list.push_back({{"id", e.id}, {"name", e.name}, {"province", e.province},
                      {"regency", e.regency}, {"time_zone", e.time_zone},
                      {"first_day", e.first_day}, {"last_day", e.last_day}});
    }
    response.SetContent(nlohmann::json{{"events", list}}.dump(2), kJson);
  }));

  router.Get("/v1/reports/day", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                      HttpResponse& response) {
    const std::string event_id = request.Param("event");
    const std::string day = request.Param("day");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    AnswerReport(request, response, MakeDayReport(routes.store, event_id, day, routes.clock.Now()),
                 fmt::format("lapak-{}-{}", event_id, day));
  }));

  router.Get("/v1/reports/event", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                        HttpResponse& response) {
    const std::string event_id = request.Param("event");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    AnswerReport(request, response,
                 MakeEventReport(routes.store, event_id, TopParam(request), routes.clock.Now()),
                 fmt::format("lapak-{}", event_id));
  }));

  router.Get("/v1/reports/period", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                         HttpResponse& response) {
    const auto [from, to] = PeriodOf(routes, request, reader);
    AnswerReport(request, response,
                 MakePeriodReport(routes.store, ProvinceOf(request, reader), from, to,
                                  [&](const EventInfo& event) { return reader.CanRead(event); },
                                  routes.clock.Now()),
                 fmt::format("lapak-period-{}-{}", from, to));
  }));

  router.Get("/v1/reports/stall", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                        HttpResponse& response) {
    const std::string event_id = request.Param("event");
    const std::string stall_id = request.Param("stall");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    AnswerReport(request, response,
                 MakeStallReport(routes.store, event_id, stall_id,
                                 [&](const EventInfo& event) { return reader.CanRead(event); }, routes.clock.Now()),
                 fmt::format("lapak-{}-{}", event_id, stall_id));
  }));

  router.Get("/v1/reports/province", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                           HttpResponse& response) {
    const auto [from, to] = PeriodOf(routes, request, reader);
    AnswerReport(request, response,
                 MakeProvinceExport(routes.store, ProvinceOf(request, reader), from, to,
                                    [&](const EventInfo& event) { return reader.CanRead(event); },
                                    routes.clock.Now()),
                 fmt::format("lapak-kode-wilayah-{}-{}", from, to));
  }));

  router.Get("/v1/reports/compare", Api(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                          HttpResponse& response) {
    const std::string event_id = request.Param("event");
    const std::string previous_id = request.Param("previous");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    if (!VisibleEvent(routes, reader, previous_id, response, kJsonAnswer)) return;
    AnswerReport(request, response, MakeComparison(routes.store, event_id, previous_id, routes.clock.Now()),
                 fmt::format("lapak-{}-vs-{}", event_id, previous_id));
  }));
}

void AddDashboardRoutes(HttpRouter& router, const Routes& routes) {
  router.Get("/", [](const HttpRequest& request, HttpResponse& response) {
    Redirect(response, WithLanguage("/dashboard", LanguageOf(request)));
  });

  router.Get("/masuk", [](const HttpRequest& request, HttpResponse& response) {
    response.SetContent(RenderLoginPage(LanguageOf(request), Status::Ok()), kHtml);
  });

  router.Post("/masuk", kMaxFormBytes, [&routes](const HttpRequest& request, HttpResponse& response) {
    const Language lang = LanguageOf(request);
    if (!PostedFromOwnPages(request)) {
      return AnswerRefusal(response, 403, Refuse(Refusal::kFormFromOtherSite), lang);
    }
    const std::string token = request.Param("token");
    if (!ReaderOf(routes, token, response, lang)) return;
    SetTokenCookie(routes, response, token, false);
    Redirect(response, WithLanguage("/dashboard", lang));
  });

  router.Post("/keluar", kMaxFormBytes, [&routes](const HttpRequest& request, HttpResponse& response) {
    if (!PostedFromOwnPages(request)) {
      return AnswerRefusal(response, 403, Refuse(Refusal::kFormFromOtherSite), LanguageOf(request));
    }
    SetTokenCookie(routes, response, "", true);
    Redirect(response, WithLanguage("/masuk", LanguageOf(request)));
  });

  router.Get("/dashboard", Page(routes, [&routes](const Reader& reader, const HttpRequest&,
                                                  HttpResponse& response, Language lang) {
    Result<HomeReport> home = MakeHomeReport(
        routes.store, [&](const EventInfo& event) { return reader.CanRead(event); }, routes.clock.Now());
    if (!home.ok()) return AnswerFailure(home.status(), response, lang);
    response.SetContent(RenderHomePage(lang, WhoIs(reader, lang), *home, reader.role != Role::kOrganiser), kHtml);
  }));

  router.Get("/dashboard/event/{}",
             Page(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                    HttpResponse& response, Language lang) {
               const std::string event_id = request.path_parts[0];
               if (!VisibleEvent(routes, reader, event_id, response, lang)) return;
               Result<EventReport> report = MakeEventReport(routes.store, event_id, 10, routes.clock.Now());
               if (!report.ok()) return AnswerFailure(report.status(), response, lang);
               std::optional<Comparison> comparison;
               const std::string previous_id = request.Param("compare");
               if (!previous_id.empty()) {
                 if (!VisibleEvent(routes, reader, previous_id, response, lang)) return;
                 Result<Comparison> compared = MakeComparison(routes.store, event_id, previous_id, routes.clock.Now());
                 if (!compared.ok()) return AnswerFailure(compared.status(), response, lang);
                 comparison = std::move(compared).value();
               }
               Result<std::vector<EventInfo>> others = ListEvents(routes.store, [&](const EventInfo& event) {
                 return event.id != event_id && reader.CanRead(event);
               });
               if (!others.ok()) return AnswerFailure(others.status(), response, lang);
               response.SetContent(
                   RenderEventPage(lang, *report, comparison ? &*comparison : nullptr, *others), kHtml);
             }));

  router.Get("/dashboard/event/{}/day/{}",
             Page(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                    HttpResponse& response, Language lang) {
               const std::string event_id = request.path_parts[0];
               if (!VisibleEvent(routes, reader, event_id, response, lang)) return;
               Result<OrganiserDayReport> report =
                   MakeDayReport(routes.store, event_id, request.path_parts[1], routes.clock.Now());
               if (!report.ok()) return AnswerFailure(report.status(), response, lang);
               response.SetContent(RenderDayPage(lang, *report), kHtml);
             }));

  router.Get("/dashboard/event/{}/stall/{}",
             Page(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                    HttpResponse& response, Language lang) {
               const std::string event_id = request.path_parts[0];
               if (!VisibleEvent(routes, reader, event_id, response, lang)) return;
               Result<StallReport> report = MakeStallReport(
                   routes.store, event_id, request.path_parts[1],
                   [&](const EventInfo& event) { return reader.CanRead(event); }, routes.clock.Now());
               if (!report.ok()) return AnswerFailure(report.status(), response, lang);
               response.SetContent(RenderStallPage(lang, *report), kHtml);
             }));

  router.Get("/dashboard/period", Page(routes, [&routes](const Reader& reader, const HttpRequest& request,
                                                         HttpResponse& response, Language lang) {
    const auto [from, to] = PeriodOf(routes, request, reader);
    Result<PeriodReport> report =
        MakePeriodReport(routes.store, ProvinceOf(request, reader), from, to,
                         [&](const EventInfo& event) { return reader.CanRead(event); }, routes.clock.Now());
    if (!report.ok()) return AnswerFailure(report.status(), response, lang);
    response.SetContent(RenderPeriodPage(lang, *report), kHtml);
  }));
}

}  // namespace

void AddReportRoutes(HttpRouter& router, const ReportRoutes& routes) {
  AddApiRoutes(router, routes);
  AddDashboardRoutes(router, routes);
}

}  // namespace lapak::ledger
