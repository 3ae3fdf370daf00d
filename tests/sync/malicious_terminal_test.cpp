// A terminal with a stolen key, against the ledger's books (core/books.h at ingest), on a
// ledger in SQLite and in PostgreSQL (tests/sync/ledger_target.h). Its batches are signed
// with its real key and every entry is chained and hashed, so that only the rules of the
// books can tell them from an honest terminal's. Whatever it sends must be refused (422,
// nothing applied) or harmless, and the organiser's and the province's reports must still
// answer with the honest stalls' own figures.
#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>
#include <random>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "core/books.h"
#include "core/crypto.h"
#include "sync/ledger/ingest/ingest.h"
#include "sync/ledger/reports/reports.h"
#include "sync/ledger/store/ledger_store.h"
#include "sync/protocol.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"
#include "tests/sync/ledger_target.h"
#include "tests/sync/sealed_batch.h"
#include "tests/sync/stall_fixture.h"

namespace lapak::ledger {
namespace {

using namespace std::chrono_literals;
using testing::Cash;
using testing::Qris;
using testing::Transfer;
using testing::Wib;

constexpr char kEvent[] = "expo";
const std::vector<std::string> kEventDays = {"2026-11-20", "2026-11-21", "2026-11-22"};

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

LedgerFigures ToLedger(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

std::string Describe(const LedgerFigures& f) {
  std::string text = fmt::format("sales {} voids {} gross {} voided {} net {}", f.sales_count, f.voids_count,
                                 f.gross.rupiah(), f.voids.rupiah(), f.net.rupiah());
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    text += fmt::format(" {} {}", method.name, f.by_method[method.method].rupiah());
  }
  return text;
}

// Re-chains `entries` from entry `from` on: seq, prev_hash and hash, as a forger with the
// terminal's key would after changing one.
void Rechain(std::vector<JournalEntry>& entries, size_t from = 0) {
  for (size_t i = from; i < entries.size(); ++i) {
    entries[i].seq = static_cast<int64_t>(i) + 1;
    entries[i].prev_hash = i == 0 ? Sha256Digest{} : entries[i - 1].hash;
    entries[i].hash = ComputeEntryHash(entries[i]);
  }
}

// Entries made the way the rules allow, on a calendar of the test's choice (a terminal set
// up in another zone makes its days by its own): the honest start of a forged journal.
class JournalWriter {
 public:
  JournalWriter(std::string terminal_id, BusinessCalendar calendar)
      : terminal_id_(std::move(terminal_id)), books_({calendar, std::nullopt, std::nullopt}) {}

  JournalWriter& Open(TimePoint time) {
    return Add(EntryKind::kDayOpen, time, books_.calendar().BusinessDay(time),
               EncodeDayOpen(books_.NextDayOpen(Money())));
  }
  JournalWriter& Sell(TimePoint time, int64_t price) {
    const std::string day = books_.calendar().BusinessDay(time);
    return Add(EntryKind::kSale, time, day,
               EncodeSale(*books_.NextSale(day, testing::MakeSale(price, {Cash(price)}))));
  }
  JournalWriter& Close(TimePoint time, int64_t counted) {
    const ZReport z = *books_.ZToClose(Rp(counted));
    return Add(EntryKind::kDayClose, time, z.business_day, EncodeZReport(z));
  }
  std::vector<JournalEntry>& entries() { return entries_; }

 private:
  JournalWriter& Add(EntryKind kind, TimePoint time, std::string business_day, std::string body) {
    JournalEntry entry =
        NextEntry(books_.state(), terminal_id_, kind, time, std::move(business_day), std::move(body));
    Result<Booking> taken = books_.Apply(entry);
    if (!taken.ok()) throw std::runtime_error("the writer broke a rule: " + taken.status().ToString());
    entries_.push_back(std::move(entry));
    return *this;
  }

  std::string terminal_id_;
  Books books_;
  std::vector<JournalEntry> entries_;
};

class MaliciousTerminalTest : public ::testing::Test {
 protected:
  MaliciousTerminalTest() : ledger_clock_(Wib(23, 12h)) {
    ledger_ = std::move(LedgerStore::Open(testing::NewLedgerLocation(dir_), true)).value();
    Require(ledger_->AddEvent({kEvent, "Expo UMKM", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
                               kEventDays.front(), kEventDays.back()}));
    Require(ledger_->AddStall({"BKS-07", kEvent, "Bakso Pak Kumis", "makanan"}));
    Require(ledger_->AddStall({"BTK-02", kEvent, "Batik Bu Sri", "busana"}));
    Require(ledger_->AddStall({"EVL-01", kEvent, "Lapak Curian", "lain-lain"}));
    ingestor_ = std::make_unique<Ingestor>(*ledger_, ledger_clock_);
    PlayHonestStalls();
    stolen_key_ = Take(ledger_->EnrolTerminal({"EVL-01", "T9"}, ledger_clock_.Now()));
    honest_day_ = DayFigures();
    honest_event_ = EventFigures();
  }

  template <typename T>
  static T Take(Result<T> result) {
    if (!result.ok()) throw std::runtime_error(result.status().ToString());
    return std::move(result).value();
  }
  static void Require(const Status& status) {
    if (!status.ok()) throw std::runtime_error(status.ToString());
  }

  // Two honest stalls over the event's three days (sales after midnight, a void), synced.
  void PlayHonestStalls() {
    for (const auto& [stall, terminal] : {std::pair{"BKS-07", "T1"}, std::pair{"BTK-02", "T2"}}) {
      auto fixture = std::make_unique<testing::StallFixture>(dir_.File(std::string(terminal) + ".db"), stall,
                                                             terminal, Wib(20, 17h));
      for (unsigned day = 20; day <= 22; ++day) {
        fixture->clock().Set(Wib(day, 17h));
        const Receipt first = fixture->Sell(25000, {Cash(50000)});
        fixture->Sell(18000, {Qris(18000)});
        fixture->Sell(120000, {Transfer(100000), Cash(20000)});
        fixture->Void(first.receipt);
        fixture->clock().Set(Wib(day + 1, 1h + 30min));  // a night bazaar's last sale
        fixture->Sell(15000, {Cash(15000)});
        fixture->CloseDay(200000);
      }
      const std::string key = Take(ledger_->EnrolTerminal({stall, terminal}, ledger_clock_.Now()));
      const std::vector<JournalEntry> entries = fixture->Entries();
      const IngestAnswer answer = ingestor_->Handle(testing::SealEntries(entries, stall, terminal, key));
      if (answer.http_status != 200) throw std::runtime_error("honest stall refused: " + answer.json);
      for (const std::string& day : kEventDays) own_[stall][day] = ToLedger(fixture->Figures(day));
      stalls_.push_back(std::move(fixture));
    }
  }

  IngestAnswer SendStolen(const std::vector<JournalEntry>& entries,
                          testing::PayloadVersion version = testing::PayloadVersion::kCurrent) {
    return ingestor_->Handle(testing::SealEntries(entries, "EVL-01", "T9", stolen_key_, version));
  }

  // Every stall's figures of every day the day reports name, as "stall day: figures" lines.
  std::string DayFigures() {
    std::string lines;
    for (const std::string& day : kEventDays) {
      const OrganiserDayReport report = Take(MakeDayReport(*ledger_, kEvent, day, ledger_clock_.Now()));
      for (const StallDayRow& row : report.stalls) {
        lines += fmt::format("{} {}: {}\n", row.stall_id, day, Describe(row.figures));
      }
      lines += fmt::format("total {}: {}\n", day, Describe(report.total));
    }
    return lines;
  }
  std::string EventFigures() {
    const EventReport report = Take(MakeEventReport(*ledger_, kEvent, 10, ledger_clock_.Now()));
    std::string lines = fmt::format("total: {}\n", Describe(report.total));
    for (const GroupRow& day : report.days) lines += fmt::format("{}: {}\n", day.key, Describe(day.figures));
    return lines;
  }
  // The reports answer, and still with the honest figures: the terminal changed nothing.
  void ExpectReportsUnchanged() {
    EXPECT_EQ(honest_day_, DayFigures());
    EXPECT_EQ(honest_event_, EventFigures());
    EXPECT_EQ(0, Take(ledger_->FindTerminal({"EVL-01", "T9"}))->hwm);
  }
  // `entries` is refused whole with 422, and `reason` for entry `seq`.
  void ExpectRefused(const std::vector<JournalEntry>& entries, int64_t seq, const std::string& reason,
                     testing::PayloadVersion version = testing::PayloadVersion::kCurrent) {
    const IngestAnswer answer = SendStolen(entries, version);
    EXPECT_EQ(422, answer.http_status) << answer.json;
    const nlohmann::json body = nlohmann::json::parse(answer.json);
    EXPECT_EQ(fmt::format("entry {}: {}", seq, reason), body.value("error", "")) << answer.json;
    EXPECT_EQ(0, body.value("hwm", -1));
    // Coded, for the terminal to say in its vendor's language: where, then why.
    EXPECT_EQ("AtEntry", body["reason"].value("refusal", "")) << answer.json;
    EXPECT_EQ(reason, body["reason"]["causes"][0].value("message", "")) << answer.json;
    ExpectReportsUnchanged();
  }

  JournalWriter Writer() { return JournalWriter("T9", *BusinessCalendar::Make("Asia/Jakarta", "04:00")); }

  testing::TempDir dir_;
  ManualClock ledger_clock_;
  std::unique_ptr<LedgerStore> ledger_;
  std::unique_ptr<Ingestor> ingestor_;
  std::vector<std::unique_ptr<testing::StallFixture>> stalls_;
  std::map<std::string, std::map<std::string, LedgerFigures>> own_;  // stall → day → figures
  std::string stolen_key_;
  std::string honest_day_;
  std::string honest_event_;
};

TEST_F(MaliciousTerminalTest, TheReportsHoldTheHonestStallsOwnFigures) {
  for (const std::string& day : kEventDays) {
    const OrganiserDayReport report = Take(MakeDayReport(*ledger_, kEvent, day, ledger_clock_.Now()));
    for (const StallDayRow& row : report.stalls) {
      if (row.stall_id == "EVL-01") continue;
      EXPECT_EQ(Describe(own_[row.stall_id][day]), Describe(row.figures)) << row.stall_id << " " << day;
      EXPECT_STREQ("agrees", row.z_state == ZState::kAgrees ? "agrees" : "not") << row.stall_id << " " << day;
    }
  }
}

// The two Z reports that made the whole event's day report answer 503 ("integer overflow").
TEST_F(MaliciousTerminalTest, ZReportsAtTheEndsOfInt64AreRefused) {
  for (const int64_t figure : {std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    JournalWriter writer = Writer();
    writer.Open(Wib(22, 10h)).Sell(Wib(22, 11h), 10000).Close(Wib(22, 12h), 10000).Open(Wib(22, 13h)).Close(Wib(22, 14h), 0);
    std::vector<JournalEntry>& entries = writer.entries();
    for (const size_t z_index : {size_t{2}, size_t{4}}) {
      ZReport z = *DecodeZReport(entries[z_index].body);
      z.figures.gross = z.figures.net = Rp(figure);
      entries[z_index].body = EncodeZReport(z);
    }
    Rechain(entries);
    ExpectRefused(entries, 3, "Z report figures differ from the sales of its day");
  }
}

TEST_F(MaliciousTerminalTest, TwoZWithOneNumberInABatchAreRefusedNot503) {
  JournalWriter writer = Writer();
  writer.Open(Wib(22, 10h)).Sell(Wib(22, 11h), 10000).Close(Wib(22, 12h), 10000).Open(Wib(22, 13h)).Close(Wib(22, 14h), 0);
  std::vector<JournalEntry>& entries = writer.entries();
  ZReport second = *DecodeZReport(entries[4].body);
  second.z_number = 1;
  entries[4].body = EncodeZReport(second);
  Rechain(entries);
  ExpectRefused(entries, 5, "Z number 1 follows Z 1");
}

// A terminal set up in WITA with a 00:00 cut-off says 01:30 WIB on the 23rd (02:30 WITA) is
// the 23rd; the event (WIB, 04:00) says the 22nd.
TEST_F(MaliciousTerminalTest, ABusinessDayOfAnotherCalendarIsRefused) {
  JournalWriter writer("T9", *BusinessCalendar::Make("Asia/Makassar", "00:00"));
  writer.Open(Wib(22, 18h)).Sell(Wib(22, 19h), 10000).Close(Wib(22, 23h), 10000).Open(Wib(23, 1h + 30min));
  ASSERT_EQ("2026-11-23", writer.entries().back().business_day);
  ExpectRefused(writer.entries(), 4, "its business day does not match its time");
}

TEST_F(MaliciousTerminalTest, DaysOutsideTheEventAreRefused) {
  std::vector<JournalEntry> year_zero = Writer().Open(Wib(22, 10h)).entries();
  year_zero[0].time = TimePoint{std::chrono::sys_days{std::chrono::year{0} / 1 / 1}};
  year_zero[0].business_day = "0000-01-01";
  Rechain(year_zero);
  ExpectRefused(year_zero, 1,
                fmt::format("its time ({} ms after 1970) is not between 2020 and 2100: set the terminal's clock",
                            year_zero[0].time.time_since_epoch().count()));

  std::vector<JournalEntry> last_day = Writer().Open(Wib(22, 10h)).entries();
  last_day[0].business_day = "9999-12-31";
  Rechain(last_day);
  ExpectRefused(last_day, 1, "its business day does not match its time");

  // A day a year later, its time and day agreeing.
  const TimePoint next_year = Wib(22, 10h) + std::chrono::days(365);
  ExpectRefused(Writer().Open(next_year).entries(), 1,
                "its business day 2027-11-22 is outside the event's days, 2026-11-19 to 2026-11-23");
}

// 20,000 distinct days made the event page 6 MB and held the store's lock: now the first
// day past the event's margin refuses its batch, and a batch is at most
// sync::kMaxEntriesPerBatch entries.
TEST_F(MaliciousTerminalTest, ADayPerEntryIsRefusedAtTheFirstDayPastTheMargin) {
  JournalWriter writer = Writer();
  for (int day = 0; day < 160; ++day) {
    const TimePoint noon = Wib(19, 12h) + std::chrono::days(day);
    writer.Open(noon).Sell(noon + 1h, 1000).Close(noon + 2h, 1000);
  }
  // Days 19 … 23 of November are within the event's days and its margin; the 24th is not.
  ExpectRefused(writer.entries(), 16, "its business day 2026-11-24 is outside the event's days, 2026-11-19 to 2026-11-23");
}

TEST_F(MaliciousTerminalTest, ASaleOfNoLinesAndRp0IsRefused) {
  std::vector<JournalEntry> entries = Writer().Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).entries();
  entries[1].body = EncodeSale({1, "20261122-0001", CompletedSale{}});
  Rechain(entries);
  ExpectRefused(entries, 2, "a sale has at least one line");
}

// Entries that are not the ones the terminal hashed: a batch of version 2 shows it at its
// last entry (the ledger works the chain out and ends on another hash than the terminal's),
// one of version 1 at the changed entry (it carries its own hash). Neither takes anything;
// the journal as hashed is then taken, in either version.
TEST_F(MaliciousTerminalTest, EntriesThatAreNotTheOnesHashedAreRefusedInEitherPayloadVersion) {
  using testing::PayloadVersion;
  const std::vector<JournalEntry> hashed =
      Writer().Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).Sell(Wib(22, 12h), 2000).Sell(Wib(22, 13h), 3000).entries();
  std::vector<JournalEntry> changed = hashed;
  changed[1].uuid.back() = changed[1].uuid.back() == 'a' ? 'b' : 'a';
  ExpectRefused(changed, 4, "its hash does not match its contents", PayloadVersion::kCurrent);
  ExpectRefused(changed, 2, "its hash does not match its contents", PayloadVersion::kVersion1);
  std::vector<JournalEntry> elsewhere = hashed;  // chained onto a journal the ledger does not hold
  elsewhere[0].prev_hash[0] ^= 1;
  ExpectRefused(elsewhere, 1, "does not chain to the entry before it", PayloadVersion::kCurrent);

  const IngestAnswer old_terminal = SendStolen({hashed[0], hashed[1]}, PayloadVersion::kVersion1);
  ASSERT_EQ(200, old_terminal.http_status) << old_terminal.json;
  const IngestAnswer upgraded = SendStolen({hashed[2], hashed[3]}, PayloadVersion::kCurrent);
  ASSERT_EQ(200, upgraded.http_status) << upgraded.json;
  EXPECT_EQ(4, Take(ledger_->FindTerminal({"EVL-01", "T9"}))->hwm);
}

TEST_F(MaliciousTerminalTest, UuidsAreUuidsAndNeverUsedTwice) {
  std::vector<JournalEntry> not_uuid = Writer().Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).entries();
  not_uuid[1].uuid = "bukan-uuid";
  Rechain(not_uuid);
  const IngestAnswer malformed = SendStolen(not_uuid);  // the wire format refuses it first
  EXPECT_EQ(400, malformed.http_status) << malformed.json;
  EXPECT_EQ("malformed batch: entry 2: the uuid is malformed", nlohmann::json::parse(malformed.json).value("error", ""));
  ExpectReportsUnchanged();

  std::vector<JournalEntry> repeated = Writer().Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).Sell(Wib(22, 12h), 1000).entries();
  repeated[2].uuid = repeated[1].uuid;
  Rechain(repeated);
  ExpectRefused(repeated, 3, "its uuid is used already");

  // Across batches: the first is taken, the second reuses one of its uuids.
  std::vector<JournalEntry> journal = Writer().Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).Sell(Wib(22, 12h), 2000).entries();
  journal[2].uuid = journal[0].uuid;
  Rechain(journal);
  const IngestAnswer first = SendStolen({journal[0], journal[1]});
  ASSERT_EQ(200, first.http_status) << first.json;
  const IngestAnswer second = SendStolen({journal[2]});
  EXPECT_EQ(422, second.http_status) << second.json;
  const nlohmann::json refused = nlohmann::json::parse(second.json);
  EXPECT_EQ("entry 3: its uuid is used already", refused.value("error", ""));
  EXPECT_EQ(2, refused.value("hwm", -1));
  EXPECT_EQ("UuidUsedAlready", refused["reason"]["causes"][0].value("refusal", ""));
  EXPECT_EQ(2, Take(ledger_->FindTerminal({"EVL-01", "T9"}))->hwm);
}

TEST_F(MaliciousTerminalTest, AVoidWithAReasonOf200KiBIsRefused) {
  JournalWriter writer = Writer();
  std::vector<JournalEntry> entries = writer.Open(Wib(22, 10h)).Sell(Wib(22, 11h), 1000).entries();
  const BookedSale sale = *BookedSaleOf(entries[1], false);
  JournalEntry void_entry = entries[1];
  void_entry.kind = EntryKind::kVoid;
  void_entry.uuid = NewUuid(void_entry.time);
  void_entry.body = EncodeVoid({1, sale.seq, sale.receipt, std::string(200 * 1024, 'x'), sale.amounts.total});
  entries.push_back(void_entry);
  Rechain(entries);
  ExpectRefused(entries, 3, "the reason for a void is longer than 200 bytes");
}

// ---- a property: honest journals are taken whole; a single forged change is refused or
// harmless to every other stall ---------------------------------------------------------

uint64_t PropertySeed() {
  const char* seed = std::getenv("LAPAK_PROPERTY_SEED");
  return seed != nullptr && *seed != '\0' ? std::strtoull(seed, nullptr, 10) : 20261122;
}

// A random honest day's trade of one terminal over the event, through its real store.
void PlayRandomJournal(testing::StallFixture& stall, std::mt19937_64& random) {
  std::vector<std::string> open_receipts;
  for (unsigned day = 20; day <= 22; ++day) {
    stall.clock().Set(Wib(day, 9h) + std::chrono::minutes(random() % 120));
    const int sales = 3 + static_cast<int>(random() % 8);
    for (int i = 0; i < sales; ++i) {
      const int64_t price = 1000 * (1 + static_cast<int64_t>(random() % 200));
      const std::vector<Payment> payments =
          random() % 3 == 0 ? std::vector{Qris(price)}
          : random() % 2 == 0 ? std::vector{Transfer(price)}
                              : std::vector{Cash(price + 1000 * static_cast<int64_t>(random() % 5))};
      const std::chrono::minutes step(1 + random() % 90);
      open_receipts.push_back(stall.Sell(price, payments, step).receipt);
      if (random() % 6 == 0) {
        const size_t pick = random() % open_receipts.size();
        stall.Void(open_receipts[pick]);
        open_receipts.erase(open_receipts.begin() + static_cast<std::ptrdiff_t>(pick));
      }
    }
    stall.CloseDay(static_cast<int64_t>(random() % 500) * 1000);
    open_receipts.clear();
  }
}

// One change a forger could make to a journal, chained again after it. Its name.
std::string Mutate(std::vector<JournalEntry>& entries, std::mt19937_64& random) {
  const size_t at = random() % entries.size();
  JournalEntry& entry = entries[at];
  std::string what;
  switch (random() % 8) {
    case 0: {  // a number in the body, anywhere
      nlohmann::json body = nlohmann::json::parse(entry.body);
      std::vector<nlohmann::json*> numbers;
      std::function<void(nlohmann::json&)> collect = [&](nlohmann::json& node) {
        if (node.is_number_integer()) numbers.push_back(&node);
        if (node.is_structured()) {
          for (auto& child : node) collect(child);
        }
      };
      collect(body);
      if (numbers.empty()) return Mutate(entries, random);
      nlohmann::json& number = *numbers[random() % numbers.size()];
      const int64_t deltas[] = {1, -1, 1000, -1000, 1'000'000'000, std::numeric_limits<int64_t>::max() / 2};
      number = number.get<int64_t>() + deltas[random() % 6];
      entry.body = body.dump();
      what = "a number in the body";
      break;
    }
    case 1:
      entry.business_day = AddDays(entry.business_day, random() % 2 == 0 ? 1 : -1);
      what = "the business day";
      break;
    case 2:
      entry.time += std::chrono::hours(random() % 2 == 0 ? 7 : -30);
      what = "the time";
      break;
    case 3:
      entry.uuid = entries[random() % entries.size()].uuid;
      what = "the uuid";
      break;
    case 4: {
      const EntryKind kinds[] = {EntryKind::kDayOpen, EntryKind::kSale, EntryKind::kVoid, EntryKind::kDayClose};
      entry.kind = kinds[random() % 4];
      what = "the kind";
      break;
    }
    case 5:
      entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(at));
      what = "an entry dropped";
      break;
    case 6: {
      JournalEntry copy = entry;
      copy.uuid = NewUuid(copy.time);
      entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(at), copy);
      what = "an entry repeated";
      break;
    }
    default: {
      const size_t other = random() % entries.size();
      std::swap(entries[at], entries[other]);
      what = "two entries swapped";
      break;
    }
  }
  Rechain(entries);
  return fmt::format("{} at entry {}", what, at + 1);
}

// The lines of DayFigures() that are not EVL-01's or a day's total.
std::string OtherStallsLines(const std::string& lines) {
  std::string others;
  for (size_t start = 0; start < lines.size();) {
    const size_t end = lines.find('\n', start) + 1;
    const std::string line = lines.substr(start, end - start);
    if (line.rfind("EVL-01", 0) != 0 && line.rfind("total", 0) != 0) others += line;
    start = end;
  }
  return others;
}

// Day by day, the figures of a stall hold together and stay within Money's limits.
void ExpectSane(const LedgerFigures& f, const std::string& where) {
  EXPECT_GE(f.sales_count, f.voids_count) << where;
  EXPECT_GE(f.voids_count, 0) << where;
  EXPECT_EQ(f.gross.Minus(f.voids), f.net) << where;
  EXPECT_EQ(f.by_method.Total(), f.net) << where;
  std::vector<Money> amounts = {f.gross, f.voids, f.net};
  amounts.insert(amounts.end(), f.by_method.amounts.begin(), f.by_method.amounts.end());
  for (const Money money : amounts) {
    EXPECT_GE(money, Rp(0)) << where;
    EXPECT_LE(money.rupiah(), f.sales_count * kMaxSaleTotal.rupiah()) << where;
  }
}

TEST_F(MaliciousTerminalTest, HonestJournalsAreTakenWholeAndSingleForgeriesHarmNoOtherStall) {
  const uint64_t seed = PropertySeed();
  SCOPED_TRACE(fmt::format("LAPAK_PROPERTY_SEED={}", seed));
  std::mt19937_64 random(seed);

  // Honest: three more stalls with random journals, sent in random batch splits.
  for (int i = 0; i < 3; ++i) {
    const std::string stall_id = fmt::format("RND-{}", i);
    const std::string terminal_id = fmt::format("R{}", i);
    Require(ledger_->AddStall({stall_id, kEvent, "Acak", "makanan"}));
    testing::StallFixture stall(dir_.File(terminal_id + ".db"), stall_id, terminal_id, Wib(20, 8h));
    PlayRandomJournal(stall, random);
    const std::string key = Take(ledger_->EnrolTerminal({stall_id, terminal_id}, ledger_clock_.Now()));
    const std::vector<JournalEntry> entries = stall.Entries();
    for (size_t first = 0; first < entries.size();) {
      const size_t count = std::min(entries.size() - first, 1 + static_cast<size_t>(random() % 20));
      const std::vector<JournalEntry> batch(entries.begin() + static_cast<std::ptrdiff_t>(first),
                                            entries.begin() + static_cast<std::ptrdiff_t>(first + count));
      const IngestAnswer answer = ingestor_->Handle(testing::SealEntries(batch, stall_id, terminal_id, key));
      ASSERT_EQ(200, answer.http_status) << stall_id << " batch at " << first << ": " << answer.json;
      first += count;
    }
    for (const std::string& day : kEventDays) {
      const OrganiserDayReport report = Take(MakeDayReport(*ledger_, kEvent, day, ledger_clock_.Now()));
      const auto row = std::find_if(report.stalls.begin(), report.stalls.end(),
                                    [&](const StallDayRow& r) { return r.stall_id == stall_id; });
      ASSERT_NE(report.stalls.end(), row);
      EXPECT_EQ(Describe(ToLedger(stall.Figures(day))), Describe(row->figures)) << stall_id << " " << day;
      EXPECT_EQ(ZState::kAgrees, row->z_state) << stall_id << " " << day;
    }
  }
  const std::string others_before = OtherStallsLines(DayFigures());

  // Forged: one journal of EVL-01, changed once per round and sent by a fresh terminal.
  testing::StallFixture evil(dir_.File("evil.db"), "EVL-01", "V", Wib(20, 8h));
  PlayRandomJournal(evil, random);
  const std::vector<JournalEntry> journal = evil.Entries();
  int refused = 0;
  int taken = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string terminal_id = fmt::format("V{}", round);
    const std::string key = Take(ledger_->EnrolTerminal({"EVL-01", terminal_id}, ledger_clock_.Now()));
    std::vector<JournalEntry> entries = journal;
    for (JournalEntry& entry : entries) entry.terminal_id = terminal_id;
    const std::string change = Mutate(entries, random);
    const IngestAnswer answer = ingestor_->Handle(testing::SealEntries(entries, "EVL-01", terminal_id, key));
    ASSERT_TRUE(answer.http_status == 200 || answer.http_status == 422)
        << "round " << round << ", " << change << ": " << answer.http_status << " " << answer.json;
    (answer.http_status == 200 ? taken : refused) += 1;
    Require(ledger_->RevokeTerminal({"EVL-01", terminal_id}, ledger_clock_.Now()));

    // Every other stall's figures are as before; EVL-01's hold together.
    EXPECT_EQ(others_before, OtherStallsLines(DayFigures())) << "round " << round << ", " << change;
    for (const std::string& day : kEventDays) {
      const OrganiserDayReport report = Take(MakeDayReport(*ledger_, kEvent, day, ledger_clock_.Now()));
      for (const StallDayRow& row : report.stalls) ExpectSane(row.figures, row.stall_id + " " + day + ", " + change);
    }
    Take(MakeEventReport(*ledger_, kEvent, 10, ledger_clock_.Now()));
  }
  // A change that keeps every rule (an entry swapped with itself, a Z stamped later) is a
  // journal the terminal could have written: taken, and confined to its own stall. Most
  // changes break a rule.
  EXPECT_GE(refused, 20) << "taken " << taken;
}

}  // namespace
}  // namespace lapak::ledger
