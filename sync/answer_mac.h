// The ledger's answers are signed too: an acknowledgement moves the terminal's mark, and a
// terminal that believed a forged one (anyone on the bazaar's Wi-Fi can answer an http://
// request) would count unsent sales as sent. The ledger adds "mac" to its 200 and 409
// answers; the uploader acts on neither without it.
//
//   mac := hex(HMAC-SHA256(terminal key, "lapak-answer/1 " terminal " " first_seq " "
//                          last_seq " " http_status " " hwm [" conflict"]))
//   (decimal integers; first_seq and last_seq of the batch answered)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lapak::sync {

struct SignedAnswer {
  std::string_view terminal_id;
  int64_t first_seq = 0;
  int64_t last_seq = 0;
  int http_status = 0;
  int64_t hwm = 0;
  bool conflict = false;
};

std::string AnswerMac(std::string_view terminal_key, const SignedAnswer& answer);
// Constant time.
bool VerifyAnswerMac(std::string_view terminal_key, const SignedAnswer& answer, std::string_view mac);

}  // namespace lapak::sync
