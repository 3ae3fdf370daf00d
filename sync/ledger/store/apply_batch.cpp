// LedgerStore::ApplyBatch: the sync contract's step 4, in one transaction.
//
// The batch is worked out first, reading only (WorkOut): every entry judged by the
// terminal's Books (core/books.h, with the event's calendar), and the change to each running
// total. Then it is written with a fixed handful of statements (WritePlanned): entries in
// multi-row INSERTs, one upsert per total row touched. A 500-entry batch is ~25
// statements whatever the engine, which matters on PostgreSQL where each is a round trip.
//
// On SQLite the working out is done ahead, outside the one writer, on a reading connection
// (PlanAhead), and a terminal's batch that follows one still being written is worked out on
// what that one leaves (held_for_terminal.h); the writer only checks that the terminal's row
// is the one the plan was made on, and otherwise works the batch out again itself.
#include <fmt/core.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <tuple>
#include <variant>

#include "core/books.h"
#include "core/refusal.h"
#include "sync/ledger/store/connection_pool.h"
#include "sync/ledger/store/figures_sql.h"
#include "sync/ledger/store/held_for_terminal.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

namespace {

using sql::Param;
using sql::Value;

sql::Blob DigestBlob(const Sha256Digest& digest) {
  return {std::string(reinterpret_cast<const char*>(digest.data()), digest.size())};
}

// What one sale or void adds to a row of the running totals. A sale's amounts are bounded
// (core/sale.h, kMaxSaleTotal): negating them cannot overflow.
LedgerFigures SaleDelta(const SaleAmounts& amounts) {
  return {1, 0, amounts.total, Money(), amounts.total, amounts.by_method};
}

LedgerFigures VoidDelta(const SaleAmounts& amounts) {
  return {0, 1, Money(), amounts.total, *Money().Minus(amounts.total),
          *MethodAmounts().Minus(amounts.by_method)};
}

LedgerFigures FiguresOfZ(const ZReport& z) {
  const DayFigures& f = z.figures;
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

// "INSERT INTO table (key columns, figures) VALUES (…) ON CONFLICT (keys) DO UPDATE SET
// figure = table.figure + excluded.figure, …": adds a change to a running total row.
std::string AddToTotalsSql(std::string_view table, std::string_view keys, size_t key_count) {
  std::string sql = fmt::format("INSERT INTO {} ({}, {}) VALUES (", table, keys, FigureColumns());
  for (size_t i = 1; i <= key_count + kFigureColumnCount; ++i) {
    sql += fmt::format("{}${}", i > 1 ? ", " : "", i);
  }
  return sql + fmt::format(") ON CONFLICT ({}) DO UPDATE SET {}", keys, AddFigureColumns(table));
}

// "head VALUES ($1, … $columns), (…), …" for `rows` rows: built once per text and kept, as
// the engines' statement caches keep its statement (a 256-row INSERT of entries is ~20 kB of
// SQL, and building it was as slow as running it).
const std::string& MultiRowInsertSql(std::string_view head, size_t columns, size_t rows) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, size_t, size_t>, std::string, std::less<>> built;
  const std::lock_guard lock(mutex);
  if (auto it = built.find(std::make_tuple(head, columns, rows)); it != built.end()) return it->second;
  std::string& sql = built[{std::string(head), columns, rows}];
  sql = fmt::format("{} VALUES ", head);
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < columns; ++c) sql += fmt::format("{}${}", c ? ", " : "", r * columns + c + 1);
    sql += ')';
  }
  return sql;
}

// Inserts `rows` rows of `columns` values each (row after row in `values`) with multi-row
// INSERTs of 256, 128, … 1 rows: few statements per batch, and few distinct SQL texts for
// the engines' statement caches.
Status InsertRows(sql::Connection& db, std::string_view head, size_t columns,
                  std::span<const Value> values) {
  const size_t rows = values.size() / columns;
  size_t done = 0;
  for (size_t chunk = 256; chunk > 0; chunk /= 2) {
    while (rows - done >= chunk) {
      LAPAK_RETURN_IF_ERROR(
          db.Execute(MultiRowInsertSql(head, columns, chunk), values.subspan(done * columns, chunk * columns))
              .status());
      done += chunk;
    }
  }
  return Status::Ok();
}

// A sale as the running totals count it.
struct SaleRow {
  int64_t day_number = 0;
  std::string business_day;
  int64_t local_hour = -1;
  SaleAmounts amounts;
};

// A sale of the batch: how it is counted, where its entry's row starts among the batch's
// rows for `entries` (for a void later in the batch to mark), and the sale as booked (voided
// once such a void marks it).
struct NewSale {
  SaleRow sale;
  size_t entry_row = 0;
  BookedSale booked;
};

// The whole effect of a batch, worked out before anything is written.
class BatchPlan {
 public:
  BatchPlan(const TerminalRecord& terminal, TimePoint now)
      : terminal_id_(terminal.id), stall_id_(terminal.stall_id), event_id_(terminal.event_id), now_(now) {}

  // `booking` is what the terminal's Books took in for `entry`, `held` what the ledger held
  // for the terminal before the batch. Errors are the database's.
  Status Add(HeldForTerminal& held, const BusinessCalendar& calendar, const JournalEntry& entry,
             const Booking& booking);
  Status Write(sql::Connection& db) const;
  // Sets what the batch adds to the terminal's sales and session totals in `unwritten`,
  // moving its sales there: Write does not read them.
  void LeaveBehind(UnwrittenBatch& unwritten);

 private:
  Status AddSale(const BusinessCalendar& calendar, const BookedSale& booked);
  Status AddVoid(HeldForTerminal& held, const BookedSale& booked);
  Status AddZ(HeldForTerminal& held, const ZReport& z);
  void AddCashMove(const JournalEntry& entry, const CashMoveBody& move);
  Status Count(const SaleRow& sale, const LedgerFigures& delta);

  std::string terminal_id_;
  std::string stall_id_;
  std::string event_id_;
  TimePoint now_;

  std::vector<Value> entries_;                    // rows for `entries`
  std::map<int64_t, NewSale> new_sales_;          // by seq
  std::set<int64_t> voided_held_;                 // sales held before the batch, voided by it
  std::map<std::string, LedgerFigures> days_;     // business day → change
  std::map<std::pair<std::string, int64_t>, LedgerFigures> hours_;  // (day, hour) → change
  std::map<int64_t, LedgerFigures> sessions_;     // day number → change
  std::vector<Value> reconciliations_;            // rows for `reconciliations`
  std::vector<Value> cash_moves_;                 // rows for `cash_moves`
  // Business day → change to its qris_shown_totals row: sales paid (partly) through the QRIS
  // code shown, and the amount so paid.
  std::map<std::string, std::pair<int64_t, Money>> qris_shown_;
  void CountQrisShown(const SaleRow& sale, int64_t sign);
};

// A row of `entries` as BatchPlan::Add lays it out: kEntryColumns values, local_hour and voided
// at these places (a sale's; NULL on entries of other kinds).
constexpr size_t kEntryColumns = 11;
constexpr size_t kEntryLocalHour = 9;
constexpr size_t kEntryVoided = 10;
constexpr size_t kCashMoveColumns = 8;
constexpr size_t kReconciliationColumns = 10 + 2 * kFigureColumnCount;

Status BatchPlan::Add(HeldForTerminal& held, const BusinessCalendar& calendar, const JournalEntry& entry,
                      const Booking& booking) {
  for (Value value : {Param(terminal_id_), Param(entry.seq), Param(entry.uuid),
                      Param(EntryKindName(entry.kind)), Param(entry.time), Param(entry.business_day),
                      Param(entry.body), Param(DigestBlob(entry.hash)), Param(now_),
                      Value(), Value()}) {  // local_hour and voided: set by AddSale
    entries_.push_back(std::move(value));
  }
  switch (booking.kind) {
    case EntryKind::kDayOpen: return Status::Ok();
    case EntryKind::kSale: return AddSale(calendar, *booking.sale);
    case EntryKind::kVoid: return AddVoid(held, *booking.sale);
    case EntryKind::kCashMove: AddCashMove(entry, *booking.cash_move); return Status::Ok();
    case EntryKind::kDayClose: return AddZ(held, *booking.z);
  }
  return Status::Ok();
}

// A sale's amount is bounded (core/sale.h), and so is a day's count of sales: no overflow.
void BatchPlan::CountQrisShown(const SaleRow& sale, int64_t sign) {
  if (sale.amounts.qris_shown.is_zero()) return;
  auto& [count, amount] = qris_shown_[sale.business_day];
  count += sign;
  amount = *amount.Plus(sign > 0 ? sale.amounts.qris_shown : *Money().Minus(sale.amounts.qris_shown));
}

Status BatchPlan::Count(const SaleRow& sale, const LedgerFigures& delta) {
  LAPAK_RETURN_IF_ERROR(days_[sale.business_day].Add(delta));
  LAPAK_RETURN_IF_ERROR(hours_[std::pair(sale.business_day, sale.local_hour)].Add(delta));
  return sessions_[sale.day_number].Add(delta);
}

// The business day and hour are the ledger's own, from the entry's time and the event's
// calendar: Books has checked that the terminal's claim agrees. The sale's entry, the last row
// of entries_, keeps its hour and that it is not voided.
Status BatchPlan::AddSale(const BusinessCalendar& calendar, const BookedSale& booked) {
  SaleRow sale{booked.day_number, booked.business_day, calendar.LocalHour(booked.time), booked.amounts};
  LAPAK_RETURN_IF_ERROR(Count(sale, SaleDelta(sale.amounts)));
  CountQrisShown(sale, +1);
  const size_t entry_row = entries_.size() - kEntryColumns;
  entries_[entry_row + kEntryLocalHour] = Param(sale.local_hour);
  entries_[entry_row + kEntryVoided] = Param(int64_t{0});
  new_sales_.emplace(booked.seq, NewSale{std::move(sale), entry_row, booked});
  return Status::Ok();
}

// A void counts at its sale's day and hour, as the sale was counted (a sale received before
// the ledger kept hours is at hour -1).
Status BatchPlan::AddVoid(HeldForTerminal& held, const BookedSale& booked) {
  if (auto in_batch = new_sales_.find(booked.seq); in_batch != new_sales_.end()) {
    entries_[in_batch->second.entry_row + kEntryVoided] = Param(int64_t{1});
    in_batch->second.booked.voided = true;
    const SaleRow& sale = in_batch->second.sale;
    CountQrisShown(sale, -1);
    return Count(sale, VoidDelta(sale.amounts));
  }
  Result<int64_t> hour = held.SaleHour(booked.seq);
  if (!hour.ok()) return hour.status();
  voided_held_.insert(booked.seq);
  const SaleRow sale{booked.day_number, booked.business_day, *hour, booked.amounts};
  CountQrisShown(sale, -1);
  return Count(sale, VoidDelta(booked.amounts));
}

// The Z is checked against the ledger's figures of its day session: those held before the
// batch plus this batch's entries before the Z. Books has already refused a Z that differs
// from the session's entries; this compares with the running totals the ledger wrote.
Status BatchPlan::AddZ(HeldForTerminal& held, const ZReport& z) {
  Result<LedgerFigures> session = held.SessionTotals(z.day_number);
  if (!session.ok()) return session.status();
  LedgerFigures ledger = *session;
  if (auto pending = sessions_.find(z.day_number); pending != sessions_.end()) {
    LAPAK_RETURN_IF_ERROR(ledger.Add(pending->second));
  }
  const LedgerFigures own = FiguresOfZ(z);
  const std::optional<Money> difference = own.net.Minus(ledger.net);
  if (!difference) return Refuse(Refusal::kLedgerFiguresOverflow);
  for (Value value : {Param(terminal_id_), Param(z.z_number), Param(stall_id_), Param(event_id_),
                      Param(z.business_day), Param(z.day_number)}) {
    reconciliations_.push_back(std::move(value));
  }
  AppendFigures(reconciliations_, own);
  AppendFigures(reconciliations_, ledger);
  reconciliations_.emplace_back(int64_t{own == ledger ? 1 : 0});
  reconciliations_.emplace_back(difference->rupiah());
  reconciliations_.emplace_back(z.counted_cash.rupiah());
  reconciliations_.emplace_back(z.over_short.rupiah());
  return Status::Ok();
}

void BatchPlan::AddCashMove(const JournalEntry& entry, const CashMoveBody& move) {
  for (Value value : {Param(terminal_id_), Param(entry.seq), Param(stall_id_), Param(event_id_),
                      Param(entry.business_day),
                      Param(CashDirectionName(move.direction)), Param(move.amount.rupiah()), Param(move.reason)}) {
    cash_moves_.push_back(std::move(value));
  }
}

Status BatchPlan::Write(sql::Connection& db) const {
  LAPAK_RETURN_IF_ERROR(InsertRows(db,
                                   "INSERT INTO entries (terminal_id, seq, uuid, kind, time_utc_ms, "
                                   "business_day, body, hash, received_at_ms, local_hour, voided)",
                                   kEntryColumns, entries_));
  for (int64_t seq : voided_held_) {
    LAPAK_RETURN_IF_ERROR(db.Execute("UPDATE entries SET voided = 1 WHERE terminal_id = $1 AND seq = $2",
                                      {Param(terminal_id_), Param(seq)})
                              .status());
  }
  static const std::string add_day =
      AddToTotalsSql("day_totals", "event_id, business_day, stall_id", 3);
  for (const auto& [day, delta] : days_) {
    std::vector<Value> values{Param(event_id_), Param(day), Param(stall_id_)};
    AppendFigures(values, delta);
    LAPAK_RETURN_IF_ERROR(db.Execute(add_day, values).status());
  }
  static const std::string add_hour =
      AddToTotalsSql("hour_totals", "event_id, business_day, local_hour, stall_id", 4);
  for (const auto& [key, delta] : hours_) {
    std::vector<Value> values{Param(event_id_), Param(key.first), Param(key.second),
                              Param(stall_id_)};
    AppendFigures(values, delta);
    LAPAK_RETURN_IF_ERROR(db.Execute(add_hour, values).status());
  }
  static const std::string add_session =
      AddToTotalsSql("session_totals", "terminal_id, day_number", 2);
  for (const auto& [day_number, delta] : sessions_) {
    std::vector<Value> values{Param(terminal_id_), Param(day_number)};
    AppendFigures(values, delta);
    LAPAK_RETURN_IF_ERROR(db.Execute(add_session, values).status());
  }
  for (const auto& [day, change] : qris_shown_) {
    LAPAK_RETURN_IF_ERROR(
        db.Execute("INSERT INTO qris_shown_totals (event_id, business_day, stall_id, sales_count, amount) "
                    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, business_day, stall_id) DO UPDATE SET "
                    "sales_count = qris_shown_totals.sales_count + excluded.sales_count, "
                    "amount = qris_shown_totals.amount + excluded.amount",
                    {Param(event_id_), Param(day), Param(stall_id_), Param(change.first),
                     Param(change.second.rupiah())})
            .status());
  }
  LAPAK_RETURN_IF_ERROR(InsertRows(
      db, "INSERT INTO cash_moves (terminal_id, seq, stall_id, event_id, business_day, direction, amount, reason)",
      kCashMoveColumns, cash_moves_));
  static const std::string insert_reconciliations = fmt::format(
      "INSERT INTO reconciliations (terminal_id, z_number, stall_id, event_id, business_day, day_number, {}, {}, "
      "agrees, difference, counted_cash, over_short)",
      FigureColumns("terminal_"), FigureColumns("ledger_"));
  return InsertRows(db, insert_reconciliations, kReconciliationColumns, reconciliations_);
}

void BatchPlan::LeaveBehind(UnwrittenBatch& unwritten) {
  unwritten.sales.reserve(new_sales_.size());
  for (auto& [seq, sale] : new_sales_) {  // in seq order
    unwritten.sales.emplace_back(seq, UnwrittenBatch::Sale{std::move(sale.booked), sale.sale.local_hour});
  }
  new_sales_.clear();
  unwritten.voided_held = voided_held_;
  unwritten.sessions = sessions_;
}

// The event's calendar and its days, widened by kEventDayMargin on each side.
Result<BooksCalendar> EventCalendar(const TerminalRecord& terminal) {
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(terminal.time_zone, terminal.day_cutoff);
  if (!calendar.ok()) return calendar.status();
  return BooksCalendar{std::move(calendar).value(), AddDays(terminal.first_day, -kEventDayMargin),
                       AddDays(terminal.last_day, kEventDayMargin)};
}

// A batch worked out from what the ledger holds for its terminal, ready to be written.
struct PlannedBatch {
  TerminalRecord terminal;  // as read: the plan holds while the terminal's row is the same
  BatchPlan plan;
  BooksState books;  // after the batch
};

// What working a batch out came to: the outcome when it is decided without writing (a
// duplicate, a gap, a conflict, a refusal by the books), else the writes that apply it.
using WorkedOut = std::variant<ApplyOutcome, PlannedBatch>;

// Works out `entries` for `terminal` (enrolled), reading `db` only; `read_ahead` as
// ApplyBatch takes it. Without `ahead`, `terminal` is as read on `db`; with a chain, `terminal`
// is its last one's `after` and `db` shows its first one's `before` (held_for_terminal.h).
// Errors are the database's.
Result<WorkedOut> WorkOut(sql::Connection& db, const TerminalRecord& terminal,
                          const std::vector<JournalEntry>& entries, std::span<const EntryReadAhead> read_ahead,
                          TimePoint now, std::span<const UnwrittenBatch* const> ahead = {}) {
  const int64_t first = entries.front().seq;
  const int64_t last = entries.back().seq;
  if (first > terminal.hwm + 1) {
    return WorkedOut{ApplyOutcome{ApplyResult::kGap, terminal.hwm, Refuse(Refusal::kLedgerHoldsUpTo, terminal.hwm, first)}};
  }
  // Entries the ledger already holds must be the very ones it holds: a terminal restored
  // from an old backup, or a second one under the same id, is a conflict, not a duplicate.
  if (first <= terminal.hwm) {
    Result<sql::Rows> held = db.Query(
        "SELECT seq, hash FROM entries WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq",
        {Param(terminal.id), Param(first), Param(std::min(last, terminal.hwm))});
    if (!held.ok()) return held.status();
    for (size_t i = 0; i < entries.size() && entries[i].seq <= terminal.hwm; ++i) {
      const bool same = i < held->size() && held->Int(i, 0) == entries[i].seq &&
                        held->Bytes(i, 1) == DigestBlob(entries[i].hash).bytes;
      if (!same) {
        return WorkedOut{ApplyOutcome{ApplyResult::kConflict, terminal.hwm,
                                      Refuse(Refusal::kEntryDiffersFromHeld, entries[i].seq)}};
      }
    }
  }
  if (last <= terminal.hwm) return WorkedOut{ApplyOutcome{ApplyResult::kDuplicate, terminal.hwm, Status::Ok()}};
  const auto rejected = [&terminal](Status reason) {
    return WorkedOut{ApplyOutcome{ApplyResult::kRejected, terminal.hwm, std::move(reason)}};
  };

  Result<BooksCalendar> calendar = EventCalendar(terminal);
  if (!calendar.ok()) return calendar.status();
  HeldForTerminal held(db, terminal.id, ahead);
  // A database error met while Books looks up a sale is the database's (503), not a refusal.
  Status lookup_failure;
  const HeldSaleLookup held_sale = [&](int64_t seq) -> Result<std::optional<BookedSale>> {
    Result<std::optional<BookedSale>> sale = held.Sale(seq);
    if (!sale.ok()) lookup_failure = sale.status();
    return sale;
  };
  Result<BooksState> state = BooksStateOf(db, terminal, *calendar);
  if (!state.ok()) {
    if (state.status().code() == StatusCode::kIoError) return state.status();
    return rejected(RefuseAt(Refusal::kHeldEntriesBreakRules)(state.status()));
  }
  Books books(std::move(calendar).value(), std::move(state).value(), held_sale);

  std::vector<const JournalEntry*> fresh;
  for (const JournalEntry& entry : entries) {
    if (entry.seq > terminal.hwm) fresh.push_back(&entry);
  }
  Result<std::optional<int64_t>> reused = held.FirstReusedUuid(fresh);
  if (!reused.ok()) return reused.status();
  if (reused->has_value()) return rejected(RefuseAt(Refusal::kAtEntry, **reused)(Refuse(Refusal::kUuidUsedAlready)));

  BatchPlan plan(terminal, now);
  for (const JournalEntry* entry : fresh) {
    const size_t index = static_cast<size_t>(entry - entries.data());
    Result<Booking> booking = read_ahead.empty() ? books.Apply(*entry) : books.Apply(*entry, read_ahead[index]);
    if (!lookup_failure.ok()) return lookup_failure;
    if (!booking.ok()) return rejected(RefuseAt(Refusal::kAtEntry, entry->seq)(booking.status()));
    LAPAK_RETURN_IF_ERROR(plan.Add(held, books.calendar(), *entry, *booking));
  }
  return WorkedOut{PlannedBatch{terminal, std::move(plan), books.state()}};
}

// The terminal's row once the planned batch is written: its new mark and books.
TerminalRecord RowAfter(const PlannedBatch& planned, const std::vector<JournalEntry>& entries, TimePoint now) {
  TerminalRecord after = planned.terminal;
  after.hwm = entries.back().seq;
  after.last_hash = planned.books.last_hash;
  after.last_batch_at = now;
  after.last_entry_at = entries.back().time;
  after.books = EncodeBooksState(planned.books);
  return after;
}

// What the planned batch adds, for the terminal's next batch to be worked out on before this
// one is written. Takes the plan's sales (BatchPlan::LeaveBehind).
std::shared_ptr<const UnwrittenBatch> Unwritten(PlannedBatch& planned, const std::vector<JournalEntry>& entries,
                                                TimePoint now) {
  auto unwritten = std::make_shared<UnwrittenBatch>();
  unwritten->before = planned.terminal;
  unwritten->after = RowAfter(planned, entries, now);
  planned.plan.LeaveBehind(*unwritten);
  unwritten->uuids.reserve(entries.size());
  for (const JournalEntry& entry : entries) {
    if (entry.seq > planned.terminal.hwm) unwritten->uuids.push_back(entry.uuid);
  }
  std::sort(unwritten->uuids.begin(), unwritten->uuids.end());
  return unwritten;
}

// The chain of `unwritten` (a terminal's, in the order queued) that `entries` follows and that
// holds on a snapshot showing the terminal's row as `row` (held_for_terminal.h): its batches
// from the one worked out on `row` on, each worked out on the one before, the last ending
// just before `entries`. Empty when there is none.
std::vector<const UnwrittenBatch*> ChainAhead(const std::vector<std::shared_ptr<const UnwrittenBatch>>& unwritten,
                                              const TerminalRecord& row, const std::vector<JournalEntry>& entries) {
  std::vector<const UnwrittenBatch*> chain;
  for (const auto& batch : unwritten) {
    if (batch->before == (chain.empty() ? row : chain.back()->after)) chain.push_back(batch.get());
  }
  if (chain.empty() || entries.front().seq != chain.back()->after.hwm + 1) return {};
  return chain;
}

// Writes a planned batch and the terminal's row after it: the batch is applied.
Result<ApplyOutcome> WritePlanned(sql::Connection& db, const PlannedBatch& planned,
                                  const std::vector<JournalEntry>& entries, TimePoint now) {
  LAPAK_RETURN_IF_ERROR(planned.plan.Write(db));
  const TerminalRecord after = RowAfter(planned, entries, now);
  LAPAK_RETURN_IF_ERROR(db.Execute("UPDATE terminals SET hwm = $2, last_hash = $3, "
                                   "last_batch_at_ms = $4, last_entry_at_ms = $5, books = $6 "
                                   "WHERE id = $1",
                                   {Param(after.id), Param(after.hwm), Param(DigestBlob(after.last_hash)),
                                    Param(after.last_batch_at), Param(after.last_entry_at), Param(*after.books)})
                            .status());
  return ApplyOutcome{ApplyResult::kApplied, after.hwm, Status::Ok()};
}

}  // namespace

struct LedgerStore::PendingBatch {
  const TerminalRef& terminal;
  const std::vector<JournalEntry>& entries;
  TimePoint now;
  std::string_view signed_with_key;
  std::span<const EntryReadAhead> read_ahead;
  std::optional<PlannedBatch> planned;          // worked out ahead (PlanAhead), if it was
  bool worked_out_on_batch_ahead = false;       // on the UnwrittenBatch of the one ahead
  // Once planned: left for the terminal's next batch, as long as this one is not written.
  std::shared_ptr<const UnwrittenBatch> left_behind;
  std::optional<Result<ApplyOutcome>> outcome;  // set by whoever applies its group
  bool worked_out_by_writer = false;            // its plan did not hold, or there was none
  bool done = false;  // its group is over: `outcome` is final (under pending_mutex_)
};

namespace {

// The key of a terminal's batches in LedgerStore::unwritten_.
std::string UnwrittenKey(const TerminalRef& terminal) {
  std::string key = terminal.stall_id;
  key += '\0';
  key += terminal.terminal_id;
  return key;
}

}  // namespace

Result<ApplyOutcome> LedgerStore::ApplyBatch(const TerminalRef& terminal,
                                             const std::vector<JournalEntry>& entries,
                                             TimePoint now, std::string_view signed_with_key,
                                             std::span<const EntryReadAhead> read_ahead,
                                             const std::function<void()>& on_queued) {
  if (entries.empty()) return Refuse(Refusal::kBatchHasNoEntries);
  assert(read_ahead.empty() || read_ahead.size() == entries.size());
  PendingBatch mine{terminal, entries, now, signed_with_key, read_ahead, std::nullopt, false, nullptr, std::nullopt};
  const std::string unwritten_key = UnwrittenKey(terminal);
  if (read_pool_) {  // SQLite: worked out here, beside the one writer
    std::vector<std::shared_ptr<const UnwrittenBatch>> ahead;
    {
      std::lock_guard lock(pending_mutex_);
      if (auto found = unwritten_.find(unwritten_key); found != unwritten_.end()) ahead = found->second;
    }
    if (Result<ConnectionPool::Lease> reader = read_pool_->Take(); reader.ok()) PlanAhead(**reader, mine, ahead);
    if (mine.planned) mine.left_behind = Unwritten(*mine.planned, entries, now);
  }
  if (apply_pool_) {  // PostgreSQL: in parallel, each on a connection of its own
    Result<ConnectionPool::Lease> connection = apply_pool_->Take();
    if (!connection.ok()) return connection.status();
    ApplyGroup(**connection, {&mine});
    return std::move(*mine.outcome);
  }
  std::unique_lock lock(pending_mutex_);
  pending_.push_back(&mine);
  if (mine.left_behind) unwritten_[unwritten_key].push_back(mine.left_behind);
  if (on_queued) {
    lock.unlock();
    on_queued();
    lock.lock();
  }
  // Whoever finds no group being applied applies every batch waiting, its own among them.
  // The others read their outcome only once `done` is set under the lock: until then the
  // applying thread may still be writing it (and a commit may still fail the whole group).
  while (!mine.done) {
    if (applying_group_) {
      group_done_.wait(lock);
      continue;
    }
    applying_group_ = true;
    const std::vector<PendingBatch*> group = std::exchange(pending_, {});
    lock.unlock();
    std::exception_ptr thrown;  // e.g. bad_alloc: the group still ends, then it propagates
    try {
      std::lock_guard store_lock(mutex_);
      ApplyGroup(*db_, group);
    } catch (...) {
      thrown = std::current_exception();
    }
    lock.lock();
    for (PendingBatch* batch : group) {
      // After an exception the transaction was rolled back: no outcome decided in it holds.
      if (thrown || !batch->outcome) batch->outcome = Refuse(Refusal::kLedgerCannotStore);
      batch->done = true;
      planning_.on_batch_ahead += batch->worked_out_on_batch_ahead ? 1 : 0;
      planning_.by_writer += batch->worked_out_by_writer ? 1 : 0;
      // Written or not, what it left behind is over: the batches behind are worked out on
      // the database and what those after it left.
      if (batch->left_behind) {
        const auto left = unwritten_.find(UnwrittenKey(batch->terminal));
        std::erase(left->second, batch->left_behind);
        if (left->second.empty()) unwritten_.erase(left);
      }
    }
    applying_group_ = false;
    group_done_.notify_all();
    if (thrown) std::rethrow_exception(thrown);
  }
  return std::move(*mine.outcome);
}

void LedgerStore::ApplyGroup(sql::Connection& db, const std::vector<PendingBatch*>& group) {
  const auto fail_all = [&group](const Status& failure) {
    for (PendingBatch* batch : group) batch->outcome = failure;
  };
  const auto run = [&db](std::string_view statement) {
    return db.Execute(statement, std::span<const Value>()).status();
  };
  sql::Transaction transaction(db, sql::Transaction::kWrite);
  if (!transaction.status().ok()) return fail_all(transaction.status());
  // One batch alone needs no savepoint: what it did not apply, the rollback undoes.
  const bool alone = group.size() == 1;
  bool wrote = false;
  for (PendingBatch* batch : group) {
    if (!alone) {
      if (Status saved = run("SAVEPOINT batch"); !saved.ok()) return fail_all(saved);
    }
    batch->outcome = ApplyOne(db, *batch);
    const bool applied = batch->outcome->ok() && (*batch->outcome)->result == ApplyResult::kApplied;
    wrote = wrote || applied;
    if (alone) break;
    const Status undone =
        applied ? Status::Ok() : run("ROLLBACK TO SAVEPOINT batch");
    const Status released = run("RELEASE SAVEPOINT batch");
    if (!undone.ok() || !released.ok()) return fail_all(undone.ok() ? released : undone);
  }
  if (!wrote) return;  // nothing to keep: the transaction rolls back
  // An outcome decided inside the group (a duplicate of a batch applied just before it) is
  // only true once the group is durable.
  if (Status committed = transaction.Commit(); !committed.ok()) fail_all(committed);
}

Result<TerminalRecord> LedgerStore::EnrolledTerminal(sql::Connection& db, const PendingBatch& batch,
                                                     bool for_update) {
  Result<std::optional<TerminalRecord>> found = FindTerminalOn(db, batch.terminal, for_update);
  if (!found.ok()) return found.status();
  if (!found->has_value() || (*found)->revoked ||
      (!batch.signed_with_key.empty() && (*found)->terminal_key != batch.signed_with_key)) {
    return Refuse(Refusal::kTerminalNotEnrolled, batch.terminal.terminal_id, batch.terminal.stall_id);
  }
  return std::move(**found);
}

void LedgerStore::PlanAhead(sql::Connection& db, PendingBatch& batch,
                            const std::vector<std::shared_ptr<const UnwrittenBatch>>& unwritten) {
  sql::Transaction snapshot(db, sql::Transaction::kRead);
  if (!snapshot.status().ok()) return;
  Result<TerminalRecord> terminal = EnrolledTerminal(db, batch, false);
  if (!terminal.ok()) return;
  const std::vector<const UnwrittenBatch*> chain = ChainAhead(unwritten, *terminal, batch.entries);
  const bool on_ahead = !chain.empty();
  Result<WorkedOut> worked = on_ahead
                                 ? WorkOut(db, chain.back()->after, batch.entries, batch.read_ahead, batch.now, chain)
                                 : WorkOut(db, *terminal, batch.entries, batch.read_ahead, batch.now);
  batch.worked_out_on_batch_ahead = on_ahead;
  if (worked.ok() && std::holds_alternative<PlannedBatch>(*worked)) {
    batch.planned = std::get<PlannedBatch>(std::move(worked).value());
  }
}

Result<ApplyOutcome> LedgerStore::ApplyOne(sql::Connection& db, PendingBatch& batch) {
  Result<TerminalRecord> terminal = EnrolledTerminal(db, batch, true);
  if (!terminal.ok()) return terminal.status();
  // What the plan read of the terminal (its entries, sales and session totals) changes only
  // with its row: the same row, the same plan.
  if (batch.planned && batch.planned->terminal == *terminal) {
    return WritePlanned(db, *batch.planned, batch.entries, batch.now);
  }
  batch.worked_out_by_writer = true;
  Result<WorkedOut> worked = WorkOut(db, *terminal, batch.entries, batch.read_ahead, batch.now);
  if (!worked.ok()) return worked.status();
  if (const ApplyOutcome* decided = std::get_if<ApplyOutcome>(&*worked)) return *decided;
  return WritePlanned(db, std::get<PlannedBatch>(*worked), batch.entries, batch.now);
}

}  // namespace lapak::ledger
