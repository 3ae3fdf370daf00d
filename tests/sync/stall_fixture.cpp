#include "tests/sync/stall_fixture.h"

#include <stdexcept>

#include "tests/support/wib.h"

namespace lapak::testing {

namespace {

void Require(const Status& status, const std::string& what) {
  if (!status.ok()) throw std::runtime_error(what + ": " + status.ToString());
}

template <typename T>
T Take(Result<T> result, const std::string& what) {
  Require(result.status(), what);
  return std::move(result).value();
}

}  // namespace

CompletedSale MakeSale(int64_t price, const std::vector<Payment>& payments) {
  Cart cart;
  Require(cart.AddCustom(Money::Rupiah(price)), "add custom line");
  for (const Payment& payment : payments) {
    Require(cart.AddPayment(payment.method, payment.amount), "add payment");
  }
  return Take(cart.Complete(), "complete sale");
}

TimePoint StallFixture::DefaultStart() {
  using namespace std::chrono_literals;
  return Wib(22, 19h);
}

StallFixture::StallFixture(std::string db_path, std::string stall_id, std::string terminal_id,
                           TimePoint start)
    : db_path_(std::move(db_path)), clock_(start) {
  store_ = Take(StallStore::Open(db_path_, clock_), "open " + db_path_);
  StallSetup setup;
  setup.stall_id = std::move(stall_id);
  setup.stall_name = "Warung " + setup.stall_id;
  setup.terminal_id = std::move(terminal_id);
  setup.owner_pin = kStallOwnerPin;
  setup.cashier_pin = kStallCashierPin;
  Require(store_->Initialise(setup), "initialise stall");
}

StallFixture::~StallFixture() = default;

Receipt StallFixture::Sell(int64_t price, const std::vector<Payment>& payments,
                           std::chrono::milliseconds step) {
  Receipt receipt = Take(store_->RecordSale(MakeSale(price, payments)), "record sale");
  clock_.Advance(step);
  return receipt;
}

void StallFixture::SellCash(int count, int64_t price) {
  for (int i = 0; i < count; ++i) Sell(price, {Cash(price)});
}

Receipt StallFixture::Void(const std::string& receipt, const std::string& reason) {
  Receipt voided = Take(store_->VoidSale(receipt, kStallOwnerPin, reason), "void " + receipt);
  clock_.Advance(std::chrono::minutes(1));
  return voided;
}

ZReport StallFixture::CloseDay(int64_t counted_cash) {
  ZReport z = Take(store_->CloseDay(Money::Rupiah(counted_cash)), "close day");
  clock_.Advance(std::chrono::minutes(1));
  return z;
}

std::string StallFixture::Today() { return Take(store_->Today(), "today"); }

DayFigures StallFixture::Figures(const std::string& business_day) {
  const std::string day = business_day.empty() ? Today() : business_day;
  return Take(store_->ReportDay(day), "report day " + day).figures;
}

int64_t StallFixture::LastSeq() { return Take(store_->Progress(), "progress").last_seq; }

std::vector<JournalEntry> StallFixture::Entries(int64_t from_seq, int64_t limit) {
  return Take(store_->Entries(from_seq, limit), "entries");
}

}  // namespace lapak::testing
