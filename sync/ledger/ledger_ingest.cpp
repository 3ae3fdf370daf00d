// LedgerStore::ApplyBatch: the sync contract's step 4, in one transaction.
#include <fmt/core.h>

#include <cstring>

#include "core/sqlite.h"
#include "sync/ledger/ledger_store.h"

namespace lapak::ledger {

namespace {

std::string_view DigestBytes(const Sha256Digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

// A change to a row of day_totals or session_totals.
// What one sale or void adds to a row of day_totals or session_totals.
LedgerFigures SaleDelta(const SaleAmounts& amounts) {
  const int64_t total = amounts.total.rupiah();
  return {1, 0, total, 0, total, amounts.cash.rupiah(), amounts.qris.rupiah(),
          amounts.transfer.rupiah()};
}

LedgerFigures VoidDelta(const SaleAmounts& amounts) {
  const int64_t total = amounts.total.rupiah();
  return {0, 1, 0, total, -total, -amounts.cash.rupiah(), -amounts.qris.rupiah(),
          -amounts.transfer.rupiah()};
}

// Parameters ?1..?8 of an UPDATE of day_totals or session_totals, bound by BindFigures.
#define LAPAK_ADD_FIGURES                                                               \
  "sales_count = sales_count + ?1, voids_count = voids_count + ?2, gross = gross + ?3, " \
  "voids = voids + ?4, net = net + ?5, cash = cash + ?6, qris = qris + ?7, "             \
  "transfer = transfer + ?8"

// The 8 figures from parameter `first` on, in LedgerFigures' order.
void BindFigures(sqlite::Statement& statement, int first, const LedgerFigures& f) {
  statement.Bind(first, f.sales_count)
      .Bind(first + 1, f.voids_count)
      .Bind(first + 2, f.gross)
      .Bind(first + 3, f.voids)
      .Bind(first + 4, f.net)
      .Bind(first + 5, f.cash)
      .Bind(first + 6, f.qris)
      .Bind(first + 7, f.transfer);
}

Status AddToTotals(sqlite::Database& db, const TerminalRecord& terminal,
                   const std::string& business_day, int64_t day_number, const LedgerFigures& delta) {
  sqlite::Statement day(db,
                        "INSERT INTO day_totals (event_id, business_day, stall_id) "
                        "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
  LAPAK_RETURN_IF_ERROR(day.Bind(1, terminal.event_id).Bind(2, business_day).Bind(3, terminal.stall_id).Run());
  sqlite::Statement add_day(db, "UPDATE day_totals SET " LAPAK_ADD_FIGURES
                               " WHERE event_id = ?9 AND business_day = ?10 AND stall_id = ?11");
  BindFigures(add_day, 1, delta);
  LAPAK_RETURN_IF_ERROR(
      add_day.Bind(9, terminal.event_id).Bind(10, business_day).Bind(11, terminal.stall_id).Run());
  sqlite::Statement session(db,
                            "INSERT INTO session_totals (terminal_id, day_number) VALUES (?1, ?2) "
                            "ON CONFLICT DO NOTHING");
  LAPAK_RETURN_IF_ERROR(session.Bind(1, terminal.id).Bind(2, day_number).Run());
  sqlite::Statement add_session(db, "UPDATE session_totals SET " LAPAK_ADD_FIGURES
                                   " WHERE terminal_id = ?9 AND day_number = ?10");
  BindFigures(add_session, 1, delta);
  return add_session.Bind(9, terminal.id).Bind(10, day_number).Run();
}

Result<LedgerFigures> SessionFigures(sqlite::Database& db, const std::string& terminal_id,
                                     int64_t day_number) {
  sqlite::Statement select(db,
                           "SELECT sales_count, voids_count, gross, voids, net, cash, qris, "
                           "transfer FROM session_totals WHERE terminal_id = ? AND day_number = ?");
  LedgerFigures figures;
  if (select.Bind(1, terminal_id).Bind(2, day_number).Step()) {
    figures = {select.ColumnInt(0), select.ColumnInt(1), select.ColumnInt(2), select.ColumnInt(3),
               select.ColumnInt(4), select.ColumnInt(5), select.ColumnInt(6), select.ColumnInt(7)};
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  return figures;
}

LedgerFigures FiguresOfZ(const ZReport& z) {
  const DayFigures& f = z.figures;
  return {f.sales_count,   f.voids_count,  f.gross.rupiah(), f.voids.rupiah(),
          f.net.rupiah(),  f.cash.rupiah(), f.qris.rupiah(),  f.transfer.rupiah()};
}

}  // namespace

Result<ApplyOutcome> LedgerStore::ApplyBatch(const std::string& terminal_id,
                                             const std::vector<JournalEntry>& entries,
                                             TimePoint now) {
  if (entries.empty()) return Status::InvalidArgument("a batch holds at least one entry");
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<std::optional<TerminalRecord>> found = FindTerminal(terminal_id);
  if (!found.ok()) return found.status();
  if (!found->has_value() || (*found)->revoked) {
    return Status::PermissionDenied(fmt::format("terminal '{}' is not enrolled", terminal_id));
  }
  const TerminalRecord& terminal = **found;
  const int64_t first = entries.front().seq;
  const int64_t last = entries.back().seq;
  if (first > terminal.hwm + 1) {
    return ApplyOutcome{ApplyResult::kGap, terminal.hwm,
                        fmt::format("the ledger holds entries up to {}; this batch starts at {}",
                                    terminal.hwm, first)};
  }
  // Entries the ledger already holds must be the very ones it holds: a terminal restored
  // from an old backup, or a second one under the same id, is a conflict, not a duplicate.
  sqlite::Statement held(*db_, "SELECT hash FROM entries WHERE terminal_id = ? AND seq = ?");
  for (const JournalEntry& entry : entries) {
    if (entry.seq > terminal.hwm) break;
    held.Reset();
    const bool same = held.Bind(1, terminal_id).Bind(2, entry.seq).Step() &&
                      held.ColumnBlob(0) == DigestBytes(entry.hash);
    LAPAK_RETURN_IF_ERROR(held.status());
    if (!same) {
      return ApplyOutcome{ApplyResult::kConflict, terminal.hwm,
                          fmt::format("entry {} differs from the one the ledger holds", entry.seq)};
    }
  }
  if (last <= terminal.hwm) return ApplyOutcome{ApplyResult::kDuplicate, terminal.hwm, ""};
  Sha256Digest prev = terminal.last_hash;
  for (const JournalEntry& entry : entries) {
    if (entry.seq <= terminal.hwm) continue;
    if (entry.prev_hash != prev || ComputeEntryHash(entry) != entry.hash) {
      return ApplyOutcome{ApplyResult::kRejected, terminal.hwm,
                          fmt::format("entry {} does not continue the hash chain", entry.seq)};
    }
    if (Status applied = ApplyEntry(terminal, entry, now); !applied.ok()) {
      if (applied.code() != StatusCode::kInvalidArgument) return applied;
      return ApplyOutcome{ApplyResult::kRejected, terminal.hwm,
                          fmt::format("entry {}: {}", entry.seq, applied.message())};
    }
    prev = entry.hash;
  }
  sqlite::Statement advance(*db_,
                            "UPDATE terminals SET hwm = ?2, last_hash = ?3, last_batch_at_ms = ?4, "
                            "last_entry_at_ms = ?5 WHERE id = ?1");
  LAPAK_RETURN_IF_ERROR(advance.Bind(1, terminal_id)
                            .Bind(2, last)
                            .BindBlob(3, DigestBytes(prev))
                            .BindTime(4, now)
                            .BindTime(5, entries.back().time)
                            .Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return ApplyOutcome{ApplyResult::kApplied, last, ""};
}

// InvalidArgument for a body that does not decode or a void of no sale: the batch is
// rejected. Any other error is the database's.
Status LedgerStore::ApplyEntry(const TerminalRecord& terminal, const JournalEntry& entry,
                               TimePoint now) {
  sqlite::Statement insert(*db_,
                           "INSERT INTO entries (terminal_id, seq, uuid, kind, time_utc_ms, "
                           "business_day, body, hash, received_at_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, terminal.id)
                            .Bind(2, entry.seq)
                            .Bind(3, entry.uuid)
                            .Bind(4, EntryKindName(entry.kind))
                            .BindTime(5, entry.time)
                            .Bind(6, entry.business_day)
                            .Bind(7, entry.body)
                            .BindBlob(8, DigestBytes(entry.hash))
                            .BindTime(9, now)
                            .Run());
  switch (entry.kind) {
    case EntryKind::kDayOpen: {
      Result<DayOpenBody> body = DecodeDayOpen(entry.body);
      return body.ok() ? Status::Ok() : body.status();
    }
    case EntryKind::kSale: {
      Result<SaleBody> body = DecodeSale(entry.body);
      if (!body.ok()) return body.status();
      const SaleAmounts amounts = AmountsOf(body->sale);
      sqlite::Statement sale(*db_,
                             "INSERT INTO sales (terminal_id, seq, day_number, business_day, "
                             "total, cash, qris, transfer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      LAPAK_RETURN_IF_ERROR(sale.Bind(1, terminal.id)
                                .Bind(2, entry.seq)
                                .Bind(3, body->day_number)
                                .Bind(4, entry.business_day)
                                .Bind(5, amounts.total.rupiah())
                                .Bind(6, amounts.cash.rupiah())
                                .Bind(7, amounts.qris.rupiah())
                                .Bind(8, amounts.transfer.rupiah())
                                .Run());
      return AddToTotals(*db_, terminal, entry.business_day, body->day_number, SaleDelta(amounts));
    }
    case EntryKind::kVoid: {
      Result<VoidBody> body = DecodeVoid(entry.body);
      if (!body.ok()) return body.status();
      sqlite::Statement sale(*db_,
                             "SELECT day_number, business_day, total, cash, qris, transfer "
                             "FROM sales WHERE terminal_id = ? AND seq = ? AND voided = 0");
      if (!sale.Bind(1, terminal.id).Bind(2, body->sale_seq).Step()) {
        LAPAK_RETURN_IF_ERROR(sale.status());
        return Status::InvalidArgument(
            fmt::format("voids sale {}, which is not an unvoided sale", body->sale_seq));
      }
      const int64_t day_number = sale.ColumnInt(0);
      const std::string business_day = sale.ColumnText(1);
      const SaleAmounts amounts{Money::Rupiah(sale.ColumnInt(2)), Money::Rupiah(sale.ColumnInt(3)),
                                Money::Rupiah(sale.ColumnInt(4)), Money::Rupiah(sale.ColumnInt(5))};
      sale.Reset();
      if (amounts.total != body->total) {
        return Status::InvalidArgument(fmt::format("voids sale {} for {} but it was for {}",
                                                   body->sale_seq, FormatMoney(body->total),
                                                   FormatMoney(amounts.total)));
      }
      sqlite::Statement mark(*db_, "UPDATE sales SET voided = 1 WHERE terminal_id = ? AND seq = ?");
      LAPAK_RETURN_IF_ERROR(mark.Bind(1, terminal.id).Bind(2, body->sale_seq).Run());
      return AddToTotals(*db_, terminal, business_day, day_number, VoidDelta(amounts));
    }
    case EntryKind::kDayClose: {
      Result<ZReport> z = DecodeZReport(entry.body);
      if (!z.ok()) return z.status();
      Result<LedgerFigures> ledger = SessionFigures(*db_, terminal.id, z->day_number);
      if (!ledger.ok()) return ledger.status();
      const LedgerFigures own = FiguresOfZ(*z);
      sqlite::Statement insert_z(
          *db_,
          "INSERT INTO reconciliations (terminal_id, z_number, stall_id, business_day, day_number, "
          "terminal_sales_count, terminal_voids_count, terminal_gross, terminal_voids, terminal_net, "
          "terminal_cash, terminal_qris, terminal_transfer, ledger_sales_count, ledger_voids_count, "
          "ledger_gross, ledger_voids, ledger_net, ledger_cash, ledger_qris, ledger_transfer, "
          "agrees, difference) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert_z.Bind(1, terminal.id)
          .Bind(2, z->z_number)
          .Bind(3, terminal.stall_id)
          .Bind(4, z->business_day)
          .Bind(5, z->day_number);
      BindFigures(insert_z, 6, own);
      BindFigures(insert_z, 14, *ledger);
      return insert_z.Bind(22, own == *ledger ? 1 : 0)
          .Bind(23, own.net - ledger->net)
          .Run();
    }
  }
  return Status::InvalidArgument("unknown entry kind");
}

}  // namespace lapak::ledger
