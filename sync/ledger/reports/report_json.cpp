// ReportJson and ZStateName: the JSON form of the reports; the shape is in report_formats.h.
#include <nlohmann/json.hpp>

#include "core/business_day.h"
#include "sync/ledger/reports/report_formats.h"

namespace lapak::ledger {

using nlohmann::json;

std::string_view ZStateName(ZState state) {
  switch (state) {
    case ZState::kNotClosed:
      return "not_closed";
    case ZState::kAgrees:
      return "agrees";
    case ZState::kDiffers:
      return "differs";
  }
  return "not_closed";
}

// Each payment method's amount under the method's name.
static json FiguresJson(const LedgerFigures& f) {
  json figures = {{"sales_count", f.sales_count},
                  {"voids_count", f.voids_count},
                  {"transactions", StandingSales(f)},
                  {"gross", f.gross.rupiah()},
                  {"voids", f.voids.rupiah()},
                  {"net", f.net.rupiah()},
                  {"average_sale", AverageSale(f).rupiah()}};
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    figures[std::string(method.name)] = f.by_method[method.method].rupiah();
  }
  return figures;
}

static json EventJson(const EventInfo& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"province", e.province},
          {"regency", e.regency},
          {"time_zone", e.time_zone},
          {"day_cutoff", e.day_cutoff},
          {"first_day", e.first_day},
          {"last_day", e.last_day}};
}

static json TimeJson(const std::optional<TimePoint>& time) {
  return time ? json(FormatUtc(*time)) : json(nullptr);
}

static json TerminalJson(const TerminalSync& t) {
  return {{"terminal_id", t.terminal_id},
          {"stall_id", t.stall_id},
          {"revoked", t.revoked},
          {"late", t.late},
          {"last_sync_at", TimeJson(t.last_sync_at)},
          {"newest_entry_at", TimeJson(t.newest_entry_at)},
          {"entries_held", t.entries_held}};
}

// [{<name>: key, "figures": …}, …]
static json GroupsJson(const std::vector<GroupRow>& rows, const char* name) {
  json list = json::array();
  for (const GroupRow& row : rows)
    list.push_back({{name, row.key}, {"figures", FiguresJson(row.figures)}});
  return list;
}

static int64_t Number(Money amount) { return amount.rupiah(); }
static int64_t Number(int64_t count) { return count; }

template <typename Amount>
static json ChangeJson(const Change<Amount>& c) {
  return {{"previous", Number(c.previous)},
          {"current", Number(c.current)},
          {"difference", Number(c.difference)},
          {"percent", c.percent ? json(*c.percent) : json(nullptr)}};
}

// [{<name>: key, "previous": …, "current": …, "difference": …, "percent": …}, …]
static json ChangesJson(const std::vector<std::pair<std::string, MoneyChange>>& rows, const char* name) {
  json list = json::array();
  for (const auto& [key, change] : rows) {
    json row = ChangeJson(change);
    row[name] = key;
    list.push_back(std::move(row));
  }
  return list;
}

json ReportJson(const OrganiserDayReport& report) {
  json stalls = json::array();
  for (const StallDayRow& s : report.stalls) {
    stalls.push_back({{"stall_id", s.stall_id},
                      {"name", s.name},
                      {"category", s.category},
                      {"figures", FiguresJson(s.figures)},
                      {"z_state", ZStateName(s.z_state)},
                      {"z_difference", s.z_difference.rupiah()},
                      {"cash_in", s.cash_moves.in.rupiah()},
                      {"cash_out", s.cash_moves.out.rupiah()},
                      {"qris_shown", s.qris_shown.amount.rupiah()},
                      {"qris_shown_sales", s.qris_shown.sales},
                      {"drawer_over_short", s.drawer_over_short ? json(s.drawer_over_short->rupiah()) : json(nullptr)}});
  }
  json terminals = json::array();
  for (const TerminalSync& t : report.terminals) terminals.push_back(TerminalJson(t));
  return {{"report", "day"},
          {"version", kReportFormatVersion},
          {"event", EventJson(report.event)},
          {"business_day", report.business_day},
          {"as_of", FormatUtc(report.as_of)},
          {"total", FiguresJson(report.total)},
          {"stalls", std::move(stalls)},
          {"hours", GroupsJson(report.hours, "hour")},
          {"categories", GroupsJson(report.categories, "category")},
          {"terminals", std::move(terminals)}};
}

json ReportJson(const EventReport& report) {
  json top = json::array();
  for (const StallTotal& s : report.top_stalls) {
    top.push_back({{"stall_id", s.stall_id},
                   {"name", s.name},
                   {"category", s.category},
                   {"regency", s.regency},
                   {"figures", FiguresJson(s.figures)}});
  }
  json late = json::array();
  for (const StallName& s : report.late_stalls) late.push_back({{"stall_id", s.stall_id}, {"name", s.name}});
  json not_closed = json::array();
  for (const StallDay& s : report.not_closed) {
    not_closed.push_back({{"stall_id", s.stall_id}, {"name", s.name}, {"day", s.business_day}});
  }
  return {{"report", "event"},
          {"version", kReportFormatVersion},
          {"event", EventJson(report.event)},
          {"as_of", FormatUtc(report.as_of)},
          {"total", FiguresJson(report.total)},
          {"days", GroupsJson(report.days, "day")},
          {"categories", GroupsJson(report.categories, "category")},
          {"regencies", GroupsJson(report.regencies, "regency")},
          {"top_stalls", std::move(top)},
          {"stalls", report.stalls},
          {"stalls_late", report.late_stalls.size()},
          {"days_not_closed", report.not_closed.size()},
          {"late_stalls", std::move(late)},
          {"not_closed", std::move(not_closed)}};
}

json ReportJson(const StallReport& report) {
  json days = json::array();
  for (const StallDayLine& d : report.days) {
    days.push_back({{"day", d.business_day},
                    {"figures", FiguresJson(d.figures)},
                    {"z_state", ZStateName(d.z_state)},
                    {"z_difference", d.z_difference.rupiah()},
                    {"drawer_over_short", d.drawer_over_short ? json(d.drawer_over_short->rupiah()) : json(nullptr)},
                    {"cash_in", d.cash_moves.in.rupiah()},
                    {"cash_out", d.cash_moves.out.rupiah()}});
  }
  json terminals = json::array();
  for (const TerminalSync& t : report.terminals) terminals.push_back(TerminalJson(t));
  json events = json::array();
  for (const StallAtEvent& at : report.events) {
    events.push_back({{"event", EventJson(at.event)}, {"days_traded", at.days_traded}, {"figures", FiguresJson(at.total)}});
  }
  return {{"report", "stall"},
          {"version", kReportFormatVersion},
          {"event", EventJson(report.event)},
          {"stall_id", report.stall_id},
          {"name", report.name},
          {"category", report.category},
          {"regency", report.regency},
          {"as_of", FormatUtc(report.as_of)},
          {"total", FiguresJson(report.total)},
          {"days", std::move(days)},
          {"hours", GroupsJson(report.hours, "hour")},
          {"terminals", std::move(terminals)},
          {"events", std::move(events)}};
}

// The members every report over a period starts with.
static json PeriodJson(const char* name, const std::string& province, const std::string& from,
                       const std::string& to, TimePoint as_of, const LedgerFigures& total) {
  return {{"report", name},
          {"version", kReportFormatVersion},
          {"province", province.empty() ? json(nullptr) : json(province)},
          {"from", from},
          {"to", to},
          {"as_of", FormatUtc(as_of)},
          {"total", FiguresJson(total)}};
}

json ReportJson(const PeriodReport& report) {
  json events = json::array();
  for (const EventSummary& e : report.events) {
    events.push_back(
        {{"event", EventJson(e.event)}, {"stalls", e.stalls}, {"figures", FiguresJson(e.total)}});
  }
  json out = PeriodJson("period", report.province, report.from, report.to, report.as_of, report.total);
  out["events"] = std::move(events);
  out["regencies"] = GroupsJson(report.regencies, "regency");
  return out;
}

json ReportJson(const ProvinceExport& report) {
  json regencies = json::array();
  for (const RegencyRow& r : report.regencies) {
    regencies.push_back({{"code", r.code},
                         {"name", r.name},
                         {"province_code", r.province_code},
                         {"province", r.province},
                         {"events", r.events},
                         {"stalls", r.stalls},
                         {"figures", FiguresJson(r.figures)}});
  }
  json out = PeriodJson("province", report.province, report.from, report.to, report.as_of, report.total);
  out["regencies"] = std::move(regencies);
  return out;
}

json ReportJson(const Comparison& comparison) {
  return {{"report", "comparison"},
          {"version", kReportFormatVersion},
          {"current", EventJson(comparison.current)},
          {"previous", EventJson(comparison.previous)},
          {"days_compared", comparison.days_compared},
          {"current_day_open", comparison.current_day_open},
          {"previous_day_open", comparison.previous_day_open},
          {"net", ChangeJson(comparison.net)},
          {"sales_count", ChangeJson(comparison.sales_count)},
          {"average_sale", ChangeJson(comparison.average_sale)},
          {"days", ChangesJson(comparison.days, "day")},
          {"categories", ChangesJson(comparison.categories, "category")}};
}

}  // namespace lapak::ledger
