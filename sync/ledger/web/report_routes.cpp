#include "sync/ledger/web/report_routes.h"

#include <httplib.h>

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/business_day.h"
#include "core/refusal.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/report_formats.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/access.h"
#include "sync/ledger/web/dashboard_html.h"

namespace lapak::ledger {

namespace {

constexpr const char* kJson = "application/json";
constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kCookie = "lapak_token";

// How a refusal is answered: the API's JSON ({"error": English, "reason": coded}, ingest.h
// ErrorJson), or a dashboard page that says it in its language.
using AnswerForm = std::optional<Language>;
constexpr AnswerForm kJsonAnswer = std::nullopt;

void AnswerRefusal(httplib::Response& response, int http_status, const Status& refused,
                   AnswerForm form) {
  response.status = http_status;
  if (form) {
    response.set_content(RenderRefusal(*form, http_status, refused), kHtml);
  } else {
    response.set_content(ErrorJson(refused), kJson);
  }
}

// The database failed: 503. A reader is not told what it said (it may quote SQL); the
// ledger's log is.
void AnswerUnavailable(const Status& failure, httplib::Response& response, AnswerForm form) {
  fmt::print(stderr, "lapak-ledger: report: {}\n", failure.ToString());
  AnswerRefusal(response, 503, Refuse(Refusal::kLedgerCannotRead), form);
}

using Routes = ReportRoutes;

std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
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
std::string TokenOf(const httplib::Request& request) {
  const std::string authorization = request.get_header_value("Authorization");
  if (authorization.starts_with("Bearer ")) return authorization.substr(7);
  return CookieValue(request, kCookie);
}

Language LanguageOf(const httplib::Request& request) {
  return LanguageFromCode(request.get_param_value("lang"));
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
void SetTokenCookie(const Routes& routes, httplib::Response& response, std::string_view token,
                    bool clear) {
  response.set_header("Set-Cookie",
                      fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}", kCookie,
                                  clear ? "" : token, clear ? 0 : 30 * 24 * 3600,
                                  routes.secure_cookie ? "; Secure" : ""));
}

void Redirect(httplib::Response& response, const std::string& to) {
  response.status = 303;
  response.set_header("Location", to);
}

// The reader, or nullopt after answering 401 (or 503 when the database failed). The page
// for a 401 is the login form.
std::optional<Reader> ReaderOf(const Routes& routes, std::string_view token,
                               httplib::Response& response, AnswerForm form) {
  Result<std::optional<Reader>> reader = Authenticate(routes.store, token);
  if (reader.ok() && reader->has_value()) return **reader;
  if (!reader.ok()) {
    AnswerUnavailable(reader.status(), response, form);
    return std::nullopt;
  }
  const Status refused = Refuse(Refusal::kAccessTokenRequired);
  response.status = 401;
  if (form) {
    response.set_content(RenderLoginPage(*form, refused), kHtml);
  } else {
    response.set_header("WWW-Authenticate", "Bearer");
    response.set_content(ErrorJson(refused), kJson);
  }
  return std::nullopt;
}

// The event `event_id` if the reader may read it. Nullopt after answering 404 for one it may
// not read or that does not exist (the same answer), 503 when the database failed.
std::optional<EventInfo> VisibleEvent(const Routes& routes, const Reader& reader,
                                      const std::string& event_id, httplib::Response& response,
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
// itself; an event not there with 404, as VisibleEvent does; anything else (the database,
// corrupt totals) with 503.
void AnswerFailure(const Status& status, httplib::Response& response, AnswerForm form) {
  const bool coded = status.refusal() != Refusal::kNone;
  if (coded && status.code() == StatusCode::kInvalidArgument) {
    return AnswerRefusal(response, 400, status, form);
  }
  if (coded && status.code() == StatusCode::kNotFound) {
    return AnswerRefusal(response, 404, Refuse(Refusal::kNoSuchEventForToken), form);
  }
  AnswerUnavailable(status, response, form);
}

// JSON, or with format=csv a CSV download named `csv_name`.
template <typename Report>
void AnswerReport(const httplib::Request& request, httplib::Response& response,
                  const Result<Report>& report, const std::string& csv_name) {
  if (!report.ok()) return AnswerFailure(report.status(), response, kJsonAnswer);
  if (request.get_param_value("format") == "csv") {
    response.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", csv_name));
    response.set_content(ReportCsv(*report), "text/csv; charset=utf-8");
    return;
  }
  response.set_content(ReportJson(*report).dump(2), kJson);
}

int TopParam(const httplib::Request& request) {
  const std::string text = request.get_param_value("top");
  int top = 10;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), top);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return 10;
  return std::clamp(top, 0, 100);
}

// The period asked for, or by default the span of the reader's events (today when none).
std::pair<std::string, std::string> PeriodOf(const Routes& routes, const httplib::Request& request,
                                             const Reader& reader) {
  std::string from = request.get_param_value("from");
  std::string to = request.get_param_value("to");
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
std::string ProvinceOf(const httplib::Request& request, const Reader& reader) {
  return reader.role == Role::kProvince ? reader.province : request.get_param_value("province");
}

std::string WhoIs(const Reader& reader) {
  return fmt::format("{} ({})", reader.name, RoleName(reader.role));
}

// The address asked for, its query kept but for the token.
std::string AddressWithoutToken(const httplib::Request& request) {
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
    std::function<void(const Reader&, const httplib::Request&, httplib::Response&, Language)>;

httplib::Server::Handler Page(const Routes& routes, PageHandler handler) {
  return [&routes, handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
    const Language lang = LanguageOf(request);
    if (request.has_param("token")) {
      const std::string token = request.get_param_value("token");
      if (!ReaderOf(routes, token, response, lang)) return;
      SetTokenCookie(routes, response, token, false);
      return Redirect(response, AddressWithoutToken(request));
    }
    const std::string token = TokenOf(request);
    if (token.empty()) {
      response.status = 401;
      response.set_content(RenderLoginPage(lang, Status::Ok()), kHtml);
      return;
    }
    std::optional<Reader> reader = ReaderOf(routes, token, response, lang);
    if (!reader) return;
    response.set_header("Cache-Control", "no-store");
    handler(*reader, request, response, lang);
  };
}

using ApiHandler = std::function<void(const Reader&, const httplib::Request&, httplib::Response&)>;

httplib::Server::Handler Api(const Routes& routes, ApiHandler handler) {
  return [&routes, handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
    std::optional<Reader> reader = ReaderOf(routes, TokenOf(request), response, kJsonAnswer);
    if (!reader) return;
    response.set_header("Cache-Control", "no-store");
    handler(*reader, request, response);
  };
}

void AddApiRoutes(httplib::Server& server, const Routes& routes) {
  server.Get("/v1/events", Api(routes, [&routes](const Reader& reader, const httplib::Request&,
                                                 httplib::Response& response) {
    Result<std::vector<EventInfo>> events =
        ListEvents(routes.store, [&](const EventInfo& event) { return reader.CanRead(event); });
    if (!events.ok()) return AnswerFailure(events.status(), response, kJsonAnswer);
    nlohmann::json list = nlohmann::json::array();
    for (const EventInfo& e : *events) {
      list.push_back({{"id", e.id}, {"name", e.name}, {"province", e.province},
                      {"regency", e.regency}, {"time_zone", e.time_zone},
                      {"first_day", e.first_day}, {"last_day", e.last_day}});
    }
    response.set_content(nlohmann::json{{"events", list}}.dump(2), kJson);
  }));

  server.Get("/v1/reports/day", Api(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                                      httplib::Response& response) {
    const std::string event_id = request.get_param_value("event");
    const std::string day = request.get_param_value("day");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    AnswerReport(request, response, MakeDayReport(routes.store, event_id, day, routes.clock.Now()),
                 fmt::format("lapak-{}-{}", event_id, day));
  }));

  server.Get("/v1/reports/event", Api(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                                        httplib::Response& response) {
    const std::string event_id = request.get_param_value("event");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    AnswerReport(request, response,
                 MakeEventReport(routes.store, event_id, TopParam(request), routes.clock.Now()),
                 fmt::format("lapak-{}", event_id));
  }));

  server.Get("/v1/reports/period", Api(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                                         httplib::Response& response) {
    const auto [from, to] = PeriodOf(routes, request, reader);
    AnswerReport(request, response,
                 MakePeriodReport(routes.store, ProvinceOf(request, reader), from, to,
                                  [&](const EventInfo& event) { return reader.CanRead(event); },
                                  routes.clock.Now()),
                 fmt::format("lapak-period-{}-{}", from, to));
  }));

  server.Get("/v1/reports/compare", Api(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                                          httplib::Response& response) {
    const std::string event_id = request.get_param_value("event");
    const std::string previous_id = request.get_param_value("previous");
    if (!VisibleEvent(routes, reader, event_id, response, kJsonAnswer)) return;
    if (!VisibleEvent(routes, reader, previous_id, response, kJsonAnswer)) return;
    AnswerReport(request, response, MakeComparison(routes.store, event_id, previous_id),
                 fmt::format("lapak-{}-vs-{}", event_id, previous_id));
  }));
}

void AddDashboardRoutes(httplib::Server& server, const Routes& routes) {
  server.Get("/", [](const httplib::Request& request, httplib::Response& response) {
    Redirect(response, WithLanguage("/dashboard", LanguageOf(request)));
  });

  server.Get("/masuk", [](const httplib::Request& request, httplib::Response& response) {
    response.set_content(RenderLoginPage(LanguageOf(request), Status::Ok()), kHtml);
  });

  server.Post("/masuk", [&routes](const httplib::Request& request, httplib::Response& response) {
    const Language lang = LanguageOf(request);
    const std::string token = request.get_param_value("token");
    if (!ReaderOf(routes, token, response, lang)) return;
    SetTokenCookie(routes, response, token, false);
    Redirect(response, WithLanguage("/dashboard", lang));
  });

  server.Get("/keluar", [&routes](const httplib::Request& request, httplib::Response& response) {
    SetTokenCookie(routes, response, "", true);
    Redirect(response, WithLanguage("/masuk", LanguageOf(request)));
  });

  server.Get("/dashboard", Page(routes, [&routes](const Reader& reader, const httplib::Request&,
                                                  httplib::Response& response, Language lang) {
    Result<std::vector<EventInfo>> events =
        ListEvents(routes.store, [&](const EventInfo& event) { return reader.CanRead(event); });
    if (!events.ok()) return AnswerFailure(events.status(), response, lang);
    response.set_content(RenderEventList(lang, WhoIs(reader), *events, reader.role != Role::kOrganiser), kHtml);
  }));

  server.Get(R"(/dashboard/event/([A-Za-z0-9._-]+))",
             Page(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                    httplib::Response& response, Language lang) {
               const std::string event_id = request.matches[1];
               if (!VisibleEvent(routes, reader, event_id, response, lang)) return;
               Result<EventReport> report = MakeEventReport(routes.store, event_id, 10, routes.clock.Now());
               if (!report.ok()) return AnswerFailure(report.status(), response, lang);
               std::optional<Comparison> comparison;
               const std::string previous_id = request.get_param_value("compare");
               if (!previous_id.empty()) {
                 if (!VisibleEvent(routes, reader, previous_id, response, lang)) return;
                 Result<Comparison> compared = MakeComparison(routes.store, event_id, previous_id);
                 if (!compared.ok()) return AnswerFailure(compared.status(), response, lang);
                 comparison = std::move(compared).value();
               }
               Result<std::vector<EventInfo>> others = ListEvents(routes.store, [&](const EventInfo& event) {
                 return event.id != event_id && reader.CanRead(event);
               });
               if (!others.ok()) return AnswerFailure(others.status(), response, lang);
               response.set_content(
                   RenderEventPage(lang, *report, comparison ? &*comparison : nullptr, *others), kHtml);
             }));

  server.Get(R"(/dashboard/event/([A-Za-z0-9._-]+)/day/([0-9-]+))",
             Page(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                    httplib::Response& response, Language lang) {
               const std::string event_id = request.matches[1];
               if (!VisibleEvent(routes, reader, event_id, response, lang)) return;
               Result<OrganiserDayReport> report =
                   MakeDayReport(routes.store, event_id, request.matches[2], routes.clock.Now());
               if (!report.ok()) return AnswerFailure(report.status(), response, lang);
               response.set_content(RenderDayPage(lang, *report), kHtml);
             }));

  server.Get("/dashboard/period", Page(routes, [&routes](const Reader& reader, const httplib::Request& request,
                                                         httplib::Response& response, Language lang) {
    const auto [from, to] = PeriodOf(routes, request, reader);
    Result<PeriodReport> report =
        MakePeriodReport(routes.store, ProvinceOf(request, reader), from, to,
                         [&](const EventInfo& event) { return reader.CanRead(event); }, routes.clock.Now());
    if (!report.ok()) return AnswerFailure(report.status(), response, lang);
    response.set_content(RenderPeriodPage(lang, *report), kHtml);
  }));
}

}  // namespace

void AddReportRoutes(httplib::Server& server, const ReportRoutes& routes) {
  AddApiRoutes(server, routes);
  AddDashboardRoutes(server, routes);
}

}  // namespace lapak::ledger
