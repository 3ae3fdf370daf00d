#include "sync/ledger/web/dashboard_text.h"

#include <fmt/core.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>

#include "core/business_day.h"
#include "sync/ledger/reports/reports.h"

namespace lapak::ledger {

namespace {

struct Entry {
  DashText text;
  const char* indonesian;
  const char* english;
};

// In the order of the enum; the static_asserts below keep the two in step.
constexpr std::array kTable = {
    Entry{DashText::kAppTitle, "Lapak — laporan bazar", "Lapak — bazaar reports"},
    Entry{DashText::kOtherLanguage, "English", "Bahasa Indonesia"},
    Entry{DashText::kEvents, "Acara", "Events"},
    Entry{DashText::kLogIn, "Masuk", "Log in"},
    Entry{DashText::kLogOut, "Keluar", "Log out"},
    Entry{DashText::kAccessToken, "Token akses", "Access token"},
    Entry{DashText::kLoginHint, "Masukkan token akses dari panitia atau Dinas.",
          "Enter the access token the organisers or the provincial office gave you."},
    Entry{DashText::kLoggedInAs, "Masuk sebagai", "Logged in as"},
    Entry{DashText::kNoEvents, "Belum ada acara yang dapat Anda lihat.",
          "There are no events you can see yet."},
    Entry{DashText::kDayReport, "Laporan harian", "Day report"},
    Entry{DashText::kPeriod, "Laporan periode", "Period report"},
    Entry{DashText::kChoosePeriod, "Pilih periode", "Choose a period"},
    Entry{DashText::kFrom, "Dari", "From"},
    Entry{DashText::kTo, "Sampai", "To"},
    Entry{DashText::kShow, "Tampilkan", "Show"},
    Entry{DashText::kNet, "Penjualan bersih", "Net sales"},
    Entry{DashText::kGross, "Omzet (penjualan kotor)", "Gross sales"},
    Entry{DashText::kVoids, "Pembatalan", "Voids"},
    Entry{DashText::kVoidsCount, "{} transaksi dibatalkan", "{} sales voided"},
    Entry{DashText::kSalesCount, "Transaksi sah (tanpa yang dibatalkan)", "Sales that stand (voids left out)"},
    Entry{DashText::kAverageSale, "Rata-rata transaksi", "Average sale"},
    Entry{DashText::kGrossColumn, "Omzet", "Gross"},
    Entry{DashText::kNetColumn, "Bersih", "Net"},
    Entry{DashText::kSalesColumn, "Transaksi sah", "Sales (standing)"},
    Entry{DashText::kAverageColumn, "Rata-rata", "Average"},
    Entry{DashText::kPaymentMethodsHeading, "Cara bayar", "Payment methods"},
    Entry{DashText::kPerHour, "Per jam", "By hour"},
    Entry{DashText::kPerCategory, "Per kategori", "By category"},
    Entry{DashText::kPerHomeRegency, "Per kabupaten/kota asal lapak", "By the home regency or city of the stalls"},
    Entry{DashText::kPerEventRegency, "Per kabupaten/kota tempat acara",
          "By the regency or city where each event was held"},
    Entry{DashText::kPerDay, "Per hari", "By day"},
    Entry{DashText::kStall, "Lapak", "Stall"},
    Entry{DashText::kStalls, "Lapak", "Stalls"},
    Entry{DashText::kCategory, "Kategori", "Category"},
    Entry{DashText::kEventRegency, "Tempat acara", "Where held"},
    Entry{DashText::kAllProvinces, "Semua provinsi", "All provinces"},
    Entry{DashText::kDates, "Tanggal", "Dates"},
    Entry{DashText::kTerminal, "Terminal", "Terminal"},
    Entry{DashText::kTerminals, "Terminal", "Terminals"},
    Entry{DashText::kNoTerminals, "Belum ada terminal yang terdaftar.",
          "No terminals are enrolled yet."},
    Entry{DashText::kLastSync, "Sinkron terakhir", "Last sync"},
    Entry{DashText::kNeverSynced, "Belum pernah sinkron", "Never synced"},
    Entry{DashText::kNewestEntry, "Transaksi terbaru diterima", "Newest sale received"},
    Entry{DashText::kEntriesHeld, "Entri diterima", "Entries received"},
    Entry{DashText::kState, "Keadaan", "State"},
    Entry{DashText::kLate, "Terlambat", "Late"},
    Entry{DashText::kUpToDate, "Lancar", "Up to date"},
    Entry{DashText::kRevoked, "Dicabut", "Revoked"},
    Entry{DashText::kZReport, "Tutup hari (Z)", "Day close (Z)"},
    Entry{DashText::kZAgrees, "Terminal dan ledger cocok", "Terminal and ledger agree"},
    Entry{DashText::kZDiffers, "Terminal dan ledger selisih {}", "Terminal and ledger differ by {}"},
    Entry{DashText::kDrawerRight, "Laci pas", "Drawer right"},
    Entry{DashText::kDrawerShort, "Laci kurang {}", "Drawer short by {}"},
    Entry{DashText::kDrawerOver, "Laci lebih {}", "Drawer over by {}"},
    Entry{DashText::kNotClosed, "Belum tutup", "Not closed yet"},
    Entry{DashText::kNoSalesThatDay, "Tidak ada penjualan", "No sales"},
    Entry{DashText::kCashMoves, "Kas masuk/keluar", "Cash in/out"},
    Entry{DashText::kQrisShown, "QRIS dengan kode", "QRIS via the code shown"},
    Entry{DashText::kTopStalls, "Lapak teratas", "Top stalls"},
    Entry{DashText::kAgainstPrevious, "Dibanding acara sebelumnya", "Against the previous event"},
    Entry{DashText::kCompareWith, "Bandingkan dengan", "Compare with"},
    Entry{DashText::kEqualDaysNote,
          "Dibandingkan {0} hari pertama tiap acara ({1}: {2} hari; {3}: {4} hari). Penjualan di "
          "luar tanggal acara tidak dihitung.",
          "Comparing the first {0} days of each event ({1}: {2} days; {3}: {4} days). Sales "
          "outside the dates of an event are not counted."},
    Entry{DashText::kDayStillOpen, "Hari ke-{0} {1} masih berjalan: angkanya belum final.",
          "Day {0} of {1} is still under way: its figures are not final."},
    Entry{DashText::kNothingToCompare,
          "Belum ada hari untuk dibandingkan: salah satu acara belum dimulai.",
          "There is no day to compare yet: one of the events has not begun."},
    Entry{DashText::kPrevious, "Sebelumnya", "Previous"},
    Entry{DashText::kCurrent, "Acara ini", "This event"},
    Entry{DashText::kChange, "Perubahan", "Change"},
    Entry{DashText::kNew, "baru", "new"},
    Entry{DashText::kDownloadCsv, "Unduh CSV", "Download CSV"},
    Entry{DashText::kNoSales, "Belum ada penjualan", "No sales yet"},
    Entry{DashText::kLateWarning,
          "{0} terminal belum sinkron lebih dari {1} menit. Penjualan yang belum mereka kirim "
          "belum terhitung di laporan ini:",
          "Terminals silent for more than {1} minutes: {0}. Sales they have not sent are not in "
          "this report:"},
    Entry{DashText::kStallsLateWarning,
          "{0} lapak punya terminal yang belum sinkron lebih dari {1} menit: angka di bawah "
          "belum lengkap.",
          "Stalls with a terminal silent for more than {1} minutes: {0}. The figures below are "
          "not complete."},
    Entry{DashText::kDaysNotClosedWarning,
          "{0} hari-lapak ada penjualan tetapi belum tutup (belum ada laporan Z):",
          "Stall-days with sales but no day close (Z report) yet: {0}."},
    Entry{DashText::kAsOf, "Data per {}", "Figures as of {}"},
    Entry{DashText::kNotCountedNote,
          "Transaksi yang dicatat terminal setelah sinkron terakhirnya belum terhitung.",
          "Sales rung on a terminal after its last sync are not counted yet."},
    Entry{DashText::kJustNow, "baru saja", "just now"},
    Entry{DashText::kMinutesAgo, "{} menit lalu", "{} min ago"},
    Entry{DashText::kHoursAgo, "{} jam {} menit lalu", "{} h {} min ago"},
    Entry{DashText::kDaysAgo, "{} hari lalu", "{} days ago"},
    Entry{DashText::kPreviousDay, "‹ Hari sebelumnya", "‹ Previous day"},
    Entry{DashText::kNextDay, "Hari berikutnya ›", "Next day ›"},
    Entry{DashText::kDayNumber, "Hari ke-{}", "Day {}"},
    Entry{DashText::kTotal, "Total", "Total"},
    Entry{DashText::kStallCount, "Jumlah lapak", "Stalls"},
    Entry{DashText::kEventsInPeriod, "Acara dalam periode ini", "Events in this period"},
    Entry{DashText::kNoEventsInPeriod, "Tidak ada acara dalam periode ini.",
          "There are no events in this period."},
    Entry{DashText::kUnauthorized, "Silakan masuk dulu", "Please log in"},
    Entry{DashText::kForbidden, "Anda tidak punya akses ke halaman ini",
          "You have no access to this page"},
    Entry{DashText::kNotFound, "Halaman tidak ditemukan", "Page not found"},
    Entry{DashText::kRefused, "Permintaan ditolak", "Request refused"},
    Entry{DashText::kBackToEvents, "Kembali ke daftar acara", "Back to the events"},
    Entry{DashText::kToday, "Hari ini", "Today"},
    Entry{DashText::kDayOfEvent, "Hari ke-{0} dari {1}", "Day {0} of {1}"},
    Entry{DashText::kNetToday, "Penjualan bersih hari ini", "Net sales today"},
    Entry{DashText::kEventSoFar, "Seluruh acara sejauh ini", "The whole event so far"},
    Entry{DashText::kStallsReporting, "Lapak sudah sinkron", "Stalls synced"},
    Entry{DashText::kOutOf, "{0} dari {1}", "{0} of {1}"},
    Entry{DashText::kOtherEvents, "Acara lain", "Other events"},
    Entry{DashText::kAutoRefresh, "Halaman ini memperbarui dirinya tiap menit.",
          "This page refreshes itself every minute."},
    Entry{DashText::kTodaysReport, "Laporan hari ini", "Report of the day"},
    Entry{DashText::kAllSynced, "Semua lapak sudah sinkron.", "Every stall has synced."},
    Entry{DashText::kRoleOrganiser, "panitia", "organiser"},
    Entry{DashText::kRoleProvince, "Dinas provinsi", "provincial office"},
    Entry{DashText::kRoleAdmin, "admin", "admin"},
    Entry{DashText::kDownloadXlsx, "Unduh Excel (.xlsx)", "Download Excel (.xlsx)"},
    Entry{DashText::kSheetSummary, "Ringkasan", "Summary"},
    Entry{DashText::kSheetHomeRegency, "Per kab-kota asal", "By home regency"},
    Entry{DashText::kSheetEventRegency, "Per kab-kota acara", "By event regency"},
    Entry{DashText::kStallId, "ID lapak", "Stall id"},
    Entry{DashText::kEventId, "ID acara", "Event id"},
    Entry{DashText::kName, "Nama", "Name"},
    Entry{DashText::kProvince, "Provinsi", "Province"},
    Entry{DashText::kHomeRegency, "Kabupaten/kota asal", "Home regency or city"},
    Entry{DashText::kHour, "Jam", "Hour"},
    Entry{DashText::kDayColumn, "Hari ke-", "Day of the event"},
    Entry{DashText::kVoidsCountColumn, "Transaksi dibatalkan", "Sales voided"},
    Entry{DashText::kZDiffersColumn, "Terminal dan ledger selisih", "Terminal and ledger differ"},
    Entry{DashText::kZDifferenceColumn, "Selisih Z (terminal − ledger)", "Z difference (terminal − ledger)"},
    Entry{DashText::kDrawerColumn, "Laci lebih (+) / kurang (−)", "Drawer over (+) / short (−)"},
    Entry{DashText::kCashIn, "Kas masuk", "Cash in"},
    Entry{DashText::kCashOut, "Kas keluar", "Cash out"},
    Entry{DashText::kDifference, "Selisih", "Difference"},
    Entry{DashText::kDaysCompared, "Hari yang dibandingkan", "Days compared"},
    Entry{DashText::kAsOfColumn, "Data per", "Figures as of"},
    Entry{DashText::kYearOnYear, "Dari acara ke acara", "Event by event"},
    Entry{DashText::kDaysTraded, "Hari berjualan", "Days traded"},
    Entry{DashText::kProvinceExport, "Data per kode wilayah (Satu Data)", "Figures by regency code (Satu Data)"},
    Entry{DashText::kSheetRegencyCodes, "Per kode wilayah", "By regency code"},
    Entry{DashText::kProvinceCode, "Kode provinsi", "Province code"},
    Entry{DashText::kRegencyCode, "Kode kabupaten/kota", "Regency code"},
};
static_assert(kTable.size() == static_cast<size_t>(DashText::kCount), "one entry per DashText");

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<size_t>(kTable[i].text) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "kTable follows the order of enum DashText");

constexpr std::array<const char*, 7> kWeekdaysId = {"Minggu", "Senin", "Selasa", "Rabu",
                                                    "Kamis",  "Jumat", "Sabtu"};
constexpr std::array<const char*, 7> kWeekdaysEn = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonthsId = {"Januari",   "Februari", "Maret",    "April",
                                                   "Mei",       "Juni",     "Juli",     "Agustus",
                                                   "September", "Oktober",  "November", "Desember"};
constexpr std::array<const char*, 12> kMonthsEn = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
constexpr std::array<const char*, 12> kShortMonthsId = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                                        "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
constexpr std::array<const char*, 12> kShortMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The day of a real YYYY-MM-DD date, or none.
std::optional<std::chrono::sys_days> ParseIsoDay(std::string_view iso_date) {
  if (!IsIsoDate(iso_date)) return std::nullopt;
  const auto number = [&](size_t at, size_t length) {
    unsigned value = 0;
    for (char c : iso_date.substr(at, length)) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
  };
  return std::chrono::sys_days{std::chrono::year{static_cast<int>(number(0, 4))} /
                               std::chrono::month{number(5, 2)} / std::chrono::day{number(8, 2)}};
}

}  // namespace

const char* Tr(Language lang, DashText text) {
  const Entry& entry = kTable[static_cast<size_t>(text)];
  return lang == Language::kEnglish ? entry.english : entry.indonesian;
}

std::string_view MethodLabel(Language lang, PaymentMethod method) {
  const PaymentMethodInfo& info = InfoOf(method);
  return lang == Language::kEnglish ? info.label_en : info.label_id;
}

std::string EqualDaysNote(Language lang, const Comparison& comparison) {
  if (comparison.days_compared == 0) return Tr(lang, DashText::kNothingToCompare);
  std::string note =
      fmt::format(fmt::runtime(Tr(lang, DashText::kEqualDaysNote)), comparison.days_compared,
                  comparison.current.name, EventLength(comparison.current), comparison.previous.name,
                  EventLength(comparison.previous));
  for (const auto& [open, event] : {std::pair{comparison.current_day_open, &comparison.current},
                                    std::pair{comparison.previous_day_open, &comparison.previous}}) {
    if (open) {
      note += " " + fmt::format(fmt::runtime(Tr(lang, DashText::kDayStillOpen)),
                                comparison.days_compared, event->name);
    }
  }
  return note;
}

std::string LongDate(Language lang, std::string_view iso_date) {
  const auto day = ParseIsoDay(iso_date);
  if (!day) return std::string(iso_date);
  const std::chrono::year_month_day date{*day};
  const unsigned weekday = std::chrono::weekday{*day}.c_encoding();
  const unsigned month = static_cast<unsigned>(date.month()) - 1;
  const auto& weekdays = lang == Language::kEnglish ? kWeekdaysEn : kWeekdaysId;
  const auto& months = lang == Language::kEnglish ? kMonthsEn : kMonthsId;
  return fmt::format("{}, {} {} {}", weekdays[weekday], static_cast<unsigned>(date.day()),
                     months[month], static_cast<int>(date.year()));
}

std::string ShortDate(Language lang, std::string_view iso_date) {
  const auto day = ParseIsoDay(iso_date);
  if (!day) return std::string(iso_date);
  const std::chrono::year_month_day date{*day};
  const auto& months = lang == Language::kEnglish ? kShortMonthsEn : kShortMonthsId;
  return fmt::format("{} {}", static_cast<unsigned>(date.day()),
                     months[static_cast<unsigned>(date.month()) - 1]);
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace lapak::ledger
