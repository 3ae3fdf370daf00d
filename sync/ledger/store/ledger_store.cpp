// LedgerStore: opening the ledger, events, stalls and terminal keys.
#include "sync/ledger/store/ledger_store.h"

#include <cstring>

#include "core/refusal.h"
#include "core/text.h"
#include "sync/ledger/store/connection_pool.h"
#include "sync/protocol.h"

namespace lapak::ledger {

namespace {

using sql::Param;

Status ValidateEvent(const EventSpec& event) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kEventId, event.id));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kEventName, event.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kProvince, event.province, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kRegency, event.regency, kMaxNameBytes));
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(event.time_zone, event.day_cutoff);
  if (!calendar.ok()) return calendar.status();
  if (!IsIsoDate(event.first_day) || !IsIsoDate(event.last_day)) {
    return Refuse(Refusal::kEventDateFormat);
  }
  const int days = DaysBetween(event.first_day, event.last_day) + 1;
  if (days < 1) {
    return Refuse(Refusal::kEventEndsBeforeStart, event.last_day, event.first_day);
  }
  if (days > kMaxEventDays) {
    return Refuse(Refusal::kEventTooLong, kMaxEventDays, days, event.first_day, event.last_day);
  }
  return Status::Ok();
}

Status ValidateStall(const StallSpec& stall) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kStallId, stall.id));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kLedgerStallName, stall.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCategory, stall.category, kMaxCategoryBytes));
  if (!stall.regency.empty()) {
    LAPAK_RETURN_IF_ERROR(ValidateText(Word::kRegency, stall.regency, kMaxNameBytes));
  }
  return Status::Ok();
}

// Whether `sql` (one row or none, e.g. SELECT 1 … WHERE id = $1) finds a row.
Result<bool> Exists(sql::Connection& db, std::string_view sql, std::string_view id) {
  Result<sql::Rows> rows = db.Query(sql, {Param(id)});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

}  // namespace

Status LedgerFigures::Add(const LedgerFigures& o) {
  LedgerFigures sum;
  const std::optional<Money> gross_sum = gross.Plus(o.gross);
  const std::optional<Money> voids_sum = voids.Plus(o.voids);
  const std::optional<Money> net_sum = net.Plus(o.net);
  const std::optional<MethodAmounts> by_method_sum = by_method.Plus(o.by_method);
  if (__builtin_add_overflow(sales_count, o.sales_count, &sum.sales_count) ||
      __builtin_add_overflow(voids_count, o.voids_count, &sum.voids_count) || !gross_sum ||
      !voids_sum || !net_sum || !by_method_sum) {
    return Refuse(Refusal::kLedgerFiguresOverflow);
  }
  sum.gross = *gross_sum;
  sum.voids = *voids_sum;
  sum.net = *net_sum;
  sum.by_method = *by_method_sum;
  *this = sum;
  return Status::Ok();
}

LedgerStore::LedgerStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<ConnectionPool> apply_pool)
    : db_(std::move(db)), apply_pool_(std::move(apply_pool)) {}
LedgerStore::~LedgerStore() = default;

Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const sql::Location& where, bool create,
                                                       DatabaseUse use,
                                                       const StartupCheckObserver& on_check) {
  Result<std::unique_ptr<sql::Connection>> db =
      sql::Open(where, create, "lapak-ledger event add", use, on_check);
  if (!db.ok()) return db.status();
  std::unique_ptr<ConnectionPool> apply_pool;
  if ((*db)->engine() == sql::Engine::kPostgres && use == DatabaseUse::kServe) {
    apply_pool = std::make_unique<ConnectionPool>(where, kParallelApplies);
  }
  return std::unique_ptr<LedgerStore>(new LedgerStore(std::move(db).value(), std::move(apply_pool)));
}

Result<std::string> LedgerStore::CheckEveryPage() {
  if (engine() != sql::Engine::kSqlite) return Refuse(Refusal::kVerifyNeedsSqliteLedger);
  std::string found;
  const Status done = InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> rows = db.Query("PRAGMA integrity_check(1)", {});
    found = !rows.ok() ? rows.status().message() : rows->empty() ? "no answer" : rows->Text(0, 0);
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return found;
}

Status LedgerStore::InTransaction(sql::Transaction::Mode mode,
                                  const std::function<Status(sql::Connection&)>& work) {
  std::lock_guard lock(mutex_);
  sql::Transaction transaction(*db_, mode);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  LAPAK_RETURN_IF_ERROR(work(*db_));
  return transaction.Commit();
}

Status LedgerStore::AddEvent(const EventSpec& event) {
  LAPAK_RETURN_IF_ERROR(ValidateEvent(event));
  return InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<bool> exists = Exists(db, "SELECT 1 FROM events WHERE id = $1", event.id);
    if (!exists.ok()) return exists.status();
    if (*exists) return Refuse(Refusal::kEventExists, event.id);
    return db
        .Execute("INSERT INTO events (id, name, province, regency, time_zone, first_day, last_day, "
                 "day_cutoff) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                 {Param(event.id), Param(event.name), Param(event.province), Param(event.regency),
                  Param(event.time_zone), Param(event.first_day), Param(event.last_day),
                  Param(event.day_cutoff)})
        .status();
  });
}

Status LedgerStore::AddStall(const StallSpec& stall) {
  LAPAK_RETURN_IF_ERROR(ValidateStall(stall));
  return InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<bool> event = Exists(db, "SELECT 1 FROM events WHERE id = $1", stall.event_id);
    if (!event.ok()) return event.status();
    if (!*event) return Refuse(Refusal::kNoSuchEvent, stall.event_id);
    Result<bool> exists = Exists(db, "SELECT 1 FROM stalls WHERE id = $1", stall.id);
    if (!exists.ok()) return exists.status();
    if (*exists) return Refuse(Refusal::kStallExists, stall.id);
    return db
        .Execute("INSERT INTO stalls (id, event_id, name, category, regency) "
                 "VALUES ($1, $2, $3, $4, $5)",
                 {Param(stall.id), Param(stall.event_id), Param(stall.name), Param(stall.category),
                  Param(stall.regency)})
        .status();
  });
}

Result<std::string> LedgerStore::EnrolTerminal(const std::string& terminal_id,
                                               const std::string& stall_id, TimePoint now) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kTerminalId, terminal_id));
  const std::string key = RandomBytes(sync::kTerminalKeyBytes);
  std::lock_guard lock(mutex_);
  sql::Transaction transaction(*db_, sql::Transaction::kWrite);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<bool> stall = Exists(*db_, "SELECT 1 FROM stalls WHERE id = $1", stall_id);
  if (!stall.ok()) return stall.status();
  if (!*stall) return Refuse(Refusal::kNoSuchStall, stall_id);
  Result<std::optional<TerminalRecord>> existing = FindTerminalOn(*db_, terminal_id, true);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    const TerminalRecord& terminal = **existing;
    if (!terminal.revoked) {
      return Refuse(Refusal::kTerminalAlreadyEnrolled, terminal_id);
    }
    if (terminal.stall_id != stall_id) {
      return Refuse(Refusal::kTerminalOfOtherStall, terminal_id, terminal.stall_id, stall_id);
    }
    LAPAK_RETURN_IF_ERROR(db_->Execute("UPDATE terminals SET terminal_key = $2, enrolled_at_ms = $3, "
                                       "revoked_at_ms = NULL WHERE id = $1",
                                       {Param(terminal_id), Param(sql::Blob{key}), Param(now)})
                              .status());
  } else {
    LAPAK_RETURN_IF_ERROR(db_->Execute("INSERT INTO terminals (id, stall_id, terminal_key, "
                                       "enrolled_at_ms) VALUES ($1, $2, $3, $4)",
                                       {Param(terminal_id), Param(stall_id), Param(sql::Blob{key}),
                                        Param(now)})
                              .status());
  }
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return key;
}

Status LedgerStore::RevokeTerminal(const std::string& terminal_id, TimePoint now) {
  return InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<int64_t> revoked = db.Execute(
        "UPDATE terminals SET revoked_at_ms = $2 WHERE id = $1 AND revoked_at_ms IS NULL",
        {Param(terminal_id), Param(now)});
    if (!revoked.ok()) return revoked.status();
    if (*revoked != 1) return Refuse(Refusal::kNoTerminalToRevoke, terminal_id);
    return Status::Ok();
  });
}

namespace {

constexpr const char* kSelectTerminals =
    "SELECT t.id, t.stall_id, s.event_id, e.time_zone, t.terminal_key, "
    "CASE WHEN t.revoked_at_ms IS NULL THEN 0 ELSE 1 END, t.hwm, t.last_hash, "
    "t.last_batch_at_ms, t.last_entry_at_ms, e.day_cutoff, e.first_day, e.last_day, t.books "
    "FROM terminals t JOIN stalls s ON s.id = t.stall_id JOIN events e ON e.id = s.event_id";

TerminalRecord TerminalFromRow(const sql::Rows& rows, size_t row) {
  TerminalRecord terminal;
  terminal.id = rows.Text(row, 0);
  terminal.stall_id = rows.Text(row, 1);
  terminal.event_id = rows.Text(row, 2);
  terminal.time_zone = rows.Text(row, 3);
  terminal.terminal_key = rows.Bytes(row, 4);
  terminal.revoked = rows.Int(row, 5) != 0;
  terminal.hwm = rows.Int(row, 6);
  const std::string hash = rows.Bytes(row, 7);
  if (hash.size() == terminal.last_hash.size()) {
    std::memcpy(terminal.last_hash.data(), hash.data(), hash.size());
  }
  terminal.last_batch_at = rows.OptionalTime(row, 8);
  terminal.last_entry_at = rows.OptionalTime(row, 9);
  terminal.day_cutoff = rows.Text(row, 10);
  terminal.first_day = rows.Text(row, 11);
  terminal.last_day = rows.Text(row, 12);
  if (!rows.IsNull(row, 13)) terminal.books = rows.Text(row, 13);
  return terminal;
}

}  // namespace

Result<std::optional<TerminalRecord>> LedgerStore::FindTerminal(const std::string& terminal_id) {
  std::lock_guard lock(mutex_);
  return FindTerminalOn(*db_, terminal_id, false);
}

// `for_update` locks the row on PostgreSQL only: SQLite's write transaction locks the whole
// file already.
Result<std::optional<TerminalRecord>> LedgerStore::FindTerminalOn(sql::Connection& db,
                                                                  const std::string& terminal_id,
                                                                  bool for_update) {
  const bool lock_row = for_update && db.engine() == sql::Engine::kPostgres;
  Result<sql::Rows> rows =
      db.Query(std::string(kSelectTerminals) + " WHERE t.id = $1" + (lock_row ? " FOR UPDATE OF t" : ""),
                 {Param(terminal_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TerminalRecord>();
  return std::optional(TerminalFromRow(*rows, 0));
}

Result<std::vector<TerminalRecord>> LedgerStore::Terminals() {
  std::lock_guard lock(mutex_);
  Result<sql::Rows> rows = db_->Query(std::string(kSelectTerminals) + " ORDER BY t.id", {});
  if (!rows.ok()) return rows.status();
  std::vector<TerminalRecord> terminals;
  for (size_t row = 0; row < rows->size(); ++row) terminals.push_back(TerminalFromRow(*rows, row));
  return terminals;
}

}  // namespace lapak::ledger
