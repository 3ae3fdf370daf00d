#include "sync/ledger/store/held_for_terminal.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>

#include "core/refusal.h"
#include "sync/ledger/store/figures_sql.h"

namespace lapak::ledger {

using sql::Param;
using sql::Value;

const UnwrittenBatch::Sale* UnwrittenBatch::FindSale(int64_t seq) const {
  const auto found = std::lower_bound(sales.begin(), sales.end(), seq,
                                      [](const auto& sale, int64_t wanted) { return sale.first < wanted; });
  return found != sales.end() && found->first == seq ? &found->second : nullptr;
}

bool UnwrittenBatch::UsedUuid(const std::string& uuid) const {
  return std::binary_search(uuids.begin(), uuids.end(), uuid);
}

bool HeldForTerminal::VoidedAhead(int64_t seq, size_t first) const {
  for (size_t i = first; i < ahead_.size(); ++i) {
    if (ahead_[i]->voided_held.contains(seq)) return true;
  }
  return false;
}

Result<std::optional<BookedSale>> HeldForTerminal::Sale(int64_t seq) {
  for (size_t i = 0; i < ahead_.size(); ++i) {
    if (const UnwrittenBatch::Sale* sold = ahead_[i]->FindSale(seq)) {
      BookedSale sale = sold->booked;
      sale.voided = sale.voided || VoidedAhead(seq, i + 1);
      return std::optional<BookedSale>(std::move(sale));
    }
  }
  Result<sql::Rows> rows = db_.Query(
      "SELECT time_utc_ms, business_day, body, voided FROM entries "
      "WHERE terminal_id = $1 AND seq = $2 AND voided IS NOT NULL",
      {Param(terminal_id_), Param(seq)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<BookedSale>();
  JournalEntry entry;
  entry.seq = seq;
  entry.kind = EntryKind::kSale;
  entry.time = TimePoint{std::chrono::milliseconds(rows->Int(0, 0))};
  entry.business_day = rows->Text(0, 1);
  entry.body = rows->Text(0, 2);
  Result<BookedSale> sale = BookedSaleOf(entry, rows->Int(0, 3) != 0 || VoidedAhead(seq));
  if (!sale.ok()) return Status::Corruption(fmt::format("held entry {}: {}", seq, sale.status().message()));
  return std::optional<BookedSale>(std::move(sale).value());
}

Result<int64_t> HeldForTerminal::SaleHour(int64_t seq) {
  for (const UnwrittenBatch* batch : ahead_) {
    if (const UnwrittenBatch::Sale* sold = batch->FindSale(seq)) return sold->local_hour;
  }
  Result<sql::Rows> rows = db_.Query(
      "SELECT local_hour FROM entries WHERE terminal_id = $1 AND seq = $2 AND local_hour IS NOT NULL",
      {Param(terminal_id_), Param(seq)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::Corruption(fmt::format("sale {} has no hour in entries", seq));
  return rows->Int(0, 0);
}

Result<std::optional<int64_t>> HeldForTerminal::FirstReusedUuid(const std::vector<const JournalEntry*>& entries) {
  std::map<std::string, int64_t> seq_of_uuid;
  std::optional<int64_t> first;  // the first whose uuid was used before `entries`
  for (const JournalEntry* entry : entries) {
    if (!seq_of_uuid.emplace(entry->uuid, entry->seq).second) return std::optional<int64_t>(entry->seq);
    const bool used_ahead = std::any_of(ahead_.begin(), ahead_.end(),
                                        [&](const UnwrittenBatch* batch) { return batch->UsedUuid(entry->uuid); });
    if (!first && used_ahead) first = entry->seq;
  }
  // In chunks of 256, 128, … 1 uuids: few distinct SQL texts for the statement caches.
  size_t done = 0;
  for (size_t chunk = 256; chunk > 0; chunk /= 2) {
    while (entries.size() - done >= chunk) {
      std::string sql = "SELECT uuid FROM entries WHERE terminal_id = $1 AND uuid IN (";
      std::vector<Value> values{Param(terminal_id_)};
      for (size_t i = 0; i < chunk; ++i) {
        sql += fmt::format("{}${}", i ? ", " : "", i + 2);
        values.push_back(Param(entries[done + i]->uuid));
      }
      sql += ')';
      Result<sql::Rows> rows = db_.Query(sql, values);
      if (!rows.ok()) return rows.status();
      for (size_t row = 0; row < rows->size(); ++row) {
        const int64_t seq = seq_of_uuid.at(rows->Text(row, 0));
        if (!first || seq < *first) first = seq;
      }
      done += chunk;
    }
  }
  return first;
}

Result<LedgerFigures> HeldForTerminal::SessionTotals(int64_t day_number) {
  Result<sql::Rows> rows = db_.Query(
      fmt::format("SELECT {} FROM session_totals WHERE terminal_id = $1 AND day_number = $2", FigureColumns()),
      {Param(terminal_id_), Param(day_number)});
  if (!rows.ok()) return rows.status();
  LedgerFigures totals = rows->empty() ? LedgerFigures{} : FiguresFromRow(*rows, 0, 0);
  for (const UnwrittenBatch* batch : ahead_) {
    if (auto change = batch->sessions.find(day_number); change != batch->sessions.end()) {
      LAPAK_RETURN_IF_ERROR(totals.Add(change->second));
    }
  }
  return totals;
}

// prev_hash is not stored: each entry's is the hash of the entry before it.
Result<BooksState> BooksStateOf(sql::Connection& db, const TerminalRecord& terminal, const BooksCalendar& calendar) {
  if (terminal.books) return DecodeBooksState(*terminal.books);
  Books books(calendar);
  if (terminal.hwm == 0) return books.state();
  Result<sql::Rows> rows = db.Query(
      "SELECT seq, uuid, kind, time_utc_ms, business_day, body, hash FROM entries "
      "WHERE terminal_id = $1 ORDER BY seq",
      {Param(terminal.id)});
  if (!rows.ok()) return rows.status();
  Sha256Digest prev{};
  for (size_t row = 0; row < rows->size(); ++row) {
    JournalEntry entry;
    entry.terminal_id = terminal.name;
    entry.seq = rows->Int(row, 0);
    entry.uuid = rows->Text(row, 1);
    Result<EntryKind> kind = ParseEntryKind(rows->Text(row, 2));
    if (!kind.ok()) return RefuseAt(Refusal::kAtEntry, entry.seq)(kind.status());
    entry.kind = *kind;
    entry.time = TimePoint{std::chrono::milliseconds(rows->Int(row, 3))};
    entry.business_day = rows->Text(row, 4);
    entry.body = rows->Text(row, 5);
    entry.prev_hash = prev;
    const std::string hash = rows->Bytes(row, 6);
    if (hash.size() == entry.hash.size()) std::memcpy(entry.hash.data(), hash.data(), hash.size());
    Result<Booking> booking = books.Apply(entry);
    if (!booking.ok()) return RefuseAt(Refusal::kAtEntry, entry.seq)(booking.status());
    prev = entry.hash;
  }
  return books.state();
}

}  // namespace lapak::ledger
