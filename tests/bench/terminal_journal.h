// The journal one stall's terminal writes over its event, made in memory for the report
// benchmarks: the entries are those StallStore would write for the same sales (core's body
// encoders, ComputeEntryHash, receipt numbers, Z reports settled with SettleCash), without a
// durable commit each — ten million of those would take the load hours.
//
// Each business day of the event (local times in the event's zone; Indonesia keeps no
// daylight saving):
//   day_open  09:30, a float of Rp200 000, Rp300 000 or Rp500 000
//   sale ×n   the planned sales, spread from 10:00 to 02:00 by a profile with a lunch and an
//             evening peak (a few after midnight: cut-off 04:00, so the same business day);
//             1-4 lines of the stall's catalog (1-2 for crafts and clothes), 4 % with a 10 %
//             discount; paid cash (50 %: a note above the total or exact), QRIS (42 %) or
//             transfer (8 %)
//   void      ~2 % of sales are voided, each soon after it, before the next sale
//   day_close 10 minutes after the last sale: the Z report; the counted cash is the expected
//             cash for 85 % of days, a few thousand rupiah over or short otherwise
// Deterministic: the same plan and seed give the same entries, UUIDs included.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/business_day.h"
#include "core/journal.h"
#include "sync/uploader.h"
#include "tests/bench/bazaar_plan.h"

namespace lapak::bench {

class TerminalJournal {
 public:
  // `event` and `stall` must outlive the journal.
  TerminalJournal(const PlannedEvent& event, const PlannedStall& stall, uint64_t seed);

  bool done() const { return day_ >= kEventDays; }
  // The next at most `count` entries (none once done()).
  std::vector<JournalEntry> Next(size_t count);
  int64_t sales_made() const { return sales_made_; }
  int64_t voids_made() const { return voids_made_; }

 private:
  enum class Step { kOpen, kSale, kVoid, kClose };

  JournalEntry Make(EntryKind kind, TimePoint time, std::string body);
  JournalEntry MakeOpen();
  JournalEntry MakeSale();
  JournalEntry MakeVoid();
  JournalEntry MakeClose();
  CompletedSale RingUp();
  // The moment at fraction `u` (0..1) of the day's sales, by the hour profile.
  TimePoint SaleTime(double u) const;
  std::string Uuid(TimePoint time);
  double Roll() { return std::uniform_real_distribution<double>(0, 1)(random_); }
  int64_t Between(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(random_);
  }

  const PlannedEvent& event_;
  const PlannedStall& stall_;
  const bool crafts_;  // kerajinan, busana, aksesoris: fewer, dearer lines
  std::chrono::hours utc_offset_;
  std::mt19937_64 random_;

  int64_t seq_ = 0;
  Sha256Digest prev_hash_{};
  int64_t sales_made_ = 0;
  int64_t voids_made_ = 0;

  // The business day being played.
  int day_ = 0;
  Step step_ = Step::kOpen;
  std::string business_day_;
  TimePoint day_start_;  // local midnight of business_day_, as UTC
  int64_t sale_index_ = 0;
  TimePoint last_time_;
  int64_t open_seq_ = 0;
  TimePoint opened_at_;
  Money opening_float_;
  DayFigures figures_;
  // The sale just rung, when it is to be voided next.
  VoidBody void_;
  TimePoint void_time_;
};

// The batch as sync::BuildBatch seals it: the entries' text archive, zlib-compressed when
// that is smaller, framed and signed with `terminal_key`. The entries must fit one batch.
sync::SealedBatch SealBatch(const std::string& stall_id, const std::vector<JournalEntry>& entries,
                            const std::string& terminal_key);

}  // namespace lapak::bench
