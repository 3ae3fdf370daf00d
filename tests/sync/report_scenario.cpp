#include "tests/sync/report_scenario.h"

#include <fmt/core.h>

#include <cstdio>
#include <stdexcept>

#include "core/qris.h"

namespace lapak::testing {

namespace {

using namespace std::chrono_literals;
using ledger::LedgerFigures;

constexpr char kOwnerPin[] = "9999";
constexpr char kCashierPin[] = "1234";
constexpr auto kCutoff = 4h;

void Require(const Status& status, const std::string& what) {
  if (!status.ok()) throw std::runtime_error(what + ": " + status.ToString());
}

template <typename T>
T Take(Result<T> result, const std::string& what) {
  Require(result.status(), what);
  return std::move(result).value();
}

std::string IsoDay(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

TimePoint Wib(unsigned day, int hour, int minute) { return LocalTime(kWib, 2026, 11, day, hour, minute); }
TimePoint Wita(unsigned day, int hour, int minute) {
  return LocalTime(kWita, 2026, 11, day, hour, minute);
}

// What a completed sale brought in, from its lines and payments: the drawer keeps the cash
// tendered less the change; QRIS and transfer pay exact amounts.
SaleMoney MoneyOf(const CompletedSale& sale) {
  if (sale.discount.kind != Discount::Kind::kNone) {
    throw std::runtime_error("the report scenario rings no discounts");
  }
  SaleMoney money;
  for (const SaleLine& line : sale.lines) money.total += line.unit_price.rupiah() * line.quantity;
  int64_t paid = 0;
  int64_t cash_tendered = 0;
  for (const Payment& payment : sale.payments) {
    paid += payment.amount.rupiah();
    switch (payment.method) {
      case PaymentMethod::kCash: cash_tendered += payment.amount.rupiah(); break;
      case PaymentMethod::kQris:
        money.qris += payment.amount.rupiah();
        if (!payment.qris_code_sha256.empty()) money.qris_shown += payment.amount.rupiah();
        break;
      case PaymentMethod::kTransfer: money.transfer += payment.amount.rupiah(); break;
    }
  }
  money.cash = cash_tendered - (paid - money.total);
  return money;
}

LedgerFigures FiguresOfDay(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

CompletedSale MakeSale(int64_t price, const std::vector<Payment>& payments) {
  Cart cart;
  Require(cart.AddCustom(Money::Rupiah(price)), "add a line");
  for (const Payment& payment : payments) Require(cart.AddPayment(payment), "pay");
  return Take(cart.Complete(), "complete the sale");
}

Payment Cash(int64_t rupiah) { return {PaymentMethod::kCash, Money::Rupiah(rupiah)}; }
Payment Qris(int64_t rupiah) { return {PaymentMethod::kQris, Money::Rupiah(rupiah)}; }
// Paid through the dynamic code the terminal showed (any code: the ledger sees its hash).
Payment QrisShown(int64_t rupiah) {
  return {PaymentMethod::kQris, Money::Rupiah(rupiah), QrisCodeHash(fmt::format("code for {}", rupiah))};
}
Payment Transfer(int64_t rupiah) { return {PaymentMethod::kTransfer, Money::Rupiah(rupiah)}; }

}  // namespace

const Zone kWib{"Asia/Jakarta", 7h};
const Zone kWita{"Asia/Makassar", 8h};

TimePoint LocalTime(const Zone& zone, int year, unsigned month, unsigned day, int hour, int minute) {
  const std::chrono::sys_days date{std::chrono::year{year} / std::chrono::month{month} /
                                   std::chrono::day{day}};
  return TimePoint{date + std::chrono::hours(hour) + std::chrono::minutes(minute) - zone.utc_offset};
}

std::string BusinessDayOf(TimePoint time, const Zone& zone) {
  return IsoDay(std::chrono::floor<std::chrono::days>(time + zone.utc_offset - kCutoff));
}

int LocalHourOf(TimePoint time, const Zone& zone) {
  const TimePoint local = time + zone.utc_offset;
  return static_cast<int>((local - std::chrono::floor<std::chrono::days>(local)) / 1h);
}

std::string DayAfter(const std::string& day, int days) {
  int year = 0;
  unsigned month = 0;
  unsigned day_of_month = 0;
  if (std::sscanf(day.c_str(), "%d-%u-%u", &year, &month, &day_of_month) != 3) {
    throw std::runtime_error("not a day: " + day);
  }
  const std::chrono::sys_days date{std::chrono::year{year} / std::chrono::month{month} /
                                   std::chrono::day{day_of_month}};
  return IsoDay(date + std::chrono::days(days));
}

LedgerFigures FiguresOf(const std::vector<const SaleFact*>& sales) {
  int64_t sales_count = 0, voids_count = 0, gross = 0, voids = 0, net = 0, cash = 0, qris = 0, transfer = 0;
  for (const SaleFact* sale : sales) {
    sales_count += 1;
    gross += sale->money.total;
    if (sale->voided) {
      voids_count += 1;
      voids += sale->money.total;
    } else {
      net += sale->money.total;
      cash += sale->money.cash;
      qris += sale->money.qris;
      transfer += sale->money.transfer;
    }
  }
  const auto rp = [](int64_t rupiah) { return Money::Rupiah(rupiah); };
  return {sales_count, voids_count, rp(gross), rp(voids), rp(net), {{rp(cash), rp(qris), rp(transfer)}}};
}

// ---- JournalTally ---------------------------------------------------------------------

void JournalTally::Accept(const TerminalFact& terminal, const std::vector<JournalEntry>& entries,
                          TimePoint now) {
  const std::optional<SyncFact> before = Sync(terminal.id);
  const int64_t held = before ? before->hwm : 0;
  for (const JournalEntry& entry : entries) {
    if (entry.seq <= held) continue;
    const std::string where = fmt::format("{} entry {}", terminal.id, entry.seq);
    switch (entry.kind) {
      case EntryKind::kDayOpen: break;
      case EntryKind::kSale: {
        const SaleBody body = Take(DecodeSale(entry.body), where);
        SaleFact sale{terminal.id,
                      entry.seq,
                      terminal.stall_id,
                      terminal.event_id,
                      BusinessDayOf(entry.time, *terminal.zone),
                      LocalHourOf(entry.time, *terminal.zone),
                      body.day_number,
                      MoneyOf(body.sale),
                      false};
        if (sale.business_day != entry.business_day) {
          throw std::runtime_error(fmt::format("{}: stamped for {}, rung on business day {}", where,
                                               entry.business_day, sale.business_day));
        }
        sales_.emplace(std::make_pair(terminal.id, entry.seq), std::move(sale));
        break;
      }
      case EntryKind::kVoid: {
        const VoidBody body = Take(DecodeVoid(entry.body), where);
        auto sale = sales_.find({terminal.id, body.sale_seq});
        if (sale == sales_.end() || sale->second.voided ||
            sale->second.money.total != body.total.rupiah()) {
          throw std::runtime_error(where + ": voids no unvoided sale of its amount");
        }
        sale->second.voided = true;
        break;
      }
      case EntryKind::kCashMove: break;  // the drawer's, not the sales' (the scenario makes none)
      case EntryKind::kDayClose: {
        const ZReport z = Take(DecodeZReport(entry.body), where);
        const LedgerFigures ledger = FiguresOf(Sales([&](const SaleFact& sale) {
          return sale.terminal_id == terminal.id && sale.day_number == z.day_number;
        }));
        z_reports_.push_back({terminal.id, terminal.stall_id, z.business_day, FiguresOfDay(z.figures),
                              ledger});
        break;
      }
    }
  }
  syncs_[terminal.id] = {now, entries.back().time, std::max(held, entries.back().seq)};
}

std::optional<SyncFact> JournalTally::Sync(const std::string& terminal_id) const {
  auto found = syncs_.find(terminal_id);
  if (found == syncs_.end()) return std::nullopt;
  return found->second;
}

// ---- ReportWorld ----------------------------------------------------------------------

struct ReportWorld::Terminal {
  TerminalFact fact;
  ManualClock clock{TimePoint{}};
  std::unique_ptr<StallStore> store;
  int64_t sent = 0;
};

TimePoint ReportWorld::Day21Evening() { return Wib(21, 21, 30); }
TimePoint ReportWorld::BeforeLateArrival() { return Wib(22, 21, 0); }
TimePoint ReportWorld::AfterLateArrival() { return Wib(22, 22, 12); }
TimePoint ReportWorld::AfterEverything() { return LocalTime(kWib, 2026, 12, 10, 12, 0); }

ReportWorld::ReportWorld(ledger::LedgerStore& ledger, std::string dir)
    : ledger_(ledger), dir_(std::move(dir)) {
  AddEvent({"solo-2026", "Solo Bazaar UMKM", "Jawa Tengah", "Kota Surakarta", "Asia/Jakarta",
            "2026-11-06", "2026-11-07"});
  AddEvent({"semarang-2026", "Pekan Raya Semarang", "Jawa Tengah", "Kota Semarang", "Asia/Jakarta",
            "2026-11-20", "2026-11-22"});
  AddEvent({"denpasar-2026", "Festival UMKM Bali", "Bali", "Kota Denpasar", "Asia/Makassar",
            "2026-11-20", "2026-11-21"});
  AddEvent({"magelang-2026", "Bazaar Magelang", "Jawa Tengah", "Kabupaten Magelang", "Asia/Jakarta",
            "2026-12-04", "2026-12-05"});

  AddStall({"SLO-TML", "solo-2026", "Timlo Solo", "makanan"}, {"SLO-TML-1"});
  AddStall({"SLO-BTK", "solo-2026", "Batik Laweyan", "fashion", "Kota Surakarta"}, {"SLO-BTK-1"});
  AddStall({"SLO-WDG", "solo-2026", "Wedang Uwuh", "minuman", "Kabupaten Sukoharjo"}, {"SLO-WDG-1"});

  AddStall({"SMG-BKS", "semarang-2026", "Bakso Pak Min", "makanan"}, {"SMG-BKS-A", "SMG-BKS-B"});
  AddStall({"SMG-BTK", "semarang-2026", "Batik Pekalongan", "kerajinan", "Kota Pekalongan"},
           {"SMG-BTK-1"});
  AddStall({"SMG-KOP", "semarang-2026", "Kopi Temanggung", "minuman", "Kabupaten Temanggung"},
           {"SMG-KOP-1"});
  AddStall({"SMG-DWT", "semarang-2026", "Es Dawet Ayu", "minuman", "Kabupaten Banjarnegara"},
           {"SMG-DWT-1"});
  AddStall({"SMG-LRK", "semarang-2026", "Lurik Klaten", "kerajinan", "Kabupaten Klaten"},
           {"SMG-LRK-1"});

  AddStall({"BAL-BBG", "denpasar-2026", "Babi Guling Bu Komang", "makanan", "Kabupaten Gianyar"},
           {"BAL-BBG-1"});
  AddStall({"BAL-KOP", "denpasar-2026", "Kopi Kintamani", "minuman", "Kabupaten Bangli"},
           {"BAL-KOP-1"});
  AddStall({"BAL-UKR", "denpasar-2026", "Ukiran Mas", "kerajinan", "Kabupaten Gianyar"},
           {"BAL-UKR-1"});
  AddStall({"BAL-END", "denpasar-2026", "Tenun Endek", "kerajinan"}, {"BAL-END-1"});

  AddStall({"MGL-GTK", "magelang-2026", "Getuk Trio", "makanan"}, {"MGL-GTK-1"});
  Require(ledger_.RevokeTerminal({"MGL-GTK", "MGL-GTK-1"}, LocalTime(kWib, 2026, 11, 2, 9, 0)), "revoke MGL-GTK-1");
  for (TerminalFact& terminal : terminal_facts_) terminal.revoked = terminal.id == "MGL-GTK-1";
}

ReportWorld::~ReportWorld() = default;

void ReportWorld::AddEvent(ledger::EventSpec event) {
  Require(ledger_.AddEvent(event), "add event " + event.id);
  events_.push_back(std::move(event));
}

void ReportWorld::AddStall(ledger::StallSpec stall, const std::vector<std::string>& terminals) {
  Require(ledger_.AddStall(stall), "add stall " + stall.id);
  const Zone& zone = ZoneOf(Event(stall.event_id));
  for (const std::string& id : terminals) {
    auto terminal = std::make_unique<Terminal>();
    terminal->fact = {id, stall.id, stall.event_id, &zone};
    terminal->clock.Set(LocalTime(zone, 2026, 11, 1, 9, 0));
    Take(ledger_.EnrolTerminal({stall.id, id}, terminal->clock.Now()), "enrol " + id);
    terminal->store = Take(StallStore::Open(dir_ + "/" + id + ".db", terminal->clock), "open " + id);
    Require(terminal->store->Initialise(
                {stall.id, stall.name, id, zone.name, "04:00", kOwnerPin, kCashierPin}),
            "initialise " + id);
    terminal_facts_.push_back(terminal->fact);
    terminals_.emplace(id, std::move(terminal));
  }
  stalls_.push_back({std::move(stall), terminals});
}

const ledger::EventSpec& ReportWorld::Event(const std::string& id) const {
  for (const ledger::EventSpec& event : events_) {
    if (event.id == id) return event;
  }
  throw std::runtime_error("no event " + id);
}

const Zone& ReportWorld::ZoneOf(const ledger::EventSpec& event) const {
  if (event.time_zone == kWib.name) return kWib;
  if (event.time_zone == kWita.name) return kWita;
  throw std::runtime_error("the scenario knows no zone " + event.time_zone);
}

ReportWorld::Terminal& ReportWorld::T(const std::string& id) {
  auto found = terminals_.find(id);
  if (found == terminals_.end()) throw std::runtime_error("no terminal " + id);
  return *found->second;
}

DayFigures ReportWorld::TerminalFigures(const std::string& terminal_id, const std::string& business_day) {
  return Take(T(terminal_id).store->ReportDay(business_day), "report " + terminal_id).figures;
}

Receipt ReportWorld::Sell(const std::string& terminal, TimePoint local, int64_t price,
                          const std::vector<Payment>& payments) {
  Terminal& t = T(terminal);
  t.clock.Set(local);
  return Take(t.store->RecordSale(MakeSale(price, payments)), terminal + " sells");
}

void ReportWorld::Void(const std::string& terminal, TimePoint local, const std::string& receipt) {
  Terminal& t = T(terminal);
  t.clock.Set(local);
  Take(t.store->VoidSale(receipt, kOwnerPin, "salah input"), terminal + " voids " + receipt);
}

void ReportWorld::Open(const std::string& terminal, TimePoint local) {
  Terminal& t = T(terminal);
  t.clock.Set(local);
  Take(t.store->OpenDaySession(Money::Rupiah(0)), terminal + " opens the day");
}

void ReportWorld::Close(const std::string& terminal, TimePoint local) {
  Terminal& t = T(terminal);
  t.clock.Set(local);
  Take(t.store->CloseDay(Money::Rupiah(0)), terminal + " closes the day");
}

void ReportWorld::Apply(Terminal& terminal, const std::vector<JournalEntry>& entries, TimePoint now) {
  const ledger::ApplyOutcome outcome =
      Take(ledger_.ApplyBatch({terminal.fact.stall_id, terminal.fact.id}, entries, now), "apply " + terminal.fact.id);
  if (outcome.result != ledger::ApplyResult::kApplied || outcome.hwm != entries.back().seq) {
    throw std::runtime_error(fmt::format("{}: batch {}..{} not applied: {}", terminal.fact.id,
                                         entries.front().seq, entries.back().seq, outcome.reason.message()));
  }
  tally_.Accept(terminal.fact, entries, now);
  terminal.sent = outcome.hwm;
}

void ReportWorld::Sync(const std::string& terminal, TimePoint now, std::optional<int64_t> last_seq) {
  Terminal& t = T(terminal);
  const int64_t limit = last_seq ? *last_seq - t.sent : 100000;
  const std::vector<JournalEntry> entries = Take(t.store->Entries(t.sent + 1, limit), "entries");
  if (entries.empty()) throw std::runtime_error(terminal + " has nothing to send");
  Apply(t, entries, now);
}

void ReportWorld::SyncForgingLastZ(const std::string& terminal, TimePoint now, int64_t extra) {
  Terminal& t = T(terminal);
  std::vector<JournalEntry> entries = Take(t.store->Entries(t.sent + 1, 100000), "entries");
  if (entries.empty() || entries.back().kind != EntryKind::kDayClose) {
    throw std::runtime_error(terminal + ": the last entry is no Z report");
  }
  JournalEntry& close = entries.back();
  ZReport z = Take(DecodeZReport(close.body), "decode Z");
  z.figures.gross = Money::Rupiah(z.figures.gross.rupiah() + extra);
  z.figures.net = Money::Rupiah(z.figures.net.rupiah() + extra);
  Money& cash = z.figures.by_method[PaymentMethod::kCash];
  cash = Money::Rupiah(cash.rupiah() + extra);
  Require(SettleCash(z), "settle the forged Z");
  close.body = EncodeZReport(z);
  close.hash = ComputeEntryHash(close);
  const ledger::ApplyOutcome forged =
      Take(ledger_.ApplyBatch({t.fact.stall_id, t.fact.id}, entries, now), "apply the forged Z of " + t.fact.id);
  if (forged.result != ledger::ApplyResult::kRejected || forged.hwm != t.sent ||
      forged.reason.message().find("Z report figures differ from the sales of its day") == std::string::npos) {
    throw std::runtime_error(fmt::format("{}: a forged Z was not refused: {}", t.fact.id, forged.reason.message()));
  }
  Sync(terminal, now);
}

// ---- the script -----------------------------------------------------------------------

void ReportWorld::PlaySolo() {
  Sell("SLO-TML-1", Wib(6, 17, 0), 25000, {Cash(25000)});
  Sell("SLO-TML-1", Wib(6, 17, 30), 25000, {Cash(50000)});
  Close("SLO-TML-1", Wib(6, 21, 0));
  Sell("SLO-TML-1", Wib(7, 18, 0), 50000, {Qris(50000)});
  Close("SLO-TML-1", Wib(7, 21, 0));
  Sync("SLO-TML-1", Wib(7, 21, 10));

  Sell("SLO-BTK-1", Wib(6, 19, 0), 350000, {Transfer(350000)});
  Close("SLO-BTK-1", Wib(6, 22, 0));
  Sync("SLO-BTK-1", Wib(6, 22, 5));
  Sell("SLO-BTK-1", Wib(7, 19, 30), 150000, {Cash(150000)});
  const Receipt wrong = Sell("SLO-BTK-1", Wib(7, 20, 0), 90000, {Qris(90000)});
  Void("SLO-BTK-1", Wib(7, 20, 10), wrong.receipt);
  Close("SLO-BTK-1", Wib(7, 22, 0));
  Sync("SLO-BTK-1", Wib(7, 22, 5));

  Sell("SLO-WDG-1", Wib(6, 20, 0), 10000, {Cash(10000)});
  Close("SLO-WDG-1", Wib(6, 22, 0));
  Sell("SLO-WDG-1", Wib(7, 20, 0), 21000, {Qris(21000)});
  Close("SLO-WDG-1", Wib(7, 22, 0));
  Sync("SLO-WDG-1", Wib(7, 22, 30));
}

void ReportWorld::PlayDenpasar() {
  Sell("BAL-BBG-1", Wita(20, 11, 0), 85000, {Cash(100000)});
  Sell("BAL-BBG-1", Wita(20, 12, 30), 170000, {Qris(170000)});
  Sell("BAL-BBG-1", Wita(20, 19, 0), 85000, {Transfer(85000)});
  Sell("BAL-BBG-1", Wita(21, 0, 45), 40000, {Cash(50000)});  // day 20, hour 00
  Close("BAL-BBG-1", Wita(21, 1, 0));
  Sync("BAL-BBG-1", Wita(21, 1, 5));
  Sell("BAL-BBG-1", Wita(21, 4, 30), 45000, {Cash(50000)});  // day 21, hour 04 (03:30 WIB)
  const Receipt wrong = Sell("BAL-BBG-1", Wita(21, 12, 0), 255000, {QrisShown(255000)});
  Void("BAL-BBG-1", Wita(21, 13, 0), wrong.receipt);
  Sell("BAL-BBG-1", Wita(21, 13, 5), 250000, {QrisShown(250000)});
  Close("BAL-BBG-1", Wita(21, 20, 0));
  Sync("BAL-BBG-1", Wita(21, 20, 5));

  // A trial sale on the day before the event, while the stalls are set up.
  Sell("BAL-KOP-1", Wita(19, 16, 0), 35000, {Cash(35000)});
  Close("BAL-KOP-1", Wita(19, 16, 30));
  Sync("BAL-KOP-1", Wita(19, 16, 35));
  Sell("BAL-KOP-1", Wita(20, 9, 0), 35000, {Cash(35000)});
  Sell("BAL-KOP-1", Wita(20, 15, 0), 70000, {Qris(70000)});
  Close("BAL-KOP-1", Wita(20, 21, 0));
  Sync("BAL-KOP-1", Wita(20, 21, 5));
  Sell("BAL-KOP-1", Wita(21, 10, 0), 35000, {Cash(50000)});
  Sync("BAL-KOP-1", Wita(21, 10, 5));
  Close("BAL-KOP-1", Wita(21, 18, 0));
  Sync("BAL-KOP-1", Wita(21, 18, 5));

  Sell("BAL-UKR-1", Wita(20, 14, 0), 1500000, {Transfer(1500000)});
  Sync("BAL-UKR-1", Wita(20, 14, 5));
  Close("BAL-UKR-1", Wita(20, 22, 0));
  Sync("BAL-UKR-1", Wita(20, 22, 5));
  Sell("BAL-UKR-1", Wita(21, 16, 0), 750000, {Transfer(500000), Cash(300000)});
  Close("BAL-UKR-1", Wita(21, 21, 0));
  Sync("BAL-UKR-1", Wita(21, 21, 5));

  // Open on the 20th, nothing sold: a Z of zeros.
  Open("BAL-END-1", Wita(20, 10, 0));
  Close("BAL-END-1", Wita(20, 20, 0));
  Sync("BAL-END-1", Wita(20, 20, 5));
  Sell("BAL-END-1", Wita(21, 10, 30), 400000, {Cash(400000)});
  const Receipt returned = Sell("BAL-END-1", Wita(21, 11, 0), 275000, {QrisShown(275000)});
  Sync("BAL-END-1", Wita(21, 11, 10));
  Void("BAL-END-1", Wita(21, 11, 30), returned.receipt);  // in a later batch than its sale
  Sync("BAL-END-1", Wita(21, 11, 35));
  Close("BAL-END-1", Wita(21, 19, 0));
  Sync("BAL-END-1", Wita(21, 19, 5));
}

void ReportWorld::PlaySemarangDays20And21() {
  if (part_ != 0) throw std::runtime_error("Semarang's days 20 and 21 come first");
  part_ = 1;
  // SMG-BKS-A: a void in a later batch than its sale, a sale at 01:30 for the evening before.
  Sell("SMG-BKS-A", Wib(20, 17, 10), 15000, {Cash(20000)});
  Sell("SMG-BKS-A", Wib(20, 17, 40), 30000, {Qris(30000)});
  Sell("SMG-BKS-A", Wib(20, 19, 5), 45000, {Cash(50000)});
  const Receipt transfer = Sell("SMG-BKS-A", Wib(20, 21, 30), 22000, {Transfer(22000)});
  Sync("SMG-BKS-A", Wib(20, 21, 35));
  Sell("SMG-BKS-A", Wib(20, 22, 10), 18000, {Cash(18000)});
  Void("SMG-BKS-A", Wib(20, 22, 15), transfer.receipt);
  Sell("SMG-BKS-A", Wib(21, 1, 30), 27000, {Cash(30000)});  // business day 20, hour 01
  Close("SMG-BKS-A", Wib(21, 2, 0));
  Sync("SMG-BKS-A", Wib(21, 2, 5));
  Sell("SMG-BKS-A", Wib(21, 16, 0), 30000, {Cash(30000)});
  Sell("SMG-BKS-A", Wib(21, 17, 0), 45000, {QrisShown(45000)});
  Sync("SMG-BKS-A", Wib(21, 17, 5));
  const Receipt wrong = Sell("SMG-BKS-A", Wib(21, 19, 0), 15000, {Transfer(15000)});
  Void("SMG-BKS-A", Wib(21, 19, 10), wrong.receipt);
  Sync("SMG-BKS-A", Wib(21, 21, 20));

  // SMG-BKS-B: the stall's second terminal.
  Sell("SMG-BKS-B", Wib(20, 18, 0), 15000, {Cash(15000)});
  Sell("SMG-BKS-B", Wib(20, 20, 15), 60000, {QrisShown(40000), Cash(25000)});
  Close("SMG-BKS-B", Wib(20, 23, 50));
  Sync("SMG-BKS-B", Wib(20, 23, 55));
  Sell("SMG-BKS-B", Wib(21, 18, 0), 90000, {Cash(100000)});
  Sell("SMG-BKS-B", Wib(21, 20, 0), 12000, {Qris(12000)});
  Sync("SMG-BKS-B", Wib(21, 21, 25));

  // SMG-BTK: a sale of the 20th voided on the morning of the 21st, before that day's Z;
  // two Z reports on the 21st.
  Sell("SMG-BTK-1", Wib(20, 16, 0), 250000, {Transfer(250000)});
  const Receipt returned = Sell("SMG-BTK-1", Wib(20, 21, 0), 175000, {Cash(200000)});
  Sync("SMG-BTK-1", Wib(20, 22, 0));
  Void("SMG-BTK-1", Wib(21, 10, 0), returned.receipt);
  Close("SMG-BTK-1", Wib(21, 10, 5));
  Sell("SMG-BTK-1", Wib(21, 11, 0), 320000, {Transfer(320000)});
  Sell("SMG-BTK-1", Wib(21, 15, 0), 80000, {Cash(80000)});
  Close("SMG-BTK-1", Wib(21, 17, 0));
  Sell("SMG-BTK-1", Wib(21, 18, 0), 120000, {Qris(120000)});
  Close("SMG-BTK-1", Wib(21, 21, 0));
  Sync("SMG-BTK-1", Wib(21, 21, 5));

  // SMG-KOP: syncs once on the 20th, then is offline.
  Sell("SMG-KOP-1", Wib(20, 16, 30), 12000, {Cash(12000)});
  Sell("SMG-KOP-1", Wib(20, 19, 0), 24000, {Qris(24000)});
  Sync("SMG-KOP-1", Wib(20, 20, 0));
  Sell("SMG-KOP-1", Wib(20, 20, 30), 12000, {Cash(50000)});
  Close("SMG-KOP-1", Wib(20, 22, 0));
  Sell("SMG-KOP-1", Wib(21, 16, 0), 36000, {Qris(36000)});
  const Receipt spilt = Sell("SMG-KOP-1", Wib(21, 18, 0), 12000, {Cash(12000)});
  Void("SMG-KOP-1", Wib(21, 21, 0), spilt.receipt);

  Sell("SMG-DWT-1", Wib(20, 15, 0), 8000, {Cash(10000)});
  Sell("SMG-DWT-1", Wib(20, 15, 20), 8000, {Cash(8000)});
  Sell("SMG-DWT-1", Wib(20, 19, 45), 16000, {Qris(16000)});
  Close("SMG-DWT-1", Wib(20, 22, 30));
  Sync("SMG-DWT-1", Wib(20, 22, 35));
  Sell("SMG-DWT-1", Wib(21, 14, 0), 8000, {Cash(8000)});
  Sell("SMG-DWT-1", Wib(21, 15, 0), 16000, {Qris(16000)});
  Sell("SMG-DWT-1", Wib(21, 20, 0), 24000, {Transfer(24000)});
  Sync("SMG-DWT-1", Wib(21, 21, 28));
  // SMG-LRK-1 never sells and never syncs.
}

void ReportWorld::PlaySemarangDay22() {
  if (part_ != 1) throw std::runtime_error("Semarang's day 22 comes second");
  part_ = 2;
  Close("SMG-BKS-A", Wib(21, 23, 0));
  Sync("SMG-BKS-A", Wib(21, 23, 5));
  Sell("SMG-BKS-A", Wib(22, 17, 0), 33000, {Cash(35000)});
  Sell("SMG-BKS-A", Wib(22, 18, 0), 21000, {Qris(21000)});
  Sync("SMG-BKS-A", Wib(22, 20, 50));

  Close("SMG-BKS-B", Wib(21, 22, 0));
  Sync("SMG-BKS-B", Wib(21, 22, 5));
  Sell("SMG-BKS-B", Wib(22, 19, 0), 50000, {Transfer(50000)});
  Sell("SMG-BKS-B", Wib(22, 19, 30), 25000, {Cash(25000)});
  Sync("SMG-BKS-B", Wib(22, 20, 55));

  Sell("SMG-BTK-1", Wib(22, 12, 0), 210000, {Transfer(210000)});
  Sell("SMG-BTK-1", Wib(22, 14, 0), 95000, {Cash(50000), Transfer(45000)});
  Sync("SMG-BTK-1", Wib(22, 20, 58));

  Close("SMG-DWT-1", Wib(21, 22, 0));
  Sync("SMG-DWT-1", Wib(21, 22, 5));
  Sell("SMG-DWT-1", Wib(22, 16, 0), 8000, {Cash(8000)});
  Sell("SMG-DWT-1", Wib(22, 16, 30), 8000, {Cash(10000)});
  Sync("SMG-DWT-1", Wib(22, 20, 59));

  Close("SMG-KOP-1", Wib(21, 22, 0));
  Sell("SMG-KOP-1", Wib(22, 15, 0), 48000, {Transfer(48000)});
  Sell("SMG-KOP-1", Wib(22, 17, 0), 12000, {Cash(20000)});
}

void ReportWorld::PlaySemarangEnd() {
  if (part_ != 2) throw std::runtime_error("Semarang's end comes last");
  part_ = 3;
  // SMG-KOP-1 is back: the 20th up to its Z in one batch, the rest in another.
  Close("SMG-KOP-1", Wib(22, 21, 30));
  const std::vector<ZReport> zs = Take(T("SMG-KOP-1").store->ZReports(), "Z reports");
  Sync("SMG-KOP-1", Wib(22, 22, 0), zs.front().close_seq);
  Sync("SMG-KOP-1", Wib(22, 22, 1));

  Close("SMG-BKS-A", Wib(22, 22, 0));
  Sync("SMG-BKS-A", Wib(22, 22, 10));
  Close("SMG-BKS-B", Wib(22, 22, 0));
  SyncForgingLastZ("SMG-BKS-B", Wib(22, 22, 10), 5000);
  Close("SMG-BTK-1", Wib(22, 21, 45));
  Sync("SMG-BTK-1", Wib(22, 22, 10));
  Sell("SMG-DWT-1", Wib(22, 21, 50), 16000, {Qris(16000)});  // the day is never closed
  Sync("SMG-DWT-1", Wib(22, 22, 10));
}

void ReportWorld::PlayAll() {
  PlaySolo();
  PlayDenpasar();
  PlaySemarangDays20And21();
  PlaySemarangDay22();
  PlaySemarangEnd();
}

}  // namespace lapak::testing
