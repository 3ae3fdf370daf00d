#include "app/common/report.h"

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/refusal.h"

namespace lapak::app {

namespace {

std::string SafeDump(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidArgument: return 2;
    case StatusCode::kNotFound: return 3;
    case StatusCode::kPermissionDenied: return 4;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAlreadyExists: return 5;
    case StatusCode::kCorruption: return 6;
    case StatusCode::kIoError: return 7;
  }
  return 1;
}

}  // namespace

int ExitCodeFor(const Status& status) {
  switch (status.refusal()) {
    case Refusal::kNoAnswerFromLedgerAt:
    case Refusal::kLedgerCertificateNotTrusted:
    case Refusal::kLedgerTlsFailed:
    case Refusal::kLedgerAnswerTooLarge:
    case Refusal::kLedgerAnswerNotHttp:
    case Refusal::kLedgerAnsweredUnavailable: return 8;
    case Refusal::kPrinterNotReached:
    case Refusal::kPrinterTimedOut:
    case Refusal::kPrinterGone: return 9;
    default: return ExitCodeFor(status.code());
  }
}

Language LanguageFromEnvironment() {
  const char* code = std::getenv("LAPAK_LANG");
  return LanguageFromCode(code ? code : "");
}

nlohmann::json ErrorJson(const Status& status) {
  nlohmann::json error = {{"error", Explain(status, LanguageFromEnvironment())},
                          {"code", StatusCodeName(status.code())}};
  if (status.refusal() != Refusal::kNone) error["refusal"] = RefusalName(status.refusal());
  return error;
}

void ReportError(std::string_view program, bool json, const Status& status) {
  if (json) {
    std::cerr << SafeDump(ErrorJson(status), -1) << "\n";
  } else {
    std::cerr << program << ": " << Explain(status, LanguageFromEnvironment()) << "\n";
  }
}

void EmitResult(bool json, const nlohmann::json& value, const std::string& text) {
  if (json) {
    std::cout << SafeDump(value, 2) << "\n";
  } else {
    std::cout << text;
  }
  std::cout.flush();
}

void EmitJsonLine(const nlohmann::json& value) {
  std::cout << SafeDump(value, -1) << "\n";
  std::cout.flush();
}

}  // namespace lapak::app
