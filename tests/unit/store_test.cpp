#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "core/refusal.h"
#include "core/schema.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "tests/support/damaged_file.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"

namespace lapak {
namespace {

using namespace std::chrono_literals;

constexpr char kOwnerPin[] = "9999";
constexpr char kCashierPin[] = "1234";
constexpr char kDay[] = "2026-11-22";

using testing::Wib;

Money Rp(int64_t rupiah) { return Money::Rupiah(rupiah); }
Payment Cash(int64_t rupiah) { return {PaymentMethod::kCash, Rp(rupiah)}; }
Payment Qris(int64_t rupiah) { return {PaymentMethod::kQris, Rp(rupiah)}; }
Payment Transfer(int64_t rupiah) { return {PaymentMethod::kTransfer, Rp(rupiah)}; }
Product Item(std::string sku, int64_t price, std::string name = "Es teh") {
  return Product{std::move(sku), std::move(name), "Minuman", Rp(price), true};
}

// ---- readable forms, compared as strings ------------------------------------------------

std::string Describe(const OpenDay& day) {
  return fmt::format("day {} of {} from entry {}, float {}", day.day_number, day.business_day,
                     day.open_seq, FormatMoney(day.opening_float));
}

std::string Describe(const std::optional<OpenDay>& day) { return day ? Describe(*day) : "none"; }

std::string Describe(const DayFigures& f) {
  std::string by_method;
  for (const PaymentMethodInfo& method : kPaymentMethods) {
    by_method += fmt::format("{}{} {}", by_method.empty() ? "" : " + ", method.name,
                             FormatMoney(f.by_method[method.method]));
  }
  return fmt::format("{} sales, {} voided ({}); gross {} net {} = {}", f.sales_count, f.voids_count,
                     FormatMoney(f.voids), FormatMoney(f.gross), FormatMoney(f.net), by_method);
}

std::string Describe(const ZReport& z) {
  return fmt::format(
      "Z{} of day {} ({}), entries {} to {}, {} to {}\n{}\nfloat {} expected {} counted {} "
      "over/short {}",
      z.z_number, z.day_number, z.business_day, z.open_seq, z.close_seq, FormatUtc(z.opened_at),
      FormatUtc(z.closed_at), Describe(z.figures), FormatMoney(z.opening_float),
      FormatMoney(z.expected_cash), FormatMoney(z.counted_cash), FormatMoney(z.over_short));
}

std::string Describe(const Receipt& r) {
  return fmt::format("{} at entry {} of {}, {} ({}), {}{}", r.receipt, r.seq, r.business_day,
                     r.time_utc, r.local_time, FormatMoney(r.sale.totals.total),
                     r.voided ? ", voided: " + r.void_reason : "");
}

std::string Describe(const std::vector<Receipt>& receipts) {
  std::string out;
  for (const Receipt& r : receipts) out += (out.empty() ? "" : ",") + r.receipt;
  return out;
}

std::string Describe(const StallInfo& i) {
  return fmt::format("{}|{}|{}|{}|{}", i.stall_id, i.stall_name, i.terminal_id, i.time_zone,
                     i.day_cutoff);
}

std::string Describe(const Product& p) {
  return fmt::format("{} '{}' {} {}{}", p.sku, p.name, p.category, FormatMoney(p.price),
                     p.active ? "" : " (off)");
}

std::string Describe(const VerifyReport& report) {
  return report.ok ? fmt::format("ok: {} entries, {} sales", report.entries, report.sales)
                   : fmt::format("entry {}: {}", report.first_bad_seq, report.problem);
}

std::string Describe(const std::string& text) { return text; }

// The value in readable form, or the Status ("NotFound: ...").
template <typename T>
std::string Describe(const Result<T>& result) {
  return result.ok() ? Describe(*result) : result.status().ToString();
}

// ---- the figures a list of sales must add up to, worked out here, not by core -----------

struct TestSale {
  int64_t price;
  std::vector<Payment> payments;
  bool voided = false;
};

DayFigures Expected(const std::vector<TestSale>& sales) {
  int64_t gross = 0, voids = 0, voids_count = 0, cash = 0, qris = 0, transfer = 0;
  for (const TestSale& sale : sales) {
    gross += sale.price;
    if (sale.voided) {
      ++voids_count;
      voids += sale.price;
      continue;
    }
    int64_t tendered = 0, paid = 0;
    for (const Payment& payment : sale.payments) {
      const int64_t amount = payment.amount.rupiah();
      paid += amount;
      if (payment.method == PaymentMethod::kCash) tendered += amount;
      if (payment.method == PaymentMethod::kQris) qris += amount;
      if (payment.method == PaymentMethod::kTransfer) transfer += amount;
    }
    cash += tendered - (paid - sale.price);  // the change goes back out of the drawer
  }
  DayFigures figures;
  figures.sales_count = static_cast<int64_t>(sales.size());
  figures.voids_count = voids_count;
  figures.gross = Rp(gross);
  figures.voids = Rp(voids);
  figures.net = Rp(gross - voids);
  figures.by_method[PaymentMethod::kCash] = Rp(cash);
  figures.by_method[PaymentMethod::kQris] = Rp(qris);
  figures.by_method[PaymentMethod::kTransfer] = Rp(transfer);
  return figures;
}

// ---- plain SQLite, for what the store's API does not reach -------------------------------

// The first column of the first row as text ("" when none), or "error: <SQLite's message>".
std::string Query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return std::string("error: ") + sqlite3_errmsg(db);
  }
  std::string out;
  const int rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(statement);
  return out;
}

// A second connection to the store's file.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    }
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // "OK" or SQLite's message, e.g. the message a trigger raised.
  std::string Exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    std::string out = rc == SQLITE_OK ? "OK" : message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return out;
  }
  std::string Query(const std::string& sql) { return lapak::Query(db_, sql); }

 private:
  sqlite3* db_ = nullptr;
};

// synchronous and foreign_keys belong to a connection, not to the file, and StallStore keeps
// its connection to itself; so a test catches that connection as SQLite opens it (an
// auto-extension runs on every new connection) and asks it.
sqlite3* g_opened_connection = nullptr;
int CatchConnection(sqlite3* db, char**, const sqlite3_api_routines*) {
  g_opened_connection = db;
  return SQLITE_OK;
}

// "600", or "missing".
std::string Mode(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "missing";
  std::ostringstream out;
  out << std::oct << (info.st_mode & 0777);
  return out.str();
}

// ---- fixtures ----------------------------------------------------------------------------

// A fresh directory and a clock standing at 2026-11-22 19:00 WIB; no store open yet.
// "in 50000 koreksi kas awal", or the Status as text.
std::string MoveCash(StallStore& store, CashDirection direction, int64_t amount, const std::string& reason,
                     const std::string& pin) {
  Result<CashMoveRecord> moved = store.RecordCashMove(direction, Rp(amount), reason, pin);
  if (!moved.ok()) return moved.status().ToString();
  return fmt::format("{} {} {}", CashDirectionName(moved->move.direction), moved->move.amount.rupiah(),
                     moved->move.reason);
}

class StoreFileTest : public ::testing::Test {
 protected:
  StoreFileTest() : clock_(Wib(22, 19h)), path_(dir_.File("lapak.db")) {}

  static StallSetup GoodSetup() {
    return {"LPK-07", "Warung Bu Sri", "T1", "Asia/Jakarta", "04:00", kOwnerPin, kCashierPin};
  }

  // Opens the store at path_, closing the one open before (a restart); the Status as text.
  std::string Open() {
    store_.reset();
    Result<std::unique_ptr<StallStore>> opened = StallStore::Open(path_, clock_);
    if (!opened.ok()) return opened.status().ToString();
    store_ = std::move(opened).value();
    return "OK";
  }

  static CompletedSale MakeSale(int64_t price, const std::vector<Payment>& payments) {
    Cart cart;
    EXPECT_EQ("OK", cart.AddCustom(Rp(price)).ToString());
    for (const Payment& payment : payments) {
      EXPECT_EQ("OK", cart.AddPayment(payment.method, payment.amount).ToString());
    }
    Result<CompletedSale> sale = cart.Complete();
    EXPECT_EQ("OK", sale.status().ToString());
    return sale.ok() ? *sale : CompletedSale{};
  }

  // Records a sale of one custom line now; its receipt number, or the Status as text.
  std::string Sell(int64_t price, const std::vector<Payment>& payments) {
    Result<Receipt> receipt = store_->RecordSale(MakeSale(price, payments));
    return receipt.ok() ? receipt->receipt : receipt.status().ToString();
  }

  // Sells `sales` five minutes apart, then voids those marked; their receipt numbers.
  std::vector<std::string> SellAll(const std::vector<TestSale>& sales) {
    std::vector<std::string> receipts;
    for (const TestSale& sale : sales) {
      receipts.push_back(Sell(sale.price, sale.payments));
      clock_.Advance(5min);
    }
    for (size_t i = 0; i < sales.size(); ++i) {
      if (sales[i].voided) {
        EXPECT_EQ("voided " + receipts[i] + ": salah input", Void(receipts[i], kOwnerPin));
      }
    }
    return receipts;
  }

  // "voided <receipt>: <reason>", or the Status as text.
  std::string Void(const std::string& receipt, const std::string& pin,
                   const std::string& reason = "salah input") {
    Result<Receipt> voided = store_->VoidSale(receipt, pin, reason);
    if (!voided.ok()) return voided.status().ToString();
    return voided->voided ? fmt::format("voided {}: {}", voided->receipt, voided->void_reason)
                          : "not voided";
  }

  std::string Pin(Role role, const std::string& pin) {
    return store_->CheckPin(role, pin).ToString();
  }

  // The kinds of the whole journal, "day_open,sale,...": what has been recorded.
  std::string Kinds() {
    Result<std::vector<JournalEntry>> entries = store_->Entries(1, 1000);
    if (!entries.ok()) return entries.status().ToString();
    std::string out;
    for (const JournalEntry& e : *entries) {
      out += (out.empty() ? "" : ",") + std::string(EntryKindName(e.kind));
    }
    return out;
  }

  // "TEH 5000, KOPI 8000 (off)".
  std::string Catalog(bool include_inactive) {
    Result<std::vector<Product>> products = store_->Products(include_inactive);
    if (!products.ok()) return products.status().ToString();
    std::string out;
    for (const Product& p : *products) {
      out += fmt::format("{}{} {}{}", out.empty() ? "" : ", ", p.sku, p.price.rupiah(),
                         p.active ? "" : " (off)");
    }
    return out;
  }

  testing::TempDir dir_;  // removed after the store below is closed
  ManualClock clock_;
  std::string path_;
  std::unique_ptr<StallStore> store_;
};

// The stall set up with owner PIN 9999 and cashier PIN 1234, nothing recorded yet.
class StoreTest : public StoreFileTest {
 protected:
  void SetUp() override {
    ASSERT_EQ("OK", Open());
    ASSERT_EQ("OK", store_->Initialise(GoodSetup()).ToString());
  }
};

using StoreOpenTest = StoreFileTest;
using StoreMigrationTest = StoreFileTest;
using StoreReopenTest = StoreTest;
using StoreSaleTest = StoreTest;
using StoreVoidTest = StoreTest;
using StoreDayTest = StoreTest;
using StorePinTest = StoreTest;
using StoreCatalogTest = StoreTest;

// ---- opening and set-up ------------------------------------------------------------------

TEST_F(StoreOpenTest, NewFileIsPrivateWalFullSyncWithForeignKeysAtTheLatestSchema) {
  const auto catch_connection = reinterpret_cast<void (*)()>(&CatchConnection);
  ASSERT_EQ(SQLITE_OK, sqlite3_auto_extension(catch_connection));
  const std::string opened = Open();
  sqlite3_cancel_auto_extension(catch_connection);
  ASSERT_EQ("OK", opened);
  ASSERT_NE(nullptr, g_opened_connection);

  EXPECT_EQ("600", Mode(path_));
  EXPECT_EQ("wal", Query(g_opened_connection, "PRAGMA journal_mode"));
  EXPECT_EQ("2", Query(g_opened_connection, "PRAGMA synchronous"));  // FULL
  EXPECT_EQ("1", Query(g_opened_connection, "PRAGMA foreign_keys"));
  EXPECT_EQ(std::to_string(LatestSchemaVersion()),
            Query(g_opened_connection, "PRAGMA user_version"));
  g_opened_connection = nullptr;

  ASSERT_EQ("OK", store_->Initialise(GoodSetup()).ToString());
  EXPECT_EQ("600", Mode(path_ + "-wal"));
  RawDb raw(path_);
  EXPECT_EQ("wal", raw.Query("PRAGMA journal_mode"));  // kept in the file itself
  EXPECT_EQ(std::to_string(LatestSchemaVersion()), raw.Query("PRAGMA user_version"));
}

TEST_F(StoreOpenTest, InitialiseRefusesBadSetupsAndWritesNothing) {
  ASSERT_EQ("OK", Open());
  const std::string not_set_up =
      "FailedPrecondition: this terminal is not set up yet; run `lapak init`";
  EXPECT_EQ(not_set_up, Describe(store_->Info()));

  const std::vector<std::pair<std::function<void(StallSetup&)>, std::string>> cases = {
      {[](StallSetup& s) { s.stall_id = ""; },
       "InvalidArgument: stall id '' must be 1 to 32 letters, digits, '.', '_' or '-'"},
      {[](StallSetup& s) { s.stall_id = "LPK 07"; },
       "InvalidArgument: stall id 'LPK 07' must be 1 to 32 letters, digits, '.', '_' or '-'"},
      {[](StallSetup& s) { s.terminal_id = std::string(33, 'T'); },
       "InvalidArgument: terminal id '" + std::string(33, 'T') +
           "' must be 1 to 32 letters, digits, '.', '_' or '-'"},
      {[](StallSetup& s) { s.stall_name = ""; }, "InvalidArgument: the stall name is empty"},
      {[](StallSetup& s) { s.stall_name = std::string(81, 'a'); },
       "InvalidArgument: the stall name is longer than 80 bytes"},
      {[](StallSetup& s) { s.time_zone = "Asia/Atlantis"; },
       "InvalidArgument: 'Asia/Atlantis' is not a time zone; use e.g. Asia/Jakarta, Asia/Makassar, "
       "Asia/Jayapura"},
      {[](StallSetup& s) { s.day_cutoff = "24:00"; },
       "InvalidArgument: day cut-off '24:00' must be a time HH:MM from 00:00 to 23:59"},
      {[](StallSetup& s) { s.day_cutoff = "4:00"; },
       "InvalidArgument: day cut-off '4:00' must be a time HH:MM from 00:00 to 23:59"},
      {[](StallSetup& s) { s.owner_pin = "123"; },
       "InvalidArgument: owner PIN: a PIN is 4 to 8 digits"},
      {[](StallSetup& s) { s.owner_pin = "123456789"; },
       "InvalidArgument: owner PIN: a PIN is 4 to 8 digits"},
      {[](StallSetup& s) { s.cashier_pin = "12a4"; },
       "InvalidArgument: cashier PIN: a PIN is 4 to 8 digits"},
      {[](StallSetup& s) { s.cashier_pin = s.owner_pin; },
       "InvalidArgument: the owner and cashier PINs must differ"},
  };
  for (const auto& [edit, expected] : cases) {
    StallSetup setup = GoodSetup();
    edit(setup);
    SCOPED_TRACE(expected);
    EXPECT_EQ(expected, store_->Initialise(setup).ToString());
  }
  EXPECT_EQ(not_set_up, Describe(store_->Info()));
  EXPECT_EQ("0", RawDb(path_).Query(
                     "SELECT (SELECT count(*) FROM settings) + (SELECT count(*) FROM pins)"));

  ASSERT_EQ("OK", store_->Initialise(GoodSetup()).ToString());
  EXPECT_EQ("AlreadyExists: this terminal is already set up for stall LPK-07",
            store_->Initialise(GoodSetup()).ToString());
  ASSERT_EQ("OK", Open());
  StallSetup other = GoodSetup();
  other.stall_id = "LPK-08";
  EXPECT_EQ("AlreadyExists: this terminal is already set up for stall LPK-07",
            store_->Initialise(other).ToString());
  EXPECT_EQ("LPK-07", store_->Info()->stall_id);
}

TEST_F(StoreReopenTest, ReopeningKeepsTheStallAndItsBooks) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(50000)}));
  ASSERT_EQ("OK", Open());
  EXPECT_EQ("LPK-07|Warung Bu Sri|T1|Asia/Jakarta|04:00", Describe(store_->Info()));
  EXPECT_EQ(
      "20261122-0001 at entry 2 of 2026-11-22, 2026-11-22T12:00:00.000Z (2026-11-22 19:00 WIB), "
      "Rp20.000",
      Describe(store_->FindReceipt("20261122-0001")));
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp0", Describe(store_->CurrentDay()));
  EXPECT_EQ("20261122-0002", Sell(5000, {Cash(5000)}));
  EXPECT_EQ("ok: 3 entries, 2 sales", Describe(store_->Verify()));
}

// ---- migrations --------------------------------------------------------------------------

TEST_F(StoreMigrationTest, AnEmptyFileGetsTheWholeSchema) {
  std::ofstream(path_).close();
  ASSERT_EQ(0u, std::filesystem::file_size(path_));
  ASSERT_EQ("OK", Open());
  RawDb raw(path_);
  EXPECT_EQ(std::to_string(LatestSchemaVersion()), raw.Query("PRAGMA user_version"));
  EXPECT_EQ("days,journal,pins,products,sales,settings,sync_state,voids",
            raw.Query("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                      "WHERE type = 'table' ORDER BY name)"));
  EXPECT_EQ("FailedPrecondition: this terminal is not set up yet; run `lapak init`",
            Describe(store_->Info()));
}

TEST_F(StoreMigrationTest, AVersion1StallMigratesAndKeepsItsPins) {
  {
    Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path_, /*create=*/true);
    ASSERT_EQ("OK", db.status().ToString());
    ASSERT_EQ("OK", Migrate(**db, Migrations(), 1).ToString());
    ASSERT_EQ("OK", (*db)
                        ->Exec("INSERT INTO settings (key, value) VALUES ('stall_id', 'LPK-07'), "
                               "('stall_name', 'Warung Bu Sri'), ('terminal_id', 'T1'), "
                               "('time_zone', 'Asia/Jakarta'), ('day_cutoff', '04:00')")
                        .ToString());
    sqlite::Statement insert(
        **db, "INSERT INTO pins (role, salt, iterations, pin_key) VALUES (?, ?, ?, ?)");
    for (const auto& [role, pin] :
         {std::pair{Role::kOwner, kOwnerPin}, std::pair{Role::kCashier, kCashierPin}}) {
      const PinHash hash = HashPin(pin);
      insert.Reset();
      ASSERT_EQ("OK", insert.Bind(1, RoleName(role))
                          .BindBlob(2, hash.salt)
                          .Bind(3, int64_t{hash.iterations})
                          .BindBlob(4, hash.key)
                          .Run()
                          .ToString());
    }
  }
  ASSERT_EQ("1", RawDb(path_).Query("PRAGMA user_version"));

  ASSERT_EQ("OK", Open());
  EXPECT_EQ(std::to_string(LatestSchemaVersion()), RawDb(path_).Query("PRAGMA user_version"));
  EXPECT_EQ("LPK-07|Warung Bu Sri|T1|Asia/Jakarta|04:00", Describe(store_->Info()));
  EXPECT_EQ("OK", Pin(Role::kOwner, kOwnerPin));
  EXPECT_EQ("OK", Pin(Role::kCashier, kCashierPin));
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 4 more tries before a lock",
            Pin(Role::kCashier, "4321"));
  EXPECT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
}

// Version 4 rebuilds the journal to take cash moves: a stall with sales, a void and a Z at
// version 3 keeps every entry byte for byte, its append-only triggers and its links.
TEST_F(StoreMigrationTest, AVersion3JournalIsRebuiltWholeAndStaysAppendOnly) {
  ASSERT_EQ("OK", Open());
  ASSERT_EQ("OK", store_->Initialise(GoodSetup()).ToString());
  ASSERT_EQ("OK", store_->OpenDaySession(Rp(100000)).status().ToString());
  const std::string receipt = Sell(20000, {Cash(20000)});
  ASSERT_EQ("voided " + receipt + ": salah input", Void(receipt, kOwnerPin));
  ASSERT_EQ("20261122-0002", Sell(15000, {Cash(15000)}));
  ASSERT_EQ("OK", store_->CloseDay(Rp(115000)).status().ToString());
  store_.reset();
  const std::string journal_sql = "SELECT group_concat(seq || kind || hex(hash) || body, '|') FROM journal";
  const std::string entries = RawDb(path_).Query(journal_sql);
  {
    // The same books in a file of version 3, as that Lapak shipped it (Migrate stops there).
    const std::string v3 = dir_.File("v3.db");
    Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(v3, /*create=*/true);
    ASSERT_EQ("OK", db.status().ToString());
    ASSERT_EQ("OK", Migrate(**db, Migrations(), 3).ToString());
    ASSERT_EQ("OK", (*db)->Exec("ATTACH '" + path_ + "' AS made").ToString());
    for (const char* table : {"settings", "pins", "products", "journal", "days", "sales", "voids"}) {
      // The journal in order: its trigger takes only the next seq.
      const std::string order = std::string_view(table) == "journal" ? " ORDER BY seq" : "";
      ASSERT_EQ("OK", (*db)->Exec(fmt::format("INSERT INTO main.{0} SELECT * FROM made.{0}{1}", table, order))
                          .ToString())
          << table;
    }
    path_ = v3;
  }
  ASSERT_EQ(entries, RawDb(path_).Query(journal_sql));
  ASSERT_EQ("3", RawDb(path_).Query("PRAGMA user_version"));
  ASSERT_EQ(std::string::npos, RawDb(path_).Query("SELECT sql FROM sqlite_schema WHERE name = 'journal'").find("cash_move"));
  ASSERT_EQ("OK", Open());
  RawDb raw(path_);
  EXPECT_EQ(std::to_string(LatestSchemaVersion()), raw.Query("PRAGMA user_version"));
  EXPECT_EQ(entries, raw.Query(journal_sql));
  EXPECT_EQ("", raw.Query("SELECT group_concat(name) FROM sqlite_schema WHERE name = 'journal_v4'"));
  EXPECT_EQ("0", raw.Query("SELECT COUNT(*) FROM pragma_foreign_key_check"));
  EXPECT_EQ("journal_is_gapless,journal_is_never_deleted,journal_is_never_updated",
            raw.Query("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                      "AND tbl_name = 'journal' ORDER BY name)"));
  EXPECT_EQ("journal entries are never deleted", raw.Exec("DELETE FROM journal WHERE seq = 1"));
  EXPECT_EQ("journal entries are never updated", raw.Exec("UPDATE journal SET body = '{}' WHERE seq = 1"));
  EXPECT_EQ("ok: 5 entries, 2 sales", Describe(store_->Verify()));
  ASSERT_EQ("OK", store_->OpenDaySession(Rp(0)).status().ToString());
  EXPECT_EQ("in 5000 uang kecil", MoveCash(*store_, CashDirection::kIn, 5000, "uang kecil", kOwnerPin));
}

TEST_F(StoreMigrationTest, ADatabaseFromANewerLapakIsRefused) {
  const int newer = LatestSchemaVersion() + 1;
  ASSERT_EQ("OK", RawDb(path_).Exec(fmt::format("PRAGMA user_version = {}", newer)));
  EXPECT_EQ(
      fmt::format("FailedPrecondition: the database has schema version {}, newer than this Lapak "
                  "knows ({}); update Lapak",
                  newer, LatestSchemaVersion()),
      Open());
  RawDb raw(path_);
  EXPECT_EQ(std::to_string(newer), raw.Query("PRAGMA user_version"));
  EXPECT_EQ("0", raw.Query("SELECT count(*) FROM sqlite_master"));
}

TEST_F(StoreMigrationTest, AReadOnlyOpenOfAnOlderStallMigratesItFirst) {
  {
    Result<std::unique_ptr<sqlite::Database>> db = sqlite::Database::Open(path_, /*create=*/true);
    ASSERT_EQ("OK", db.status().ToString());
    ASSERT_EQ("OK", Migrate(**db, Migrations(), 1).ToString());
  }
  Result<std::unique_ptr<StallStore>> reader =
      StallStore::Open(path_, clock_, OpenMode::kMustExist, DatabaseUse::kRead);
  ASSERT_EQ("OK", reader.status().ToString());
  EXPECT_EQ(std::to_string(LatestSchemaVersion()), RawDb(path_).Query("PRAGMA user_version"));
  EXPECT_EQ("OK", (*reader)->Progress().status().ToString());  // sync_state, of version 3
}

// ---- what opening reads (core/durable_database.h) ------------------------------------------

// The stall set up, with a product in its catalog; opens as each program does.
class StoreStartupTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_EQ("OK", store_->SaveProduct(Item("KRP-01", 12000, "Keripik Tempe")).ToString());
  }

  // Opens the store at path_ for `use`, closing the one open before; the Status as text.
  // With kServe (lapak-pos), the stages of a check of the whole file go into checks_:
  // "starting after 1 unclean run; passed".
  std::string OpenFor(DatabaseUse use) {
    store_.reset();
    checks_.clear();
    Result<std::unique_ptr<StallStore>> opened =
        StallStore::Open(path_, clock_, OpenMode::kMustExist, use, [this](const StartupCheck& check) {
          switch (check.stage) {
            case StartupCheck::Stage::kStarting:
              checks_ += fmt::format("starting after {} unclean run", check.unclean_runs);
              break;
            case StartupCheck::Stage::kPassed: checks_ += "; passed"; break;
            case StartupCheck::Stage::kFailed: checks_ += "; failed"; break;
          }
        });
    if (!opened.ok()) return opened.status().ToString();
    store_ = std::move(opened).value();
    return "OK";
  }

  // Another process opens the store as lapak-pos does and is killed with it open.
  void KillAWriterWhileItRuns() {
    store_.reset();  // no connection is carried into the child
    const pid_t writer = ::fork();
    if (writer == 0) {
      Result<std::unique_ptr<StallStore>> opened =
          StallStore::Open(path_, clock_, OpenMode::kMustExist, DatabaseUse::kServe);
      ::kill(::getpid(), opened.ok() ? SIGKILL : SIGTERM);  // with the store open
    }
    int status = 0;
    ASSERT_EQ(writer, ::waitpid(writer, &status, 0));
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer could not open the store";
  }

  std::string checks_;
};

// A page lost in a table the open does not read: every open but the long-running writer's
// after an unclean shutdown still works, which shows none reads the whole file; verify
// finds the page.
TEST_F(StoreStartupTest, NoOrdinaryOpenReadsTheWholeFileVerifyDoes) {
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));  // records, and on closing clears, a session
  store_.reset();
  ASSERT_EQ("OK", testing::DamageTable(path_, "products"));

  ASSERT_EQ("OK", OpenFor(DatabaseUse::kWrite));  // a lapak command that writes
  EXPECT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));  // lapak-pos after a clean stop
  EXPECT_EQ("", checks_);
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kRead));  // a lapak command that only reads
  EXPECT_EQ("1 sales, 0 voided (Rp0); gross Rp20.000 net Rp20.000 = cash Rp20.000 + qris Rp0 + transfer Rp0",
            Describe(store_->ReportDay(kDay)->figures));
  const std::string verified = Describe(store_->Verify());
  EXPECT_EQ(0u, verified.find("entry 0: the database file is damaged: ")) << verified;
}

TEST_F(StoreStartupTest, TheLongRunningWriterChecksTheFileOnlyAfterAnUncleanShutdown) {
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("", checks_);
  EXPECT_EQ("1", testing::CountSessions(path_));  // its own, while it runs
  store_.reset();                                 // a clean stop
  EXPECT_EQ("0", testing::CountSessions(path_));
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("", checks_);
  store_.reset();

  ASSERT_EQ("OK", testing::LeaveUncleanSession(path_));  // the power went while it ran
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kWrite));        // lapak commands never check
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kRead));
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("starting after 1 unclean run; passed", checks_);
  EXPECT_EQ("1", testing::CountSessions(path_));  // the gone one forgotten, its own kept
  store_.reset();
  EXPECT_EQ("0", testing::CountSessions(path_));
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("", checks_);
}

// A writer killed on this boot (no power lost) is an unclean shutdown too.
TEST_F(StoreStartupTest, AWriterKilledOnThisBootIsAnUncleanShutdown) {
  ASSERT_NO_FATAL_FAILURE(KillAWriterWhileItRuns());
  EXPECT_EQ("1", testing::CountSessions(path_));
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("starting after 1 unclean run; passed", checks_);
  store_.reset();
  EXPECT_EQ("0", testing::CountSessions(path_));
}

// Two long-running writers may hold the file at once: the one still running is no unclean
// shutdown, and its session stays while it runs.
TEST_F(StoreStartupTest, AWriterStillRunningIsNoUncleanShutdown) {
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  std::unique_ptr<StallStore> running = std::move(store_);
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kServe));
  EXPECT_EQ("", checks_);
  EXPECT_EQ("2", testing::CountSessions(path_));
  store_.reset();
  EXPECT_EQ("1", testing::CountSessions(path_));
  running.reset();
  EXPECT_EQ("0", testing::CountSessions(path_));
}

TEST_F(StoreStartupTest, AfterAnUncleanShutdownADamagedFileIsRefusedAndNothingIsWritten) {
  store_.reset();
  ASSERT_EQ("OK", testing::DamageTable(path_, "products"));
  ASSERT_EQ("OK", testing::LeaveUncleanSession(path_));

  const std::string refused = OpenFor(DatabaseUse::kServe);
  EXPECT_EQ(0u, refused.find("Corruption: the database '" + path_ + "' is damaged: ")) << refused;
  EXPECT_NE(std::string::npos, refused.find("Page ")) << refused;  // SQLite names the page
  EXPECT_NE(std::string::npos, refused.find("did not stop cleanly, so the file was checked; nothing was written"))
      << refused;
  EXPECT_EQ("starting after 1 unclean run; failed", checks_);
  EXPECT_EQ("1", testing::CountSessions(path_));  // still there: the next start checks again
  EXPECT_EQ("Corruption", OpenFor(DatabaseUse::kServe).substr(0, 10));
}

TEST_F(StoreStartupTest, AStoreOpenedToReadCannotWrite) {
  ASSERT_EQ("OK", store_->SetPreference("language", "en").ToString());
  ASSERT_EQ("OK", OpenFor(DatabaseUse::kRead));
  const std::string refused = store_->SetPreference("language", "id").ToString();
  EXPECT_NE(std::string::npos, refused.find("attempt to write a readonly database")) << refused;
  const std::string sale = Sell(20000, {Cash(20000)});
  EXPECT_NE(std::string::npos, sale.find("attempt to write a readonly database")) << sale;
  EXPECT_EQ("en", store_->Preference("language")->value_or("unset"));
  EXPECT_EQ("", Kinds());
}

// lapak-pos (or a lapak command) in the middle of a write: a read-only command still reads,
// and sees what was committed.
TEST_F(StoreStartupTest, AStoreOpenedToReadReadsWhileAWriterHoldsTheFile) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  RawDb writer(path_);
  ASSERT_EQ("OK", writer.Exec("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('pref.text_size', '120')"));
  Result<std::unique_ptr<StallStore>> reader =
      StallStore::Open(path_, clock_, OpenMode::kMustExist, DatabaseUse::kRead);
  ASSERT_EQ("OK", reader.status().ToString());
  EXPECT_EQ("20261122-0001", Describe((*reader)->History(kDay, 10)));
  EXPECT_FALSE((*reader)->Preference("text_size")->has_value());
  EXPECT_EQ("OK", writer.Exec("COMMIT"));
}

// ---- sales -------------------------------------------------------------------------------

TEST_F(StoreSaleTest, ReceiptNumbersRunPerBusinessDay) {
  EXPECT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  EXPECT_EQ("20261122-0002", Sell(15000, {Qris(15000)}));
  EXPECT_EQ("20261122-0003", Sell(7000, {Transfer(7000)}));
  ASSERT_EQ("OK", store_->CloseDay(Rp(20000)).status().ToString());
  clock_.Set(Wib(23, 18h));
  EXPECT_EQ("20261123-0001", Sell(5000, {Cash(5000)}));
  EXPECT_EQ("20261123-0002", Sell(5000, {Cash(10000)}));
}

TEST_F(StoreSaleTest, TheFirstSaleOpensADayWithNoFloat) {
  EXPECT_EQ("none", Describe(store_->CurrentDay()));
  const CompletedSale sale = MakeSale(20000, {Cash(50000)});
  Result<Receipt> receipt = store_->RecordSale(sale);
  EXPECT_EQ(
      "20261122-0001 at entry 2 of 2026-11-22, 2026-11-22T12:00:00.000Z (2026-11-22 19:00 WIB), "
      "Rp20.000",
      Describe(receipt));
  EXPECT_TRUE(receipt.ok() && receipt->sale == sale);
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp0", Describe(store_->CurrentDay()));
  EXPECT_EQ("day_open,sale", Kinds());
}

TEST_F(StoreSaleTest, ASaleBeforeTheCutoffCountsForThePreviousDay) {
  clock_.Set(Wib(23, 1h + 30min));
  EXPECT_EQ(kDay, Describe(store_->Today()));
  EXPECT_EQ(
      "20261122-0001 at entry 2 of 2026-11-22, 2026-11-22T18:30:00.000Z (2026-11-23 01:30 WIB), "
      "Rp8.000",
      Describe(store_->RecordSale(MakeSale(8000, {Cash(10000)}))));
  clock_.Set(Wib(23, 3h + 59min));
  EXPECT_EQ("20261122-0002", Sell(8000, {Cash(8000)}));
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp0", Describe(store_->CurrentDay()));
  EXPECT_EQ("20261122-0002,20261122-0001", Describe(store_->History(kDay, 10)));
}

TEST_F(StoreSaleTest, ASaleWhileYesterdayIsStillOpenIsRefused) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  clock_.Set(Wib(23, 4h));  // the cut-off: a new business day
  EXPECT_EQ(
      "FailedPrecondition: day 2026-11-22 is still open; close it (Z report) before selling on "
      "2026-11-23",
      Sell(5000, {Cash(5000)}));
  EXPECT_EQ("day_open,sale", Kinds());
  EXPECT_EQ("", Describe(store_->History("2026-11-23", 10)));
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp0", Describe(store_->CurrentDay()));

  ASSERT_EQ("OK", store_->CloseDay(Rp(20000)).status().ToString());
  EXPECT_EQ("20261123-0001", Sell(5000, {Cash(5000)}));
  EXPECT_EQ("day 2 of 2026-11-23 from entry 4, float Rp0", Describe(store_->CurrentDay()));
}

TEST_F(StoreSaleTest, RecordSaleRefusesTamperedOrUnderPaidSales) {
  const CompletedSale good = MakeSale(20000, {Cash(50000)});
  // The books (core/books.h) judge the sale as its journal entry says it.
  const std::string refused = "InvalidArgument: sale body: totals do not add up";
  CompletedSale total = good;
  total.totals.total = Rp(10000);
  CompletedSale change = good;
  change.totals.change = Rp(40000);
  CompletedSale under_paid = good;
  under_paid.payments = {Cash(5000)};
  under_paid.totals = *ComputeTotals(under_paid.lines, under_paid.discount, under_paid.payments);
  CompletedSale line = good;
  line.lines[0].total = Rp(2000);
  CompletedSale paid_by_qris_over = good;
  paid_by_qris_over.payments = {Qris(50000)};

  EXPECT_EQ(refused, Describe(store_->RecordSale(total)));
  EXPECT_EQ(refused, Describe(store_->RecordSale(change)));
  EXPECT_EQ(refused, Describe(store_->RecordSale(under_paid)));
  EXPECT_EQ("InvalidArgument: a sale has at least one line", Describe(store_->RecordSale(CompletedSale{})));
  EXPECT_EQ("InvalidArgument: sale body: line 'Lain-lain' does not add up",
            Describe(store_->RecordSale(line)));
  EXPECT_EQ(
      "InvalidArgument: sale body: QRIS and transfer payments (Rp50.000) exceed the total Rp20.000; "
      "change is given only from cash",
      Describe(store_->RecordSale(paid_by_qris_over)));
  EXPECT_EQ("", Kinds());
  EXPECT_EQ("none", Describe(store_->CurrentDay()));
}

TEST_F(StoreSaleTest, FindReceiptAndHistoryNewestFirst) {
  std::vector<Result<Receipt>> recorded;
  for (const int64_t price : {20000, 15000, 7000}) {
    recorded.push_back(store_->RecordSale(MakeSale(price, {Cash(price)})));
    clock_.Advance(5min);
  }
  for (const Result<Receipt>& receipt : recorded) {
    ASSERT_EQ("OK", receipt.status().ToString());
    Result<Receipt> found = store_->FindReceipt(receipt->receipt);
    EXPECT_EQ(Describe(receipt), Describe(found));
    EXPECT_TRUE(found.ok() && found->sale == receipt->sale);
  }
  EXPECT_EQ(
      "20261122-0002 at entry 3 of 2026-11-22, 2026-11-22T12:05:00.000Z (2026-11-22 19:05 WIB), "
      "Rp15.000",
      Describe(store_->FindReceipt("20261122-0002")));
  EXPECT_EQ("NotFound: no sale with receipt 20261122-0099",
            Describe(store_->FindReceipt("20261122-0099")));
  EXPECT_EQ("20261122-0003,20261122-0002,20261122-0001", Describe(store_->History(kDay, 10)));
  EXPECT_EQ("20261122-0003,20261122-0002", Describe(store_->History(kDay, 2)));
  EXPECT_EQ("", Describe(store_->History("2026-11-21", 10)));
}

// ---- voids -------------------------------------------------------------------------------

TEST_F(StoreVoidTest, OnlyTheOwnersPinVoidsASaleAndOnlyOnce) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  ASSERT_EQ("20261122-0002", Sell(15000, {Qris(15000)}));

  EXPECT_EQ("PermissionDenied: wrong PIN for pemilik; 4 more tries before a lock",
            Void("20261122-0002", "0000"));
  EXPECT_EQ("PermissionDenied: wrong PIN for pemilik; 3 more tries before a lock",
            Void("20261122-0002", kCashierPin));
  EXPECT_EQ("day_open,sale,sale", Kinds());
  EXPECT_FALSE(store_->FindReceipt("20261122-0002")->voided);

  EXPECT_EQ("voided 20261122-0002: salah input", Void("20261122-0002", kOwnerPin));
  EXPECT_EQ("AlreadyExists: receipt 20261122-0002 is already voided",
            Void("20261122-0002", kOwnerPin));
  EXPECT_EQ("NotFound: no sale with receipt 20261122-0042", Void("20261122-0042", kOwnerPin));
  EXPECT_EQ("day_open,sale,sale,void", Kinds());
  EXPECT_EQ(
      "20261122-0002 at entry 3 of 2026-11-22, 2026-11-22T12:00:00.000Z (2026-11-22 19:00 WIB), "
      "Rp15.000, "
      "voided: salah input",
      Describe(store_->FindReceipt("20261122-0002")));
  EXPECT_FALSE(store_->FindReceipt("20261122-0001")->voided);

  Result<DayReport> report = store_->ReportDay(kDay);
  ASSERT_EQ("OK", report.status().ToString());
  EXPECT_EQ(Describe(Expected({{20000, {Cash(20000)}}, {15000, {Qris(15000)}, true}})),
            Describe(report->figures));
  EXPECT_EQ("Rp20.000", FormatMoney(report->expected_cash_now));
  EXPECT_EQ("ok: 4 entries, 2 sales", Describe(store_->Verify()));
}

TEST_F(StoreVoidTest, AVoidNeedsAReason) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  EXPECT_EQ("InvalidArgument: the reason for a void is empty", Void("20261122-0001", kOwnerPin, ""));
  EXPECT_EQ("InvalidArgument: the reason for a void is longer than 200 bytes",
            Void("20261122-0001", kOwnerPin, std::string(201, 'x')));
  EXPECT_EQ("InvalidArgument: the reason for a void is not valid UTF-8 text or holds a control character",
            Void("20261122-0001", kOwnerPin, "salah\ninput"));
  EXPECT_EQ("day_open,sale", Kinds());
}

TEST_F(StoreVoidTest, ASaleOfAClosedDayCannotBeVoided) {
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  ASSERT_EQ("OK", store_->CloseDay(Rp(20000)).status().ToString());
  const std::string refused =
      "FailedPrecondition: receipt 20261122-0001 belongs to a day already closed with a Z report; "
      "it cannot be "
      "voided";
  EXPECT_EQ(refused, Void("20261122-0001", kOwnerPin));
  ASSERT_EQ("20261122-0002", Sell(5000, {Cash(5000)}));  // a new session of the same business day
  EXPECT_EQ(refused, Void("20261122-0001", kOwnerPin));
  EXPECT_EQ("day_open,sale,day_close,day_open,sale", Kinds());
  EXPECT_EQ("voided 20261122-0002: salah input", Void("20261122-0002", kOwnerPin));
}

// ---- day sessions and Z reports ----------------------------------------------------------

TEST_F(StoreDayTest, ADayOpensWithAFloatOnce) {
  EXPECT_EQ("FailedPrecondition: no day is open", Describe(store_->CloseDay(Rp(0))));
  EXPECT_EQ("InvalidArgument: the opening float -Rp1 must be from Rp0 to Rp1.000.000.000",
            Describe(store_->OpenDaySession(Rp(-1))));
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp200.000",
            Describe(store_->OpenDaySession(Rp(200000))));
  EXPECT_EQ("day 1 of 2026-11-22 from entry 1, float Rp200.000", Describe(store_->CurrentDay()));
  EXPECT_EQ("FailedPrecondition: day 2026-11-22 is already open; close it first",
            Describe(store_->OpenDaySession(Rp(0))));
  EXPECT_EQ("InvalidArgument: the counted cash -Rp1 must be from Rp0 to Rp1.000.000.000",
            Describe(store_->CloseDay(Rp(-1))));
  EXPECT_EQ("day_open", Kinds());
}

// A session with every kind of payment, change and a void.
const std::vector<TestSale> kFirstSession = {
    {23000, {Cash(50000)}},  // change 27000
    {40000, {Qris(40000)}},
    {55000, {Transfer(30000), Cash(30000)}},  // change 5000
    {12000, {Cash(12000)}, /*voided=*/true},
    {18000, {Qris(10000), Cash(10000)}},  // change 2000
};

TEST_F(StoreDayTest, CloseDayTakesTheZReportOfTheSession) {
  ASSERT_EQ("OK", store_->OpenDaySession(Rp(100000)).status().ToString());
  SellAll(kFirstSession);
  clock_.Set(Wib(22, 22h));

  ZReport expected;
  expected.z_number = 1;
  expected.day_number = 1;
  expected.business_day = kDay;
  expected.open_seq = 1;
  expected.close_seq = 1 + 5 + 1 + 1;  // day open, 5 sales, 1 void, this close
  expected.opened_at = Wib(22, 19h);
  expected.closed_at = Wib(22, 22h);
  expected.opening_float = Rp(100000);
  expected.figures = Expected(kFirstSession);
  expected.expected_cash = Rp(100000 + expected.figures.by_method[PaymentMethod::kCash].rupiah());
  expected.counted_cash = Rp(expected.expected_cash.rupiah() - 500);
  expected.over_short = Rp(-500);  // short

  Result<ZReport> z = store_->CloseDay(expected.counted_cash);
  ASSERT_EQ(Describe(expected), Describe(z));
  EXPECT_TRUE(*z == expected);
  EXPECT_EQ("Rp156.000",
            FormatMoney(z->expected_cash));  // float 100.000 + cash 23.000 + 25.000 + 8.000
  EXPECT_EQ(Describe(expected), Describe(store_->FindZReport(1)));
  EXPECT_TRUE(store_->FindZReport(1).ok() && *store_->FindZReport(1) == expected);
  Result<std::vector<ZReport>> all = store_->ZReports();
  ASSERT_EQ("OK", all.status().ToString());
  EXPECT_TRUE(*all == std::vector<ZReport>{expected});
  EXPECT_EQ("NotFound: there is no Z report number 2", Describe(store_->FindZReport(2)));
  EXPECT_EQ("none", Describe(store_->CurrentDay()));
  EXPECT_EQ("ok: 8 entries, 5 sales", Describe(store_->Verify()));
}

// A float said wrong is corrected with a cash in; takings handed over go out; both reach the
// day report, the drawer's expected cash and the Z, across a restart, and sales stay sales.
TEST_F(StoreDayTest, CashMovesCorrectTheDrawerAndReachTheZAcrossARestart) {
  EXPECT_EQ("FailedPrecondition: no day is open",
            MoveCash(*store_, CashDirection::kIn, 50000, "koreksi kas awal", kOwnerPin));
  ASSERT_EQ("OK", store_->OpenDaySession(Rp(100000)).status().ToString());
  EXPECT_EQ("in 50000 koreksi kas awal", MoveCash(*store_, CashDirection::kIn, 50000, "koreksi kas awal", kOwnerPin));
  ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
  // The owner's PIN, as for a void; a wrong one or the cashier's records nothing.
  EXPECT_EQ("PermissionDenied: wrong PIN for pemilik; 4 more tries before a lock",
            MoveCash(*store_, CashDirection::kOut, 1000, "setor", kCashierPin));
  EXPECT_EQ("InvalidArgument: the reason for cash in or out is empty",
            MoveCash(*store_, CashDirection::kOut, 1000, "", kOwnerPin));
  EXPECT_EQ("FailedPrecondition: cash out of Rp170.001 is more than the drawer should hold (Rp170.000)",
            MoveCash(*store_, CashDirection::kOut, 170001, "setor", kOwnerPin));
  clock_.Advance(1h);
  EXPECT_EQ("out 100000 setor ke pemilik", MoveCash(*store_, CashDirection::kOut, 100000, "setor ke pemilik", kOwnerPin));
  EXPECT_EQ("day_open,cash_move,sale,cash_move", Kinds());

  ASSERT_EQ("OK", Open());  // a restart: the books come back from the tables
  Result<DayReport> report = store_->ReportDay(kDay);
  ASSERT_EQ("OK", report.status().ToString());
  ASSERT_EQ(2u, report->cash_moves.size());
  EXPECT_EQ("2026-11-22 20:00 WIB", report->cash_moves[1].local_time);
  EXPECT_EQ(Rp(70000), report->expected_cash_now);  // 100.000 + 50.000 + 20.000 − 100.000
  EXPECT_EQ(Rp(20000), report->figures.net);
  Result<ZReport> z = store_->CloseDay(Rp(70000));
  ASSERT_EQ("OK", z.status().ToString());
  EXPECT_EQ(Rp(50000), z->cash_moves.in);
  EXPECT_EQ(Rp(100000), z->cash_moves.out);
  EXPECT_EQ(Rp(0), z->over_short);
  EXPECT_TRUE(*store_->FindZReport(1) == *z);
  EXPECT_EQ("FailedPrecondition: no day is open",
            MoveCash(*store_, CashDirection::kIn, 1000, "koreksi kas awal", kOwnerPin));
  EXPECT_EQ("ok: 5 entries, 1 sales", Describe(store_->Verify()));
}

TEST_F(StoreDayTest, AfterACloseTheNextSaleOpensANewSessionOfTheSameDay) {
  ASSERT_EQ("OK", store_->OpenDaySession(Rp(100000)).status().ToString());
  SellAll(kFirstSession);
  Result<ZReport> first = store_->CloseDay(Rp(150000));
  ASSERT_EQ("OK", first.status().ToString());

  const std::vector<TestSale> second_session = {{8000, {Cash(10000)}}};
  EXPECT_EQ("20261122-0006", SellAll(second_session)[0]);
  EXPECT_EQ("day 2 of 2026-11-22 from entry 9, float Rp0", Describe(store_->CurrentDay()));

  std::vector<TestSale> whole_day = kFirstSession;
  whole_day.insert(whole_day.end(), second_session.begin(), second_session.end());
  Result<DayReport> open_report = store_->ReportDay(kDay);
  ASSERT_EQ("OK", open_report.status().ToString());
  EXPECT_EQ(Describe(Expected(whole_day)), Describe(open_report->figures));
  EXPECT_EQ("day 2 of 2026-11-22 from entry 9, float Rp0", Describe(open_report->open_day));
  EXPECT_EQ("Rp8.000", FormatMoney(open_report->expected_cash_now));
  EXPECT_EQ(std::vector<int64_t>{1}, open_report->z_numbers);

  Result<ZReport> second = store_->CloseDay(Rp(10000));
  ASSERT_EQ("OK", second.status().ToString());
  EXPECT_EQ(2, second->z_number);
  EXPECT_EQ(2, second->day_number);
  EXPECT_EQ(Describe(Expected(second_session)), Describe(second->figures));
  EXPECT_EQ("Rp8.000 Rp10.000 Rp2.000", FormatMoney(second->expected_cash) + " " +
                                            FormatMoney(second->counted_cash) + " " +
                                            FormatMoney(second->over_short));  // over: positive
  Result<std::vector<ZReport>> all = store_->ZReports();
  ASSERT_EQ("OK", all.status().ToString());
  EXPECT_TRUE((*all == std::vector<ZReport>{*first, *second}));

  Result<DayReport> report = store_->ReportDay(kDay);
  ASSERT_EQ("OK", report.status().ToString());
  EXPECT_EQ(Describe(Expected(whole_day)), Describe(report->figures));
  EXPECT_EQ("none", Describe(report->open_day));
  EXPECT_EQ((std::vector<int64_t>{1, 2}), report->z_numbers);
  EXPECT_EQ("InvalidArgument: '22-11-2026' is not a date YYYY-MM-DD",
            store_->ReportDay("22-11-2026").status().ToString());
  EXPECT_EQ("ok: 11 entries, 6 sales", Describe(store_->Verify()));
}

// ---- PIN lock-out ------------------------------------------------------------------------

TEST_F(StorePinTest, FiveWrongPinsLockTheRoleEvenAcrossARestart) {
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 4 more tries before a lock",
            Pin(Role::kCashier, "0000"));
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 3 more tries before a lock",
            Pin(Role::kCashier, "0000"));
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 2 more tries before a lock",
            Pin(Role::kCashier, "9999"));
  EXPECT_EQ("InvalidArgument: a PIN is 4 to 8 digits", Pin(Role::kCashier, "12"));  // not a try
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 1 more tries before a lock",
            Pin(Role::kCashier, "1212"));
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; locked for 1 minute(s)",
            Pin(Role::kCashier, "0000"));

  const std::string locked =
      "FailedPrecondition: kasir is locked after 5 wrong PINs until 2026-11-22 19:01 WIB";
  EXPECT_EQ(locked, Pin(Role::kCashier, kCashierPin));
  EXPECT_EQ("OK", Pin(Role::kOwner, kOwnerPin));  // the other role is not locked
  ASSERT_EQ("OK", Open());                        // a restart
  EXPECT_EQ(locked, Pin(Role::kCashier, kCashierPin));
  clock_.Advance(59s);
  EXPECT_EQ(locked, Pin(Role::kCashier, kCashierPin));

  clock_.Advance(1s);
  EXPECT_EQ("OK", Pin(Role::kCashier, kCashierPin));
  EXPECT_EQ("PermissionDenied: wrong PIN for kasir; 4 more tries before a lock",
            Pin(Role::kCashier, "0000"));
}

TEST_F(StorePinTest, AWrongPinAfterALockLocksForTwiceAsLong) {
  for (int i = 0; i < kFreePinTries; ++i)
    (void)Pin(Role::kOwner, "1212");
  EXPECT_EQ("FailedPrecondition: pemilik is locked after 5 wrong PINs until 2026-11-22 19:01 WIB",
            Pin(Role::kOwner, kOwnerPin));
  clock_.Advance(60s);
  EXPECT_EQ("PermissionDenied: wrong PIN for pemilik; locked for 2 minute(s)",
            Pin(Role::kOwner, "0000"));
  EXPECT_EQ("FailedPrecondition: pemilik is locked after 6 wrong PINs until 2026-11-22 19:03 WIB",
            Pin(Role::kOwner, kOwnerPin));
  clock_.Advance(119s);
  EXPECT_EQ("FailedPrecondition: pemilik is locked after 6 wrong PINs until 2026-11-22 19:03 WIB",
            Pin(Role::kOwner, kOwnerPin));
  clock_.Advance(1s);
  EXPECT_EQ("OK", Pin(Role::kOwner, kOwnerPin));
}

// ---- the journal and Verify --------------------------------------------------------------

// A closed day: two sales, a void and the Z; five entries.
class StoreJournalTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ("20261122-0001", Sell(20000, {Cash(20000)}));
    ASSERT_EQ("20261122-0002", Sell(15000, {Qris(15000)}));
    ASSERT_EQ("voided 20261122-0001: salah input", Void("20261122-0001", kOwnerPin));
    ASSERT_EQ("OK", store_->CloseDay(Rp(0)).status().ToString());
  }
};

TEST_F(StoreJournalTest, EntriesFormAGaplessHashChain) {
  Result<std::vector<JournalEntry>> entries = store_->Entries(1, 100);
  ASSERT_EQ("OK", entries.status().ToString());
  EXPECT_EQ("day_open,sale,sale,void,day_close", Kinds());
  Sha256Digest previous{};  // zeros before entry 1
  for (size_t i = 0; i < entries->size(); ++i) {
    const JournalEntry& entry = (*entries)[i];
    SCOPED_TRACE(entry.seq);
    EXPECT_EQ(static_cast<int64_t>(i) + 1, entry.seq);
    EXPECT_EQ(HexEncode(previous), HexEncode(entry.prev_hash));
    EXPECT_EQ(HexEncode(ComputeEntryHash(entry)), HexEncode(entry.hash));
    EXPECT_EQ("T1", entry.terminal_id);
    EXPECT_EQ(kDay, entry.business_day);
    previous = entry.hash;
  }
  Result<std::vector<JournalEntry>> middle = store_->Entries(2, 2);
  ASSERT_EQ("OK", middle.status().ToString());
  ASSERT_EQ(2u, middle->size());
  EXPECT_EQ("2 3", fmt::format("{} {}", (*middle)[0].seq, (*middle)[1].seq));
  EXPECT_EQ(0u, store_->Entries(6, 10)->size());

  Result<VerifyReport> report = store_->Verify();
  EXPECT_EQ("ok: 5 entries, 2 sales", Describe(report));
  EXPECT_EQ(0, report->first_bad_seq);
  EXPECT_EQ("", report->problem);
}

TEST_F(StoreJournalTest, VerifyNamesTheFirstTamperedEntry) {
  RawDb raw(path_);
  ASSERT_EQ("OK", raw.Exec("DROP TRIGGER journal_is_never_updated"));
  // One byte of the void's reason.
  ASSERT_EQ(
      "OK",
      raw.Exec(
          "UPDATE journal SET body = replace(body, 'salah input', 'salah inpuT') WHERE seq = 4"));
  EXPECT_EQ("entry 4: its hash does not match its contents", Describe(store_->Verify()));
  // An amount of the first sale: now that is the first bad entry.
  ASSERT_EQ("OK",
            raw.Exec("UPDATE journal SET body = replace(body, '20000', '20001') WHERE seq = 2"));
  Result<VerifyReport> report = store_->Verify();
  EXPECT_EQ("entry 2: its hash does not match its contents", Describe(report));
  EXPECT_FALSE(report->ok);
}

// The sales, voids and days tables index the journal; Verify must notice a row that
// disagrees with its entry, and name that entry.
struct IndexTamper {
  const char* name;
  const char* sql;
  int64_t bad_seq;
};
void PrintTo(const IndexTamper& tamper, std::ostream* out) { *out << tamper.name; }

class StoreIndexTamperTest : public StoreJournalTest,
                             public ::testing::WithParamInterface<IndexTamper> {};

TEST_P(StoreIndexTamperTest, VerifyNamesTheEntryTheIndexDisagreesWith) {
  ASSERT_EQ("OK", RawDb(path_).Exec(GetParam().sql));
  Result<VerifyReport> report = store_->Verify();
  ASSERT_EQ("OK", report.status().ToString());
  EXPECT_FALSE(report->ok) << Describe(report);
  EXPECT_EQ(GetParam().bad_seq, report->first_bad_seq) << Describe(report);
}

INSTANTIATE_TEST_SUITE_P(
    , StoreIndexTamperTest,
    ::testing::Values(
        IndexTamper{"SaleTotal", "UPDATE sales SET total = total + 1 WHERE seq = 3", 3},
        IndexTamper{"SaleDay", "UPDATE sales SET day_number = 2 WHERE seq = 3", 3},
        IndexTamper{"VoidReason", "UPDATE voids SET reason = 'tidak jadi' WHERE seq = 4", 4},
        IndexTamper{"DayFloat", "UPDATE days SET opening_float = 50000 WHERE day_number = 1", 1},
        IndexTamper{"DayZNumber", "UPDATE days SET z_number = 9 WHERE day_number = 1", 5}),
    [](const ::testing::TestParamInfo<IndexTamper>& param) {
      return std::string(param.param.name);
    });

TEST_F(StoreJournalTest, TriggersRefuseUpdatesDeletesAndGaps) {
  RawDb raw(path_);
  EXPECT_EQ("journal entries are never updated",
            raw.Exec("UPDATE journal SET business_day = '2026-11-21' WHERE seq = 1"));
  EXPECT_EQ("journal entries are never deleted", raw.Exec("DELETE FROM journal WHERE seq = 5"));
  const auto insert = [](int seq) {
    return fmt::format(
        "INSERT INTO journal (seq, uuid, kind, time_utc_ms, business_day, body, prev_hash, hash) "
        "VALUES ({}, 'forged', 'sale', 0, '2026-11-22', '{{}}', zeroblob(32), randomblob(32))",
        seq);
  };
  EXPECT_EQ("journal sequence numbers are gapless", raw.Exec(insert(7)));
  EXPECT_EQ("journal sequence numbers are gapless", raw.Exec(insert(3)));
  EXPECT_EQ("ok: 5 entries, 2 sales", Describe(store_->Verify()));
  // The next seq is let in by SQL, but it does not chain.
  ASSERT_EQ("OK", raw.Exec(insert(6)));
  EXPECT_EQ("entry 6: does not chain to the entry before it", Describe(store_->Verify()));
}

// ---- catalog -----------------------------------------------------------------------------

TEST_F(StoreCatalogTest, ImportAddsOrUpdatesBySkuKeepingTheOrder) {
  ASSERT_EQ(
      "OK",
      store_->ImportCatalog({Item("TEH", 5000), Item("KOPI", 8000), Item("MIE", 12000)}, false)
          .ToString());
  EXPECT_EQ("TEH 5000, KOPI 8000, MIE 12000", Catalog(true));
  ASSERT_EQ("OK",
            store_->ImportCatalog({Item("ROTI", 6000), Item("MIE", 13000, "Mie goreng")}, false)
                .ToString());
  EXPECT_EQ("TEH 5000, KOPI 8000, MIE 13000, ROTI 6000", Catalog(true));
  EXPECT_EQ("MIE 'Mie goreng' Minuman Rp13.000", Describe(store_->FindProduct("MIE")));
}

TEST_F(StoreCatalogTest, DeactivateMissingHidesTheOthers) {
  ASSERT_EQ(
      "OK",
      store_->ImportCatalog({Item("TEH", 5000), Item("KOPI", 8000), Item("MIE", 12000)}, false)
          .ToString());
  ASSERT_EQ("OK",
            store_->ImportCatalog({Item("KOPI", 9000)}, /*deactivate_missing=*/true).ToString());
  EXPECT_EQ("TEH 5000 (off), KOPI 9000, MIE 12000 (off)", Catalog(true));
  EXPECT_EQ("KOPI 9000", Catalog(false));
  ASSERT_EQ("OK", store_->ImportCatalog({Item("MIE", 12000)}, false).ToString());
  EXPECT_EQ("KOPI 9000, MIE 12000", Catalog(false));  // back in its old place
}

TEST_F(StoreCatalogTest, SaveProductEditsOrAdds) {
  ASSERT_EQ("OK", store_->ImportCatalog({Item("TEH", 5000), Item("KOPI", 8000)}, false).ToString());
  ASSERT_EQ("OK", store_->SaveProduct(Item("KOPI", 10000, "Kopi susu")).ToString());
  EXPECT_EQ("KOPI 'Kopi susu' Minuman Rp10.000", Describe(store_->FindProduct("KOPI")));
  Product off = Item("TEH", 5000);
  off.active = false;
  ASSERT_EQ("OK", store_->SaveProduct(off).ToString());
  ASSERT_EQ("OK", store_->SaveProduct(Item("ROTI", 6000)).ToString());
  EXPECT_EQ("TEH 5000 (off), KOPI 10000, ROTI 6000", Catalog(true));
  EXPECT_EQ("KOPI 10000, ROTI 6000", Catalog(false));
}

TEST_F(StoreCatalogTest, AnInvalidProductChangesNothing) {
  ASSERT_EQ("OK", store_->ImportCatalog({Item("TEH", 5000), Item("KOPI", 8000)}, false).ToString());
  EXPECT_EQ("InvalidArgument: product MIE: price must be more than Rp0",
            store_->ImportCatalog({Item("ROTI", 6000), Item("MIE", 0)}, /*deactivate_missing=*/true)
                .ToString());
  EXPECT_EQ("InvalidArgument: sku 'ES TEH' may hold only letters, digits, '.', '_' and '-'",
            store_->SaveProduct(Item("ES TEH", 5000)).ToString());
  EXPECT_EQ("InvalidArgument: name is empty",
            store_->SaveProduct(Item("TEH", 6000, "")).ToString());
  EXPECT_EQ("TEH 5000, KOPI 8000", Catalog(true));
  EXPECT_EQ("NotFound: no product with sku 'MIE'", Describe(store_->FindProduct("MIE")));
}

// ---- preferences -------------------------------------------------------------------------

TEST_F(StoreTest, PreferencesSurviveAReopenAndAreNotBooks) {
  EXPECT_FALSE(store_->Preference("language")->has_value());
  ASSERT_EQ("OK", store_->SetPreference("language", "en").ToString());
  ASSERT_EQ("OK", store_->SetPreference("language", "id").ToString());
  EXPECT_EQ("InvalidArgument: 'Bahasa' is not a preference name",
            store_->SetPreference("Bahasa", "id").ToString());
  EXPECT_EQ("InvalidArgument: a preference is at most 200 bytes of text",
            store_->SetPreference("language", std::string(201, 'x')).ToString());
  ASSERT_EQ("OK", Open());  // a restart
  EXPECT_EQ("id", store_->Preference("language")->value_or("unset"));
  EXPECT_EQ("", Kinds());  // nothing in the journal
  EXPECT_EQ("LPK-07", store_->Info()->stall_id);  // the stall's settings are untouched
}

}  // namespace
}  // namespace lapak

namespace lapak {
namespace {

using StoreSyncErrorTest = StoreTest;

// The last sync error is kept coded, so the screen says it in the vendor's language later.
TEST_F(StoreSyncErrorTest, TheLastSyncErrorIsKeptCodedAndBounded) {
  ASSERT_TRUE(store_->Enrol({"http://ledger:8080", std::string(32, 'k')}).ok());
  const Status refused = RefuseAt(Refusal::kLedgerAnswered, 422, 4, 4)(
      RefuseAt(Refusal::kAtEntry, 4)(Refuse(Refusal::kNoDayOpen)));
  ASSERT_TRUE(store_->RecordSyncError(refused).ok());
  const Status kept = store_->Progress()->last_error;
  EXPECT_EQ(Refusal::kLedgerAnswered, kept.refusal());
  EXPECT_EQ(refused.message(), kept.message());
  EXPECT_EQ("Ledger menjawab 422 untuk entri 4-4: entri 4: belum ada hari yang dibuka",
            Explain(kept, Language::kIndonesian));

  // An error too long to keep coded is kept as its first 200 bytes of English.
  const Status huge = Status::IoError(std::string(10000, 'x'));
  ASSERT_TRUE(store_->RecordSyncError(huge).ok());
  const Status cut = store_->Progress()->last_error;
  EXPECT_EQ(StatusCode::kIoError, cut.code());
  EXPECT_EQ(std::string(200, 'x'), cut.message());
}

}  // namespace
}  // namespace lapak
