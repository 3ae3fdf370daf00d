// LedgerStore: opening the ledger, events, stalls and terminal keys.
#include "sync/ledger/ledger_store.h"

#include <fmt/core.h>

#include <cstring>

#include "core/business_day.h"
#include "core/durable_database.h"
#include "core/sqlite.h"
#include "core/text.h"
#include "sync/envelope.h"
#include "sync/ledger/ledger_schema.h"

namespace lapak::ledger {

namespace {

Status ValidateEvent(const EventSpec& event) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier("event id", event.id));
  LAPAK_RETURN_IF_ERROR(ValidateText("event name", event.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText("province", event.province, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText("regency", event.regency, kMaxNameBytes));
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(event.time_zone, kDefaultDayCutoff);
  if (!calendar.ok()) return calendar.status();
  if (!IsIsoDate(event.first_day) || !IsIsoDate(event.last_day)) {
    return Status::InvalidArgument("event dates must be YYYY-MM-DD");
  }
  if (event.last_day < event.first_day) {
    return Status::InvalidArgument(fmt::format("the event ends ({}) before it starts ({})",
                                               event.last_day, event.first_day));
  }
  return Status::Ok();
}

}  // namespace

LedgerStore::LedgerStore(std::unique_ptr<sqlite::Database> db) : db_(std::move(db)) {}
LedgerStore::~LedgerStore() = default;

Result<std::unique_ptr<LedgerStore>> LedgerStore::Open(const std::string& path, bool create) {
  Result<std::unique_ptr<sqlite::Database>> db =
      OpenDurableDatabase(path, create, LedgerMigrations(), "lapak-ledger event add");
  if (!db.ok()) return db.status();
  return std::unique_ptr<LedgerStore>(new LedgerStore(std::move(db).value()));
}

Status LedgerStore::AddEvent(const EventSpec& event) {
  LAPAK_RETURN_IF_ERROR(ValidateEvent(event));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement exists(*db_, "SELECT 1 FROM events WHERE id = ?");
  if (exists.Bind(1, event.id).Step()) {
    return Status::AlreadyExists(fmt::format("event '{}' already exists", event.id));
  }
  LAPAK_RETURN_IF_ERROR(exists.status());
  sqlite::Statement insert(*db_,
                           "INSERT INTO events (id, name, province, regency, time_zone, "
                           "first_day, last_day) VALUES (?, ?, ?, ?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(insert.Bind(1, event.id)
                            .Bind(2, event.name)
                            .Bind(3, event.province)
                            .Bind(4, event.regency)
                            .Bind(5, event.time_zone)
                            .Bind(6, event.first_day)
                            .Bind(7, event.last_day)
                            .Run());
  return transaction.Commit();
}

Status LedgerStore::AddStall(const StallSpec& stall) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier("stall id", stall.id));
  LAPAK_RETURN_IF_ERROR(ValidateText("stall name", stall.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText("category", stall.category, kMaxCategoryBytes));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement event(*db_, "SELECT 1 FROM events WHERE id = ?");
  if (!event.Bind(1, stall.event_id).Step()) {
    LAPAK_RETURN_IF_ERROR(event.status());
    return Status::NotFound(fmt::format("there is no event '{}'", stall.event_id));
  }
  sqlite::Statement exists(*db_, "SELECT 1 FROM stalls WHERE id = ?");
  if (exists.Bind(1, stall.id).Step()) {
    return Status::AlreadyExists(fmt::format("stall '{}' already exists", stall.id));
  }
  LAPAK_RETURN_IF_ERROR(exists.status());
  sqlite::Statement insert(*db_,
                           "INSERT INTO stalls (id, event_id, name, category) VALUES (?, ?, ?, ?)");
  LAPAK_RETURN_IF_ERROR(
      insert.Bind(1, stall.id).Bind(2, stall.event_id).Bind(3, stall.name).Bind(4, stall.category).Run());
  return transaction.Commit();
}

Result<std::string> LedgerStore::EnrolTerminal(const std::string& terminal_id,
                                               const std::string& stall_id, TimePoint now) {
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier("terminal id", terminal_id));
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement stall(*db_, "SELECT 1 FROM stalls WHERE id = ?");
  if (!stall.Bind(1, stall_id).Step()) {
    LAPAK_RETURN_IF_ERROR(stall.status());
    return Status::NotFound(fmt::format("there is no stall '{}'", stall_id));
  }
  Result<std::optional<TerminalRecord>> existing = FindTerminal(terminal_id);
  if (!existing.ok()) return existing.status();
  const std::string key = RandomBytes(sync::kTerminalKeyBytes);
  if (existing->has_value()) {
    const TerminalRecord& terminal = **existing;
    if (!terminal.revoked) {
      return Status::AlreadyExists(fmt::format(
          "terminal '{}' is already enrolled; revoke it first to give it a new key", terminal_id));
    }
    if (terminal.stall_id != stall_id) {
      return Status::InvalidArgument(fmt::format("terminal '{}' belongs to stall '{}', not '{}'",
                                                 terminal_id, terminal.stall_id, stall_id));
    }
    sqlite::Statement rekey(*db_,
                            "UPDATE terminals SET terminal_key = ?2, enrolled_at_ms = ?3, "
                            "revoked_at_ms = NULL WHERE id = ?1");
    LAPAK_RETURN_IF_ERROR(rekey.Bind(1, terminal_id).BindBlob(2, key).BindTime(3, now).Run());
  } else {
    sqlite::Statement insert(*db_,
                             "INSERT INTO terminals (id, stall_id, terminal_key, enrolled_at_ms) "
                             "VALUES (?, ?, ?, ?)");
    LAPAK_RETURN_IF_ERROR(
        insert.Bind(1, terminal_id).Bind(2, stall_id).BindBlob(3, key).BindTime(4, now).Run());
  }
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return key;
}

Status LedgerStore::RevokeTerminal(const std::string& terminal_id, TimePoint now) {
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement revoke(*db_,
                           "UPDATE terminals SET revoked_at_ms = ?2 "
                           "WHERE id = ?1 AND revoked_at_ms IS NULL");
  LAPAK_RETURN_IF_ERROR(revoke.Bind(1, terminal_id).BindTime(2, now).Run());
  if (sqlite3_changes(db_->handle()) != 1) {
    return Status::NotFound(fmt::format("no enrolled terminal '{}' to revoke", terminal_id));
  }
  return transaction.Commit();
}

namespace {

constexpr const char* kSelectTerminals =
    "SELECT t.id, t.stall_id, s.event_id, t.terminal_key, t.revoked_at_ms IS NOT NULL, t.hwm, "
    "t.last_hash, t.last_batch_at_ms, t.last_entry_at_ms "
    "FROM terminals t JOIN stalls s ON s.id = t.stall_id";

TerminalRecord TerminalFromRow(const sqlite::Statement& row) {
  TerminalRecord terminal;
  terminal.id = row.ColumnText(0);
  terminal.stall_id = row.ColumnText(1);
  terminal.event_id = row.ColumnText(2);
  terminal.terminal_key = row.ColumnBlob(3);
  terminal.revoked = row.ColumnInt(4) != 0;
  terminal.hwm = row.ColumnInt(5);
  const std::string hash = row.ColumnBlob(6);
  if (hash.size() == terminal.last_hash.size()) {
    std::memcpy(terminal.last_hash.data(), hash.data(), hash.size());
  }
  terminal.last_batch_at = row.ColumnOptionalTime(7);
  terminal.last_entry_at = row.ColumnOptionalTime(8);
  return terminal;
}

}  // namespace

Result<std::optional<TerminalRecord>> LedgerStore::FindTerminal(const std::string& terminal_id) {
  sqlite::Statement select(*db_, std::string(kSelectTerminals) + " WHERE t.id = ?");
  if (select.Bind(1, terminal_id).Step()) return std::optional(TerminalFromRow(select));
  LAPAK_RETURN_IF_ERROR(select.status());
  return std::optional<TerminalRecord>();
}

Result<std::vector<TerminalRecord>> LedgerStore::Terminals() {
  sqlite::Statement select(*db_, std::string(kSelectTerminals) + " ORDER BY t.id");
  std::vector<TerminalRecord> terminals;
  while (select.Step()) terminals.push_back(TerminalFromRow(select));
  LAPAK_RETURN_IF_ERROR(select.status());
  return terminals;
}

}  // namespace lapak::ledger
