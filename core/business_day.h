// Business days: which day's books a moment belongs to.
//
// An event names an IANA time zone (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura WIT)
// and a day cut-off (default 04:00). A moment's business day is the local date of
// (local time − cut-off): with a 04:00 cut-off a sale at 01:30 on the 23rd belongs to the
// 22nd, so a night bazaar's late sales count for the evening they started.
// Days are written as ISO dates, "2026-11-22".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace date {
class time_zone;
}

namespace lapak {

inline constexpr std::string_view kDefaultTimeZone = "Asia/Jakarta";

// Indonesia's three time zones by the names people use, with their IANA names.
struct IndonesianZone {
  std::string_view abbreviation;  // "WIB"
  std::string_view iana;          // "Asia/Jakarta"
};
inline constexpr IndonesianZone kIndonesianZones[] = {
    {"WIB", "Asia/Jakarta"}, {"WITA", "Asia/Makassar"}, {"WIT", "Asia/Jayapura"}};

// The IANA name for "WIB", "WITA" or "WIT" (any case); any other `zone` as given. What the
// command lines do with --tz, as the touchscreen offers the three by those names.
std::string IanaZoneName(std::string_view zone);
inline constexpr std::string_view kDefaultDayCutoff = "04:00";

class BusinessCalendar {
 public:
  // `zone` must name a zone in the system's tz database; `cutoff` is "HH:MM" from 00:00 to
  // 23:59.
  [[nodiscard]] static Result<BusinessCalendar> Make(std::string_view zone,
                                                     std::string_view cutoff);

  std::string BusinessDay(TimePoint utc) const;
  // Local wall time with the zone's abbreviation: "2026-11-22 19:05 WIB".
  std::string LocalTime(TimePoint utc) const;
  // Local time to the second with its offset from UTC, ISO 8601: "2026-11-22T19:05:00+07:00".
  std::string LocalIso(TimePoint utc) const;
  // The local hour, 0-23.
  int LocalHour(TimePoint utc) const;
  // The hour the business day starts at (the cut-off's hour).
  int FirstHour() const { return static_cast<int>(cutoff_.count() / 60); }

  const std::string& zone_name() const { return zone_name_; }
  std::string cutoff() const;  // "HH:MM"

 private:
  BusinessCalendar(const date::time_zone* zone, std::string zone_name, std::chrono::minutes cutoff)
      : zone_(zone), zone_name_(std::move(zone_name)), cutoff_(cutoff) {}

  const date::time_zone* zone_;  // owned by the date library's tz database, lives forever
  std::string zone_name_;
  std::chrono::minutes cutoff_;
};

// "2026-11-22T12:00:05.123Z".
std::string FormatUtc(TimePoint utc);
// Reads what FormatUtc writes, with or without the milliseconds; nullopt otherwise.
std::optional<TimePoint> ParseUtc(std::string_view text);
// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view text);
// The ISO date `days` after (or before, when negative) `iso_day`, which must be IsIsoDate.
std::string AddDays(std::string_view iso_day, int days);
// Days from `first` to `last` (negative when last is earlier); both must be IsIsoDate.
int DaysBetween(std::string_view first, std::string_view last);

}  // namespace lapak
