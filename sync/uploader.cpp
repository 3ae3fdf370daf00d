#include "sync/uploader.h"

#include <algorithm>
#include <cassert>
#include <exception>
#include <span>
#include <system_error>
#include <utility>

#include "core/refusal.h"
#include "sync/protocol.h"

namespace lapak::sync {

Result<SealedBatch> BuildBatch(StallStore& store, int64_t from_seq, const std::string& terminal_key) {
  Result<StallInfo> info = store.Info();
  if (!info.ok()) return info.status();
  Result<std::vector<JournalEntry>> entries = store.Entries(from_seq, kMaxEntriesPerBatch);
  if (!entries.ok()) return entries.status();
  if (entries->empty()) return Refuse(Refusal::kNoSuchEntry, from_seq);
  std::span<const JournalEntry> sent(*entries);
  std::string archive = EncodePayload(ToWire(info->stall_id, info->terminal_id, sent));
  while (archive.size() > kMaxPayloadBytes && sent.size() > 1) {
    sent = sent.first(sent.size() / 2);
    archive = EncodePayload(ToWire(info->stall_id, info->terminal_id, sent));
  }
  if (archive.size() > kMaxPayloadBytes) {
    return Refuse(Refusal::kEntryTooLargeForBatch, from_seq);
  }
  EnvelopeHeader header{.stall_id = info->stall_id,
                        .terminal_id = info->terminal_id,
                        .first_seq = sent.front().seq,
                        .last_seq = sent.back().seq,
                        .encoding = PayloadEncoding::kPlain};
  const std::string compressed = CompressPayload(archive);
  const bool compress = compressed.size() < archive.size();
  if (compress) header.encoding = PayloadEncoding::kZlib;
  return SealedBatch{header.first_seq, header.last_seq,
                     SealEnvelope(header, compress ? compressed : archive, terminal_key),
                     archive.size(), info->terminal_id};
}

Uploader::Uploader(StallStore& store, std::vector<Transport*> lanes, std::chrono::milliseconds record_mark_every)
    : store_(store), lanes_(std::move(lanes)), record_mark_every_(record_mark_every) {
  assert(!lanes_.empty());
}

Status Uploader::Fail(Status status) {
  // The error is kept for the status display (after the mark, whose writing clears the last
  // error); failing to keep either must not hide it.
  (void)RecordMark();
  (void)store_.RecordSyncError(status);
  return status;
}

Status Uploader::Acknowledge(int64_t hwm, const std::string& key, bool now) {
  unrecorded_ = Mark{hwm, key};
  if (!now && std::chrono::steady_clock::now() - recorded_at_ < record_mark_every_) return Status::Ok();
  return RecordMark();
}

Status Uploader::RecordMark() {
  if (!unrecorded_) return Status::Ok();
  const Mark mark = *std::exchange(unrecorded_, std::nullopt);
  recorded_at_ = std::chrono::steady_clock::now();
  return store_.RecordAcknowledged(mark.hwm, mark.key);
}

Result<SyncRound> Uploader::SyncOnce(const std::atomic<bool>* stop) {
  try {
    return Round(stop);
  } catch (const std::exception& error) {
    // Building or posting a batch threw (out of memory, say). What is in flight is waited
    // for and kept, unanswered, so the next round starts from a clean state.
    Recall();
    return Fail(Refuse(Refusal::kSyncRoundInterrupted, error.what()));
  }
}

Result<SyncRound> Uploader::Round(const std::atomic<bool>* stop) {
  Result<std::optional<SyncLink>> link = store_.FindSyncLink();
  if (!link.ok()) return link.status();
  if (!link->has_value()) {
    return Refuse(Refusal::kNotEnrolledRunEnrol);
  }
  SyncRound round;
  size_t lanes = lanes_.size();
  recorded_at_ = std::chrono::steady_clock::now();
  for (;;) {
    if (stop == nullptr || !stop->load()) {
      if (Status sent = Fill(**link, lanes); !sent.ok()) {
        Recall();
        return Fail(sent);
      }
    }
    if (flights_.empty()) break;
    Result<Taken> taken = TakeAnswer(**link, flights_.front(), round);
    if (taken.ok() && *taken == Taken::kAcknowledged) {
      flights_.pop_front();
      continue;
    }
    Recall();  // the batches behind were built on what the answer denies, or the round failed
    if (!taken.ok()) return taken.status();
    if (*taken == Taken::kUnbelievedGap) lanes = 1;
  }
  if (Status recorded = RecordMark(); !recorded.ok()) return Fail(recorded);
  Result<SyncProgress> progress = store_.Progress();
  if (!progress.ok()) return progress.status();
  round.acknowledged_seq = progress->acknowledged_seq;
  round.unsent = progress->unsent();
  return round;
}

Status Uploader::Fill(const SyncLink& link, size_t lanes) {
  Result<SyncProgress> progress = store_.Progress();
  if (!progress.ok()) return progress.status();
  while (flights_.size() < lanes) {
    const int64_t acknowledged = unrecorded_ ? unrecorded_->hwm : progress->acknowledged_seq;
    const int64_t next = flights_.empty() ? acknowledged + 1 : flights_.back().sealed.batch->last_seq + 1;
    if (next > progress->last_seq) {
      if (flights_.empty()) kept_.clear();  // caught up: nothing kept is needed again
      break;
    }
    Result<Kept> sealed = SealedFrom(next, link.terminal_key);
    if (!sealed.ok()) return sealed.status();
    Transport* lane = *std::find_if(lanes_.begin(), lanes_.end(), [&](Transport* candidate) {
      return std::none_of(flights_.begin(), flights_.end(),
                          [&](const Flight& flight) { return flight.lane == candidate; });
    });
    flights_.push_back({.sealed = std::move(sealed).value(), .lane = lane, .led = flights_.empty(), .answer = {}});
    Flight& flight = flights_.back();
    auto post = [lane, batch = flight.sealed.batch] { return lane->PostBatch(batch->bytes); };
    // With one lane the batch goes out when its answer is asked for, on this thread; so it
    // does when no thread can be had.
    try {
      flight.answer = std::async(lanes_.size() == 1 ? std::launch::deferred : std::launch::async, post);
    } catch (const std::system_error&) {
      flight.answer = std::async(std::launch::deferred, post);
    }
  }
  // Every lane busy, and the batches on their own threads: the next batch is built now,
  // while the answers are awaited, and goes out as soon as one comes.
  if (flights_.size() == lanes && lanes_.size() > 1) {
    const int64_t next = flights_.back().sealed.batch->last_seq + 1;
    if (next > progress->last_seq) return Status::Ok();
    Result<Kept> ahead = SealedFrom(next, link.terminal_key);
    if (!ahead.ok()) return ahead.status();
    kept_.push_front(std::move(ahead).value());
  }
  return Status::Ok();
}

Result<Uploader::Kept> Uploader::SealedFrom(int64_t first_seq, const std::string& key) {
  while (!kept_.empty() && (kept_.front().batch->first_seq < first_seq || kept_.front().key != key)) {
    kept_.pop_front();
  }
  if (!kept_.empty() && kept_.front().batch->first_seq == first_seq) {
    Kept again = std::move(kept_.front());
    kept_.pop_front();
    return again;
  }
  Result<SealedBatch> built = BuildBatch(store_, first_seq, key);
  if (!built.ok()) return built.status();
  return Kept{std::make_shared<const SealedBatch>(std::move(built).value()), key};
}

void Uploader::Recall() {
  for (auto flight = flights_.rbegin(); flight != flights_.rend(); ++flight) {
    // The lane is free again. (A future is no longer valid once taken, or never was when
    // sending it threw.)
    if (flight->answer.valid()) flight->answer.wait();
    kept_.push_front(std::move(flight->sealed));
  }
  flights_.clear();
}

Result<Uploader::Taken> Uploader::TakeAnswer(const SyncLink& link, Flight& flight, SyncRound& round) {
  Result<LedgerAnswer> answer = flight.answer.get();
  if (!answer.ok()) return Fail(answer.status());
  ++round.batches_sent;
  const SealedBatch& batch = *flight.sealed.batch;
  const BatchAnswer reply = ParseBatchAnswer(answer->http_status, answer->body);
  const std::optional<int64_t> hwm = reply.hwm;
  const bool conflict = reply.conflict;
  if ((answer->http_status == 200 || answer->http_status == 409) && hwm) {
    const SignedAnswer signed_answer{batch.terminal_id, batch.first_seq, batch.last_seq,
                                     answer->http_status, *hwm, conflict};
    if (!VerifyAnswerMac(link.terminal_key, signed_answer, reply.mac)) {
      return Fail(Refuse(Refusal::kAnswerNotSigned, answer->http_status, batch.first_seq, batch.last_seq));
    }
  }
  if (answer->http_status == 200 && hwm && *hwm >= batch.last_seq) {
    if (Status marked = Acknowledge(*hwm, link.terminal_key, false); !marked.ok()) return Fail(marked);
    return Taken::kAcknowledged;
  }
  if (answer->http_status == 409 && hwm && !conflict && *hwm + 1 < batch.first_seq) {
    if (!flight.led) return Taken::kUnbelievedGap;
    // The ledger holds up to hwm: continue right after it (lower than the mark after a
    // restore from backup; then the entries are sent again).
    if (Status marked = Acknowledge(*hwm, link.terminal_key, true); !marked.ok()) return Fail(marked);
    return Taken::kGap;
  }
  // The ledger's own reason, coded when it gave one (sync/answer.h), follows ours.
  const Status& reason = reply.reason;
  const bool retry_later = answer->http_status >= 500 || answer->http_status == 200;
  return Fail(RefuseAt(retry_later ? Refusal::kLedgerAnsweredUnavailable : Refusal::kLedgerAnswered,
                       answer->http_status, batch.first_seq, batch.last_seq)(reason));
}

}  // namespace lapak::sync
