#include "app/pos/pos_model.h"

#include <algorithm>
#include <limits>

#include "app/pos/demo_stall.h"
#include "app/print/print_spooler.h"
#include "core/refusal.h"
#include "core/removable_media.h"

namespace lapak::pos {

PosModel::PosModel(StallStore& store, const Clock& clock)
    : store_(&store), clock_(clock), terminal_(store, clock), spooler_(std::make_unique<print::PrintSpooler>()) {
  LoadStall();
  language_ = terminal_.StoredLanguage();
  text_scale_ = static_cast<float>(terminal_.StoredTextPercent()) / 100.0f;
  RefreshSync();
}

PosModel::~PosModel() = default;

void PosModel::LoadStall() {
  Result<StallInfo> info = store_->Info();
  screen_ = info.ok() ? Screen::kLogin : Screen::kSetup;
  if (info.ok()) {
    stall_ = *info;
    if (Result<BusinessCalendar> calendar = BusinessCalendar::Make(stall_.time_zone, stall_.day_cutoff); calendar.ok()) {
      calendar_ = std::move(calendar).value();
    }
    ReadOwnerSettings();
  }
  LoadProducts();
}

void PosModel::ReadOwnerSettings() {
  std::optional<StaticQris> qris = terminal_.StoredQris();
  std::optional<Money> qris_fee = terminal_.StoredQrisFee();
  auto payload = [](const std::optional<StaticQris>& code) { return code ? code->payload() : std::string(); };
  if (qris_fee != qris_fee_ || payload(qris) != payload(qris_)) {
    qris_code_ = {};  // made for what is no longer kept
  }
  qris_ = std::move(qris);
  qris_fee_ = qris_fee;
  printer_ = terminal_.StoredPrinter();
  receipt_footer_ = terminal_.StoredReceiptFooter();
}

bool PosModel::SetUp(const StallSetup& setup) {
  if (Status done = terminal_.SetUp(setup); !done.ok()) return Refuse(done);
  message_.clear();
  LoadStall();
  return true;
}

bool PosModel::ConfirmPin(const std::string& pin, const std::string& again) {
  if (pin != again) return Refuse(lapak::Refuse(Refusal::kPinsDiffer));
  message_.clear();
  return true;
}

bool PosModel::OpenDatabase(const std::string& path) {
  // The terminal's database from now on: opened as the long-running writer (checked first
  // after an unclean shutdown, core/durable_database.h).
  Result<std::unique_ptr<StallStore>> opened =
      StallStore::Open(path, clock_, OpenMode::kMustExist, DatabaseUse::kServe);
  if (!opened.ok()) return Refuse(opened.status());
  if (Result<StallInfo> info = (*opened)->Info(); !info.ok()) return Refuse(info.status());
  opened_store_ = std::move(opened).value();
  store_ = opened_store_.get();
  terminal_ = app::Terminal(*store_, clock_);
  opened_path_ = path;
  message_.clear();
  LoadStall();
  RefreshSync();
  return true;
}

bool PosModel::SetUpDemo() {
  if (Status done = SetUpDemoStall(*store_); !done.ok()) return Refuse(done);
  message_.clear();
  LoadStall();
  return true;
}

void PosModel::SetLanguage(Language language) {
  language_ = language;
  if (Status saved = terminal_.SetLanguage(language); !saved.ok()) Refuse(saved);
}

void PosModel::LoadProducts() {
  Result<std::vector<Product>> products = store_->Products(false);
  products_ = products.ok() ? std::move(products).value() : std::vector<Product>();
  categories_.clear();
  for (const Product& product : products_) {
    if (std::find(categories_.begin(), categories_.end(), product.category) == categories_.end()) {
      categories_.push_back(product.category);
    }
  }
}

void PosModel::StepTextScale(int direction) {
  const int percent = std::clamp(static_cast<int>(text_scale_ * 100 + 0.5f) + 20 * direction,
                                 app::kMinTextPercent, app::kMaxTextPercent);
  text_scale_ = static_cast<float>(percent) / 100.0f;
  if (Status saved = terminal_.SetTextPercent(percent); !saved.ok()) Refuse(saved);
}

void PosModel::ShowCatalog() {
  message_.clear();
  Result<std::vector<Product>> all = store_->Products(true);
  if (!all.ok()) Refuse(all.status());
  catalog_ = all.ok() ? std::move(all).value() : std::vector<Product>();
  screen_ = Screen::kCatalog;
}

bool PosModel::SaveProduct(const Product& product) {
  if (Status saved = terminal_.SaveProduct(product); !saved.ok()) return Refuse(saved);
  LoadProducts();
  ShowCatalog();
  return true;
}

bool PosModel::ImportCatalogFile(const std::string& path, bool replace) {
  Result<size_t> imported = terminal_.ImportCatalogFile(path, replace);
  if (!imported.ok()) return Refuse(imported.status());
  LoadProducts();
  ShowCatalog();
  message_ = std::to_string(*imported) + " " + Tr(language_, Text::kImported);
  return true;
}

bool PosModel::SetQris(const std::string& code) { return KeepQris(terminal_.SetQris(code)); }

bool PosModel::SetQrisFromUsb() { return KeepQris(terminal_.SetQrisFromMedia(MediaRoots())); }

bool PosModel::KeepQris(const Result<StaticQris>& set) {
  if (!set.ok()) return Refuse(set.status());
  qris_ = *set;
  qris_code_ = {};
  message_ = std::string(Tr(language_, Text::kQrisSaved)) + ": " + set->merchant_name();
  return true;
}

void PosModel::ShowSettings() {
  message_.clear();
  ReadOwnerSettings();
  RefreshSync();
  screen_ = Screen::kSettings;
}

std::string PosModel::BusinessDay() const {
  Result<std::string> today = store_->Today();
  return today.ok() ? *today : std::string();
}

std::string PosModel::ClockText() const {
  const std::string local = DateAndClockText();  // "2026-11-22 19:05 WIB"
  return local.substr(local.find(' ') + 1);
}

std::string PosModel::TimeOfDayText() const {
  const std::string clock = ClockText();  // "19:05 WIB"
  return clock.substr(0, clock.find(' '));
}

std::string PosModel::DateAndClockText() const {
  return calendar_ ? calendar_->LocalTime(clock_.Now()) : std::string();
}

SaleTotals PosModel::Totals() const {
  Result<SaleTotals> totals = cart_.Totals();
  return totals.ok() ? *totals : SaleTotals();
}

bool PosModel::Refuse(const Status& status) {
  message_ = Explain(status, language_);
  return false;
}

bool PosModel::Login(Role role, const std::string& pin) {
  if (Status checked = terminal_.LogIn(role, pin); !checked.ok()) return Refuse(checked);
  message_.clear();
  ReadOpenDay();
  ReadDayGlance();
  screen_ = Screen::kSell;
  return true;
}

void PosModel::Logout() {
  terminal_.LogOut();
  cart_.Clear();
  message_.clear();
  screen_ = Screen::kLogin;
}

bool PosModel::AddToCart(const Product& product) {
  if (Status added = cart_.AddProduct(product); !added.ok()) return Refuse(added);
  message_.clear();
  return true;
}

bool PosModel::AddCustomAmount(Money amount) {
  if (Status added = cart_.AddCustom(amount); !added.ok()) return Refuse(added);
  message_.clear();
  return true;
}

bool PosModel::SetDiscount(const Discount& discount) {
  if (Status set = cart_.SetDiscount(discount); !set.ok()) return Refuse(set);
  message_.clear();
  return true;
}

void PosModel::ClearCart() {
  cart_.Clear();
  message_.clear();
}

bool PosModel::ChangeQuantity(size_t line, int64_t delta) {
  if (line >= cart_.lines().size()) return false;
  const int64_t quantity = cart_.lines()[line].quantity + delta;
  if (quantity < 1) return RemoveLine(line);
  if (Status set = cart_.SetQuantity(line, quantity); !set.ok()) return Refuse(set);
  return true;
}

bool PosModel::RemoveLine(size_t line) {
  if (Status removed = cart_.RemoveLine(line); !removed.ok()) return Refuse(removed);
  return true;
}

bool PosModel::StartPayment() {
  if (cart_.empty()) return false;
  message_.clear();
  ReadOwnerSettings();
  screen_ = Screen::kPay;
  return true;
}

bool PosModel::AddPayment(PaymentMethod method, Money amount) { return AddPayment(Payment{method, amount, {}}); }

bool PosModel::AddPayment(const Payment& payment) {
  if (Status added = cart_.AddPayment(payment); !added.ok()) return Refuse(added);
  message_.clear();
  return true;
}

bool PosModel::PayRemaining(PaymentMethod method) {
  const Money remaining = Totals().remaining;
  if (remaining.is_zero()) return false;
  return AddPayment(method, remaining);
}

const std::string& PosModel::QrisCodeForRemaining() {
  const Money remaining = Totals().remaining;
  if (!qris_code_.made || qris_code_.amount != remaining) {
    qris_code_ = {true, remaining, {}};
    if (qris_ && !remaining.is_zero()) {
      Result<std::string> code = qris_->ForPayment(remaining, qris_fee_);
      if (code.ok()) {
        qris_code_.payload = *code;
      } else {
        Refuse(code.status());  // above Bank Indonesia's limit for one QRIS payment
      }
    }
  }
  return qris_code_.payload;
}

bool PosModel::PayRemainingByQrisShown() {
  const std::string& code = QrisCodeForRemaining();
  if (code.empty()) return false;
  return AddPayment(Payment{PaymentMethod::kQris, Totals().remaining, QrisCodeHash(code)});
}

void PosModel::ClearPayments() {
  cart_.ClearPayments();
  message_.clear();
}

void PosModel::BackToSell() {
  cart_.ClearPayments();
  message_.clear();
  screen_ = Screen::kSell;
}

bool PosModel::Complete() {
  Result<CompletedSale> sale = cart_.Complete();
  if (!sale.ok()) return Refuse(sale.status());
  Result<Receipt> receipt = terminal_.Sell(*sale);
  if (!receipt.ok()) return Refuse(receipt.status());
  last_receipt_ = std::move(receipt).value();
  cart_.Clear();
  message_.clear();
  ReadOpenDay();  // a sale opens the day when none is
  if (day_glance_.business_day == last_receipt_->business_day) {
    ++day_glance_.sales;
    for (const SaleLine& line : last_receipt_->sale.lines) day_glance_.items += line.quantity;
    day_glance_.net = day_glance_.net.Plus(last_receipt_->sale.totals.total).value_or(day_glance_.net);
  } else {
    ReadDayGlance();
  }
  screen_ = Screen::kReceipt;
  NoteNewEntries();
  PrintReceipt(*last_receipt_);  // committed first: the printer cannot change that
  return true;
}

void PosModel::NewSale() {
  last_receipt_.reset();
  ShowSell();
}

void PosModel::ShowSell() {
  message_.clear();
  screen_ = cart_.payments().empty() ? Screen::kSell : Screen::kPay;
}

void PosModel::ShowHistory() {
  message_.clear();
  ReadOpenDay();
  ReadHistory(open_day_ ? *open_day_ : BusinessDay());
  screen_ = Screen::kHistory;
}

void PosModel::StepHistoryDay(int days) {
  message_.clear();
  const std::string day = AddDays(history_day_, days);
  ReadHistory(std::min(day, BusinessDay()));
}

void PosModel::ReadHistory(const std::string& day) {
  history_day_ = day;
  Result<std::vector<Receipt>> history = store_->History(day, 500);
  if (!history.ok()) Refuse(history.status());
  history_ = history.ok() ? std::move(history).value() : std::vector<Receipt>();
}

bool PosModel::MayVoid(const Receipt& sale) const {
  return !sale.voided && open_day_ && sale.business_day == *open_day_;
}

bool PosModel::VoidSale(const std::string& receipt, const std::string& owner_pin, const std::string& reason) {
  Result<Receipt> voided = terminal_.Void(receipt, owner_pin, reason);
  if (!voided.ok()) return Refuse(voided.status());
  ReadDayGlance();
  NoteNewEntries();
  ReadHistory(history_day_);
  message_.clear();
  return true;
}

void PosModel::ReadDayGlance() {
  DayGlance glance;
  glance.business_day = BusinessDay();
  Result<std::vector<Receipt>> sales = store_->History(glance.business_day, std::numeric_limits<int32_t>::max());
  if (!sales.ok()) return;  // the glance is a convenience: it stays as it was
  for (const Receipt& sale : *sales) {
    if (sale.voided) continue;
    ++glance.sales;
    for (const SaleLine& line : sale.sale.lines) glance.items += line.quantity;
    glance.net = glance.net.Plus(sale.sale.totals.total).value_or(glance.net);
  }
  day_glance_ = std::move(glance);
}

void PosModel::ReadOpenDay() {
  Result<std::optional<lapak::OpenDay>> current = store_->CurrentDay();
  open_day_ = current.ok() && current->has_value() ? std::optional<std::string>((*current)->business_day)
                                                  : std::nullopt;
}

std::string PosModel::DayLeftOpen() const {
  return open_day_ && *open_day_ != BusinessDay() ? *open_day_ : std::string();
}

void PosModel::ShowDay() {
  message_.clear();
  ReadOpenDay();
  Result<DayReport> report = store_->ReportDay(open_day_ ? *open_day_ : BusinessDay());
  if (!report.ok()) Refuse(report.status());
  day_report_ = report.ok() ? std::optional<DayReport>(std::move(report).value()) : std::nullopt;
  Result<std::vector<ZReport>> z_reports = store_->ZReports();
  if (!z_reports.ok()) Refuse(z_reports.status());
  z_reports_ = z_reports.ok() ? std::move(z_reports).value() : std::vector<ZReport>();
  std::reverse(z_reports_.begin(), z_reports_.end());
  screen_ = Screen::kDay;
}

bool PosModel::OpenDay(Money opening_float) {
  Result<lapak::OpenDay> opened = terminal_.OpenDay(opening_float);
  if (!opened.ok()) return Refuse(opened.status());
  last_z_.reset();
  NoteNewEntries();
  ShowDay();
  return true;
}

bool PosModel::MoveCash(CashDirection direction, Money amount, const std::string& reason,
                        const std::string& owner_pin) {
  Result<CashMoveRecord> moved = terminal_.MoveCash(direction, amount, reason, owner_pin);
  if (!moved.ok()) return Refuse(moved.status());
  NoteNewEntries();
  ShowDay();
  return true;
}

bool PosModel::CloseDay(const CashCount& count) {
  Result<Money> counted = CashCountTotal(count);
  if (!counted.ok()) return Refuse(counted.status());
  Result<ZReport> z = terminal_.CloseDay(*counted);
  if (!z.ok()) return Refuse(z.status());
  last_z_ = std::move(z).value();
  NoteNewEntries();
  ShowDay();
  PrintZ(*last_z_);  // recorded first, as a receipt
  return true;
}

}  // namespace lapak::pos
