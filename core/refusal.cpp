#include "core/refusal.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

namespace lapak {

namespace {

struct Row {
  Refusal refusal;
  std::string_view name;
  StatusCode code;
  std::string_view indonesian;
  std::string_view english;
};

constexpr Row kRows[] = {
    {Refusal::kNone, "", StatusCode::kOk, "", ""},
#define LAPAK_REFUSAL(name, code, id, en) {Refusal::k##name, #name, StatusCode::code, id, en},
#define LAPAK_WORD(name, id, en)
#include "core/refusals_terminal.inc"
#include "core/refusals_ledger.inc"
#undef LAPAK_WORD
#undef LAPAK_REFUSAL
};

struct WordRow {
  std::string_view name;
  std::string_view indonesian;
  std::string_view english;
};

constexpr WordRow kWords[] = {
#define LAPAK_REFUSAL(name, code, id, en)
#define LAPAK_WORD(name, id, en) {#name, id, en},
#include "core/refusals_terminal.inc"
#include "core/refusals_ledger.inc"
#undef LAPAK_WORD
#undef LAPAK_REFUSAL
};

// An argument that is a Word: this byte, then the word's name (by name, not number, so that
// a terminal and a ledger of different versions agree on it).
constexpr char kWordMark = '\x1f';

// The argument as it is said in `language`.
std::string SayArg(const std::string& arg, Language language) {
  if (arg.empty() || arg[0] != kWordMark) return arg;
  const std::string_view name = std::string_view(arg).substr(1);
  for (const WordRow& word : kWords) {
    if (word.name == name) return std::string(language == Language::kEnglish ? word.english : word.indonesian);
  }
  return std::string(name);
}

const Row& RowOf(Refusal refusal) {
  const auto index = static_cast<size_t>(refusal);
  return index < std::size(kRows) ? kRows[index] : kRows[0];
}

// The words for a StatusCode, before an uncoded Status' detail.
std::string_view CodeSentence(StatusCode code, Language language) {
  const bool en = language == Language::kEnglish;
  switch (code) {
    case StatusCode::kOk: return "";
    case StatusCode::kInvalidArgument: return en ? "Invalid input" : "Masukan tidak sah";
    case StatusCode::kNotFound: return en ? "Not found" : "Tidak ditemukan";
    case StatusCode::kAlreadyExists: return en ? "Already done" : "Sudah ada";
    case StatusCode::kFailedPrecondition: return en ? "Not possible now" : "Belum bisa sekarang";
    case StatusCode::kPermissionDenied: return en ? "Not allowed" : "Tidak diizinkan";
    case StatusCode::kCorruption: return en ? "Data is damaged" : "Data rusak";
    case StatusCode::kIoError: return en ? "Cannot read or write" : "Gagal membaca atau menulis";
  }
  return "";
}

StatusCode StatusCodeFromName(std::string_view name) {
  for (const StatusCode code : {StatusCode::kInvalidArgument, StatusCode::kNotFound, StatusCode::kAlreadyExists,
                                StatusCode::kFailedPrecondition, StatusCode::kPermissionDenied,
                                StatusCode::kCorruption, StatusCode::kIoError}) {
    if (name == StatusCodeName(code)) return code;
  }
  return name == "OK" ? StatusCode::kOk : StatusCode::kFailedPrecondition;
}

nlohmann::json StatusToJson(const Status& status) {
  nlohmann::json object = {{"code", StatusCodeName(status.code())}, {"message", status.message()}};
  if (status.refusal() == Refusal::kNone) return object;
  object["refusal"] = RefusalName(status.refusal());
  object["args"] = status.args();
  if (!status.causes().empty()) {
    nlohmann::json causes = nlohmann::json::array();
    for (const Status& cause : status.causes()) causes.push_back(StatusToJson(cause));
    object["causes"] = std::move(causes);
    object["listed"] = status.causes_listed();
  }
  return object;
}

std::string TextMember(const nlohmann::json& object, const char* name) {
  const auto member = object.find(name);
  return member != object.end() && member->is_string() ? member->get<std::string>() : std::string();
}

Status StatusFromJson(const nlohmann::json& object, int depth) {
  const StatusCode code = StatusCodeFromName(TextMember(object, "code"));
  const std::string message = TextMember(object, "message");
  if (code == StatusCode::kOk) return Status::Ok();
  const Refusal refusal = RefusalFromName(TextMember(object, "refusal"));
  if (refusal == Refusal::kNone) return Status(code, message);
  std::vector<std::string> args;
  if (const auto list = object.find("args"); list != object.end() && list->is_array()) {
    for (const nlohmann::json& arg : *list) {
      if (arg.is_string() && args.size() < 8) args.push_back(arg.get<std::string>());
    }
  }
  std::vector<Status> causes;
  if (const auto list = object.find("causes"); list != object.end() && list->is_array() && depth > 0) {
    for (const nlohmann::json& cause : *list) {
      if (!cause.is_object() || causes.size() >= 60) continue;
      Status decoded = StatusFromJson(cause, depth - 1);
      if (!decoded.ok()) causes.push_back(std::move(decoded));
    }
  }
  const auto listed = object.find("listed");
  if (listed != object.end() && *listed == true) return Status(refusal, std::move(args), std::move(causes));
  if (causes.size() == 1) return Status(refusal, std::move(args), causes.front());
  return Status(refusal, std::move(args));
}

// The status in `language`, as Explain() says it but without its capital.
std::string SayStatus(const Status& status, Language language);

}  // namespace

std::string EncodeStatus(const Status& status) {
  return StatusToJson(status).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status DecodeStatus(std::string_view text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return Status::FailedPrecondition(std::string(text));
  return StatusFromJson(parsed, kMaxEncodedCauseDepth);
}

std::string refusal_detail::WordMarker(Word word) {
  return kWordMark + std::string(kWords[static_cast<size_t>(word)].name);
}

std::string_view SayWord(Word word, Language language) {
  const WordRow& row = kWords[static_cast<size_t>(word)];
  return language == Language::kEnglish ? row.english : row.indonesian;
}

Status::Status(Refusal refusal, std::vector<std::string> args)
    : code_(RowOf(refusal).code),
      message_(SayRefusal(refusal, args, Language::kEnglish)),
      refusal_(refusal),
      args_(std::move(args)) {
  assert(code_ != StatusCode::kOk && "a refusal needs a row");
}

Status::Status(Refusal where, std::vector<std::string> args, const Status& cause)
    : code_(cause.code()),
      message_(SayRefusal(where, args, Language::kEnglish) + ": " + cause.message()),
      refusal_(where),
      args_(std::move(args)),
      causes_(std::make_shared<const std::vector<Status>>(std::vector<Status>{cause})) {
  assert(!cause.ok() && "only a failure has a place");
}

Status::Status(Refusal where, std::vector<std::string> args, std::vector<Status> causes)
    : code_(RowOf(where).code),
      message_(SayRefusal(where, args, Language::kEnglish)),
      refusal_(where),
      args_(std::move(args)),
      causes_listed_(true) {
  for (const Status& cause : causes) message_ += "\n" + cause.message();
  causes_ = std::make_shared<const std::vector<Status>>(std::move(causes));
}

const std::vector<Status>& Status::causes() const {
  static const std::vector<Status> kNone;
  return causes_ ? *causes_ : kNone;
}

std::string_view RefusalName(Refusal refusal) { return RowOf(refusal).name; }

Refusal RefusalFromName(std::string_view name) {
  if (name.empty()) return Refusal::kNone;
  for (const Row& row : kRows) {
    if (row.name == name) return row.refusal;
  }
  return Refusal::kNone;
}

std::vector<Refusal> AllRefusals() {
  std::vector<Refusal> all;
  for (size_t i = 1; i < std::size(kRows); ++i) all.push_back(kRows[i].refusal);
  return all;
}

std::string SayRefusal(Refusal refusal, const std::vector<std::string>& args, Language language) {
  const Row& row = RowOf(refusal);
  const std::string_view pattern = language == Language::kEnglish ? row.english : row.indonesian;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& arg : args) store.push_back(SayArg(arg, language));
  for (size_t missing = args.size(); missing < 8; ++missing) store.push_back("?");
  try {
    return fmt::vformat(pattern, store);
  } catch (const fmt::format_error&) {
    return std::string(pattern);  // a row with a hole beyond {7}: a test catches it first
  }
}

namespace {

std::string SayStatus(const Status& status, Language language) {
  if (status.ok()) return "";
  if (status.refusal() != Refusal::kNone) {
    std::string said = SayRefusal(status.refusal(), status.args(), language);
    for (const Status& cause : status.causes()) {
      said += (status.causes_listed() ? "\n" : ": ") + SayStatus(cause, language);
    }
    return said;
  }
  if (language == Language::kEnglish) return status.message();
  return fmt::format("{}: {}", CodeSentence(status.code(), language), status.message());
}

}  // namespace

std::string Explain(const Status& status, Language language) {
  std::string said = SayStatus(status, language);
  // In Bahasa Indonesia a person reads a sentence; the English text stays as logs have it.
  if (language == Language::kIndonesian && !said.empty() && said[0] >= 'a' && said[0] <= 'z') {
    said[0] = static_cast<char>(said[0] - 'a' + 'A');
  }
  return said;
}

}  // namespace lapak
