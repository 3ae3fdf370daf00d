// StallStore: reading the journal back, and verifying it end to end.
#include <fmt/core.h>

#include <cstring>
#include <algorithm>
#include <map>
#include <set>

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

// What the index tables say, loaded once and compared with the journal.
struct IndexRow {
  std::string receipt;
  int64_t day_number = 0;
  std::string business_day;
  SaleAmounts amounts;
};

struct Session {
  Money opening_float;
  std::string business_day;
  int64_t open_seq = 0;
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
    sessions_[body.day_number] = Session{body.opening_float, entry.business_day, entry.seq, {}, false};
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

  std::string CheckVoid(const VoidBody& body) {
    if (body.day_number != open_day_ || open_day_ == 0) return "void outside the open day";
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

  std::string CheckDayClose(const ZReport& z) {
    if (z.day_number != open_day_ || open_day_ == 0) return "closes a day that is not open";
    if (z.z_number != ++z_count_) return "Z number out of order";
    Session& session = sessions_[open_day_];
    ZReport expected = z;
    expected.figures = DayFigures();
    for (const int64_t seq : session.sale_seqs) {
      if (!expected.figures.Add(sales_[seq], voided_.count(seq) != 0).ok()) return "figures overflow";
    }
    expected.opening_float = session.opening_float;
    expected.open_seq = session.open_seq;
    expected.business_day = session.business_day;
    if (!SettleCash(expected).ok()) return "figures overflow";
    if (!(expected == z)) return "Z report figures differ from the sales of its day";
    session.closed = true;
    open_day_ = 0;
    return {};
  }

  const std::map<int64_t, SaleAmounts>& sales() const { return sales_; }
  const std::map<int64_t, std::string>& receipts_by_seq() const { return sales_of_entry_; }

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

  std::map<int64_t, IndexRow> index;
  sqlite::Statement sales(*db_, "SELECT seq, receipt, day_number, business_day, total, cash, qris, transfer FROM sales");
  while (sales.Step()) {
    index[sales.ColumnInt(0)] = IndexRow{
        sales.ColumnText(1), sales.ColumnInt(2), sales.ColumnText(3),
        SaleAmounts{Money::Rupiah(sales.ColumnInt(4)), Money::Rupiah(sales.ColumnInt(5)),
                    Money::Rupiah(sales.ColumnInt(6)), Money::Rupiah(sales.ColumnInt(7))}};
  }
  LAPAK_RETURN_IF_ERROR(sales.status());

  std::map<int64_t, int64_t> void_index;  // void entry seq -> voided sale seq
  sqlite::Statement voids(*db_, "SELECT seq, sale_seq FROM voids");
  while (voids.Step()) void_index[voids.ColumnInt(0)] = voids.ColumnInt(1);
  LAPAK_RETURN_IF_ERROR(voids.status());

  Replay replay;
  int64_t void_entries = 0;
  Sha256Digest previous_hash{};
  sqlite::Statement select(*db_, fmt::format("{} ORDER BY seq", kSelectEntries));
  while (select.Step()) {
    Result<JournalEntry> read = ReadEntry(select, info_->terminal_id);
    if (!read.ok()) return fail(select.ColumnInt(0), read.status().message());
    const JournalEntry& entry = *read;
    ++report.entries;
    if (entry.seq != report.entries) return fail(entry.seq, fmt::format("expected entry {}", report.entries));
    if (entry.prev_hash != previous_hash) return fail(entry.seq, "does not chain to the entry before it");
    if (ComputeEntryHash(entry) != entry.hash) return fail(entry.seq, "its hash does not match its contents");
    previous_hash = entry.hash;

    std::string problem;
    switch (entry.kind) {
      case EntryKind::kDayOpen: {
        DayOpenBody body;
        problem = DecodeInto(DecodeDayOpen(entry.body), body);
        if (problem.empty()) problem = replay.CheckDayOpen(entry, body);
        break;
      }
      case EntryKind::kSale: {
        SaleBody body;
        problem = DecodeInto(DecodeSale(entry.body), body);
        if (problem.empty()) problem = replay.CheckSale(entry, body);
        ++report.sales;
        break;
      }
      case EntryKind::kVoid: {
        VoidBody body;
        problem = DecodeInto(DecodeVoid(entry.body), body);
        if (problem.empty()) problem = replay.CheckVoid(body);
        const auto row = void_index.find(entry.seq);
        if (problem.empty() && (row == void_index.end() || row->second != body.sale_seq)) {
          problem = "the voids index disagrees with the journal";
        }
        ++void_entries;
        break;
      }
      case EntryKind::kDayClose: {
        ZReport z;
        problem = DecodeInto(DecodeZReport(entry.body), z);
        if (problem.empty()) problem = replay.CheckDayClose(z);
        break;
      }
    }
    if (!problem.empty()) return fail(entry.seq, problem);
    if (entry.kind == EntryKind::kSale) {
      const auto row = index.find(entry.seq);
      const SaleAmounts& amounts = replay.sales().at(entry.seq);
      if (row == index.end() || row->second.receipt != replay.receipts_by_seq().at(entry.seq) ||
          row->second.business_day != entry.business_day || row->second.amounts.total != amounts.total ||
          row->second.amounts.cash != amounts.cash || row->second.amounts.qris != amounts.qris ||
          row->second.amounts.transfer != amounts.transfer) {
        return fail(entry.seq, "the sales index disagrees with the journal");
      }
    }
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  if (static_cast<int64_t>(index.size()) != report.sales ||
      static_cast<int64_t>(void_index.size()) != void_entries) {
    return fail(0, "the sales or voids index holds rows that are not in the journal");
  }
  return report;
}

}  // namespace lapak
