#include "tests/sync/soak_terminals.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <utility>

#include "sync/enrolment.h"
#include "tests/support/wib.h"
#include "tests/sync/ledger_process.h"
#include "tests/sync/ledger_target.h"

namespace lapak::testing {

namespace {

using namespace std::chrono_literals;
using ledger::LedgerFigures;

constexpr unsigned kDays[] = {20, 21, 22};  // of November 2026, the days the plan covers

std::string DayName(unsigned day) { return fmt::format("2026-11-{:02}", day); }

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

LedgerFigures FromDay(const DayFigures& f) {
  return {f.sales_count, f.voids_count, f.gross, f.voids, f.net, f.by_method};
}

std::string Describe(const LedgerFigures& f) {
  const MethodAmounts& m = f.by_method;
  return fmt::format("{} sales, {} voided ({}); gross {} net {} = cash {} + qris {} + transfer {}",
                     f.sales_count, f.voids_count, f.voids.rupiah(), f.gross.rupiah(), f.net.rupiah(),
                     m[PaymentMethod::kCash].rupiah(), m[PaymentMethod::kQris].rupiah(),
                     m[PaymentMethod::kTransfer].rupiah());
}

std::string DigestText(const Sha256Digest& digest) {
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

MethodAmounts ByMethod(const SaleMoney& m) { return {{Rp(m.cash), Rp(m.qris), Rp(m.transfer)}}; }

void AddSale(LedgerFigures& f, const SaleMoney& m) {
  EXPECT_TRUE(f.Add({1, 0, Rp(m.total), Rp(0), Rp(m.total), ByMethod(m)}).ok());
}

void AddVoid(LedgerFigures& f, const SaleMoney& m) {
  EXPECT_TRUE(f.Add({0, 1, Rp(0), Rp(m.total), Rp(-m.total), *MethodAmounts().Minus(ByMethod(m))}).ok());
}

using EntryHashes = std::map<std::pair<std::string, int64_t>, std::string>;  // by (terminal, seq)

// The ledger holds each (terminal, seq) of `journals` once, with its hash, and nothing else.
void ExpectSameEntries(const ledger::sql::Location& ledger_db, const EntryHashes& journals,
                       LedgerTally& tally) {
  ledger::sql::Rows rows;
  try {
    rows = QueryLedger(ledger_db, "SELECT t.name, e.seq, e.hash FROM entries e JOIN terminals t ON t.id = e.terminal_id");
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  EntryHashes held;
  for (size_t row = 0; row < rows.size(); ++row) {
    held[{rows.Text(row, 0), rows.Int(row, 1)}] = rows.Bytes(row, 2);
  }
  tally.entries = held.size();
  EXPECT_EQ(rows.size(), held.size()) << "the ledger holds duplicate entries";
  EXPECT_EQ(journals.size(), held.size());
  int64_t missing = 0, extra = 0, differing = 0;
  for (const auto& [key, hash] : journals) {
    const auto found = held.find(key);
    if (found == held.end()) {
      if (++missing <= 5)
        ADD_FAILURE() << "the ledger lacks " << key.first << " entry " << key.second;
    } else if (found->second != hash) {
      if (++differing <= 5)
        ADD_FAILURE() << "the ledger's " << key.first << " entry " << key.second << " differs";
    }
  }
  for (const auto& [key, hash] : held) {
    if (!journals.contains(key) && ++extra <= 5) {
      ADD_FAILURE() << "the ledger holds " << key.first << " entry " << key.second
                    << ", no terminal's";
    }
  }
  EXPECT_EQ(0, missing);
  EXPECT_EQ(0, extra);
  EXPECT_EQ(0, differing);
}

// Each stall's day totals equal its terminal's own day report and its vendor's figures.
void ExpectSameDayTotals(ledger::LedgerStore& books, const std::string& event,
                         const std::vector<std::unique_ptr<SoakTerminal>>& terminals) {
  for (const unsigned day : kDays) {
    Result<std::vector<ledger::StallDayTotals>> totals = books.DayTotals(event, DayName(day));
    ASSERT_TRUE(totals.ok()) << totals.status().ToString();
    std::map<std::string, LedgerFigures> by_stall;
    for (const ledger::StallDayTotals& stall : *totals) by_stall[stall.stall_id] = stall.figures;
    EXPECT_EQ(terminals.size(), by_stall.size()) << DayName(day);
    for (const auto& terminal : terminals) {
      SCOPED_TRACE(terminal->terminal_id() + " on " + DayName(day));
      Result<DayReport> report = terminal->store().ReportDay(DayName(day));
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      const auto expected = terminal->expected().find(DayName(day));
      ASSERT_NE(terminal->expected().end(), expected);
      EXPECT_EQ(Describe(expected->second), Describe(FromDay(report->figures)))
          << "the terminal's day report";
      EXPECT_EQ(Describe(FromDay(report->figures)), Describe(by_stall[terminal->stall_id()]))
          << "the ledger";
    }
  }
}

// Every Z report of the plan reached the ledger and agrees with what the ledger received.
void ExpectZReportsReconciled(ledger::LedgerStore& books,
                              const std::vector<std::unique_ptr<SoakTerminal>>& terminals,
                              LedgerTally& tally) {
  for (const auto& terminal : terminals) {
    SCOPED_TRACE(terminal->terminal_id());
    Result<std::vector<ZReport>> zs = terminal->store().ZReports();
    ASSERT_TRUE(zs.ok()) << zs.status().ToString();
    EXPECT_EQ(static_cast<size_t>(terminal->expected_z_reports()), zs->size());
    Result<std::vector<ledger::Reconciliation>> reconciled =
        books.Reconciliations({terminal->stall_id(), terminal->terminal_id()});
    ASSERT_TRUE(reconciled.ok()) << reconciled.status().ToString();
    ASSERT_EQ(zs->size(), reconciled->size());
    for (size_t z = 0; z < zs->size(); ++z) {
      const ledger::Reconciliation& r = (*reconciled)[z];
      const ZReport& own = (*zs)[z];
      EXPECT_EQ(own.z_number, r.z_number);
      EXPECT_EQ(terminal->stall_id(), r.stall_id);
      EXPECT_EQ(own.business_day, r.business_day);
      EXPECT_TRUE(r.agrees) << "Z" << r.z_number << ": terminal " << Describe(r.terminal)
                            << "; ledger " << Describe(r.ledger);
      EXPECT_EQ(Rp(0), r.difference) << "Z" << r.z_number;
      const LedgerFigures figures = FromDay(own.figures);
      EXPECT_EQ(figures.gross, r.ledger.gross);
      EXPECT_EQ(figures.net, r.ledger.net);
      EXPECT_EQ(figures.by_method, r.ledger.by_method);
      EXPECT_EQ(figures.sales_count, r.ledger.sales_count);
    }
    tally.z_reports += static_cast<int64_t>(zs->size());
  }
}

}  // namespace

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoll(value, nullptr, 10) : fallback;
}

uint64_t EnvSeed(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoull(value, nullptr, 10) : kDefaultSeed;
}

int64_t Uniform(std::mt19937_64& random, int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(random);
}

// ---- SoakTerminal -------------------------------------------------------------------------

SoakTerminal::SoakTerminal(SoakStall stall)
    : stall_(std::move(stall)),
      fixture_(stall_.db_path, stall_.stall_id, stall_.terminal_id, Wib(20, 8h)),
      random_(stall_.seed) {
  const int64_t sales = stall_.sales;
  const int64_t first = sales * 3 / 10, second = sales * 2 / 10, third = sales * 3 / 10;
  sessions_ = {{20, 9h, first, 200'000, true},
               {20, 17h, second, 100'000, true},
               {21, 10h, third, std::nullopt, true},
               {22, 10h, sales - first - second - third, 150'000, stall_.index % 2 == 1}};
}

std::string SoakTerminal::Enrol(const ledger::sql::Location& ledger_db, const std::string& event,
                                const std::string& ledger_url) {
  const std::string code = EnrolTerminal(ledger_db, event, stall_id(), terminal_id(), ledger_url);
  Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
  if (!parsed.ok()) return "enrolment code '" + code + "': " + parsed.status().ToString();
  if (parsed->terminal_id != terminal_id() || parsed->ledger_url != ledger_url) {
    return "enrolment code names " + parsed->terminal_id + " at " + parsed->ledger_url;
  }
  Status enrolled = store().Enrol({ledger_url, parsed->terminal_key});
  return enrolled.ok() ? "" : "enrol: " + enrolled.ToString();
}

std::string SoakTerminal::Connect(const std::string& ledger_url, const WrapTransport& wrap) {
  uploader_.reset();
  Result<std::vector<std::unique_ptr<sync::Transport>>> http =
      sync::MakeHttpTransports(ledger_url, sync::kSyncLanes);
  if (!http.ok()) return "transport: " + http.status().ToString();
  lanes_.clear();
  for (std::unique_ptr<sync::Transport>& lane : *http) lanes_.push_back(wrap(std::move(lane)));
  uploader_ = std::make_unique<sync::Uploader>(store(), sync::Lanes(lanes_));
  return "";
}

std::string SoakTerminal::Sell(int64_t count) {
  ManualClock& clock = fixture_.clock();
  for (int64_t i = 0; i < count && !done(); ++i) {
    const Session& session = sessions_[session_];
    if (sold_in_session_ == 0) {
      clock.Set(Wib(session.day, session.start));
      if (session.opening_float) {
        Result<OpenDay> opened = store().OpenDaySession(Rp(*session.opening_float));
        if (!opened.ok()) return "open day: " + opened.status().ToString();
        if (opened->business_day != DayName(session.day))
          return "opened day " + opened->business_day;
      }
      float_ = session.opening_float.value_or(0);
      session_cash_ = 0;
      open_sales_.clear();
    }
    if (std::string error = SellOne(DayName(session.day)); !error.empty()) return error;
    // About four hours per session, never more than eight (the next one starts later).
    clock.Advance(std::chrono::milliseconds(
        Uniform(random_, 1, 8 * 3600 * 1000 / std::max<int64_t>(session.sales, 1))));
    if (std::uniform_int_distribution<int>(0, 99)(random_) < 3) {
      if (std::string error = VoidOne(); !error.empty()) return error;
    }
    if (++sold_in_session_ == session.sales) {
      if (session.close) {
        Result<ZReport> z = store().CloseDay(Rp(float_ + session_cash_ - stall_.shortfall));
        if (!z.ok()) return "close day: " + z.status().ToString();
        if (z->expected_cash != Rp(float_ + session_cash_)) {
          return fmt::format("Z{} expects {} in the drawer; the sales say {}", z->z_number,
                             FormatMoney(z->expected_cash), float_ + session_cash_);
        }
      }
      ++session_;
      sold_in_session_ = 0;
    }
  }
  return "";
}

Result<sync::SyncRound> SoakTerminal::SyncOnce() {
  Result<sync::SyncRound> round = uploader_->SyncOnce();
  if (!round.ok()) {
    ++sync_errors_;
    const std::string& message = round.status().message();
    const size_t answered = message.find("answered ");
    std::string kind = StatusCodeName(round.status().code());
    if (answered != std::string::npos) kind += " " + message.substr(answered + 9, 3);
    ++error_kinds_[kind];
  }
  return round;
}

std::string SoakTerminal::Drain(int tries) {
  std::string last;
  for (int t = 0; t < tries; ++t) {
    Result<sync::SyncRound> round = SyncOnce();
    if (round.ok() && round->unsent == 0) return "";
    last = round.ok() ? fmt::format("{} unsent", round->unsent) : round.status().ToString();
  }
  return fmt::format("{} still has unsent entries after {} attempts; last: {}", terminal_id(),
                     tries, last);
}

std::string SoakTerminal::SellOne(const std::string& day) {
  Basket basket;
  if (std::string error = stall_.fill_basket(random_, basket); !error.empty()) return error;
  SaleMoney& money = basket.money;
  int64_t paid = 0;
  for (const Payment& payment : basket.payments) {
    paid += payment.amount.rupiah();
    if (Status added = basket.cart.AddPayment(payment.method, payment.amount); !added.ok()) {
      return "payment: " + added.ToString();
    }
  }
  money.cash =
      basket.cash_tendered - (paid - money.total);  // the change goes back out of the drawer
  Result<CompletedSale> sale = basket.cart.Complete();
  if (!sale.ok()) return "complete: " + sale.status().ToString();
  if (sale->totals.total != Rp(money.total)) {
    return fmt::format("the cart totals {}; expected {}", FormatMoney(sale->totals.total),
                       money.total);
  }
  Result<Receipt> receipt = store().RecordSale(*sale);
  if (!receipt.ok()) return "record sale: " + receipt.status().ToString();
  if (receipt->business_day != day)
    return "sale recorded on " + receipt->business_day + ", not " + day;
  AddSale(expected_[day], money);
  session_cash_ += money.cash;
  open_sales_.push_back({receipt->receipt, day, money});
  return "";
}

std::string SoakTerminal::VoidOne() {
  if (open_sales_.empty()) return "";
  const size_t pick = std::uniform_int_distribution<size_t>(0, open_sales_.size() - 1)(random_);
  const OpenSale sale = open_sales_[pick];
  open_sales_.erase(open_sales_.begin() + static_cast<ptrdiff_t>(pick));
  Result<Receipt> voided = store().VoidSale(sale.receipt, kStallOwnerPin, "salah input");
  if (!voided.ok()) return "void " + sale.receipt + ": " + voided.status().ToString();
  if (!voided->voided || voided->sale.totals.total != Rp(sale.money.total)) {
    return "void " + sale.receipt + " answered a receipt that is not voided or of another total";
  }
  AddVoid(expected_[sale.day], sale.money);
  session_cash_ -= sale.money.cash;
  return "";
}

// ---- the comparison -----------------------------------------------------------------------

void ExpectLedgerEqualsTerminals(const ledger::sql::Location& ledger_db, const std::string& event,
                                 const std::vector<std::unique_ptr<SoakTerminal>>& terminals,
                                 LedgerTally& tally) {
  EntryHashes journals;
  std::map<std::string, std::pair<int64_t, std::string>> last_entries;  // seq and hash by terminal
  for (const auto& terminal : terminals) {
    Result<SyncProgress> progress = terminal->store().Progress();
    ASSERT_TRUE(progress.ok()) << progress.status().ToString();
    EXPECT_EQ(progress->last_seq, progress->acknowledged_seq) << terminal->terminal_id();
    Result<std::vector<JournalEntry>> entries =
        terminal->store().Entries(1, progress->last_seq + 1);
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(progress->last_seq, static_cast<int64_t>(entries->size()));
    ASSERT_GT(entries->size(), static_cast<size_t>(terminal->planned_sales()))
        << "sales, voids, day opens and closes";
    for (const JournalEntry& entry : *entries) {
      journals[{terminal->terminal_id(), entry.seq}] = DigestText(entry.hash);
    }
    last_entries[terminal->terminal_id()] = {entries->back().seq, DigestText(entries->back().hash)};
    Result<VerifyReport> verified = terminal->store().Verify();
    ASSERT_TRUE(verified.ok()) << verified.status().ToString();
    EXPECT_TRUE(verified->ok) << terminal->terminal_id() << " entry " << verified->first_bad_seq
                              << ": " << verified->problem;
  }
  ASSERT_NO_FATAL_FAILURE(ExpectSameEntries(ledger_db, journals, tally));

  Result<std::unique_ptr<ledger::LedgerStore>> opened = ledger::LedgerStore::Open(ledger_db, false);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  ledger::LedgerStore& books = **opened;

  // Every terminal's mark is its last entry, with its hash.
  Result<std::vector<ledger::TerminalRecord>> records = books.Terminals();
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(terminals.size(), records->size());
  for (const ledger::TerminalRecord& record : *records) {
    ASSERT_TRUE(last_entries.contains(record.name)) << record.id;
    EXPECT_EQ(last_entries[record.name].first, record.hwm) << record.id;
    EXPECT_EQ(last_entries[record.name].second, DigestText(record.last_hash)) << record.id;
  }

  ASSERT_NO_FATAL_FAILURE(ExpectSameDayTotals(books, event, terminals));
  ExpectZReportsReconciled(books, terminals, tally);
}

Result<sync::LedgerAnswer> WatchedTransport::PostBatch(std::string_view envelope) {
  ++traffic_.in_flight;
  ++traffic_.total_posts;
  {
    std::lock_guard lock(traffic_.mutex);
    ++traffic_.posted;
  }
  traffic_.changed.notify_all();
  Result<sync::LedgerAnswer> answer = inner_->PostBatch(envelope);
  --traffic_.in_flight;
  if (answer.ok()) ++traffic_.answered;
  if (!answer.ok() || answer->http_status != 200) ++traffic_.failed;
  return answer;
}

WrapTransport WatchedBy(Traffic& traffic) {
  return [&traffic](std::unique_ptr<sync::Transport> http) {
    return std::make_unique<WatchedTransport>(std::move(http), traffic);
  };
}

}  // namespace lapak::testing
