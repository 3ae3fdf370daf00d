#include "sync/enrolment.h"

#include <fmt/core.h>

#include "core/business_day.h"
#include "core/crypto.h"
#include "core/refusal.h"
#include "core/text.h"
#include "sync/envelope.h"

namespace lapak::sync {

namespace {

constexpr std::string_view kPrefixWithoutCalendar = "lapak1,";
constexpr std::string_view kPrefix = "lapak2,";
static_assert(kPrefix.size() == kPrefixWithoutCalendar.size(), "one prefix length for both versions");

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string FormatEnrolmentCode(const EnrolmentCode& code) {
  if (!code.calendar) {
    return fmt::format("{}{},{},{}", kPrefixWithoutCalendar, code.terminal_id, HexEncode(code.terminal_key),
                       code.ledger_url);
  }
  return fmt::format("{}{},{},{},{},{}", kPrefix, code.terminal_id, HexEncode(code.terminal_key), code.ledger_url,
                     code.calendar->time_zone, code.calendar->day_cutoff);
}

Result<EnrolmentCode> ParseEnrolmentCode(std::string_view text) {
  text = Trim(text);
  const Status malformed = Refuse(Refusal::kNotAnEnrolmentCode);
  const bool with_calendar = text.starts_with(kPrefix);
  if (!with_calendar && !text.starts_with(kPrefixWithoutCalendar)) return malformed;
  text.remove_prefix(kPrefix.size());
  EnrolmentCode code;
  if (with_calendar) {  // the last two fields: a URL holds no comma
    const size_t cutoff_comma = text.rfind(',');
    const size_t zone_comma = cutoff_comma == std::string_view::npos || cutoff_comma == 0
                                  ? std::string_view::npos
                                  : text.rfind(',', cutoff_comma - 1);
    if (zone_comma == std::string_view::npos) return malformed;
    code.calendar = EventCalendarText{std::string(text.substr(zone_comma + 1, cutoff_comma - zone_comma - 1)),
                                      std::string(text.substr(cutoff_comma + 1))};
    if (Status valid = BusinessCalendar::Make(code.calendar->time_zone, code.calendar->day_cutoff).status();
        !valid.ok()) {
      return RefuseAt(Refusal::kCodeCalendar)(valid);
    }
    text = text.substr(0, zone_comma);
  }
  const size_t first_comma = text.find(',');
  if (first_comma == std::string_view::npos) return malformed;
  const size_t second_comma = text.find(',', first_comma + 1);
  if (second_comma == std::string_view::npos) return malformed;
  code.terminal_id = std::string(text.substr(0, first_comma));
  const std::string_view key_hex = text.substr(first_comma + 1, second_comma - first_comma - 1);
  code.ledger_url = std::string(text.substr(second_comma + 1));
  if (!IsIdentifier(code.terminal_id)) {
    return Refuse(Refusal::kCodeTerminalId, code.terminal_id);
  }
  if (key_hex.size() != 2 * kTerminalKeyBytes || !HexDecode(key_hex, code.terminal_key)) {
    return Refuse(Refusal::kCodeKey);
  }
  if (!IsLedgerAddress(code.ledger_url)) {
    return Refuse(Refusal::kCodeLedgerAddress, code.ledger_url);
  }
  return code;
}

}  // namespace lapak::sync
