// The enrolment code: what a terminal needs to sync with a ledger, in one line that can be
// typed, pasted or shown as a QR code.
//
//   code := "lapak1," terminal_id "," key "," ledger_url
//   terminal_id := 1-32 of [A-Za-z0-9._-]
//   key         := 64 lowercase hex digits (the terminal's 32-byte HMAC key)
//   ledger_url  := "http://" or "https://" then host[:port] and nothing after, at most 200
//                  bytes (core/text.h IsLedgerAddress)
//
// Surrounding whitespace is ignored when parsing; hex may be in either case.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

struct EnrolmentCode {
  std::string terminal_id;
  std::string terminal_key;  // 32 raw bytes
  std::string ledger_url;
  bool operator==(const EnrolmentCode&) const = default;
};

std::string FormatEnrolmentCode(const EnrolmentCode& code);
[[nodiscard]] Result<EnrolmentCode> ParseEnrolmentCode(std::string_view text);

}  // namespace lapak::sync
