// LedgerStore: the central bazaar ledger's books, in one SQLite file or in PostgreSQL
// (sync/ledger/store/sql.h; the same code and SQL on both).
//
// Holds the events, the stalls (each registered once, taking part in many events), each
// stall's enrolled terminals with their keys and high-water marks (hwm), every journal entry received, running totals kept at ingest (per day, hour
// and day session) and the report readers' access tokens. Durability: one transaction per
// change, ok returned only after COMMIT (SQLite: WAL, synchronous=FULL; PostgreSQL:
// synchronous_commit on).
//
// Thread-safety: every public function may be called from any thread. They run one at a time
// on the store's connection, except ApplyBatch on PostgreSQL with kServe, which runs several
// at once on connections of its own, and, on a SQLite file open to write, FindTerminal and
// the working out of ApplyBatch's batches, which read on connections of their own (below).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/books.h"
#include "core/business_day.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/payment_method.h"
#include "core/status.h"
#include "sync/ledger/store/sql.h"

namespace lapak::ledger {

// Reports list an event day by day: a bazaar or expo lasts days or weeks, never more.
inline constexpr int kMaxEventDays = 366;

struct EventSpec {
  std::string id;
  std::string name;
  std::string province;
  std::string regency;
  std::string time_zone;  // IANA: Asia/Jakarta, Asia/Makassar, Asia/Jayapura
  std::string first_day;  // YYYY-MM-DD
  std::string last_day;
  std::string day_cutoff{kDefaultDayCutoff};  // "HH:MM": when the event's business day turns
};

// Terminals are set up and tried the evening before an event and opened by habit on the
// morning after it: entries whose business day lies up to this many days outside the event's
// days are taken (and shown as days of their own); further out, an entry is refused.
inline constexpr int kEventDayMargin = 1;

// A stall (an UMKM) taking part in an event. A stall is registered once, by its first
// AddStall, with its name, category and home regency, which it keeps at every event after.
struct StallSpec {
  std::string id;
  std::string event_id;
  std::string name;       // empty for a stall already registered
  std::string category;   // empty for a stall already registered
  std::string regency{};  // the stall's home regency; empty: the first event's
};

// A terminal as its stall names it: T1 of BKS-07 and T1 of MIE-02 are two terminals.
struct TerminalRef {
  std::string stall_id;     // empty only from a version 1 envelope (sync/envelope.h)
  std::string terminal_id;  // as set up on the terminal (`lapak init --terminal`)
};

struct TerminalRecord {
  // The ledger's own key for the terminal, which its entries, sales and Z reports are kept
  // under: "BKS-07/T1"; for a terminal enrolled before terminals were named by their stall,
  // its name alone.
  std::string id;
  std::string name;  // the terminal's own id, unique within its stall
  std::string stall_id;
  std::string event_id;  // the event it is enrolled for
  std::string time_zone;   // the event's
  std::string day_cutoff;  // the event's
  std::string first_day;   // the event's
  std::string last_day;    // the event's
  std::string terminal_key;  // 32 raw bytes
  bool revoked = false;
  int64_t hwm = 0;
  Sha256Digest last_hash{};
  std::optional<TimePoint> last_batch_at;
  std::optional<TimePoint> last_entry_at;  // time of entry hwm, as the terminal stamped it
  // The state of its books after entry hwm (EncodeBooksState); none for a terminal whose
  // entries arrived before the ledger kept it: worked out again from `entries` when needed.
  std::optional<std::string> books;
  bool operator==(const TerminalRecord&) const = default;
};

// What applying a batch came to (ApplyBatch).
enum class ApplyResult {
  kApplied,    // new entries stored; hwm advanced to the batch's last seq
  kDuplicate,  // every entry was already held; nothing changed
  kGap,        // the batch starts after hwm + 1; nothing changed
  kConflict,   // an entry at or below hwm differs from the one held; nothing changed
  kRejected,   // an entry breaks a rule of the books (core/books.h); nothing changed
};

struct ApplyOutcome {
  ApplyResult result = ApplyResult::kApplied;
  int64_t hwm = 0;
  Status reason;  // why, for kGap, kConflict, kRejected (core/refusal.h); ok otherwise
};

// The figures of a stall's business day, or of a terminal's day session, as the ledger holds
// them: as DayFigures (core/day_figures.h), gross counts every sale, voids the voided ones,
// net = gross − voids = Σ by_method.
struct LedgerFigures {
  int64_t sales_count = 0;
  int64_t voids_count = 0;
  Money gross;
  Money voids;
  Money net;
  MethodAmounts by_method;  // net by payment method
  bool operator==(const LedgerFigures&) const = default;

  // Adds `other` figure by figure. The ingest bounds what each entry adds (core/books.h), so
  // a sum that overflows int64 can only come from corrupt totals: Corruption, and *this is
  // left as it was. Never a wrapped value.
  [[nodiscard]] Status Add(const LedgerFigures& other);
};

struct StallDayTotals {
  std::string event_id;
  std::string business_day;
  std::string stall_id;
  LedgerFigures figures;
};

struct Reconciliation {
  std::string terminal_id;
  int64_t z_number = 0;
  std::string stall_id;
  std::string business_day;
  LedgerFigures terminal;  // from the Z report
  LedgerFigures ledger;    // from the entries received
  bool agrees = false;
  Money difference;  // terminal net − ledger net
};

// How many batches a PostgreSQL ledger opened with kServe applies at once: one per worker of
// the HTTP server (HttpLimits::worker_threads).
inline constexpr size_t kParallelApplies = 8;

// How many batches are checked at once (Ingestor: framing, mac, inflating, decoding) and, on
// SQLite, worked out at once beside the one writer (ApplyBatch, on as many reading
// connections): one fewer than the machine's cores, at least one, so that the work of many
// terminals at once leaves the writer their batches wait for a core of its own.
size_t CheckingSlots();

class ConnectionPool;
struct UnwrittenBatch;

class LedgerStore {
 public:
  // Opens the ledger at `where`, creating it (SQLite: the file; PostgreSQL: the tables) when
  // `create` is set, for `use` (sql::Open): with kRead every write fails; kServe is
  // `lapak-ledger serve`, whose open checks a SQLite file whole after an unclean shutdown.
  [[nodiscard]] static Result<std::unique_ptr<LedgerStore>> Open(
      const sql::Location& where, bool create, DatabaseUse use = DatabaseUse::kWrite,
      const StartupCheckObserver& on_check = {});
  ~LedgerStore();

  // ---- administration (ledger_store.cpp) -----------------------------------------------
  [[nodiscard]] Status AddEvent(const EventSpec& event);
  // Registers the stall when it is new (name and category required; regency by default the
  // event's), and has it take part in the event. A registered stall given with another name,
  // category or regency is refused: it keeps them from event to event.
  [[nodiscard]] Status AddStall(const StallSpec& stall);
  // A new random key for `terminal`, enrolled for `event_id`, or when that is empty for the
  // one event its stall takes part in. A terminal already enrolled is refused, unless
  // revoked: then it gets a new key, keeps its entries and mark, and is enrolled for the
  // event given (a stall's terminal that goes on to its next event).
  [[nodiscard]] Result<std::string> EnrolTerminal(const TerminalRef& terminal, TimePoint now,
                                                  const std::string& event_id = {});
  [[nodiscard]] Status RevokeTerminal(const TerminalRef& terminal, TimePoint now);
  // With no stall id (a version 1 envelope): the terminal of that name enrolled before
  // terminals were named by their stall, else the only terminal of that name.
  [[nodiscard]] Result<std::optional<TerminalRecord>> FindTerminal(const TerminalRef& terminal);
  [[nodiscard]] Result<std::vector<TerminalRecord>> Terminals();

  // ---- applying a batch (apply_batch.cpp) -----------------------------------------------
  // Applies the entries first_seq..last_seq of `terminal_id` (contiguous, as decoded and
  // authenticated by the caller) atomically, as the sync contract says: a batch wholly at or
  // below hwm is a duplicate; one starting after hwm + 1 a gap; otherwise every entry above
  // hwm is replayed through the terminal's Books (core/books.h) with the event's calendar
  // and days (± kEventDayMargin), its uuid must be new for the terminal, and they are stored
  // with the running totals, reconciliations, the books' state and the new hwm, or none is.
  // A terminal that is not enrolled, is revoked or, when `signed_with_key` is given, no
  // longer has that key (re-enrolled since the caller checked the batch's mac) is refused
  // with PermissionDenied.
  //
  // Concurrency. SQLite (one writer at a time) works each batch out on the caller's thread,
  // on a reading connection, beside the writer, CheckingSlots() batches at a time (a caller
  // waits for a connection); then uses group commit: batches that arrive
  // from several threads while one is being applied are applied together by one of those
  // threads, each in a savepoint of one transaction, and committed once; every caller
  // returns only after that commit (an ok outcome is durable). A batch whose terminal's row
  // changed since it was worked out (another of its batches came first, a revocation) is
  // worked out again by the writer. A failed commit fails every batch of the
  // group. PostgreSQL, opened with kServe, applies batches in parallel, each in a transaction
  // of its own on one of kParallelApplies connections; the terminal's row, locked FOR UPDATE
  // first, makes a terminal's batches wait for each other, in this process or in another
  // `serve` on the same database.
  //
  // A terminal's batches one behind the other (SQLite). `on_queued`, when given, is called
  // once the batch is queued for the writer behind every batch that was queued before it,
  // and worked out if it could be: from then on the caller may hand in the terminal's next
  // batch, which is then worked out on this one's plan while this one is still being written
  // (held_for_terminal.h), and applied after it. On PostgreSQL it is never called: the next
  // batch waits for this one to return.
  //
  // `read_ahead`, when given, holds ReadAhead(entry) of each of `entries` (core/books.h),
  // worked out by the caller beforehand; else it is worked out here, in turn.
  [[nodiscard]] Result<ApplyOutcome> ApplyBatch(const TerminalRef& terminal,
                                                const std::vector<JournalEntry>& entries,
                                                TimePoint now, std::string_view signed_with_key = {},
                                                std::span<const EntryReadAhead> read_ahead = {},
                                                const std::function<void()>& on_queued = {});

  // How SQLite's batches were worked out since the store was opened, for /v1/metrics and
  // tests: beside the writer on what the terminal's batches ahead leave before they are
  // written (whatever it came to); and by the writer, because there was no plan or the
  // terminal's row was not the one it was made on.
  struct PlanningCounters {
    std::atomic<int64_t> on_batch_ahead{0};
    std::atomic<int64_t> by_writer{0};
  };
  const PlanningCounters& planning() const { return planning_; }

  // ---- what was received (ledger_queries.cpp) ------------------------------------------
  [[nodiscard]] Result<std::vector<StallDayTotals>> DayTotals(const std::string& event_id,
                                                              const std::string& business_day);
  [[nodiscard]] Result<std::vector<Reconciliation>> Reconciliations(const TerminalRef& terminal);

  // ---- for the ledger's other readers and writers (reports, access tokens) -------------
  // Runs `work` on the connection inside one transaction (a snapshot for kRead), under the
  // store's lock; a write is committed when `work` returns ok, rolled back otherwise.
  [[nodiscard]] Status InTransaction(sql::Transaction::Mode mode,
                                     const std::function<Status(sql::Connection&)>& work);
  sql::Engine engine() const { return db_->engine(); }

  // ---- checking the file (ledger_store.cpp) ---------------------------------------------
  // SQLite: every page of the file (PRAGMA integrity_check, core/durable_database.h): "ok" or
  // the first problem found. PostgreSQL keeps its own pages: refused (InvalidArgument).
  [[nodiscard]] Result<std::string> CheckEveryPage();

 private:
  LedgerStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<ConnectionPool> apply_pool,
              std::unique_ptr<ConnectionPool> read_pool);

  // The terminal's record as `db` sees it; with `for_update`, inside a write transaction on
  // PostgreSQL, its row stays locked until the transaction ends.
  [[nodiscard]] static Result<std::optional<TerminalRecord>> FindTerminalOn(
      sql::Connection& db, const TerminalRef& terminal, bool for_update);
  struct PendingBatch;
  // The batch's terminal as `db` sees it; PermissionDenied unless it is enrolled, not revoked
  // and (when the batch says) still has the key the batch was signed with.
  [[nodiscard]] static Result<TerminalRecord> EnrolledTerminal(sql::Connection& db, const PendingBatch& batch,
                                                               bool for_update);
  // Works `batch` out on `db` (a reading connection, in a snapshot), on what the terminal's
  // batches ahead leave (`unwritten`, in the order queued) when the snapshot allows, and
  // keeps the plan in it when it comes to one; anything else (a refusal, an error) the writer
  // decides again.
  static void PlanAhead(sql::Connection& db, PendingBatch& batch,
                        const std::vector<std::shared_ptr<const UnwrittenBatch>>& unwritten);
  // Applies `group` on `db` in one transaction (a savepoint per batch when there are several)
  // and sets each outcome. The caller owns `db` meanwhile.
  static void ApplyGroup(sql::Connection& db, const std::vector<PendingBatch*>& group);
  [[nodiscard]] static Result<ApplyOutcome> ApplyOne(sql::Connection& db, PendingBatch& batch);

  std::mutex mutex_;
  std::unique_ptr<sql::Connection> db_;
  // PostgreSQL with kServe: the connections batches are applied on; null otherwise.
  std::unique_ptr<ConnectionPool> apply_pool_;
  // A SQLite file open to write: CheckingSlots() read-only connections on which batches are
  // worked out and terminals looked up, beside the writer (WAL); null otherwise.
  std::unique_ptr<ConnectionPool> read_pool_;

  // Batches waiting for the next group commit, and whether a thread is applying a group.
  std::mutex pending_mutex_;
  std::condition_variable group_done_;
  std::vector<PendingBatch*> pending_;
  bool applying_group_ = false;
  // By terminal ("stall\0terminal", under pending_mutex_): what each of its batches queued with
  // a plan leaves, in the order queued, until that batch's group is over.
  std::map<std::string, std::vector<std::shared_ptr<const UnwrittenBatch>>> unwritten_;
  PlanningCounters planning_;
};

}  // namespace lapak::ledger
