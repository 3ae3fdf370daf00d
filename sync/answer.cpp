#include "sync/answer.h"

#include <nlohmann/json.hpp>

#include "core/refusal.h"

namespace lapak::sync {

using nlohmann::json;

std::string EncodeBatchAnswer(const BatchAnswer& answer) {
  json body = json::object();
  switch (answer.http_status) {
    case 200:
      body["hwm"] = answer.hwm.value_or(0);
      body["mac"] = answer.mac;
      body["terminal"] = answer.terminal_id;
      break;
    case 409:
      body["conflict"] = answer.conflict;
      body["hwm"] = answer.hwm.value_or(0);
      body["mac"] = answer.mac;
      break;
    case 422:
      body["hwm"] = answer.hwm.value_or(0);
      break;
    default:
      break;
  }
  if (answer.http_status != 200) {
    body["error"] = answer.reason.message();
    body["reason"] = json::parse(EncodeStatus(answer.reason));
  }
  // Members come out in name order (nlohmann's object is a std::map), as the grammar says.
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

BatchAnswer ParseBatchAnswer(int http_status, std::string_view body) {
  BatchAnswer answer;
  answer.http_status = http_status;
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) {
    answer.reason = Refuse(Refusal::kUnexpectedAnswer);
    return answer;
  }
  const auto text = [&parsed](const char* name) {
    const auto member = parsed.find(name);
    return member != parsed.end() && member->is_string() ? member->get<std::string>() : std::string();
  };
  if (const auto hwm = parsed.find("hwm"); hwm != parsed.end() && hwm->is_number_integer()) {
    answer.hwm = hwm->get<int64_t>();
  }
  if (const auto conflict = parsed.find("conflict"); conflict != parsed.end()) {
    answer.conflict = *conflict == true;
  }
  answer.mac = text("mac");
  answer.terminal_id = text("terminal");
  if (http_status == 200) return answer;
  if (const auto reason = parsed.find("reason"); reason != parsed.end() && reason->is_object()) {
    answer.reason = DecodeStatus(reason->dump());
  } else if (const std::string error = text("error"); !error.empty()) {
    answer.reason = Status::FailedPrecondition(error);
  }
  if (answer.reason.ok()) answer.reason = Refuse(Refusal::kUnexpectedAnswer);
  return answer;
}

}  // namespace lapak::sync
