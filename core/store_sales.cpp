// StallStore: day sessions, sales, voids and the figures of a day.
#include <fmt/core.h>

#include "core/receipt_number.h"
#include "core/refusal.h"
#include "core/sqlite.h"
#include "core/text.h"
#include "core/store.h"

namespace lapak {

namespace {

// Sums the sales a query yields; its columns are total, one per payment method (in the order
// of kPaymentMethods), voided.
Result<DayFigures> FoldFigures(sqlite::Statement& sales) {
  DayFigures figures;
  while (sales.Step()) {
    SaleAmounts amounts{Money::Rupiah(sales.ColumnInt(0)), {}};
    int column = 1;
    for (Money& amount : amounts.by_method.amounts) amount = Money::Rupiah(sales.ColumnInt(column++));
    LAPAK_RETURN_IF_ERROR(figures.Add(amounts, sales.ColumnInt(column) != 0));
  }
  LAPAK_RETURN_IF_ERROR(sales.status());
  return figures;
}

// The sales with their amounts by method and whether they are voided, for FoldFigures.
const std::string& SelectFigures() {
  static const std::string sql =
      fmt::format("SELECT s.total, {}, v.seq IS NOT NULL FROM sales s LEFT JOIN voids v ON v.sale_seq = s.seq",
                  PaymentMethodColumns("s."));
  return sql;
}

// Records a sale: seq, receipt_number, day_number, business_day, total, then its amount by
// payment method.
const std::string& InsertSaleSql() {
  static const std::string sql = [] {
    std::string amounts;
    for (size_t i = 0; i < kPaymentMethodCount; ++i) amounts += ", ?";
    return fmt::format("INSERT INTO sales (seq, receipt_number, day_number, business_day, total, {}) "
                       "VALUES (?, ?, ?, ?, ?{})",
                       PaymentMethodColumns(), amounts);
  }();
  return sql;
}

constexpr const char* kSelectReceipt =
    "SELECT s.seq, s.receipt_number, s.business_day, j.time_utc_ms, j.body, v.seq IS NOT NULL, "
    "IFNULL(v.reason, '') FROM sales s JOIN journal j ON j.seq = s.seq "
    "LEFT JOIN voids v ON v.sale_seq = s.seq";

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

Result<OpenDay> StallStore::InsertDayOpen(Books& books, TimePoint time, Money opening_float) {
  const DayOpenBody body = books.NextDayOpen(opening_float);
  Result<Appended> appended =
      Append(books, EntryKind::kDayOpen, time, calendar_->BusinessDay(time), EncodeDayOpen(body));
  if (!appended.ok()) return appended.status();
  const JournalEntry& entry = appended->entry;
  sqlite::Statement insert(*db_,
                           "INSERT INTO days (day_number, business_day, open_seq, opening_float) "
                           "VALUES (?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, body.day_number)
                            .Bind(2, entry.business_day)
                            .Bind(3, entry.seq)
                            .Bind(4, opening_float.rupiah())
                            .Run());
  return OpenDay{body.day_number, entry.business_day, entry.seq, opening_float};
}

Result<OpenDay> StallStore::OpenDaySession(Money opening_float) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<Books*> books = BooksForWrite();
  if (!books.ok()) return books.status();
  Result<TimePoint> now = EntryTime(**books);
  if (!now.ok()) return now.status();
  Result<OpenDay> opened = InsertDayOpen(**books, *now, opening_float);
  if (!opened.ok()) return opened;
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return opened;
}

Result<DayFigures> StallStore::FiguresOfSession(int64_t day_number) {
  // A session lies within one business day: the business-day index finds its sales.
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = (SELECT business_day FROM days "
                                             "WHERE day_number = ?1) AND s.day_number = ?1",
                                             SelectFigures()));
  select.Bind(1, day_number);
  return FoldFigures(select);
}

Result<ZReport> StallStore::CloseDay(Money counted_cash) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<Books*> books = BooksForWrite();
  if (!books.ok()) return books.status();
  Result<TimePoint> now = EntryTime(**books);
  if (!now.ok()) return now.status();
  Result<ZReport> z = (*books)->ZToClose(counted_cash);
  if (!z.ok()) return z;
  Result<Appended> appended = Append(**books, EntryKind::kDayClose, *now, z->business_day, EncodeZReport(*z));
  if (!appended.ok()) return appended.status();
  const ZReport& closed = *appended->booking.z;
  sqlite::Statement update(*db_, "UPDATE days SET close_seq = ?, z_number = ? WHERE day_number = ?");
  LAPAK_RETURN_IF_ERROR(
      update.Bind(1, closed.close_seq).Bind(2, closed.z_number).Bind(3, closed.day_number).Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return closed;
}

Result<DayReport> StallStore::ReportDay(const std::string& business_day) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (!IsIsoDate(business_day)) {
    return Refuse(Refusal::kNotADate, business_day);
  }
  sqlite::ReadTransaction snapshot(*db_);
  LAPAK_RETURN_IF_ERROR(snapshot.status());
  DayReport report;
  report.business_day = business_day;
  sqlite::Statement select(*db_, fmt::format("{} WHERE s.business_day = ?", SelectFigures()));
  select.Bind(1, business_day);
  Result<DayFigures> figures = FoldFigures(select);
  if (!figures.ok()) return figures.status();
  report.figures = *figures;
  Result<std::vector<CashMoveRecord>> moves = CashMovesOfDay(business_day);
  if (!moves.ok()) return moves.status();
  report.cash_moves = std::move(moves).value();

  Result<std::optional<OpenDay>> open = ReadOpenDay();
  if (!open.ok()) return open.status();
  if (open->has_value() && (*open)->business_day == business_day) {
    report.open_day = **open;
    Result<DayFigures> session = FiguresOfSession((*open)->day_number);
    if (!session.ok()) return session.status();
    Result<CashMoves> session_moves = CashMovesOfSession((*open)->open_seq);
    if (!session_moves.ok()) return session_moves.status();
    const std::optional<Money> expected = ExpectedCash((*open)->opening_float, *session, *session_moves);
    if (!expected) return Refuse(Refusal::kCashFiguresOverflow);
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
    return Refuse(Refusal::kNoSuchZReport, z_number);
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
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<Books*> books = BooksForWrite();
  if (!books.ok()) return books.status();
  Result<TimePoint> stamped = EntryTime(**books);
  if (!stamped.ok()) return stamped.status();
  const TimePoint now = *stamped;
  const std::string today = calendar_->BusinessDay(now);
  if (!(*books)->state().open) {
    LAPAK_RETURN_IF_ERROR(InsertDayOpen(**books, now, Money()).status());
  }
  Result<SaleBody> body = (*books)->NextSale(today, sale);
  if (!body.ok()) return body.status();
  Result<Appended> appended = Append(**books, EntryKind::kSale, now, today, EncodeSale(*body));
  if (!appended.ok()) return appended.status();
  const BookedSale& booked = *appended->booking.sale;
  sqlite::Statement insert(*db_, InsertSaleSql());
  insert.Bind(1, booked.seq)
      .Bind(2, ParseReceiptNumber(booked.receipt)->number)
      .Bind(3, booked.day_number)
      .Bind(4, booked.business_day)
      .Bind(5, booked.amounts.total.rupiah());
  int column = 6;
  for (const Money amount : booked.amounts.by_method.amounts) insert.Bind(column++, amount.rupiah());
  LAPAK_RETURN_IF_ERROR(insert.Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return Receipt{booked.seq, booked.receipt, today, FormatUtc(now), calendar_->LocalTime(now), sale, false, ""};
}

Result<Receipt> StallStore::VoidSale(const std::string& receipt, const std::string& owner_pin,
                                     const std::string& reason) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  LAPAK_RETURN_IF_ERROR(ValidateVoidReason(reason));  // before the PIN: a typo costs no try
  LAPAK_RETURN_IF_ERROR(CheckPin(Role::kOwner, owner_pin));

  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<Books*> books = BooksForWrite();
  if (!books.ok()) return books.status();
  Result<TimePoint> now = EntryTime(**books);
  if (!now.ok()) return now.status();
  const std::optional<ReceiptNumber> number = ParseReceiptNumber(receipt);
  sqlite::Statement sale(*db_,
                         "SELECT seq, day_number, total FROM sales WHERE business_day = ? AND receipt_number = ?");
  if (number) sale.Bind(1, number->business_day).Bind(2, number->number);
  if (!number || !sale.Step()) {
    LAPAK_RETURN_IF_ERROR(sale.status());
    return Refuse(Refusal::kNoSuchReceipt, receipt);
  }
  const VoidBody body{sale.ColumnInt(1), sale.ColumnInt(0), receipt, reason, Money::Rupiah(sale.ColumnInt(2))};
  // A void belongs to the open session's day; Books refuses one of a sale of another.
  const std::optional<OpenSession>& open = (*books)->state().open;
  const std::string business_day = open ? open->business_day : number->business_day;
  Result<Appended> appended = Append(**books, EntryKind::kVoid, *now, business_day, EncodeVoid(body));
  if (!appended.ok()) return appended.status();
  sqlite::Statement insert(*db_, "INSERT INTO voids (seq, sale_seq, reason) VALUES (?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, appended->entry.seq).Bind(2, body.sale_seq).Bind(3, reason).Run());
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
    return Refuse(Refusal::kNoSuchReceipt, receipt);
  }
  return ReceiptFromRow(select);
}

Result<std::vector<Receipt>> StallStore::History(const std::string& business_day, int64_t limit) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (!IsIsoDate(business_day)) {
    return Refuse(Refusal::kNotADate, business_day);
  }
  if (limit < 1) return Refuse(Refusal::kLimitBelowOne);
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
