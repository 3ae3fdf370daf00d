#include "tests/bench/bakso_sales.h"

#include <algorithm>

#include "tests/bench/bench_support.h"

namespace lapak::bench {

std::vector<Product> BaksoCatalog() {
  auto item = [](const char* sku, const char* name, const char* category, int64_t price) {
    return Product{sku, name, category, Money::Rupiah(price), true};
  };
  return {item("BKS-U", "Bakso Urat", "Makanan", 20000),
          item("BKS-T", "Bakso Telur", "Makanan", 22000),
          item("MIE-A", "Mie Ayam", "Makanan", 15000),
          item("MIE-B", "Mie Ayam Bakso", "Makanan", 20000),
          item("PGS", "Pangsit Goreng", "Tambahan", 3000),
          item("KRP", "Kerupuk", "Tambahan", 2000),
          item("TEH", "Es Teh Manis", "Minuman", 5000),
          item("JRK", "Es Jeruk", "Minuman", 7000),
          item("TBT", "Teh Botol", "Minuman", 6000),
          item("AIR", "Air Mineral", "Minuman", 4000)};
}

CompletedSale BaksoSaleMaker::Next() {
  Cart cart;
  std::vector<size_t> order(products_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng_);
  const int lines = Uniform(2, 4);
  for (int i = 0; i < lines; ++i) {
    const int roll = Uniform(1, 100);
    const int64_t quantity = roll <= 70 ? 1 : roll <= 92 ? 2 : 3;
    Check(cart.AddProduct(products_[order[static_cast<size_t>(i)]], quantity), "add line");
  }
  const Money total = cart.Totals()->total;
  if (Uniform(1, 100) <= 55) {
    const std::vector<Money> notes = CashSuggestions(total, 4);
    const int pick = Uniform(0, static_cast<int>(notes.size()));  // == size: exact amount
    Check(cart.AddPayment(PaymentMethod::kCash,
                          pick == static_cast<int>(notes.size()) ? total : notes[static_cast<size_t>(pick)]),
          "cash");
  } else {
    Check(cart.AddPayment(PaymentMethod::kQris, total), "qris");
  }
  return Must(cart.Complete(), "complete");
}

}  // namespace lapak::bench
