// Fuzzes the sync wire format (sync/envelope.h, sync/payload.h): the envelope's framing,
// mac, inflation and the bounded text-archive decoder, with and without the framing.
//
// Routing: an input that starts with the envelope magic "LPKB" goes through the envelope
// path; any other input is handed to DecodePayload as it is (a payload starts with
// "22 serialization::archive"). Both kinds of seed live in tests/fuzz/regressions.
//
// A decoded batch is encoded again and must decode to an equal batch; anything else is a
// real bug and traps. Crashes, sanitizer reports and allocations over -malloc_limit_mb are
// what libFuzzer reports; refused inputs are the expected outcome.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "sync/envelope.h"
#include "sync/payload.h"

namespace {

using lapak::Result;
using namespace lapak::sync;

// Any fixed key: inputs are not signed with it, so the mac almost never matches.
const std::string kFuzzKey(kTerminalKeyBytes, 'k');

void CheckDecodedBatch(const WireBatch& batch) {
  // What the ledger does next with a batch; its result does not matter here, only that it
  // neither crashes nor trips a sanitizer.
  (void)FromWire(batch);

  if (!batch.chain) return;  // version 1, read but never written
  const std::string encoded = EncodePayload(batch);
  Result<WireBatch> again = DecodePayload(encoded);
  if (!again.ok() || !(*again == batch)) __builtin_trap();  // the round trip lost something
}

void DecodeAndCheck(std::string_view archive) {
  Result<WireBatch> batch = DecodePayload(archive);
  if (batch.ok()) CheckDecodedBatch(*batch);
}

void FuzzEnvelope(std::string_view bytes) {
  Result<EnvelopeView> envelope = ParseEnvelope(bytes);
  if (!envelope.ok()) return;
  const bool mac_ok = VerifyEnvelopeMac(*envelope, kFuzzKey);
  (void)mac_ok;
  // On the ledger nothing past VerifyEnvelopeMac runs unless the mac matches. The fuzzer
  // cannot forge HMAC-SHA256, so here inflation and decoding run whatever the mac says:
  // we want coverage of them, and the mac is no excuse for a decoder bug.
  Result<std::string> payload = InflatePayload(*envelope);
  if (!payload.ok()) return;
  DecodeAndCheck(*payload);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with(kEnvelopeMagic)) {
    FuzzEnvelope(bytes);
  } else {
    DecodeAndCheck(bytes);  // the text-archive decoder without the framing
  }
  return 0;
}
