// Books: the rules of one terminal's books, once, as a pure state machine over its journal.
//
// A Books holds what is needed to judge the next journal entry of one terminal, and Apply
// either takes the entry in or says which rule it breaks and changes nothing. There is no
// SQL here and no clock: the terminal's store works out each write through Apply before it
// appends the entry, `lapak verify` replays the journal through it, and the ledger's ingest
// replays every entry it receives through it with the event's own calendar. Every rule of
// the books lives here and nowhere else:
//
//   chain     seq is the previous seq + 1 (1 first); prev_hash is the previous entry's
//             hash (32 zero bytes first); hash = ComputeEntryHash; uuid is written
//             8-4-4-4-12 in lowercase hex; time lies in [kEarliestEntryTime,
//             kLatestEntryTime] and is not earlier than the previous entry's.
//   day       the business day of a day_open or a sale is the calendar's for its time, and
//             lies within the calendar's window of days when it has one (the ledger's
//             event); a void and a day_close belong to the day of their session.
//   day_open  no session is open; day = the last day number + 1; float Rp0..kMaxSaleTotal.
//   sale      a session is open and its day is the sale's business day (a day left open
//             must be closed before selling on the next); body day = the session's; the
//             receipt is the next number of its business day; at least one line; every
//             sale rule of ComputeTotals (core/sale.h) holds.
//   void      of an unvoided sale of the open session, naming its receipt and total; the
//             reason is 1..kMaxReasonBytes of printable UTF-8.
//   cash_move of the open session (body day = the session's, on its business day); amount
//             Rp1..kMaxSaleTotal; reason as a void's; cash out no more than the drawer
//             should hold at that moment (ExpectedCash): a drawer cannot go below Rp0.
//   day_close closes the open session; z = the last Z number + 1; every figure equals the
//             session's own sales, voids and cash moves, summed with checked arithmetic;
//             counted cash Rp0..kMaxSaleTotal; expected cash and over/short as SettleCash says.
//
// Bounds: each sale is at most kMaxSaleTotal (Rp1 miliar), so the session's sums, checked
// anyway, cannot overflow before ~9·10⁹ sales, which no stall or batch can reach.
//
// Thread-safety: none; a Books is used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/business_day.h"
#include "core/crypto.h"
#include "core/day_figures.h"
#include "core/journal.h"
#include "core/status.h"

namespace lapak {

// Entry times outside these are a clock that was never set (1970 after a flat RTC battery)
// or a forgery; both are refused.
inline constexpr TimePoint kEarliestEntryTime{std::chrono::milliseconds(1'577'836'800'000)};  // 2020-01-01
inline constexpr TimePoint kLatestEntryTime{std::chrono::milliseconds(4'102'444'800'000)};    // 2100-01-01

// A sale as the books remember it, to judge a void of it.
struct BookedSale {
  int64_t seq = 0;
  int64_t day_number = 0;
  std::string business_day;
  std::string receipt;
  TimePoint time;
  SaleAmounts amounts;
  bool voided = false;
  bool operator==(const BookedSale&) const = default;
};

// The sale that `entry` (a kSale entry) records, or why its body is not one.
[[nodiscard]] Result<BookedSale> BookedSaleOf(const JournalEntry& entry, bool voided);

// The day session now open.
struct OpenSession {
  int64_t day_number = 0;
  std::string business_day;
  int64_t open_seq = 0;
  TimePoint opened_at;
  Money opening_float;
  DayFigures figures;  // its sales and voids so far
  CashMoves cash_moves;
  bool operator==(const OpenSession&) const = default;
};

// What a store keeps of a terminal's books to go on from without replaying the journal.
// Its text form (EncodeBooksState) is canonical JSON, version 1:
//   {"day":N,"hash":"64 hex","open":SESSION|null,"receipt":N,"receipt_day":"YYYY-MM-DD"|"",
//    "seq":N,"time_utc_ms":N,"v":1,"z":N}
//   SESSION := {"business_day":D,"cash":M,["cash_in":M,]["cash_out":M,]"day":N,"float":M,
//               "gross":M,"net":M,"open_seq":N,"opened_at_utc_ms":N,"qris":M,"sales":N,
//               "transfer":M,"voids":M,"voids_count":N}
//               (cash_in and cash_out as in a Z report: written only when not zero)
struct BooksState {
  int64_t last_seq = 0;
  Sha256Digest last_hash{};
  TimePoint last_time{};
  int64_t last_day_number = 0;
  int64_t last_z_number = 0;
  std::string receipt_day;          // business day of the last receipt; empty before any
  int64_t last_receipt_number = 0;  // its number within that day
  std::optional<OpenSession> open;
  bool operator==(const BooksState&) const = default;
};

std::string EncodeBooksState(const BooksState& state);
[[nodiscard]] Result<BooksState> DecodeBooksState(std::string_view text);

// Ok when `reason` may be given for a void: 1..kMaxReasonBytes of printable UTF-8.
[[nodiscard]] Status ValidateVoidReason(std::string_view reason);

// The calendar entries are judged by, and for the ledger the days of its event: an entry
// whose business day lies outside [first_day, last_day] is refused.
struct BooksCalendar {
  BusinessCalendar calendar;
  std::optional<std::string> first_day;
  std::optional<std::string> last_day;
};

// What Apply took in.
struct Booking {
  EntryKind kind = EntryKind::kSale;
  std::optional<DayOpenBody> day_open;  // kDayOpen
  std::optional<BookedSale> sale;       // kSale: the new sale; kVoid: the sale it cancels
  std::optional<VoidBody> void_body;    // kVoid
  std::optional<CashMoveBody> cash_move;  // kCashMove
  std::optional<ZReport> z;             // kDayClose, with close_seq and closed_at filled in
};

// What Books judges of an entry from the entry alone, worked out ahead of Apply: whether its
// hash is the hash of its own bytes and, for a sale, its body decoded (or why it is not one).
// ReadAhead needs no Books and runs on any thread: the ledger reads a batch's entries so
// while the batch ahead of it is still being applied (sync/ledger/ingest/ingest.h), and Apply
// then only judges them against the books. Its findings are refused where Apply would have
// found them itself: the refusal, and which entry it names, are the same.
struct EntryReadAhead {
  bool hash_matches = false;
  std::optional<Result<SaleBody>> sale;  // a sale entry's body
};
[[nodiscard]] EntryReadAhead ReadAhead(const JournalEntry& entry);
// The same, with `hash_of_bytes` == ComputeEntryHash(entry) worked out before.
[[nodiscard]] EntryReadAhead ReadAhead(const JournalEntry& entry, const Sha256Digest& hash_of_bytes);

// The entry that continues the journal whose books are in `state`: the next seq, a new uuid,
// chained to the last hash and hashed. Whether the rules allow it is Apply's to say.
JournalEntry NextEntry(const BooksState& state, std::string terminal_id, EntryKind kind, TimePoint time,
                       std::string business_day, std::string body);

// Finds a sale, by seq, that this Books has not taken in itself (it remembers only the sales
// of the open session it saw): a store answers from its tables; nullopt when there is none.
using HeldSaleLookup = std::function<Result<std::optional<BookedSale>>(int64_t seq)>;

class Books {
 public:
  // The books of a terminal whose journal holds what `state` says; without `held`, a sale
  // not seen by this Books is taken not to exist.
  explicit Books(BooksCalendar calendar, BooksState state = {}, HeldSaleLookup held = nullptr);

  // Takes `entry` in when it keeps every rule above. Refusals change nothing: Corruption for
  // a broken chain, FailedPrecondition for an entry the day's state does not allow now,
  // AlreadyExists for a second void, InvalidArgument for anything else. An error from
  // `held` is returned as it is.
  [[nodiscard]] Result<Booking> Apply(const JournalEntry& entry);
  // The same, with `ahead` == ReadAhead(entry) worked out before.
  [[nodiscard]] Result<Booking> Apply(const JournalEntry& entry, const EntryReadAhead& ahead);

  const BooksState& state() const { return state_; }
  const BusinessCalendar& calendar() const { return calendar_.calendar; }
  // The bodies a store appends next (Apply still judges them). NextSale and ZToClose are
  // FailedPrecondition while no day is open.
  DayOpenBody NextDayOpen(Money opening_float) const;
  [[nodiscard]] Result<SaleBody> NextSale(std::string_view business_day, const CompletedSale& sale) const;
  [[nodiscard]] Result<ZReport> ZToClose(Money counted_cash) const;
  [[nodiscard]] Result<CashMoveBody> NextCashMove(CashDirection direction, Money amount, std::string reason) const;
  // What the drawer of the open session should hold now; FailedPrecondition with none open.
  [[nodiscard]] Result<Money> ExpectedCashNow() const;
  // The receipt the next sale on `business_day` must carry.
  std::string NextReceipt(std::string_view business_day) const;

 private:
  [[nodiscard]] Status CheckChain(const JournalEntry& entry, bool hash_matches) const;
  [[nodiscard]] Status CheckOwnDay(const JournalEntry& entry) const;
  [[nodiscard]] Status CheckSessionDay(const JournalEntry& entry, int64_t body_day) const;
  [[nodiscard]] Result<Booking> ApplyDayOpen(const JournalEntry& entry);
  [[nodiscard]] Result<Booking> ApplySale(const JournalEntry& entry, const Result<SaleBody>& body);
  [[nodiscard]] Result<Booking> ApplyVoid(const JournalEntry& entry);
  [[nodiscard]] Result<Booking> ApplyCashMove(const JournalEntry& entry);
  [[nodiscard]] Result<Booking> ApplyDayClose(const JournalEntry& entry);
  // The sale `seq` as known now: seen by this Books, else from `held_`.
  [[nodiscard]] Result<std::optional<BookedSale>> FindSale(int64_t seq) const;

  BooksCalendar calendar_;
  BooksState state_;
  HeldSaleLookup held_;
  std::map<int64_t, BookedSale> session_sales_;  // sales of the open session seen here
};

}  // namespace lapak
