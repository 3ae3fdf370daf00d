#include "sync/ledger/store/sql.h"

#include <cassert>

#include "core/refusal.h"
#include "sync/ledger/store/sql_engines.h"

namespace lapak::ledger::sql {

Value Param(int64_t value) { return value; }
Value Param(std::string_view text) { return std::string(text); }
Value Param(const Blob& bytes) { return bytes; }
Value Param(TimePoint time) { return static_cast<int64_t>(time.time_since_epoch().count()); }
Value Param(const std::optional<TimePoint>& time) {
  return time ? Param(*time) : Value(std::monostate{});
}

int64_t Rows::Int(size_t row, size_t column) const {
  const Value& value = rows_.at(row).at(column);
  if (std::holds_alternative<std::monostate>(value)) return 0;
  assert(std::holds_alternative<int64_t>(value));
  return std::get<int64_t>(value);
}

std::string Rows::Text(size_t row, size_t column) const {
  const Value& value = rows_.at(row).at(column);
  if (std::holds_alternative<std::monostate>(value)) return {};
  assert(std::holds_alternative<std::string>(value));
  return std::get<std::string>(value);
}

std::string Rows::Bytes(size_t row, size_t column) const {
  const Value& value = rows_.at(row).at(column);
  if (std::holds_alternative<std::monostate>(value)) return {};
  assert(std::holds_alternative<Blob>(value));
  return std::get<Blob>(value).bytes;
}

bool Rows::IsNull(size_t row, size_t column) const {
  return std::holds_alternative<std::monostate>(rows_.at(row).at(column));
}

std::optional<TimePoint> Rows::OptionalTime(size_t row, size_t column) const {
  if (IsNull(row, column)) return std::nullopt;
  return TimePoint(std::chrono::milliseconds(Int(row, column)));
}

std::string Location::Describe() const {
  if (postgres_uri.empty()) return sqlite_path;
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  const size_t scheme_end = postgres_uri.find("://");
  const size_t at = postgres_uri.find('@');
  if (scheme_end == std::string::npos || at == std::string::npos) return postgres_uri;
  const size_t colon = postgres_uri.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return postgres_uri;
  return postgres_uri.substr(0, colon + 1) + "***" + postgres_uri.substr(at);
}

Result<std::unique_ptr<Connection>> Open(const Location& location, bool create,
                                         std::string_view create_hint, DatabaseUse use,
                                         const StartupCheckObserver& on_check) {
  if (location.sqlite_path.empty() == location.postgres_uri.empty()) {
    return Refuse(Refusal::kLedgerLocation);
  }
  if (!location.postgres_uri.empty()) {
    return OpenPostgres(location.postgres_uri, create && use != DatabaseUse::kRead, create_hint,
                        use == DatabaseUse::kRead);
  }
  return OpenSqlite(location.sqlite_path, {.use = use, .create = create, .create_hint = create_hint,
                                           .on_check = on_check});
}

}  // namespace lapak::ledger::sql
