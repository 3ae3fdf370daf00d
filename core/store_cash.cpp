// StallStore: cash put into the drawer or taken out of it during a day (kas masuk/keluar).
// Cash moves are few (a handful a day), so they have no index table: they are read from the
// journal's entries of the session or the day, a range of its key.
#include <fmt/core.h>

#include "core/refusal.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/text.h"

namespace lapak {

Result<CashMoveRecord> StallStore::RecordCashMove(CashDirection direction, Money amount, const std::string& reason,
                                                  const std::string& owner_pin) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  // Before the PIN, as for a void: a typo costs no try.
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCashMoveReason, reason, kMaxReasonBytes));
  LAPAK_RETURN_IF_ERROR(CheckPin(Role::kOwner, owner_pin));

  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<Books*> books = BooksForWrite();
  if (!books.ok()) return books.status();
  Result<TimePoint> now = EntryTime(**books);
  if (!now.ok()) return now.status();
  Result<CashMoveBody> body = (*books)->NextCashMove(direction, amount, reason);
  if (!body.ok()) return body.status();
  const std::string business_day = (*books)->state().open->business_day;
  Result<Appended> appended = Append(**books, EntryKind::kCashMove, *now, business_day, EncodeCashMove(*body));
  if (!appended.ok()) return appended.status();
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return CashMoveRecord{appended->entry.seq, calendar_->LocalTime(*now), *appended->booking.cash_move};
}

Result<CashMoves> StallStore::CashMovesOfSession(int64_t open_seq) {
  sqlite::Statement select(*db_, "SELECT seq, body FROM journal WHERE seq > ? AND kind = 'cash_move' ORDER BY seq");
  select.Bind(1, open_seq);
  CashMoves moves;
  while (select.Step()) {
    Result<CashMoveBody> move = DecodeCashMove(select.ColumnText(1));
    if (!move.ok()) return Status::Corruption(fmt::format("entry {}: {}", select.ColumnInt(0), move.status().message()));
    Money& total = move->direction == CashDirection::kIn ? moves.in : moves.out;
    const std::optional<Money> sum = total.Plus(move->amount);
    if (!sum) return Refuse(Refusal::kCashFiguresOverflow);
    total = *sum;
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return moves;
}

Result<std::vector<CashMoveRecord>> StallStore::CashMovesOfDay(const std::string& business_day) {
  // Every entry of a day's sessions lies at or after the first session's opening entry.
  sqlite::Statement select(*db_,
                           "SELECT seq, time_utc_ms, body FROM journal WHERE kind = 'cash_move' "
                           "AND business_day = ?1 AND seq >= (SELECT MIN(open_seq) FROM days "
                           "WHERE business_day = ?1) ORDER BY seq");
  select.Bind(1, business_day);
  std::vector<CashMoveRecord> moves;
  while (select.Step()) {
    Result<CashMoveBody> move = DecodeCashMove(select.ColumnText(2));
    if (!move.ok()) return Status::Corruption(fmt::format("entry {}: {}", select.ColumnInt(0), move.status().message()));
    const TimePoint time{std::chrono::milliseconds(select.ColumnInt(1))};
    moves.push_back(CashMoveRecord{select.ColumnInt(0), calendar_->LocalTime(time), std::move(move).value()});
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return moves;
}

}  // namespace lapak
