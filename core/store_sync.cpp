// StallStore: the link to the bazaar ledger and the acknowledged mark.
#include "core/refusal.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/text.h"

namespace lapak {

Status StallStore::Enrol(const SyncLink& link) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (!IsLedgerAddress(link.ledger_url)) {
    return Refuse(Refusal::kNotALedgerAddress, link.ledger_url);
  }
  if (link.terminal_key.size() != 32) {
    return Refuse(Refusal::kTerminalKeySize);
  }
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  // A new key is a new enrolment, with a ledger (another, or this one anew) whose holdings are
  // not known yet: nothing counts as acknowledged until its first answer says what it holds.
  sqlite::Statement upsert(*db_,
                           "INSERT INTO sync_state (id, ledger_url, terminal_key, enrolled_at_ms) "
                           "VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET "
                           "ledger_url = ?1, terminal_key = ?2, enrolled_at_ms = ?3, "
                           "acknowledged_seq = iif(terminal_key = ?2, acknowledged_seq, 0), "
                           "last_success_ms = iif(terminal_key = ?2, last_success_ms, NULL), "
                           "last_error = iif(terminal_key = ?2, last_error, NULL), "
                           "last_error_ms = iif(terminal_key = ?2, last_error_ms, NULL)");
  LAPAK_RETURN_IF_ERROR(upsert.Bind(1, link.ledger_url)
                            .BindBlob(2, link.terminal_key)
                            .BindTime(3, clock_.Now())
                            .Run());
  return transaction.Commit();
}

Result<std::optional<SyncLink>> StallStore::FindSyncLink() {
  sqlite::Statement select(*db_, "SELECT ledger_url, terminal_key FROM sync_state WHERE id = 1");
  if (select.Step()) {
    return std::optional<SyncLink>(SyncLink{select.ColumnText(0), select.ColumnBlob(1)});
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return std::optional<SyncLink>();
}

Result<SyncProgress> StallStore::Progress() {
  sqlite::ReadTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  SyncProgress progress;
  Result<int64_t> last = db_->QueryInt("SELECT COALESCE(MAX(seq), 0) FROM journal");
  LAPAK_RETURN_IF_ERROR(last.status());
  progress.last_seq = *last;
  sqlite::Statement state(*db_,
                          "SELECT ledger_url, acknowledged_seq, last_success_ms, last_error, "
                          "last_error_ms FROM sync_state WHERE id = 1");
  if (state.Step()) {
    progress.enrolled = true;
    progress.ledger_url = state.ColumnText(0);
    progress.acknowledged_seq = state.ColumnInt(1);
    progress.last_success_at = state.ColumnOptionalTime(2);
    if (!state.ColumnIsNull(3)) progress.last_error = DecodeStatus(state.ColumnText(3));
    progress.last_error_at = state.ColumnOptionalTime(4);
  }
  LAPAK_RETURN_IF_ERROR(state.status());
  if (progress.unsent() > 0) {
    sqlite::Statement oldest(*db_, "SELECT time_utc_ms FROM journal WHERE seq = ?");
    oldest.Bind(1, progress.acknowledged_seq + 1);
    if (oldest.Step()) progress.oldest_unsent_at = oldest.ColumnOptionalTime(0);
    LAPAK_RETURN_IF_ERROR(oldest.status());
  }
  return progress;
}

Status StallStore::RecordAcknowledged(int64_t ledger_seq, std::string_view terminal_key) {
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<int64_t> last = db_->QueryInt("SELECT COALESCE(MAX(seq), 0) FROM journal");
  LAPAK_RETURN_IF_ERROR(last.status());
  if (ledger_seq < 0 || ledger_seq > *last) {
    return Refuse(Refusal::kLedgerAheadOfJournal, ledger_seq, *last);
  }
  Result<std::optional<SyncLink>> link = FindSyncLink();
  LAPAK_RETURN_IF_ERROR(link.status());
  if (!link->has_value()) return Refuse(Refusal::kNotEnrolled);
  if ((*link)->terminal_key != terminal_key) return Status::Ok();  // enrolled anew since
  sqlite::Statement update(*db_,
                           "UPDATE sync_state SET acknowledged_seq = ?1, last_success_ms = ?2, "
                           "last_error = NULL, last_error_ms = NULL WHERE id = 1");
  LAPAK_RETURN_IF_ERROR(update.Bind(1, ledger_seq).BindTime(2, clock_.Now()).Run());
  return transaction.Commit();
}

Status StallStore::RecordSyncError(const Status& error) {
  std::string shown = EncodeStatus(error);
  if (shown.size() > kMaxSyncErrorBytes) {
    shown = EncodeStatus(Status(error.code(), error.message().substr(0, kMaxReasonBytes)));
  }
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement update(
      *db_, "UPDATE sync_state SET last_error = ?1, last_error_ms = ?2 WHERE id = 1");
  LAPAK_RETURN_IF_ERROR(update.Bind(1, shown).BindTime(2, clock_.Now()).Run());
  return transaction.Commit();
}

}  // namespace lapak
