// Every text the ledger's web dashboard shows, in Bahasa Indonesia (the default) and English,
// from one table; and how any text goes into a page (HtmlEscape) or a link (UrlEncode).
//
// A few texts are fmt patterns with "{}" holes; their comments below say what fills them.
// Pages ask for Tr(lang, DashText::kNet) in a lapak::Language (core/language.h); nothing on
// a page is spelled elsewhere, but for the payment methods' labels, which are in their own
// list (core/payment_method.h) and asked for with MethodLabel, and refusals, which are rows
// of the one table of refusals and said with Explain (core/refusal.h).
#pragma once

#include <string>
#include <string_view>

#include "core/language.h"
#include "core/payment_method.h"

namespace lapak::ledger {

struct Comparison;

enum class DashText {
  kAppTitle,
  kOtherLanguage,  // the name of the other language, for the switch link
  kEvents,
  kLogIn,
  kLogOut,
  kAccessToken,
  kLoginHint,
  kLoggedInAs,
  kNoEvents,
  kDayReport,
  kPeriod,
  kChoosePeriod,
  kFrom,
  kTo,
  kShow,
  kNet,
  kGross,
  kVoids,
  kVoidsCount,  // {} voided sales
  kSalesCount,
  kAverageSale,
  kGrossColumn,  // the short column headings of tables
  kNetColumn,
  kSalesColumn,
  kAverageColumn,
  kPaymentMethodsHeading,
  kPerHour,
  kPerCategory,
  kPerHomeRegency,   // grouped by the stalls' own (home) regency
  kPerEventRegency,  // grouped by the regency where each event was held
  kPerDay,
  kStall,
  kStalls,
  kCategory,
  kEventRegency,  // the column of the regency where an event was held
  kAllProvinces,
  kDates,
  kTerminal,
  kTerminals,
  kNoTerminals,
  kLastSync,
  kNeverSynced,
  kNewestEntry,
  kEntriesHeld,
  kState,
  kLate,
  kUpToDate,
  kRevoked,
  kZReport,
  kZAgrees,   // the terminal's Z equals the ledger's figures (nothing about the cash)
  kZDiffers,  // {} the difference, e.g. Rp5.000
  kDrawerRight,
  kDrawerShort,  // {} the amount missing from the drawer
  kDrawerOver,   // {} the amount over
  kNotClosed,
  kNoSalesThatDay,
  kCashMoves,
  kQrisShown,  // QRIS paid through the dynamic code the terminal showed
  kTopStalls,
  kAgainstPrevious,
  kCompareWith,
  kEqualDaysNote,     // {0} days compared; {1} event, {2} its days; {3} event, {4} its days
  kDayStillOpen,      // {0} day number, {1} event
  kNothingToCompare,  // no day of one of them has begun
  kPrevious,
  kCurrent,
  kChange,
  kNew,  // a change against zero
  kDownloadCsv,
  kNoSales,
  kLateWarning,           // {0} late terminals, {1} minutes; a list follows
  kStallsLateWarning,     // {0} stalls, {1} minutes; a list follows
  kDaysNotClosedWarning,  // {0} (stall, day) pairs; a list follows
  kAsOf,                  // {} the report's local time
  kNotCountedNote,
  kJustNow,
  kMinutesAgo,  // {} minutes
  kHoursAgo,    // {} hours, {} minutes
  kDaysAgo,     // {} days
  kPreviousDay,
  kNextDay,
  kDayNumber,  // {} 1, 2, … (day of the event)
  kTotal,
  kStallCount,
  kEventsInPeriod,
  kNoEventsInPeriod,
  kUnauthorized,
  kForbidden,
  kNotFound,
  kRefused,
  kBackToEvents,
  kToday,
  kDayOfEvent,  // {0} day number, {1} days of the event
  kNetToday,
  kEventSoFar,
  kStallsReporting,
  kOutOf,  // {0} of {1}
  kOtherEvents,
  kAutoRefresh,
  kTodaysReport,
  kAllSynced,
  kRoleOrganiser,
  kRoleProvince,
  kRoleAdmin,
  // the workbooks' sheets and column headings (reports/report_xlsx.h)
  kDownloadXlsx,
  kSheetSummary,
  kSheetHomeRegency,   // a sheet name: at most 31 characters
  kSheetEventRegency,  // a sheet name: at most 31 characters
  kStallId,
  kEventId,
  kName,
  kProvince,
  kHomeRegency,
  kHour,
  kDayColumn,  // the n-th day of an event
  kVoidsCountColumn,
  kZDiffersColumn,
  kZDifferenceColumn,
  kDrawerColumn,
  kCashIn,
  kCashOut,
  kDifference,
  kDaysCompared,
  kAsOfColumn,
  kYearOnYear,
  kDaysTraded,
  kProvinceExport,
  kSheetRegencyCodes,  // a sheet name: at most 31 characters
  kProvinceCode,
  kRegencyCode,
  kCount,  // not a text: the number of texts
};

const char* Tr(Language lang, DashText text);

// What a comparison covers (reports.h Comparison), in words: "Dibandingkan 2 hari pertama tiap
// acara (…). Penjualan di luar tanggal acara tidak dihitung. Hari ke-2 … masih berjalan: …".
std::string EqualDaysNote(Language lang, const Comparison& comparison);

// "Tunai" / "Cash", "QRIS", "Transfer".
std::string_view MethodLabel(Language lang, PaymentMethod method);

// "Minggu, 22 November 2026" / "Sunday, 22 November 2026" for an ISO date; anything that is
// not a real YYYY-MM-DD date comes back as it was.
std::string LongDate(Language lang, std::string_view iso_date);
// "22 Agu" / "22 Aug"; as LongDate for anything else.
std::string ShortDate(Language lang, std::string_view iso_date);

// For text in HTML or SVG content and in quoted attribute values: & < > " ' as entities.
std::string HtmlEscape(std::string_view text);
// For one path segment or query value: every byte but A-Z a-z 0-9 - . _ ~ as %XX.
std::string UrlEncode(std::string_view text);

}  // namespace lapak::ledger
