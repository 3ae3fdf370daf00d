// The ledger's answer to a batch (POST /v1/batches), written by the ledger and read by the
// uploader with these two functions only.
//
// Grammar, answer version 1: a JSON object, members in this order, by status:
//   200 ack         {"hwm":N,"mac":MAC,"terminal":ID}
//   409 gap         {"conflict":false,"error":TEXT,"hwm":N,"mac":MAC,"reason":REASON}
//   409 conflict    {"conflict":true,"error":TEXT,"hwm":N,"mac":MAC,"reason":REASON}
//   422 refused     {"error":TEXT,"hwm":N,"reason":REASON}
//   400 401 403 413 503   {"error":TEXT,"reason":REASON}
//   N := the ledger's high-water mark for the terminal; MAC := answer_mac.h over what the
//   terminal acts on (200 and 409 only); TEXT := why, in English, for a log or a reader of
//   an older version; REASON := the same, coded (core/refusal.h EncodeStatus), so that the
//   terminal says it in the vendor's language. Invalid UTF-8 that a terminal sent is
//   replaced, never thrown on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace lapak::sync {

struct BatchAnswer {
  int http_status = 0;
  std::optional<int64_t> hwm{};  // 200, 409, 422
  bool conflict = false;         // 409
  std::string mac{};             // 200, 409
  std::string terminal_id{};     // 200
  Status reason{};               // all but 200: why (ok for a 200)

};

// The body for `answer.http_status`, with the members its status has and no others.
std::string EncodeBatchAnswer(const BatchAnswer& answer);

// What a body says, under the status it came with. Never fails: a member missing or of the
// wrong type is left empty (an answer without hwm moves no mark); the reason is REASON, else
// TEXT (uncoded, from a ledger before REASON), else the refusal UnexpectedAnswer, which is
// also the reason of a body that is no JSON object.
BatchAnswer ParseBatchAnswer(int http_status, std::string_view body);

}  // namespace lapak::sync
