// Books (core/books.h): every rule of the books, one entry at a time, without a database.
// Entries are made as a terminal makes them (chained and hashed), or forged the way a
// terminal with a stolen key could: well-formed, correctly hashed, and wrong.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/books.h"
#include "core/crypto.h"
#include "tests/support/wib.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;
using testing::Wib;

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

CompletedSale CashSale(int64_t price) {
  Cart cart;
  EXPECT_TRUE(cart.AddCustom(Rp(price)).ok());
  EXPECT_TRUE(cart.AddPayment(PaymentMethod::kCash, Rp(price)).ok());
  return *cart.Complete();
}

BusinessCalendar Jakarta() { return *BusinessCalendar::Make("Asia/Jakarta", "04:00"); }

// A terminal's journal in the making: each entry is chained and hashed after the last one
// that its Books took in.
class BooksTest : public ::testing::Test {
 protected:
  explicit BooksTest(BooksCalendar calendar = {Jakarta(), std::nullopt, std::nullopt})
      : books_(std::move(calendar)) {}

  JournalEntry Entry(EntryKind kind, TimePoint time, std::string business_day, std::string body) {
    return NextEntry(books_.state(), "T1", kind, time, std::move(business_day), std::move(body));
  }
  JournalEntry DayOpen(TimePoint time, int64_t opening_float = 0) {
    return Entry(EntryKind::kDayOpen, time, Jakarta().BusinessDay(time),
                 EncodeDayOpen(books_.NextDayOpen(Rp(opening_float))));
  }
  JournalEntry Sale(TimePoint time, int64_t price) {
    const std::string day = Jakarta().BusinessDay(time);
    return Entry(EntryKind::kSale, time, day, EncodeSale(*books_.NextSale(day, CashSale(price))));
  }
  JournalEntry Void(TimePoint time, const BookedSale& sale, std::string reason = "salah input") {
    return Entry(EntryKind::kVoid, time, books_.state().open->business_day,
                 EncodeVoid({sale.day_number, sale.seq, sale.receipt, std::move(reason), sale.amounts.total}));
  }
  JournalEntry CashMove(TimePoint time, CashDirection direction, int64_t amount, std::string reason = "uang kecil") {
    const CashMoveBody body = *books_.NextCashMove(direction, Rp(amount), std::move(reason));
    return Entry(EntryKind::kCashMove, time, books_.state().open->business_day, EncodeCashMove(body));
  }
  JournalEntry Close(TimePoint time, int64_t counted) {
    const ZReport z = *books_.ZToClose(Rp(counted));
    return Entry(EntryKind::kDayClose, time, z.business_day, EncodeZReport(z));
  }
  // Applies `entry`: "OK", or the refusal as Status::ToString.
  std::string Apply(const JournalEntry& entry) { return books_.Apply(entry).status().ToString(); }
  // Applies `entry`, which must be taken in.
  Booking Take(const JournalEntry& entry) {
    Result<Booking> booking = books_.Apply(entry);
    EXPECT_TRUE(booking.ok()) << "entry " << entry.seq << ": " << booking.status().ToString();
    return booking.ok() ? *booking : Booking{};
  }
  // Applies `entry`, which must be refused with `expected`, changing nothing: read in turn,
  // and read ahead (ReadAhead) as the ledger reads it.
  void ExpectRefused(const JournalEntry& entry, const std::string& expected) {
    const BooksState before = books_.state();
    EXPECT_EQ(expected, books_.Apply(entry, ReadAhead(entry)).status().ToString()) << "read ahead";
    EXPECT_EQ(expected, Apply(entry));
    EXPECT_EQ(EncodeBooksState(before), EncodeBooksState(books_.state()));
  }
  // Re-hashes `entry` after an edit, so that only the rules can tell.
  static JournalEntry Rehashed(JournalEntry entry) {
    entry.hash = ComputeEntryHash(entry);
    return entry;
  }

  Books books_;
};

TEST_F(BooksTest, AnHonestDayIsTakenInWithItsFigures) {
  Take(DayOpen(Wib(22, 18h), 100000));
  const BookedSale first = *Take(Sale(Wib(22, 19h), 20000)).sale;
  EXPECT_EQ("20261122-0001", first.receipt);
  Take(Sale(Wib(22, 20h), 15000));
  const Booking voided = Take(Void(Wib(22, 21h), first));
  EXPECT_TRUE(voided.sale->voided);
  EXPECT_EQ("salah input", voided.void_body->reason);
  const ZReport z = *Take(Close(Wib(23, 1h), 114000)).z;  // 01:00 on the 23rd: still the 22nd

  EXPECT_EQ(1, z.z_number);
  EXPECT_EQ("2026-11-22", z.business_day);
  EXPECT_EQ(5, z.close_seq);
  EXPECT_EQ(2, z.figures.sales_count);
  EXPECT_EQ(1, z.figures.voids_count);
  EXPECT_EQ(Rp(35000), z.figures.gross);
  EXPECT_EQ(Rp(20000), z.figures.voids);
  EXPECT_EQ(Rp(15000), z.figures.net);
  EXPECT_EQ(Rp(115000), z.expected_cash);
  EXPECT_EQ(Rp(-1000), z.over_short);
  EXPECT_FALSE(books_.state().open.has_value());
  EXPECT_EQ(5, books_.state().last_seq);
}

// An entry read ahead (ReadAhead, which needs no books) is taken in, or refused, as it is
// when read in turn.
TEST_F(BooksTest, EntriesReadAheadAreTakenInAsEntriesReadInTurn) {
  Books in_turn({Jakarta(), std::nullopt, std::nullopt});
  const JournalEntry open = DayOpen(Wib(22, 18h), 100000);
  Take(open);
  ASSERT_TRUE(in_turn.Apply(open).ok());
  EXPECT_FALSE(ReadAhead(open).sale.has_value());
  const JournalEntry sale = Sale(Wib(22, 19h), 20000);
  const EntryReadAhead read = ReadAhead(sale);
  EXPECT_TRUE(read.hash_matches);
  ASSERT_TRUE(read.sale.has_value());
  ASSERT_TRUE(read.sale->ok());
  EXPECT_EQ("20261122-0001", (*read.sale)->receipt);

  Result<Booking> ahead = books_.Apply(sale, read);
  Result<Booking> turn = in_turn.Apply(sale);
  ASSERT_TRUE(ahead.ok()) << ahead.status().ToString();
  ASSERT_TRUE(turn.ok());
  EXPECT_EQ(*ahead->sale, *turn->sale);
  EXPECT_EQ(EncodeBooksState(in_turn.state()), EncodeBooksState(books_.state()));

  // A sale whose body is no sale, and an entry whose hash is wrong, are refused where they
  // would be in turn: after the chain's order.
  JournalEntry no_sale = Sale(Wib(22, 20h), 5000);
  no_sale.body = "{}";
  EXPECT_FALSE(ReadAhead(Rehashed(no_sale)).sale->ok());
  ExpectRefused(Rehashed(no_sale), in_turn.Apply(Rehashed(no_sale)).status().ToString());
  JournalEntry tampered_and_late = Sale(Wib(22, 20h), 5000);
  tampered_and_late.hash[0] ^= 1;
  tampered_and_late.seq = 9;
  EXPECT_FALSE(ReadAhead(tampered_and_late).hash_matches);
  ExpectRefused(tampered_and_late, "Corruption: expected entry 3");
}

TEST_F(BooksTest, TheChainIsCheckedFirst) {
  Take(DayOpen(Wib(22, 18h)));
  JournalEntry skipped = Sale(Wib(22, 19h), 20000);
  skipped.seq = 3;
  ExpectRefused(Rehashed(skipped), "Corruption: expected entry 2");
  JournalEntry unchained = Sale(Wib(22, 19h), 20000);
  unchained.prev_hash[0] ^= 1;
  ExpectRefused(Rehashed(unchained), "Corruption: does not chain to the entry before it");
  JournalEntry tampered = Sale(Wib(22, 19h), 20000);
  tampered.hash[31] ^= 1;
  ExpectRefused(tampered, "Corruption: its hash does not match its contents");
  for (const char* uuid : {"not-a-uuid", "", "3F2504E0-4F89-41D3-9A0C-0305E82C3301"}) {
    JournalEntry bad_uuid = Sale(Wib(22, 19h), 20000);
    bad_uuid.uuid = uuid;
    ExpectRefused(Rehashed(bad_uuid), "InvalidArgument: its uuid is not a UUID");
  }
  ExpectRefused(Sale(Wib(22, 17h), 20000), "InvalidArgument: its time is earlier than the entry before it");
}

TEST_F(BooksTest, TimesOfAClockNeverSetOrOfAForgeryAreRefused) {
  JournalEntry epoch = DayOpen(TimePoint{});
  epoch.business_day = "1970-01-01";
  ExpectRefused(Rehashed(epoch),
                "InvalidArgument: its time (0 ms after 1970) is not between 2020 and 2100: set the "
                "terminal's clock");
  // No calendar arithmetic is done on such a time: it would overflow.
  const JournalEntry far = Entry(EntryKind::kDayOpen, TimePoint{std::chrono::milliseconds(std::numeric_limits<int64_t>::max())},
                                 "9999-12-31", EncodeDayOpen(books_.NextDayOpen(Rp(0))));
  EXPECT_EQ(std::string("InvalidArgument"), StatusCodeName(books_.Apply(far).status().code()));
}

TEST_F(BooksTest, ABusinessDayIsTheCalendarsForTheTime) {
  // 01:30 WIB on the 23rd is the 22nd's business day under a 04:00 cut-off.
  JournalEntry claimed = DayOpen(Wib(23, 1h + 30min));
  EXPECT_EQ("2026-11-22", claimed.business_day);
  claimed.business_day = "2026-11-23";  // as a terminal with a 00:00 cut-off would say
  ExpectRefused(Rehashed(claimed), "InvalidArgument: its business day does not match its time");
  Take(DayOpen(Wib(23, 1h + 30min)));
}

TEST_F(BooksTest, ADayOpensOnceWithTheNextNumberAndARealFloat) {
  Take(DayOpen(Wib(22, 18h)));
  ExpectRefused(DayOpen(Wib(22, 19h)), "FailedPrecondition: day 2026-11-22 is already open; close it first");
  Take(Close(Wib(22, 20h), 0));
  JournalEntry skips = DayOpen(Wib(23, 9h));
  skips.body = EncodeDayOpen({5, Rp(0)});
  ExpectRefused(Rehashed(skips), "InvalidArgument: it opens day 5 after day 1");
  for (const int64_t float_rupiah : {int64_t{-1}, kMaxSaleTotal.rupiah() + 1}) {
    JournalEntry absurd = DayOpen(Wib(23, 9h));
    absurd.body = EncodeDayOpen({2, Rp(float_rupiah)});
    EXPECT_EQ(std::string("InvalidArgument"), StatusCodeName(books_.Apply(Rehashed(absurd)).status().code()));
  }
  Take(DayOpen(Wib(23, 9h), kMaxSaleTotal.rupiah()));
}

TEST_F(BooksTest, ASaleNeedsItsOwnOpenDayALineAndTheNextReceipt) {
  EXPECT_EQ("FailedPrecondition: no day is open", books_.NextSale("2026-11-22", CashSale(20000)).status().ToString());
  ExpectRefused(Entry(EntryKind::kSale, Wib(22, 19h), "2026-11-22", EncodeSale({1, "20261122-0001", CashSale(20000)})),
                "FailedPrecondition: no day is open");
  Take(DayOpen(Wib(22, 18h)));
  ExpectRefused(Sale(Wib(23, 9h), 20000),
                "FailedPrecondition: day 2026-11-22 is still open; close it (Z report) before selling on "
                "2026-11-23");

  JournalEntry empty = Sale(Wib(22, 19h), 20000);
  SaleBody no_lines{1, "20261122-0001", CompletedSale{}};
  empty.body = EncodeSale(no_lines);
  ExpectRefused(Rehashed(empty), "InvalidArgument: a sale has at least one line");

  Take(Sale(Wib(22, 19h), 20000));
  JournalEntry again = Sale(Wib(22, 19h), 5000);
  again.body = EncodeSale({1, "20261122-0001", CashSale(5000)});
  ExpectRefused(Rehashed(again), "InvalidArgument: receipt number used twice");
  JournalEntry skipped = Sale(Wib(22, 19h), 5000);
  skipped.body = EncodeSale({1, "20261122-0009", CashSale(5000)});
  ExpectRefused(Rehashed(skipped), "InvalidArgument: its receipt is 20261122-0009; the next is 20261122-0002");
  JournalEntry other_day = Sale(Wib(22, 19h), 5000);
  other_day.body = EncodeSale({7, "20261122-0002", CashSale(5000)});
  ExpectRefused(Rehashed(other_day), "InvalidArgument: it names day 7 but day 1 is open");
}

TEST_F(BooksTest, AVoidCancelsAnUnvoidedSaleOfTheOpenDayOnce) {
  Take(DayOpen(Wib(22, 18h)));
  const BookedSale sale = *Take(Sale(Wib(22, 19h), 20000)).sale;

  BookedSale unknown = sale;
  unknown.seq = 1;  // the day's opening
  ExpectRefused(Void(Wib(22, 20h), unknown), "InvalidArgument: voids an unknown sale");
  BookedSale wrong_receipt = sale;
  wrong_receipt.receipt = "20261122-0002";
  ExpectRefused(Void(Wib(22, 20h), wrong_receipt), "InvalidArgument: voids an unknown sale");
  BookedSale wrong_total = sale;
  wrong_total.amounts.total = Rp(1);
  ExpectRefused(Void(Wib(22, 20h), wrong_total), "InvalidArgument: void total differs from the sale");
  ExpectRefused(Void(Wib(22, 20h), sale, std::string(262144, 'x')),
                "InvalidArgument: the reason for a void is longer than 200 bytes");
  ExpectRefused(Void(Wib(22, 20h), sale, ""), "InvalidArgument: the reason for a void is empty");

  Take(Void(Wib(22, 20h), sale));
  ExpectRefused(Void(Wib(22, 20h), sale), "AlreadyExists: receipt 20261122-0001 is already voided");
  Take(Close(Wib(22, 22h), 0));
  Take(DayOpen(Wib(23, 9h)));
  const BookedSale yesterday = *Take(Sale(Wib(23, 10h), 1000)).sale;
  (void)yesterday;
  ExpectRefused(Void(Wib(23, 11h), sale),
                "InvalidArgument: voids an unknown sale");  // no held sales: not remembered
}

TEST_F(BooksTest, AZEqualsItsSessionAndIsNumberedNext) {
  Take(DayOpen(Wib(22, 18h)));
  Take(Sale(Wib(22, 19h), 20000));
  EXPECT_EQ("InvalidArgument: the counted cash -Rp1 must be from Rp0 to Rp1.000.000.000",
            books_.ZToClose(Rp(-1)).status().ToString());
  JournalEntry negative = Close(Wib(22, 20h), 20000);
  ZReport counted = *DecodeZReport(negative.body);
  counted.counted_cash = Rp(-1);
  ASSERT_TRUE(SettleCash(counted).ok());
  negative.body = EncodeZReport(counted);
  ExpectRefused(Rehashed(negative), "InvalidArgument: the counted cash -Rp1 must be from Rp0 to Rp1.000.000.000");

  // The two forgeries that broke the organiser's reports: figures at the ends of int64.
  for (const int64_t figure : {std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    JournalEntry forged = Close(Wib(22, 20h), 20000);
    ZReport z = *DecodeZReport(forged.body);
    z.figures.gross = z.figures.net = Rp(figure);
    forged.body = EncodeZReport(z);
    ExpectRefused(Rehashed(forged), "InvalidArgument: Z report figures differ from the sales of its day");
  }
  JournalEntry renumbered = Close(Wib(22, 20h), 20000);
  ZReport z = *DecodeZReport(renumbered.body);
  z.z_number = 2;
  renumbered.body = EncodeZReport(z);
  ExpectRefused(Rehashed(renumbered), "InvalidArgument: Z number 2 follows Z 0");

  Take(Close(Wib(22, 20h), 20000));
  // A second Z with the same number, as two in one batch: there is no day left to close.
  JournalEntry second = Entry(EntryKind::kDayClose, Wib(22, 21h), "2026-11-22", renumbered.body);
  z.z_number = 1;
  second.body = EncodeZReport(z);
  ExpectRefused(Rehashed(second), "FailedPrecondition: no day is open");
}

TEST_F(BooksTest, CashMovesChangeTheDrawerAndTheZButNeverTheSales) {
  EXPECT_EQ("FailedPrecondition: no day is open",
            books_.NextCashMove(CashDirection::kIn, Rp(1000), "x").status().ToString());
  Take(DayOpen(Wib(22, 18h), 100000));  // the vendor said 100.000; the drawer held 150.000
  const Booking corrected = Take(CashMove(Wib(22, 18h), CashDirection::kIn, 50000, "koreksi kas awal"));
  EXPECT_EQ(CashDirection::kIn, corrected.cash_move->direction);
  EXPECT_EQ("koreksi kas awal", corrected.cash_move->reason);
  Take(Sale(Wib(22, 19h), 20000));
  EXPECT_EQ(Rp(170000), *books_.ExpectedCashNow());

  // Never more out than the drawer should hold, never Rp0, never without a reason.
  ExpectRefused(CashMove(Wib(22, 20h), CashDirection::kOut, 170001),
                "FailedPrecondition: cash out of Rp170.001 is more than the drawer should hold (Rp170.000)");
  ExpectRefused(CashMove(Wib(22, 20h), CashDirection::kIn, 0),
                "InvalidArgument: a cash in or out of Rp0 must be from Rp1 to Rp1.000.000.000");
  ExpectRefused(CashMove(Wib(22, 20h), CashDirection::kIn, -5),
                "InvalidArgument: a cash in or out of -Rp5 must be from Rp1 to Rp1.000.000.000");
  ExpectRefused(CashMove(Wib(22, 20h), CashDirection::kIn, 1000, ""),
                "InvalidArgument: the reason for cash in or out is empty");
  // Of the open session only: another day number, another business day.
  JournalEntry other_day = CashMove(Wib(22, 20h), CashDirection::kIn, 1000);
  other_day.body = EncodeCashMove({2, CashDirection::kIn, Rp(1000), "uang kecil"});
  ExpectRefused(Rehashed(other_day), "InvalidArgument: it names day 2 but day 1 is open");
  JournalEntry bad_direction = CashMove(Wib(22, 20h), CashDirection::kIn, 1000);
  bad_direction.body = R"({"amount":1000,"day":1,"direction":"sideways","reason":"x"})";
  ExpectRefused(Rehashed(bad_direction), "InvalidArgument: cash_move body: bad direction 'sideways'");

  Take(CashMove(Wib(22, 21h), CashDirection::kOut, 170000, "setor ke pemilik"));
  EXPECT_EQ(Rp(0), *books_.ExpectedCashNow());
  const ZReport z = *Take(Close(Wib(22, 22h), 0)).z;
  EXPECT_EQ(Rp(50000), z.cash_moves.in);
  EXPECT_EQ(Rp(170000), z.cash_moves.out);
  EXPECT_EQ(Rp(0), z.expected_cash);
  EXPECT_EQ(Rp(0), z.over_short);
  EXPECT_EQ(Rp(20000), z.figures.net);  // the sales alone
  EXPECT_EQ(1, z.figures.sales_count);
}

TEST_F(BooksTest, AZMustCarryItsSessionsCashMoves) {
  Take(DayOpen(Wib(22, 18h), 100000));
  Take(CashMove(Wib(22, 18h), CashDirection::kOut, 30000));
  JournalEntry hidden = Close(Wib(22, 20h), 70000);
  ZReport z = *DecodeZReport(hidden.body);
  z.cash_moves = {};
  ASSERT_TRUE(SettleCash(z).ok());
  hidden.body = EncodeZReport(z);
  ExpectRefused(Rehashed(hidden), "InvalidArgument: Z report figures differ from the sales of its day");
  const ZReport taken = *Take(Close(Wib(22, 20h), 70000)).z;
  EXPECT_EQ(Rp(30000), taken.cash_moves.out);
  EXPECT_EQ(Rp(0), taken.over_short);
}

class EventBooksTest : public BooksTest {
 protected:
  EventBooksTest() : BooksTest({Jakarta(), "2026-11-21", "2026-11-23"}) {}
};

TEST_F(EventBooksTest, EntriesOutsideTheEventsDaysAreRefused) {
  JournalEntry before = DayOpen(Wib(20, 12h));
  ExpectRefused(before, "InvalidArgument: its business day 2026-11-20 is outside the event's days, 2026-11-21 to 2026-11-23");
  Take(DayOpen(Wib(21, 12h)));
  Take(Sale(Wib(21, 13h), 1000));
  Take(Close(Wib(21, 14h), 1000));
  Take(DayOpen(Wib(24, 3h)));  // 03:00 on the 24th is still the 23rd
  Take(Close(Wib(24, 3h + 30min), 0));
  ExpectRefused(DayOpen(Wib(24, 4h)),
                "InvalidArgument: its business day 2026-11-24 is outside the event's days, 2026-11-21 to 2026-11-23");
}

TEST(BooksStateTest, ItsTextFormIsCanonicalWithAMemberPerPaymentMethod) {
  BooksState state;
  state.last_seq = 9;
  state.last_day_number = 2;
  state.last_z_number = 1;
  state.receipt_day = "2026-11-22";
  state.last_receipt_number = 4;
  state.last_time = TimePoint{std::chrono::milliseconds(1795345200000)};
  OpenSession open;
  open.day_number = 2;
  open.business_day = "2026-11-22";
  open.open_seq = 5;
  open.opened_at = TimePoint{std::chrono::milliseconds(1795341600000)};
  open.opening_float = Rp(50000);
  open.figures = DayFigures{4, 1, Rp(75500), Rp(18000), Rp(57500), {{Rp(30000), Rp(20000), Rp(7500)}}};
  state.open = open;
  const std::string text = EncodeBooksState(state);
  EXPECT_EQ(std::string(R"({"day":2,"hash":")") + std::string(64, '0') +
                R"(","open":{"business_day":"2026-11-22","cash":30000,"day":2,"float":50000,)"
                R"("gross":75500,"net":57500,"open_seq":5,"opened_at_utc_ms":1795341600000,)"
                R"("qris":20000,"sales":4,"transfer":7500,"voids":18000,"voids_count":1},)"
                R"("receipt":4,"receipt_day":"2026-11-22","seq":9,"time_utc_ms":1795345200000,"v":1,"z":1})",
            text);
  Result<BooksState> decoded = DecodeBooksState(text);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(state, *decoded);
}

TEST_F(BooksTest, TheStateGoesOnFromItsTextFormWithHeldSalesLookedUp) {
  Take(DayOpen(Wib(22, 18h), 50000));
  const BookedSale sale = *Take(Sale(Wib(22, 19h), 20000)).sale;
  Take(Sale(Wib(22, 19h + 5min), 7000));
  const std::string text = EncodeBooksState(books_.state());
  Result<BooksState> decoded = DecodeBooksState(text);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(books_.state(), *decoded);
  EXPECT_EQ("Corruption: the books' state is not in its form", DecodeBooksState(text + " ").status().ToString());
  EXPECT_EQ("Corruption: the books' state is not in its form", DecodeBooksState("{}").status().ToString());

  int lookups = 0;
  Books restored({Jakarta(), std::nullopt, std::nullopt}, *decoded,
                 [&](int64_t seq) -> Result<std::optional<BookedSale>> {
                   ++lookups;
                   if (seq == sale.seq) return std::optional<BookedSale>(sale);
                   return std::optional<BookedSale>();
                 });
  const JournalEntry void_entry = Void(Wib(22, 20h), sale);
  Result<Booking> voided = restored.Apply(void_entry);
  ASSERT_TRUE(voided.ok()) << voided.status().ToString();
  EXPECT_EQ(1, lookups);
  EXPECT_EQ(Rp(7000), restored.state().open->figures.net);
  EXPECT_EQ(Rp(20000), restored.state().open->figures.voids);
  // The void is remembered: a second is refused without asking the store again.
  JournalEntry second = void_entry;
  second.seq = 5;
  second.uuid = NewUuid(second.time);
  second.prev_hash = void_entry.hash;
  EXPECT_EQ("AlreadyExists: receipt 20261122-0001 is already voided",
            restored.Apply(Rehashed(second)).status().ToString());
  EXPECT_EQ(1, lookups);
}

}  // namespace
}  // namespace lapak
