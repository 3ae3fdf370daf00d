// app::Terminal, the one door of both front ends: who may do each use case, and that a
// refusal changes nothing.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "app/common/qr_scan.h"
#include "app/print/slip.h"
#include "app/terminal/terminal.h"
#include "core/refusal.h"
#include "tests/support/process.h"
#include "tests/support/qr_picture.h"
#include "tests/support/stall_qris.h"
#include "tests/support/wib.h"

namespace lapak::app {
namespace {

constexpr const char* kOwnerPin = "9999";
constexpr const char* kCashierPin = "1234";

class TerminalTest : public ::testing::Test {
 protected:
  TerminalTest() {
    EXPECT_TRUE(terminal_.SetUp({"BKS-07", "Bakso Pak Kumis", "T1", "Asia/Jakarta", "04:00", kOwnerPin, kCashierPin}).ok());
  }

  CompletedSale OneBakso() {
    Cart cart;
    EXPECT_TRUE(cart.AddProduct({"B1", "Bakso", "Makanan", Money::Rupiah(15000), true}).ok());
    EXPECT_TRUE(cart.AddPayment(PaymentMethod::kCash, Money::Rupiah(20000)).ok());
    return *cart.Complete();
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = dir_.File(name);
    std::ofstream(path) << text;
    return path;
  }
  int64_t JournalLength() { return store_->Progress()->last_seq; }

  testing::TempDir dir_;
  ManualClock clock_{testing::Wib(22, std::chrono::hours(19))};
  std::unique_ptr<StallStore> store_ = std::move(StallStore::Open(dir_.File("stall.db"), clock_)).value();
  Terminal terminal_{*store_, clock_};
};

TEST_F(TerminalTest, NothingBeforeLogIn) {
  const int64_t before = JournalLength();
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.OpenDay(Money()).status().refusal());
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.Sell(OneBakso()).status().refusal());
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.CloseDay(Money()).status().refusal());
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.SaveProduct({"X", "X", "Y", Money::Rupiah(1000), true}).refusal());
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.Enrol("lapak1,T1," + std::string(64, 'a') + ",http://ledger:8080").refusal());
  EXPECT_EQ(before, JournalLength());
  EXPECT_TRUE(store_->Products(true)->empty());
}

TEST_F(TerminalTest, WrongPinLogsNoOneIn) {
  EXPECT_EQ(Refusal::kWrongPin, terminal_.LogIn(Role::kOwner, "1111").refusal());
  EXPECT_FALSE(terminal_.role());
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  EXPECT_EQ(Role::kCashier, terminal_.role());
  terminal_.LogOut();
  EXPECT_FALSE(terminal_.role());
}

TEST_F(TerminalTest, CashierSellsAndClosesTheDayButTouchesNoOwnersThing) {
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  ASSERT_TRUE(terminal_.OpenDay(Money::Rupiah(100000)).ok());
  Result<Receipt> sold = terminal_.Sell(OneBakso());
  ASSERT_TRUE(sold.ok()) << sold.status().ToString();

  const int64_t before = JournalLength();
  const Status catalog = terminal_.SaveProduct({"X", "Es teh", "Minuman", Money::Rupiah(5000), true});
  EXPECT_EQ(Refusal::kOwnerEditsCatalog, catalog.refusal());
  EXPECT_EQ("Hanya pemilik yang dapat mengubah katalog, bukan kasir", Explain(catalog, Language::kIndonesian));
  EXPECT_EQ(Refusal::kOwnerEditsCatalog,
            terminal_.ImportCatalogFile(WriteFile("c.csv", "sku,name,category,price\nX,Es teh,Minuman,5000\n"), false)
                .status()
                .refusal());
  EXPECT_EQ(Refusal::kOwnerEnrols,
            terminal_.Enrol("lapak1,T1," + std::string(64, 'a') + ",http://ledger:8080").refusal());
  EXPECT_EQ(before, JournalLength());
  EXPECT_TRUE(store_->Products(true)->empty());
  EXPECT_FALSE(store_->FindSyncLink()->has_value());

  Result<ZReport> z = terminal_.CloseDay(Money::Rupiah(115000));
  ASSERT_TRUE(z.ok()) << z.status().ToString();
  EXPECT_EQ(Money(), z->over_short);
}

TEST_F(TerminalTest, VoidNeedsTheOwnersPinWhoeverHoldsTheTill) {
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  ASSERT_TRUE(terminal_.OpenDay(Money()).ok());
  const Receipt sold = *terminal_.Sell(OneBakso());
  EXPECT_EQ(Refusal::kWrongPin, terminal_.Void(sold.receipt, kCashierPin, "salah ketik").status().refusal());
  Result<Receipt> voided = terminal_.Void(sold.receipt, kOwnerPin, "salah ketik");
  ASSERT_TRUE(voided.ok()) << voided.status().ToString();
  EXPECT_TRUE(voided->voided);
}

TEST_F(TerminalTest, OwnerImportsACatalogFileAllOrNothing) {
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  Result<size_t> imported = terminal_.ImportCatalogFile(
      WriteFile("ok.csv", "sku,name,category,price\nB1,Bakso,Makanan,15000\nE1,Es teh,Minuman,5000\n"), false);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(2u, *imported);

  Result<size_t> bad = terminal_.ImportCatalogFile(
      WriteFile("bad.csv", "sku,name,category,price\nK1,Kopi,Minuman,4000\nK2,Teh,Minuman,murah\n"), false);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(2u, store_->Products(true)->size());  // K1 was not imported either

  EXPECT_EQ(Refusal::kCannotReadFile, terminal_.ImportCatalogFile(dir_.File("none.csv"), false).status().refusal());
  const std::string huge(kMaxCatalogCsvBytes + 1, 'x');
  EXPECT_EQ(Refusal::kFileTooLarge, terminal_.ImportCatalogFile(WriteFile("huge.csv", huge), false).status().refusal());
}

TEST_F(TerminalTest, EnrolRefusesACodeForAnotherTerminal) {
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  const std::string key(64, 'a');
  const Status other = terminal_.Enrol("lapak1,T9," + key + ",http://ledger:8080");
  EXPECT_EQ(Refusal::kCodeForOtherTerminal, other.refusal());
  EXPECT_EQ("Kode ini untuk terminal 'T9', tetapi ini terminal 'T1'", Explain(other, Language::kIndonesian));
  EXPECT_FALSE(store_->FindSyncLink()->has_value());
  ASSERT_TRUE(terminal_.Enrol("lapak1,T1," + key + ",http://ledger:8080").ok());
  EXPECT_EQ("http://ledger:8080", (*store_->FindSyncLink())->ledger_url);
}

TEST_F(TerminalTest, EnrolRefusesACodeForAnEventWithAnotherCalendar) {
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  const std::string code = "lapak2,T1," + std::string(64, 'a') + ",http://ledger:8080,";
  const Status makassar = terminal_.Enrol(code + "Asia/Makassar,04:00");
  EXPECT_EQ(Refusal::kCodeForOtherCalendar, makassar.refusal());
  EXPECT_NE(std::string::npos, Explain(makassar, Language::kIndonesian).find("atur ulang terminal"));
  EXPECT_EQ(Refusal::kCodeForOtherCalendar, terminal_.Enrol(code + "Asia/Jakarta,05:00").refusal());
  EXPECT_FALSE(store_->FindSyncLink()->has_value());
  ASSERT_TRUE(terminal_.Enrol(code + "Asia/Jakarta,04:00").ok());
}

TEST_F(TerminalTest, TheOwnerEnrolsFromTheCodeFileOnAStickWhichIsThenDeleted) {
  const std::string stick = dir_.File("media");
  ASSERT_EQ(0, ::mkdir(stick.c_str(), 0700));
  const std::string code = "lapak2,T1," + std::string(64, 'b') + ",http://ledger:8080,Asia/Jakarta,04:00";
  const std::string file = stick + "/lapak-enrol-BKS-07-T1.txt";
  testing::WriteFile(file, "# kode\n" + code + "\n");

  EXPECT_EQ(Refusal::kLogInFirst, terminal_.EnrolFromMedia({stick}).status().refusal());
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  EXPECT_EQ(Refusal::kOwnerEnrols, terminal_.EnrolFromMedia({stick}).status().refusal());
  EXPECT_EQ(code + "\n", testing::ReadFile(file).substr(7));  // a refusal leaves the file
  EXPECT_FALSE(store_->FindSyncLink()->has_value());

  terminal_.LogOut();
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  Result<Terminal::EnrolledFromFile> enrolled = terminal_.EnrolFromMedia({stick});
  ASSERT_TRUE(enrolled.ok()) << enrolled.status().ToString();
  EXPECT_EQ(file, enrolled->path);
  EXPECT_TRUE(enrolled->deleted);
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_EQ("http://ledger:8080", (*store_->FindSyncLink())->ledger_url);
  EXPECT_EQ(std::string(32, '\xbb'), (*store_->FindSyncLink())->terminal_key);
}

TEST_F(TerminalTest, ACodeFileTheTerminalRefusesIsNamedAndKept) {
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  const std::string file = dir_.File("lapak-enrol-BKS-07-T1.txt");
  testing::WriteFile(file, "lapak2,T1," + std::string(64, 'b') + ",http://ledger:8080,Asia/Makassar,04:00\n");
  const Status refused = terminal_.EnrolFromMedia({dir_.path()}).status();
  EXPECT_EQ(Refusal::kAtEnrolmentFile, refused.refusal());
  EXPECT_TRUE(Explain(refused, Language::kIndonesian).starts_with("Berkas " + file + ": kode ini untuk acara di zona Asia/Makassar"))
      << Explain(refused, Language::kIndonesian);
  EXPECT_TRUE(std::filesystem::exists(file));
  EXPECT_FALSE(store_->FindSyncLink()->has_value());
  // No stick at all: said, nothing changed.
  EXPECT_EQ(Refusal::kNoEnrolmentFile, terminal_.EnrolFromMedia({dir_.File("none")}).status().refusal());
}

TEST_F(TerminalTest, OnlyTheOwnerSetsTheStallsQrisAndOnlyAWellFormedOne) {
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.SetQris(testing::kStallQris).status().refusal());
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  const Status cashier = terminal_.SetQris(testing::kStallQris).status();
  EXPECT_EQ(Refusal::kOwnerSetsQris, cashier.refusal());
  EXPECT_EQ("Hanya pemilik yang dapat mengatur kode QRIS lapak, bukan kasir", Explain(cashier, Language::kIndonesian));
  EXPECT_FALSE(terminal_.StoredQris());

  terminal_.LogOut();
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  std::string damaged = testing::kStallQris;
  damaged.back() = damaged.back() == '0' ? '1' : '0';
  EXPECT_EQ(Refusal::kQrisCrcMismatch, terminal_.SetQris(damaged).status().refusal());
  EXPECT_FALSE(terminal_.StoredQris());

  Result<StaticQris> set = terminal_.SetQris(std::string("  ") + testing::kStallQris + "\n");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ("WARUNG UJI", set->merchant_name());
  // Kept across restarts, and a later malformed code leaves the good one in place.
  EXPECT_EQ(Refusal::kQrisCrcMismatch, terminal_.SetQris(damaged).status().refusal());
  Terminal again(*store_, clock_);
  ASSERT_TRUE(again.StoredQris());
  EXPECT_EQ(testing::kStallQris, again.StoredQris()->payload());
}

// Issue 13: the owner photographs the printed sticker (or scans it) and the terminal reads the
// code from the picture: PNG or JPEG, from a file or from qris.png / QRIS.JPG on a USB stick.
// Whatever is not a QRIS, or not a picture, is refused in words and changes nothing.
TEST_F(TerminalTest, TheOwnerSetsTheQrisFromAPhotoOfTheSticker) {
  const std::string png = dir_.File("sticker.png");
  ASSERT_TRUE(testing::WriteQrPicture(testing::kStallQris, png, testing::PictureFormat::kPng));
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  EXPECT_EQ(Refusal::kOwnerSetsQris, terminal_.SetQrisFromImage(png).status().refusal());
  terminal_.LogOut();
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());

  const std::string website = dir_.File("website.png");
  ASSERT_TRUE(testing::WriteQrPicture("https://bazar.example/menu", website, testing::PictureFormat::kPng));
  const Status not_qris = terminal_.SetQrisFromImage(website).status();
  EXPECT_FALSE(not_qris.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, not_qris.code()) << not_qris.ToString();
  const std::string text = dir_.File("notes.png");
  testing::WriteFile(text, "not a picture at all");
  const Status unreadable = terminal_.SetQrisFromImage(text).status();
  EXPECT_EQ(Refusal::kImageUnreadable, unreadable.refusal());
  EXPECT_TRUE(Explain(unreadable, Language::kIndonesian).starts_with("Gambar " + text + " tidak dapat dibaca"))
      << Explain(unreadable, Language::kIndonesian);
  EXPECT_FALSE(terminal_.StoredQris());

  const std::string jpeg = dir_.File("sticker.jpg");
  ASSERT_TRUE(testing::WriteQrPicture(testing::kStallQris, jpeg, testing::PictureFormat::kJpeg));
  Result<StaticQris> from_jpeg = terminal_.SetQrisFromImage(jpeg);
  ASSERT_TRUE(from_jpeg.ok()) << from_jpeg.status().ToString();
  EXPECT_EQ(testing::kStallQris, from_jpeg->payload());

  // From a stick: none there is said with where it was looked for; then QRIS.PNG on one.
  const std::string media = dir_.File("media");
  std::filesystem::create_directories(media + "/owner/STICK");
  const Status none = terminal_.SetQrisFromMedia({media}).status();
  EXPECT_EQ(Refusal::kNoQrisImageOnMedia, none.refusal());
  EXPECT_EQ("Tidak ada gambar qris.png atau qris.jpg di USB (dicari di " + media + ")",
            Explain(none, Language::kIndonesian));
  std::filesystem::copy_file(png, media + "/owner/STICK/QRIS.PNG");
  Result<StaticQris> from_stick = terminal_.SetQrisFromMedia({media});
  ASSERT_TRUE(from_stick.ok()) << from_stick.status().ToString();
  EXPECT_EQ("WARUNG UJI", from_stick->merchant_name());
}

// A picture with no code, and one far too large to decode, are refused before any work.
TEST_F(TerminalTest, APictureWithNoCodeOrTooManyPixelsIsRefused) {
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  const std::string white = dir_.File("white.png");
  ASSERT_TRUE(testing::WriteWhitePicture(white, 400, 300));
  EXPECT_EQ(Refusal::kNoQrInImage, terminal_.SetQrisFromImage(white).status().refusal());
  const std::string wide = dir_.File("wide.png");
  ASSERT_TRUE(testing::WriteWhitePicture(wide, app::kMaxImageSide + 1, 2));
  const Status too_large = terminal_.SetQrisFromImage(wide).status();
  EXPECT_EQ(Refusal::kImageTooLarge, too_large.refusal());
  EXPECT_NE(std::string::npos, Explain(too_large, Language::kIndonesian).find("6001x2 piksel"))
      << Explain(too_large, Language::kIndonesian);
  EXPECT_FALSE(terminal_.StoredQris());
}

// The printer is the stall's device: whoever sells chooses it; the footer speaks for the
// stall: the owner's. Both are checked, kept across restarts, and a refusal keeps the old one.
TEST_F(TerminalTest, ThePrinterIsAnySellersAndTheReceiptFooterTheOwners) {
  EXPECT_EQ(Refusal::kLogInFirst, terminal_.SetPrinter("/dev/usb/lp0").refusal());
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  ASSERT_TRUE(terminal_.SetPrinter("tcp:192.168.1.50").ok());
  EXPECT_EQ(Refusal::kPrinterAddressBad, terminal_.SetPrinter("lp0").refusal());
  const Status cashier = terminal_.SetReceiptFooter("Terima kasih");
  EXPECT_EQ("Hanya pemilik yang dapat mengubah catatan kaki struk, bukan kasir", Explain(cashier, Language::kIndonesian));

  terminal_.LogOut();
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  ASSERT_TRUE(terminal_.SetReceiptFooter("Terima kasih, sampai jumpa di Expo UMKM").ok());
  const Status too_long = terminal_.SetReceiptFooter(std::string(print::kMaxFooterBytes + 1, 'a'));
  EXPECT_EQ("Catatan kaki struk lebih dari 64 byte", Explain(too_long, Language::kIndonesian));
  EXPECT_EQ(Refusal::kTextNotPrintable, terminal_.SetReceiptFooter("baris satu\nbaris dua").refusal());
  Terminal again(*store_, clock_);
  EXPECT_EQ("tcp:192.168.1.50", again.StoredPrinter());
  EXPECT_EQ("Terima kasih, sampai jumpa di Expo UMKM", again.StoredReceiptFooter());
  ASSERT_TRUE(terminal_.SetReceiptFooter("").ok());  // none
  EXPECT_EQ("", again.StoredReceiptFooter());
}

TEST_F(TerminalTest, TheQrisFeeIsTheOwnersBoundedAndKept) {
  ASSERT_TRUE(terminal_.LogIn(Role::kCashier, kCashierPin).ok());
  EXPECT_EQ(Refusal::kOwnerSetsQris, terminal_.SetQrisFee(Money::Rupiah(1000)).refusal());
  terminal_.LogOut();
  ASSERT_TRUE(terminal_.LogIn(Role::kOwner, kOwnerPin).ok());
  EXPECT_EQ(Refusal::kQrisFeeOutOfRange, terminal_.SetQrisFee(Money::Rupiah(10001)).refusal());
  EXPECT_FALSE(terminal_.StoredQrisFee());
  ASSERT_TRUE(terminal_.SetQrisFee(Money::Rupiah(1500)).ok());
  EXPECT_EQ(Money::Rupiah(1500), Terminal(*store_, clock_).StoredQrisFee());
  ASSERT_TRUE(terminal_.SetQrisFee(std::nullopt).ok());
  EXPECT_FALSE(Terminal(*store_, clock_).StoredQrisFee());
}

TEST_F(TerminalTest, LanguageAndTextSizeAreAnyonesAndKept) {
  EXPECT_EQ(Language::kIndonesian, terminal_.StoredLanguage());
  EXPECT_EQ(100, terminal_.StoredTextPercent());
  ASSERT_TRUE(terminal_.SetLanguage(Language::kEnglish).ok());  // on the login screen
  ASSERT_TRUE(terminal_.SetTextPercent(500).ok());
  Terminal again(*store_, clock_);
  EXPECT_EQ(Language::kEnglish, again.StoredLanguage());
  EXPECT_EQ(kMaxTextPercent, again.StoredTextPercent());
}

TEST_F(TerminalTest, ResetIsTheOwnersAndRetiresTheFile) {
  const std::string path = dir_.File("stall.db");
  store_.reset();  // the reset needs the database to itself
  EXPECT_EQ(Refusal::kOwnerResets, ResetTerminal(path, clock_, Role::kCashier, kCashierPin).status().refusal());
  EXPECT_EQ(Refusal::kWrongPin, ResetTerminal(path, clock_, Role::kOwner, "1111").status().refusal());
  Result<std::string> retired = ResetTerminal(path, clock_, Role::kOwner, kOwnerPin);
  ASSERT_TRUE(retired.ok()) << retired.status().ToString();
  EXPECT_TRUE(std::ifstream(*retired).good());
  EXPECT_FALSE(std::ifstream(path).good());
}

}  // namespace
}  // namespace lapak::app
