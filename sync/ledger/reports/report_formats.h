// The three forms every ledger report (reports.h) is printed in, shared by
// `lapak-ledger report …` and the HTTP API: JSON and CSV for machines, an aligned text table
// for a person. Pure functions: no I/O, no clock; the same struct gives the same bytes.
//
// Format version kReportFormatVersion (JSON carries it as "version"). Version 2: the CSV's
// local times, percents to hundredths and transactions column; a comparison of equal days. Renaming, removing or
// retyping a JSON field or a CSV column, or changing a section's name, raises it; adding a
// field or a trailing CSV column does not.
//
// ---- JSON (report_json.cpp) -------------------------------------------------------------
// Names are English snake_case. Money is integer rupiah; a time is a UTC ISO string
// ("2026-11-22T14:30:00.000Z", FormatUtc) or null; a percent is a number or null. Lists keep
// the order of the struct.
//
//   figures  := {"sales_count", "voids_count", "transactions", "gross", "voids", "net", "cash",
//                "qris", "transfer", "average_sale"}  integers; transactions: StandingSales (the
//                count the pages show), average_sale: AverageSale
//               ("cash", "qris", "transfer": one member per payment method, by its name)
//   event    := {"id", "name", "province", "regency", "time_zone", "first_day", "last_day"}
//   terminal := {"terminal_id", "stall_id", "revoked": bool, "late": bool,
//                "last_sync_at": time|null, "newest_entry_at": time|null, "entries_held": int}
//   change   := "previous", "current", "difference": integers, "percent": number|null
//   z_state  := "not_closed" | "agrees" | "differs"            (ZStateName)
//
//   OrganiserDayReport := {"report": "day", "version", "event": event,
//       "business_day": "YYYY-MM-DD", "as_of": time, "total": figures,
//       "stalls": [{"stall_id", "name", "category", "figures", "z_state",
//                   "z_difference": int (0 unless "differs"), "cash_in", "cash_out": int,
//                   "qris_shown": int (of figures' qris, paid through the dynamic code the
//                   terminal showed; the rest was confirmed by hand), "qris_shown_sales": int,
//                   "drawer_over_short": int|null (counted − expected cash at the day's Z
//                   reports; null before any)}],
//       "hours": [{"hour": "HH" | "?", "figures"}], "categories": [{"category", "figures"}],
//       "terminals": [terminal]}
//   EventReport := {"report": "event", "version", "event", "as_of", "total",
//       "days": [{"day": "YYYY-MM-DD", "figures"}], "categories": [{"category", "figures"}],
//       "regencies": [{"regency", "figures"}],
//       "top_stalls": [{"stall_id", "name", "category", "regency", "figures"}],
//       "stalls", "stalls_late", "days_not_closed": int,
//       "late_stalls": [{"stall_id", "name"}], "not_closed": [{"stall_id", "name", "day"}]}
//   PeriodReport := {"report": "period", "version", "province": string | null (null: every
//       province), "from", "to": "YYYY-MM-DD", "as_of", "total",
//       "events": [{"event", "stalls": int, "figures"}], "regencies": [{"regency", "figures"}]}
//   StallReport := {"report": "stall", "version", "event", "stall_id", "name", "category",
//       "regency", "as_of", "total", "days": [{"day", "figures", "z_state", "z_difference",
//       "drawer_over_short": int|null, "cash_in", "cash_out"}], "hours": [{"hour", "figures"}],
//       "terminals": [terminal], "events": [{"event", "days_traded", "figures"}]}
//   ProvinceExport := {"report": "province", "version", "province": string | null, "from",
//       "to", "as_of", "total", "regencies": [{"code": "3374", "name", "province_code": "33",
//       "province", "events", "stalls": int, "figures"}]}
//   Comparison := {"report": "comparison", "version", "current": event, "previous": event,
//       "days_compared": int (the first n days of each event, reports.h Comparison),
//       "current_day_open", "previous_day_open": bool (its day n is still trading),
//       "net": {change}, "sales_count": {change}, "average_sale": {change}  (of those days),
//       "days": [{"day": "1" | "2" | …, change}], "categories": [{"category", change}]}
//
// ---- CSV (report_csv.cpp) ---------------------------------------------------------------
// RFC 4180 (core/csv.h AppendCsvRecord): UTF-8, LF line ends, a header row first, then one
// record per row; for scripts (a person opens the .xlsx, report_xlsx.h). A file holds one
// report; each table of it is a section, named in the first column `section` so that a
// script can filter on it. A column that does not apply to a section is empty. Money is
// integer rupiah; booleans "true" / "false"; a time is in the event's local time with its
// offset ("2026-11-22T19:05:00+07:00", BusinessCalendar::LocalIso) or empty; a percent a
// number with '.' and at most 2 decimals ("12.5", "33.33") or empty. The figures (F,
// z_difference, cash_in, cash_out, qris_shown, qris_shown_sales, stalls, stalls_late,
// days_not_closed, entries_held, drawer_over_short, previous, current, difference, percent)
// are number cells, written as they are ("-5000"); every other cell is text, and a text that
// would start a spreadsheet formula gets a "'" in front ("'=SUM(A1)", core/csv.h).
//
//   F := sales_count,voids_count,transactions,gross,voids,net,cash,qris,transfer,average_sale
//        (transactions: StandingSales, the count the pages show)
//        (cash,qris,transfer: one column per payment method, by its name, in the list's order)
//
//   OrganiserDayReport: section,key,name,category,F,z_state,z_difference,cash_in,cash_out,
//                       stall_id,revoked,late,last_sync_at,newest_entry_at,entries_held,
//                       qris_shown,qris_shown_sales,drawer_over_short
//     stall     key: stall id; name, category, F, z_state, z_difference, cash_in, cash_out,
//               qris_shown, qris_shown_sales, drawer_over_short (empty before any Z)
//     hour      key: "HH" or "?"; F
//     category  key: category; F
//     terminal  key: terminal id; stall_id, revoked, late, last_sync_at, newest_entry_at,
//               entries_held
//     total     F
//   EventReport: section,key,name,category,regency,F,stalls,stalls_late,days_not_closed
//     day       key: YYYY-MM-DD; F
//     category  key: category; F
//     regency   key: regency; F
//     stall     key: stall id; name, category, regency, F          (the top stalls, in order)
//     total     F, stalls, stalls_late, days_not_closed
//   PeriodReport: section,key,name,province,regency,first_day,last_day,stalls,F
//     event     key: event id; name, province, regency, first_day, last_day, stalls, F
//     regency   key: regency; F
//     total     F
//   StallReport: section,key,name,F,z_state,z_difference,drawer_over_short,cash_in,cash_out,
//                days_traded
//     day       key: YYYY-MM-DD; F, z_state, z_difference, drawer_over_short, cash_in, cash_out
//     hour      key: "HH"; F
//     event     key: event id; name, F, days_traded      (the stall event by event)
//     total     key: stall id; name, F
//   ProvinceExport: one flat table, as the regional Satu Data portals publish theirs (no
//     section column; names in Indonesian snake_case, one row per regency by its code):
//     kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,periode_dari,
//     periode_sampai,jumlah_acara,jumlah_lapak,jumlah_transaksi,jumlah_pembatalan,omzet,
//     pembatalan,penjualan_bersih,cash,qris,transfer,satuan ("rupiah"); codes are text
//     ("33", "3374"), the counts and rupiah numbers.
//   Comparison: section,key,previous,current,difference,percent
//     scope     key: days_compared (previous, current: n) | day_open (previous, current:
//               1 when that event's day n is still trading, else 0)
//     total     key: net | sales_count | average_sale   (of the days compared)
//     day       key: "1", "2", … (the n-th day of each event)
//     category  key: category
//
// ---- Text (report_table.cpp) ------------------------------------------------------------
// For a terminal in a monospace font, not for parsing. A title line (event, day, when the
// report was made), then the warnings ("PERINGATAN: 2 terminal belum sinkron: T3 (terakhir
// 14:02), T9 (belum pernah)"), then the tables, each under a heading. Headings in Bahasa
// Indonesia, with a short English gloss in parentheses under them where useful. Money as
// FormatMoney ("Rp20.000"), right-aligned; changes signed ("+Rp5.000", "+12,5%", "baru" against
// nothing); column widths from the content in code points.
// Times in the event's local time: "14:02" on the day the report was made, else
// "2026-11-21 14:02"; the zone is named once, on the title line. Hours without sales or voids
// are left out of the hour table; every other row of the struct is shown.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "sync/ledger/reports/reports.h"

namespace lapak::ledger {

inline constexpr int kReportFormatVersion = 2;

// "not_closed", "agrees", "differs".
std::string_view ZStateName(ZState state);

nlohmann::json ReportJson(const OrganiserDayReport& report);
nlohmann::json ReportJson(const EventReport& report);
nlohmann::json ReportJson(const PeriodReport& report);
nlohmann::json ReportJson(const Comparison& comparison);
nlohmann::json ReportJson(const ProvinceExport& report);
nlohmann::json ReportJson(const StallReport& report);

std::string ReportCsv(const OrganiserDayReport& report);
std::string ReportCsv(const EventReport& report);
std::string ReportCsv(const PeriodReport& report);
std::string ReportCsv(const Comparison& comparison);
std::string ReportCsv(const ProvinceExport& report);
std::string ReportCsv(const StallReport& report);

std::string ReportTable(const OrganiserDayReport& report);
std::string ReportTable(const EventReport& report);
std::string ReportTable(const PeriodReport& report);
std::string ReportTable(const Comparison& comparison);
std::string ReportTable(const ProvinceExport& report);
std::string ReportTable(const StallReport& report);

}  // namespace lapak::ledger
