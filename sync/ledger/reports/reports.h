// Reports for the organiser (panitia) and the provincial office, read from the summary
// tables kept at ingest (day_totals, hour_totals, reconciliations, terminals) — never from
// the sales themselves. Every form of a report (CLI table, --json, --csv, the HTTP API, the
// dashboard) is made from these structs, so all of them show the same figures.
//
// Amounts are Money (whole rupiah), counts int64. A report says what has not arrived: each
// terminal's last sync and the time of the newest entry received from it; anything rung
// after that is not counted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/day_figures.h"
#include "core/money.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

// A terminal that has not synced for this long while its event runs is shown as late.
inline constexpr std::chrono::minutes kSyncLateAfter{15};

// An event as reports show it: id, name, province, regency, time zone, first and last day.
using EventInfo = EventSpec;

// The one count of transactions every page, export and comparison shows: the sales that
// stand, i.e. sales rung less those voided. Voids are counted beside it, never in it.
int64_t StandingSales(const LedgerFigures& figures);

// net / StandingSales, rounded half up; 0 when no sale stands.
Money AverageSale(const LedgerFigures& figures);

// `part` as a percentage of `whole`; 0 when whole is not above zero.
double SharePercent(Money part, Money whole);

// Whether a stall's terminals and the ledger agree on its day, by its Z report(s). It says
// nothing of the cash in the drawer: that is StallDayRow::drawer_over_short.
enum class ZState {
  kNotClosed,  // no Z report for that business day has arrived
  kAgrees,     // every Z of the day equals the ledger's figures
  kDiffers,    // some Z differs: difference = Σ (terminal net − ledger net)
};

struct TerminalSync {
  std::string terminal_id;
  std::string stall_id;
  bool revoked = false;
  int64_t entries_held = 0;                   // its high-water mark
  std::optional<TimePoint> last_sync_at;      // the last batch applied; none: never synced
  std::optional<TimePoint> newest_entry_at;   // when the newest entry received was rung
  bool late = false;  // never synced, or silent > kSyncLateAfter on the event's day now
                      // without having sent that day's Z
};

// QRIS payments made through the dynamic code the terminal showed (core/sale.h): the sales
// that stand with one, and the amount so paid. The rest of the QRIS figure was confirmed by
// hand by the vendor.
struct QrisShown {
  int64_t sales = 0;
  Money amount;
  bool operator==(const QrisShown&) const = default;
};

struct StallDayRow {
  std::string stall_id;
  std::string name;
  std::string category;
  LedgerFigures figures;
  ZState z_state = ZState::kNotClosed;
  Money z_difference;
  // The drawer at the day's close(s): Σ counted − expected cash of its Z reports (0: right;
  // below 0: short); none before any Z has arrived.
  std::optional<Money> drawer_over_short;
  CashMoves cash_moves;  // kas masuk/keluar of the day: the drawer's, not sales or turnover
  QrisShown qris_shown;  // of figures' QRIS, what was paid through the code the terminal showed
};

struct GroupRow {  // a category, a regency, a day or an hour, with its figures
  std::string key;
  LedgerFigures figures;
};

// The organiser's report of one business day of an event.
struct OrganiserDayReport {
  EventInfo event;
  std::string business_day;
  TimePoint as_of;                    // when it was made (ledger clock)
  std::vector<StallDayRow> stalls;    // every stall of the event, by stall id; none sold: zeros
  std::vector<GroupRow> hours;        // "HH" local hours in business-day order (from the
                                      // cutoff, e.g. 04..23, 00..03); "?" for unknown hour
  std::vector<GroupRow> categories;   // by net, largest first
  std::vector<TerminalSync> terminals;  // every terminal of the event's stalls
  LedgerFigures total;                // the day: Σ stalls
};

struct StallName {
  std::string stall_id;
  std::string name;
  bool operator==(const StallName&) const = default;
};

struct StallDay {
  std::string stall_id;
  std::string name;
  std::string business_day;
  bool operator==(const StallDay&) const = default;
};

struct StallTotal {
  std::string stall_id;
  std::string name;
  std::string category;
  std::string regency;
  LedgerFigures figures;
};

// The provincial office's view of one event over all its days.
struct EventReport {
  EventInfo event;
  TimePoint as_of;
  LedgerFigures total;
  std::vector<GroupRow> days;        // every day first_day..last_day (zeros where none), and
                                     // any day outside them that had sales, by date
  std::vector<GroupRow> categories;  // by net, largest first
  std::vector<GroupRow> regencies;   // by the stalls' home regency (the event's when unset)
  std::vector<StallTotal> top_stalls;  // by net, largest first, at most `top` of them
  int64_t stalls = 0;
  std::vector<StallName> late_stalls;  // stalls with a terminal that is late (TerminalSync), by id
  std::vector<StallDay> not_closed;    // (stall, day) with sales but no Z report yet, by day, id
};

struct EventSummary {
  EventInfo event;
  LedgerFigures total;
  int64_t stalls = 0;
};

// One stall's day within an event, as its stall page lists it.
struct StallDayLine {
  std::string business_day;
  LedgerFigures figures;
  ZState z_state = ZState::kNotClosed;
  Money z_difference;                      // as StallDayRow
  std::optional<Money> drawer_over_short;  // as StallDayRow
  CashMoves cash_moves;
};

// The same stall at one event (it is registered once and takes part in many).
struct StallAtEvent {
  EventInfo event;
  LedgerFigures total;
  int64_t days_traded = 0;  // business days with a sale
};

// One stall at one event: its days, hours, payments, Z reports and drawer, terminals, and
// the stall at every event the reader may see, year on year.
struct StallReport {
  EventInfo event;
  std::string stall_id;
  std::string name;
  std::string category;
  std::string regency;  // its home regency (the event's when unset)
  TimePoint as_of;
  LedgerFigures total;                    // every day of the event
  std::vector<StallDayLine> days;         // first_day..last_day and any other day it sold, by date
  std::vector<GroupRow> hours;            // "HH" over every day, in business-day order; hours
                                          // with neither sales nor voids left out
  std::vector<TerminalSync> terminals;    // its terminals at this event
  std::vector<StallAtEvent> events;       // every event it took part in that `visible` lets
                                          // the reader see, this one included, by first day
};

// An event running now, as the home page shows it first: its business day so far, the
// event so far, and who is behind.
struct TodaySummary {
  EventInfo event;
  std::string business_day;  // the event's business day now
  int day_number = 0;        // 1 on first_day
  int days = 0;              // first_day..last_day
  LedgerFigures today;       // the day so far, every stall
  LedgerFigures so_far;      // every day of the event so far
  int64_t stalls = 0;
  int64_t stalls_reporting = 0;       // stalls with a terminal and none of them late
  std::vector<StallName> late_stalls;  // stalls with a late terminal (TerminalSync), by id
};

// The home page: the events running now first, then every other event the reader may see.
struct HomeReport {
  TimePoint as_of;
  std::vector<TodaySummary> today;  // by first day
  std::vector<EventInfo> others;    // by first day
};

// The events of a province whose days overlap [from, to].
struct PeriodReport {
  std::string province;  // empty: every province (admin)
  std::string from;
  std::string to;
  TimePoint as_of;
  std::vector<EventSummary> events;  // by first day
  std::vector<GroupRow> regencies;   // by the events' regency
  LedgerFigures total;
};

// One regency in the province export: the events held there, keyed by its official code.
struct RegencyRow {
  std::string code;           // kode wilayah, "3374" (regency_codes.h)
  std::string name;           // "Kota Semarang"
  std::string province_code;  // "33": the code's first two digits
  std::string province;       // "Jawa Tengah", as recorded with the code
  int64_t events = 0;
  int64_t stalls = 0;  // stall places: each event's stalls, summed (a stall at two events counts twice)
  LedgerFigures figures;
};

// The province export (for the regional Satu Data portals): the events for which `visible`
// is true whose days overlap [from, to] — of one province, or every province when empty —
// one row per regency where they were held, by its code.
struct ProvinceExport {
  std::string province;  // empty: every province
  std::string from;
  std::string to;
  TimePoint as_of;
  std::vector<RegencyRow> regencies;  // by code
  LedgerFigures total;
};

// A figure of an event against the same figure of a previous event: Money or a count.
template <typename Amount>
struct Change {
  Amount previous{};
  Amount current{};
  Amount difference{};            // current − previous
  std::optional<double> percent;  // difference × 100 / previous; none when previous is 0
};
using MoneyChange = Change<Money>;
using CountChange = Change<int64_t>;

// An event against a previous one, read from one snapshot, over equal days: the first
// `days_compared` days of each (day n is first_day + n − 1), where days_compared is the fewer
// of the two events' days so far (an event that is over: all its days; one running: up to
// and with its business day now; one not begun: none). A three-day event is never set
// against the first two days of a running one as if the third were lost, and a five-day
// event not against a three-day one's total. Every figure is of those days only: net,
// sales that stand (sales − voids), average sale, net per day and per category; sales rung
// outside an event's dates are in none.
struct Comparison {
  EventInfo current;
  EventInfo previous;
  int days_compared = 0;
  bool current_day_open = false;   // current's day `days_compared` is its business day now
  bool previous_day_open = false;  // the same of previous (both may be running)
  MoneyChange net;
  CountChange sales_count;
  MoneyChange average_sale;
  std::vector<std::pair<std::string, MoneyChange>> days;        // "1" … days_compared
  std::vector<std::pair<std::string, MoneyChange>> categories;  // union of both events' stalls'
};

// The days of `event` first_day..last_day.
int EventLength(const EventInfo& event);

// Money figures are the ledger's sums, which the ingest bounds: a difference that overflows
// int64 can only come from corrupt totals, and is Corruption, never a wrapped value.
[[nodiscard]] Result<MoneyChange> MakeChange(Money previous, Money current);
// Counts of sales are far from int64's limits.
CountChange MakeChange(int64_t previous, int64_t current);

// ---- the queries (sync/ledger/store/reports_queries.cpp) ---------------------------------
// Each reads one snapshot of the ledger. NotFound when the event does not exist; the caller
// checks the reader's access first and answers the same for "not yours" and "not there".

// `business_day` YYYY-MM-DD; any day, also outside the event's dates (sales rung early or
// late are not hidden).
[[nodiscard]] Result<OrganiserDayReport> MakeDayReport(LedgerStore& store, const std::string& event_id,
                                                       const std::string& business_day, TimePoint now);
[[nodiscard]] Result<EventReport> MakeEventReport(LedgerStore& store, const std::string& event_id,
                                                  int top_stalls, TimePoint now);
// The events for which `visible` is true whose days overlap from..to (YYYY-MM-DD), each with
// its whole total.
[[nodiscard]] Result<PeriodReport> MakePeriodReport(
    LedgerStore& store, const std::string& province, const std::string& from,
    const std::string& to, const std::function<bool(const EventInfo&)>& visible, TimePoint now);
// RegencyCodesMissing (FailedPrecondition) naming every regency of those events that has no
// code recorded: an export without its keys is of no use to a portal.
[[nodiscard]] Result<ProvinceExport> MakeProvinceExport(
    LedgerStore& store, const std::string& province, const std::string& from,
    const std::string& to, const std::function<bool(const EventInfo&)>& visible, TimePoint now);
[[nodiscard]] Result<Comparison> MakeComparison(LedgerStore& store, const std::string& current_id,
                                                const std::string& previous_id, TimePoint now);
// Stall `stall_id` at event `event_id`; NotFound when the stall does not take part in it.
[[nodiscard]] Result<StallReport> MakeStallReport(LedgerStore& store, const std::string& event_id,
                                                  const std::string& stall_id,
                                                  const std::function<bool(const EventInfo&)>& visible,
                                                  TimePoint now);
// The events for which `visible` is true, those running at `now` summed up, from one snapshot.
[[nodiscard]] Result<HomeReport> MakeHomeReport(LedgerStore& store,
                                                const std::function<bool(const EventInfo&)>& visible,
                                                TimePoint now);
// The events for which `visible` is true, by first day.
[[nodiscard]] Result<std::vector<EventInfo>> ListEvents(
    LedgerStore& store, const std::function<bool(const EventInfo&)>& visible);

}  // namespace lapak::ledger
