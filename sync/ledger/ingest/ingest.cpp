#include "sync/ledger/ingest/ingest.h"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "sync/answer_mac.h"
#include "sync/envelope.h"
#include "sync/payload.h"

namespace lapak::ledger {

namespace {

// Reasons may quote what a terminal sent: invalid UTF-8 is replaced, never thrown on.
std::string Dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A 200 or 409 answer, signed with the terminal's key (sync/answer_mac.h).
std::string SignedJson(nlohmann::json body, std::string_view key, const sync::SignedAnswer& answer) {
  body["hwm"] = answer.hwm;
  body["mac"] = sync::AnswerMac(key, answer);
  return Dump(body);
}

// The database failed: the terminal retries later. What failed (possibly SQL) goes to the
// ledger's log, never to the terminal.
IngestAnswer Unavailable(const Status& status);

}  // namespace

std::string ErrorJson(std::string_view reason) { return Dump({{"error", reason}}); }

namespace {

IngestAnswer Unavailable(const Status& status) {
  fmt::print(stderr, "lapak-ledger: a batch could not be stored: {}\n", status.ToString());
  return {503, ErrorJson("the ledger cannot store batches right now; send again later")};
}

}  // namespace

IngestAnswer Ingestor::Handle(std::string_view body) {
  ++counters_.batches;
  std::lock_guard lock(mutex_);
  IngestAnswer answer = HandleLocked(body);
  if (answer.http_status == 401) {
    ++counters_.unauthorised;
  } else if (answer.http_status != 200) {
    ++counters_.refused;
  }
  return answer;
}

IngestAnswer Ingestor::HandleLocked(std::string_view body) {
  Result<sync::EnvelopeView> envelope = sync::ParseEnvelope(body);
  if (!envelope.ok()) return {400, ErrorJson(envelope.status().message())};
  const std::string terminal_id(envelope->terminal_id);

  Result<std::optional<TerminalRecord>> terminal = store_.FindTerminal(terminal_id);
  if (!terminal.ok()) return Unavailable(terminal.status());
  // The same answer, after the same work, for an unknown terminal, a revoked one and a wrong
  // key: neither the body nor the time taken says which terminals exist.
  static const std::string kNoKey(sync::kTerminalKeyBytes, '\0');
  const bool enrolled = terminal->has_value() && !(*terminal)->revoked;
  const bool signed_by_it =
      sync::VerifyEnvelopeMac(*envelope, enrolled ? (*terminal)->terminal_key : kNoKey);
  if (!enrolled || !signed_by_it) {
    return {401, ErrorJson("the batch is not signed with an enrolled terminal's key")};
  }

  Result<std::string> archive = sync::InflatePayload(*envelope);
  if (!archive.ok()) return {400, ErrorJson(archive.status().message())};
  ++counters_.payloads_decoded;
  Result<sync::WireBatch> batch = sync::DecodePayload(*archive);
  if (!batch.ok()) return {400, ErrorJson(batch.status().message())};
  if (batch->terminal_id != terminal_id || batch->stall_id != (*terminal)->stall_id) {
    return {403, ErrorJson(fmt::format(
                     "terminal '{}' is enrolled for stall '{}'; this batch is for stall '{}' "
                     "from terminal '{}'",
                     terminal_id, (*terminal)->stall_id, batch->stall_id, batch->terminal_id))};
  }
  const int64_t count = envelope->last_seq - envelope->first_seq + 1;
  if (static_cast<int64_t>(batch->entries.size()) != count) {
    return {400, ErrorJson(fmt::format("the envelope names {} entries; the payload holds {}",
                                       count, batch->entries.size()))};
  }
  std::vector<JournalEntry> entries;
  entries.reserve(batch->entries.size());
  for (size_t i = 0; i < batch->entries.size(); ++i) {
    const int64_t expected_seq = envelope->first_seq + static_cast<int64_t>(i);
    if (batch->entries[i].seq != expected_seq) {
      return {400, ErrorJson(fmt::format("entry {} of the batch has seq {}, expected {}", i + 1,
                                         batch->entries[i].seq, expected_seq))};
    }
    Result<JournalEntry> entry = sync::FromWire(batch->entries[i], terminal_id);
    if (!entry.ok()) return {400, ErrorJson(entry.status().message())};
    entries.push_back(std::move(entry).value());
  }

  Result<ApplyOutcome> outcome = store_.ApplyBatch(terminal_id, entries, clock_.Now());
  if (!outcome.ok()) {
    if (outcome.status().code() == StatusCode::kPermissionDenied) {
      return {401, ErrorJson(outcome.status().message())};
    }
    return Unavailable(outcome.status());
  }
  const std::string& key = (*terminal)->terminal_key;
  sync::SignedAnswer signed_answer{terminal_id, envelope->first_seq, envelope->last_seq, 200,
                                   outcome->hwm, false};
  switch (outcome->result) {
    case ApplyResult::kApplied:
    case ApplyResult::kDuplicate:
      ++(outcome->result == ApplyResult::kApplied ? counters_.applied : counters_.duplicates);
      return {200, SignedJson({{"terminal", terminal_id}}, key, signed_answer)};
    case ApplyResult::kGap:
    case ApplyResult::kConflict:
      signed_answer.http_status = 409;
      signed_answer.conflict = outcome->result == ApplyResult::kConflict;
      return {409, SignedJson({{"error", outcome->reason}, {"conflict", signed_answer.conflict}},
                              key, signed_answer)};
    case ApplyResult::kRejected:
      return {422, Dump({{"error", outcome->reason}, {"hwm", outcome->hwm}})};
  }
  return {500, ErrorJson("unknown outcome")};
}

}  // namespace lapak::ledger
