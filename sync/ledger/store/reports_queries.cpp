// The reports' queries: summary tables only (day_totals, hour_totals, reconciliations,
// terminals, stalls, events), each report inside one read transaction. The largest read is
// an event's day_totals (stalls × days rows); no query touches `sales` or `entries`.
// It implements the queries declared in sync/ledger/reports/reports.h, and lives here in
// store/ because all of the ledger's SQL does. Figures read are summed with checked
// arithmetic (LedgerFigures::Add, MakeChange): an overflow fails the report with Corruption.
#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/refusal.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/figures_sql.h"

namespace lapak::ledger {

namespace {

using sql::Param;

constexpr const char* kEventColumns =
    "id, name, province, regency, time_zone, first_day, last_day, day_cutoff";

EventInfo EventFromRow(const sql::Rows& rows, size_t row) {
  return {rows.Text(row, 0), rows.Text(row, 1), rows.Text(row, 2), rows.Text(row, 3),
          rows.Text(row, 4), rows.Text(row, 5), rows.Text(row, 6), rows.Text(row, 7)};
}

Result<EventInfo> ReadEvent(sql::Connection& db, const std::string& event_id) {
  Result<sql::Rows> rows =
      db.Query(fmt::format("SELECT {} FROM events WHERE id = $1", kEventColumns), {Param(event_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Refuse(Refusal::kNoSuchEvent, event_id);
  return EventFromRow(*rows, 0);
}

// Rows of (key, figures) summed by key, largest net first (ties by key).
std::vector<GroupRow> GroupByNet(const std::map<std::string, LedgerFigures>& groups) {
  std::vector<GroupRow> rows;
  for (const auto& [key, figures] : groups) rows.push_back({key, figures});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const GroupRow& a, const GroupRow& b) { return a.figures.net > b.figures.net; });
  return rows;
}

// Every terminal of the event's stalls. Late: not revoked, and never synced, or — when
// `day` is the event's business day now — silent for longer than kSyncLateAfter without
// having sent that day's Z (a stall that has closed has nothing more to send).
Result<std::vector<TerminalSync>> ReadTerminals(sql::Connection& db, const EventInfo& event,
                                                const std::string& day, bool day_is_today,
                                                TimePoint now) {
  Result<sql::Rows> rows = db.Query(
      "SELECT t.name, t.stall_id, CASE WHEN t.revoked_at_ms IS NULL THEN 0 ELSE 1 END, t.hwm, "
      "t.last_batch_at_ms, t.last_entry_at_ms, t.id "
      "FROM terminals t WHERE t.event_id = $1 ORDER BY t.stall_id, t.name",
      {Param(event.id)});
  if (!rows.ok()) return rows.status();
  Result<sql::Rows> closed = db.Query(
      "SELECT DISTINCT r.terminal_id FROM reconciliations r WHERE r.event_id = $1 AND r.business_day = $2",
      {Param(event.id), Param(day)});
  if (!closed.ok()) return closed.status();
  std::set<std::string> closed_today;
  for (size_t row = 0; row < closed->size(); ++row) closed_today.insert(closed->Text(row, 0));
  std::vector<TerminalSync> terminals;
  for (size_t row = 0; row < rows->size(); ++row) {
    TerminalSync terminal{rows->Text(row, 0), rows->Text(row, 1), rows->Int(row, 2) != 0,
                          rows->Int(row, 3), rows->OptionalTime(row, 4), rows->OptionalTime(row, 5),
                          false};
    const bool silent = day_is_today && !closed_today.contains(rows->Text(row, 6)) &&
                        terminal.last_sync_at && now - *terminal.last_sync_at > kSyncLateAfter;
    terminal.late = !terminal.revoked && (!terminal.last_sync_at || silent);
    terminals.push_back(std::move(terminal));
  }
  return terminals;
}

Result<BusinessCalendar> CalendarOf(const EventInfo& event) {
  return BusinessCalendar::Make(event.time_zone, event.day_cutoff);
}

Status FillDayReport(sql::Connection& db, const std::string& event_id,
                     const std::string& business_day, TimePoint now, OrganiserDayReport& report) {
  Result<EventInfo> event = ReadEvent(db, event_id);
  if (!event.ok()) return event.status();
  report.event = std::move(event).value();
  report.business_day = business_day;
  report.as_of = now;
  Result<BusinessCalendar> calendar = CalendarOf(report.event);
  if (!calendar.ok()) return calendar.status();

  Result<sql::Rows> stalls = db.Query(
      fmt::format("SELECT s.id, s.name, s.category, {} FROM event_stalls es JOIN stalls s ON s.id = es.stall_id "
                  "LEFT JOIN day_totals d ON d.event_id = es.event_id AND d.stall_id = s.id "
                  "AND d.business_day = $2 WHERE es.event_id = $1 ORDER BY s.id",
                  FigureColumns("d.")),
      {Param(event_id), Param(business_day)});
  if (!stalls.ok()) return stalls.status();
  std::map<std::string, LedgerFigures> categories;
  for (size_t row = 0; row < stalls->size(); ++row) {
    StallDayRow stall{stalls->Text(row, 0), stalls->Text(row, 1), stalls->Text(row, 2),
                      FiguresFromRow(*stalls, row, 3), ZState::kNotClosed, Money(), std::nullopt, CashMoves(), QrisShown()};
    LAPAK_RETURN_IF_ERROR(categories[stall.category].Add(stall.figures));
    LAPAK_RETURN_IF_ERROR(report.total.Add(stall.figures));
    report.stalls.push_back(std::move(stall));
  }
  report.categories = GroupByNet(categories);

  Result<sql::Rows> z = db.Query(
      "SELECT r.stall_id, CAST(sum(1 - r.agrees) AS BIGINT), CAST(sum(r.difference) AS BIGINT), "
      "CAST(sum(r.over_short) AS BIGINT) "
      "FROM reconciliations r WHERE r.event_id = $1 AND r.business_day = $2 GROUP BY r.stall_id",
      {Param(event_id), Param(business_day)});
  if (!z.ok()) return z.status();
  // The report's row of stall `id`; null for a stall not of the event.
  const auto stall_row = [&report](const std::string& id) -> StallDayRow* {
    auto found = std::find_if(report.stalls.begin(), report.stalls.end(),
                              [&id](const StallDayRow& s) { return s.stall_id == id; });
    return found == report.stalls.end() ? nullptr : &*found;
  };
  for (size_t row = 0; row < z->size(); ++row) {
    StallDayRow* stall = stall_row(z->Text(row, 0));
    if (stall == nullptr) continue;
    stall->z_state = z->Int(row, 1) == 0 ? ZState::kAgrees : ZState::kDiffers;
    stall->z_difference = Money::Rupiah(z->Int(row, 2));
    stall->drawer_over_short = Money::Rupiah(z->Int(row, 3));
  }

  Result<sql::Rows> moves = db.Query(
      "SELECT c.stall_id, CAST(sum(CASE WHEN c.direction = 'in' THEN c.amount ELSE 0 END) AS BIGINT), "
      "CAST(sum(CASE WHEN c.direction = 'out' THEN c.amount ELSE 0 END) AS BIGINT) FROM cash_moves c "
      "WHERE c.event_id = $1 AND c.business_day = $2 GROUP BY c.stall_id",
      {Param(event_id), Param(business_day)});
  if (!moves.ok()) return moves.status();
  for (size_t row = 0; row < moves->size(); ++row) {
    if (StallDayRow* stall = stall_row(moves->Text(row, 0))) {
      stall->cash_moves = {Money::Rupiah(moves->Int(row, 1)), Money::Rupiah(moves->Int(row, 2))};
    }
  }

  Result<sql::Rows> qris = db.Query(
      "SELECT q.stall_id, q.sales_count, q.amount FROM qris_shown_totals q "
      "WHERE q.event_id = $1 AND q.business_day = $2",
      {Param(event_id), Param(business_day)});
  if (!qris.ok()) return qris.status();
  for (size_t row = 0; row < qris->size(); ++row) {
    if (StallDayRow* stall = stall_row(qris->Text(row, 0))) {
      stall->qris_shown = {qris->Int(row, 1), Money::Rupiah(qris->Int(row, 2))};
    }
  }


  Result<sql::Rows> hours = db.Query(
      fmt::format("SELECT d.local_hour, {} FROM hour_totals d WHERE d.event_id = $1 "
                  "AND d.business_day = $2 GROUP BY d.local_hour",
                  SumFigureColumns(false)),
      {Param(event_id), Param(business_day)});
  if (!hours.ok()) return hours.status();
  std::map<int64_t, LedgerFigures> by_hour;
  for (size_t row = 0; row < hours->size(); ++row) by_hour[hours->Int(row, 0)] = FiguresFromRow(*hours, row, 1);
  if (by_hour.contains(-1)) report.hours.push_back({"?", by_hour[-1]});
  for (int i = 0; i < 24; ++i) {
    const int hour = (calendar->FirstHour() + i) % 24;
    report.hours.push_back({fmt::format("{:02}", hour), by_hour[hour]});
  }

  Result<std::vector<TerminalSync>> terminals = ReadTerminals(
      db, report.event, business_day, calendar->BusinessDay(now) == business_day, now);
  if (!terminals.ok()) return terminals.status();
  report.terminals = std::move(terminals).value();
  return Status::Ok();
}

// The event's business day now, when it falls within the event's dates.
std::optional<std::string> EventToday(const EventInfo& event, TimePoint now) {
  Result<BusinessCalendar> calendar = CalendarOf(event);
  if (!calendar.ok()) return std::nullopt;
  std::string today = calendar->BusinessDay(now);
  if (today < event.first_day || today > event.last_day) return std::nullopt;
  return today;
}

Status FillEventReport(sql::Connection& db, const std::string& event_id, int top_stalls,
                       TimePoint now, EventReport& report) {
  Result<EventInfo> event = ReadEvent(db, event_id);
  if (!event.ok()) return event.status();
  report.event = std::move(event).value();
  report.as_of = now;

  Result<sql::Rows> days = db.Query(
      fmt::format("SELECT d.business_day, {} FROM day_totals d WHERE d.event_id = $1 "
                  "GROUP BY d.business_day ORDER BY d.business_day",
                  SumFigureColumns(false)),
      {Param(event_id)});
  if (!days.ok()) return days.status();
  std::map<std::string, LedgerFigures> by_day;
  for (int i = 0; i < EventLength(report.event); ++i) by_day[AddDays(report.event.first_day, i)];
  for (size_t row = 0; row < days->size(); ++row) by_day[days->Text(row, 0)] = FiguresFromRow(*days, row, 1);
  for (const auto& [day, figures] : by_day) {
    report.days.push_back({day, figures});
    LAPAK_RETURN_IF_ERROR(report.total.Add(figures));
  }

  Result<sql::Rows> stalls = db.Query(
      // Summed per stall first, then joined: joined first, SQLite searches day_totals once
      // per stall (quadratic in stalls: 160 ms at 1,000 stalls against 3 ms this way).
      fmt::format("SELECT s.id, s.name, s.category, s.regency, {} FROM event_stalls es "
                  "JOIN stalls s ON s.id = es.stall_id LEFT JOIN "
                  "(SELECT d.stall_id AS stall_id, {} FROM day_totals d WHERE d.event_id = $1 "
                  "GROUP BY d.stall_id) d ON d.stall_id = s.id WHERE es.event_id = $1 ORDER BY s.id",
                  FigureColumns("d."), SumFigureColumns(true)),
      {Param(event_id)});
  if (!stalls.ok()) return stalls.status();
  std::map<std::string, LedgerFigures> categories;
  std::map<std::string, LedgerFigures> regencies;
  std::vector<StallTotal> all;
  for (size_t row = 0; row < stalls->size(); ++row) {
    StallTotal stall{stalls->Text(row, 0), stalls->Text(row, 1), stalls->Text(row, 2),
                     stalls->Text(row, 3), FiguresFromRow(*stalls, row, 4)};
    if (stall.regency.empty()) stall.regency = report.event.regency;
    LAPAK_RETURN_IF_ERROR(categories[stall.category].Add(stall.figures));
    LAPAK_RETURN_IF_ERROR(regencies[stall.regency].Add(stall.figures));
    all.push_back(std::move(stall));
  }
  report.stalls = static_cast<int64_t>(all.size());
  const std::vector<StallTotal> all_stalls = all;  // by id
  report.categories = GroupByNet(categories);
  report.regencies = GroupByNet(regencies);
  std::stable_sort(all.begin(), all.end(), [](const StallTotal& a, const StallTotal& b) {
    return a.figures.net != b.figures.net ? a.figures.net > b.figures.net : a.stall_id < b.stall_id;
  });
  all.resize(std::min(all.size(), static_cast<size_t>(std::max(top_stalls, 0))));
  report.top_stalls = std::move(all);

  Result<sql::Rows> not_closed = db.Query(
      "SELECT d.stall_id, s.name, d.business_day FROM day_totals d JOIN stalls s ON s.id = d.stall_id "
      "WHERE d.event_id = $1 AND d.sales_count > 0 "
      "AND NOT EXISTS (SELECT 1 FROM reconciliations r WHERE r.event_id = d.event_id "
      "AND r.stall_id = d.stall_id AND r.business_day = d.business_day) ORDER BY d.business_day, d.stall_id",
      {Param(event_id)});
  if (!not_closed.ok()) return not_closed.status();
  for (size_t row = 0; row < not_closed->size(); ++row) {
    report.not_closed.push_back({not_closed->Text(row, 0), not_closed->Text(row, 1), not_closed->Text(row, 2)});
  }

  const std::optional<std::string> today = EventToday(report.event, now);
  Result<std::vector<TerminalSync>> terminals =
      ReadTerminals(db, report.event, today.value_or(""), today.has_value(), now);
  if (!terminals.ok()) return terminals.status();
  std::set<std::string> late;
  for (const TerminalSync& terminal : *terminals) {
    if (terminal.late) late.insert(terminal.stall_id);
  }
  for (const StallTotal& stall : all_stalls) {
    if (late.contains(stall.stall_id)) report.late_stalls.push_back({stall.stall_id, stall.name});
  }
  return Status::Ok();
}

Result<std::vector<EventInfo>> ReadEvents(sql::Connection& db,
                                          const std::function<bool(const EventInfo&)>& visible) {
  Result<sql::Rows> rows =
      db.Query(fmt::format("SELECT {} FROM events ORDER BY first_day, id", kEventColumns), {});
  if (!rows.ok()) return rows.status();
  std::vector<EventInfo> events;
  for (size_t row = 0; row < rows->size(); ++row) {
    EventInfo event = EventFromRow(*rows, row);
    if (visible(event)) events.push_back(std::move(event));
  }
  return events;
}

Status ValidateDay(Word what, const std::string& day) {
  if (IsIsoDate(day)) return Status::Ok();
  return Refuse(Refusal::kNotAReportDate, what, day);
}

// How many of an event's days have begun at `now`: none before its first business day, all
// once its last is over; `open` when the last of them is the business day now.
struct DaysSoFar {
  int days = 0;
  bool open = false;
};

Result<DaysSoFar> DaysSoFarOf(const EventInfo& event, TimePoint now) {
  Result<BusinessCalendar> calendar = CalendarOf(event);
  if (!calendar.ok()) return calendar.status();
  const std::string today = calendar->BusinessDay(now);
  if (today < event.first_day) return DaysSoFar{0, false};
  if (today > event.last_day) return DaysSoFar{EventLength(event), false};
  return DaysSoFar{DaysBetween(event.first_day, today) + 1, true};
}

// An event's first days, as a comparison takes them.
struct ComparedEvent {
  EventInfo event;
  bool open_day = false;
  LedgerFigures total;                               // of those days
  std::vector<Money> net_by_day;                     // day 1, 2, …
  std::map<std::string, Money> net_by_category;      // every category of the event's stalls
};

Status ReadFirstDays(sql::Connection& db, EventInfo event, int days, ComparedEvent& into) {
  into.event = std::move(event);
  into.net_by_day.assign(static_cast<size_t>(days), Money());
  Result<sql::Rows> categories = db.Query(
      "SELECT DISTINCT s.category FROM event_stalls es JOIN stalls s ON s.id = es.stall_id "
      "WHERE es.event_id = $1",
      {Param(into.event.id)});
  if (!categories.ok()) return categories.status();
  for (size_t row = 0; row < categories->size(); ++row) into.net_by_category[categories->Text(row, 0)];
  if (days == 0) return Status::Ok();
  const std::string& first = into.event.first_day;
  Result<sql::Rows> rows = db.Query(
      fmt::format("SELECT d.business_day, s.category, {} FROM day_totals d JOIN stalls s ON s.id = d.stall_id "
                  "WHERE d.event_id = $1 AND d.business_day >= $2 AND d.business_day <= $3 "
                  "GROUP BY d.business_day, s.category",
                  SumFigureColumns(false)),
      {Param(into.event.id), Param(first), Param(AddDays(first, days - 1))});
  if (!rows.ok()) return rows.status();
  for (size_t row = 0; row < rows->size(); ++row) {
    const LedgerFigures figures = FiguresFromRow(*rows, row, 2);
    LAPAK_RETURN_IF_ERROR(into.total.Add(figures));
    Money& day_net = into.net_by_day[static_cast<size_t>(DaysBetween(first, rows->Text(row, 0)))];
    Money& category_net = into.net_by_category[rows->Text(row, 1)];
    const std::optional<Money> day_sum = day_net.Plus(figures.net);
    const std::optional<Money> category_sum = category_net.Plus(figures.net);
    if (!day_sum || !category_sum) return Refuse(Refusal::kLedgerFiguresOverflow);
    day_net = *day_sum;
    category_net = *category_sum;
  }
  return Status::Ok();
}

Status FillStallReport(sql::Connection& db, const std::string& event_id, const std::string& stall_id,
                       const std::function<bool(const EventInfo&)>& visible, TimePoint now,
                       StallReport& report) {
  Result<EventInfo> event = ReadEvent(db, event_id);
  if (!event.ok()) return event.status();
  report.event = std::move(event).value();
  report.as_of = now;
  Result<sql::Rows> stall = db.Query(
      "SELECT s.id, s.name, s.category, s.regency FROM event_stalls es JOIN stalls s ON s.id = es.stall_id "
      "WHERE es.event_id = $1 AND es.stall_id = $2",
      {Param(event_id), Param(stall_id)});
  if (!stall.ok()) return stall.status();
  if (stall->empty()) return Refuse(Refusal::kStallNotInEvent, stall_id, event_id);
  report.stall_id = stall->Text(0, 0);
  report.name = stall->Text(0, 1);
  report.category = stall->Text(0, 2);
  report.regency = stall->Text(0, 3).empty() ? report.event.regency : stall->Text(0, 3);

  Result<sql::Rows> days = db.Query(
      fmt::format("SELECT d.business_day, {} FROM day_totals d WHERE d.event_id = $1 AND d.stall_id = $2",
                  FigureColumns("d.")),
      {Param(event_id), Param(stall_id)});
  if (!days.ok()) return days.status();
  std::map<std::string, StallDayLine> by_day;
  for (int i = 0; i < EventLength(report.event); ++i) {
    const std::string day = AddDays(report.event.first_day, i);
    by_day[day].business_day = day;
  }
  for (size_t row = 0; row < days->size(); ++row) {
    StallDayLine& line = by_day[days->Text(row, 0)];
    line.business_day = days->Text(row, 0);
    line.figures = FiguresFromRow(*days, row, 1);
  }
  Result<sql::Rows> z = db.Query(
      "SELECT r.business_day, CAST(sum(1 - r.agrees) AS BIGINT), CAST(sum(r.difference) AS BIGINT), "
      "CAST(sum(r.over_short) AS BIGINT) FROM reconciliations r WHERE r.event_id = $1 AND r.stall_id = $2 "
      "GROUP BY r.business_day",
      {Param(event_id), Param(stall_id)});
  if (!z.ok()) return z.status();
  for (size_t row = 0; row < z->size(); ++row) {
    StallDayLine& line = by_day[z->Text(row, 0)];
    line.business_day = z->Text(row, 0);
    line.z_state = z->Int(row, 1) == 0 ? ZState::kAgrees : ZState::kDiffers;
    line.z_difference = Money::Rupiah(z->Int(row, 2));
    line.drawer_over_short = Money::Rupiah(z->Int(row, 3));
  }
  Result<sql::Rows> moves = db.Query(
      "SELECT c.business_day, CAST(sum(CASE WHEN c.direction = 'in' THEN c.amount ELSE 0 END) AS BIGINT), "
      "CAST(sum(CASE WHEN c.direction = 'out' THEN c.amount ELSE 0 END) AS BIGINT) FROM cash_moves c "
      "WHERE c.event_id = $1 AND c.stall_id = $2 GROUP BY c.business_day",
      {Param(event_id), Param(stall_id)});
  if (!moves.ok()) return moves.status();
  for (size_t row = 0; row < moves->size(); ++row) {
    StallDayLine& line = by_day[moves->Text(row, 0)];
    line.business_day = moves->Text(row, 0);
    line.cash_moves = {Money::Rupiah(moves->Int(row, 1)), Money::Rupiah(moves->Int(row, 2))};
  }
  for (auto& [day, line] : by_day) {
    LAPAK_RETURN_IF_ERROR(report.total.Add(line.figures));
    report.days.push_back(std::move(line));
  }

  Result<BusinessCalendar> calendar = CalendarOf(report.event);
  if (!calendar.ok()) return calendar.status();
  Result<sql::Rows> hours = db.Query(
      fmt::format("SELECT d.local_hour, {} FROM hour_totals d WHERE d.event_id = $1 AND d.stall_id = $2 "
                  "GROUP BY d.local_hour",
                  SumFigureColumns(false)),
      {Param(event_id), Param(stall_id)});
  if (!hours.ok()) return hours.status();
  std::map<int64_t, LedgerFigures> by_hour;
  for (size_t row = 0; row < hours->size(); ++row) by_hour[hours->Int(row, 0)] = FiguresFromRow(*hours, row, 1);
  const auto traded = [](const LedgerFigures& f) { return f.sales_count != 0 || f.voids_count != 0; };
  if (by_hour.contains(-1) && traded(by_hour[-1])) report.hours.push_back({"?", by_hour[-1]});
  for (int i = 0; i < 24; ++i) {
    const int hour = (calendar->FirstHour() + i) % 24;
    if (by_hour.contains(hour) && traded(by_hour[hour])) {
      report.hours.push_back({fmt::format("{:02}", hour), by_hour[hour]});
    }
  }

  const std::optional<std::string> today = EventToday(report.event, now);
  Result<std::vector<TerminalSync>> terminals =
      ReadTerminals(db, report.event, today.value_or(""), today.has_value(), now);
  if (!terminals.ok()) return terminals.status();
  for (TerminalSync& terminal : *terminals) {
    if (terminal.stall_id == stall_id) report.terminals.push_back(std::move(terminal));
  }

  Result<sql::Rows> events = db.Query(
      fmt::format("SELECT {} FROM events e JOIN event_stalls es ON es.event_id = e.id WHERE es.stall_id = $1 "
                  "ORDER BY e.first_day, e.id",
                  "e.id, e.name, e.province, e.regency, e.time_zone, e.first_day, e.last_day, e.day_cutoff"),
      {Param(stall_id)});
  if (!events.ok()) return events.status();
  for (size_t row = 0; row < events->size(); ++row) {
    StallAtEvent at{EventFromRow(*events, row), {}, 0};
    if (!visible(at.event)) continue;
    Result<sql::Rows> totals = db.Query(
        fmt::format("SELECT CAST(sum(CASE WHEN d.sales_count > 0 THEN 1 ELSE 0 END) AS BIGINT), {} "
                    "FROM day_totals d WHERE d.event_id = $1 AND d.stall_id = $2",
                    SumFigureColumns(false)),
        {Param(at.event.id), Param(stall_id)});
    if (!totals.ok()) return totals.status();
    at.days_traded = totals->Int(0, 0);
    at.total = FiguresFromRow(*totals, 0, 1);
    report.events.push_back(std::move(at));
  }
  return Status::Ok();
}

// The period's events and their totals into `report` (its province, from and to given).
Status FillPeriodReport(sql::Connection& db, const std::function<bool(const EventInfo&)>& visible,
                        PeriodReport& report) {
  LAPAK_RETURN_IF_ERROR(ValidateDay(Word::kPeriodFrom, report.from));
  LAPAK_RETURN_IF_ERROR(ValidateDay(Word::kPeriodTo, report.to));
  if (report.to < report.from) return Refuse(Refusal::kPeriodEndsBeforeStart, report.to, report.from);
  Result<std::vector<EventInfo>> events = ReadEvents(db, [&](const EventInfo& event) {
    return (report.province.empty() || event.province == report.province) && event.first_day <= report.to &&
           event.last_day >= report.from && visible(event);
  });
  if (!events.ok()) return events.status();
  std::map<std::string, LedgerFigures> regencies;
  for (EventInfo& event : *events) {
    Result<sql::Rows> totals = db.Query(
        fmt::format("SELECT (SELECT count(*) FROM event_stalls WHERE event_id = $1), {} "
                    "FROM day_totals d WHERE d.event_id = $1",
                    SumFigureColumns(false)),
        {Param(event.id)});
    if (!totals.ok()) return totals.status();
    EventSummary summary{std::move(event), FiguresFromRow(*totals, 0, 1), totals->Int(0, 0)};
    LAPAK_RETURN_IF_ERROR(regencies[summary.event.regency].Add(summary.total));
    LAPAK_RETURN_IF_ERROR(report.total.Add(summary.total));
    report.events.push_back(std::move(summary));
  }
  report.regencies = GroupByNet(regencies);
  return Status::Ok();
}

}  // namespace

Result<OrganiserDayReport> MakeDayReport(LedgerStore& store, const std::string& event_id,
                                         const std::string& business_day, TimePoint now) {
  LAPAK_RETURN_IF_ERROR(ValidateDay(Word::kReportDay, business_day));
  OrganiserDayReport report;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) {
    return FillDayReport(db, event_id, business_day, now, report);
  });
  if (!done.ok()) return done;
  return report;
}

Result<EventReport> MakeEventReport(LedgerStore& store, const std::string& event_id,
                                    int top_stalls, TimePoint now) {
  EventReport report;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) {
    return FillEventReport(db, event_id, top_stalls, now, report);
  });
  if (!done.ok()) return done;
  return report;
}

Result<PeriodReport> MakePeriodReport(LedgerStore& store, const std::string& province,
                                      const std::string& from, const std::string& to,
                                      const std::function<bool(const EventInfo&)>& visible,
                                      TimePoint now) {
  PeriodReport report{province, from, to, now, {}, {}, {}};
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    return FillPeriodReport(db, visible, report);
  });
  if (!done.ok()) return done;
  return report;
}

Result<ProvinceExport> MakeProvinceExport(LedgerStore& store, const std::string& province,
                                          const std::string& from, const std::string& to,
                                          const std::function<bool(const EventInfo&)>& visible,
                                          TimePoint now) {
  PeriodReport period{province, from, to, now, {}, {}, {}};
  ProvinceExport report{province, from, to, now, {}, {}};
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    LAPAK_RETURN_IF_ERROR(FillPeriodReport(db, visible, period));
    Result<sql::Rows> codes = db.Query("SELECT name, code, province FROM regencies", {});
    if (!codes.ok()) return codes.status();
    std::map<std::string, RegencyRow> by_name;
    for (size_t row = 0; row < codes->size(); ++row) {
      const std::string code = codes->Text(row, 1);
      by_name[codes->Text(row, 0)] = {code, codes->Text(row, 0), code.substr(0, 2), codes->Text(row, 2), 0, 0, {}};
    }
    std::set<std::string> missing;
    std::map<std::string, RegencyRow> by_code;
    for (const EventSummary& event : period.events) {
      const auto known = by_name.find(event.event.regency);
      if (known == by_name.end()) {
        missing.insert(event.event.regency);
        continue;
      }
      RegencyRow& row = by_code.try_emplace(known->second.code, known->second).first->second;
      row.events += 1;
      row.stalls += event.stalls;
      LAPAK_RETURN_IF_ERROR(row.figures.Add(event.total));
    }
    if (!missing.empty()) {
      std::string names;
      for (const std::string& name : missing) names += (names.empty() ? "'" : ", '") + name + "'";
      return Refuse(Refusal::kRegencyCodesMissing, names);
    }
    for (auto& [code, row] : by_code) report.regencies.push_back(std::move(row));
    report.total = period.total;
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return report;
}

Result<Comparison> MakeComparison(LedgerStore& store, const std::string& current_id,
                                  const std::string& previous_id, TimePoint now) {
  ComparedEvent current;
  ComparedEvent previous;
  const Status read = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<EventInfo> current_event = ReadEvent(db, current_id);
    if (!current_event.ok()) return current_event.status();
    Result<EventInfo> previous_event = ReadEvent(db, previous_id);
    if (!previous_event.ok()) return previous_event.status();
    Result<DaysSoFar> current_days = DaysSoFarOf(*current_event, now);
    if (!current_days.ok()) return current_days.status();
    Result<DaysSoFar> previous_days = DaysSoFarOf(*previous_event, now);
    if (!previous_days.ok()) return previous_days.status();
    const int days = std::min(current_days->days, previous_days->days);
    current.open_day = current_days->open && current_days->days == days;
    previous.open_day = previous_days->open && previous_days->days == days;
    LAPAK_RETURN_IF_ERROR(ReadFirstDays(db, std::move(current_event).value(), days, current));
    return ReadFirstDays(db, std::move(previous_event).value(), days, previous);
  });
  if (!read.ok()) return read;
  Result<MoneyChange> net = MakeChange(previous.total.net, current.total.net);
  if (!net.ok()) return net.status();
  Result<MoneyChange> average = MakeChange(AverageSale(previous.total), AverageSale(current.total));
  if (!average.ok()) return average.status();
  Comparison comparison{current.event, previous.event, static_cast<int>(current.net_by_day.size()),
                        current.open_day, previous.open_day, *net,
                        MakeChange(StandingSales(previous.total), StandingSales(current.total)),
                        *average, {}, {}};
  for (size_t n = 0; n < current.net_by_day.size(); ++n) {
    Result<MoneyChange> change = MakeChange(previous.net_by_day[n], current.net_by_day[n]);
    if (!change.ok()) return change.status();
    comparison.days.emplace_back(fmt::format("{}", n + 1), *change);
  }
  std::map<std::string, std::pair<Money, Money>> categories;
  for (const auto& [category, net_of] : previous.net_by_category) categories[category].first = net_of;
  for (const auto& [category, net_of] : current.net_by_category) categories[category].second = net_of;
  for (const auto& [category, nets] : categories) {
    Result<MoneyChange> change = MakeChange(nets.first, nets.second);
    if (!change.ok()) return change.status();
    comparison.categories.emplace_back(category, *change);
  }
  return comparison;
}

Result<StallReport> MakeStallReport(LedgerStore& store, const std::string& event_id,
                                    const std::string& stall_id,
                                    const std::function<bool(const EventInfo&)>& visible, TimePoint now) {
  StallReport report;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    return FillStallReport(db, event_id, stall_id, visible, now, report);
  });
  if (!done.ok()) return done;
  return report;
}

Result<HomeReport> MakeHomeReport(LedgerStore& store, const std::function<bool(const EventInfo&)>& visible,
                                  TimePoint now) {
  HomeReport home{now, {}, {}};
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<std::vector<EventInfo>> events = ReadEvents(db, visible);
    if (!events.ok()) return events.status();
    for (EventInfo& event : *events) {
      const std::optional<std::string> today = EventToday(event, now);
      if (!today) {
        home.others.push_back(std::move(event));
        continue;
      }
      OrganiserDayReport day;
      LAPAK_RETURN_IF_ERROR(FillDayReport(db, event.id, *today, now, day));
      EventReport whole;
      LAPAK_RETURN_IF_ERROR(FillEventReport(db, event.id, 0, now, whole));
      TodaySummary summary{std::move(event), *today, 0, 0, day.total, whole.total, whole.stalls, 0,
                           whole.late_stalls};
      summary.day_number = DaysBetween(summary.event.first_day, *today) + 1;
      summary.days = EventLength(summary.event);
      std::set<std::string> with_terminal;
      for (const TerminalSync& terminal : day.terminals) {
        if (!terminal.revoked) with_terminal.insert(terminal.stall_id);
      }
      for (const StallName& late : summary.late_stalls) with_terminal.erase(late.stall_id);
      summary.stalls_reporting = static_cast<int64_t>(with_terminal.size());
      home.today.push_back(std::move(summary));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return home;
}

Result<std::vector<EventInfo>> ListEvents(LedgerStore& store,
                                          const std::function<bool(const EventInfo&)>& visible) {
  std::vector<EventInfo> events;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<std::vector<EventInfo>> read = ReadEvents(db, visible);
    if (!read.ok()) return read.status();
    events = std::move(read).value();
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return events;
}

}  // namespace lapak::ledger
