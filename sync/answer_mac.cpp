#include "sync/answer_mac.h"

#include <fmt/core.h>

#include "core/crypto.h"

namespace lapak::sync {

std::string AnswerMac(std::string_view terminal_key, const SignedAnswer& answer) {
  const std::string text =
      fmt::format("lapak-answer/1 {} {} {} {} {}{}", answer.terminal_id, answer.first_seq,
                  answer.last_seq, answer.http_status, answer.hwm, answer.conflict ? " conflict" : "");
  return HexEncode(HmacSha256(terminal_key, text));
}

bool VerifyAnswerMac(std::string_view terminal_key, const SignedAnswer& answer, std::string_view mac) {
  return ConstantTimeEquals(AnswerMac(terminal_key, answer), mac);
}

}  // namespace lapak::sync
