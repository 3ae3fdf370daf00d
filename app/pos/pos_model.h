// PosModel: the terminal's screen state and every action a screen can take. Screens read it
// and call it inside `if (BigButton(...))`; it runs the use case through app::Terminal (the
// one door shared with the `lapak` command line, which decides who may do what), keeps the
// outcome, and says a refusal in the vendor's language. It does no drawing, so headless tests
// drive it through the real screens.
//
// Thread-safety: used from the UI thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/pos/strings.h"
#include "app/terminal/terminal.h"
#include "core/cash_count.h"
#include "core/permissions.h"
#include "core/qris.h"
#include "core/sale.h"
#include "core/store.h"

namespace lapak::print {
class PrintSpooler;
}  // namespace lapak::print

namespace lapak::pos {

enum class Screen { kSetup, kLogin, kSell, kPay, kReceipt, kHistory, kDay, kCatalog, kSettings };

class PosModel {
 public:
  // `store` and `clock` must outlive the model. Loads the stall and its active catalog; a
  // store not set up yet starts on the set-up screen.
  PosModel(StallStore& store, const Clock& clock);
  ~PosModel();

  Screen screen() const { return screen_; }
  Language language() const { return language_; }
  const StallInfo& stall() const { return stall_; }
  const Cart& cart() const { return cart_; }
  const std::vector<Product>& products() const { return products_; }
  // Categories in catalog order, each once.
  const std::vector<std::string>& categories() const { return categories_; }
  std::optional<Role> role() const { return terminal_.role(); }
  // The last refusal to show the vendor, in language() ("PIN kasir salah…"); empty when none.
  const std::string& message() const { return message_; }
  // The sale just recorded: shown as PAID only once it is on disk.
  const std::optional<Receipt>& last_receipt() const { return last_receipt_; }
  const Clock& clock() const { return clock_; }
  // The sales of history_day(), newest first, as of the last ShowHistory(), step or void.
  const std::vector<Receipt>& history() const { return history_; }
  const std::string& history_day() const { return history_day_; }
  // The day's figures and the open session, as of the last ShowDay() or day action.
  const std::optional<DayReport>& day_report() const { return day_report_; }
  // The Z report just taken.
  const std::optional<ZReport>& last_z() const { return last_z_; }
  // Every Z report of this terminal, newest first, as of the last ShowDay().
  const std::vector<ZReport>& z_reports() const { return z_reports_; }
  // Every product, deactivated ones too, as of the last ShowCatalog() or catalog change.
  const std::vector<Product>& catalog() const { return catalog_; }
  // Text size as a factor of the normal size (settings).
  float text_scale() const { return text_scale_; }
  // The business day now, in the event's zone ("2026-11-22"); empty before set-up.
  std::string BusinessDay() const;
  // The wall time now in the event's zone, "19:05 WIB", and with the date, "2026-11-23 01:30
  // WIB" (the real date: after midnight it differs from the business day); empty before set-up.
  std::string ClockText() const;
  std::string DateAndClockText() const;
  // The time alone, "19:05", where nothing more fits.
  std::string TimeOfDayText() const;
  // The business day at a glance: its sales that stand, the items they sold and its net, as
  // of the last login, sale, void or day action.
  struct DayGlance {
    std::string business_day;  // empty before the first read
    int64_t sales = 0;
    int64_t items = 0;  // quantities of their lines (a custom amount is one)
    Money net;
  };
  const DayGlance& day_glance() const { return day_glance_; }
  // Totals of the cart as core computes them (never null: a cart that breaks a rule is
  // refused before it changes).
  SaleTotals Totals() const;

  // Both are kept in the store's preferences and come back after a restart.
  void SetLanguage(Language language);
  // One step larger (+1) or smaller (-1), between 0.8 and 1.6 of the normal size.
  void StepTextScale(int direction);

  // ---- actions: each returns whether it happened; a refusal is kept in message() ----
  // First run: sets the terminal up for a stall (as `lapak init` does), or as the demo stall.
  bool SetUp(const StallSetup& setup);
  bool SetUpDemo();
  // A PIN chosen at set-up is typed twice: true when `again` is `pin`, else a refusal.
  bool ConfirmPin(const std::string& pin, const std::string& again);
  // Or: uses the stall already set up in the database at `path` instead of this one.
  bool OpenDatabase(const std::string& path);
  bool Login(Role role, const std::string& pin);
  void Logout();
  bool AddToCart(const Product& product);
  bool AddCustomAmount(Money amount);
  bool ChangeQuantity(size_t line, int64_t delta);
  bool RemoveLine(size_t line);
  // The cart's discount (Discount::None() takes it off); refused when it breaks a sale rule
  // (a percent above 100, more rupiah than the cart).
  bool SetDiscount(const Discount& discount);
  // Empties the cart: lines, discount and payments.
  void ClearCart();
  bool StartPayment();
  bool AddPayment(PaymentMethod method, Money amount);
  // Pays what is still due with `method`.
  bool PayRemaining(PaymentMethod method);
  // The stall's static QRIS (set once by the owner); none until it is set.
  const std::optional<StaticQris>& qris() const { return qris_; }
  // The owner's convenience fee on each QRIS payment (`lapak qris fee`), or none.
  const std::optional<Money>& qris_fee() const { return qris_fee_; }
  // The dynamic QRIS code asking the customer for what is still due (core/qris.h): the QRIS
  // part of a split payment only. Empty when no code is set or nothing is due.
  const std::string& QrisCodeForRemaining();
  // Pays what is still due by QRIS once the wallet's notification came, through the code
  // QrisCodeForRemaining() showed: the payment carries that code's hash (core/sale.h).
  bool PayRemainingByQrisShown();
  void ClearPayments();
  void BackToSell();
  // Records the sale; true (and screen kReceipt) only after the commit succeeded.
  bool Complete();
  void NewSale();

  // ---- history and voids ----
  void ShowSell();
  // The history of the business day now (of the day left open, when one is).
  void ShowHistory();
  // The history of the day before (-1) or after (+1) the one shown; never past today.
  void StepHistoryDay(int days);
  // Whether `sale` can still be voided: not voided, and of the day now open.
  bool MayVoid(const Receipt& sale) const;
  // Voids a sale of the open day with the owner's PIN and a reason; refreshes the history.
  bool VoidSale(const std::string& receipt, const std::string& owner_pin, const std::string& reason);

  // ---- the catalog (the owner's) and settings ----
  void ShowCatalog();
  // Adds or edits a product (by sku), active or not; refreshes the sell screen's tiles.
  bool SaveProduct(const Product& product);
  // Imports a CSV file (core/catalog.h) all or nothing; with `replace`, products not in it go
  // off sale (as `lapak catalog import --replace`).
  bool ImportCatalogFile(const std::string& path, bool replace = false);
  void ShowSettings();
  // The stall's static QRIS, pasted or typed from the sticker; the owner's to set.
  bool SetQris(const std::string& code);
  // … or read from a photo of the sticker, qris.png or qris.jpg on a USB stick.
  bool SetQrisFromUsb();

  // ---- the receipt printer (pos_model_print.cpp) ----
  // Its address (app/print/printer.h), empty for none; set by whoever is logged in.
  const std::string& printer() const { return printer_; }
  bool SetPrinter(const std::string& address);
  // Hands `receipt` to the printer, off this thread; a sale is printed this way right after
  // it is committed. False (and nothing) when no printer is set.
  bool PrintReceipt(const Receipt& receipt);
  // The same for a Z report; a day's close prints its Z.
  bool PrintZ(const ZReport& z);
  bool TestPrint();
  // The owner's line under each printed receipt (print::CheckReceiptFooter); empty for none.
  const std::string& receipt_footer() const { return receipt_footer_; }
  bool SetReceiptFooter(const std::string& footer);
  // Picks up the prints that finished since the last call (each frame): the last one's
  // outcome becomes print_status(), and a failure is also said in message().
  void PollPrints();
  // "Mencetak …", "Struk 20261122-0007 tercetak", or why it failed; empty before any print.
  const std::string& print_status() const { return print_status_; }
  // Until every print handed over has finished (tests; closing the terminal).
  void WaitForPrints();

  // ---- sync with the bazaar ledger (pos_model_sync.cpp) ----
  // The journal's progress towards the ledger as of the last RefreshSync(); nullopt before.
  const std::optional<SyncProgress>& sync_progress() const { return sync_progress_; }
  // Re-reads it from the store; called after the background uploader's rounds.
  void RefreshSync();
  // One line for the status bar: "Belum terkirim: 12 (3 jam)", "Tidak terhubung · Belum
  // terkirim: 12 (3 jam)" after a failed attempt, "Semua terkirim", "Belum terdaftar".
  std::string SyncSummary() const;
  // The status bar's short form: "Belum kirim 12", "Offline 12", "Terkirim", or empty when not
  // enrolled.
  std::string SyncBadge() const;
  // How the journal stands with the ledger, for the status bar's colour: kSent (all sent),
  // kSending (unsent, and the last attempt did not fail), kOffline (unsent, and the last
  // attempt failed: no connection, or the ledger refused); kNotEnrolled.
  enum class SyncState { kNotEnrolled, kSent, kSending, kOffline };
  SyncState sync_state() const;
  // How long ago `time` was, in minutes, hours or days ("5 menit", "3 jam").
  std::string AgeText(TimePoint time) const;
  // Links the terminal to a ledger with the organiser's enrolment code (typed or pasted);
  // the owner's to do.
  bool EnrolSync(const std::string& code);
  // The same with the code file the organiser put on a USB stick for this terminal
  // (sync/enrolment_file.h: looked for under MediaRoots(), deleted once used).
  bool EnrolFromUsb();
  // Asks the background uploader to sync now.
  void RequestSync() { sync_request_ = SyncRequest::kNow; }
  // What the main loop should tell the uploader, once: kNewEntries after anything was
  // written to the journal (a nudge), kNow after RequestSync() or an enrolment.
  enum class SyncRequest { kNone, kNewEntries, kNow };
  SyncRequest TakeSyncRequest() { return std::exchange(sync_request_, SyncRequest::kNone); }
  // The database opened from the set-up screen instead of the one given; empty if none.
  const std::string& opened_path() const { return opened_path_; }

  // ---- the day ----
  // The business day of the open session when it is not today's: a day left open past the
  // cut-off, which must be closed (drawer counted, Z) before anything is sold today. As of the
  // last login, sale or day action; empty when none.
  std::string DayLeftOpen() const;
  // The day screen of the open session (a day left open, or today's), else of today.
  void ShowDay();
  bool OpenDay(Money opening_float);
  // Kas masuk/keluar in the open day's drawer, with the owner's PIN; refreshes the day's figures.
  bool MoveCash(CashDirection direction, Money amount, const std::string& reason, const std::string& owner_pin);
  // Closes the day with the drawer counted note by note; last_z() holds the Z report.
  bool CloseDay(const CashCount& count);

 private:
  bool Refuse(const Status& status);  // keeps the message in language(), returns false
  bool AddPayment(const Payment& payment);
  bool KeepQris(const Result<StaticQris>& set);  // a code the terminal kept, or its refusal

  StallStore* store_;                          // the one given, or opened_store_
  std::unique_ptr<StallStore> opened_store_;  // a database opened from the set-up screen
  const Clock& clock_;
  app::Terminal terminal_;                     // over *store_
  StallInfo stall_;
  std::optional<BusinessCalendar> calendar_;
  std::vector<Product> products_;
  std::vector<std::string> categories_;
  Screen screen_ = Screen::kLogin;
  Language language_ = Language::kIndonesian;
  Cart cart_;
  std::string message_;
  std::optional<Receipt> last_receipt_;
  std::vector<Receipt> history_;
  std::string history_day_;
  void ReadHistory(const std::string& day);
  std::optional<DayReport> day_report_;
  std::optional<ZReport> last_z_;
  std::vector<ZReport> z_reports_;
  std::vector<Product> catalog_;
  float text_scale_ = 1.0f;
  std::optional<StaticQris> qris_;
  std::optional<Money> qris_fee_;
  std::string printer_;
  std::string receipt_footer_;
  std::string print_status_;
  std::unique_ptr<print::PrintSpooler> spooler_;
  struct QrisCode {  // the last code QrisCodeForRemaining() made, and for what amount
    bool made = false;
    Money amount;
    std::string payload;  // empty when none could be made
  };
  QrisCode qris_code_;
  std::optional<SyncProgress> sync_progress_;
  SyncRequest sync_request_ = SyncRequest::kNone;
  // After an entry is written: nudges the uploader and counts it unsent at once (the status
  // bar never says "Semua terkirim" over a sale the ledger has not had).
  void NoteNewEntries();
  std::string opened_path_;
  std::optional<std::string> open_day_;  // the open session's business day, as last read
  void ReadOpenDay();
  void ReadDayGlance();
  DayGlance day_glance_;
  void LoadProducts();
  void LoadStall();
  // What the owner may also change from the command line while the till runs (`lapak qris`,
  // `lapak qris fee`, `lapak printer`): read at start, before each payment and on the
  // settings screen.
  void ReadOwnerSettings();
};

}  // namespace lapak::pos
