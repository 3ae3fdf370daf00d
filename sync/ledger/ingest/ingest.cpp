#include "sync/ledger/ingest/ingest.h"

#include <fmt/core.h>

#include "core/refusal.h"
#include "sync/protocol.h"

namespace lapak::ledger {

namespace {

// A refusal with no mark in it: {"error":…,"reason":…} (sync/answer.h).
IngestAnswer Refused(int http_status, const Status& reason) {
  return {http_status, sync::EncodeBatchAnswer({.http_status = http_status, .reason = reason})};
}

// A 200 or 409 answer, signed with the terminal's key over what the terminal acts on.
IngestAnswer Signed(sync::BatchAnswer answer, std::string_view key, std::string_view terminal_id,
                    const sync::EnvelopeView& envelope) {
  answer.mac = sync::AnswerMac(key, {terminal_id, envelope.first_seq, envelope.last_seq,
                                     answer.http_status, *answer.hwm, answer.conflict});
  return {answer.http_status, sync::EncodeBatchAnswer(answer)};
}

// The database failed: the terminal retries later. What failed (possibly SQL) goes to the
// ledger's log, never to the terminal.
IngestAnswer Unavailable(const Status& status) {
  fmt::print(stderr, "lapak-ledger: a batch could not be stored: {}\n", status.ToString());
  return Refused(503, Refuse(Refusal::kLedgerCannotStore));
}

}  // namespace

std::string ErrorJson(const Status& refused) {
  return sync::EncodeBatchAnswer({.http_status = 400, .reason = refused});
}

IngestAnswer Ingestor::Handle(std::string_view body) {
  ++counters_.batches;
  IngestAnswer answer = Answer(body);
  if (answer.http_status == 401) {
    ++counters_.unauthorised;
  } else if (answer.http_status != 200) {
    ++counters_.refused;
  }
  return answer;
}

std::variant<IngestAnswer, Ingestor::CheckedBatch> Ingestor::Check(std::string_view body) {
  Result<sync::EnvelopeView> envelope = sync::ParseEnvelope(body);
  if (!envelope.ok()) return Refused(400, RefuseAt(Refusal::kBadBatch)(envelope.status()));
  const std::string terminal_id(envelope->terminal_id);

  Result<std::optional<TerminalRecord>> found =
      store_.FindTerminal({std::string(envelope->stall_id), terminal_id});
  if (!found.ok()) return Unavailable(found.status());
  // The same answer, after the same work, for an unknown terminal, a revoked one and a wrong
  // key: neither the body nor the time taken says which terminals exist.
  static const std::string kNoKey(sync::kTerminalKeyBytes, '\0');
  std::optional<TerminalRecord>& terminal = *found;
  const bool enrolled = terminal.has_value() && !terminal->revoked;
  const bool signed_by_it = sync::VerifyEnvelopeMac(*envelope, enrolled ? terminal->terminal_key : kNoKey);
  if (!enrolled || !signed_by_it) {
    return Refused(401, Refuse(Refusal::kBatchNotSigned));
  }
  BatchesInFlight::Ticket in_hand = in_flight_.Enter(terminal->stall_id, terminal_id, envelope->first_seq);

  Result<std::string> archive = sync::InflatePayload(*envelope);
  if (!archive.ok()) return Refused(400, RefuseAt(Refusal::kBadBatch)(archive.status()));
  ++counters_.payloads_decoded;
  Result<sync::WireBatch> batch = sync::DecodePayload(*archive);
  if (!batch.ok()) return Refused(400, RefuseAt(Refusal::kBadBatch)(batch.status()));
  if (batch->terminal_id != terminal_id || batch->stall_id != terminal->stall_id) {
    return Refused(403, Refuse(Refusal::kBatchForOtherStall, terminal_id, terminal->stall_id, batch->stall_id,
                               batch->terminal_id));
  }
  const int64_t count = envelope->last_seq - envelope->first_seq + 1;
  if (static_cast<int64_t>(batch->entries.size()) != count) {
    return Refused(400, Refuse(Refusal::kEnvelopeCountMismatch, count, batch->entries.size()));
  }
  for (size_t i = 0; i < batch->entries.size(); ++i) {
    const int64_t expected_seq = envelope->first_seq + static_cast<int64_t>(i);
    if (batch->entries[i].seq != expected_seq) {
      return Refused(400, Refuse(Refusal::kBatchSeqOutOfOrder, i + 1, batch->entries[i].seq, expected_seq));
    }
  }
  Result<sync::EntriesFromWire> read = sync::FromWire(*batch);
  if (!read.ok()) return Refused(400, RefuseAt(Refusal::kBadBatch)(read.status()));
  std::vector<JournalEntry>& entries = read->entries;
  std::vector<EntryReadAhead> read_ahead;
  read_ahead.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) read_ahead.push_back(ReadAhead(entries[i], read->hashes_of_bytes[i]));
  return CheckedBatch{*envelope, std::move(terminal).value(), std::move(entries), std::move(read_ahead),
                      std::move(in_hand)};
}

IngestAnswer Ingestor::Answer(std::string_view body) {
  std::variant<IngestAnswer, CheckedBatch> checked = [&] {
    checking_.acquire();
    struct Release {
      std::counting_semaphore<>& slots;
      ~Release() { slots.release(); }
    } release{checking_};
    return Check(body);
  }();
  if (IngestAnswer* refused = std::get_if<IngestAnswer>(&checked)) return std::move(*refused);
  auto& [envelope, terminal, entries, read_ahead, in_hand] = std::get<CheckedBatch>(checked);
  const std::string terminal_id(envelope.terminal_id);
  (void)in_hand.WaitForEarlier(kWaitForEarlierBatch);  // past it, a gap is answered as one

  // Revoked or re-enrolled while the batch was decoded: ApplyBatch refuses it (401).
  const std::string& key = terminal.terminal_key;
  Result<ApplyOutcome> outcome = store_.ApplyBatch({terminal.stall_id, terminal.name}, entries, clock_.Now(), key,
                                                  read_ahead, [&in_hand] { in_hand.StopHoldingBack(); });
  if (!outcome.ok()) {
    if (outcome.status().code() == StatusCode::kPermissionDenied) {
      return Refused(401, outcome.status());
    }
    return Unavailable(outcome.status());
  }
  switch (outcome->result) {
    case ApplyResult::kApplied:
    case ApplyResult::kDuplicate:
      ++(outcome->result == ApplyResult::kApplied ? counters_.applied : counters_.duplicates);
      return Signed({.http_status = 200, .hwm = outcome->hwm, .terminal_id = terminal_id}, key,
                    terminal_id, envelope);
    case ApplyResult::kGap:
    case ApplyResult::kConflict:
      return Signed({.http_status = 409,
                     .hwm = outcome->hwm,
                     .conflict = outcome->result == ApplyResult::kConflict,
                     .reason = outcome->reason},
                    key, terminal_id, envelope);
    case ApplyResult::kRejected:
      return {422, sync::EncodeBatchAnswer({.http_status = 422, .hwm = outcome->hwm, .reason = outcome->reason})};
  }
  return Unavailable(Status::Corruption("unknown outcome"));
}

}  // namespace lapak::ledger
