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
  sqlite::Statement sales(db, "SELECT seq, receipt_number, day_number, business_day, total, cash, qris, transfer FROM sales");
  while (sales.Step()) {
    ++tables.rows;
    tables.sales[sales.ColumnInt(0)] = SaleRow{
        FormatReceiptNumber(sales.ColumnText(3), sales.ColumnInt(1)), sales.ColumnInt(2), sales.ColumnText(3),
        SaleAmounts{Money::Rupiah(sales.ColumnInt(4)), Money::Rupiah(sales.ColumnInt(5)),
                    Money::Rupiah(sales.ColumnInt(6)), Money::Rupiah(sales.ColumnInt(7))}};
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

struct Session {
  Money opening_float;
  std::string business_day;
  int64_t open_seq = 0;
  TimePoint opened_at;
  std::vector<int64_t> sale_seqs;
  bool closed = false;
};

// Replays the journal's meaning: day sessions, sales, voids and Z reports. Each Check*
// returns the problem with the entry, or an empty string.
class Replay {
 public:
  std::string CheckDayOpen(const JournalEntry& entry, const DayOpenBody& body) {
    if (open_day_ != 0) return fmt::format("opens day {} while day {} is open", body.day_number, open_day_);
    if (body.day_number != static_cast<int64_t>(sessions_.size()) + 1) return "day number out of order";
    sessions_[body.day_number] = Session{body.opening_float, entry.business_day, entry.seq, entry.time, {}, false};
    open_day_ = body.day_number;
    return {};
  }

  std::string CheckSale(const JournalEntry& entry, const SaleBody& body) {
    if (body.day_number != open_day_ || open_day_ == 0) return "sale outside the open day";
    if (entry.business_day != sessions_[open_day_].business_day) return "sale on the wrong business day";
    if (!receipts_.emplace(body.receipt, entry.seq).second) return "receipt number used twice";
    sessions_[open_day_].sale_seqs.push_back(entry.seq);
    sales_[entry.seq] = AmountsOf(body.sale);
    sales_of_entry_.emplace(entry.seq, body.receipt);
    return {};
  }

  std::string CheckVoid(const JournalEntry& entry, const VoidBody& body) {
    if (body.day_number != open_day_ || open_day_ == 0) return "void outside the open day";
    if (entry.business_day != sessions_[open_day_].business_day) return "void on the wrong business day";
    const auto sale = sales_.find(body.sale_seq);
    if (sale == sales_.end() || sales_of_entry_[body.sale_seq] != body.receipt) return "voids an unknown sale";
    if (sale->second.total != body.total) return "void total differs from the sale";
    const auto& sale_seqs = sessions_[open_day_].sale_seqs;
    if (std::find(sale_seqs.begin(), sale_seqs.end(), body.sale_seq) == sale_seqs.end()) {
      return "voids a sale of another day";
    }
    if (!voided_.insert(body.sale_seq).second) return "voids a sale twice";
    return {};
  }

  std::string CheckDayClose(const JournalEntry& entry, const ZReport& z) {
    if (z.day_number != open_day_ || open_day_ == 0) return "closes a day that is not open";
    if (entry.business_day != sessions_[open_day_].business_day) return "close on the wrong business day";
    if (z.z_number != ++z_count_) return "Z number out of order";
    Session& session = sessions_[open_day_];
    ZReport expected = z;
    expected.figures = DayFigures();
    for (const int64_t seq : session.sale_seqs) {
      if (!expected.figures.Add(sales_[seq], voided_.count(seq) != 0).ok()) return "figures overflow";
    }
    expected.opening_float = session.opening_float;
    expected.open_seq = session.open_seq;
    expected.opened_at = session.opened_at;
    expected.business_day = session.business_day;
    if (!SettleCash(expected).ok()) return "figures overflow";
    if (!(expected == z)) return "Z report figures differ from the sales of its day";
    session.closed = true;
    open_day_ = 0;
    return {};
  }

  const std::map<int64_t, SaleAmounts>& sales() const { return sales_; }
  std::optional<int64_t> open_day() const {
    return open_day_ == 0 ? std::nullopt : std::optional<int64_t>(open_day_);
  }

 private:
  std::map<int64_t, Session> sessions_;
  std::map<int64_t, SaleAmounts> sales_;
  std::map<int64_t, std::string> sales_of_entry_;
  std::map<std::string, int64_t> receipts_;
  std::set<int64_t> voided_;
  int64_t open_day_ = 0;
  int64_t z_count_ = 0;
};

template <typename Body>
std::string DecodeInto(Result<Body> decoded, Body& body) {
  if (!decoded.ok()) return decoded.status().message();
  body = std::move(decoded).value();
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
  Result<IndexTables> index = LoadIndexTables(*db_);
  if (!index.ok()) return index.status();
  // Each entry's expected index row; what is left over at the end has no entry.
  DayRow open_day_row;
  int64_t void_entries = 0;
  int64_t day_entries = 0;

  Replay replay;
  Sha256Digest previous_hash{};
  TimePoint previous_time{};
  sqlite::Statement select(*db_, fmt::format("{} ORDER BY seq", kSelectEntries));
  while (select.Step()) {
    Result<JournalEntry> read = ReadEntry(select, info_->terminal_id);
    if (!read.ok()) return fail(select.ColumnInt(0), read.status().message());
    const JournalEntry& entry = *read;
    ++report.entries;
    if (entry.seq != report.entries) return fail(entry.seq, fmt::format("expected entry {}", report.entries));
    if (entry.prev_hash != previous_hash) return fail(entry.seq, "does not chain to the entry before it");
    if (ComputeEntryHash(entry) != entry.hash) return fail(entry.seq, "its hash does not match its contents");
    if (entry.time < previous_time) return fail(entry.seq, "its time is earlier than the entry before it");
    // Days open and sales happen on the business day of their own time; voids and closes
    // belong to the day they act on (checked by the replay).
    if ((entry.kind == EntryKind::kDayOpen || entry.kind == EntryKind::kSale) &&
        entry.business_day != calendar_->BusinessDay(entry.time)) {
      return fail(entry.seq, "its business day does not match its time");
    }
    previous_hash = entry.hash;
    previous_time = entry.time;

    std::string problem;
    switch (entry.kind) {
      case EntryKind::kDayOpen: {
        DayOpenBody body;
        problem = DecodeInto(DecodeDayOpen(entry.body), body);
        if (problem.empty()) problem = replay.CheckDayOpen(entry, body);
        // Its days row is compared when the day closes, or at the end while it is open.
        open_day_row = DayRow{entry.business_day, entry.seq, body.opening_float, 0, 0};
        ++day_entries;
        break;
      }
      case EntryKind::kSale: {
        SaleBody body;
        problem = DecodeInto(DecodeSale(entry.body), body);
        if (problem.empty()) problem = replay.CheckSale(entry, body);
        if (problem.empty()) {
          problem = CheckIndexRow(index->sales, entry.seq,
                                  SaleRow{body.receipt, body.day_number, entry.business_day, AmountsOf(body.sale)},
                                  "sales");
        }
        ++report.sales;
        break;
      }
      case EntryKind::kVoid: {
        VoidBody body;
        problem = DecodeInto(DecodeVoid(entry.body), body);
        if (problem.empty()) problem = replay.CheckVoid(entry, body);
        if (problem.empty()) {
          problem = CheckIndexRow(index->voids, entry.seq, VoidRow{body.sale_seq, body.reason}, "voids");
        }
        ++void_entries;
        break;
      }
      case EntryKind::kDayClose: {
        ZReport z;
        problem = DecodeInto(DecodeZReport(entry.body), z);
        if (problem.empty()) problem = replay.CheckDayClose(entry, z);
        if (!problem.empty()) break;
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
  if (std::optional<int64_t> open_day = replay.open_day()) {
    if (const std::string problem = CheckIndexRow(index->days, *open_day, open_day_row, "days"); !problem.empty()) {
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
