#include "core/business_day.h"

#include <date/date.h>
#include <date/tz.h>
#include <fmt/core.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <exception>
#include <sstream>

#include "core/refusal.h"

namespace lapak {

std::string IanaZoneName(std::string_view zone) {
  for (const IndonesianZone& known : kIndonesianZones) {
    const bool same = zone.size() == known.abbreviation.size() &&
                      std::equal(zone.begin(), zone.end(), known.abbreviation.begin(),
                                 [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
    if (same) return std::string(known.iana);
  }
  return std::string(zone);
}

Result<BusinessCalendar> BusinessCalendar::Make(std::string_view zone, std::string_view cutoff) {
  const date::time_zone* found = nullptr;
  try {
    found = date::locate_zone(zone);
  } catch (const std::exception&) {
    return Refuse(Refusal::kNotATimeZone, zone);
  }
  const bool shaped = cutoff.size() == 5 && cutoff[2] == ':' &&
                      std::isdigit(static_cast<unsigned char>(cutoff[0])) &&
                      std::isdigit(static_cast<unsigned char>(cutoff[1])) &&
                      std::isdigit(static_cast<unsigned char>(cutoff[3])) &&
                      std::isdigit(static_cast<unsigned char>(cutoff[4]));
  const int hours = shaped ? (cutoff[0] - '0') * 10 + (cutoff[1] - '0') : -1;
  const int minutes = shaped ? (cutoff[3] - '0') * 10 + (cutoff[4] - '0') : -1;
  if (!shaped || hours > 23 || minutes > 59) {
    return Refuse(Refusal::kNotACutoff, cutoff);
  }
  return BusinessCalendar(found, std::string(zone), std::chrono::minutes(hours * 60 + minutes));
}

std::string BusinessCalendar::BusinessDay(TimePoint utc) const {
  const auto local = zone_->to_local(utc) - cutoff_;
  const date::year_month_day day{date::floor<date::days>(local)};  // not date::format: a stream per call
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

std::string BusinessCalendar::LocalTime(TimePoint utc) const {
  const auto zoned = date::make_zoned(zone_, date::floor<std::chrono::seconds>(utc));
  return date::format("%F %H:%M %Z", zoned);
}

std::string BusinessCalendar::LocalIso(TimePoint utc) const {
  const auto zoned = date::make_zoned(zone_, date::floor<std::chrono::seconds>(utc));
  return date::format("%FT%T%Ez", zoned);
}

int BusinessCalendar::LocalHour(TimePoint utc) const {
  const auto local = date::make_zoned(zone_, utc).get_local_time();
  const auto since_midnight = local - date::floor<date::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
}

std::string BusinessCalendar::cutoff() const {
  return fmt::format("{:02}:{:02}", cutoff_.count() / 60, cutoff_.count() % 60);
}

std::string FormatUtc(TimePoint utc) { return date::format("%FT%TZ", utc); }

std::optional<TimePoint> ParseUtc(std::string_view text) {
  std::istringstream in{std::string(text)};
  TimePoint time;
  in >> date::parse("%FT%TZ", time);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return time;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  return date::year_month_day(date::year(year), date::month(month), date::day(day)).ok();
}

namespace {

date::sys_days SysDays(std::string_view iso_day) {
  assert(IsIsoDate(iso_day));
  const date::year_month_day day(
      date::year(std::stoi(std::string(iso_day.substr(0, 4)))),
      date::month(static_cast<unsigned>(std::stoi(std::string(iso_day.substr(5, 2))))),
      date::day(static_cast<unsigned>(std::stoi(std::string(iso_day.substr(8, 2))))));
  return date::sys_days(day);
}

}  // namespace

std::string AddDays(std::string_view iso_day, int days) {
  return date::format("%F", SysDays(iso_day) + date::days(days));
}

int DaysBetween(std::string_view first, std::string_view last) {
  return static_cast<int>((SysDays(last) - SysDays(first)).count());
}

}  // namespace lapak
