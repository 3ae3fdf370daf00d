// A test fixture: one stall's terminal (BKS-07, T1, a real StallStore) enrolled at a ledger
// (a LedgerStore on the engine of tests/sync/ledger_target.h) for the event "expo", 20-22
// November 2026, with the clock at 19:00 WIB on the 22nd.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sale.h"
#include "core/store.h"
#include "sync/ledger/store/ledger_store.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"
#include "tests/sync/ledger_target.h"

namespace lapak::testing {

inline Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

// A sale of one custom line at `price`, paid in full by `method` (cash with Rp5.000 over).
inline CompletedSale MakeSale(int64_t price, PaymentMethod method) {
  Cart cart;
  EXPECT_TRUE(cart.AddCustom(Rp(price)).ok());
  EXPECT_TRUE(cart.AddPayment(method, Rp(method == PaymentMethod::kCash ? price + 5000 : price)).ok());
  Result<CompletedSale> sale = cart.Complete();
  EXPECT_TRUE(sale.ok()) << sale.status().ToString();
  return *sale;
}

class StallAndLedger : public ::testing::Test {
 protected:
  StallAndLedger() : clock_(Wib(22, std::chrono::hours(19))) {
    stall_ = std::move(StallStore::Open(dir_.File("stall.db"), clock_)).value();
    EXPECT_TRUE(stall_->Initialise({"BKS-07", "Bakso", "T1", "Asia/Jakarta", "04:00", "9999", "1234"}).ok());
    ledger_ = std::move(ledger::LedgerStore::Open(where_, true)).value();
    EXPECT_TRUE(ledger_->AddEvent({"expo", "Expo", "Jawa Tengah", "Semarang", "Asia/Jakarta",
                                   "2026-11-20", "2026-11-22"}).ok());
    EXPECT_TRUE(ledger_->AddStall({"BKS-07", "expo", "Bakso", "makanan"}).ok());
    key_ = *ledger_->EnrolTerminal({"BKS-07", "T1"}, clock_.Now());
  }

  // `count` sales, cash, QRIS and transfer in turn (the first opens the day: entry 1).
  void Sell(int count) {
    for (int i = 0; i < count; ++i) {
      const PaymentMethod method = i % 3 == 0 ? PaymentMethod::kCash
                                   : i % 3 == 1 ? PaymentMethod::kQris
                                                : PaymentMethod::kTransfer;
      ASSERT_TRUE(stall_->RecordSale(MakeSale(10000 + 1000 * i, method)).ok());
    }
  }
  std::vector<JournalEntry> Entries(int64_t from, int64_t count) {
    return *stall_->Entries(from, count);
  }
  ledger::ApplyOutcome Apply(const std::vector<JournalEntry>& entries) {
    Result<ledger::ApplyOutcome> outcome = ledger_->ApplyBatch({"BKS-07", "T1"}, entries, clock_.Now());
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return outcome.ok() ? *outcome
                        : ledger::ApplyOutcome{ledger::ApplyResult::kRejected, -1, Status::Corruption("error")};
  }
  int64_t Hwm() { return (*ledger_->FindTerminal({"BKS-07", "T1"}))->hwm; }

  TempDir dir_;
  ledger::sql::Location where_ = NewLedgerLocation(dir_);
  ManualClock clock_;
  std::unique_ptr<StallStore> stall_;
  std::unique_ptr<ledger::LedgerStore> ledger_;
  std::string key_;
};

}  // namespace lapak::testing
