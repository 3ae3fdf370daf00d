// The enrolment code: what a terminal needs to sync with a ledger, in one line that can be
// typed, pasted or shown as a QR code.
//
//   code := "lapak2," terminal_id "," key "," ledger_url "," time_zone "," day_cutoff
//         | "lapak1," terminal_id "," key "," ledger_url      (printed before the calendar)
//   terminal_id := 1-32 of [A-Za-z0-9._-]
//   key         := 64 lowercase hex digits (the terminal's 32-byte HMAC key)
//   ledger_url  := "http://" or "https://" then host[:port] and nothing after, at most 200
//                  bytes (core/text.h IsLedgerAddress)
//   time_zone "," day_cutoff := the event's business calendar (core/business_day.h), e.g.
//                  "Asia/Jakarta,04:00": the ledger books each entry on the event's business
//                  day, so a terminal set up with another calendar is refused at enrolment
//                  rather than at its first sale (app/terminal Terminal::Enrol)
//
// Surrounding whitespace is ignored when parsing; hex may be in either case.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

// The event's business calendar, as a terminal is set up with it (core/store.h StallSetup).
struct EventCalendarText {
  std::string time_zone;   // IANA
  std::string day_cutoff;  // "HH:MM"
  bool operator==(const EventCalendarText&) const = default;
};

struct EnrolmentCode {
  std::string terminal_id;
  std::string terminal_key;  // 32 raw bytes
  std::string ledger_url;
  std::optional<EventCalendarText> calendar;  // none in a lapak1 code
  bool operator==(const EnrolmentCode&) const = default;
};

std::string FormatEnrolmentCode(const EnrolmentCode& code);
[[nodiscard]] Result<EnrolmentCode> ParseEnrolmentCode(std::string_view text);

}  // namespace lapak::sync
