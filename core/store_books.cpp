// StallStore and its Books: the books' state read from the tables, and every journal entry
// judged by Books::Apply before it is appended (core/books.h holds the rules).
#include <fmt/core.h>

#include <cstring>

#include "core/refusal.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace lapak {

namespace {

TimePoint TimeOf(int64_t millis) { return TimePoint{std::chrono::milliseconds(millis)}; }

std::string_view AsBytes(const Sha256Digest& digest) {
  return std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size());
}

}  // namespace

Result<BooksState> StallStore::LoadBooksState() {
  BooksState state;
  sqlite::Statement last(*db_, "SELECT seq, hash, time_utc_ms FROM journal ORDER BY seq DESC LIMIT 1");
  if (last.Step()) {
    state.last_seq = last.ColumnInt(0);
    const std::string hash = last.ColumnBlob(1);
    if (hash.size() != state.last_hash.size()) return Status::Corruption("a journal hash is not 32 bytes");
    std::memcpy(state.last_hash.data(), hash.data(), hash.size());
    state.last_time = TimeOf(last.ColumnInt(2));
  }
  LAPAK_RETURN_IF_ERROR(last.status());
  if (books_ && books_->state().last_seq == state.last_seq && books_->state().last_hash == state.last_hash) {
    return books_->state();
  }

  Result<int64_t> last_day = db_->QueryInt("SELECT IFNULL(MAX(day_number), 0) FROM days");
  if (!last_day.ok()) return last_day.status();
  Result<int64_t> last_z = db_->QueryInt("SELECT IFNULL(MAX(z_number), 0) FROM days");
  if (!last_z.ok()) return last_z.status();
  state.last_day_number = *last_day;
  state.last_z_number = *last_z;

  sqlite::Statement receipt(*db_, "SELECT business_day, receipt_number FROM sales ORDER BY seq DESC LIMIT 1");
  if (receipt.Step()) {
    state.receipt_day = receipt.ColumnText(0);
    state.last_receipt_number = receipt.ColumnInt(1);
  }
  LAPAK_RETURN_IF_ERROR(receipt.status());

  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (open->has_value()) {
    const OpenDay& day = **open;
    sqlite::Statement opened(*db_, "SELECT time_utc_ms FROM journal WHERE seq = ?");
    opened.Bind(1, day.open_seq);
    if (!opened.Step()) {
      LAPAK_RETURN_IF_ERROR(opened.status());
      return Status::Corruption("the day's opening entry is missing");
    }
    Result<DayFigures> figures = FiguresOfSession(day.day_number);
    if (!figures.ok()) return figures.status();
    Result<CashMoves> moves = CashMovesOfSession(day.open_seq);
    if (!moves.ok()) return moves.status();
    state.open = OpenSession{day.day_number, day.business_day, day.open_seq, TimeOf(opened.ColumnInt(0)),
                             day.opening_float, *figures, *moves};
  }
  return state;
}

Result<Books*> StallStore::BooksForWrite() {
  Result<BooksState> state = LoadBooksState();
  if (!state.ok()) return state.status();
  if (!books_ || !(books_->state() == *state)) {
    books_.emplace(BooksCalendar{*calendar_, std::nullopt, std::nullopt}, std::move(state).value(),
                   [this](int64_t seq) { return HeldSale(seq); });
  }
  return &*books_;
}

Result<std::optional<BookedSale>> StallStore::HeldSale(int64_t seq) {
  sqlite::Statement select(*db_,
                           "SELECT j.time_utc_ms, j.business_day, j.body, v.seq IS NOT NULL FROM journal j "
                           "LEFT JOIN voids v ON v.sale_seq = j.seq WHERE j.seq = ? AND j.kind = 'sale'");
  select.Bind(1, seq);
  if (!select.Step()) {
    LAPAK_RETURN_IF_ERROR(select.status());
    return std::optional<BookedSale>();
  }
  JournalEntry entry;
  entry.seq = seq;
  entry.kind = EntryKind::kSale;
  entry.time = TimeOf(select.ColumnInt(0));
  entry.business_day = select.ColumnText(1);
  entry.body = select.ColumnText(2);
  Result<BookedSale> sale = BookedSaleOf(entry, select.ColumnInt(3) != 0);
  if (!sale.ok()) return Status::Corruption(fmt::format("entry {}: {}", seq, sale.status().message()));
  return std::optional<BookedSale>(std::move(sale).value());
}

Result<TimePoint> StallStore::EntryTime(const Books& books) {
  const TimePoint now = clock_.Now();
  const TimePoint last_time = books.state().last_time;
  if (books.state().last_seq == 0 || now >= last_time) return now;
  if (last_time - now > kClockSlack) {
    return Refuse(Refusal::kClockBehind, calendar_->LocalTime(now), calendar_->LocalTime(last_time));
  }
  return last_time;
}

Result<StallStore::Appended> StallStore::Append(Books& books, EntryKind kind, TimePoint time,
                                                const std::string& business_day, std::string body) {
  JournalEntry entry = NextEntry(books.state(), info_->terminal_id, kind, time, business_day, std::move(body));
  Result<Booking> booking = books.Apply(entry);
  if (!booking.ok()) return booking.status();

  sqlite::Statement insert(*db_,
                           "INSERT INTO journal (seq, uuid, kind, time_utc_ms, business_day, body, "
                           "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, entry.seq)
                            .Bind(2, entry.uuid)
                            .Bind(3, EntryKindName(kind))
                            .Bind(4, entry.time.time_since_epoch().count())
                            .Bind(5, entry.business_day)
                            .Bind(6, entry.body)
                            .BindBlob(7, AsBytes(entry.prev_hash))
                            .BindBlob(8, AsBytes(entry.hash))
                            .Run());
  return Appended{std::move(entry), std::move(booking).value()};
}

}  // namespace lapak
