// LedgerStore: opening the ledger, events, stalls and terminal keys.
#include "sync/ledger/store/ledger_store.h"

#include <fmt/ranges.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "core/refusal.h"
#include "core/text.h"
#include "sync/ledger/store/connection_pool.h"
#include "sync/protocol.h"

namespace lapak::ledger {

size_t CheckingSlots() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::max(1U, cores > 1 ? cores - 1 : 1U);
}

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

// The stall's id always; its name, category and regency when given (a stall already
// registered may be named by its id alone).
Status ValidateStall(const StallSpec& stall) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kStallId, stall.id));
  if (!stall.name.empty()) {
    LAPAK_RETURN_IF_ERROR(ValidateText(Word::kLedgerStallName, stall.name, kMaxNameBytes));
  }
  if (!stall.category.empty()) {
    LAPAK_RETURN_IF_ERROR(ValidateText(Word::kCategory, stall.category, kMaxCategoryBytes));
  }
  if (!stall.regency.empty()) {
    LAPAK_RETURN_IF_ERROR(ValidateText(Word::kRegency, stall.regency, kMaxNameBytes));
  }
  return Status::Ok();
}

// Whether `sql` (one row or none, e.g. SELECT 1 … WHERE id = $1) finds a row.
Result<bool> Exists(sql::Connection& db, std::string_view sql, std::initializer_list<sql::Value> params) {
  Result<sql::Rows> rows = db.Query(sql, params);
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

LedgerStore::LedgerStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<ConnectionPool> apply_pool,
                         std::unique_ptr<ConnectionPool> read_pool)
    : db_(std::move(db)), apply_pool_(std::move(apply_pool)), read_pool_(std::move(read_pool)) {}
LedgerStore::~LedgerStore() = default;

Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const sql::Location& where, bool create,
                                                       DatabaseUse use,
                                                       const StartupCheckObserver& on_check) {
  Result<std::unique_ptr<sql::Connection>> db =
      sql::Open(where, create, "lapak-ledger event add", use, on_check);
  if (!db.ok()) return db.status();
  std::unique_ptr<ConnectionPool> apply_pool;
  std::unique_ptr<ConnectionPool> read_pool;
  if ((*db)->engine() == sql::Engine::kPostgres && use == DatabaseUse::kServe) {
    apply_pool = std::make_unique<ConnectionPool>(where, kParallelApplies, DatabaseUse::kWrite);
  } else if ((*db)->engine() == sql::Engine::kSqlite && use != DatabaseUse::kRead) {
    read_pool = std::make_unique<ConnectionPool>(where, CheckingSlots(), DatabaseUse::kRead);
  }
  return std::unique_ptr<LedgerStore>(
      new LedgerStore(std::move(db).value(), std::move(apply_pool), std::move(read_pool)));
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
    Result<bool> exists = Exists(db, "SELECT 1 FROM events WHERE id = $1", {Param(event.id)});
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
    Result<sql::Rows> event = db.Query("SELECT regency FROM events WHERE id = $1", {Param(stall.event_id)});
    if (!event.ok()) return event.status();
    if (event->empty()) return Refuse(Refusal::kNoSuchEvent, stall.event_id);
    Result<sql::Rows> registered =
        db.Query("SELECT name, category, regency FROM stalls WHERE id = $1", {Param(stall.id)});
    if (!registered.ok()) return registered.status();
    if (registered->empty()) {
      if (stall.name.empty() || stall.category.empty()) {
        return Refuse(Refusal::kNewStallNeedsNameAndCategory, stall.id);
      }
      const std::string regency = stall.regency.empty() ? event->Text(0, 0) : stall.regency;
      LAPAK_RETURN_IF_ERROR(db.Execute("INSERT INTO stalls (id, name, category, regency) VALUES ($1, $2, $3, $4)",
                                       {Param(stall.id), Param(stall.name), Param(stall.category), Param(regency)})
                                .status());
    } else {
      const auto differs = [&](const std::string& given, size_t column) {
        return !given.empty() && given != registered->Text(0, column);
      };
      if (differs(stall.name, 0) || differs(stall.category, 1) || differs(stall.regency, 2)) {
        return Refuse(Refusal::kStallRegisteredOtherwise, stall.id, registered->Text(0, 0),
                      registered->Text(0, 1), registered->Text(0, 2));
      }
    }
    Result<bool> joined = Exists(db, "SELECT 1 FROM event_stalls WHERE event_id = $1 AND stall_id = $2",
                                 {Param(stall.event_id), Param(stall.id)});
    if (!joined.ok()) return joined.status();
    if (*joined) return Refuse(Refusal::kStallAlreadyInEvent, stall.id, stall.event_id);
    return db.Execute("INSERT INTO event_stalls (event_id, stall_id) VALUES ($1, $2)",
                      {Param(stall.event_id), Param(stall.id)})
        .status();
  });
}

namespace {

// The event a terminal of `stall_id` is enrolled for: `event_id` when the stall takes part in
// it; when empty, the stall's one event.
Result<std::string> EnrolmentEvent(sql::Connection& db, const std::string& stall_id,
                                   const std::string& event_id) {
  Result<sql::Rows> events =
      db.Query("SELECT event_id FROM event_stalls WHERE stall_id = $1 ORDER BY event_id", {Param(stall_id)});
  if (!events.ok()) return events.status();
  std::vector<std::string> ids;
  for (size_t row = 0; row < events->size(); ++row) ids.push_back(events->Text(row, 0));
  if (!event_id.empty()) {
    if (std::find(ids.begin(), ids.end(), event_id) == ids.end()) {
      return Refuse(Refusal::kStallNotInEvent, stall_id, event_id);
    }
    return event_id;
  }
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) return Refuse(Refusal::kNoSuchStall, stall_id);
  return Refuse(Refusal::kStallEventNotGiven, stall_id, ids.size(), fmt::format("{}", fmt::join(ids, ", ")));
}

}  // namespace

Result<std::string> LedgerStore::EnrolTerminal(const TerminalRef& terminal, TimePoint now,
                                               const std::string& event_id) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kStallId, terminal.stall_id));
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kTerminalId, terminal.terminal_id));
  const std::string key = RandomBytes(sync::kTerminalKeyBytes);
  std::lock_guard lock(mutex_);
  sql::Transaction transaction(*db_, sql::Transaction::kWrite);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  Result<std::string> event = EnrolmentEvent(*db_, terminal.stall_id, event_id);
  if (!event.ok()) return event.status();
  Result<std::optional<TerminalRecord>> existing = FindTerminalOn(*db_, terminal, true);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    if (!(*existing)->revoked) {
      return Refuse(Refusal::kTerminalAlreadyEnrolled, terminal.terminal_id, terminal.stall_id);
    }
    LAPAK_RETURN_IF_ERROR(db_->Execute("UPDATE terminals SET terminal_key = $2, enrolled_at_ms = $3, "
                                       "revoked_at_ms = NULL, event_id = $4 WHERE id = $1",
                                       {Param((*existing)->id), Param(sql::Blob{key}), Param(now), Param(*event)})
                              .status());
  } else {
    // '/' is in no identifier: this key never meets another terminal's.
    const std::string id = terminal.stall_id + "/" + terminal.terminal_id;
    LAPAK_RETURN_IF_ERROR(db_->Execute("INSERT INTO terminals (id, name, stall_id, event_id, terminal_key, "
                                       "enrolled_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                                       {Param(id), Param(terminal.terminal_id), Param(terminal.stall_id),
                                        Param(*event), Param(sql::Blob{key}), Param(now)})
                              .status());
  }
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return key;
}

Status LedgerStore::RevokeTerminal(const TerminalRef& terminal, TimePoint now) {
  return InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<int64_t> revoked = db.Execute(
        "UPDATE terminals SET revoked_at_ms = $3 WHERE stall_id = $1 AND name = $2 AND revoked_at_ms IS NULL",
        {Param(terminal.stall_id), Param(terminal.terminal_id), Param(now)});
    if (!revoked.ok()) return revoked.status();
    if (*revoked != 1) return Refuse(Refusal::kNoTerminalToRevoke, terminal.terminal_id, terminal.stall_id);
    return Status::Ok();
  });
}

namespace {

constexpr const char* kSelectTerminals =
    "SELECT t.id, t.stall_id, t.event_id, e.time_zone, t.terminal_key, "
    "CASE WHEN t.revoked_at_ms IS NULL THEN 0 ELSE 1 END, t.hwm, t.last_hash, "
    "t.last_batch_at_ms, t.last_entry_at_ms, e.day_cutoff, e.first_day, e.last_day, t.books, t.name "
    "FROM terminals t JOIN events e ON e.id = t.event_id";

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
  terminal.name = rows.Text(row, 14);
  return terminal;
}

}  // namespace

Result<std::optional<TerminalRecord>> LedgerStore::FindTerminal(const TerminalRef& terminal) {
  if (read_pool_) {  // not behind the writer: every batch's mac check starts here
    Result<ConnectionPool::Lease> reader = read_pool_->Take();
    if (!reader.ok()) return reader.status();
    return FindTerminalOn(**reader, terminal, false);
  }
  std::lock_guard lock(mutex_);
  return FindTerminalOn(*db_, terminal, false);
}

// `for_update` locks the row on PostgreSQL only: SQLite's write transaction locks the whole
// file already.
Result<std::optional<TerminalRecord>> LedgerStore::FindTerminalOn(sql::Connection& db,
                                                                  const TerminalRef& terminal,
                                                                  bool for_update) {
  const std::string lock_row =
      for_update && db.engine() == sql::Engine::kPostgres ? " FOR UPDATE OF t" : "";
  const bool by_name_only = terminal.stall_id.empty();
  // By name only: the terminal enrolled before terminals were named by their stall (its key
  // is its name) first; any other only when no second terminal has the name.
  Result<sql::Rows> rows =
      by_name_only
          ? db.Query(std::string(kSelectTerminals) +
                         " WHERE t.name = $1 ORDER BY CASE WHEN t.id = t.name THEN 0 ELSE 1 END, t.id LIMIT 2" +
                         lock_row,
                     {Param(terminal.terminal_id)})
          : db.Query(std::string(kSelectTerminals) + " WHERE t.stall_id = $1 AND t.name = $2" + lock_row,
                     {Param(terminal.stall_id), Param(terminal.terminal_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TerminalRecord>();
  TerminalRecord found = TerminalFromRow(*rows, 0);
  if (by_name_only && found.id != found.name && rows->size() > 1) return std::optional<TerminalRecord>();
  return std::optional(std::move(found));
}

Result<std::vector<TerminalRecord>> LedgerStore::Terminals() {
  std::lock_guard lock(mutex_);
  Result<sql::Rows> rows = db_->Query(std::string(kSelectTerminals) + " ORDER BY t.stall_id, t.name", {});
  if (!rows.ok()) return rows.status();
  std::vector<TerminalRecord> terminals;
  for (size_t row = 0; row < rows->size(); ++row) terminals.push_back(TerminalFromRow(*rows, row));
  return terminals;
}

}  // namespace lapak::ledger
