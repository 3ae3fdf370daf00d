// StallStore: reading the journal back, and verifying it end to end.
#include <fmt/core.h>

#include <cstring>
#include <algorithm>
#include <map>
#include <set>

#include "core/receipt_number.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace lapak {

namespace {

constexpr const char* kSelectEntries =
    "SELECT seq, uuid, kind, time_utc_ms, business_day, body, prev_hash, hash FROM journal";

Result<JournalEntry> ReadEntry(const sqlite::Statement& row, const std::string& terminal_id) {
  JournalEntry entry;
  entry.terminal_id = terminal_id;
  entry.seq = row.ColumnInt(0);
  entry.uuid = row.ColumnText(1);
  Result<EntryKind> kind = ParseEntryKind(row.ColumnText(2));
  if (!kind.ok()) return Status::Corruption(fmt::format("entry {}: {}", entry.seq, kind.status().message()));
  entry.kind = *kind;
  entry.time = TimePoint{std::chrono::milliseconds(row.ColumnInt(3))};
  entry.business_day = row.ColumnText(4);
  entry.body = row.ColumnText(5);
  const std::string prev = row.ColumnBlob(6);
  const std::string hash = row.ColumnBlob(7);
  if (prev.size() != 32 || hash.size() != 32) {
    return Status::Corruption(fmt::format("entry {}: a hash is not 32 bytes", entry.seq));
  }
  std::memcpy(entry.prev_hash.data(), prev.data(), 32);
  std::memcpy(entry.hash.data(), hash.data(), 32);
  return entry;
}

// What the index tables say, loaded once and compared entry by entry with the journal.
struct SaleRow {
  std::string receipt;
  int64_t day_number = 0;
  std::string business_day;
  SaleAmounts amounts;
  bool operator==(const SaleRow&) const = default;
};

struct VoidRow {
  int64_t sale_seq = 0;
  std::string reason;
  bool operator==(const VoidRow&) const = default;
};

struct DayRow {
  std::string business_day;
  int64_t open_seq = 0;
  Money opening_float;
  int64_t close_seq = 0;  // 0 while open
  int64_t z_number = 0;   // 0 while open
  bool operator==(const DayRow&) const = default;
};

struct IndexTables {
  std::map<int64_t, SaleRow> sales;  // by journal seq
  std::map<int64_t, VoidRow> voids;  // by journal seq of the void
  std::map<int64_t, DayRow> days;    // by day number
  int64_t rows = 0;                  // in all three tables: more than the maps hold if a key repeats
};

Result<IndexTables> LoadIndexTables(sqlite::Database& db) {
  IndexTables tables;
  static const std::string select_sales = fmt::format(
      "SELECT seq, receipt_number, day_number, business_day, total, {} FROM sales", PaymentMethodColumns());
  sqlite::Statement sales(db, select_sales);
  while (sales.Step()) {
    ++tables.rows;
    SaleRow row{FormatReceiptNumber(sales.ColumnText(3), sales.ColumnInt(1)), sales.ColumnInt(2),
                sales.ColumnText(3), SaleAmounts{Money::Rupiah(sales.ColumnInt(4)), {}}};
    int column = 5;
    for (Money& amount : row.amounts.by_method.amounts) amount = Money::Rupiah(sales.ColumnInt(column++));
    tables.sales[sales.ColumnInt(0)] = std::move(row);
  }
  LAPAK_RETURN_IF_ERROR(sales.status());
  sqlite::Statement voids(db, "SELECT seq, sale_seq, reason FROM voids");
  while (voids.Step()) {
    ++tables.rows;
    tables.voids[voids.ColumnInt(0)] = VoidRow{voids.ColumnInt(1), voids.ColumnText(2)};
  }
  LAPAK_RETURN_IF_ERROR(voids.status());
  sqlite::Statement days(db,
                         "SELECT day_number, business_day, open_seq, opening_float, IFNULL(close_seq, 0), "
                         "IFNULL(z_number, 0) FROM days");
  while (days.Step()) {
    ++tables.rows;
    tables.days[days.ColumnInt(0)] = DayRow{days.ColumnText(1), days.ColumnInt(2),
                                            Money::Rupiah(days.ColumnInt(3)), days.ColumnInt(4),
                                            days.ColumnInt(5)};
  }
  LAPAK_RETURN_IF_ERROR(days.status());
  return tables;
}

// The index row an entry must have, or an empty string when it matches.
template <typename Row>
std::string CheckIndexRow(const std::map<int64_t, Row>& table, int64_t key, const Row& expected,
                          std::string_view table_name) {
  const auto row = table.find(key);
  if (row == table.end() || !(row->second == expected)) {
    return fmt::format("the {} index disagrees with the journal", table_name);
  }
  return {};
}

}  // namespace

Result<std::vector<JournalEntry>> StallStore::Entries(int64_t from_seq, int64_t limit) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  sqlite::Statement select(*db_, fmt::format("{} WHERE seq >= ? ORDER BY seq LIMIT ?", kSelectEntries));
  select.Bind(1, from_seq).Bind(2, limit);
  std::vector<JournalEntry> entries;
  while (select.Step()) {
    Result<JournalEntry> entry = ReadEntry(select, info_->terminal_id);
    if (!entry.ok()) return entry.status();
    entries.push_back(std::move(entry).value());
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return entries;
}

Result<VerifyReport> StallStore::Verify() {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  VerifyReport report;
  auto fail = [&report](int64_t seq, std::string problem) {
    report.ok = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
    return report;
  };

  sqlite::ReadTransaction snapshot(*db_);  // the indexes and the journal as of one moment
  LAPAK_RETURN_IF_ERROR(snapshot.status());
  // Every page of the file, the catalog and settings included: a flipped byte anywhere is
  // damage, even where the journal's hashes do not reach.
  const std::string pages = CheckEveryPage(*db_);
  if (pages != "ok") return fail(0, "the database file is damaged: " + pages);
  Result<IndexTables> index = LoadIndexTables(*db_);
  if (!index.ok()) return index.status();
  // Each entry's expected index row; what is left over at the end has no entry.
  DayRow open_day_row;
  int64_t void_entries = 0;
  int64_t day_entries = 0;

  // Every sale of the open session is seen on the way; a void of any other sale is
  // refused whatever the voids index says, so the sales the replay asks for are never voided.
  Books books(BooksCalendar{*calendar_, std::nullopt, std::nullopt}, BooksState(), [this](int64_t seq) {
    Result<std::optional<BookedSale>> sale = HeldSale(seq);
    if (sale.ok() && sale->has_value()) (*sale)->voided = false;
    return sale;
  });
  sqlite::Statement select(*db_, fmt::format("{} ORDER BY seq", kSelectEntries));
  while (select.Step()) {
    Result<JournalEntry> read = ReadEntry(select, info_->terminal_id);
    if (!read.ok()) return fail(select.ColumnInt(0), read.status().message());
    const JournalEntry& entry = *read;
    ++report.entries;
    Result<Booking> booking = books.Apply(entry);
    if (!booking.ok()) return fail(entry.seq, booking.status().message());

    std::string problem;
    switch (entry.kind) {
      case EntryKind::kDayOpen:
        // Its days row is compared when the day closes, or at the end while it is open.
        open_day_row = DayRow{entry.business_day, entry.seq, booking->day_open->opening_float, 0, 0};
        ++day_entries;
        break;
      case EntryKind::kSale: {
        const BookedSale& sale = *booking->sale;
        // The sales table keeps the total and the methods' amounts, not qris_shown.
        const SaleAmounts indexed{sale.amounts.total, sale.amounts.by_method};
        problem = CheckIndexRow(index->sales, entry.seq,
                                SaleRow{sale.receipt, sale.day_number, sale.business_day, indexed}, "sales");
        ++report.sales;
        break;
      }
      case EntryKind::kVoid:
        problem = CheckIndexRow(index->voids, entry.seq,
                                VoidRow{booking->void_body->sale_seq, booking->void_body->reason}, "voids");
        ++void_entries;
        break;
      case EntryKind::kCashMove:
        break;  // no index row: cash moves are read from the journal itself
      case EntryKind::kDayClose: {
        const ZReport& z = *booking->z;
        // The days row: its opening half answers to the day_open entry, its closing half
        // to this one.
        const auto row = index->days.find(z.day_number);
        DayRow opening = row == index->days.end() ? DayRow{} : row->second;
        opening.close_seq = opening.z_number = 0;
        if (!(opening == open_day_row)) return fail(open_day_row.open_seq, "the days index disagrees with the journal");
        if (row->second.close_seq != entry.seq || row->second.z_number != z.z_number) {
          problem = "the days index disagrees with the journal";
        }
        break;
      }
    }
    if (!problem.empty()) return fail(entry.seq, problem);
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  if (const std::optional<OpenSession>& open = books.state().open) {
    if (const std::string problem = CheckIndexRow(index->days, open->day_number, open_day_row, "days"); !problem.empty()) {
      return fail(open_day_row.open_seq, problem);
    }
  }
  if (index->rows != report.sales + void_entries + day_entries ||
      static_cast<int64_t>(index->sales.size()) != report.sales ||
      static_cast<int64_t>(index->voids.size()) != void_entries ||
      static_cast<int64_t>(index->days.size()) != day_entries) {
    return fail(0, "an index table holds rows that are not in the journal");
  }
  return report;
}

}  // namespace lapak
