// The ledger's web dashboard: whole HTML pages made from the report structs
// (sync/ledger/reports/reports.h).
//
// Pure functions: no I/O, no clock (times are shown against the report's as_of). Each page is
// UTF-8 "<!doctype html>" with a viewport meta, one inline <style>, no script and nothing
// loaded from elsewhere; charts are inline SVG (svg_chart.h). Every name and id from a report
// is HTML-escaped in text and URL-encoded in links. Local times are in the event's time zone.
//
// Links the pages emit (the server answers them):
//   /dashboard                                     the event list
//   /dashboard/event/<id>[?compare=<other id>]     an event, optionally against another
//   /dashboard/event/<id>/day/<YYYY-MM-DD>         the organiser's day
//   /dashboard/event/<id>/stall/<stall id>         a stall at the event (and at the others)
//   /dashboard/period?from=<YYYY-MM-DD>&to=<YYYY-MM-DD>
//   /masuk   GET: the login page; POST (form field "token"): log in
//   /keluar  POST (a button in the header): log out
//   /v1/reports/day?event=<id>&day=<d>&format=xlsx|csv
//   /v1/reports/event?event=<id>&format=xlsx|csv
//   /v1/reports/stall?event=<id>&stall=<stall id>&format=xlsx|csv
//   /v1/reports/period?from=<d>&to=<d>[&province=<p>]&format=xlsx|csv
//   /v1/reports/compare?event=<id>&previous=<id>&format=xlsx|csv
// In English (Language::kEnglish) every one of them, and every form, carries lang=en; Bahasa
// Indonesia is the default and carries none. Each page links to itself in the other language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/web/dashboard_text.h"

namespace lapak::ledger {

// The token form, POSTing "token" to /masuk; `refused` (ok: nothing) is said above it in
// `lang` (core/refusal.h Explain).
std::string RenderLoginPage(Language lang, const Status& refused);

// The home page: the events running now first, each with its net today, its transactions,
// the whole event so far, how many stalls have synced and the late ones by name (links to
// their rows on the day's page), then the reader's other events with their days. `who` names
// the reader (e.g. "Budi (panitia)"). With `can_see_period`, a form for the period report,
// spanning the events. While an event runs, the page reloads itself every minute (a meta
// refresh: no script).
std::string RenderHomePage(Language lang, std::string_view who, const HomeReport& home, bool can_see_period);

// The organiser's day: terminals that are late are warned about first and listed first.
std::string RenderDayPage(Language lang, const OrganiserDayReport& report);

// One stall at one event: its days (each linked to its row on the day page), hours,
// payments, Z and drawer, terminals, and the stall event by event (year on year), each row
// against the one before and linked to the stall's page at that event.
std::string RenderStallPage(Language lang, const StallReport& report);

// The province's view of one event; with `comparison` (may be null) the comparison with a
// previous event; `comparable` are the other events the reader may compare with (the event
// itself is left out of that list).
std::string RenderEventPage(Language lang, const EventReport& report, const Comparison* comparison,
                            const std::vector<EventInfo>& comparable);

// The events of a period with a form to choose another period.
std::string RenderPeriodPage(Language lang, const PeriodReport& report);

// A page for a refused request (401, 403, 404, …) that says `refused` in `lang` (Explain;
// ok: nothing but the title) and a way on: to /masuk for 401, else to /dashboard. Not knowing
// the refused address, its language switch leads to /dashboard.
std::string RenderRefusal(Language lang, int http_status, const Status& refused);

}  // namespace lapak::ledger
