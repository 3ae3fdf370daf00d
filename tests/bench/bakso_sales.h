// The sales of the sync and decoding benchmarks: a bakso stall's ten products, and its
// typical sales, seeded (the same sequence every run): 2-4 distinct lines, mostly one of
// each; 55 % cash (a note or two above the total, sometimes exact), 45 % QRIS (exact).
#pragma once

#include <random>
#include <vector>

#include "core/catalog.h"
#include "core/sale.h"

namespace lapak::bench {

std::vector<Product> BaksoCatalog();

class BaksoSaleMaker {
 public:
  explicit BaksoSaleMaker(std::vector<Product> products = BaksoCatalog()) : products_(std::move(products)) {}
  CompletedSale Next();

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::vector<Product> products_;
  std::mt19937 rng_{20261122};
};

}  // namespace lapak::bench
