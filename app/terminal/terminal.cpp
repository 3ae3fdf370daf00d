#include "app/terminal/terminal.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "app/common/qr_scan.h"
#include "app/print/printer.h"
#include "app/print/slip.h"
#include "core/catalog.h"
#include "core/refusal.h"
#include "core/removable_media.h"
#include "core/retire_database.h"
#include "core/small_file.h"
#include "sync/enrolment.h"
#include "sync/enrolment_file.h"

namespace lapak::app {

namespace {

// The store's preference names for the terminal's look.
constexpr std::string_view kLanguagePreference = "language";
constexpr std::string_view kTextPercentPreference = "text_percent";
constexpr std::string_view kQrisPreference = "qris_static";
constexpr std::string_view kQrisFeePreference = "qris_fee";  // whole rupiah digits; "" for none
constexpr std::string_view kPrinterPreference = "printer";
constexpr std::string_view kReceiptFooterPreference = "receipt_footer";

}  // namespace

Status Terminal::SetUp(const StallSetup& setup) { return store_->Initialise(setup); }

Status Terminal::LogIn(Role role, const std::string& pin) {
  LAPAK_RETURN_IF_ERROR(store_->CheckPin(role, pin));
  role_ = role;
  return Status::Ok();
}

Result<Receipt> Terminal::Sell(const CompletedSale& sale) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSell));
  return store_->RecordSale(sale);
}

Result<Receipt> Terminal::Void(const std::string& receipt, const std::string& owner_pin,
                               const std::string& reason) {
  // The owner's PIN, checked by the store inside the void, is the authority: a kasir holding
  // the till may void with the owner standing by.
  return store_->VoidSale(receipt, owner_pin, reason);
}

Result<CashMoveRecord> Terminal::MoveCash(CashDirection direction, Money amount, const std::string& reason,
                                          const std::string& owner_pin) {
  // As a void: the owner's PIN, checked by the store inside the move, is the authority.
  return store_->RecordCashMove(direction, amount, reason, owner_pin);
}

Result<lapak::OpenDay> Terminal::OpenDay(Money opening_float) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kOpenDay));
  return store_->OpenDaySession(opening_float);
}

Result<ZReport> Terminal::CloseDay(Money counted_cash) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kCloseDay));
  return store_->CloseDay(counted_cash);
}

Status Terminal::SaveProduct(const Product& product) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kEditCatalog));
  return store_->SaveProduct(product);
}

Result<size_t> Terminal::ImportCatalogFile(const std::string& path, bool deactivate_missing) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kEditCatalog));
  Result<std::string> text = ReadSmallFile(path, kMaxCatalogCsvBytes);
  if (!text.ok()) return text.status();
  Result<std::vector<Product>> products = ParseCatalogCsv(*text);
  if (!products.ok()) return products.status();
  LAPAK_RETURN_IF_ERROR(store_->ImportCatalog(*products, deactivate_missing));
  return products->size();
}

Status Terminal::Enrol(std::string_view code) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kEnrol));
  Result<sync::EnrolmentCode> parsed = sync::ParseEnrolmentCode(code);
  if (!parsed.ok()) return parsed.status();
  Result<StallInfo> info = store_->Info();
  if (!info.ok()) return info.status();
  if (parsed->terminal_id != info->terminal_id) {
    return Refuse(Refusal::kCodeForOtherTerminal, parsed->terminal_id, info->terminal_id);
  }
  // The ledger books every entry on the event's business day: a terminal whose days turn
  // elsewhere would have its first sale of the night refused, for good.
  const std::optional<sync::EventCalendarText>& event = parsed->calendar;
  if (event && (event->time_zone != info->time_zone || event->day_cutoff != info->day_cutoff)) {
    return Refuse(Refusal::kCodeForOtherCalendar, event->time_zone, event->day_cutoff, info->time_zone,
                  info->day_cutoff);
  }
  return store_->Enrol({parsed->ledger_url, parsed->terminal_key});
}

Result<Terminal::EnrolledFromFile> Terminal::EnrolFromMedia(const std::vector<std::string>& roots) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kEnrol));
  Result<StallInfo> info = store_->Info();
  if (!info.ok()) return info.status();
  Result<std::string> path = sync::FindEnrolmentFile(roots, info->stall_id, info->terminal_id);
  if (!path.ok()) return path.status();
  Result<std::string> code = sync::ReadEnrolmentFile(*path);
  if (!code.ok()) return code.status();
  if (Status enrolled = Enrol(*code); !enrolled.ok()) return RefuseAt(Refusal::kAtEnrolmentFile, *path)(enrolled);
  std::error_code error;
  const bool deleted = std::filesystem::remove(*path, error) && !error;
  return EnrolledFromFile{*path, deleted};
}

Result<StaticQris> Terminal::SetQris(std::string_view payload) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSetQris));
  Result<StaticQris> qris = StaticQris::Parse(payload);
  if (!qris.ok()) return qris.status();
  LAPAK_RETURN_IF_ERROR(store_->SetPreference(kQrisPreference, qris->payload()));
  return qris;
}

Result<StaticQris> Terminal::SetQrisFromImage(const std::string& path) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSetQris));
  Result<std::vector<std::string>> codes = ReadQrCodesInImage(path);
  if (!codes.ok()) return codes.status();
  Status first_refusal;
  for (const std::string& code : *codes) {
    Result<StaticQris> set = SetQris(code);
    if (set.ok()) return set;
    if (first_refusal.ok()) first_refusal = set.status();
  }
  return first_refusal;
}

Result<StaticQris> Terminal::SetQrisFromMedia(const std::vector<std::string>& roots) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSetQris));
  std::vector<std::string> names;
  for (const char* stem : {"qris", "QRIS", "Qris"}) {
    for (const char* extension : {"png", "jpg", "jpeg", "PNG", "JPG", "JPEG"}) {
      names.push_back(std::string(stem) + "." + extension);
    }
  }
  const std::optional<std::string> image = FindNewestOnMedia(roots, names);
  if (!image) return Refuse(Refusal::kNoQrisImageOnMedia, ListRoots(roots));
  return SetQrisFromImage(*image);
}

Status Terminal::SetQrisFee(std::optional<Money> fee) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSetQris));
  if (fee) LAPAK_RETURN_IF_ERROR(CheckQrisFee(*fee));
  return store_->SetPreference(kQrisFeePreference, fee ? std::to_string(fee->rupiah()) : std::string());
}

std::optional<Money> Terminal::StoredQrisFee() const {
  Result<std::optional<std::string>> stored = store_->Preference(kQrisFeePreference);
  if (!stored.ok() || !*stored || (*stored)->empty()) return std::nullopt;
  Result<Money> fee = ParseMoney(**stored);
  if (!fee.ok() || !CheckQrisFee(*fee).ok()) return std::nullopt;
  return *fee;
}

std::optional<StaticQris> Terminal::StoredQris() const {
  Result<std::optional<std::string>> stored = store_->Preference(kQrisPreference);
  if (!stored.ok() || !*stored) return std::nullopt;
  Result<StaticQris> qris = StaticQris::Parse(**stored);
  if (!qris.ok()) return std::nullopt;
  return *qris;
}

Status Terminal::SetPrinter(std::string_view address) {
  if (!role_) return Refuse(Refusal::kLogInFirst);
  if (!address.empty()) LAPAK_RETURN_IF_ERROR(print::CheckPrinterAddress(address));
  return store_->SetPreference(kPrinterPreference, address);
}

std::string Terminal::StoredPrinter() const {
  Result<std::optional<std::string>> stored = store_->Preference(kPrinterPreference);
  return stored.ok() && *stored ? **stored : std::string();
}

Status Terminal::SetReceiptFooter(std::string_view footer) {
  LAPAK_RETURN_IF_ERROR(Authorise(role_, Action::kSetReceiptFooter));
  LAPAK_RETURN_IF_ERROR(print::CheckReceiptFooter(footer));
  return store_->SetPreference(kReceiptFooterPreference, footer);
}

std::string Terminal::StoredReceiptFooter() const {
  Result<std::optional<std::string>> stored = store_->Preference(kReceiptFooterPreference);
  return stored.ok() && *stored ? **stored : std::string();
}

Status Terminal::SetLanguage(Language language) {
  return store_->SetPreference(kLanguagePreference, LanguageCode(language));
}

Status Terminal::SetTextPercent(int percent) {
  const int clamped = std::clamp(percent, kMinTextPercent, kMaxTextPercent);
  return store_->SetPreference(kTextPercentPreference, std::to_string(clamped));
}

Language Terminal::StoredLanguage() const {
  Result<std::optional<std::string>> stored = store_->Preference(kLanguagePreference);
  return stored.ok() && *stored ? LanguageFromCode(**stored) : Language::kIndonesian;
}

int Terminal::StoredTextPercent() const {
  Result<std::optional<std::string>> stored = store_->Preference(kTextPercentPreference);
  if (!stored.ok() || !*stored) return 100;
  return std::clamp(std::atoi((*stored)->c_str()), kMinTextPercent, kMaxTextPercent);
}

Result<std::string> ResetTerminal(const std::string& path, const Clock& clock, Role role,
                                  const std::string& pin) {
  {
    Result<std::unique_ptr<StallStore>> store = StallStore::Open(path, clock, OpenMode::kMustExist);
    if (!store.ok()) return store.status();
    Terminal terminal(**store, clock);
    LAPAK_RETURN_IF_ERROR(terminal.LogIn(role, pin));
    LAPAK_RETURN_IF_ERROR(Authorise(terminal.role(), Action::kReset));
  }  // closed: RetireDatabase needs the database to itself
  return RetireDatabase(path, clock);
}

}  // namespace lapak::app
