// Fuzzes the journal's body decoders (core/journal.h), which read the canonical text in one
// pass (core/canonical_json_reader.h): every input goes to DecodeDayOpen, DecodeSale,
// DecodeVoid, DecodeCashMove and DecodeZReport.
//
// The property: a decoder either refuses the input, or returns a body that its encoder writes
// back as the input, byte for byte — two texts never stand for one entry. A body accepted
// otherwise traps (a real bug); crashes and sanitizer reports are libFuzzer's to find.
// Seeds: tests/fuzz/journal_seeds (one valid body of each kind); tokens: journal.dict.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/journal.h"

namespace {

using lapak::Result;

template <typename Body>
void CheckCanonical(std::string_view text, Result<Body> (*decode)(std::string_view),
                    std::string (*encode)(const Body&)) {
  const Result<Body> body = decode(text);
  if (body.ok() && encode(*body) != text) __builtin_trap();  // accepted a second spelling
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckCanonical(text, lapak::DecodeDayOpen, lapak::EncodeDayOpen);
  CheckCanonical(text, lapak::DecodeSale, lapak::EncodeSale);
  CheckCanonical(text, lapak::DecodeVoid, lapak::EncodeVoid);
  CheckCanonical(text, lapak::DecodeCashMove, lapak::EncodeCashMove);
  CheckCanonical(text, lapak::DecodeZReport, lapak::EncodeZReport);
  return 0;
}
