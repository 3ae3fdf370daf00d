// The .xlsx form of the reports (reports.h), for a person who opens them in a spreadsheet and
// hands them in: one workbook per report, one sheet per table, written with libxlsxwriter.
//
//   - The first sheet, "Ringkasan" (Summary), names the report (event, day or period, when
//     it was made and in which time zone) and gives its totals, a label and a value a row.
//   - Each table of the report is a sheet of its own with one header row (bold, frozen, with
//     a filter), the headers in the reader's language from the dashboard's table of texts
//     (web/dashboard_text.h). Sheet names are at most 31 characters (Excel's limit).
//   - Rupiah are number cells in whole rupiah with the format "Rp"#,##0 (negative with a
//     minus); counts are whole numbers; a change in percent is a number cell rounded to
//     hundredths of a percent with the format 0.00%, empty when there is nothing to compare
//     with. Dates are date cells (d mmm yyyy) and times are date-time cells in the event's
//     local time (the header names the zone, "Sinkron terakhir (WIB)").
//   - Text is written as text, never as a formula, whatever it starts with.
//
// Day:        Ringkasan · Lapak (a stall a row, with its Z and drawer) · Per jam · Per
//             kategori · Terminal
// Event:      Ringkasan · Per hari · Per kategori · Per kab-kota asal · Lapak teratas ·
//             Terlambat (late stalls) · Belum tutup (stall-days with sales and no Z)
// Period:     Ringkasan · Acara · Per kab-kota acara
// Comparison: Ringkasan (with the days compared) · Per hari · Per kategori
// Province:   Ringkasan · Per kode wilayah (codes as text: "3374")
// Stall:      Ringkasan · Per hari (with Z and drawer) · Per jam · Dari acara ke acara
#pragma once

#include <string>

#include "core/language.h"
#include "core/status.h"
#include "sync/ledger/reports/reports.h"

namespace lapak::ledger {

// The workbook's bytes. An error only when libxlsxwriter cannot write its temporary files.
[[nodiscard]] Result<std::string> ReportXlsx(const OrganiserDayReport& report, Language lang);
[[nodiscard]] Result<std::string> ReportXlsx(const EventReport& report, Language lang);
[[nodiscard]] Result<std::string> ReportXlsx(const PeriodReport& report, Language lang);
[[nodiscard]] Result<std::string> ReportXlsx(const Comparison& comparison, Language lang);
[[nodiscard]] Result<std::string> ReportXlsx(const ProvinceExport& report, Language lang);
[[nodiscard]] Result<std::string> ReportXlsx(const StallReport& report, Language lang);

}  // namespace lapak::ledger
