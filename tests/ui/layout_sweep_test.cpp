// The layout holds whatever the stall varies (issue 12): every screen size from a 7-inch
// 800×480 panel to 1920×1080, text at 100, 120 and 140 %, catalogs of 1, 4, 7 and 20
// categories with names as long as the catalog allows. Through the probe, on each screen:
// no widget reaches outside the screen, no button's label is cut, and the widgets a sale
// cannot do without (Bayar, the cash keypad, Kembali, the QRIS code) are drawn whole.
#include <gtest/gtest.h>

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "app/pos/demo_stall.h"
#include "app/print/slip.h"
#include "app/terminal/terminal.h"
#include "core/store.h"
#include "core/text.h"
#include "tests/support/process.h"
#include "tests/support/wib.h"
#include "tests/ui/headless_ui.h"

namespace lapak {
namespace {

using pos::Screen;

struct DisplaySize {
  float width;
  float height;
};

// `text` cut or padded with its own words to exactly `bytes` bytes (ASCII).
std::string OfLength(const std::string& text, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += (out.empty() ? "" : " ") + text;
  return out.substr(0, bytes);
}

// `categories` categories of the longest name allowed, three products each, the first with
// the longest product name allowed and the largest price.
std::vector<Product> LongCatalog(int categories) {
  std::vector<Product> products;
  for (int c = 0; c < categories; ++c) {
    const std::string category = OfLength(fmt::format("Kategori {:02} Oleh-oleh Khas", c + 1), kMaxCategoryBytes);
    for (int p = 0; p < 3; ++p) {
      const std::string name =
          p == 0 ? OfLength(fmt::format("Keripik Singkong Balado {:02} Pedas Manis", c + 1), kMaxNameBytes)
                 : fmt::format("Kue {:02}-{}", c + 1, p);
      products.push_back({fmt::format("K{:02}-{}", c + 1, p), name, category,
                          p == 0 ? kMaxUnitPrice : Money::Rupiah(15000 + 1000 * p), true});
    }
  }
  return products;
}

// A file of the demo stall, set up once per process and copied for each case: hashing its two
// PINs would otherwise be most of a case's time.
std::string DemoStallFile(const ManualClock& clock) {
  static const testing::TempDir dir;
  static const std::string file = [&clock] {
    const std::string path = dir.File("demo-stall.db");
    std::unique_ptr<StallStore> store = std::move(StallStore::Open(path, clock)).value();
    EXPECT_TRUE(pos::SetUpDemoStall(*store).ok());
    // Enrolled and offline: the status bar's longest state ("Tidak terhubung · Belum terkirim").
    EXPECT_TRUE(store->Enrol({"http://192.168.100.200:65535", std::string(32, 'k')}).ok());
    EXPECT_TRUE(store->RecordSyncError(Status::IoError("no answer from the ledger")).ok());
    // The stall's QRIS set by the owner, with the largest fee: QRIS payments show their code
    // and the fee's line.
    app::Terminal owner(*store, clock);
    EXPECT_TRUE(owner.LogIn(Role::kOwner, pos::kDemoOwnerPin).ok());
    EXPECT_TRUE(owner.SetQris(pos::kDemoQris).ok());
    EXPECT_TRUE(owner.SetQrisFee(kMaxQrisFee).ok());
    return path;  // the store closes here, folding its write-ahead log into the file
  }();
  return file;
}

class LayoutSweepTest : public ::testing::TestWithParam<std::tuple<DisplaySize, int, int>> {
 protected:
  LayoutSweepTest() : clock_(testing::Wib(22, std::chrono::hours(19))) {
    const auto [size, text_percent, categories] = GetParam();
    display_ = ImVec2(size.width, size.height);
    std::filesystem::copy_file(DemoStallFile(clock_), dir_.File("stall.db"));
    store_ = std::move(StallStore::Open(dir_.File("stall.db"), clock_)).value();
    EXPECT_TRUE(store_->ImportCatalog(LongCatalog(categories), /*deactivate_missing=*/true).ok());
    model_ = std::make_unique<pos::PosModel>(*store_, clock_);
    for (int percent = 100; percent < text_percent; percent += 20) model_->StepTextScale(+1);
    ui_ = std::make_unique<testing::HeadlessUi>(*model_, display_);
    EXPECT_TRUE(model_->Login(Role::kCashier, pos::kDemoCashierPin)) << model_->message();
    ui_->Frame();
  }

  // Two frames of the current screen (ImGui sizes scrolling regions from the frame before),
  // then what is wrong with it.
  std::vector<std::string> Faults() {
    ui_->Frame();
    ui_->Frame();
    return ui_->probe().Faults();
  }
  bool Whole(const std::string& label) const { return ui_->probe().Whole(label); }

  // A cart of the longest product name, the largest price and two more lines.
  void FillCart() {
    const std::vector<Product>& products = model_->products();
    ASSERT_GE(products.size(), 3u);
    for (size_t i = 0; i < 3; ++i) ASSERT_TRUE(model_->AddToCart(products[i])) << model_->message();
  }

  testing::TempDir dir_;
  ManualClock clock_;
  ImVec2 display_;
  std::unique_ptr<StallStore> store_;
  std::unique_ptr<pos::PosModel> model_;
  std::unique_ptr<testing::HeadlessUi> ui_;
};

TEST_P(LayoutSweepTest, TheSellScreenShowsTheCartTotalAndPayWhole) {
  // A sale the ledger has not had (the terminal is offline), then the next cart.
  ASSERT_TRUE(model_->AddToCart(model_->products().back())) << model_->message();
  ASSERT_TRUE(model_->StartPayment());
  ASSERT_TRUE(model_->PayRemaining(PaymentMethod::kQris));
  ASSERT_TRUE(model_->Complete()) << model_->message();
  model_->NewSale();
  FillCart();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Bayar"));
  EXPECT_TRUE(Whole("-##line2") && Whole("+##line2"));  // the line just added is in view
  // Offline is said on every size, in a shorter form where room is short, and never cut.
  const std::vector<std::string> labels = ui_->probe().Labels();
  EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](const std::string& label) {
    return label.starts_with("text:Offline 2") || label.starts_with("text:Tidak terhubung");
  })) << ::testing::PrintToString(labels);
  EXPECT_TRUE(Whole("Diskon") && Whole("Kosongkan"));
  // The discount's keypad and its four buttons, then the discount under the cart.
  ASSERT_TRUE(ui_->Tap("Diskon"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  ASSERT_TRUE(ui_->TypeDigits("discount", "10"));
  for (const char* key : {"1##discount", "000##discount", "Diskon 10%##percent", "Diskon Rp10##rupiah",
                          "Tanpa diskon"}) {
    EXPECT_TRUE(Whole(key)) << key;
  }
  ASSERT_TRUE(ui_->Tap("##percent"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Bayar"));
  // Kosongkan asks at the top of the cart.
  ASSERT_TRUE(ui_->Tap("Kosongkan"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Ya, kosongkan"));
  ASSERT_TRUE(ui_->Tap("Kembali"));
  ASSERT_TRUE(ui_->Tap("Bayar"));
  EXPECT_EQ(Screen::kPay, model_->screen());
}

TEST_P(LayoutSweepTest, ADayLeftOpenSaysSoWithTheWayToCloseIt) {
  FillCart();
  ASSERT_TRUE(model_->StartPayment());
  ASSERT_TRUE(model_->PayRemaining(PaymentMethod::kQris));
  ASSERT_TRUE(model_->Complete()) << model_->message();
  clock_.Advance(std::chrono::hours(10));  // past the cut-off
  model_->Logout();
  ASSERT_TRUE(model_->Login(Role::kCashier, pos::kDemoCashierPin));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Tutup hari 2026-11-22"));
}

TEST_P(LayoutSweepTest, ThePayScreenShowsTheWholeKeypad) {
  FillCart();
  ASSERT_TRUE(model_->StartPayment());
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"1##cash", "9##cash", "0##cash", "000##cash", "<##cash", "Tambah##cash", "Uang pas",
                          "Kembali"}) {
    EXPECT_TRUE(Whole(key)) << key;
  }
  // A part paid: the payments listed, Clear beside Back, still whole.
  ASSERT_TRUE(model_->AddPayment(PaymentMethod::kQris, Money::Rupiah(1000)));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Kembali") && Whole("Hapus") && Whole("0##cash"));
}

// Issue 13: the dynamic QRIS code with the stall's name and the amount, and the two buttons,
// whole; its modules large enough for a phone (QrImage::kMinModulePixels, probed). A part
// paid in cash first; then a sale above Bank Indonesia's limit for one QRIS payment, refused
// in words where the code would be.
TEST_P(LayoutSweepTest, TheQrisScreenShowsTheCodeTheAmountAndTheConfirmWhole) {
  ASSERT_TRUE(model_->AddToCart(model_->products().back())) << model_->message();
  ASSERT_TRUE(model_->StartPayment());
  ASSERT_TRUE(model_->AddPayment(PaymentMethod::kCash, Money::Rupiah(1000)));
  ui_->ui().pay_method = PaymentMethod::kQris;
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"qr##qris", "QRIS sudah masuk", "Cara lain"}) EXPECT_TRUE(Whole(key)) << key;
  EXPECT_GE(ui_->ui().qris_image.module_pixels(), pos::QrImage::kMinModulePixels);
  ASSERT_TRUE(ui_->Tap("Cara lain"));
  EXPECT_EQ(PaymentMethod::kCash, ui_->ui().pay_method);

  ASSERT_TRUE(ui_->Tap("Kembali"));
  FillCart();  // a line at the largest unit price: far above Rp10.000.000
  ASSERT_TRUE(model_->StartPayment());
  ui_->ui().pay_method = PaymentMethod::kQris;
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_FALSE(ui_->Shows("qr##qris"));
  EXPECT_NE(std::string::npos, model_->message().find("QRIS")) << model_->message();
}

TEST_P(LayoutSweepTest, TheLoginScreenShowsTheWholeKeypad) {
  model_->Logout();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"1##pin", "0##pin", "<##pin", "Masuk"}) EXPECT_TRUE(Whole(key)) << key;
}

TEST_P(LayoutSweepTest, TheReceiptAndHistoryShowEverySaleWhole) {
  FillCart();
  ASSERT_TRUE(model_->StartPayment());
  ASSERT_TRUE(model_->PayRemaining(PaymentMethod::kQris));
  ASSERT_TRUE(model_->Complete()) << model_->message();
  ASSERT_EQ(Screen::kReceipt, model_->screen()) << model_->message();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Transaksi baru"));
  // The e-receipt's code in place of the receipt: whole, modules large enough for a phone.
  ASSERT_TRUE(ui_->Tap("Struk di HP"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("qr##ereceipt"));
  EXPECT_GE(ui_->ui().ereceipt_image.module_pixels(), pos::QrImage::kMinModulePixels);
  model_->ShowHistory();
  ui_->ui().selected_receipt = model_->last_receipt()->receipt;
  EXPECT_EQ(std::vector<std::string>(), Faults());
}

TEST_P(LayoutSweepTest, TheDayScreenOpensAndClosesWhole) {
  model_->ShowDay();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"1##float", "0##float", "<##float", "Buka hari"}) EXPECT_TRUE(Whole(key)) << key;
  ASSERT_TRUE(model_->OpenDay(Money::Rupiah(100000))) << model_->message();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Tutup hari") && Whole("Kas masuk") && Whole("Kas keluar"));
  // Kas keluar, step by step: the amount's keypad, the reasons, the owner's keypad.
  ASSERT_TRUE(ui_->Tap("Kas keluar"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"1##cashmove", "000##cashmove", "Lanjut", "Kembali"}) EXPECT_TRUE(Whole(key)) << key;
  ASSERT_TRUE(ui_->TypeDigits("cashmove", "5000"));
  ASSERT_TRUE(ui_->Tap("Lanjut"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Setor ke pemilik"));  // the first reason; the others scroll when the text is large
  ASSERT_TRUE(ui_->Tap("Setor ke pemilik"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"1##owner", "0##owner", "Simpan kas keluar"}) EXPECT_TRUE(Whole(key)) << key;
  ASSERT_TRUE(ui_->Tap("Kembali"));
  ui_->ui().confirming_close = true;
  EXPECT_EQ(std::vector<std::string>(), Faults());
  EXPECT_TRUE(Whole("Ya, tutup hari") && Whole("Kembali"));
}

// A terminal not set up yet: the form, then a PIN typed twice and refused, keypad whole.
TEST_P(LayoutSweepTest, TheSetUpScreenFitsWithAPinAskedTwice) {
  std::unique_ptr<StallStore> fresh = std::move(StallStore::Open(dir_.File("fresh.db"), clock_)).value();
  pos::PosModel model(*fresh, clock_);
  for (int percent = 100; percent < std::get<1>(GetParam()); percent += 20) model.StepTextScale(+1);
  testing::HeadlessUi ui(model, display_);
  ASSERT_EQ(Screen::kSetup, model.screen());
  const auto faults = [&ui] {
    ui.Frame();
    ui.Frame();
    return ui.probe().Faults();
  };
  EXPECT_EQ(std::vector<std::string>(), faults());  // what does not fit scrolls
  EXPECT_TRUE(ui.probe().Whole("...##fieldKode lapak"));
  ASSERT_TRUE(ui.Tap("##fieldPIN pemilik"));
  ASSERT_TRUE(ui.TypeDigits("setup_pin", "2468"));
  ASSERT_TRUE(ui.Tap("OK##typing"));
  ASSERT_TRUE(ui.TypeDigits("setup_pin", "1111"));
  ASSERT_TRUE(ui.Tap("OK##typing"));  // they differ: said above the keypad
  EXPECT_FALSE(model.message().empty());
  EXPECT_EQ(std::vector<std::string>(), faults());
  for (const char* key : {"1##setup_pin", "0##setup_pin", "<##setup_pin", "OK##typing"}) {
    EXPECT_TRUE(ui.probe().Whole(key)) << key;
  }
}

TEST_P(LayoutSweepTest, TheOwnersCatalogAndSettingsFit) {
  model_->Logout();
  ASSERT_TRUE(model_->Login(Role::kOwner, pos::kDemoOwnerPin));
  model_->ShowCatalog();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  ui_->ui().draft = model_->catalog().front();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  model_->ShowSettings();
  EXPECT_EQ(std::vector<std::string>(), Faults());
  // The enrolment code on the keyboard; after a refusal its last row is still whole.
  ui_->ui().field = pos::UiState::Field::kEnrolmentCode;
  ui_->ui().enrolment_code = "lapak2,T1,not a code";
  ui_->ui().keyboard_case = pos::KeyboardCase::kLower;  // as tapping the field sets it
  EXPECT_EQ(std::vector<std::string>(), Faults());
  ASSERT_TRUE(ui_->Tap("Daftarkan"));
  EXPECT_FALSE(model_->message().empty());
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const char* key : {"abc##case_code", "spasi##code", "Z##code", "1##code"}) EXPECT_TRUE(Whole(key)) << key;
  // The network printer's address and the receipt footer, typed the same way.
  ui_->ui().field = pos::UiState::Field::kNone;
  ASSERT_TRUE(model_->SetPrinter("tcp:192.168.1.50"));
  EXPECT_EQ(std::vector<std::string>(), Faults());
  for (const auto& [field, keyboard] : {std::pair{pos::UiState::Field::kPrinterHost, "host"},
                                        std::pair{pos::UiState::Field::kReceiptFooter, "footer"}}) {
    ui_->ui().field = field;
    ui_->ui().receipt_footer = std::string(print::kMaxFooterBytes, 'W');
    EXPECT_EQ(std::vector<std::string>(), Faults()) << keyboard;
    for (const std::string& key : std::vector<std::string>{"Simpan", "Kembali", "spasi##" + std::string(keyboard), "1##" + std::string(keyboard)}) {
      EXPECT_TRUE(Whole(key)) << key;
    }
  }
}

std::string Name(const ::testing::TestParamInfo<std::tuple<DisplaySize, int, int>>& info) {
  const auto [size, text, categories] = info.param;
  return fmt::format("{}x{}_text{}_categories{}", size.width, size.height, text, categories);
}

INSTANTIATE_TEST_SUITE_P(
    SizesTextsCatalogs, LayoutSweepTest,
    ::testing::Combine(::testing::Values(DisplaySize{800, 480}, DisplaySize{1024, 600}, DisplaySize{1280, 800},
                                         DisplaySize{1920, 1080}),
                       ::testing::Values(100, 120, 140), ::testing::Values(1, 4, 7, 20)),
    Name);

}  // namespace
}  // namespace lapak
