// The reports (sync/ledger/reports/reports.h) against figures the test works out itself from the
// journal entries the terminals produced (tests/sync/report_scenario.h): the organiser's
// day, the province's event, a period of a province and a comparison of two events, on a
// ledger in SQLite and in PostgreSQL. The expected reports below follow the contracts of
// reports.h and never call the ledger's code; a few figures are also checked against the
// terminals' own day reports and against amounts written in the script.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <tuple>

#include "core/refusal.h"
#include "sync/ledger/reports/report_xlsx.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/regency_codes.h"
#include "tests/support/postgres_database.h"
#include "tests/support/prerequisite.h"
#include "tests/support/process.h"
#include "tests/support/xlsx_cells.h"
#include "tests/sync/report_scenario.h"

namespace lapak::ledger {

// For readable failures.
void PrintTo(const LedgerFigures& f, std::ostream* out) {
  *out << "{sales " << f.sales_count << ", voids " << f.voids_count << ", gross " << f.gross.rupiah()
       << ", voided " << f.voids.rupiah() << ", net " << f.net.rupiah();
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    *out << ", " << method.name << " " << f.by_method[method.method].rupiah();
  }
  *out << "}";
}

namespace {

using namespace std::chrono_literals;
using testing::ReportWorld;
using testing::SaleFact;

constexpr auto kLateAfter = 15min;  // reports.h: silent longer than this while the day runs

const std::function<bool(const EventInfo&)> kEveryEvent = [](const EventInfo&) { return true; };

std::string Show(const std::optional<TimePoint>& time) {
  return time ? std::to_string(time->time_since_epoch().count()) + " ms" : "none";
}

const char* Show(ZState state) {
  switch (state) {
    case ZState::kNotClosed: return "not closed";
    case ZState::kAgrees: return "agrees";
    case ZState::kDiffers: return "differs";
  }
  return "?";
}

// ---- the expected reports, from the tally ---------------------------------------------

std::vector<const SaleFact*> SalesWhere(const ReportWorld& world,
                                        const std::function<bool(const SaleFact&)>& keep) {
  return world.tally().Sales(keep);
}

std::vector<const testing::StallFact*> StallsOf(const ReportWorld& world, const std::string& event_id) {
  std::vector<const testing::StallFact*> stalls;
  for (const testing::StallFact& stall : world.stalls()) {
    if (stall.spec.event_id == event_id) stalls.push_back(&stall);
  }
  std::sort(stalls.begin(), stalls.end(),
            [](const auto* a, const auto* b) { return a->spec.id < b->spec.id; });
  return stalls;
}

// Groups by net, largest first; equal nets by key.
std::vector<GroupRow> ByNet(const std::map<std::string, LedgerFigures>& groups) {
  std::vector<GroupRow> rows;
  for (const auto& [key, figures] : groups) rows.push_back({key, figures});
  std::sort(rows.begin(), rows.end(), [](const GroupRow& a, const GroupRow& b) {
    return a.figures.net != b.figures.net ? a.figures.net > b.figures.net : a.key < b.key;
  });
  return rows;
}

struct ExpectedZ {
  ZState state = ZState::kNotClosed;
  int64_t difference = 0;  // rupiah
  int count = 0;
};

ExpectedZ ZOf(const ReportWorld& world, const std::string& stall_id, const std::string& day) {
  ExpectedZ z;
  bool all_agree = true;
  for (const testing::ZFact& report : world.tally().z_reports()) {
    if (report.stall_id != stall_id || report.business_day != day) continue;
    ++z.count;
    all_agree = all_agree && report.own == report.ledger;
    z.difference += report.own.net.rupiah() - report.ledger.net.rupiah();
  }
  if (z.count > 0) z.state = all_agree ? ZState::kAgrees : ZState::kDiffers;
  return z;
}

// reports.h: not revoked, and never synced, or silent too long while `day` runs without
// having sent that day's Z.
bool Late(const ReportWorld& world, const testing::TerminalFact& terminal, const std::string& day,
          bool day_running, TimePoint now) {
  const std::optional<testing::SyncFact> sync = world.tally().Sync(terminal.id);
  const bool closed = std::any_of(world.tally().z_reports().begin(), world.tally().z_reports().end(),
                                  [&](const testing::ZFact& z) {
                                    return z.terminal_id == terminal.id && z.business_day == day;
                                  });
  return !terminal.revoked &&
         (!sync || (day_running && !closed && now - sync->last_sync_at > kLateAfter));
}

std::vector<TerminalSync> TerminalsOf(const ReportWorld& world, const std::string& event_id,
                                      const std::string& day, bool day_running, TimePoint now) {
  std::vector<TerminalSync> terminals;
  for (const testing::TerminalFact& terminal : world.terminals()) {
    if (terminal.event_id != event_id) continue;
    const std::optional<testing::SyncFact> sync = world.tally().Sync(terminal.id);
    TerminalSync row;
    row.terminal_id = terminal.id;
    row.stall_id = terminal.stall_id;
    row.revoked = terminal.revoked;
    row.entries_held = sync ? sync->hwm : 0;
    if (sync) {
      row.last_sync_at = sync->last_sync_at;
      row.newest_entry_at = sync->newest_entry_at;
    }
    row.late = Late(world, terminal, day, day_running, now);
    terminals.push_back(row);
  }
  std::sort(terminals.begin(), terminals.end(),
            [](const TerminalSync& a, const TerminalSync& b) { return a.terminal_id < b.terminal_id; });
  return terminals;
}

std::string CategoryOf(const ReportWorld& world, const std::string& stall_id) {
  for (const testing::StallFact& stall : world.stalls()) {
    if (stall.spec.id == stall_id) return stall.spec.category;
  }
  return "?";
}

OrganiserDayReport ExpectedDayReport(const ReportWorld& world, const std::string& event_id,
                                     const std::string& day, TimePoint now) {
  OrganiserDayReport report;
  report.event = world.Event(event_id);
  report.business_day = day;
  report.as_of = now;
  const testing::Zone& zone = world.ZoneOf(report.event);
  std::set<std::string> categories;  // every category of the event, sold or not
  for (const testing::StallFact* stall : StallsOf(world, event_id)) {
    StallDayRow row;
    row.stall_id = stall->spec.id;
    row.name = stall->spec.name;
    row.category = stall->spec.category;
    row.figures = testing::FiguresOf(SalesWhere(world, [&](const SaleFact& sale) {
      return sale.stall_id == stall->spec.id && sale.business_day == day;
    }));
    const ExpectedZ z = ZOf(world, stall->spec.id, day);
    row.z_state = z.state;
    row.z_difference = Money::Rupiah(z.difference);
    for (const SaleFact* sale : SalesWhere(world, [&](const SaleFact& sale) {
           return sale.stall_id == stall->spec.id && sale.business_day == day && !sale.voided &&
                  sale.money.qris_shown > 0;
         })) {
      row.qris_shown.sales += 1;
      row.qris_shown.amount = *row.qris_shown.amount.Plus(Money::Rupiah(sale->money.qris_shown));
    }
    categories.insert(row.category);
    report.stalls.push_back(row);
  }
  for (const std::string& category : categories) {
    report.categories.push_back({category, testing::FiguresOf(SalesWhere(world, [&](const SaleFact& sale) {
                                   return sale.event_id == event_id && sale.business_day == day &&
                                          CategoryOf(world, sale.stall_id) == category;
                                 }))});
  }
  for (int i = 0; i < 24; ++i) {
    const int hour = (4 + i) % 24;  // the business day runs from the 04:00 cut-off
    char key[3];
    std::snprintf(key, sizeof key, "%02d", hour);
    report.hours.push_back({key, testing::FiguresOf(SalesWhere(world, [&](const SaleFact& sale) {
                              return sale.event_id == event_id && sale.business_day == day &&
                                     sale.hour == hour;
                            }))});
  }
  report.terminals = TerminalsOf(world, event_id, day, testing::BusinessDayOf(now, zone) == day, now);
  report.total = testing::FiguresOf(SalesWhere(world, [&](const SaleFact& sale) {
    return sale.event_id == event_id && sale.business_day == day;
  }));
  return report;
}

// first_day … last_day and any other day something was sold on, in order.
std::vector<std::string> DaysOf(const ReportWorld& world, const EventInfo& event) {
  std::set<std::string> days;
  for (std::string day = event.first_day; day <= event.last_day; day = testing::DayAfter(day, 1)) {
    days.insert(day);
  }
  for (const SaleFact* sale : SalesWhere(world, [&](const SaleFact& s) { return s.event_id == event.id; })) {
    days.insert(sale->business_day);
  }
  return {days.begin(), days.end()};
}

EventReport ExpectedEventReport(const ReportWorld& world, const std::string& event_id, int top,
                                TimePoint now) {
  EventReport report;
  report.event = world.Event(event_id);
  report.as_of = now;
  const auto of_event = [&](const SaleFact& sale) { return sale.event_id == event_id; };
  report.total = testing::FiguresOf(SalesWhere(world, of_event));
  for (const std::string& day : DaysOf(world, report.event)) {
    report.days.push_back({day, testing::FiguresOf(SalesWhere(world, [&](const SaleFact& sale) {
                             return of_event(sale) && sale.business_day == day;
                           }))});
  }
  std::map<std::string, std::vector<const SaleFact*>> by_category;
  std::map<std::string, std::vector<const SaleFact*>> by_regency;
  std::vector<StallTotal> stalls;
  std::map<std::string, std::string> names;  // stall id → name
  const std::string today = testing::BusinessDayOf(now, world.ZoneOf(report.event));
  const bool running = today >= report.event.first_day && today <= report.event.last_day;
  for (const testing::StallFact* stall : StallsOf(world, event_id)) {
    const std::string regency = stall->spec.regency.empty() ? report.event.regency : stall->spec.regency;
    const std::vector<const SaleFact*> sales =
        SalesWhere(world, [&](const SaleFact& sale) { return sale.stall_id == stall->spec.id; });
    auto& category = by_category[stall->spec.category];
    category.insert(category.end(), sales.begin(), sales.end());
    auto& home = by_regency[regency];
    home.insert(home.end(), sales.begin(), sales.end());
    stalls.push_back({stall->spec.id, stall->spec.name, stall->spec.category, regency,
                      testing::FiguresOf(sales)});
    bool late = false;
    for (const testing::TerminalFact& terminal : world.terminals()) {
      if (terminal.stall_id != stall->spec.id) continue;
      late = late || Late(world, terminal, today, running, now);
    }
    if (late) report.late_stalls.push_back({stall->spec.id, stall->spec.name});
    names[stall->spec.id] = stall->spec.name;
  }
  std::sort(report.late_stalls.begin(), report.late_stalls.end(),
            [](const StallName& a, const StallName& b) { return a.stall_id < b.stall_id; });
  std::map<std::string, LedgerFigures> categories;
  for (const auto& [key, sales] : by_category) categories[key] = testing::FiguresOf(sales);
  std::map<std::string, LedgerFigures> regencies;
  for (const auto& [key, sales] : by_regency) regencies[key] = testing::FiguresOf(sales);
  report.categories = ByNet(categories);
  report.regencies = ByNet(regencies);
  report.stalls = static_cast<int64_t>(stalls.size());
  std::sort(stalls.begin(), stalls.end(), [](const StallTotal& a, const StallTotal& b) {
    return a.figures.net != b.figures.net ? a.figures.net > b.figures.net : a.stall_id < b.stall_id;
  });
  if (stalls.size() > static_cast<size_t>(top)) stalls.resize(static_cast<size_t>(top));
  report.top_stalls = stalls;
  std::set<std::pair<std::string, std::string>> sold_days;
  for (const SaleFact* sale : SalesWhere(world, of_event)) sold_days.insert({sale->stall_id, sale->business_day});
  for (const auto& [stall, day] : sold_days) {
    if (ZOf(world, stall, day).count == 0) report.not_closed.push_back({stall, names[stall], day});
  }
  std::sort(report.not_closed.begin(), report.not_closed.end(), [](const StallDay& a, const StallDay& b) {
    return std::tie(a.business_day, a.stall_id) < std::tie(b.business_day, b.stall_id);
  });
  return report;
}

PeriodReport ExpectedPeriod(const ReportWorld& world, const std::string& province,
                            const std::string& from, const std::string& to,
                            const std::function<bool(const EventInfo&)>& visible, TimePoint now) {
  PeriodReport report{province, from, to, now, {}, {}, {}};
  std::vector<EventInfo> events;
  for (const EventInfo& event : world.events()) {
    if ((province.empty() || event.province == province) && event.first_day <= to &&
        event.last_day >= from && visible(event)) {
      events.push_back(event);
    }
  }
  std::sort(events.begin(), events.end(), [](const EventInfo& a, const EventInfo& b) {
    return a.first_day != b.first_day ? a.first_day < b.first_day : a.id < b.id;
  });
  std::map<std::string, std::vector<const SaleFact*>> by_regency;
  std::vector<const SaleFact*> all;
  for (const EventInfo& event : events) {
    const std::vector<const SaleFact*> sales =
        SalesWhere(world, [&](const SaleFact& sale) { return sale.event_id == event.id; });
    report.events.push_back({event, testing::FiguresOf(sales),
                             static_cast<int64_t>(StallsOf(world, event.id).size())});
    auto& regency = by_regency[event.regency];
    regency.insert(regency.end(), sales.begin(), sales.end());
    all.insert(all.end(), sales.begin(), sales.end());
  }
  std::map<std::string, LedgerFigures> regencies;
  for (const auto& [key, sales] : by_regency) regencies[key] = testing::FiguresOf(sales);
  report.regencies = ByNet(regencies);
  report.total = testing::FiguresOf(all);
  return report;
}

CountChange ExpectedChange(int64_t previous, int64_t current) {
  CountChange change{previous, current, current - previous, std::nullopt};
  if (previous != 0) change.percent = 100.0 * static_cast<double>(current - previous) / static_cast<double>(previous);
  return change;
}

MoneyChange ExpectedChange(Money previous, Money current) {
  const CountChange rupiah = ExpectedChange(previous.rupiah(), current.rupiah());
  return {previous, current, Money::Rupiah(rupiah.difference), rupiah.percent};
}

// net ÷ sales standing, an exact half rounded up (every net here is positive).
Money ExpectedAverage(const LedgerFigures& f) {
  const int64_t standing = f.sales_count - f.voids_count;
  return Money::Rupiah(standing > 0 ? (2 * f.net.rupiah() + standing) / (2 * standing) : 0);
}

int DayCount(const EventInfo& event) {
  int days = 0;
  for (std::string day = event.first_day; day <= event.last_day; day = testing::DayAfter(day, 1)) ++days;
  return days;
}

// reports.h: the first n days of each event, n the fewer of the two events' days begun at
// `now` (all of an event that is over); every figure of those days only.
Comparison ExpectedComparison(const ReportWorld& world, const std::string& current_id,
                              const std::string& previous_id, TimePoint now) {
  Comparison comparison;
  comparison.current = world.Event(current_id);
  comparison.previous = world.Event(previous_id);
  const auto begun = [&](const EventInfo& event) {
    const std::string today = testing::BusinessDayOf(now, world.ZoneOf(event));
    if (today < event.first_day) return 0;
    if (today > event.last_day) return DayCount(event);
    return DayCount(EventInfo{.first_day = event.first_day, .last_day = today});
  };
  const int n = std::min(begun(comparison.current), begun(comparison.previous));
  comparison.days_compared = n;
  comparison.current_day_open = begun(comparison.current) == n && n > 0 &&
                                testing::BusinessDayOf(now, world.ZoneOf(comparison.current)) <=
                                    comparison.current.last_day;
  comparison.previous_day_open = begun(comparison.previous) == n && n > 0 &&
                                 testing::BusinessDayOf(now, world.ZoneOf(comparison.previous)) <=
                                     comparison.previous.last_day;
  const auto on_day = [&](const EventInfo& event, int day) {  // day 0 is the first
    return [&event, date = testing::DayAfter(event.first_day, day)](const SaleFact& sale) {
      return sale.event_id == event.id && sale.business_day == date;
    };
  };
  const auto compared = [&](const EventInfo& event) {
    return SalesWhere(world, [&](const SaleFact& sale) {
      for (int day = 0; day < n; ++day) {
        if (on_day(event, day)(sale)) return true;
      }
      return false;
    });
  };
  const LedgerFigures current = testing::FiguresOf(compared(comparison.current));
  const LedgerFigures previous = testing::FiguresOf(compared(comparison.previous));
  comparison.net = ExpectedChange(previous.net, current.net);
  comparison.sales_count = ExpectedChange(previous.sales_count - previous.voids_count,
                                          current.sales_count - current.voids_count);
  comparison.average_sale = ExpectedChange(ExpectedAverage(previous), ExpectedAverage(current));
  for (int day = 0; day < n; ++day) {
    comparison.days.emplace_back(
        std::to_string(day + 1),
        ExpectedChange(testing::FiguresOf(SalesWhere(world, on_day(comparison.previous, day))).net,
                       testing::FiguresOf(SalesWhere(world, on_day(comparison.current, day))).net));
  }
  std::map<std::string, std::pair<int64_t, int64_t>> categories;  // rupiah
  for (const testing::StallFact& stall : world.stalls()) {
    if (stall.spec.event_id == previous_id || stall.spec.event_id == current_id) categories[stall.spec.category];
  }
  for (const SaleFact* sale : compared(comparison.previous)) {
    categories[CategoryOf(world, sale->stall_id)].first += sale->voided ? 0 : sale->money.total;
  }
  for (const SaleFact* sale : compared(comparison.current)) {
    categories[CategoryOf(world, sale->stall_id)].second += sale->voided ? 0 : sale->money.total;
  }
  for (const auto& [category, nets] : categories) {
    comparison.categories.emplace_back(category,
                                       ExpectedChange(Money::Rupiah(nets.first), Money::Rupiah(nets.second)));
  }
  return comparison;
}

// ---- comparing ------------------------------------------------------------------------

void ExpectGroups(const std::vector<GroupRow>& want, const std::vector<GroupRow>& got,
                  const std::string& what) {
  ASSERT_EQ(want.size(), got.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].key, got[i].key) << what << " row " << i;
    EXPECT_EQ(want[i].figures, got[i].figures) << what << " " << want[i].key;
  }
}

// The same rows in any order (reports.h does not say how a day's categories are ordered).
void ExpectGroupsInAnyOrder(const std::vector<GroupRow>& want, const std::vector<GroupRow>& got,
                            const std::string& what) {
  std::vector<GroupRow> a = want;
  std::vector<GroupRow> b = got;
  const auto by_key = [](const GroupRow& x, const GroupRow& y) { return x.key < y.key; };
  std::sort(a.begin(), a.end(), by_key);
  std::sort(b.begin(), b.end(), by_key);
  ExpectGroups(a, b, what);
}

void ExpectEvent(const EventInfo& want, const EventInfo& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.name, got.name);
  EXPECT_EQ(want.province, got.province);
  EXPECT_EQ(want.regency, got.regency);
  EXPECT_EQ(want.time_zone, got.time_zone);
  EXPECT_EQ(want.first_day, got.first_day);
  EXPECT_EQ(want.last_day, got.last_day);
}

void ExpectTerminals(const std::vector<TerminalSync>& want, const std::vector<TerminalSync>& got,
                     const std::string& what) {
  ASSERT_EQ(want.size(), got.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string where = what + " " + want[i].terminal_id;
    EXPECT_EQ(want[i].terminal_id, got[i].terminal_id) << where;
    EXPECT_EQ(want[i].stall_id, got[i].stall_id) << where;
    EXPECT_EQ(want[i].revoked, got[i].revoked) << where;
    EXPECT_EQ(want[i].entries_held, got[i].entries_held) << where;
    EXPECT_EQ(Show(want[i].last_sync_at), Show(got[i].last_sync_at)) << where << " last sync";
    EXPECT_EQ(Show(want[i].newest_entry_at), Show(got[i].newest_entry_at)) << where << " newest entry";
    EXPECT_EQ(want[i].late, got[i].late) << where << " late";
  }
}

void ExpectDayReport(const OrganiserDayReport& want, const OrganiserDayReport& got) {
  const std::string what = want.event.id + " " + want.business_day;
  ExpectEvent(want.event, got.event);
  EXPECT_EQ(want.business_day, got.business_day);
  EXPECT_EQ(want.as_of, got.as_of) << what;
  ASSERT_EQ(want.stalls.size(), got.stalls.size()) << what;
  for (size_t i = 0; i < want.stalls.size(); ++i) {
    const std::string where = what + " " + want.stalls[i].stall_id;
    EXPECT_EQ(want.stalls[i].stall_id, got.stalls[i].stall_id) << what << " stall " << i;
    EXPECT_EQ(want.stalls[i].name, got.stalls[i].name) << where;
    EXPECT_EQ(want.stalls[i].category, got.stalls[i].category) << where;
    EXPECT_EQ(want.stalls[i].figures, got.stalls[i].figures) << where;
    EXPECT_STREQ(Show(want.stalls[i].z_state), Show(got.stalls[i].z_state)) << where << " Z";
    EXPECT_EQ(want.stalls[i].z_difference, got.stalls[i].z_difference) << where << " Z difference";
    EXPECT_EQ(want.stalls[i].qris_shown.sales, got.stalls[i].qris_shown.sales) << where << " QRIS shown";
    EXPECT_EQ(want.stalls[i].qris_shown.amount, got.stalls[i].qris_shown.amount) << where << " QRIS shown";
  }
  ExpectGroups(want.hours, got.hours, what + " hours");
  ExpectGroupsInAnyOrder(want.categories, got.categories, what + " categories");
  ExpectTerminals(want.terminals, got.terminals, what + " terminals");
  EXPECT_EQ(want.total, got.total) << what << " total";
}

void ExpectEventReport(const EventReport& want, const EventReport& got, const std::string& what) {
  ExpectEvent(want.event, got.event);
  EXPECT_EQ(want.as_of, got.as_of) << what;
  EXPECT_EQ(want.total, got.total) << what << " total";
  ExpectGroups(want.days, got.days, what + " days");
  ExpectGroups(want.categories, got.categories, what + " categories");
  ExpectGroups(want.regencies, got.regencies, what + " regencies");
  ASSERT_EQ(want.top_stalls.size(), got.top_stalls.size()) << what;
  for (size_t i = 0; i < want.top_stalls.size(); ++i) {
    const std::string where = what + " top " + std::to_string(i + 1);
    EXPECT_EQ(want.top_stalls[i].stall_id, got.top_stalls[i].stall_id) << where;
    EXPECT_EQ(want.top_stalls[i].name, got.top_stalls[i].name) << where;
    EXPECT_EQ(want.top_stalls[i].category, got.top_stalls[i].category) << where;
    EXPECT_EQ(want.top_stalls[i].regency, got.top_stalls[i].regency) << where;
    EXPECT_EQ(want.top_stalls[i].figures, got.top_stalls[i].figures) << where;
  }
  EXPECT_EQ(want.stalls, got.stalls) << what << " stalls";
  EXPECT_EQ(want.late_stalls, got.late_stalls) << what << " stalls late";
  EXPECT_EQ(want.not_closed, got.not_closed) << what << " days not closed";
}

template <typename Amount>
void ExpectChange(const Change<Amount>& want, const Change<Amount>& got, const std::string& what) {
  EXPECT_EQ(want.previous, got.previous) << what;
  EXPECT_EQ(want.current, got.current) << what;
  EXPECT_EQ(want.difference, got.difference) << what;
  ASSERT_EQ(want.percent.has_value(), got.percent.has_value()) << what << " percent";
  if (want.percent) {
    EXPECT_NEAR(*want.percent, *got.percent, 1e-9) << what << " percent";
  }
}

void ExpectPeriod(const PeriodReport& want, const PeriodReport& got) {
  const std::string what = "period " + want.province + " " + want.from + ".." + want.to;
  EXPECT_EQ(want.province, got.province) << what;
  EXPECT_EQ(want.from, got.from) << what;
  EXPECT_EQ(want.to, got.to) << what;
  EXPECT_EQ(want.as_of, got.as_of) << what;
  ASSERT_EQ(want.events.size(), got.events.size()) << what;
  for (size_t i = 0; i < want.events.size(); ++i) {
    ExpectEvent(want.events[i].event, got.events[i].event);
    EXPECT_EQ(want.events[i].total, got.events[i].total) << what << " " << want.events[i].event.id;
    EXPECT_EQ(want.events[i].stalls, got.events[i].stalls) << what << " " << want.events[i].event.id;
  }
  ExpectGroups(want.regencies, got.regencies, what + " regencies");
  EXPECT_EQ(want.total, got.total) << what << " total";
}

std::vector<std::string> Keys(const std::vector<GroupRow>& rows) {
  std::vector<std::string> keys;
  for (const GroupRow& row : rows) keys.push_back(row.key);
  return keys;
}

const GroupRow& Row(const std::vector<GroupRow>& rows, const std::string& key) {
  static const GroupRow kMissing{"(missing)", {}};
  auto found = std::find_if(rows.begin(), rows.end(), [&](const GroupRow& row) { return row.key == key; });
  return found == rows.end() ? kMissing : *found;
}

const StallDayRow& Stall(const OrganiserDayReport& report, const std::string& id) {
  static const StallDayRow kMissing{"(missing)", "", "", {}, ZState::kNotClosed, Money(), {}, {}};
  auto found = std::find_if(report.stalls.begin(), report.stalls.end(),
                            [&](const StallDayRow& row) { return row.stall_id == id; });
  return found == report.stalls.end() ? kMissing : *found;
}

const TerminalSync& Terminal(const OrganiserDayReport& report, const std::string& id) {
  static const TerminalSync kMissing = [] {
    TerminalSync missing;
    missing.terminal_id = "(missing)";
    return missing;
  }();
  auto found = std::find_if(report.terminals.begin(), report.terminals.end(),
                            [&](const TerminalSync& row) { return row.terminal_id == id; });
  return found == report.terminals.end() ? kMissing : *found;
}

LedgerFigures Of(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

LedgerFigures Plus(LedgerFigures a, const LedgerFigures& b) {
  EXPECT_TRUE(a.Add(b).ok());
  return a;
}

// Figures in rupiah, the payment methods in the order of kPaymentMethods.
LedgerFigures Figures(int64_t sales, int64_t voided, int64_t gross, int64_t voids, int64_t net,
                      int64_t cash, int64_t qris, int64_t transfer) {
  const auto rp = [](int64_t rupiah) { return Money::Rupiah(rupiah); };
  return {sales, voided, rp(gross), rp(voids), rp(net), {{rp(cash), rp(qris), rp(transfer)}}};
}

TimePoint LocalTime(int year, unsigned month, unsigned day, int hour) {
  return testing::LocalTime(testing::kWib, year, month, day, hour, 0);
}

TimePoint Wib(unsigned day, int hour, int minute) {
  return testing::LocalTime(testing::kWib, 2026, 11, day, hour, minute);
}

// ---- the fixture: one ledger per test, in SQLite or in PostgreSQL ---------------------

class ReportsTest : public ::testing::TestWithParam<sql::Engine> {
 protected:
  void SetUp() override {
    sql::Location where;
    if (GetParam() == sql::Engine::kPostgres) {
      LAPAK_SKIP_UNLESS(test::PostgresAvailable(), "LAPAK_TEST_POSTGRES is not set");
      where.postgres_uri = test::FreshPostgresDatabase();
    } else {
      where.sqlite_path = dir_.File("ledger.db");
    }
    Result<std::unique_ptr<LedgerStore>> opened = LedgerStore::Open(where, true);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    ledger_ = std::move(opened).value();
    ASSERT_EQ(GetParam(), ledger_->engine());
    world_ = std::make_unique<ReportWorld>(*ledger_, dir_.path());
  }

  OrganiserDayReport DayReport(const std::string& event, const std::string& day, TimePoint now) {
    Result<OrganiserDayReport> report = MakeDayReport(*ledger_, event, day, now);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? std::move(report).value() : OrganiserDayReport{};
  }
  EventReport EventOf(const std::string& event, int top, TimePoint now) {
    Result<EventReport> report = MakeEventReport(*ledger_, event, top, now);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? std::move(report).value() : EventReport{};
  }
  // The day report equals the one worked out from the journal; returned for further checks.
  OrganiserDayReport CheckDay(const std::string& event, const std::string& day, TimePoint now) {
    OrganiserDayReport report = DayReport(event, day, now);
    ExpectDayReport(ExpectedDayReport(*world_, event, day, now), report);
    return report;
  }
  EventReport CheckEvent(const std::string& event, int top, TimePoint now) {
    EventReport report = EventOf(event, top, now);
    ExpectEventReport(ExpectedEventReport(*world_, event, top, now), report,
                      event + " top " + std::to_string(top));
    return report;
  }
  // Σ the terminals' own figures of `day` for `stall`.
  LedgerFigures TerminalsOwn(const std::string& stall, const std::string& day) {
    LedgerFigures sum;
    for (const testing::StallFact& fact : world_->stalls()) {
      if (fact.spec.id != stall) continue;
      for (const std::string& terminal : fact.terminals) {
        sum = Plus(sum, Of(world_->TerminalFigures(terminal, day)));
      }
    }
    return sum;
  }

  testing::TempDir dir_;
  std::unique_ptr<LedgerStore> ledger_;
  std::unique_ptr<ReportWorld> world_;
};

TEST_P(ReportsTest, EveryDayReportOfEveryEventEqualsTheJournal) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  for (const EventInfo& event : world_->events()) {
    // The day before and after the event too: a day report shows any day asked for.
    for (std::string day = testing::DayAfter(event.first_day, -1);
         day <= testing::DayAfter(event.last_day, 1); day = testing::DayAfter(day, 1)) {
      SCOPED_TRACE(event.id + " " + day);
      const OrganiserDayReport report = CheckDay(event.id, day, now);
      // Once everything has arrived, each stall's day is what its terminals say it is.
      for (const StallDayRow& stall : report.stalls) {
        EXPECT_EQ(TerminalsOwn(stall.stall_id, day), stall.figures) << stall.stall_id;
      }
    }
  }
  // A few figures straight from the script: the Bakso stall's two terminals on the 20th.
  const OrganiserDayReport day20 = DayReport("semarang-2026", "2026-11-20", now);
  const LedgerFigures& bakso = Stall(day20, "SMG-BKS").figures;
  EXPECT_EQ(8, bakso.sales_count);
  EXPECT_EQ(1, bakso.voids_count);
  EXPECT_EQ(15000 + 30000 + 45000 + 22000 + 18000 + 27000 + 15000 + 60000, bakso.gross.rupiah());
  EXPECT_EQ(22000, bakso.voids.rupiah());
  EXPECT_EQ(15000 + 45000 + 18000 + 27000 + 15000 + 20000, bakso.by_method[PaymentMethod::kCash].rupiah());
  EXPECT_EQ(30000 + 40000, bakso.by_method[PaymentMethod::kQris].rupiah());
  EXPECT_EQ(0, bakso.by_method[PaymentMethod::kTransfer].rupiah());
  EXPECT_EQ(bakso.gross.Minus(bakso.voids), bakso.net);
  EXPECT_EQ(Money(), AverageSale(Stall(day20, "SMG-LRK").figures));
  EXPECT_EQ(LedgerFigures{}, Stall(day20, "SMG-LRK").figures);  // a stall that sold nothing
}

TEST_P(ReportsTest, HoursRunInBusinessDayOrderAndTheNightCountsForTheEvening) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  std::vector<std::string> order;
  for (int hour : {4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                   0,  1,  2,  3}) {
    order.push_back((hour < 10 ? "0" : "") + std::to_string(hour));
  }
  const OrganiserDayReport semarang20 = CheckDay("semarang-2026", "2026-11-20", now);
  EXPECT_EQ(order, Keys(semarang20.hours));
  // 27.000 paid with 30.000 cash at 01:30 WIB on the 21st: the 20th, hour "01".
  const LedgerFigures night = Row(semarang20.hours, "01").figures;
  EXPECT_EQ(Figures(1, 0, 27000, 0, 27000, 27000, 0, 0), night);
  const OrganiserDayReport semarang21 = CheckDay("semarang-2026", "2026-11-21", now);
  EXPECT_EQ(LedgerFigures{}, Row(semarang21.hours, "01").figures);
  // Hour "21" of the 20th: two sales voided later (one in a later batch, one on the next day).
  EXPECT_EQ(Figures(2, 2, 22000 + 175000, 22000 + 175000, 0, 0, 0, 0),
            Row(semarang20.hours, "21").figures);

  // WITA: 00:45 on the 21st is the 20th's hour "00"; 04:30 on the 21st opens the 21st (it
  // would still be the 20th, at 03:30, in WIB).
  const OrganiserDayReport bali20 = CheckDay("denpasar-2026", "2026-11-20", now);
  const OrganiserDayReport bali21 = CheckDay("denpasar-2026", "2026-11-21", now);
  EXPECT_EQ(order, Keys(bali21.hours));
  EXPECT_EQ(Figures(1, 0, 40000, 0, 40000, 40000, 0, 0), Row(bali20.hours, "00").figures);
  EXPECT_EQ(LedgerFigures{}, Row(bali20.hours, "03").figures);
  EXPECT_EQ(Figures(1, 0, 45000, 0, 45000, 45000, 0, 0), Row(bali21.hours, "04").figures);
  LedgerFigures hours;
  for (const GroupRow& row : bali21.hours) hours = Plus(hours, row.figures);
  EXPECT_EQ(bali21.total, hours);
}

TEST_P(ReportsTest, AVoidCountsOnItsSalesDayWhicheverDayAndBatchItComesIn) {
  world_->PlaySemarangDays20And21();
  const TimePoint now = ReportWorld::Day21Evening();
  // SMG-BTK-1 sold 175.000 at 21:00 on the 20th (sent that night) and voided it at 10:00 on
  // the 21st, before the 20th's Z (sent on the 21st).
  const OrganiserDayReport day20 = CheckDay("semarang-2026", "2026-11-20", now);
  EXPECT_EQ(Figures(2, 1, 425000, 175000, 250000, 0, 0, 250000), Stall(day20, "SMG-BTK").figures);
  EXPECT_STREQ("agrees", Show(Stall(day20, "SMG-BTK").z_state));
  const OrganiserDayReport day21 = CheckDay("semarang-2026", "2026-11-21", now);
  EXPECT_EQ(0, Stall(day21, "SMG-BTK").figures.voids_count);
  EXPECT_EQ(320000 + 80000 + 120000, Stall(day21, "SMG-BTK").figures.net.rupiah());
  // SMG-BKS-A's transfer of 22.000 was sent at 21:35, its void at 02:05.
  EXPECT_EQ(1, Stall(day20, "SMG-BKS").figures.voids_count);
  EXPECT_EQ(22000, Stall(day20, "SMG-BKS").figures.voids.rupiah());
  EXPECT_EQ(0, Stall(day20, "SMG-BKS").figures.by_method[PaymentMethod::kTransfer].rupiah());
}

TEST_P(ReportsTest, ALateTerminalIsShownAndItsSalesCountOnceTheyArrive) {
  world_->PlaySemarangDays20And21();
  {
    SCOPED_TRACE("the 21st at 21:30, SMG-KOP-1 silent since 20:00 on the 20th");
    const TimePoint now = ReportWorld::Day21Evening();
    const OrganiserDayReport day21 = CheckDay("semarang-2026", "2026-11-21", now);
    const TerminalSync& coffee = Terminal(day21, "SMG-KOP-1");
    EXPECT_TRUE(coffee.late);
    EXPECT_EQ(Show(Wib(20, 20, 0)), Show(coffee.last_sync_at));
    EXPECT_EQ(Show(Wib(20, 19, 0)), Show(coffee.newest_entry_at));
    EXPECT_EQ(3, coffee.entries_held);  // day open and two sales
    EXPECT_EQ(LedgerFigures{}, Stall(day21, "SMG-KOP").figures);
    EXPECT_TRUE(Terminal(day21, "SMG-LRK-1").late);   // never synced
    EXPECT_FALSE(Terminal(day21, "SMG-BTK-1").late);  // silent 25 minutes, but its Z is in
    EXPECT_FALSE(Terminal(day21, "SMG-BKS-A").late);  // 10 minutes
    const EventReport event = CheckEvent("semarang-2026", 10, now);
    ASSERT_EQ(2u, event.late_stalls.size());
    EXPECT_EQ("SMG-KOP", event.late_stalls[0].stall_id);
    EXPECT_EQ("SMG-LRK", event.late_stalls[1].stall_id);
    // The 20th, asked for on the 21st: its terminals are not "late" for a day gone by, but
    // SMG-KOP-1's newest entry shows how far it got.
    const OrganiserDayReport day20 = CheckDay("semarang-2026", "2026-11-20", now);
    EXPECT_FALSE(Terminal(day20, "SMG-KOP-1").late);
    EXPECT_EQ(Figures(2, 0, 36000, 0, 36000, 12000, 24000, 0), Stall(day20, "SMG-KOP").figures);
    EXPECT_STREQ("not closed", Show(Stall(day20, "SMG-KOP").z_state));
  }
  world_->PlaySemarangDay22();
  {
    SCOPED_TRACE("the 22nd at 21:00, SMG-KOP-1 two days offline");
    const TimePoint now = ReportWorld::BeforeLateArrival();
    const OrganiserDayReport day22 = CheckDay("semarang-2026", "2026-11-22", now);
    EXPECT_TRUE(Terminal(day22, "SMG-KOP-1").late);
    EXPECT_EQ(LedgerFigures{}, Stall(day22, "SMG-KOP").figures);
    for (const char* synced : {"SMG-BKS-A", "SMG-BKS-B", "SMG-BTK-1", "SMG-DWT-1"}) {
      EXPECT_FALSE(Terminal(day22, synced).late) << synced;
    }
    const OrganiserDayReport day21 = CheckDay("semarang-2026", "2026-11-21", now);
    EXPECT_EQ(LedgerFigures{}, Stall(day21, "SMG-KOP").figures);
    EXPECT_LT(*Terminal(day21, "SMG-KOP-1").newest_entry_at, Wib(21, 4, 0));
    CheckDay("semarang-2026", "2026-11-20", now);
    const EventReport event = CheckEvent("semarang-2026", 3, now);
    EXPECT_EQ(2u, event.late_stalls.size());      // SMG-KOP and SMG-LRK
    EXPECT_EQ(4u, event.not_closed.size());  // BKS, BTK, DWT on the 22nd; KOP's Z of the 20th unsent

    // The home page: the event runs, on its third day; its figures of today and so far are
    // the journal's, and it names the two late stalls.
    Result<HomeReport> home = MakeHomeReport(*ledger_, [](const EventInfo&) { return true; }, now);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    const auto running = std::find_if(home->today.begin(), home->today.end(),
                                      [](const TodaySummary& t) { return t.event.id == "semarang-2026"; });
    ASSERT_NE(home->today.end(), running);
    EXPECT_EQ("2026-11-22", running->business_day);
    EXPECT_EQ(3, running->day_number);
    EXPECT_EQ(3, running->days);
    EXPECT_EQ(ExpectedDayReport(*world_, "semarang-2026", "2026-11-22", now).total, running->today);
    const EventReport expected = ExpectedEventReport(*world_, "semarang-2026", 0, now);
    EXPECT_EQ(expected.total, running->so_far);
    EXPECT_EQ(expected.late_stalls, running->late_stalls);
    EXPECT_EQ(expected.stalls, running->stalls);
    EXPECT_EQ(running->stalls - 2, running->stalls_reporting);  // every stall has a terminal
    for (const EventInfo& other : home->others) EXPECT_NE("semarang-2026", other.id);
  }
  world_->PlaySemarangEnd();
  {
    SCOPED_TRACE("the 22nd at 22:12, SMG-KOP-1's batches arrived at 22:00 and 22:01");
    const TimePoint now = ReportWorld::AfterLateArrival();
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22"}) {
      const OrganiserDayReport report = CheckDay("semarang-2026", day, now);
      EXPECT_EQ(TerminalsOwn("SMG-KOP", day), Stall(report, "SMG-KOP").figures) << day;
      EXPECT_STREQ("agrees", Show(Stall(report, "SMG-KOP").z_state)) << day;
      EXPECT_FALSE(Terminal(report, "SMG-KOP-1").late) << day;
      EXPECT_EQ(14, Terminal(report, "SMG-KOP-1").entries_held) << day;
      EXPECT_EQ(Show(Wib(22, 22, 1)), Show(Terminal(report, "SMG-KOP-1").last_sync_at)) << day;
    }
    EXPECT_EQ(36000, Stall(DayReport("semarang-2026", "2026-11-21", now), "SMG-KOP").figures.net.rupiah());
    EXPECT_EQ(48000 + 12000,
              Stall(DayReport("semarang-2026", "2026-11-22", now), "SMG-KOP").figures.net.rupiah());
    const EventReport event = CheckEvent("semarang-2026", 5, now);
    EXPECT_EQ(1u, event.late_stalls.size());      // SMG-LRK, never synced
    EXPECT_EQ(1u, event.not_closed.size());  // SMG-DWT on the 22nd
  }
}

TEST_P(ReportsTest, ZReportsAgreeOrAreNotClosedYet) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  const OrganiserDayReport day22 = CheckDay("semarang-2026", "2026-11-22", now);
  // SMG-BKS-B first sent a Z claiming Rp5.000 more than its entries: refused whole (see
  // SyncForgingLastZ), then its honest Z, which agrees like SMG-BKS-A's.
  EXPECT_STREQ("agrees", Show(Stall(day22, "SMG-BKS").z_state));
  EXPECT_EQ(Money(), Stall(day22, "SMG-BKS").z_difference);
  EXPECT_STREQ("agrees", Show(Stall(day22, "SMG-BTK").z_state));
  EXPECT_STREQ("agrees", Show(Stall(day22, "SMG-KOP").z_state));
  EXPECT_STREQ("not closed", Show(Stall(day22, "SMG-DWT").z_state));
  EXPECT_STREQ("not closed", Show(Stall(day22, "SMG-LRK").z_state));
  // Two Z reports on one day, both agreeing.
  const OrganiserDayReport day21 = CheckDay("semarang-2026", "2026-11-21", now);
  EXPECT_STREQ("agrees", Show(Stall(day21, "SMG-BTK").z_state));
  EXPECT_EQ(2, ZOf(*world_, "SMG-BTK", "2026-11-21").count);
  const OrganiserDayReport day20 = CheckDay("semarang-2026", "2026-11-20", now);
  for (const char* stall : {"SMG-BKS", "SMG-BTK", "SMG-KOP", "SMG-DWT"}) {
    EXPECT_STREQ("agrees", Show(Stall(day20, stall).z_state)) << stall;
  }
  for (const char* day : {"2026-11-19", "2026-11-20", "2026-11-21"}) {
    for (const StallDayRow& stall : CheckDay("denpasar-2026", day, now).stalls) {
      if (stall.figures.sales_count > 0) {
        EXPECT_STREQ("agrees", Show(stall.z_state)) << day << " " << stall.stall_id;
      }
    }
  }
  // BAL-END-1 opened the 20th and closed it without a sale: a Z of zeros agrees.
  const OrganiserDayReport bali20 = DayReport("denpasar-2026", "2026-11-20", now);
  const StallDayRow& empty = Stall(bali20, "BAL-END");
  EXPECT_STREQ("agrees", Show(empty.z_state));
  EXPECT_EQ(LedgerFigures{}, empty.figures);
}

TEST_P(ReportsTest, EventReportsOfTheProvinceEqualTheJournal) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  for (const EventInfo& event : world_->events()) {
    for (int top : {0, 3, 100}) {
      SCOPED_TRACE(event.id + " top " + std::to_string(top));
      CheckEvent(event.id, top, now);
    }
  }
  const EventReport bali = EventOf("denpasar-2026", 100, now);
  std::vector<std::string> top;
  for (const StallTotal& stall : bali.top_stalls) top.push_back(stall.stall_id);
  EXPECT_EQ((std::vector<std::string>{"BAL-UKR", "BAL-BBG", "BAL-END", "BAL-KOP"}), top);
  EXPECT_EQ("Kota Denpasar", bali.top_stalls[2].regency);  // BAL-END has none of its own
  // The trial sale of the 19th is not hidden: its day is listed and counted.
  EXPECT_EQ((std::vector<std::string>{"2026-11-19", "2026-11-20", "2026-11-21"}), Keys(bali.days));
  EXPECT_EQ(35000, Row(bali.days, "2026-11-19").figures.net.rupiah());
  EXPECT_EQ(1500000 + 750000 + 85000 + 170000 + 85000 + 40000 + 45000 + 250000,
            Row(bali.regencies, "Kabupaten Gianyar").figures.net.rupiah());
  EXPECT_EQ(400000, Row(bali.regencies, "Kota Denpasar").figures.net.rupiah());
  EXPECT_EQ(0u, bali.not_closed.size());
  EXPECT_EQ(0u, bali.late_stalls.size());
  EXPECT_EQ(4, bali.stalls);

  const EventReport semarang = EventOf("semarang-2026", 2, now);
  EXPECT_EQ((std::vector<std::string>{"2026-11-20", "2026-11-21", "2026-11-22"}), Keys(semarang.days));
  EXPECT_EQ(2u, semarang.top_stalls.size());
  EXPECT_EQ("SMG-BTK", semarang.top_stalls[0].stall_id);
  EXPECT_EQ(5, semarang.stalls);
  EXPECT_EQ(1u, semarang.late_stalls.size());  // SMG-LRK-1 never synced
  EXPECT_EQ(LedgerFigures{}, Row(semarang.regencies, "Kabupaten Klaten").figures);
  LedgerFigures days;
  for (const GroupRow& day : semarang.days) days = Plus(days, day.figures);
  EXPECT_EQ(semarang.total, days);

  const EventReport magelang = EventOf("magelang-2026", 10, now);
  EXPECT_EQ(LedgerFigures{}, magelang.total);
  EXPECT_EQ(0u, magelang.late_stalls.size());  // its only terminal is revoked: never late
  const OrganiserDayReport magelang_day = CheckDay("magelang-2026", "2026-12-04", LocalTime(2026, 12, 4, 12));
  ASSERT_EQ(1u, magelang_day.terminals.size());
  EXPECT_TRUE(magelang_day.terminals[0].revoked);
  EXPECT_FALSE(magelang_day.terminals[0].late);
  EXPECT_EQ((std::vector<std::string>{"2026-12-04", "2026-12-05"}), Keys(magelang.days));
}

TEST_P(ReportsTest, APeriodTakesTheProvincesEventsInItAndNoOthers) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  struct Case {
    std::string province, from, to;
    std::function<bool(const EventInfo&)> visible;
    std::vector<std::string> events;  // as the script set them up
  };
  const auto not_semarang = [](const EventInfo& event) { return event.id != "semarang-2026"; };
  const std::vector<Case> cases = {
      {"Jawa Tengah", "2026-11-01", "2026-11-30", kEveryEvent, {"solo-2026", "semarang-2026"}},
      {"Jawa Tengah", "2026-11-01", "2026-12-31", kEveryEvent, {"solo-2026", "semarang-2026", "magelang-2026"}},
      {"Jawa Tengah", "2026-11-08", "2026-11-19", kEveryEvent, {}},
      {"Jawa Tengah", "2026-11-22", "2026-11-22", kEveryEvent, {"semarang-2026"}},
      {"Jawa Tengah", "2026-11-07", "2026-11-20", kEveryEvent, {"solo-2026", "semarang-2026"}},
      {"Jawa Tengah", "2026-11-01", "2026-11-30", not_semarang, {"solo-2026"}},
      {"Bali", "2026-11-01", "2026-11-30", kEveryEvent, {"denpasar-2026"}},
      {"", "2026-11-01", "2026-11-30", kEveryEvent, {"solo-2026", "denpasar-2026", "semarang-2026"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.province + " " + c.from + ".." + c.to);
    Result<PeriodReport> got = MakePeriodReport(*ledger_, c.province, c.from, c.to, c.visible, now);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    const PeriodReport want = ExpectedPeriod(*world_, c.province, c.from, c.to, c.visible, now);
    ExpectPeriod(want, *got);
    std::vector<std::string> ids;
    for (const EventSummary& summary : got->events) ids.push_back(summary.event.id);
    EXPECT_EQ(c.events, ids);
  }
  // Jawa Tengah in November: Bali's takings, on the same days, are not in it.
  Result<PeriodReport> java =
      MakePeriodReport(*ledger_, "Jawa Tengah", "2026-11-01", "2026-11-30", kEveryEvent, now);
  ASSERT_TRUE(java.ok());
  const LedgerFigures solo = EventOf("solo-2026", 0, now).total;
  const LedgerFigures semarang = EventOf("semarang-2026", 0, now).total;
  EXPECT_EQ(Plus(solo, semarang), java->total);

  const Status backwards =
      MakePeriodReport(*ledger_, "Bali", "2026-11-30", "2026-11-01", kEveryEvent, now).status();
  EXPECT_EQ(Refusal::kPeriodEndsBeforeStart, backwards.refusal());
  EXPECT_EQ(StatusCode::kInvalidArgument, backwards.code());
  EXPECT_EQ("the period ends (2026-11-01) before it starts (2026-11-30)", backwards.message());
  const Status no_such_day =
      MakePeriodReport(*ledger_, "Bali", "2026-11-31", "2026-12-01", kEveryEvent, now).status();
  EXPECT_EQ(Refusal::kNotAReportDate, no_such_day.refusal());
  EXPECT_EQ("from must be a date written YYYY-MM-DD, not '2026-11-31'", no_such_day.message());
  EXPECT_EQ("Awal periode harus tanggal YYYY-MM-DD, bukan '2026-11-31'",
            Explain(no_such_day, Language::kIndonesian));
}

void ExpectComparison(const Comparison& want, const Comparison& got) {
  ExpectEvent(want.current, got.current);
  ExpectEvent(want.previous, got.previous);
  EXPECT_EQ(want.days_compared, got.days_compared);
  EXPECT_EQ(want.current_day_open, got.current_day_open);
  EXPECT_EQ(want.previous_day_open, got.previous_day_open);
  ExpectChange(want.net, got.net, "net");
  ExpectChange(want.sales_count, got.sales_count, "sales");
  ExpectChange(want.average_sale, got.average_sale, "average sale");
  ASSERT_EQ(want.days.size(), got.days.size());
  for (size_t i = 0; i < want.days.size(); ++i) {
    EXPECT_EQ(want.days[i].first, got.days[i].first);
    ExpectChange(want.days[i].second, got.days[i].second, "day " + want.days[i].first);
  }
  ASSERT_EQ(want.categories.size(), got.categories.size());
  for (size_t i = 0; i < want.categories.size(); ++i) {
    EXPECT_EQ(want.categories[i].first, got.categories[i].first);
    ExpectChange(want.categories[i].second, got.categories[i].second, want.categories[i].first);
  }
}

TEST_P(ReportsTest, AComparisonOfTwoEventsEqualsTheirJournalsOverEqualDays) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  for (const auto& [current, previous] : std::vector<std::pair<std::string, std::string>>{
           {"semarang-2026", "solo-2026"}, {"solo-2026", "semarang-2026"}, {"denpasar-2026", "semarang-2026"},
           {"magelang-2026", "semarang-2026"}}) {
    SCOPED_TRACE(current + " against " + previous);
    Result<Comparison> got = MakeComparison(*ledger_, current, previous, now);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectComparison(ExpectedComparison(*world_, current, previous, now), *got);
  }
  // Solo had two days and sold fashion; Semarang had three and sold kerajinan: their first
  // two days are compared, whatever Semarang took on its third.
  Result<Comparison> got = MakeComparison(*ledger_, "semarang-2026", "solo-2026", now);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(2, got->days_compared);
  EXPECT_FALSE(got->current_day_open);
  EXPECT_FALSE(got->previous_day_open);
  ASSERT_EQ(2u, got->days.size());
  EXPECT_EQ("2", got->days[1].first);
  std::vector<std::string> categories;
  for (const auto& [category, change] : got->categories) categories.push_back(category);
  EXPECT_EQ((std::vector<std::string>{"fashion", "kerajinan", "makanan", "minuman"}), categories);
  EXPECT_EQ(0, got->categories[0].second.current.rupiah());
  EXPECT_EQ(350000 + 150000, got->categories[0].second.previous.rupiah());  // Batik Laweyan, 90.000 voided
  EXPECT_FALSE(got->categories[1].second.percent.has_value());
  const LedgerFigures semarang = EventOf("semarang-2026", 0, now).total;
  EXPECT_LT(got->net.current, semarang.net);  // the 22nd is left out
  // Denpasar's first day is the 20th, whatever was sold on the 19th: its day "1" is the
  // 20th's 85.000 + 170.000 + 85.000 + 40.000 (BAL-BBG) + 35.000 + 70.000 (BAL-KOP) +
  // 1.500.000 (BAL-UKR), against Semarang's 20th.
  Result<Comparison> bali = MakeComparison(*ledger_, "denpasar-2026", "semarang-2026", now);
  ASSERT_TRUE(bali.ok());
  ASSERT_EQ(2u, bali->days.size());
  EXPECT_EQ(85000 + 170000 + 85000 + 40000 + 35000 + 70000 + 1500000, bali->days[0].second.current.rupiah());
  // Solo: 8 sales, 1 voided, net 25.000·2 + 50.000 + 350.000 + 150.000 + 10.000 + 21.000.
  EXPECT_EQ(631000, got->net.previous.rupiah());
  EXPECT_EQ(7, got->sales_count.previous);
  EXPECT_EQ(90143, got->average_sale.previous.rupiah());  // 631.000 / 7 = 90.142,86
  // Magelang sold nothing on its two days: two days of zeros against Semarang's first two.
  Result<Comparison> magelang = MakeComparison(*ledger_, "magelang-2026", "semarang-2026", now);
  ASSERT_TRUE(magelang.ok());
  EXPECT_EQ(2, magelang->days_compared);
  EXPECT_EQ(0, magelang->net.current.rupiah());
}

// While Semarang runs (its second evening), it is set against Solo's first two days, and
// the comparison says its second day is still trading; before Magelang begins, there is
// nothing to compare.
TEST_P(ReportsTest, AComparisonWithARunningEventTakesTheDaysBegunAndSaysWhichIsOpen) {
  world_->PlaySolo();
  world_->PlaySemarangDays20And21();
  const TimePoint now = ReportWorld::Day21Evening();
  Result<Comparison> got = MakeComparison(*ledger_, "semarang-2026", "solo-2026", now);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectComparison(ExpectedComparison(*world_, "semarang-2026", "solo-2026", now), *got);
  EXPECT_EQ(2, got->days_compared);
  EXPECT_TRUE(got->current_day_open);
  EXPECT_FALSE(got->previous_day_open);
  EXPECT_GT(got->days[1].second.current, Money());  // the 21st so far

  Result<Comparison> reversed = MakeComparison(*ledger_, "solo-2026", "semarang-2026", now);
  ASSERT_TRUE(reversed.ok());
  EXPECT_FALSE(reversed->current_day_open);
  EXPECT_TRUE(reversed->previous_day_open);

  Result<Comparison> not_begun = MakeComparison(*ledger_, "magelang-2026", "semarang-2026", now);
  ASSERT_TRUE(not_begun.ok());
  EXPECT_EQ(0, not_begun->days_compared);
  EXPECT_TRUE(not_begun->days.empty());
  EXPECT_EQ(0, not_begun->net.previous.rupiah());
  EXPECT_FALSE(not_begun->previous_day_open);
}

// The workbooks an organiser hands in, read back as a spreadsheet reads them: each stall's
// figures of the day, and each day of the event, equal the terminals' journals.
TEST_P(ReportsTest, TheWorkbooksCellsEqualTheJournals) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  const auto rupiah = [](const nlohmann::json& cell) {
    EXPECT_TRUE(cell.is_object() && cell.contains("number")) << cell.dump();
    return cell.is_object() ? static_cast<int64_t>(cell.value("number", -1.0)) : -1;
  };
  for (const std::string day : {"2026-11-20", "2026-11-21", "2026-11-22"}) {
    SCOPED_TRACE(day);
    Result<OrganiserDayReport> report = MakeDayReport(*ledger_, "semarang-2026", day, now);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    Result<std::string> bytes = ReportXlsx(*report, Language::kIndonesian);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    const nlohmann::json book = testing::ReadXlsx(*bytes);
    const nlohmann::json& stalls = testing::XlsxSheet(book, "Lapak");
    const OrganiserDayReport want = ExpectedDayReport(*world_, "semarang-2026", day, now);
    ASSERT_EQ(want.stalls.size() + 1, stalls["rows"].size());
    for (const StallDayRow& stall : want.stalls) {
      SCOPED_TRACE(stall.stall_id);
      EXPECT_EQ(stall.figures.net.rupiah(), rupiah(testing::XlsxCell(stalls, stall.stall_id, "Bersih")));
      EXPECT_EQ(stall.figures.gross.rupiah(), rupiah(testing::XlsxCell(stalls, stall.stall_id, "Omzet")));
      EXPECT_EQ(stall.figures.sales_count - stall.figures.voids_count,
                rupiah(testing::XlsxCell(stalls, stall.stall_id, "Transaksi sah")));
      EXPECT_EQ(stall.figures.by_method[PaymentMethod::kCash].rupiah(),
                rupiah(testing::XlsxCell(stalls, stall.stall_id, "Tunai")));
      EXPECT_EQ(stall.figures.by_method[PaymentMethod::kQris].rupiah(),
                rupiah(testing::XlsxCell(stalls, stall.stall_id, "QRIS")));
    }
    const nlohmann::json& summary = testing::XlsxSheet(book, "Ringkasan");
    bool net_found = false;
    for (const nlohmann::json& row : summary["rows"]) {
      if (row.size() == 2 && row[0] == nlohmann::json{{"text", "Penjualan bersih"}}) {
        EXPECT_EQ(want.total.net.rupiah(), rupiah(row[1]));
        net_found = true;
      }
    }
    EXPECT_TRUE(net_found) << summary.dump();
  }
  Result<EventReport> event = MakeEventReport(*ledger_, "semarang-2026", 10, now);
  ASSERT_TRUE(event.ok());
  Result<std::string> bytes = ReportXlsx(*event, Language::kIndonesian);
  ASSERT_TRUE(bytes.ok());
  const nlohmann::json event_book = testing::ReadXlsx(*bytes);
  const nlohmann::json& days = testing::XlsxSheet(event_book, "Per hari");
  const EventReport want = ExpectedEventReport(*world_, "semarang-2026", 10, now);
  ASSERT_EQ(want.days.size() + 1, days["rows"].size());
  for (size_t i = 0; i < want.days.size(); ++i) {
    EXPECT_EQ(want.days[i].figures.net.rupiah(), rupiah(days["rows"][i + 1][5])) << want.days[i].key;
  }
}

// A stall's page: each day of the event (and any other day it sold), its hours, terminals
// and total equal its own journal; the Z of each day as the day report says it; and the
// stall at each event it took part in, the reader's events only.
TEST_P(ReportsTest, AStallsReportEqualsItsJournalDayByDayAndEventByEvent) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  const EventInfo& semarang = world_->Event("semarang-2026");
  for (const testing::StallFact* stall : StallsOf(*world_, "semarang-2026")) {
    const std::string& id = stall->spec.id;
    SCOPED_TRACE(id);
    Result<StallReport> got = MakeStallReport(*ledger_, "semarang-2026", id, kEveryEvent, now);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(stall->spec.name, got->name);
    EXPECT_EQ(stall->spec.category, got->category);
    EXPECT_EQ(stall->spec.regency.empty() ? semarang.regency : stall->spec.regency, got->regency);
    const auto of_stall = [&](const SaleFact& sale) { return sale.stall_id == id; };
    EXPECT_EQ(testing::FiguresOf(SalesWhere(*world_, of_stall)), got->total);

    std::set<std::string> days;
    for (int i = 0; i < DayCount(semarang); ++i) days.insert(testing::DayAfter(semarang.first_day, i));
    for (const SaleFact* sale : SalesWhere(*world_, of_stall)) days.insert(sale->business_day);
    ASSERT_EQ(days.size(), got->days.size());
    auto line = got->days.begin();
    for (const std::string& day : days) {
      SCOPED_TRACE(day);
      EXPECT_EQ(day, line->business_day);
      EXPECT_EQ(testing::FiguresOf(SalesWhere(*world_, [&](const SaleFact& sale) {
                  return of_stall(sale) && sale.business_day == day;
                })),
                line->figures);
      const ExpectedZ z = ZOf(*world_, id, day);
      EXPECT_EQ(z.state, line->z_state);
      EXPECT_EQ(z.difference, line->z_difference.rupiah());
      const OrganiserDayReport on_day = DayReport("semarang-2026", day, now);
      EXPECT_EQ(Stall(on_day, id).drawer_over_short, line->drawer_over_short);
      EXPECT_EQ(Stall(on_day, id).cash_moves, line->cash_moves);
      ++line;
    }

    std::vector<GroupRow> hours;
    for (int i = 0; i < 24; ++i) {
      const int hour = (4 + i) % 24;
      const LedgerFigures figures = testing::FiguresOf(SalesWhere(*world_, [&](const SaleFact& sale) {
        return of_stall(sale) && sale.hour == hour;
      }));
      char key[3];
      std::snprintf(key, sizeof key, "%02d", hour);
      if (figures.sales_count != 0) hours.push_back({key, figures});
    }
    ExpectGroups(hours, got->hours, "hours");

    std::vector<std::string> terminals;
    for (const TerminalSync& terminal : TerminalsOf(*world_, "semarang-2026", "", false, now)) {
      if (terminal.stall_id == id) terminals.push_back(terminal.terminal_id);
    }
    std::vector<std::string> got_terminals;
    for (const TerminalSync& terminal : got->terminals) got_terminals.push_back(terminal.terminal_id);
    EXPECT_EQ(terminals, got_terminals);

    std::set<std::string> traded;
    for (const SaleFact* sale : SalesWhere(*world_, of_stall)) traded.insert(sale->business_day);
    ASSERT_EQ(1u, got->events.size());
    EXPECT_EQ("semarang-2026", got->events[0].event.id);
    EXPECT_EQ(got->total, got->events[0].total);
    EXPECT_EQ(static_cast<int64_t>(traded.size()), got->events[0].days_traded);
  }

  // Batik Pekalongan comes to Magelang in December under the same id: its page lists both
  // events, Magelang's with nothing sold yet; a reader of Semarang alone sees Semarang only.
  ASSERT_TRUE(ledger_->AddStall({"SMG-BTK", "magelang-2026"}).ok());
  Result<StallReport> both = MakeStallReport(*ledger_, "magelang-2026", "SMG-BTK", kEveryEvent, now);
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  ASSERT_EQ(2u, both->events.size());
  EXPECT_EQ("semarang-2026", both->events[0].event.id);
  EXPECT_EQ("magelang-2026", both->events[1].event.id);
  EXPECT_EQ(testing::FiguresOf(SalesWhere(*world_, [](const SaleFact& sale) { return sale.stall_id == "SMG-BTK"; })),
            both->events[0].total);
  EXPECT_EQ(LedgerFigures{}, both->events[1].total);
  EXPECT_EQ(0, both->events[1].days_traded);
  EXPECT_EQ(LedgerFigures{}, both->total);
  Result<StallReport> semarang_only = MakeStallReport(
      *ledger_, "semarang-2026", "SMG-BTK", [](const EventInfo& event) { return event.id == "semarang-2026"; }, now);
  ASSERT_TRUE(semarang_only.ok());
  ASSERT_EQ(1u, semarang_only->events.size());

  const Status elsewhere = MakeStallReport(*ledger_, "semarang-2026", "BAL-BBG", kEveryEvent, now).status();
  EXPECT_EQ(Refusal::kStallNotInEvent, elsewhere.refusal());
  EXPECT_EQ(StatusCode::kNotFound, elsewhere.code());
  EXPECT_EQ(StatusCode::kNotFound, MakeStallReport(*ledger_, "jogja-2026", "SMG-BTK", kEveryEvent, now).status().code());
}

// The province export keys each regency where events were held by its official code, and
// refuses, naming them, while a regency has none recorded.
TEST_P(ReportsTest, TheProvinceExportKeysRegenciesByTheirCodeAndEqualsTheJournals) {
  world_->PlayAll();
  const TimePoint now = ReportWorld::AfterEverything();
  const Status missing =
      MakeProvinceExport(*ledger_, "Jawa Tengah", "2026-11-01", "2026-12-31", kEveryEvent, now).status();
  EXPECT_EQ(Refusal::kRegencyCodesMissing, missing.refusal());
  EXPECT_EQ(StatusCode::kFailedPrecondition, missing.code());
  EXPECT_NE(std::string::npos,
            missing.message().find("'Kabupaten Magelang', 'Kota Semarang', 'Kota Surakarta'"))
      << missing.message();

  for (const RegencyCode& regency : {RegencyCode{"Kota Semarang", "3374", "Jawa Tengah"},
                                     RegencyCode{"Kota Surakarta", "3372", "Jawa Tengah"},
                                     RegencyCode{"Kabupaten Magelang", "3380", "Jawa Tengah"},
                                     RegencyCode{"Kabupaten Magelang", "3308", "Jawa Tengah"},  // corrected
                                     RegencyCode{"Kota Denpasar", "5171", "Bali"}}) {
    ASSERT_TRUE(SetRegencyCode(*ledger_, regency).ok()) << regency.name;
  }
  Result<std::vector<RegencyCode>> recorded = ListRegencyCodes(*ledger_);
  ASSERT_TRUE(recorded.ok());
  EXPECT_EQ((std::vector<RegencyCode>{{"Kabupaten Magelang", "3308", "Jawa Tengah"},
                                      {"Kota Surakarta", "3372", "Jawa Tengah"},
                                      {"Kota Semarang", "3374", "Jawa Tengah"},
                                      {"Kota Denpasar", "5171", "Bali"}}),
            *recorded);
  for (const char* code : {"337", "33745", "3300", "9974", "1074", "33a4", ""}) {
    EXPECT_EQ(Refusal::kRegencyCodeMalformed,
              SetRegencyCode(*ledger_, {"Kota Salatiga", code, "Jawa Tengah"}).refusal())
        << code;
  }
  const Status taken = SetRegencyCode(*ledger_, {"Kota Salatiga", "3374", "Jawa Tengah"});
  EXPECT_EQ(Refusal::kRegencyCodeTaken, taken.refusal());
  EXPECT_EQ("regency code 3374 is already recorded for 'Kota Semarang'", taken.message());

  Result<ProvinceExport> java =
      MakeProvinceExport(*ledger_, "Jawa Tengah", "2026-11-01", "2026-12-31", kEveryEvent, now);
  ASSERT_TRUE(java.ok()) << java.status().ToString();
  ASSERT_EQ(3u, java->regencies.size());
  const auto of_event = [&](const std::string& id) {
    return testing::FiguresOf(SalesWhere(*world_, [&](const SaleFact& sale) { return sale.event_id == id; }));
  };
  const RegencyRow& magelang = java->regencies[0];
  EXPECT_EQ("3308", magelang.code);
  EXPECT_EQ("33", magelang.province_code);
  EXPECT_EQ("Jawa Tengah", magelang.province);
  EXPECT_EQ(1, magelang.events);
  EXPECT_EQ(static_cast<int64_t>(StallsOf(*world_, "magelang-2026").size()), magelang.stalls);
  EXPECT_EQ(LedgerFigures{}, magelang.figures);
  EXPECT_EQ("3372", java->regencies[1].code);
  EXPECT_EQ(of_event("solo-2026"), java->regencies[1].figures);
  EXPECT_EQ("3374", java->regencies[2].code);
  EXPECT_EQ("Kota Semarang", java->regencies[2].name);
  EXPECT_EQ(of_event("semarang-2026"), java->regencies[2].figures);
  EXPECT_EQ(static_cast<int64_t>(StallsOf(*world_, "semarang-2026").size()), java->regencies[2].stalls);
  EXPECT_EQ(Plus(of_event("solo-2026"), of_event("semarang-2026")), java->total);

  // A reader who sees Bali alone gets Denpasar's row alone, whatever province it asks for.
  Result<ProvinceExport> bali = MakeProvinceExport(
      *ledger_, "", "2026-11-01", "2026-12-31", [](const EventInfo& event) { return event.province == "Bali"; }, now);
  ASSERT_TRUE(bali.ok());
  ASSERT_EQ(1u, bali->regencies.size());
  EXPECT_EQ("5171", bali->regencies[0].code);
  EXPECT_EQ("51", bali->regencies[0].province_code);
  EXPECT_EQ(of_event("denpasar-2026"), bali->regencies[0].figures);
}

TEST_P(ReportsTest, EventsAreListedByFirstDayAndAnUnknownEventIsNotFound) {
  Result<std::vector<EventInfo>> all = ListEvents(*ledger_, kEveryEvent);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::vector<std::string> ids;
  for (const EventInfo& event : *all) ids.push_back(event.id);
  EXPECT_EQ((std::vector<std::string>{"solo-2026", "denpasar-2026", "semarang-2026", "magelang-2026"}), ids);
  Result<std::vector<EventInfo>> bali =
      ListEvents(*ledger_, [](const EventInfo& event) { return event.province == "Bali"; });
  ASSERT_TRUE(bali.ok());
  ASSERT_EQ(1u, bali->size());
  ExpectEvent(world_->Event("denpasar-2026"), bali->front());

  const TimePoint now = ReportWorld::AfterEverything();
  const Status no_event = MakeDayReport(*ledger_, "jogja-2026", "2026-11-20", now).status();
  EXPECT_EQ(StatusCode::kNotFound, no_event.code());
  EXPECT_EQ(Refusal::kNoSuchEvent, no_event.refusal());
  EXPECT_EQ("there is no event 'jogja-2026'", no_event.message());
  const Status bad_day = MakeDayReport(*ledger_, "semarang-2026", "20-11-2026", now).status();
  EXPECT_EQ(StatusCode::kInvalidArgument, bad_day.code());
  EXPECT_EQ(Refusal::kNotAReportDate, bad_day.refusal());
  EXPECT_EQ("the day must be a date written YYYY-MM-DD, not '20-11-2026'", bad_day.message());
  EXPECT_EQ(StatusCode::kNotFound, MakeEventReport(*ledger_, "jogja-2026", 5, now).status().code());
  EXPECT_EQ(StatusCode::kNotFound, MakeComparison(*ledger_, "semarang-2026", "jogja-2026", now).status().code());
  EXPECT_EQ(StatusCode::kNotFound, MakeComparison(*ledger_, "jogja-2026", "semarang-2026", now).status().code());
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsTest,
                         ::testing::Values(sql::Engine::kSqlite, sql::Engine::kPostgres),
                         [](const ::testing::TestParamInfo<sql::Engine>& engine) {
                           return engine.param == sql::Engine::kSqlite ? "SQLite" : "PostgreSQL";
                         });

}  // namespace
}  // namespace lapak::ledger
