// StallStore::Verify: the meaning of the journal. These tests forge the journal the way someone
// who knows the format would: they rewrite an entry as a well-formed, canonical body, re-hash
// the chain from it to the end and bring the index tables in line, so that the hashes, the
// bodies' form and the index all hold and only Verify's replay of sessions, sales, voids and
// Z reports can tell.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "core/journal.h"
#include "core/store.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;

constexpr char kOwnerPin[] = "9999";

using testing::Wib;

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }

std::string Describe(const Result<VerifyReport>& report) {
  if (!report.ok()) return report.status().ToString();
  return report->ok ? fmt::format("ok: {} entries, {} sales", report->entries, report->sales)
                    : fmt::format("entry {}: {}", report->first_bad_seq, report->problem);
}

// ---- forging ---------------------------------------------------------------------------

// A change to one journal entry: its kind, body, business day or time.
using Edit = std::function<void(JournalEntry&)>;

// An edit of an entry's body in its decoded form, written back in canonical form.
template <typename Body>
Edit EditBody(Result<Body> (*decode)(std::string_view), std::string (*encode)(const Body&),
              std::type_identity_t<std::function<void(Body&)>> change) {
  return [=](JournalEntry& entry) {
    Result<Body> body = decode(entry.body);
    ASSERT_TRUE(body.ok()) << "entry " << entry.seq << ": " << body.status().ToString();
    change(*body);
    entry.body = encode(*body);
  };
}
Edit EditSale(std::function<void(SaleBody&)> change) {
  return EditBody(DecodeSale, EncodeSale, std::move(change));
}
Edit EditVoid(std::function<void(VoidBody&)> change) {
  return EditBody(DecodeVoid, EncodeVoid, std::move(change));
}
Edit EditZ(std::function<void(ZReport&)> change) {
  return EditBody(DecodeZReport, EncodeZReport, std::move(change));
}

// A connection of its own to the store's file, with plain SQLite.
class Forger {
 public:
  explicit Forger(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      error_ = std::string("cannot open ") + path + ": " + sqlite3_errmsg(db_);
    }
  }
  ~Forger() { sqlite3_close(db_); }
  Forger(const Forger&) = delete;
  Forger& operator=(const Forger&) = delete;

  // Rewrites entry `seq` with `edit`, then recomputes prev_hash and hash of it and of every
  // later entry, and runs `index_sql`; all in one transaction. "OK", or what went wrong.
  std::string Rewrite(int64_t seq, const Edit& edit, const std::string& index_sql) {
    if (!error_.empty()) return error_;
    // The trigger that refuses updates goes and stays gone: a forger does not put it back.
    if (!Exec("DROP TRIGGER IF EXISTS journal_is_never_updated; BEGIN IMMEDIATE")) return error_;

    std::string terminal_id;
    Sha256Digest previous{};  // 32 zero bytes before entry 1
    Query("SELECT value FROM settings WHERE key = 'terminal_id'", 0,
          [&](sqlite3_stmt* row) { terminal_id = Text(row, 0); });
    Query("SELECT hash FROM journal WHERE seq = ?", seq - 1, [&](sqlite3_stmt* row) {
      if (sqlite3_column_bytes(row, 0) == 32) std::memcpy(previous.data(), sqlite3_column_blob(row, 0), 32);
    });
    std::vector<JournalEntry> entries;
    Query("SELECT seq, uuid, kind, time_utc_ms, business_day, body FROM journal WHERE seq >= ? ORDER BY seq",
          seq, [&](sqlite3_stmt* row) {
            JournalEntry entry;
            entry.terminal_id = terminal_id;
            entry.seq = sqlite3_column_int64(row, 0);
            entry.uuid = Text(row, 1);
            Result<EntryKind> kind = ParseEntryKind(Text(row, 2));
            if (!kind.ok()) error_ = kind.status().ToString();
            entry.kind = kind.ok() ? *kind : EntryKind::kSale;
            entry.time = TimePoint{std::chrono::milliseconds(sqlite3_column_int64(row, 3))};
            entry.business_day = Text(row, 4);
            entry.body = Text(row, 5);
            entries.push_back(std::move(entry));
          });
    if (terminal_id.empty() && error_.empty()) error_ = "no terminal_id in the settings";
    if (entries.empty() || entries.front().seq != seq) error_ = fmt::format("no entry {}", seq);
    if (!error_.empty()) return error_;

    edit(entries.front());
    if (::testing::Test::HasFatalFailure()) return "the edit failed";
    for (JournalEntry& entry : entries) {
      entry.prev_hash = previous;
      entry.hash = ComputeEntryHash(entry);
      previous = entry.hash;
      if (!Update(entry)) return error_;
    }
    if (!Exec(index_sql) || !Exec("COMMIT")) return error_;
    return "OK";
  }

 private:
  static std::string Text(sqlite3_stmt* row, int column) {
    const unsigned char* text = sqlite3_column_text(row, column);
    return text == nullptr ? "" : reinterpret_cast<const char*>(text);
  }

  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = what + ": " + sqlite3_errmsg(db_);
    return false;
  }

  bool Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK || Fail(sql);
  }

  using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
  Statement Prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK) Fail(sql);
    return Statement(statement, &sqlite3_finalize);
  }

  // Runs `sql` with `parameter` bound to its placeholder, if it has one; `row` for each row.
  void Query(const char* sql, int64_t parameter, const std::function<void(sqlite3_stmt*)>& row) {
    Statement select = Prepare(sql);
    if (!select) return;
    if (sqlite3_bind_parameter_count(select.get()) > 0) sqlite3_bind_int64(select.get(), 1, parameter);
    int rc;
    while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) row(select.get());
    if (rc != SQLITE_DONE) Fail(sql);
  }

  bool Update(const JournalEntry& entry) {
    const char* sql =
        "UPDATE journal SET kind = ?, time_utc_ms = ?, business_day = ?, body = ?, prev_hash = ?, "
        "hash = ? WHERE seq = ?";
    Statement update = Prepare(sql);
    if (!update) return false;
    const std::string kind(EntryKindName(entry.kind));
    sqlite3_bind_text(update.get(), 1, kind.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update.get(), 2, entry.time.time_since_epoch().count());
    sqlite3_bind_text(update.get(), 3, entry.business_day.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(update.get(), 4, entry.body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(update.get(), 5, entry.prev_hash.data(), 32, SQLITE_TRANSIENT);
    sqlite3_bind_blob(update.get(), 6, entry.hash.data(), 32, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update.get(), 7, entry.seq);
    return sqlite3_step(update.get()) == SQLITE_DONE || Fail(sql);
  }

  sqlite3* db_ = nullptr;
  std::string error_;
};

// ---- the books -------------------------------------------------------------------------

// A stall with two closed day sessions on two business days, each with a void:
//    1 day_open  day 1, 2026-11-22, float Rp100.000
//    2 sale      20261122-0001  Rp20.000 cash
//    3 sale      20261122-0002  Rp15.000 qris
//    4 void      of entry 2
//    5 day_close Z1
//    6 day_open  day 2, 2026-11-23, float Rp0 (opened by the sale)
//    7 sale      20261123-0001  Rp8.000 cash, change Rp2.000
//    8 sale      20261123-0002  Rp30.000 transfer
//    9 void      of entry 8
//   10 day_close Z2
class VerifyTest : public ::testing::Test {
 protected:
  VerifyTest() : clock_(Wib(22, 19h)) {}

  void SetUp() override {
    Result<std::unique_ptr<StallStore>> opened = StallStore::Open(path(), clock_);
    ASSERT_EQ("OK", opened.status().ToString());
    store_ = std::move(opened).value();
    ASSERT_EQ("OK", store_->Initialise({"LPK-07", "Warung Bu Sri", "T1", "Asia/Jakarta", "04:00",
                                        kOwnerPin, "1234"})
                        .ToString());

    ASSERT_EQ("OK", store_->OpenDaySession(Rp(100000)).status().ToString());
    ASSERT_EQ("20261122-0001", Sell(20000, {PaymentMethod::kCash, Rp(20000)}));
    ASSERT_EQ("20261122-0002", Sell(15000, {PaymentMethod::kQris, Rp(15000)}));
    ASSERT_EQ("OK", Void("20261122-0001"));
    ASSERT_EQ("OK", Close(Rp(100000)));

    clock_.Set(Wib(23, 19h));
    ASSERT_EQ("20261123-0001", Sell(8000, {PaymentMethod::kCash, Rp(10000)}));
    ASSERT_EQ("20261123-0002", Sell(30000, {PaymentMethod::kTransfer, Rp(30000)}));
    ASSERT_EQ("OK", Void("20261123-0002"));
    ASSERT_EQ("OK", Close(Rp(8000)));
  }

  std::string path() const { return dir_.File("lapak.db"); }

  // "chained", or the first entry whose hashes do not chain: a forgery must keep the chain.
  std::string Chain() {
    Result<std::vector<JournalEntry>> entries = store_->Entries(1, 1000);
    if (!entries.ok()) return entries.status().ToString();
    Sha256Digest previous{};
    for (const JournalEntry& entry : *entries) {
      if (entry.prev_hash != previous || ComputeEntryHash(entry) != entry.hash) {
        return fmt::format("entry {} does not chain", entry.seq);
      }
      previous = entry.hash;
    }
    return "chained";
  }

  // Records a sale of one custom line and moves the clock on; the receipt, or the Status.
  std::string Sell(int64_t price, Payment payment) {
    Cart cart;
    EXPECT_EQ("OK", cart.AddCustom(Rp(price)).ToString());
    EXPECT_EQ("OK", cart.AddPayment(payment.method, payment.amount).ToString());
    Result<CompletedSale> sale = cart.Complete();
    if (!sale.ok()) return sale.status().ToString();
    Result<Receipt> receipt = store_->RecordSale(*sale);
    clock_.Advance(5min);
    return receipt.ok() ? receipt->receipt : receipt.status().ToString();
  }
  std::string Void(const std::string& receipt) {
    const Status voided = store_->VoidSale(receipt, kOwnerPin, "salah input").status();
    clock_.Advance(5min);
    return voided.ToString();
  }
  std::string Close(Money counted) {
    const Status closed = store_->CloseDay(counted).status();
    clock_.Advance(5min);
    return closed.ToString();
  }

  testing::TempDir dir_;  // removed after the store is closed
  ManualClock clock_;
  std::unique_ptr<StallStore> store_;
};

TEST_F(VerifyTest, AHealthyJournalOfSeveralDaysVerifies) {
  // And a third session, still open: its days row is checked at the end of the walk.
  clock_.Set(Wib(23, 21h));
  ASSERT_EQ("20261123-0003", Sell(5000, {PaymentMethod::kCash, Rp(5000)}));

  Result<VerifyReport> report = store_->Verify();
  ASSERT_EQ("OK", report.status().ToString());
  EXPECT_EQ("ok: 12 entries, 5 sales", Describe(report));
  EXPECT_TRUE(report->ok);
  EXPECT_EQ(0, report->first_bad_seq);
  EXPECT_EQ("", report->problem);
}

// Replaces the first `from` in the root page of `table` in the database file at `path` with
// `to` (as long): a byte flipped on disk where no journal hash reaches. "OK" or the problem.
std::string RewriteInTablePage(const std::string& path, const char* table, std::string_view from,
                               std::string_view to) {
  sqlite3* db = nullptr;
  int64_t root = 0;
  int64_t page_size = 0;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return "cannot open";
  // Everything into the main file first, so that the page on disk is the page in use.
  sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  sqlite3_stmt* select = nullptr;
  sqlite3_prepare_v2(db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = ?",
                     -1, &select, nullptr);
  sqlite3_bind_text(select, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step(select) == SQLITE_ROW) {
    root = sqlite3_column_int64(select, 0);
    page_size = sqlite3_column_int64(select, 1);
  }
  sqlite3_finalize(select);
  sqlite3_close(db);
  if (root == 0 || to.size() != from.size()) return "no such table";
  std::FILE* file = std::fopen(path.c_str(), "r+b");
  if (file == nullptr) return "cannot open the file";
  std::string page(static_cast<size_t>(page_size), '\0');
  std::fseek(file, static_cast<long>((root - 1) * page_size), SEEK_SET);
  const bool read = std::fread(page.data(), 1, page.size(), file) == page.size();
  const size_t at = page.find(from);
  if (read && at != std::string::npos) {
    page.replace(at, to.size(), to);
    std::fseek(file, static_cast<long>((root - 1) * page_size), SEEK_SET);
    std::fwrite(page.data(), 1, page.size(), file);
  }
  std::fclose(file);
  return read && at != std::string::npos ? "OK" : "not found in the page";
}

// A catalog byte flipped on disk: the sku in the products table no longer matches its
// unique index. No hash covers the catalog and opening the file (quick_check) does not look
// at index contents; verify checks the whole file and names it.
TEST_F(VerifyTest, AByteFlippedInTheCatalogIsDamage) {
  ASSERT_EQ("OK", store_->SaveProduct({"KRP-01", "Keripik Tempe", "Makanan", Rp(12000), true}).ToString());
  ASSERT_EQ("ok: 10 entries, 4 sales", Describe(store_->Verify()));
  store_.reset();
  ASSERT_EQ("OK", RewriteInTablePage(path(), "products", "KRP-01", "KRP-02"));
  Result<std::unique_ptr<StallStore>> reopened = StallStore::Open(path(), clock_);
  ASSERT_EQ("OK", reopened.status().ToString());
  store_ = std::move(reopened).value();

  const std::string described = Describe(store_->Verify());
  EXPECT_EQ(0u, described.find("entry 0: the database file is damaged: ")) << described;
  EXPECT_NE(std::string::npos, described.find("sqlite_autoindex_products_1")) << described;
}

TEST_F(VerifyTest, AStraySalesRowSharingASaleSeqIsFound) {
  // A receipt slipped into the index under the seq of a real sale: no journal entry backs it.
  sqlite3* db = nullptr;
  ASSERT_EQ(SQLITE_OK, sqlite3_open(path().c_str(), &db));
  ASSERT_EQ(SQLITE_OK, sqlite3_exec(db, "INSERT INTO sales VALUES ('2026-11-21', 1, 3, 1, 15000, 0, 15000, 0)",
                                    nullptr, nullptr, nullptr));
  sqlite3_close(db);
  EXPECT_EQ("entry 0: an index table holds rows that are not in the journal",
            Describe(store_->Verify()));
}

// A forgery of one entry that keeps the chain, the bodies' form and the index tables whole.
struct Forgery {
  const char* name;
  int64_t seq;            // the entry rewritten; Verify must name it
  Edit edit;
  const char* index_sql;  // brings the index tables in line with the forged entry
  const char* problem;    // what Verify must say about it
};
void PrintTo(const Forgery& forgery, std::ostream* out) { *out << forgery.name; }

class VerifyForgeryTest : public VerifyTest, public ::testing::WithParamInterface<Forgery> {};

TEST_P(VerifyForgeryTest, NamesTheEntryWhoseMeaningIsWrong) {
  const Forgery& forgery = GetParam();
  ASSERT_EQ("ok: 10 entries, 4 sales", Describe(store_->Verify()));
  ASSERT_EQ("OK", Forger(path()).Rewrite(forgery.seq, forgery.edit, forgery.index_sql));
  ASSERT_EQ("chained", Chain());

  Result<VerifyReport> report = store_->Verify();
  ASSERT_EQ("OK", report.status().ToString());
  EXPECT_EQ(fmt::format("entry {}: {}", forgery.seq, forgery.problem), Describe(report));
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(forgery.seq, report->first_bad_seq);
  EXPECT_EQ(forgery.problem, report->problem);
}

INSTANTIATE_TEST_SUITE_P(
    , VerifyForgeryTest,
    ::testing::Values(
        // Z1 claims Rp1.000 more cash sales than day 1 had, its cash settled to match.
        Forgery{"ZReportFiguresDiffer", 5,
                EditZ([](ZReport& z) {
                  for (Money* figure : {&z.figures.gross, &z.figures.net, &z.figures.by_method[PaymentMethod::kCash]}) {
                    *figure = Rp(figure->rupiah() + 1000);
                  }
                  ASSERT_EQ("OK", SettleCash(z).ToString());
                }),
                "", "Z report figures differ from the sales of its day"},
        // The void names entry 1, the day's opening, as its sale.
        Forgery{"VoidOfAnUnknownSale", 4, EditVoid([](VoidBody& v) { v.sale_seq = 1; }),
                "UPDATE voids SET sale_seq = 1 WHERE seq = 4", "voids an unknown sale"},
        // The second sale of day 1 carries the first one's receipt. No sales row can agree
        // (the table is keyed by the receipt), so the entry would be bad for its index too;
        // Verify names it for the reused receipt.
        Forgery{"ReceiptUsedTwice", 3,
                EditSale([](SaleBody& s) { s.receipt = "20261122-0001"; }), "",
                "receipt number used twice"},
        // The journal is gapless, so a second day_open cannot be inserted: the first sale of
        // day 2 is turned into one, its sales row into a days row.
        Forgery{"DayOpenedWhileAnotherIsOpen", 7,
                [](JournalEntry& entry) {
                  entry.kind = EntryKind::kDayOpen;
                  entry.body = EncodeDayOpen({3, Rp(0)});
                },
                "DELETE FROM sales WHERE seq = 7; INSERT INTO days (day_number, business_day, "
                "open_seq, opening_float) VALUES (3, '2026-11-23', 7, 0)",
                "day 2026-11-23 is already open; close it first"},
        // The void of the Rp30.000 sale says Rp31.000 (the voids table holds no total).
        Forgery{"VoidTotalDiffers", 9, EditVoid([](VoidBody& v) { v.total = Rp(31000); }), "",
                "void total differs from the sale"},
        // Day 2's void takes back a sale of day 1, receipt and total right.
        Forgery{"VoidOfASaleOfAnotherDay", 9,
                EditVoid([](VoidBody& v) {
                  v.sale_seq = 3;
                  v.receipt = "20261122-0002";
                  v.total = Rp(15000);
                }),
                "UPDATE voids SET sale_seq = 3 WHERE seq = 9",
                "receipt 20261122-0002 belongs to a day already closed with a Z report; it cannot be voided"},
        // Z2 numbered 3.
        Forgery{"ZNumberOutOfOrder", 10, EditZ([](ZReport& z) { z.z_number = 3; }),
                "UPDATE days SET z_number = 3 WHERE day_number = 2", "Z number 3 follows Z 1"}),
    [](const ::testing::TestParamInfo<Forgery>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace lapak
