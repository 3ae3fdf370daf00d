// A terminal's stall database for sync tests, made and filled through lapak::StallStore with a
// clock the test moves. Failures throw std::runtime_error naming the Status (GoogleTest
// reports an exception thrown from a test as a failure of that test).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sale.h"
#include "core/store.h"

namespace lapak::testing {

inline constexpr char kStallOwnerPin[] = "9999";
inline constexpr char kStallCashierPin[] = "1234";

// One custom line of `price` rupiah, paid with `payments` (every sale rule checked).
CompletedSale MakeSale(int64_t price, const std::vector<Payment>& payments);

inline Payment Cash(int64_t rupiah) { return {PaymentMethod::kCash, Money::Rupiah(rupiah)}; }
inline Payment Qris(int64_t rupiah) { return {PaymentMethod::kQris, Money::Rupiah(rupiah)}; }
inline Payment Transfer(int64_t rupiah) {
  return {PaymentMethod::kTransfer, Money::Rupiah(rupiah)};
}

class StallFixture {
 public:
  // Creates the stall database at `db_path` (which must not exist yet) for `stall_id` and
  // `terminal_id`, WIB with the default cut-off, PINs kStallOwnerPin / kStallCashierPin, on
  // a ManualClock standing at `start` (default 2026-11-22 19:00 WIB).
  StallFixture(std::string db_path, std::string stall_id, std::string terminal_id,
               TimePoint start = DefaultStart());
  ~StallFixture();
  StallFixture(const StallFixture&) = delete;
  StallFixture& operator=(const StallFixture&) = delete;

  static TimePoint DefaultStart();

  StallStore& store() { return *store_; }
  ManualClock& clock() { return clock_; }
  const std::string& db_path() const { return db_path_; }

  // Records the sale (opening a day session at float Rp0 if none is open), then moves the
  // clock on by `step`. The receipt.
  Receipt Sell(int64_t price, const std::vector<Payment>& payments,
               std::chrono::milliseconds step = std::chrono::minutes(1));
  // Convenience: `count` exact-cash sales of `price` each.
  void SellCash(int count, int64_t price = 25000);
  Receipt Void(const std::string& receipt, const std::string& reason = "salah input");
  ZReport CloseDay(int64_t counted_cash);
  // The figures of `business_day` as the terminal reports them (default: the clock's today).
  DayFigures Figures(const std::string& business_day = "");
  std::string Today();
  // The journal's newest seq.
  int64_t LastSeq();
  std::vector<JournalEntry> Entries(int64_t from_seq = 1, int64_t limit = 100000);

 private:
  std::string db_path_;
  ManualClock clock_;
  std::unique_ptr<StallStore> store_;
};

}  // namespace lapak::testing
