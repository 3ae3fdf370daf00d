// The bazaars the report benchmarks load (tests/bench/ledger_load.cpp): a year of 50 events,
// decided from a seed alone, so that every load of the same size holds the same ledger.
//
//   events   50, one a week from Friday 2026-01-09, each Friday to Sunday (3 business days),
//            in 10 provinces across WIB, WITA and WIT, each in one of its province's regencies
//   stalls   36-44 an event (~2 000 in all), one terminal each; a category of makanan,
//            minuman, jajanan, kerajinan, busana, aksesoris; a home regency that is the
//            event's (empty) for ~70 % of stalls, another of the province for the rest
//   sales    exactly `sales` in all, split over (event, stall, day) by weights: the event's
//            (0.5-1.5), the stall's (its category's × 0.4-1.6) and the day's (Friday 0.85,
//            Saturday 1.0, Sunday 1.15)
//
// Identifiers: event "E07-SMG" (week, then the regency's code), stall "E07-S12", terminal
// "E07-T12".
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::bench {

inline constexpr int kEventDays = 3;

struct PlannedStall {
  ledger::StallSpec spec;
  std::string terminal_id;
  std::vector<Product> catalog;  // 6-10 products of the stall's category
  std::array<int64_t, kEventDays> sales{};  // per business day of the event
};

struct PlannedEvent {
  ledger::EventSpec spec;
  std::vector<PlannedStall> stalls;
};

struct BazaarPlan {
  std::vector<PlannedEvent> events;  // by first day
  int64_t sales = 0;
  int64_t stalls = 0;
};

BazaarPlan MakeBazaarPlan(int64_t sales, uint64_t seed);

}  // namespace lapak::bench
