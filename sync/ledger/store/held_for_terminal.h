// What working out a terminal's batch reads of what the ledger holds for that terminal
// (apply_batch.cpp): the database as one snapshot shows it, and, when the batch is worked
// out on the plans of the terminal's batches just ahead of it, what those batches will add
// once they are written. Internal to the ledger's store.
//
// Why the second. On SQLite a terminal's next batch is worked out on a reading connection
// while the one writer still writes the batches ahead of it (ledger_store.h, ApplyBatch).
// Were it worked out only once they are committed, every batch of a catch-up would wait for
// the one before it to be planned, written and made durable in turn. So each batch leaves an
// UnwrittenBatch behind until it is written, and the next is worked out on the snapshot plus
// the chain of those that the snapshot does not hold yet.
//
// The contract that keeps this safe: a chain of UnwrittenBatches is used only when each was
// worked out on the one before it (its `before` is the other's `after`) and the snapshot's
// terminal row is the first one's `before` (so the snapshot holds exactly what the chain was
// worked out on); and the plan so made holds only while the terminal's row is the last one's
// `after` when the writer comes to it (so those batches, and nothing else, were written in
// between). The writer checks the second; any other row and it works the batch out again
// itself.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/books.h"
#include "core/journal.h"
#include "core/status.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/ledger/store/sql.h"

namespace lapak::ledger {

// What a batch that is worked out but not yet written adds to what the ledger holds for its
// terminal: all that working out the terminal's next batch reads.
struct UnwrittenBatch {
  struct Sale {
    BookedSale booked;  // voided if the batch itself voids it
    int64_t local_hour = -1;
  };

  TerminalRecord before;  // the terminal's row the batch was worked out on
  TerminalRecord after;   // its row once the batch is written
  // Built once per batch worked out, needed only if the next comes while it is written: kept
  // in sorted vectors, one allocation each, rather than a node per entry.
  std::vector<std::pair<int64_t, Sale>> sales;  // the batch's sales, by seq
  std::set<int64_t> voided_held;                // sales held before the batch that it voids
  std::vector<std::string> uuids;               // of the batch's new entries, sorted
  std::map<int64_t, LedgerFigures> sessions;    // day number → change to its session's totals

  // The batch's sale `seq`, or null.
  const Sale* FindSale(int64_t seq) const;
  bool UsedUuid(const std::string& uuid) const;
};

// The sales, uuids and session totals the ledger holds for one terminal, as `db` shows them
// plus what the chain `ahead` adds (oldest first; empty for none). `db` and `ahead` must
// outlive it. Errors are the database's.
class HeldForTerminal {
 public:
  HeldForTerminal(sql::Connection& db, std::string terminal_id, std::span<const UnwrittenBatch* const> ahead)
      : db_(db), terminal_id_(std::move(terminal_id)), ahead_(ahead) {}

  // The sale entry `seq`, with whether it is voided; none when `seq` is not a sale.
  [[nodiscard]] Result<std::optional<BookedSale>> Sale(int64_t seq);
  // The local hour sale `seq` is counted at (-1 for a sale received before the ledger kept
  // hours); Corruption when no sale `seq` is held.
  [[nodiscard]] Result<int64_t> SaleHour(int64_t seq);
  // The first of `entries` (new entries, in seq order) whose uuid the terminal has used
  // before, in `entries` or earlier.
  [[nodiscard]] Result<std::optional<int64_t>> FirstReusedUuid(const std::vector<const JournalEntry*>& entries);
  // The running totals of the terminal's day session `day_number`.
  [[nodiscard]] Result<LedgerFigures> SessionTotals(int64_t day_number);

 private:
  // Whether a batch of the chain from `first` on voids sale `seq`.
  bool VoidedAhead(int64_t seq, size_t first = 0) const;

  sql::Connection& db_;
  std::string terminal_id_;
  std::span<const UnwrittenBatch* const> ahead_;
};

// The terminal's books after entry hwm: as kept with the terminal, or, for entries received
// before the ledger kept it, replayed from `entries` on `db`. IoError from the database; any
// other error is a held entry that breaks a rule.
[[nodiscard]] Result<BooksState> BooksStateOf(sql::Connection& db, const TerminalRecord& terminal,
                                              const BooksCalendar& calendar);

}  // namespace lapak::ledger
