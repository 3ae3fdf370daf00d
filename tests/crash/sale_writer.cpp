// The child of the crash test: records sales in a loop and, after each commit returned ok,
// writes one acknowledgement line to stdout and flushes it:
//   ack := seq " " receipt " " total_rupiah "\n"
// It never stops by itself before `max_sales`; the parent kills it with SIGKILL.
// Usage: crash_sale_writer DB_PATH CLOCK_START_MS MAX_SALES
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/store.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DB_PATH CLOCK_START_MS MAX_SALES\n", argv[0]);
    return 2;
  }
  lapak::ManualClock clock(lapak::TimePoint{std::chrono::milliseconds(std::atoll(argv[2]))});
  auto store = lapak::StallStore::Open(argv[1], clock);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto products = (*store)->Products(false);
  if (!products.ok() || products->size() < 3) {
    std::fprintf(stderr, "the catalog needs three products\n");
    return 1;
  }
  const long max_sales = std::atol(argv[3]);
  for (long n = 0; n < max_sales; ++n) {
    lapak::Cart cart;
    for (size_t i = 0; i < 3; ++i) {
      const lapak::Product& product = (*products)[(static_cast<size_t>(n) + i) % products->size()];
      if (!cart.AddProduct(product, 1 + (n + static_cast<long>(i)) % 3).ok()) return 1;
    }
    if (!cart.AddPayment(lapak::PaymentMethod::kCash, cart.Totals()->total).ok()) return 1;
    clock.Advance(std::chrono::milliseconds(100));
    auto receipt = (*store)->RecordSale(*cart.Complete());
    if (!receipt.ok()) {
      std::fprintf(stderr, "%s\n", receipt.status().ToString().c_str());
      return 1;
    }
    std::printf("%lld %s %lld\n", static_cast<long long>(receipt->seq), receipt->receipt.c_str(),
                static_cast<long long>(receipt->sale.totals.total.rupiah()));
    std::fflush(stdout);
  }
  return 0;
}
