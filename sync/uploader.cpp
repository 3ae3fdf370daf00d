#include "sync/uploader.h"

#include "core/refusal.h"
#include "sync/protocol.h"

namespace lapak::sync {

Result<SealedBatch> BuildBatch(StallStore& store, int64_t from_seq, const std::string& terminal_key) {
  Result<StallInfo> info = store.Info();
  if (!info.ok()) return info.status();
  Result<std::vector<JournalEntry>> entries = store.Entries(from_seq, kMaxEntriesPerBatch);
  if (!entries.ok()) return entries.status();
  if (entries->empty()) return Refuse(Refusal::kNoSuchEntry, from_seq);
  WireBatch batch{.stall_id = info->stall_id, .terminal_id = info->terminal_id, .entries = {}};
  for (const JournalEntry& entry : *entries) batch.entries.push_back(ToWire(entry));
  std::string archive = EncodePayload(batch);
  while (archive.size() > kMaxPayloadBytes && batch.entries.size() > 1) {
    batch.entries.resize(batch.entries.size() / 2);
    archive = EncodePayload(batch);
  }
  if (archive.size() > kMaxPayloadBytes) {
    return Refuse(Refusal::kEntryTooLargeForBatch, from_seq);
  }
  EnvelopeHeader header{.stall_id = info->stall_id,
                        .terminal_id = info->terminal_id,
                        .first_seq = batch.entries.front().seq,
                        .last_seq = batch.entries.back().seq,
                        .encoding = PayloadEncoding::kPlain};
  const std::string compressed = CompressPayload(archive);
  const bool compress = compressed.size() < archive.size();
  if (compress) header.encoding = PayloadEncoding::kZlib;
  return SealedBatch{header.first_seq, header.last_seq,
                     SealEnvelope(header, compress ? compressed : archive, terminal_key),
                     archive.size(), info->terminal_id};
}

Status Uploader::Fail(Status status) {
  // The error is kept for the status display; failing to keep it must not hide it.
  (void)store_.RecordSyncError(status);
  return status;
}

Result<SyncRound> Uploader::SyncOnce(const std::atomic<bool>* stop) {
  Result<std::optional<SyncLink>> link = store_.FindSyncLink();
  if (!link.ok()) return link.status();
  if (!link->has_value()) {
    return Refuse(Refusal::kNotEnrolledRunEnrol);
  }
  SyncRound round;
  for (;;) {
    Result<bool> more = SendNext(**link, round);
    if (!more.ok()) return more.status();
    if (!*more || (stop != nullptr && stop->load())) break;
  }
  Result<SyncProgress> progress = store_.Progress();
  if (!progress.ok()) return progress.status();
  round.acknowledged_seq = progress->acknowledged_seq;
  round.unsent = progress->unsent();
  return round;
}

Result<bool> Uploader::SendNext(const SyncLink& link, SyncRound& round) {
  Result<SyncProgress> progress = store_.Progress();
  if (!progress.ok()) return progress.status();
  if (progress->unsent() == 0) {
    pending_.reset();
    return false;
  }
  const int64_t next = progress->acknowledged_seq + 1;
  if (!pending_ || pending_->first_seq != next || pending_key_ != link.terminal_key) {
    Result<SealedBatch> batch = BuildBatch(store_, next, link.terminal_key);
    if (!batch.ok()) return Fail(batch.status());
    pending_ = std::move(batch).value();
    pending_key_ = link.terminal_key;  // a new enrolment signs the batch anew
  }
  Result<LedgerAnswer> answer = transport_.PostBatch(pending_->bytes);
  if (!answer.ok()) return Fail(answer.status());
  ++round.batches_sent;
  const BatchAnswer reply = ParseBatchAnswer(answer->http_status, answer->body);
  const std::optional<int64_t> hwm = reply.hwm;
  const bool conflict = reply.conflict;
  if ((answer->http_status == 200 || answer->http_status == 409) && hwm) {
    const SignedAnswer signed_answer{pending_->terminal_id, pending_->first_seq, pending_->last_seq,
                                     answer->http_status, *hwm, conflict};
    if (!VerifyAnswerMac(link.terminal_key, signed_answer, reply.mac)) {
      return Fail(Refuse(Refusal::kAnswerNotSigned, answer->http_status, pending_->first_seq, pending_->last_seq));
    }
  }
  if (answer->http_status == 200 && hwm && *hwm >= pending_->last_seq) {
    pending_.reset();
    if (Status marked = store_.RecordAcknowledged(*hwm); !marked.ok()) return Fail(marked);
    return true;
  }
  if (answer->http_status == 409 && hwm && !conflict && *hwm + 1 < pending_->first_seq) {
    // The ledger holds up to hwm: continue right after it (lower than the mark after a
    // restore from backup; then the entries are sent again).
    pending_.reset();
    if (Status marked = store_.RecordAcknowledged(*hwm); !marked.ok()) return Fail(marked);
    return true;
  }
  // The ledger's own reason, coded when it gave one (sync/answer.h), follows ours.
  const Status& reason = reply.reason;
  const bool retry_later = answer->http_status >= 500 || answer->http_status == 200;
  return Fail(RefuseAt(retry_later ? Refusal::kLedgerAnsweredUnavailable : Refusal::kLedgerAnswered,
                       answer->http_status, pending_->first_seq, pending_->last_seq)(reason));
}

}  // namespace lapak::sync
