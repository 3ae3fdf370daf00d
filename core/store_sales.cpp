// StallStore: day sessions, sales, voids and the figures of a day.
#include <fmt/core.h>

#include "core/receipt_number.h"
#include "core/sqlite.h"
#include "core/text.h"
#include "core/store.h"

namespace lapak {

namespace {

// Sums the sales a query yields; its columns are total, cash, qris, transfer, voided.
Result<DayFigures> FoldFigures(sqlite::Statement& sales) {
  DayFigures figures;
  while (sales.Step()) {
    const SaleAmounts amounts{Money::Rupiah(sales.ColumnInt(0)), Money::Rupiah(sales.ColumnInt(1)),
                              Money::Rupiah(sales.ColumnInt(2)), Money::Rupiah(sales.ColumnInt(3))};
    LAPAK_RETURN_IF_ERROR(figures.Add(amounts, sales.ColumnInt(4) != 0));
  }
  LAPAK_RETURN_IF_ERROR(sales.status());
  return figures;
}

constexpr const char* kSelectFigures =
    "SELECT s.total, s.cash, s.qris, s.transfer, v.seq IS NOT NULL FROM sales s "
    "LEFT JOIN voids v ON v.sale_seq = s.seq";

constexpr const char* kSelectReceipt =
    "SELECT s.seq, s.receipt_number, s.business_day, j.time_utc_ms, j.body, v.seq IS NOT NULL, "
    "IFNULL(v.reason, '') FROM sales s JOIN journal j ON j.seq = s.seq "
    "LEFT JOIN voids v ON v.sale_seq = s.seq";

Status CheckAmount(std::string_view what, Money amount) {
  if (amount.is_negative() || amount > kMaxSaleTotal) {
    return Status::InvalidArgument(fmt::format("{} {} must be from Rp0 to {}", what,
                                               FormatMoney(amount), FormatMoney(kMaxSaleTotal)));
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<OpenDay>> StallStore::ReadOpenDay() {
  sqlite::Statement select(
      *db_, "SELECT day_number, business_day, open_seq, opening_float FROM days WHERE close_seq IS NULL");
  if (select.Step()) {
    return std::optional<OpenDay>(OpenDay{select.ColumnInt(0), select.ColumnText(1),
                                          select.ColumnInt(2), Money::Rupiah(select.ColumnInt(3))});
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return std::optional<OpenDay>();
}

Result<std::optional<OpenDay>> StallStore::CurrentDay() {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  return ReadOpenDay();
}

Result<OpenDay> StallStore::InsertDayOpen(TimePoint time, const std::string& business_day,
                                          Money opening_float) {
  Result<int64_t> last_day = db_->QueryInt("SELECT IFNULL(MAX(day_number), 0) FROM days");
  if (!last_day.ok()) return last_day.status();
  const int64_t day_number = *last_day + 1;
  Result<JournalEntry> entry = AppendEntry(EntryKind::kDayOpen, time, business_day,
                                           EncodeDayOpen({day_number, opening_float}));
  if (!entry.ok()) return entry.status();
  sqlite::Statement insert(*db_,
                           "INSERT INTO days (day_number, business_day, open_seq, opening_float) "
                           "VALUES (?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, day_number)
                            .Bind(2, business_day)
                            .Bind(3, entry->seq)
                            .Bind(4, opening_float.rupiah())
                            .Run());
  return OpenDay{day_number, business_day, entry->seq, opening_float};
}

Result<OpenDay> StallStore::OpenDaySession(Money opening_float) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  LAPAK_RETURN_IF_ERROR(CheckAmount("the opening float", opening_float));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<TimePoint> stamped = EntryTime();
  if (!stamped.ok()) return stamped.status();
  const TimePoint now = *stamped;
  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (open->has_value()) {
    return Status::FailedPrecondition(
        fmt::format("day {} is already open; close it first", (*open)->business_day));
  }
  Result<OpenDay> opened = InsertDayOpen(now, calendar_->BusinessDay(now), opening_float);
  if (!opened.ok()) return opened;
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return opened;
}

Result<DayFigures> StallStore::FiguresOfSession(int64_t day_number) {
  // A session lies within one business day: the business-day index finds its sales.
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = (SELECT business_day FROM days "
                                             "WHERE day_number = ?1) AND s.day_number = ?1",
                                             kSelectFigures));
  select.Bind(1, day_number);
  return FoldFigures(select);
}

Result<ZReport> StallStore::CloseDay(Money counted_cash) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  LAPAK_RETURN_IF_ERROR(CheckAmount("the counted cash", counted_cash));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<TimePoint> stamped = EntryTime();
  if (!stamped.ok()) return stamped.status();
  const TimePoint now = *stamped;
  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (!open->has_value()) return Status::FailedPrecondition("no day is open");
  const OpenDay& day = **open;

  ZReport z;
  Result<int64_t> last_z = db_->QueryInt("SELECT IFNULL(MAX(z_number), 0) FROM days");
  sqlite::Statement opened(*db_, "SELECT time_utc_ms FROM journal WHERE seq = ?");
  opened.Bind(1, day.open_seq);
  if (!opened.Step()) return opened.status().ok() ? Status::Corruption("the day's opening entry is missing") : opened.status();
  const TimePoint opened_at{std::chrono::milliseconds(opened.ColumnInt(0))};
  Result<DayFigures> figures = FiguresOfSession(day.day_number);
  if (!last_z.ok()) return last_z.status();
  if (!figures.ok()) return figures.status();
  z.z_number = *last_z + 1;
  z.day_number = day.day_number;
  z.business_day = day.business_day;
  z.open_seq = day.open_seq;
  z.opened_at = opened_at;
  z.opening_float = day.opening_float;
  z.figures = *figures;
  z.counted_cash = counted_cash;
  LAPAK_RETURN_IF_ERROR(SettleCash(z));

  Result<JournalEntry> entry = AppendEntry(EntryKind::kDayClose, now, day.business_day, EncodeZReport(z));
  if (!entry.ok()) return entry.status();
  sqlite::Statement update(*db_, "UPDATE days SET close_seq = ?, z_number = ? WHERE day_number = ?");
  LAPAK_RETURN_IF_ERROR(update.Bind(1, entry->seq).Bind(2, z.z_number).Bind(3, day.day_number).Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  z.close_seq = entry->seq;
  z.closed_at = entry->time;
  return z;
}

Result<DayReport> StallStore::ReportDay(const std::string& business_day) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (!IsIsoDate(business_day)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a date YYYY-MM-DD", business_day));
  }
  sqlite::ReadTransaction snapshot(*db_);
  LAPAK_RETURN_IF_ERROR(snapshot.status());
  DayReport report;
  report.business_day = business_day;
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = ?", kSelectFigures));
  select.Bind(1, business_day);
  Result<DayFigures> figures = FoldFigures(select);
  if (!figures.ok()) return figures.status();
  report.figures = *figures;

  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (open->has_value() && (*open)->business_day == business_day) {
    report.open_day = **open;
    Result<DayFigures> session = FiguresOfSession((*open)->day_number);
    if (!session.ok()) return session.status();
    const std::optional<Money> expected = ExpectedCash((*open)->opening_float, *session);
    if (!expected) return Status::InvalidArgument("the cash figures overflow");
    report.expected_cash_now = *expected;
  }
  sqlite::Statement zs(*db_,
                       "SELECT z_number FROM days WHERE business_day = ? AND z_number IS NOT NULL "
                       "ORDER BY z_number");
  zs.Bind(1, business_day);
  while (zs.Step()) report.z_numbers.push_back(zs.ColumnInt(0));
  LAPAK_RETURN_IF_ERROR(zs.status());
  return report;
}

Result<ZReport> StallStore::ReadZReport(int64_t close_seq) {
  sqlite::Statement select(*db_, "SELECT body, time_utc_ms FROM journal WHERE seq = ? AND kind = 'day_close'");
  select.Bind(1, close_seq);
  if (!select.Step()) {
    LAPAK_RETURN_IF_ERROR(select.status());
    return Status::Corruption(fmt::format("journal entry {} is not a day close", close_seq));
  }
  Result<ZReport> z = DecodeZReport(select.ColumnText(0));
  if (!z.ok()) return Status::Corruption(fmt::format("entry {}: {}", close_seq, z.status().message()));
  z->close_seq = close_seq;
  z->closed_at = TimePoint{std::chrono::milliseconds(select.ColumnInt(1))};
  return z;
}

Result<ZReport> StallStore::FindZReport(int64_t z_number) {
  sqlite::Statement select(*db_, "SELECT close_seq FROM days WHERE z_number = ?");
  select.Bind(1, z_number);
  if (!select.Step()) {
    LAPAK_RETURN_IF_ERROR(select.status());
    return Status::NotFound(fmt::format("there is no Z report number {}", z_number));
  }
  return ReadZReport(select.ColumnInt(0));
}

Result<std::vector<ZReport>> StallStore::ZReports() {
  sqlite::Statement select(*db_, "SELECT close_seq FROM days WHERE z_number IS NOT NULL ORDER BY z_number");
  std::vector<ZReport> reports;
  while (select.Step()) {
    Result<ZReport> z = ReadZReport(select.ColumnInt(0));
    if (!z.ok()) return z.status();
    reports.push_back(std::move(z).value());
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return reports;
}

Result<Receipt> StallStore::RecordSale(const CompletedSale& sale) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  // The sale must still obey every rule: a caller cannot hand in totals of its own making.
  Result<SaleTotals> totals = ComputeTotals(sale.lines, sale.discount, sale.payments);
  if (!totals.ok()) return totals.status();
  if (sale.lines.empty() || !totals->remaining.is_zero() || *totals != sale.totals) {
    return Status::InvalidArgument("the sale is empty, under-paid or its totals do not add up");
  }
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<TimePoint> stamped = EntryTime();
  if (!stamped.ok()) return stamped.status();
  const TimePoint now = *stamped;
  const std::string today = calendar_->BusinessDay(now);
  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (open->has_value() && (*open)->business_day != today) {
    return Status::FailedPrecondition(fmt::format(
        "day {} is still open; close it (Z report) before selling on {}", (*open)->business_day, today));
  }
  if (!open->has_value()) {
    Result<OpenDay> opened = InsertDayOpen(now, today, Money());
    if (!opened.ok()) return opened.status();
    *open = *opened;
  }
  const OpenDay& day = **open;

  sqlite::Statement last(*db_, "SELECT IFNULL(MAX(receipt_number), 0) FROM sales WHERE business_day = ?");
  last.Bind(1, today);
  if (!last.Step()) return last.status().ok() ? Status::Corruption("no answer for the last receipt") : last.status();
  const int64_t receipt_number = last.ColumnInt(0) + 1;
  const std::string receipt = FormatReceiptNumber(today, receipt_number);

  Result<JournalEntry> entry =
      AppendEntry(EntryKind::kSale, now, today, EncodeSale({day.day_number, receipt, sale}));
  if (!entry.ok()) return entry.status();
  const SaleAmounts amounts = AmountsOf(sale);
  sqlite::Statement insert(*db_,
                           "INSERT INTO sales (seq, receipt_number, day_number, business_day, total, "
                           "cash, qris, transfer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, entry->seq)
                            .Bind(2, receipt_number)
                            .Bind(3, day.day_number)
                            .Bind(4, today)
                            .Bind(5, amounts.total.rupiah())
                            .Bind(6, amounts.cash.rupiah())
                            .Bind(7, amounts.qris.rupiah())
                            .Bind(8, amounts.transfer.rupiah())
                            .Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return Receipt{entry->seq, receipt, today, FormatUtc(now), calendar_->LocalTime(now), sale, false, ""};
}

Result<Receipt> StallStore::VoidSale(const std::string& receipt, const std::string& owner_pin,
                                     const std::string& reason) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  LAPAK_RETURN_IF_ERROR(ValidateText("the reason for a void", reason, kMaxReasonBytes));
  LAPAK_RETURN_IF_ERROR(CheckPin(Role::kOwner, owner_pin));

  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<TimePoint> stamped = EntryTime();
  if (!stamped.ok()) return stamped.status();
  const TimePoint now = *stamped;
  const std::optional<ReceiptNumber> number = ParseReceiptNumber(receipt);
  sqlite::Statement sale(*db_,
                         "SELECT s.seq, s.day_number, s.total, v.seq IS NOT NULL FROM sales s "
                         "LEFT JOIN voids v ON v.sale_seq = s.seq "
                         "WHERE s.business_day = ? AND s.receipt_number = ?");
  if (number) sale.Bind(1, number->business_day).Bind(2, number->number);
  if (!number || !sale.Step()) {
    LAPAK_RETURN_IF_ERROR(sale.status());
    return Status::NotFound(fmt::format("no sale with receipt {}", receipt));
  }
  const int64_t sale_seq = sale.ColumnInt(0);
  const int64_t day_number = sale.ColumnInt(1);
  const Money total = Money::Rupiah(sale.ColumnInt(2));
  if (sale.ColumnInt(3) != 0) {
    return Status::AlreadyExists(fmt::format("receipt {} is already voided", receipt));
  }
  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (!open->has_value() || (*open)->day_number != day_number) {
    return Status::FailedPrecondition(
        fmt::format("receipt {} belongs to a day already closed with a Z report; it cannot be voided",
                    receipt));
  }
  Result<JournalEntry> entry =
      AppendEntry(EntryKind::kVoid, now, (*open)->business_day,
                  EncodeVoid({day_number, sale_seq, receipt, reason, total}));
  if (!entry.ok()) return entry.status();
  sqlite::Statement insert(*db_, "INSERT INTO voids (seq, sale_seq, reason) VALUES (?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, entry->seq).Bind(2, sale_seq).Bind(3, reason).Run());
  // Read back before COMMIT: once committed, the void must not be reported as failed.
  Result<Receipt> voided = FindReceipt(receipt);
  if (!voided.ok()) return voided.status();
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return voided;
}

Result<Receipt> StallStore::ReceiptFromRow(const sqlite::Statement& row) {
  const int64_t seq = row.ColumnInt(0);
  Result<SaleBody> body = DecodeSale(row.ColumnText(4));
  if (!body.ok()) return Status::Corruption(fmt::format("entry {}: {}", seq, body.status().message()));
  const TimePoint time{std::chrono::milliseconds(row.ColumnInt(3))};
  return Receipt{seq, FormatReceiptNumber(row.ColumnText(2), row.ColumnInt(1)), row.ColumnText(2),
                 FormatUtc(time), calendar_->LocalTime(time), std::move(body->sale), row.ColumnInt(5) != 0,
                 row.ColumnText(6)};
}

Result<Receipt> StallStore::FindReceipt(const std::string& receipt) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  const std::optional<ReceiptNumber> number = ParseReceiptNumber(receipt);
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = ? AND s.receipt_number = ?",
                                             kSelectReceipt));
  if (number) select.Bind(1, number->business_day).Bind(2, number->number);
  if (!number || !select.Step()) {
    LAPAK_RETURN_IF_ERROR(select.status());
    return Status::NotFound(fmt::format("no sale with receipt {}", receipt));
  }
  return ReceiptFromRow(select);
}

Result<std::vector<Receipt>> StallStore::History(const std::string& business_day, int64_t limit) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (!IsIsoDate(business_day)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a date YYYY-MM-DD", business_day));
  }
  if (limit < 1) return Status::InvalidArgument("the limit must be at least 1");
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = ? ORDER BY s.receipt_number DESC LIMIT ?",
                                             kSelectReceipt));
  select.Bind(1, business_day).Bind(2, limit);
  std::vector<Receipt> receipts;
  while (select.Step()) {
    Result<Receipt> receipt = ReceiptFromRow(select);
    if (!receipt.ok()) return receipt.status();
    receipts.push_back(std::move(receipt).value());
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return receipts;
}

}  // namespace lapak
