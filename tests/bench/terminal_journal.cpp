#include "tests/bench/terminal_journal.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "core/crypto.h"
#include "core/receipt_number.h"
#include "sync/envelope.h"
#include "sync/payload.h"
#include "tests/bench/bench_support.h"

namespace lapak::bench {

namespace {

using namespace std::chrono_literals;

// Relative sales per local hour from 10:00 (index 0) to 01:00-02:00 (index 15).
constexpr std::array<double, 16> kHourProfile = {3, 5, 9, 8, 5, 4, 5, 7, 9, 10, 10, 8, 5, 3, 1.5, 0.5};
constexpr auto kFirstSaleHour = 10h;
constexpr auto kOpenAt = 9h + 30min;
constexpr std::array<int64_t, 3> kFloats = {200'000, 300'000, 500'000};
constexpr std::array<const char*, 3> kVoidReasons = {"salah input", "pelanggan batal", "barang habis"};

std::chrono::hours UtcOffset(const std::string& zone) {
  if (zone == "Asia/Jakarta") return 7h;
  if (zone == "Asia/Makassar") return 8h;
  if (zone == "Asia/Jayapura") return 9h;
  Die("no UTC offset known for " + zone);
}

// Local midnight of an ISO day in a zone `offset` ahead of UTC.
TimePoint LocalMidnight(const std::string& iso_day, std::chrono::hours offset) {
  using namespace std::chrono;
  const year_month_day ymd{year{std::atoi(iso_day.substr(0, 4).c_str())},
                           month{static_cast<unsigned>(std::atoi(iso_day.substr(5, 2).c_str()))},
                           day{static_cast<unsigned>(std::atoi(iso_day.substr(8, 2).c_str()))}};
  return time_point_cast<milliseconds>(sys_days{ymd} - offset);
}

bool IsCrafts(const std::string& category) {
  return category == "kerajinan" || category == "busana" || category == "aksesoris";
}

}  // namespace

TerminalJournal::TerminalJournal(const PlannedEvent& event, const PlannedStall& stall, uint64_t seed)
    : event_(event),
      stall_(stall),
      crafts_(IsCrafts(stall.spec.category)),
      utc_offset_(UtcOffset(event.spec.time_zone)),
      random_(seed) {}

std::vector<JournalEntry> TerminalJournal::Next(size_t count) {
  std::vector<JournalEntry> entries;
  entries.reserve(count);
  while (entries.size() < count && !done()) {
    switch (step_) {
      case Step::kOpen: entries.push_back(MakeOpen()); break;
      case Step::kSale: entries.push_back(MakeSale()); break;
      case Step::kVoid: entries.push_back(MakeVoid()); break;
      case Step::kClose: entries.push_back(MakeClose()); break;
    }
  }
  return entries;
}

JournalEntry TerminalJournal::Make(EntryKind kind, TimePoint time, std::string body) {
  JournalEntry entry;
  entry.terminal_id = stall_.terminal_id;
  entry.seq = ++seq_;
  entry.uuid = Uuid(time);
  entry.kind = kind;
  entry.time = time;
  entry.business_day = business_day_;
  entry.body = std::move(body);
  entry.prev_hash = prev_hash_;
  entry.hash = ComputeEntryHash(entry);
  prev_hash_ = entry.hash;
  last_time_ = time;
  return entry;
}

JournalEntry TerminalJournal::MakeOpen() {
  business_day_ = AddDays(event_.spec.first_day, day_);
  day_start_ = LocalMidnight(business_day_, utc_offset_);
  sale_index_ = 0;
  figures_ = DayFigures{};
  opening_float_ = Money::Rupiah(kFloats[static_cast<size_t>(Between(0, 2))]);
  opened_at_ = day_start_ + kOpenAt + std::chrono::seconds(Between(0, 600));
  step_ = stall_.sales[static_cast<size_t>(day_)] > 0 ? Step::kSale : Step::kClose;
  JournalEntry entry = Make(EntryKind::kDayOpen, opened_at_,
                            EncodeDayOpen({day_ + 1, opening_float_}));
  open_seq_ = entry.seq;
  return entry;
}

TimePoint TerminalJournal::SaleTime(double u) const {
  double total = 0;
  for (double w : kHourProfile) total += w;
  double at = u * total;
  size_t hour = 0;
  while (hour + 1 < kHourProfile.size() && at >= kHourProfile[hour]) at -= kHourProfile[hour++];
  const double into_hour = std::min(at / kHourProfile[hour], 1.0);
  return day_start_ + kFirstSaleHour + std::chrono::hours(hour) +
         std::chrono::milliseconds(static_cast<int64_t>(into_hour * 3'600'000));
}

CompletedSale TerminalJournal::RingUp() {
  const std::vector<Product>& catalog = stall_.catalog;
  Cart cart;
  const double lines_roll = Roll();
  const int lines = crafts_ ? (lines_roll < 0.8 ? 1 : 2)
                            : (lines_roll < 0.35 ? 1 : lines_roll < 0.7 ? 2 : lines_roll < 0.9 ? 3 : 4);
  for (int i = 0; i < lines; ++i) {
    const double quantity_roll = Roll();
    const int64_t quantity = crafts_ ? (quantity_roll < 0.9 ? 1 : 2)
                                     : (quantity_roll < 0.7 ? 1 : quantity_roll < 0.92 ? 2 : 3);
    const Product& product = catalog[static_cast<size_t>(Between(0, static_cast<int64_t>(catalog.size()) - 1))];
    Check(cart.AddProduct(product, quantity), "add a line");
  }
  if (Roll() < 0.04) Check(cart.SetDiscount(Discount::Percent(1000)), "discount");
  const Money total = cart.Totals()->total;
  const double pay_roll = Roll();
  if (pay_roll < 0.5) {
    const std::vector<Money> notes = CashSuggestions(total, 3);
    const int64_t pick = Between(0, static_cast<int64_t>(notes.size()));  // == size: exact
    Check(cart.AddPayment(PaymentMethod::kCash,
                          pick == static_cast<int64_t>(notes.size()) ? total : notes[static_cast<size_t>(pick)]),
          "cash");
  } else {
    Check(cart.AddPayment(pay_roll < 0.92 ? PaymentMethod::kQris : PaymentMethod::kTransfer, total),
          "exact payment");
  }
  Result<CompletedSale> sale = cart.Complete();
  Check(sale.status(), "complete");
  return std::move(sale).value();
}

JournalEntry TerminalJournal::MakeSale() {
  const int64_t n = stall_.sales[static_cast<size_t>(day_)];
  // Stratified: sale i falls in its own slice [i/n, (i+1)/n) of the day's profile, so times
  // never go backwards.
  const double slice = 1.0 / static_cast<double>(n);
  const TimePoint time = std::max(last_time_, SaleTime((static_cast<double>(sale_index_) + Roll()) * slice));
  const CompletedSale sale = RingUp();
  const std::string receipt = FormatReceiptNumber(business_day_, sale_index_ + 1);
  const bool voided = Roll() < 0.02;
  Check(figures_.Add(AmountsOf(sale), voided), "day figures");
  JournalEntry entry = Make(EntryKind::kSale, time, EncodeSale({day_ + 1, receipt, sale}));
  ++sales_made_;
  ++sale_index_;
  if (voided) {
    void_ = VoidBody{day_ + 1, entry.seq, receipt,
                     kVoidReasons[static_cast<size_t>(Between(0, 2))], sale.totals.total};
    const TimePoint slice_end = SaleTime(std::min(1.0, static_cast<double>(sale_index_) * slice));
    void_time_ = time + (std::max(slice_end, time) - time) / 2;
    step_ = Step::kVoid;
  } else {
    step_ = sale_index_ < n ? Step::kSale : Step::kClose;
  }
  return entry;
}

JournalEntry TerminalJournal::MakeVoid() {
  ++voids_made_;
  step_ = sale_index_ < stall_.sales[static_cast<size_t>(day_)] ? Step::kSale : Step::kClose;
  return Make(EntryKind::kVoid, void_time_, EncodeVoid(void_));
}

JournalEntry TerminalJournal::MakeClose() {
  ZReport z;
  z.z_number = day_ + 1;
  z.day_number = day_ + 1;
  z.business_day = business_day_;
  z.open_seq = open_seq_;
  z.opened_at = opened_at_;
  z.opening_float = opening_float_;
  z.figures = figures_;
  const Money expected = *ExpectedCash(opening_float_, figures_, CashMoves());  // the generated days move no cash
  z.counted_cash = expected;
  if (Roll() >= 0.85) {
    const int64_t off = Between(1, 10) * 1000 * (Roll() < 0.7 ? -1 : 1);
    z.counted_cash = Money::Rupiah(std::max<int64_t>(0, expected.rupiah() + off));
  }
  Check(SettleCash(z), "settle cash");
  const TimePoint time = std::max(last_time_, opened_at_) + 10min;
  JournalEntry entry = Make(EntryKind::kDayClose, time, EncodeZReport(z));
  ++day_;
  step_ = Step::kOpen;
  return entry;
}

// A terminal's uuid (core/crypto.h) with its random bits drawn from the seeded generator.
std::string TerminalJournal::Uuid(TimePoint time) {
  std::string random(16, '\0');
  for (size_t half = 0; half < 2; ++half) {
    const uint64_t bits = random_();
    for (size_t i = 0; i < 8; ++i) random[half * 8 + i] = static_cast<char>(bits >> (8 * i));
  }
  return UuidV7(time, random);
}

sync::SealedBatch SealBatch(const std::string& stall_id, const std::vector<JournalEntry>& entries,
                            const std::string& terminal_key) {
  assert(!entries.empty() && static_cast<int64_t>(entries.size()) <= sync::kMaxEntriesPerBatch);
  const std::string& terminal_id = entries.front().terminal_id;
  const std::string archive = sync::EncodePayload(sync::ToWire(stall_id, terminal_id, entries));
  if (archive.size() > sync::kMaxPayloadBytes) Die("a batch's payload is over the limit");
  sync::EnvelopeHeader header{.stall_id = stall_id,
                              .terminal_id = terminal_id,
                              .first_seq = entries.front().seq,
                              .last_seq = entries.back().seq,
                              .encoding = sync::PayloadEncoding::kPlain};
  const std::string compressed = sync::CompressPayload(archive);
  const bool compress = compressed.size() < archive.size();
  if (compress) header.encoding = sync::PayloadEncoding::kZlib;
  return {header.first_seq, header.last_seq,
          sync::SealEnvelope(header, compress ? compressed : archive, terminal_key), archive.size(),
          terminal_id};
}

}  // namespace lapak::bench
