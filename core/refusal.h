// Refusals as codes: every reason Lapak gives a person for not doing something, in one list,
// with its words in Bahasa Indonesia and English. The terminal's screens, both command lines
// and the ledger (its pages and its answers to terminals) say a refusal with Explain(); a
// test or a log reads Status::message(), which is the English text.
//
// The list is an X-macro over two files, one per side of the wire:
//   core/refusals_terminal.inc  the books, the store, the catalog, sales, PINs, the front ends
//   core/refusals_ledger.inc    the wire protocol, enrolment, the ledger's store and routes
// Each row is LAPAK_REFUSAL(Name, StatusCode, "Bahasa Indonesia", "English") or, for the name
// of a thing a refusal may name, LAPAK_WORD(Name, "Bahasa Indonesia", "English"). The texts are
// fmt patterns whose holes are numbered, {0} {1} …, and both languages use the same holes
// (a test checks). Arguments are text: callers format money with FormatMoney and so on.
// A refusal's name (without the k) is its code on the wire and in --json output; never reuse
// or rename one. A "where" row (RefuseAt) says where its cause happened; the cause is said
// after it, in the same language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/language.h"
#include "core/money.h"
#include "core/status.h"

namespace lapak {

enum class Refusal : uint16_t {
  kNone = 0,  // not a coded refusal: the Status' message is an engineer's detail
#define LAPAK_REFUSAL(name, code, id, en) k##name,
#define LAPAK_WORD(name, id, en)
#include "core/refusals_terminal.inc"
#include "core/refusals_ledger.inc"
#undef LAPAK_WORD
#undef LAPAK_REFUSAL
};

// The names of things a refusal may name ("the stall name", "price"): an argument that is a
// Word is said in the refusal's language. Rows: LAPAK_WORD(Name, "Bahasa Indonesia", "English").
enum class Word : uint16_t {
#define LAPAK_REFUSAL(name, code, id, en)
#define LAPAK_WORD(name, id, en) k##name,
#include "core/refusals_terminal.inc"
#include "core/refusals_ledger.inc"
#undef LAPAK_WORD
#undef LAPAK_REFUSAL
};

// The word in `language`.
std::string_view SayWord(Word word, Language language);

// "WrongPin": the refusal's code on the wire; "" for kNone.
std::string_view RefusalName(Refusal refusal);
// The refusal named `name`, or kNone for a name this build does not know.
Refusal RefusalFromName(std::string_view name);
// Every refusal in the list, in order (for tests and documentation).
std::vector<Refusal> AllRefusals();

// The refusal's text in `language` with its holes filled. Missing arguments show as "?".
std::string SayRefusal(Refusal refusal, const std::vector<std::string>& args, Language language);

// What a person reads for a failed `status`: a coded refusal (and its causes) in `language`;
// otherwise a sentence for its StatusCode in `language` followed by the detail, which is an
// engineer's (a wire-format or database error: a vendor can only pass it on). In Bahasa
// Indonesia it starts with a capital letter. "" for ok.
std::string Explain(const Status& status, Language language);

// A Status as text, to keep (the terminal's last sync error) or to send (the ledger's answers),
// so that whoever reads it later says it in their own language. JSON, members in this order:
//   status := {"args":[TEXT…],"causes":[status…],"code":CODE,"listed":BOOL,"message":TEXT,
//              "refusal":NAME}
// where only "code" (StatusCodeName) and "message" (the English text) are always there (an
// argument that is a Word is U+001F then the word's name, said by the reader); "ok"
// is {"code":"OK","message":""}. A reader that does not know NAME (an older build) says the
// message. DecodeStatus never fails: text that is not such an object is an uncoded
// FailedPrecondition holding the text (a sync error kept by a build before this format); at
// most kMaxEncodedCauseDepth levels of causes, 8 args and 60 causes are read.
inline constexpr int kMaxEncodedCauseDepth = 4;
std::string EncodeStatus(const Status& status);
Status DecodeStatus(std::string_view text);

namespace refusal_detail {
// A Word travels in the arguments as its marker; SayRefusal says it in the language asked for.
std::string WordMarker(Word word);
inline std::string Arg(Word word) { return WordMarker(word); }
inline std::string Arg(std::string_view text) { return std::string(text); }
inline std::string Arg(const char* text) { return text; }
inline std::string Arg(const std::string& text) { return text; }
inline std::string Arg(Money amount) { return FormatMoney(amount); }
template <typename Integer>
  requires std::is_integral_v<Integer>
std::string Arg(Integer value) {
  return std::to_string(value);
}
}  // namespace refusal_detail

// A failed Status for `refusal`, with the StatusCode its row gives and `args` for its holes:
//   return Refuse(Refusal::kWrongPin, RoleName(role), tries_left);
template <typename... Args>
[[nodiscard]] Status Refuse(Refusal refusal, const Args&... args) {
  return Status(refusal, {refusal_detail::Arg(args)...});
}

// `cause` (not ok), said with where it happened: RefuseAt(Refusal::kAtCsvField, line, column,
// "price")(cause) reads "line 3, column 4 (price): 'murah' is not an amount".
// A refusal followed by `causes`, one per line.
template <typename... Args>
[[nodiscard]] Status RefuseWithList(std::vector<Status> causes, Refusal refusal, const Args&... args) {
  return Status(refusal, {refusal_detail::Arg(args)...}, std::move(causes));
}

template <typename... Args>
[[nodiscard]] auto RefuseAt(Refusal where, const Args&... args) {
  return [where, args = std::vector<std::string>{refusal_detail::Arg(args)...}](const Status& cause) {
    return Status(where, args, cause);
  };
}

}  // namespace lapak
