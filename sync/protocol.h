// The sync protocol, whole: what a terminal sends the bazaar ledger and what the ledger
// answers. Both ends include this header and nothing else of the protocol; each part is
// written down as a grammar where it is encoded:
//
//   request    POST kBatchesPath, body := envelope (envelope.h: framing, protocol version,
//              terminal id, the seq range, HMAC-SHA256 over it all) around the payload
//              (payload.h: a Boost.Serialization text archive of the entries, class versions
//              checked, every count and string length bounded while loading)
//   answer     answer.h: JSON by status; the 200 and 409 answers signed (answer_mac.h)
//   limits     kMaxEnvelopeBytes, kMaxPayloadBytes, kMaxEntriesPerBatch, kTerminalKeyBytes
//              (envelope.h); kMaxBodyBytes and the collection bound (payload.h);
//              kMaxAnswerBytes (below)
//   versions   kProtocolVersion (envelope.h), the payload's class versions (payload.h),
//              answer version 1 (answer.h), "lapak-answer/1" in the answer MAC
//   enrolment  the one-line code an organiser gives a terminal (enrolment.h)
#pragma once

#include <cstddef>
#include <string_view>

#include "sync/answer.h"      // IWYU pragma: export
#include "sync/answer_mac.h"  // IWYU pragma: export
#include "sync/enrolment.h"   // IWYU pragma: export
#include "sync/envelope.h"    // IWYU pragma: export
#include "sync/payload.h"     // IWYU pragma: export

namespace lapak::sync {

inline constexpr std::string_view kBatchesPath = "/v1/batches";

// The longest answer body a terminal takes. An answer is a short JSON object (answer.h): an
// ack is about 120 bytes, and a refusal with its coded reason (causes nested at most
// kMaxEncodedCauseDepth deep, each argument a short text) a few KiB at most; a body over this
// is no answer of a ledger, and the terminal refuses it without reading it whole.
inline constexpr size_t kMaxAnswerBytes = 64 * 1024;

}  // namespace lapak::sync
