// Terminal: the use cases of a stall's terminal, the one door through which both front ends
// (`lapak-pos`'s screens and the `lapak` command line) change the books. Each use case asks
// core/permissions.h whether the person logged in may do it before anything is written, so
// no front end decides by hiding a button or by forgetting a check.
//
//   use case                      who
//   LogIn                         anyone with the role's PIN (a wrong PIN counts towards the lock)
//   Sell, OpenDay, CloseDay       kasir or pemilik
//   Void, MoveCash                the owner's PIN, given with each one, whoever holds the till
//   SaveProduct, ImportCatalog    pemilik
//   Enrol, EnrolFromMedia         pemilik
//   SetQris, SetQrisFrom…         pemilik
//   SetLanguage, SetTextPercent   anyone, logged in or not (the terminal's look, not its books)
//   SetPrinter                    kasir or pemilik (the device at the stall, not its books)
//   SetReceiptFooter              pemilik
//   ResetTerminal                 pemilik (a free function: it needs the database closed)
//
// Reads (reports, history, the catalog, sync progress) need no role and go to store().
// Refusals are coded Statuses (core/refusal.h); nothing changes when one is returned.
//
// Thread-safety: as StallStore, one thread at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/language.h"
#include "core/permissions.h"
#include "core/qris.h"
#include "core/store.h"

namespace lapak::app {

// The text sizes a terminal offers, in percent of the normal size.
inline constexpr int kMinTextPercent = 80;
inline constexpr int kMaxTextPercent = 160;

class Terminal {
 public:
  // `store` and `clock` must outlive the terminal.
  Terminal(StallStore& store, const Clock& clock) : store_(&store), clock_(&clock) {}

  StallStore& store() const { return *store_; }
  // The role proved by the last successful LogIn; nullopt before it and after LogOut.
  std::optional<Role> role() const { return role_; }

  // First run, no role: sets the terminal up for a stall.
  [[nodiscard]] Status SetUp(const StallSetup& setup);

  // Checks `pin` for `role` (a wrong one counts towards the lock) and remembers the role.
  [[nodiscard]] Status LogIn(Role role, const std::string& pin);
  void LogOut() { role_.reset(); }

  [[nodiscard]] Result<Receipt> Sell(const CompletedSale& sale);
  [[nodiscard]] Result<Receipt> Void(const std::string& receipt, const std::string& owner_pin,
                                     const std::string& reason);
  // Kas masuk/keluar: cash put into the open day's drawer or taken out of it, with a reason.
  [[nodiscard]] Result<CashMoveRecord> MoveCash(CashDirection direction, Money amount, const std::string& reason,
                                                const std::string& owner_pin);
  [[nodiscard]] Result<lapak::OpenDay> OpenDay(Money opening_float);
  [[nodiscard]] Result<ZReport> CloseDay(Money counted_cash);

  [[nodiscard]] Status SaveProduct(const Product& product);
  // Reads the CSV file at `path` (at most kMaxCatalogCsvBytes) and imports it all or nothing;
  // with `deactivate_missing`, products not in the file are deactivated. The count imported.
  [[nodiscard]] Result<size_t> ImportCatalogFile(const std::string& path, bool deactivate_missing);

  // Links the terminal to a ledger with the organiser's enrolment code (sync/enrolment.h),
  // refused when the code is for another terminal, or (a lapak2 code) for an event whose
  // time zone or day cut-off is not the one this terminal was set up with.
  [[nodiscard]] Status Enrol(std::string_view code);
  // Enrols with the code file for this stall's terminal found on a USB stick under `roots`
  // (sync/enrolment_file.h), then deletes the file so that the stick carries the key no
  // longer. What was used, and whether it could be deleted (a read-only stick cannot).
  struct EnrolledFromFile {
    std::string path;
    bool deleted = false;
  };
  [[nodiscard]] Result<EnrolledFromFile> EnrolFromMedia(const std::vector<std::string>& roots);

  // The stall's static QRIS (core/qris.h), checked, kept in the store's preferences; the
  // terminal derives each payment's dynamic code from it.
  [[nodiscard]] Result<StaticQris> SetQris(std::string_view payload);
  // The same from a photo of the printed sticker (app/common/qr_scan.h): the first QR code in
  // it that is a valid static QRIS; else the refusal of the first code found, or the image's.
  [[nodiscard]] Result<StaticQris> SetQrisFromImage(const std::string& path);
  // From the newest image named qris.png, qris.jpg or qris.jpeg (any case of the name) on a USB
  // stick under `roots` (core/removable_media.h); NoQrisImageOnMedia when there is none.
  [[nodiscard]] Result<StaticQris> SetQrisFromMedia(const std::vector<std::string>& roots);
  // As kept; none when never set (or, which SetQris prevents, no longer valid).
  std::optional<StaticQris> StoredQris() const;
  // The owner's fixed convenience fee added to each dynamic QRIS (core/qris.h, CheckQrisFee),
  // or none; kept across restarts.
  [[nodiscard]] Status SetQrisFee(std::optional<Money> fee);
  std::optional<Money> StoredQrisFee() const;

  // The receipt printer's address (app/print/printer.h), checked, kept across restarts; empty
  // for none. Receipts then print after each sale is committed.
  [[nodiscard]] Status SetPrinter(std::string_view address);
  std::string StoredPrinter() const;
  // The owner's footer under each printed receipt (print::CheckReceiptFooter); empty for none.
  [[nodiscard]] Status SetReceiptFooter(std::string_view footer);
  std::string StoredReceiptFooter() const;

  // The terminal's look, kept in the store's preferences across restarts.
  [[nodiscard]] Status SetLanguage(Language language);
  [[nodiscard]] Status SetTextPercent(int percent);  // clamped to kMin/kMaxTextPercent
  // As stored; Bahasa Indonesia and 100 % when never set or unreadable.
  Language StoredLanguage() const;
  int StoredTextPercent() const;

 private:
  StallStore* store_;
  const Clock* clock_;
  std::optional<Role> role_;
};

// Retires the database at `path` (core/retire_database.h) after checking `pin` for `role` and
// that the role may reset; the retired file's path. Opens and closes the store itself.
[[nodiscard]] Result<std::string> ResetTerminal(const std::string& path, const Clock& clock, Role role,
                                                const std::string& pin);

}  // namespace lapak::app
