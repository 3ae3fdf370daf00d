// StallStore: the terminal's books in one SQLite file.
//
// Durability contract: every write is one transaction begun with BEGIN IMMEDIATE and run in
// WAL mode with synchronous=FULL; a method that records something returns ok only after
// COMMIT returned SQLITE_OK, i.e. after the WAL was fsync'ed. A method that returns an error
// has changed nothing (the transaction was rolled back), with one documented exception: a
// wrong PIN is itself recorded, for the lock-out.
//
// The journal table is append-only (triggers refuse UPDATE and DELETE, and any insert whose
// seq is not the next one). The sales, voids and days tables are indexes over the journal,
// written in the same transaction as the entry they index.
//
// Thread-safety: a StallStore is used from one thread at a time. Two processes may open the
// same file; writers wait up to the busy timeout for each other.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/books.h"
#include "core/business_day.h"
#include "core/catalog.h"
#include "core/clock.h"
#include "core/day_figures.h"
#include "core/durable_database.h"
#include "core/journal.h"
#include "core/pin.h"
#include "core/sale.h"
#include "core/status.h"

namespace lapak {

namespace sqlite {
class Database;
class Statement;
}

struct StallSetup {
  std::string stall_id;     // 1-32 of [A-Za-z0-9._-], as the organiser assigned it
  std::string stall_name;   // 1-80 bytes of text
  std::string terminal_id;  // 1-32 of [A-Za-z0-9._-]
  std::string time_zone = std::string(kDefaultTimeZone);
  std::string day_cutoff = std::string(kDefaultDayCutoff);
  std::string owner_pin;
  std::string cashier_pin;
};

struct StallInfo {
  std::string stall_id;
  std::string stall_name;
  std::string terminal_id;
  std::string time_zone;
  std::string day_cutoff;
};

// A recorded sale as a receipt shows it.
struct Receipt {
  int64_t seq = 0;
  std::string receipt;  // "20261122-0007": business day and its running number
  std::string business_day;
  std::string time_utc;
  std::string local_time;  // "2026-11-22 19:05 WIB"
  CompletedSale sale;
  bool voided = false;
  std::string void_reason;
};

// The state of the day session now open, if any.
struct OpenDay {
  int64_t day_number = 0;
  std::string business_day;
  int64_t open_seq = 0;
  Money opening_float;
};

// Cash put into the drawer or taken out of it (kas masuk/keluar), as the day lists it.
struct CashMoveRecord {
  int64_t seq = 0;
  std::string local_time;  // "2026-11-22 19:05 WIB"
  CashMoveBody move;
};

// A business day's figures so far, all its day sessions together, closed or not.
struct DayReport {
  std::string business_day;
  DayFigures figures;
  std::vector<CashMoveRecord> cash_moves;  // of every session of the day, in order
  std::optional<OpenDay> open_day;  // the open session, when it belongs to this day
  Money expected_cash_now;          // of the open session: float + net cash + cash in − out
  std::vector<int64_t> z_numbers;   // the Z reports already taken for this day
};

struct VerifyReport {
  int64_t entries = 0;
  int64_t sales = 0;
  bool ok = true;
  int64_t first_bad_seq = 0;  // 0 when ok, or when an index table holds a row of no entry
  std::string problem;        // what is wrong with the first bad entry
};

// The terminal's link to the bazaar ledger, from its enrolment code.
struct SyncLink {
  std::string ledger_url;    // "http://host:port" or "https://…"
  std::string terminal_key;  // 32 raw bytes, shared with the ledger only
};

// How far the journal has reached the ledger.
struct SyncProgress {
  bool enrolled = false;
  std::string ledger_url;
  int64_t last_seq = 0;          // the journal's newest entry
  int64_t acknowledged_seq = 0;  // the ledger holds every entry up to here
  int64_t unsent() const { return last_seq - acknowledged_seq; }
  std::optional<TimePoint> oldest_unsent_at;  // time of entry acknowledged_seq + 1
  std::optional<TimePoint> last_success_at;
  Status last_error;  // of the last attempt, ok when it succeeded
  std::optional<TimePoint> last_error_at;
};

enum class OpenMode { kCreateIfMissing, kMustExist };

// The most a kept sync error may take, coded (StallStore::RecordSyncError).
inline constexpr size_t kMaxSyncErrorBytes = 4096;

// Entries are stamped with the clock, never earlier than the entry before them: a clock up to
// kClockSlack behind the last entry (a small correction) stamps the last entry's time; one
// further behind is refused until it is set right.
inline constexpr std::chrono::minutes kClockSlack{5};

class StallStore {
 public:
  // Opens the database at `path`, or creates it with mode 0600 (kCreateIfMissing; never for
  // kRead), for `use` as core/durable_database.h says: a schema this Lapak knows (a newer
  // one is refused), then WAL, synchronous=FULL, foreign keys and a busy timeout, and the
  // schema migrated through user_version. No open reads the whole file, except kServe's
  // (lapak-pos) after an unclean shutdown, told to `on_check`. With kRead every write
  // method fails. `clock` must outlive the store.
  [[nodiscard]] static Result<std::unique_ptr<StallStore>> Open(
      const std::string& path, const Clock& clock, OpenMode mode = OpenMode::kCreateIfMissing,
      DatabaseUse use = DatabaseUse::kWrite, const StartupCheckObserver& on_check = {});
  ~StallStore();

  // ---- stall and PINs ------------------------------------------------------------------
  // Once only: a set-up stall cannot be set up again (its journal is its books).
  [[nodiscard]] Status Initialise(const StallSetup& setup);
  [[nodiscard]] Result<StallInfo> Info();
  // ok for the right PIN; PermissionDenied for a wrong one (recorded for the lock-out);
  // FailedPrecondition while the role is locked, naming when it opens again;
  // InvalidArgument, not counted as a try, for text that is not a PIN at all.
  [[nodiscard]] Status CheckPin(Role role, const std::string& pin);

  // Terminal preferences (the language, the text size …): small named values that survive
  // a restart. Not part of the books: no journal entry. `name` is 1-32 of [a-z_]; `value`
  // 0-200 bytes of printable UTF-8.
  [[nodiscard]] Status SetPreference(std::string_view name, std::string_view value);
  // std::nullopt when never set.
  [[nodiscard]] Result<std::optional<std::string>> Preference(std::string_view name);

  // ---- catalog -------------------------------------------------------------------------
  // All or nothing. Products are added or updated by sku and made active; with
  // `deactivate_missing`, active products not in `products` are deactivated.
  [[nodiscard]] Status ImportCatalog(const std::vector<Product>& products, bool deactivate_missing);
  [[nodiscard]] Status SaveProduct(const Product& product);
  [[nodiscard]] Result<Product> FindProduct(const std::string& sku);
  // In the order first added.
  [[nodiscard]] Result<std::vector<Product>> Products(bool include_inactive);

  // ---- the day -------------------------------------------------------------------------
  [[nodiscard]] Result<std::optional<OpenDay>> CurrentDay();
  // Opens a day session with a cash float. Refused while one is open.
  [[nodiscard]] Result<OpenDay> OpenDaySession(Money opening_float);
  // Closes the open session with the counted cash and records its Z report.
  [[nodiscard]] Result<ZReport> CloseDay(Money counted_cash);
  [[nodiscard]] Result<DayReport> ReportDay(const std::string& business_day);
  [[nodiscard]] Result<ZReport> FindZReport(int64_t z_number);
  // Puts cash into the open session's drawer or takes it out (kas masuk/keluar, store_cash.cpp):
  // change brought in, a wrong float corrected, takings handed to the owner. With the owner's
  // PIN, checked like a void's, and a reason (1-200 bytes). Cash out is refused above what
  // the drawer should hold; nothing is recorded without an open day.
  [[nodiscard]] Result<CashMoveRecord> RecordCashMove(CashDirection direction, Money amount,
                                                      const std::string& reason, const std::string& owner_pin);
  [[nodiscard]] Result<std::vector<ZReport>> ZReports();

  // ---- sales ---------------------------------------------------------------------------
  // Records a completed sale and returns its receipt only after the commit succeeded. With
  // no open day session one is opened (float Rp0) in the same transaction. Refused while
  // the open session belongs to an earlier business day: that day must be closed first.
  [[nodiscard]] Result<Receipt> RecordSale(const CompletedSale& sale);
  // Voids a whole sale of the open day session, with the owner's PIN and a reason (1-200
  // bytes). A sale is voided at most once; sales of a closed session cannot be voided.
  [[nodiscard]] Result<Receipt> VoidSale(const std::string& receipt, const std::string& owner_pin,
                                         const std::string& reason);
  [[nodiscard]] Result<Receipt> FindReceipt(const std::string& receipt);
  // The sales of `business_day`, newest first, at most `limit`.
  [[nodiscard]] Result<std::vector<Receipt>> History(const std::string& business_day, int64_t limit);
  // The business day that the clock says it is now.
  [[nodiscard]] Result<std::string> Today();

  // ---- the journal ---------------------------------------------------------------------
  // Entries with seq in [from_seq, from_seq + limit).
  [[nodiscard]] Result<std::vector<JournalEntry>> Entries(int64_t from_seq, int64_t limit);
  // ---- sync to the ledger (store_sync.cpp) --------------------------------------------
  // Links the terminal to a ledger. A later enrolment replaces the link; with the same key it
  // keeps what was acknowledged, with a new one (another ledger, or this one enrolled anew)
  // it starts from nothing acknowledged, so the whole journal is offered to that ledger and
  // its first answer says what it holds. The key must be 32 bytes, the URL http:// or https://.
  [[nodiscard]] Status Enrol(const SyncLink& link);
  [[nodiscard]] Result<std::optional<SyncLink>> FindSyncLink();
  [[nodiscard]] Result<SyncProgress> Progress();
  // The ledger enrolled with `terminal_key` answered that it holds every entry up to
  // `ledger_seq` (its high-water mark). It may be lower than before (a ledger restored from a
  // backup: the rest is sent again); one above the journal's newest entry is refused as
  // corruption. Once the terminal is enrolled with another key, that ledger's answers change
  // nothing (an uploader's round may end after the vendor enrolled anew).
  [[nodiscard]] Status RecordAcknowledged(int64_t ledger_seq, std::string_view terminal_key);
  // The last attempt failed with `error`, kept coded (core/refusal.h EncodeStatus, at most
  // kMaxSyncErrorBytes; a longer one is kept as its first 200 bytes of English) and shown,
  // in the reader's language, until the next success.
  [[nodiscard]] Status RecordSyncError(const Status& error);

  // Checks every page of the file (PRAGMA integrity_check), then replays the journal through
  // Books (core/books.h: sequence, hashes, canonical bodies, sale arithmetic, days, voids, Z
  // reports) and checks that the index tables agree with it. Names the first bad entry, or
  // entry 0 for damage outside the journal.
  [[nodiscard]] Result<VerifyReport> Verify();

 private:
  StallStore(std::unique_ptr<sqlite::Database> db, const Clock& clock);

  // Loads the stall's settings after Open or Initialise; NotFound before set-up.
  [[nodiscard]] Status LoadSettings();
  [[nodiscard]] Status RequireInitialised() const;
  // Inside the caller's write transaction: the books as the journal now holds them, kept
  // between writes and loaded from the tables again whenever the journal's last entry is not
  // the one they last took in (another process wrote, or a write was rolled back).
  [[nodiscard]] Result<Books*> BooksForWrite();
  [[nodiscard]] Result<BooksState> LoadBooksState();
  // A sale of the journal with whether the voids index cancels it; for Books' void rule.
  [[nodiscard]] Result<std::optional<BookedSale>> HeldSale(int64_t seq);
  // The time to stamp the next entry with (see kClockSlack).
  [[nodiscard]] Result<TimePoint> EntryTime(const Books& books);
  // Inside the caller's write transaction: the next entry of the chain, judged by `books`
  // (nothing is written when it refuses) and appended.
  struct Appended {
    JournalEntry entry;
    Booking booking;
  };
  [[nodiscard]] Result<Appended> Append(Books& books, EntryKind kind, TimePoint time,
                                        const std::string& business_day, std::string body);
  [[nodiscard]] Result<std::optional<OpenDay>> ReadOpenDay();
  // Inside the caller's write transaction: a day_open entry and its days row.
  [[nodiscard]] Result<OpenDay> InsertDayOpen(Books& books, TimePoint time, Money opening_float);
  [[nodiscard]] Result<DayFigures> FiguresOfSession(int64_t day_number);
  // The cash moves of the session opened by entry `open_seq`, summed; of a business day, listed.
  [[nodiscard]] Result<CashMoves> CashMovesOfSession(int64_t open_seq);
  [[nodiscard]] Result<std::vector<CashMoveRecord>> CashMovesOfDay(const std::string& business_day);
  // A row of the receipt query in store_sales.cpp.
  [[nodiscard]] Result<Receipt> ReceiptFromRow(const sqlite::Statement& row);
  [[nodiscard]] Result<ZReport> ReadZReport(int64_t close_seq);

  std::unique_ptr<sqlite::Database> db_;
  const Clock& clock_;
  std::optional<StallInfo> info_;               // set once the stall is set up
  std::optional<BusinessCalendar> calendar_;    // from info_
  std::optional<Books> books_;                  // see BooksForWrite
};

}  // namespace lapak
