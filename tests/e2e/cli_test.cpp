// End-to-end: the real `lapak` binary on the sample catalogs in ../shared/data.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tests/support/damaged_file.h"
#include "core/qris.h"
#include "tests/support/escpos_decoder.h"
#include "tests/support/process.h"
#include "tests/support/qr_picture.h"
#include "tests/support/stall_qris.h"

namespace lapak {
namespace {

using nlohmann::json;
using testing::RunResult;

const std::string kLapak = LAPAK_CLI_PATH;
const std::string kSampleData = LAPAK_SAMPLE_DATA;
// 2026-11-22 19:00 WIB: every run sees the same business day, whatever the wall clock says.
// Errors in English, which the assertions below quote; LanguageDefaultsToIndonesian checks the default.
const std::vector<std::string> kFixedClock = {"LAPAK_NOW=2026-11-22T12:00:00Z", "LAPAK_LANG=en"};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult init = Lapak({"init", "--stall-id", "BKS-07", "--stall-name", "Bakso Pak Kumis",
                            "--terminal-id", "T1", "--owner-pin", "9999", "--cashier-pin", "1234"});
    ASSERT_EQ(0, init.exit_code) << init.err;
  }

  RunResult Lapak(std::vector<std::string> args) { return LapakOn(db_, std::move(args)); }
  RunResult LapakOn(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {kLapak, "--db", db});
    return testing::Run(args, kFixedClock);
  }
  // `lapak sell-batch` with `input` on stdin, and `env` added to the environment.
  RunResult SellBatch(const std::string& input, const std::string& pin = "1234",
                      const std::vector<std::string>& env = kFixedClock) {
    return testing::RunWithInput({kLapak, "--db", db_, "sell-batch", "--pin", pin}, input, env);
  }
  // Runs with --json and expects success; the parsed output.
  json LapakJson(std::vector<std::string> args) {
    args.push_back("--json");
    RunResult result = Lapak(args);
    EXPECT_EQ(0, result.exit_code) << result.err;
    return json::parse(result.out);
  }
  void ImportBakso() {
    RunResult import = Lapak({"catalog", "import", kSampleData + "/catalog-bakso.csv", "--pin", "9999"});
    ASSERT_EQ(0, import.exit_code) << import.err;
  }
  // The journal export, to prove a refused command changed nothing.
  std::string Journal() {
    RunResult exported = Lapak({"export"});
    EXPECT_EQ(0, exported.exit_code) << exported.err;
    return exported.out;
  }

  testing::TempDir dir_;
  std::string db_ = dir_.File("stall.db");
};

TEST_F(CliTest, DatabaseIsPrivateToItsOwner) {
  struct stat info {};
  ASSERT_EQ(0, ::stat(db_.c_str(), &info));
  EXPECT_EQ(0600u, info.st_mode & 0777);
}

TEST_F(CliTest, ImportsBothSampleCatalogsAndExportsThemBack) {
  for (const std::string name : {"catalog-bakso.csv", "catalog-oleh-oleh.csv"}) {
    RunResult import = Lapak({"catalog", "import", kSampleData + "/" + name, "--pin", "9999"});
    ASSERT_EQ(0, import.exit_code) << import.err;
  }
  const json products = LapakJson({"catalog", "list"});
  ASSERT_EQ(18u, products.size());
  EXPECT_EQ("Keripik Sriping Ubi Kayu, Pedas", products[11]["name"]);
  EXPECT_EQ("Taplak Sulaman 40×40 cm", products[16]["name"]);
  EXPECT_EQ(85000, products[16]["price"]);

  // What export writes imports back into a fresh terminal unchanged.
  const std::string exported = Lapak({"catalog", "export"}).out;
  testing::TempDir other;
  testing::WriteFile(other.File("catalog.csv"), exported);
  const std::string other_db = other.File("other.db");
  ASSERT_EQ(0, testing::Run({kLapak, "--db", other_db, "init", "--stall-id", "S2", "--stall-name", "Oleh",
                             "--terminal-id", "T2", "--owner-pin", "1111", "--cashier-pin", "2222"},
                            kFixedClock)
                   .exit_code);
  ASSERT_EQ(0, testing::Run({kLapak, "--db", other_db, "catalog", "import", other.File("catalog.csv"),
                             "--pin", "1111"})
                   .exit_code);
  EXPECT_EQ(exported, testing::Run({kLapak, "--db", other_db, "catalog", "export"}).out);
}

TEST_F(CliTest, MalformedCatalogIsRefusedWholeNamingLineAndColumn) {
  ImportBakso();
  const std::string before = Lapak({"catalog", "export"}).out;
  testing::WriteFile(dir_.File("bad.csv"),
                     "sku,name,category,price\nNEW-1,Baru,Makanan,10000\nBKS-01,Bakso Urat,Makanan,murah\n");
  RunResult import = Lapak({"catalog", "import", dir_.File("bad.csv"), "--pin", "9999"});
  EXPECT_EQ(2, import.exit_code);
  EXPECT_NE(std::string::npos, import.err.find("line 3, column 4 (price): 'murah' is not an amount")) << import.err;
  EXPECT_EQ(before, Lapak({"catalog", "export"}).out);
}

TEST_F(CliTest, CatalogImportNeedsTheOwnersPin) {
  RunResult cashier = Lapak({"catalog", "import", kSampleData + "/catalog-bakso.csv", "--pin", "1234"});
  EXPECT_EQ(4, cashier.exit_code);
  // The cashier's own right PIN, as the cashier: the role may not change the catalog.
  RunResult as_cashier =
      Lapak({"catalog", "import", kSampleData + "/catalog-bakso.csv", "--as", "kasir", "--pin", "1234"});
  EXPECT_EQ(4, as_cashier.exit_code);
  EXPECT_NE(std::string::npos, as_cashier.err.find("only the owner (pemilik) may change the catalog, not the kasir"))
      << as_cashier.err;
  EXPECT_EQ(0u, LapakJson({"catalog", "list"}).size());
}

// Issue 13: the stall's static QRIS, set once by the owner from the sticker's text or a file,
// and the dynamic code of a payment derived from it.
TEST_F(CliTest, TheOwnerSetsTheStallsQrisAndEachAmountGetsItsDynamicCode) {
  RunResult unset = Lapak({"qris", "for", "20000"});
  EXPECT_EQ(5, unset.exit_code);
  EXPECT_NE(std::string::npos, unset.err.find("the stall's QRIS code is not set")) << unset.err;

  RunResult cashier = Lapak({"qris", "set", testing::kStallQris, "--as", "kasir", "--pin", "1234"});
  EXPECT_EQ(4, cashier.exit_code);
  EXPECT_NE(std::string::npos, cashier.err.find("only the owner (pemilik) may set the stall's QRIS code")) << cashier.err;
  const std::string file = dir_.File("qris.txt");
  std::string damaged = testing::kStallQris;
  damaged.replace(damaged.find("JAKARTA"), 7, "BANDUNG");  // the CRC no longer matches
  testing::WriteFile(file, damaged + "\r\n");
  RunResult refused = Lapak({"qris", "set", "--file", file, "--pin", "9999"});
  EXPECT_EQ(2, refused.exit_code);
  EXPECT_NE(std::string::npos, refused.err.find("the QRIS code is not whole")) << refused.err;
  EXPECT_EQ(5, Lapak({"qris", "show"}).exit_code);

  testing::WriteFile(file, "\xEF\xBB\xBF" + std::string(testing::kStallQris) + "\r\n");  // as Notepad saves it
  const json set = LapakJson({"qris", "set", "--file", file, "--pin", "9999"});
  EXPECT_EQ("WARUNG UJI", set["merchant_name"]);
  EXPECT_EQ("ID1026000000002", set["nmid"]);
  EXPECT_EQ(testing::kStallQris, LapakJson({"qris", "show"})["payload"]);

  const json code = LapakJson({"qris", "for", "Rp20.000"});
  EXPECT_EQ(20000, code["amount"]);
  EXPECT_EQ(StaticQris::Parse(testing::kStallQris)->ForPayment(Money::Rupiah(20000)).value(), code["payload"]);
  EXPECT_EQ(2, Lapak({"qris", "for", "Rp10.000.001"}).exit_code);  // above Bank Indonesia's limit
  EXPECT_EQ(2, Lapak({"qris", "for", "0"}).exit_code);

  // The owner's convenience fee: in every dynamic code, shown, removable.
  EXPECT_EQ(4, Lapak({"qris", "fee", "1000", "--as", "kasir", "--pin", "1234"}).exit_code);
  EXPECT_EQ(2, Lapak({"qris", "fee", "Rp10.001", "--pin", "9999"}).exit_code);
  EXPECT_EQ(1000, LapakJson({"qris", "fee", "Rp1.000", "--pin", "9999"})["fee"]);
  EXPECT_EQ(1000, LapakJson({"qris", "show"})["fee"]);
  EXPECT_EQ(StaticQris::Parse(testing::kStallQris)->ForPayment(Money::Rupiah(20000), Money::Rupiah(1000)).value(),
            LapakJson({"qris", "for", "20000"})["payload"]);
  EXPECT_TRUE(LapakJson({"qris", "fee", "--none", "--pin", "9999"})["fee"].is_null());
  EXPECT_TRUE(LapakJson({"qris", "show"})["fee"].is_null());

  // From a photo of the sticker, given or found on a USB stick.
  const std::string photo = dir_.File("stiker.jpg");
  ASSERT_TRUE(testing::WriteQrPicture(testing::kStallQris, photo, testing::PictureFormat::kJpeg));
  EXPECT_EQ("WARUNG UJI", LapakJson({"qris", "set", "--image", photo, "--pin", "9999"})["merchant_name"]);
  const std::string media = dir_.File("media");
  std::filesystem::create_directories(media + "/STICK");
  const std::vector<std::string> from_usb = {kLapak, "--db", db_, "qris", "set", "--usb", "--pin", "9999"};
  RunResult none = testing::Run(from_usb, {kFixedClock[0], "LAPAK_MEDIA_ROOTS=" + media});
  EXPECT_EQ(3, none.exit_code) << none.err;  // not found
  EXPECT_NE(std::string::npos, none.err.find("qris.png")) << none.err;
  std::filesystem::copy_file(photo, media + "/STICK/qris.jpg");
  RunResult found = testing::Run(from_usb, {kFixedClock[0], "LAPAK_MEDIA_ROOTS=" + media});
  EXPECT_EQ(0, found.exit_code) << found.err;
  EXPECT_EQ(2, Lapak({"qris", "set", "--image", photo, "--usb", "--pin", "9999"}).exit_code);  // one source
}

// Without $LAPAK_LANG a vendor reads Bahasa Indonesia; --json also names the refusal's code.
TEST_F(CliTest, RefusalsAreSaidInIndonesianByDefault) {
  const std::vector<std::string> import = {kLapak, "--db", db_, "catalog", "import",
                                           kSampleData + "/catalog-bakso.csv", "--as", "kasir", "--pin", "1234"};
  RunResult said = testing::Run(import, {kFixedClock[0]});
  EXPECT_EQ(4, said.exit_code);
  EXPECT_EQ("lapak: Hanya pemilik yang dapat mengubah katalog, bukan kasir\n", said.err);

  std::vector<std::string> as_json = import;
  as_json.push_back("--json");
  RunResult coded = testing::Run(as_json, {kFixedClock[0]});
  const json error = json::parse(coded.err);
  EXPECT_EQ("OwnerEditsCatalog", error["refusal"]);
  EXPECT_EQ("PermissionDenied", error["code"]);
  EXPECT_EQ("Hanya pemilik yang dapat mengubah katalog, bukan kasir", error["error"]);

  RunResult english = testing::Run(import, {kFixedClock[0], "LAPAK_LANG=en"});
  EXPECT_EQ("lapak: only the owner (pemilik) may change the catalog, not the kasir\n", english.err);
}

TEST_F(CliTest, CashSaleWithDiscountPrintsReceiptAndChange) {
  ImportBakso();
  RunResult sell = Lapak({"sell", "--item", "BKS-01:2", "--item", "MNM-01", "--discount", "10%",
                          "--pay", "cash:Rp50.000", "--pin", "1234"});
  ASSERT_EQ(0, sell.exit_code) << sell.err;
  EXPECT_NE(std::string::npos, sell.out.find("TOTAL                             Rp40.500"));
  EXPECT_NE(std::string::npos, sell.out.find("Kembali                            Rp9.500"));

  const json history = LapakJson({"history"});
  ASSERT_EQ(1u, history.size());
  EXPECT_EQ(40500, history[0]["total"]);
  EXPECT_EQ(9500, history[0]["change"]);
}

TEST_F(CliTest, UnderPaidSaleIsRefusedAndRecordsNothing) {
  ImportBakso();
  const std::string before = Journal();
  RunResult sell = Lapak({"sell", "--item", "BKS-03", "--pay", "cash:20000", "--pin", "1234"});
  EXPECT_EQ(5, sell.exit_code);
  EXPECT_NE(std::string::npos, sell.err.find("under-paid: Rp5.000 of Rp25.000 still due")) << sell.err;
  EXPECT_EQ(before, Journal());
}

TEST_F(CliTest, AbsurdAmountsAndWrongPinChangeNothing) {
  ImportBakso();
  const std::string before = Journal();
  EXPECT_EQ(2, Lapak({"sell", "--custom", "999.999.999.999", "--pay", "cash", "--pin", "1234"}).exit_code);
  EXPECT_EQ(2, Lapak({"sell", "--item", "BKS-01:100000", "--pay", "cash", "--pin", "1234"}).exit_code);
  EXPECT_EQ(3, Lapak({"sell", "--item", "NOPE", "--pay", "cash", "--pin", "1234"}).exit_code);
  EXPECT_EQ(4, Lapak({"sell", "--item", "BKS-01", "--pay", "cash", "--pin", "0000"}).exit_code);
  // Cash received that leaves a note's worth of change or more is a typing error (issue 12).
  RunResult absurd_cash = Lapak({"sell", "--item", "BKS-01", "--pay", "cash:900000000", "--pin", "1234"});
  EXPECT_EQ(2, absurd_cash.exit_code);
  EXPECT_NE(std::string::npos, absurd_cash.err.find("change of Rp899.980.000 is not plausible")) << absurd_cash.err;
  EXPECT_EQ(before, Journal());
}

TEST_F(CliTest, SplitCashAndQrisVoidAndDayCloseGiveTheZReport) {
  ImportBakso();
  ASSERT_EQ(0, Lapak({"day", "open", "--float", "200.000", "--pin", "1234"}).exit_code);
  const json first = LapakJson({"sell", "--item", "BKS-05", "--item", "MNM-02", "--pay", "qris:20000",
                                "--pay", "cash:10000", "--pin", "1234"});
  EXPECT_EQ(29000, first["total"]);
  EXPECT_EQ(1000, first["change"]);
  const json second = LapakJson({"sell", "--item", "BKS-02:3", "--pay", "transfer", "--pin", "1234"});
  EXPECT_EQ(54000, second["total"]);

  RunResult wrong = Lapak({"void", second["receipt"], "--reason", "dobel", "--pin", "1234"});
  EXPECT_EQ(4, wrong.exit_code);
  const json voided = LapakJson({"void", second["receipt"], "--reason", "dobel", "--pin", "9999"});
  EXPECT_TRUE(voided["voided"]);
  EXPECT_EQ(5, Lapak({"void", second["receipt"], "--reason", "lagi", "--pin", "9999"}).exit_code);

  const json report = LapakJson({"report"});
  EXPECT_EQ(83000, report["figures"]["gross"]);
  EXPECT_EQ(29000, report["figures"]["net"]);
  EXPECT_EQ(209000, report["expected_cash_now"]);

  const json z = LapakJson({"day", "close", "--counted", "208.000", "--pin", "1234"});
  EXPECT_EQ(1, z["z_number"]);
  EXPECT_EQ(2, z["figures"]["sales"]);
  EXPECT_EQ(1, z["figures"]["voids_count"]);
  EXPECT_EQ(9000, z["figures"]["by_method"]["cash"]);
  EXPECT_EQ(20000, z["figures"]["by_method"]["qris"]);
  EXPECT_EQ(0, z["figures"]["by_method"]["transfer"]);
  EXPECT_EQ(209000, z["expected_cash"]);
  EXPECT_EQ(-1000, z["over_short"]);
  EXPECT_EQ(z, LapakJson({"report", "--z", "1"}));

  const json verify = LapakJson({"verify"});
  EXPECT_TRUE(verify["ok"]);
  EXPECT_EQ(5, verify["entries"]);  // open, sale, sale, void, close: refusals wrote nothing
}

// Issue 13: a receipt printed again (a reprint) and the Z printed at day close, to a device
// standing for /dev/usb/lp0; a printer not there exits 9, says so, and changes nothing.
TEST_F(CliTest, AReceiptIsReprintedAndTheZPrintedAndAMissingPrinterChangesNothing) {
  ImportBakso();
  const json sale = LapakJson({"sell", "--item", "BKS-01:2", "--pay", "cash:50000", "--pin", "1234"});
  const std::string receipt = sale["receipt"];
  const std::string journal = Journal();

  RunResult unplugged = Lapak({"receipt", receipt, "--print", dir_.File("lp9")});
  EXPECT_EQ(9, unplugged.exit_code);
  EXPECT_NE(std::string::npos, unplugged.err.find("cannot be reached")) << unplugged.err;
  EXPECT_NE(std::string::npos, unplugged.out.find("Struk " + receipt)) << "the receipt is still shown";
  EXPECT_EQ(2, Lapak({"receipt", receipt, "--print", "printer"}).exit_code);  // not an address
  EXPECT_EQ(journal, Journal());

  const std::string lp0 = dir_.File("lp0");
  testing::WriteFile(lp0, "");
  ASSERT_EQ(0, Lapak({"receipt", receipt, "--print", lp0}).exit_code);
  const testing::PrintedPage page = testing::DecodeEscPos(testing::ReadFile(lp0));
  EXPECT_EQ(std::vector<std::string>(), page.errors);
  ASSERT_GE(page.lines.size(), 6u);
  EXPECT_EQ("Bakso Pak Kumis", page.lines[0]);
  EXPECT_EQ("Struk " + receipt, page.lines[1]);
  EXPECT_NE(std::find(page.lines.begin(), page.lines.end(), "TOTAL                   Rp40.000"), page.lines.end());
  EXPECT_EQ(1u, page.images.size());  // the e-receipt's QR code
  EXPECT_EQ(3, Lapak({"receipt", "20261122-0099", "--print", lp0}).exit_code);

  const std::string z_printer = dir_.File("z-printer");
  testing::WriteFile(z_printer, "");
  ASSERT_EQ(0, Lapak({"day", "close", "--counted", "40.000", "--print", z_printer, "--pin", "1234"}).exit_code);
  const testing::PrintedPage z = testing::DecodeEscPos(testing::ReadFile(z_printer));
  EXPECT_EQ(std::vector<std::string>(), z.errors);
  ASSERT_GE(z.lines.size(), 2u);
  EXPECT_EQ("LAPORAN Z #1          2026-11-22", z.lines[1]);
  EXPECT_EQ(1, z.cuts);
}

TEST_F(CliTest, ThePrinterIsChosenAndTestedAndABadAddressIsRefused) {
  EXPECT_EQ(2, Lapak({"printer", "set", "lp0", "--pin", "1234"}).exit_code);
  EXPECT_EQ(4, Lapak({"printer", "set", "/dev/usb/lp0", "--pin", "0000"}).exit_code);
  EXPECT_EQ("", LapakJson({"printer", "show"})["printer"]);
  const std::string device = dir_.File("rfcomm0");
  testing::WriteFile(device, "");
  EXPECT_EQ(device, LapakJson({"printer", "set", device, "--pin", "1234"})["printer"]);
  EXPECT_EQ(device, LapakJson({"printer", "show"})["printer"]);
  ASSERT_EQ(0, Lapak({"printer", "test"}).exit_code);
  const testing::PrintedPage page = testing::DecodeEscPos(testing::ReadFile(device));
  EXPECT_EQ(std::vector<std::string>(), page.errors);
  EXPECT_NE(std::find(page.lines.begin(), page.lines.end(), "Printer siap"), page.lines.end());
  EXPECT_EQ(9, Lapak({"printer", "test", "tcp:127.0.0.1:1"}).exit_code);  // nothing listens there
  EXPECT_EQ("", LapakJson({"printer", "set", "--none", "--pin", "9999", "--as", "pemilik"})["printer"]);

  // The footer is the owner's, bounded, and printed under each receipt.
  EXPECT_EQ(4, Lapak({"printer", "footer", "Terima kasih", "--pin", "1234"}).exit_code);
  EXPECT_EQ(2, Lapak({"printer", "footer", std::string(65, 'a'), "--pin", "9999", "--as", "pemilik"}).exit_code);
  const std::string footer = "Terima kasih, sampai jumpa di Expo UMKM Bekasi";
  EXPECT_EQ(footer, LapakJson({"printer", "footer", footer, "--pin", "9999", "--as", "pemilik"})["footer"]);
  EXPECT_EQ(footer, LapakJson({"printer", "show"})["footer"]);
  ImportBakso();
  const std::string receipt = LapakJson({"sell", "--item", "BKS-01", "--pay", "cash:25000", "--pin", "1234"})["receipt"];
  const std::string lp0 = dir_.File("lp0");
  testing::WriteFile(lp0, "");
  ASSERT_EQ(0, Lapak({"receipt", receipt, "--print", lp0}).exit_code);
  const testing::PrintedPage printed = testing::DecodeEscPos(testing::ReadFile(lp0));
  const auto line = [&](const std::string& text) {
    return std::find(printed.lines.begin(), printed.lines.end(), text) != printed.lines.end();
  };
  EXPECT_TRUE(line("Terima kasih, sampai jumpa di")) << "wrapped at 32 columns";
  EXPECT_TRUE(line("Expo UMKM Bekasi"));
}

// Kas masuk/keluar from the command line: the owner's PIN, a reason, never more out than the
// drawer holds; the day report lists them and the Z counts them in the expected cash.
TEST_F(CliTest, CashInAndOutCorrectTheDrawerWithTheOwnersPin) {
  EXPECT_EQ(5, Lapak({"day", "cash-in", "50.000", "--reason", "koreksi", "--pin", "9999"}).exit_code);  // no day
  ASSERT_EQ(0, Lapak({"day", "open", "--float", "100.000", "--pin", "1234"}).exit_code);
  const std::string before = Journal();
  RunResult cashier = Lapak({"day", "cash-out", "10.000", "--reason", "setor", "--pin", "1234"});
  EXPECT_EQ(4, cashier.exit_code);
  EXPECT_NE(std::string::npos, cashier.err.find("wrong PIN for pemilik")) << cashier.err;
  RunResult too_much = Lapak({"day", "cash-out", "100.001", "--reason", "setor", "--pin", "9999"});
  EXPECT_NE(0, too_much.exit_code);
  EXPECT_NE(std::string::npos, too_much.err.find("more than the drawer should hold (Rp100.000)"))
      << too_much.err;
  EXPECT_EQ(before, Journal());

  const json in = LapakJson({"day", "cash-in", "50.000", "--reason", "Koreksi kas awal", "--pin", "9999"});
  EXPECT_EQ("in", in["direction"]);
  EXPECT_EQ(50000, in["amount"]);
  LapakJson({"sell", "--custom", "20000", "--pay", "cash", "--pin", "1234"});
  const json out = LapakJson({"day", "cash-out", "120000", "--reason", "Setor ke pemilik", "--pin", "9999"});
  EXPECT_EQ("out", out["direction"]);

  const json report = LapakJson({"report"});
  ASSERT_EQ(2u, report["cash_moves"].size());
  EXPECT_EQ("Setor ke pemilik", report["cash_moves"][1]["reason"]);
  EXPECT_EQ(50000, report["expected_cash_now"]);  // 100.000 + 50.000 + 20.000 − 120.000
  EXPECT_EQ(20000, report["figures"]["net"]);
  RunResult text = Lapak({"report"});
  EXPECT_NE(std::string::npos, text.out.find("Koreksi kas awal")) << text.out;

  const json z = LapakJson({"day", "close", "--counted", "50.000", "--pin", "1234"});
  EXPECT_EQ(50000, z["cash_in"]);
  EXPECT_EQ(120000, z["cash_out"]);
  EXPECT_EQ(0, z["over_short"]);
  RunResult z_text = Lapak({"report", "--z", "1"});
  EXPECT_NE(std::string::npos, z_text.out.find("Kas keluar")) << z_text.out;
  EXPECT_TRUE(LapakJson({"verify"})["ok"]);
}

TEST_F(CliTest, ExportIsTheWholeChainAsCsv) {
  ImportBakso();
  ASSERT_EQ(0, Lapak({"sell", "--item", "TMB-01", "--pay", "cash", "--pin", "1234"}).exit_code);
  const std::string csv = Journal();
  EXPECT_EQ(0u, csv.find("seq,uuid,kind,time_utc,business_day,prev_hash,hash,body\n1,"));
  EXPECT_NE(std::string::npos, csv.find(",day_open,"));
  EXPECT_NE(std::string::npos, csv.find(",sale,"));
}

TEST_F(CliTest, InitTwiceIsRefused) {
  RunResult again = Lapak({"init", "--stall-id", "X", "--stall-name", "X", "--terminal-id", "T9",
                           "--owner-pin", "1111", "--cashier-pin", "2222"});
  EXPECT_EQ(5, again.exit_code);
  EXPECT_EQ("lapak: this terminal is already set up for stall BKS-07\n", again.err);
}

// Issue 12: a refused init left an empty database behind, which the next init then refused.
TEST_F(CliTest, ARefusedInitLeavesNothingBehind) {
  const std::string other = db_ + ".other";
  RunResult bad_pin = testing::Run({kLapak, "--db", other, "init", "--stall-id", "X", "--stall-name", "X",
                                    "--terminal-id", "T9", "--owner-pin", "12", "--cashier-pin", "2222"},
                                   kFixedClock);
  EXPECT_EQ(2, bad_pin.exit_code);
  EXPECT_NE(std::string::npos, bad_pin.err.find("owner PIN: a PIN is 4 to 8 digits")) << bad_pin.err;
  for (const char* suffix : {"", "-wal", "-shm"}) EXPECT_NE(0, ::access((other + suffix).c_str(), F_OK)) << suffix;
  RunResult good = testing::Run({kLapak, "--db", other, "init", "--stall-id", "X", "--stall-name", "X",
                                 "--terminal-id", "T9", "--owner-pin", "1212", "--cashier-pin", "2222"},
                                kFixedClock);
  EXPECT_EQ(0, good.exit_code) << good.err;
  // A refused init of a database set up already leaves it as it was.
  EXPECT_EQ(5, Lapak({"init", "--stall-id", "X", "--stall-name", "X", "--terminal-id", "T9", "--owner-pin",
                      "1111", "--cashier-pin", "2222"}).exit_code);
  EXPECT_EQ(0, ::access(db_.c_str(), F_OK));
}

TEST(CliUsageTest, BareLapakListsTheCommands) {
  RunResult bare = testing::Run({kLapak}, kFixedClock);
  EXPECT_EQ(2, bare.exit_code);
  for (const char* command :
       {"init", "catalog", "sell", "sell-batch", "void", "history", "day", "report", "verify", "sync"}) {
    EXPECT_NE(std::string::npos, bare.out.find(std::string("\n  ") + command + " ")) << command << "\n" << bare.out;
  }
}

TEST_F(CliTest, ErrorsAreJsonWithJson) {
  RunResult sell = Lapak({"sell", "--item", "NOPE", "--pay", "cash", "--pin", "1234", "--json"});
  EXPECT_EQ(3, sell.exit_code);
  const json error = json::parse(sell.err);
  EXPECT_EQ("NotFound", error["code"]);
  EXPECT_EQ("no product with sku 'NOPE'", error["error"]);
}

TEST_F(CliTest, BadCommandLinesExitWithTwo) {
  EXPECT_EQ(2, Lapak({"sell", "--item", "BKS-01"}).exit_code);  // no --pay
  EXPECT_EQ(2, Lapak({"history", "--limit", "0"}).exit_code);
  EXPECT_EQ(2, Lapak({"report", "--z", "0"}).exit_code);
  EXPECT_EQ(2, Lapak({"report", "--z", "1", "--day", "2026-11-22"}).exit_code);
  EXPECT_EQ(2, Lapak({"history", "--day", "kemarin"}).exit_code);
  const RunResult unknown = Lapak({"fly", "--json"});
  EXPECT_EQ(2, unknown.exit_code);
  EXPECT_EQ("InvalidArgument", json::parse(unknown.err)["code"]);
}

TEST_F(CliTest, AMissingDatabaseIsNotCreatedByAnythingButInit) {
  const std::string typo = dir_.File("typo.db");
  const RunResult report = testing::Run({kLapak, "--db", typo, "report"}, kFixedClock);
  EXPECT_EQ(3, report.exit_code);
  EXPECT_NE(std::string::npos, report.err.find("there is no database at")) << report.err;
  EXPECT_NE(0, ::access(typo.c_str(), F_OK));
}

TEST_F(CliTest, VerifyNamesATamperedEntryAndExitsWithSix) {
  ImportBakso();
  ASSERT_EQ(0, Lapak({"sell", "--item", "BKS-01", "--pay", "cash", "--pin", "1234"}).exit_code);
  ASSERT_EQ(0, Lapak({"sell", "--item", "MNM-01", "--pay", "cash", "--pin", "1234"}).exit_code);
  // Someone edits the first sale's price in the file, behind Lapak's back.
  sqlite3* db = nullptr;
  ASSERT_EQ(SQLITE_OK, sqlite3_open(db_.c_str(), &db));
  ASSERT_EQ(SQLITE_OK, sqlite3_exec(db,
                                    "DROP TRIGGER journal_is_never_updated;"
                                    "UPDATE journal SET body = replace(body, '20000', '2000') WHERE seq = 2",
                                    nullptr, nullptr, nullptr));
  sqlite3_close(db);
  const RunResult verify = Lapak({"verify"});
  EXPECT_EQ(6, verify.exit_code);
  EXPECT_EQ("lapak: the books fail verification at entry 2: its hash does not match its contents\n",
            verify.err);
}


// A page of the catalog lost with the power: no command reads the whole file when it opens
// the database, so the commands that do not read the catalog still work; verify names it.
TEST_F(CliTest, NoCommandChecksTheWholeFileOnOpeningVerifyDoes) {
  ImportBakso();
  ASSERT_EQ("OK", testing::DamageTable(db_, "products"));
  const RunResult sell = Lapak({"sell", "--custom", "15000:Bakso", "--pay", "cash", "--pin", "1234"});
  EXPECT_EQ(0, sell.exit_code) << sell.err;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"report"}, {"history"}, {"export"}, {"status"}}) {
    const RunResult run = Lapak(command);
    EXPECT_EQ(0, run.exit_code) << command.front() << ": " << run.err;
  }
  const RunResult verify = Lapak({"verify"});
  EXPECT_EQ(6, verify.exit_code);
  EXPECT_EQ(0u, verify.err.find("lapak: the books fail verification at entry 0: the database file is damaged: "))
      << verify.err;
}

// The commands that only read open the database read-only: they answer while lapak-pos (here
// a plain connection) is in the middle of a write, and take no lock it would wait for.
TEST_F(CliTest, ReadOnlyCommandsAnswerWhileAnotherProgramWrites) {
  ImportBakso();
  ASSERT_EQ(0, Lapak({"sell", "--item", "BKS-01", "--pay", "cash", "--pin", "1234"}).exit_code);
  sqlite3* writer = nullptr;
  ASSERT_EQ(SQLITE_OK, sqlite3_open(db_.c_str(), &writer));
  ASSERT_EQ(SQLITE_OK, sqlite3_exec(writer, "BEGIN IMMEDIATE; UPDATE products SET name = 'Bakso Baru'",
                                    nullptr, nullptr, nullptr));
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"report"}, {"history"}, {"export"}, {"status"}, {"verify"},
        {"catalog", "list"}, {"catalog", "export"}}) {
    const RunResult run = Lapak(command);
    EXPECT_EQ(0, run.exit_code) << command.back() << ": " << run.err;
  }
  EXPECT_EQ(1, LapakJson({"history"}).size());
  EXPECT_EQ(std::string::npos, Lapak({"catalog", "list"}).out.find("Bakso Baru"));  // not committed
  EXPECT_EQ(SQLITE_OK, sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr));
  sqlite3_close(writer);
}

TEST_F(CliTest, ResetIsRefusedWhileAnythingIsUnsentAndInitAgainIsRefused) {
  ImportBakso();
  RunResult sale = Lapak({"sell", "--item", "BKS-01", "--pay", "cash", "--pin", "1234"});
  ASSERT_EQ(0, sale.exit_code) << sale.err;
  const std::string before = Journal();
  RunResult reset = Lapak({"reset", "--pin", "9999"});
  EXPECT_EQ(5, reset.exit_code);
  EXPECT_NE(std::string::npos, reset.err.find("2 journal entries have not reached the ledger")) << reset.err;
  RunResult init = Lapak({"init", "--stall-id", "X", "--stall-name", "X", "--terminal-id", "T9",
                          "--owner-pin", "9999", "--cashier-pin", "1234"});
  EXPECT_NE(0, init.exit_code);
  EXPECT_EQ(before, Journal());
  json status = LapakJson({"status"});
  EXPECT_EQ(2, status["unsent"]);
  EXPECT_FALSE(status["enrolled"].get<bool>());
}

TEST_F(CliTest, ResetRetiresAnEmptyDatabaseSoTheTerminalCanBeSetUpAgain) {
  EXPECT_EQ(4, Lapak({"reset", "--pin", "0000"}).exit_code);  // the owner's PIN, not any
  {  // a terminal still has it open (as lapak-pos would): refused
    sqlite3* other = nullptr;
    ASSERT_EQ(SQLITE_OK, sqlite3_open(db_.c_str(), &other));
    ASSERT_EQ(SQLITE_OK, sqlite3_exec(other, "SELECT count(*) FROM journal", nullptr, nullptr, nullptr));
    RunResult refused = Lapak({"reset", "--pin", "9999"});
    sqlite3_close(other);
    EXPECT_EQ(5, refused.exit_code);
    EXPECT_NE(std::string::npos, refused.err.find("open in another program")) << refused.err;
    EXPECT_EQ(0, ::access(db_.c_str(), F_OK));
  }
  RunResult reset = Lapak({"reset", "--pin", "9999"});
  ASSERT_EQ(0, reset.exit_code) << reset.err;
  const std::string retired = db_ + ".retired-2026-11-22T12:00:00.000Z";
  EXPECT_EQ(0, ::access(retired.c_str(), F_OK)) << reset.out;
  EXPECT_NE(0, ::access(db_.c_str(), F_OK));
  RunResult verify = testing::Run({kLapak, "--db", retired, "verify"}, kFixedClock);
  EXPECT_EQ(0, verify.exit_code) << verify.err;  // the retired books are whole
  // WITA, as the touchscreen offers it, is the IANA zone Asia/Makassar (issue 12).
  const json init = LapakJson({"init", "--stall-id", "SOTO-02", "--stall-name", "Soto", "--terminal-id", "T2",
                               "--tz", "WITA", "--owner-pin", "9999", "--cashier-pin", "1234"});
  EXPECT_EQ("Asia/Makassar", init["time_zone"]);
}

// ---- lapak sell-batch: many sales from stdin, one JSON line each, one PIN check ----

// Each line of `out` parsed as JSON.
std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> lines;
  for (size_t start = 0; start < out.size();) {
    const size_t end = out.find('\n', start);
    lines.push_back(json::parse(out.substr(start, end - start)));
    start = end == std::string::npos ? out.size() : end + 1;
  }
  return lines;
}

// Sales with catalog items, quantities, a custom amount, both kinds of discount, split and
// open payments: the batch gives the receipts, day totals and history that `lapak sell` gives.
TEST_F(CliTest, SellBatchRecordsWhatTheSameSalesOneByOneRecord) {
  ImportBakso();
  const std::string one_by_one = dir_.File("one-by-one.db");
  ASSERT_EQ(0, LapakOn(one_by_one, {"init", "--stall-id", "BKS-07", "--stall-name", "Bakso Pak Kumis",
                                    "--terminal-id", "T1", "--owner-pin", "9999", "--cashier-pin", "1234"})
                   .exit_code);
  ASSERT_EQ(0, LapakOn(one_by_one, {"catalog", "import", kSampleData + "/catalog-bakso.csv", "--pin", "9999"})
                   .exit_code);
  const std::vector<std::pair<std::vector<std::string>, std::string>> sales = {
      {{"--item", "BKS-01:2", "--item", "MNM-01", "--discount", "10%", "--pay", "cash:50000"},
       R"({"items":[{"sku":"BKS-01","qty":2},{"sku":"MNM-01"}],"discount":"10%","pay":[{"method":"cash","amount":50000}]})"},
      {{"--item", "BKS-05", "--item", "MNM-02", "--pay", "qris:20000", "--pay", "cash:10000"},
       R"({"items":[{"sku":"BKS-05"},{"sku":"MNM-02"}],"pay":[{"method":"qris","amount":"Rp20.000"},{"method":"cash","amount":10000}]})"},
      {{"--item", "BKS-02:3", "--pay", "transfer"},
       R"({"items":[{"sku":"BKS-02","qty":"3"}],"pay":[{"method":"transfer"}]})"},
      {{"--custom", "15000:Bakso Spesial", "--discount", "5000", "--pay", "qris:4000", "--pay", "cash"},
       R"({"custom":[{"amount":15000,"name":"Bakso Spesial"}],"discount":5000,"pay":[{"method":"qris","amount":4000},{"method":"cash"}]})"},
  };
  std::string input;
  std::vector<json> expected;
  for (const auto& [flags, line] : sales) {
    input += line + "\n";
    std::vector<std::string> sell = {"sell", "--json", "--pin", "1234"};
    sell.insert(sell.end(), flags.begin(), flags.end());
    const RunResult sold = LapakOn(one_by_one, sell);
    ASSERT_EQ(0, sold.exit_code) << sold.err;
    expected.push_back(json::parse(sold.out));
  }

  const RunResult batch = SellBatch(input);
  EXPECT_EQ(0, batch.exit_code) << batch.err;
  EXPECT_EQ("", batch.err);
  EXPECT_EQ(expected, JsonLines(batch.out));
  // Read back by other processes: the batch's sales are on disk.
  const json report = LapakJson({"report"});
  EXPECT_EQ(4, report["figures"]["sales"]);
  EXPECT_EQ(133500, report["figures"]["gross"]);
  EXPECT_EQ(report, json::parse(LapakOn(one_by_one, {"report", "--json"}).out));
  EXPECT_EQ(json::parse(LapakOn(one_by_one, {"history", "--json"}).out), LapakJson({"history"}));
  EXPECT_TRUE(LapakJson({"verify"})["ok"]);
}

TEST_F(CliTest, SellBatchRefusesABadLineByItsNumberAndRecordsTheOthers) {
  ImportBakso();
  const RunResult batch = SellBatch(
      R"({"items":[{"sku":"BKS-01"}],"pay":[{"method":"cash","amount":20000}]})" "\n"
      R"({"items":[{"sku":"NOPE"}],"pay":[{"method":"cash"}]})" "\n"
      R"({"items":[{"sku":"BKS-01")" "\n"
      R"({"items":[{"sku":"BKS-01"}],"pay":[{"method":"cash","amount":900000000}]})" "\n"
      R"({"items":[{"sku":"BKS-01","qyt":2}],"pay":[{"method":"cash"}]})" "\n"
      R"({"custom":[{"amount":"999.999.999.999"}],"pay":[{"method":"cash"}]})" "\n"
      R"({"items":[{"sku":"MNM-01"}],"pay":[{"method":"qris"}]})" "\n");
  EXPECT_EQ(3, batch.exit_code);  // the first refused line's: no such product
  EXPECT_EQ("lapak: 5 of 7 lines refused and not recorded; the first is line 2: no product with sku 'NOPE'\n",
            batch.err);
  const std::vector<json> answers = JsonLines(batch.out);
  ASSERT_EQ(7u, answers.size()) << batch.out;
  EXPECT_EQ("20261122-0001", answers[0]["receipt"]);
  const std::vector<std::pair<std::string, std::string>> refusals = {
      {"NoSuchProduct", "no product with sku 'NOPE'"},
      {"SaleLineNotJson", "the line is not valid JSON (byte 26)"},
      {"ChangeNotPlausible",
       "change of Rp899.980.000 is not plausible: change is always below Rp100.000, the largest note; check the "
       "cash received"},
      {"SaleLineUnknownMember", "'items[0].qyt' is not known; known here: sku, qty"},
      {"CustomAmountOutOfRange", "a custom amount must be from Rp1 to Rp100.000.000"},
  };
  for (size_t i = 0; i < refusals.size(); ++i) {
    const json& answer = answers[i + 1];
    EXPECT_EQ(static_cast<int>(i) + 2, answer["line"]) << answer;
    EXPECT_EQ(refusals[i].first, answer["refusal"]) << answer;
    EXPECT_EQ(refusals[i].second, answer["error"]) << answer;
  }
  EXPECT_EQ("20261122-0002", answers[6]["receipt"]);

  const json history = LapakJson({"history"});
  ASSERT_EQ(2u, history.size());
  EXPECT_EQ(5000, history[0]["total"]);
  EXPECT_EQ(20000, history[1]["total"]);
  EXPECT_EQ(3, LapakJson({"verify"})["entries"]);  // day open and two sales: refusals wrote nothing
}

TEST_F(CliTest, SellBatchWithAWrongPinRecordsNothing) {
  ImportBakso();
  const std::string before = Journal();
  const RunResult batch = SellBatch(R"({"items":[{"sku":"BKS-01"}],"pay":[{"method":"cash"}]})" "\n", "0000");
  EXPECT_EQ(4, batch.exit_code);
  EXPECT_EQ("", batch.out);
  EXPECT_NE(std::string::npos, batch.err.find("wrong PIN for kasir")) << batch.err;
  EXPECT_EQ(before, Journal());
}

// A line over 64 KiB is refused without being kept whole; one of exactly 64 KiB is a sale. In
// Bahasa Indonesia, as a vendor reads it by default.
TEST_F(CliTest, SellBatchRefusesALineOver64KiBAndGoesOn) {
  const std::string sale = R"({"custom":[{"amount":15000}],"pay":[{"method":"cash"}]})";
  const std::string at_limit = sale + std::string(64 * 1024 - sale.size(), ' ');  // JSON may end in spaces
  const std::string over_limit = at_limit + " ";
  const RunResult batch = SellBatch(over_limit + "\n" + at_limit + "\n" + std::string(1 << 20, 'x') + "\n" + sale,
                                    "1234", {kFixedClock[0]});
  EXPECT_EQ(2, batch.exit_code);
  const std::vector<json> answers = JsonLines(batch.out);
  ASSERT_EQ(4u, answers.size()) << batch.out;
  for (const size_t refused : {0, 2}) {
    EXPECT_EQ(refused + 1, answers[refused]["line"]);
    EXPECT_EQ("SaleLineTooLong", answers[refused]["refusal"]);
    EXPECT_EQ("Baris lebih dari 65536 byte; tidak dibaca", answers[refused]["error"]);
  }
  EXPECT_EQ("20261122-0001", answers[1]["receipt"]);
  EXPECT_EQ("20261122-0002", answers[3]["receipt"]);  // the last line needs no '\n'
  EXPECT_EQ(2u, LapakJson({"history"}).size());
}

// A script on the other end of a pipe gets each answer before it writes the next line, and a
// sale it got a receipt for is on disk even if the batch is killed before its input ends.
TEST_F(CliTest, SellBatchAnswersEachLineAsItComesAndAnAnsweredSaleSurvivesAKill) {
  ImportBakso();
  testing::Child batch({kLapak, "--db", db_, "sell-batch", "--pin", "1234"}, kFixedClock, /*pipe_stdin=*/true);
  std::string answer;
  batch.WriteStdin(R"({"items":[{"sku":"BKS-01"}],"pay":[{"method":"cash"}]})" "\n");
  ASSERT_TRUE(batch.ReadLine(answer));
  EXPECT_EQ("20261122-0001", json::parse(answer)["receipt"]);
  batch.WriteStdin("oops\n");
  ASSERT_TRUE(batch.ReadLine(answer));
  EXPECT_EQ(2, json::parse(answer)["line"]);
  batch.WriteStdin(R"({"items":[{"sku":"MNM-01","qty":2}],"pay":[{"method":"qris"}]})" "\n");
  ASSERT_TRUE(batch.ReadLine(answer));
  EXPECT_EQ("20261122-0002", json::parse(answer)["receipt"]);
  batch.Kill(SIGKILL);
  batch.Wait();

  const json history = LapakJson({"history"});
  ASSERT_EQ(2u, history.size());
  EXPECT_EQ("20261122-0002", history[0]["receipt"]);
  EXPECT_EQ(10000, history[0]["total"]);
  EXPECT_TRUE(LapakJson({"verify"})["ok"]);
}

}  // namespace
}  // namespace lapak
