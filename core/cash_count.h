// Counting the drawer at day close: how many of each Rupiah note and coin.
#pragma once

#include <array>
#include <cstdint>

#include "core/money.h"
#include "core/status.h"

namespace lapak {

// The notes and coins a stall's drawer holds, largest first: Rp100.000 notes down to Rp100
// coins. Only the total counted goes into the journal (the Z report), so the list may grow.
inline constexpr std::array<int64_t, 10> kDenominations = {100000, 50000, 20000, 10000, 5000,
                                                           2000,   1000,  500,   200,   100};

// A count per denomination, in the order of kDenominations.
using CashCount = std::array<int64_t, kDenominations.size()>;

// Σ count × denomination. Refuses a negative count or a total above kMaxSaleTotal.
[[nodiscard]] Result<Money> CashCountTotal(const CashCount& count);

}  // namespace lapak
