// The bazaars the report tests play, and what the ledger should hold after them, worked out
// by the test from the journal entries the terminals produced — never by the ledger's code.
//
// Four events, all in November and December 2026:
//   solo-2026      Jawa Tengah, Kota Surakarta, WIB (Asia/Jakarta), 6–7 Nov: 3 stalls
//   semarang-2026  Jawa Tengah, Kota Semarang,  WIB, 20–22 Nov: 5 stalls, 6 terminals
//   denpasar-2026  Bali, Kota Denpasar, WITA (Asia/Makassar), 20–21 Nov: 4 stalls, and a
//                  trial sale on the 19th, the day before
//   magelang-2026  Jawa Tengah, Kabupaten Magelang, WIB, 4–5 Dec: 1 stall, nothing sold, its
//                  terminal revoked
// Each terminal is a real StallStore on its own ManualClock; its entries reach the ledger
// only through LedgerStore::ApplyBatch, and each batch the ledger applies is also handed to
// the JournalTally, which decodes the bodies with core's journal decoders and works out
// business days and hours with its own arithmetic (Indonesia keeps no daylight saving:
// WIB is UTC+7, WITA UTC+8, the day cut-off 04:00).
//
// Semarang is played in three parts so that reports can be taken between them:
//   PlaySemarangDays20And21()   up to 2026-11-21 21:30 WIB (kDay21Evening)
//   PlaySemarangDay22()         up to 2026-11-22 21:00 WIB (kBeforeLateArrival): SMG-KOP-1
//                               has been offline since 2026-11-20 20:00 with two days of
//                               sales, voids and Z reports unsent
//   PlaySemarangEnd()           SMG-KOP-1's batches arrive at 22:00, the last Z reports at
//                               22:10 (kAfterLateArrival is 22:12)
// Failures throw std::runtime_error naming the Status (a failed test).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/sale.h"
#include "core/store.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::testing {

struct Zone {
  std::string name;            // IANA
  std::chrono::hours utc_offset;
};
extern const Zone kWib;
extern const Zone kWita;

// The instant of a local wall time in `zone`.
TimePoint LocalTime(const Zone& zone, int year, unsigned month, unsigned day, int hour, int minute);
// The business day (cut-off 04:00) and the local hour of an instant, by plain arithmetic.
std::string BusinessDayOf(TimePoint time, const Zone& zone);
int LocalHourOf(TimePoint time, const Zone& zone);
// The ISO date `days` after `day`.
std::string DayAfter(const std::string& day, int days);

// What one sale brought in, from its decoded body: cash is what stayed in the drawer.
struct SaleMoney {
  int64_t total = 0;
  int64_t cash = 0;
  int64_t qris = 0;
  int64_t qris_shown = 0;  // of qris, paid through the code the terminal showed
  int64_t transfer = 0;
};

struct SaleFact {
  std::string terminal_id;
  int64_t seq = 0;
  std::string stall_id;
  std::string event_id;
  std::string business_day;
  int hour = 0;
  int64_t day_number = 0;
  SaleMoney money;
  bool voided = false;
};

struct ZFact {
  std::string terminal_id;
  std::string stall_id;
  std::string business_day;
  ledger::LedgerFigures own;     // the terminal's figures, from the Z body
  ledger::LedgerFigures ledger;  // the session's figures from the entries received before it
};

struct SyncFact {
  TimePoint last_sync_at;
  TimePoint newest_entry_at;
  int64_t hwm = 0;
};

// The figures of some sales: every sale counts in gross; a voided one also in voids and out
// of net and its methods.
ledger::LedgerFigures FiguresOf(const std::vector<const SaleFact*>& sales);

struct StallFact {
  ledger::StallSpec spec;
  std::vector<std::string> terminals;
};

struct TerminalFact {
  std::string id;
  std::string stall_id;
  std::string event_id;
  const Zone* zone = nullptr;
  bool revoked = false;
};

// What the ledger has been handed, decoded.
class JournalTally {
 public:
  // `entries` of `terminal` were applied by the ledger at `now` (the overlap already held
  // is skipped, as the ledger skips it).
  void Accept(const TerminalFact& terminal, const std::vector<JournalEntry>& entries, TimePoint now);

  const std::map<std::pair<std::string, int64_t>, SaleFact>& sales() const { return sales_; }
  const std::vector<ZFact>& z_reports() const { return z_reports_; }
  std::optional<SyncFact> Sync(const std::string& terminal_id) const;

  // The sales received for which `keep` is true.
  template <typename Keep>
  std::vector<const SaleFact*> Sales(Keep keep) const {
    std::vector<const SaleFact*> chosen;
    for (const auto& [key, sale] : sales_) {
      if (keep(sale)) chosen.push_back(&sale);
    }
    return chosen;
  }

 private:
  std::map<std::pair<std::string, int64_t>, SaleFact> sales_;
  std::vector<ZFact> z_reports_;
  std::map<std::string, SyncFact> syncs_;
};

class ReportWorld {
 public:
  // Checkpoints of the Semarang script (WIB).
  static TimePoint Day21Evening();      // 2026-11-21 21:30
  static TimePoint BeforeLateArrival(); // 2026-11-22 21:00
  static TimePoint AfterLateArrival();  // 2026-11-22 22:12
  static TimePoint AfterEverything();   // 2026-12-10 12:00

  // Adds the events and stalls to `ledger`, enrols every terminal (on 2026-11-01) and
  // creates their stores in `dir`.
  ReportWorld(ledger::LedgerStore& ledger, std::string dir);
  ~ReportWorld();
  ReportWorld(const ReportWorld&) = delete;
  ReportWorld& operator=(const ReportWorld&) = delete;

  void PlaySolo();
  void PlayDenpasar();
  void PlaySemarangDays20And21();
  void PlaySemarangDay22();
  void PlaySemarangEnd();
  void PlayAll();  // every part, in order

  const std::vector<ledger::EventSpec>& events() const { return events_; }
  const ledger::EventSpec& Event(const std::string& id) const;
  const std::vector<StallFact>& stalls() const { return stalls_; }
  const std::vector<TerminalFact>& terminals() const { return terminal_facts_; }
  const Zone& ZoneOf(const ledger::EventSpec& event) const;
  const JournalTally& tally() const { return tally_; }
  // The terminal's own report of `business_day` (core's StallStore::ReportDay).
  DayFigures TerminalFigures(const std::string& terminal_id, const std::string& business_day);

 private:
  struct Terminal;

  Terminal& T(const std::string& id);
  void AddEvent(ledger::EventSpec event);
  void AddStall(ledger::StallSpec stall, const std::vector<std::string>& terminals);
  // Rings a sale at `local` on the terminal's clock: one custom line of `price` paid with
  // `payments`.
  Receipt Sell(const std::string& terminal, TimePoint local, int64_t price,
               const std::vector<Payment>& payments);
  void Void(const std::string& terminal, TimePoint local, const std::string& receipt);
  void Open(const std::string& terminal, TimePoint local);
  void Close(const std::string& terminal, TimePoint local);
  // Hands the terminal's unsent entries (up to `last_seq`, default all) to the ledger at `now`.
  void Sync(const std::string& terminal, TimePoint now, std::optional<int64_t> last_seq = {});
  // As Sync, but first with the last entry — a Z report — claiming `extra` rupiah more
  // (gross, net, cash) than the terminal took, re-hashed so that the chain still holds: the
  // ledger must refuse that batch whole (its books do not allow such a Z), and then takes
  // the honest one.
  void SyncForgingLastZ(const std::string& terminal, TimePoint now, int64_t extra);
  void Apply(Terminal& terminal, const std::vector<JournalEntry>& entries, TimePoint now);

  ledger::LedgerStore& ledger_;
  std::string dir_;
  std::vector<ledger::EventSpec> events_;
  std::vector<StallFact> stalls_;
  std::vector<TerminalFact> terminal_facts_;
  std::map<std::string, std::unique_ptr<Terminal>> terminals_;
  JournalTally tally_;
  int part_ = 0;  // the parts played so far, to keep them in order
};

}  // namespace lapak::testing
