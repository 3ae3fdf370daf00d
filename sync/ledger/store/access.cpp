#include "sync/ledger/store/access.h"

#include <fmt/core.h>

#include <algorithm>

#include "core/crypto.h"
#include "core/refusal.h"
#include "core/text.h"

namespace lapak::ledger {

namespace {

using sql::Param;

constexpr std::string_view kTokenPrefix = "lapak_";
constexpr size_t kIdHexDigits = 8;
constexpr size_t kSecretBytes = 32;

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Splits "lapak_<id>_<secret hex>"; false for anything else.
bool ParseToken(std::string_view token, std::string& id, std::string& secret) {
  if (!token.starts_with(kTokenPrefix)) return false;
  token.remove_prefix(kTokenPrefix.size());
  if (token.size() != kIdHexDigits + 1 + 2 * kSecretBytes || token[kIdHexDigits] != '_') return false;
  const std::string_view id_part = token.substr(0, kIdHexDigits);
  const std::string_view secret_part = token.substr(kIdHexDigits + 1);
  if (!IsLowerHex(id_part) || !IsLowerHex(secret_part)) return false;
  id = id_part;
  return HexDecode(secret_part, secret);
}

sql::Blob SecretHash(std::string_view secret) {
  const Sha256Digest digest = Sha256(secret);
  return {std::string(reinterpret_cast<const char*>(digest.data()), digest.size())};
}

Status ValidateSpec(const TokenSpec& spec) {
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kTokenName, spec.name, kMaxNameBytes));
  switch (spec.role) {
    case Role::kOrganiser:
      if (spec.events.empty()) return Refuse(Refusal::kOrganiserTokenNeedsEvents);
      if (!spec.province.empty()) return Refuse(Refusal::kOrganiserTokenHasNoProvince);
      break;
    case Role::kProvince:
      if (spec.province.empty()) return Refuse(Refusal::kProvinceTokenNeedsProvince);
      if (!spec.events.empty()) return Refuse(Refusal::kProvinceTokenNamesNoEvents);
      break;
    case Role::kAdmin:
      if (!spec.events.empty() || !spec.province.empty()) {
        return Refuse(Refusal::kAdminTokenReadsAll);
      }
      break;
  }
  return Status::Ok();
}

Result<std::vector<std::string>> TokenEvents(sql::Connection& db, const std::string& token_id) {
  Result<sql::Rows> rows = db.Query(
      "SELECT event_id FROM token_events WHERE token_id = $1 ORDER BY event_id", {Param(token_id)});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> events;
  for (size_t row = 0; row < rows->size(); ++row) events.push_back(rows->Text(row, 0));
  return events;
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kOrganiser: return "organiser";
    case Role::kProvince: return "province";
    case Role::kAdmin: return "admin";
  }
  return "?";
}

std::optional<Role> RoleFromName(std::string_view name) {
  for (Role role : {Role::kOrganiser, Role::kProvince, Role::kAdmin}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool Reader::CanRead(const EventSpec& event) const {
  switch (role) {
    case Role::kOrganiser: return std::find(events.begin(), events.end(), event.id) != events.end();
    case Role::kProvince: return event.province == province;
    case Role::kAdmin: return true;
  }
  return false;
}

Result<std::string> AddToken(LedgerStore& store, const TokenSpec& spec, TimePoint now) {
  LAPAK_RETURN_IF_ERROR(ValidateSpec(spec));
  const std::string id = HexEncode(RandomBytes(kIdHexDigits / 2));
  const std::string secret = RandomBytes(kSecretBytes);
  const Status done = store.InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    LAPAK_RETURN_IF_ERROR(db.Execute("INSERT INTO access_tokens (id, secret_hash, name, role, "
                                     "province, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
                                     {Param(id), Param(SecretHash(secret)), Param(spec.name),
                                      Param(RoleName(spec.role)), Param(spec.province), Param(now)})
                              .status());
    for (const std::string& event : spec.events) {
      Result<sql::Rows> found = db.Query("SELECT 1 FROM events WHERE id = $1", {Param(event)});
      if (!found.ok()) return found.status();
      if (found->empty()) return Refuse(Refusal::kNoSuchEvent, event);
      LAPAK_RETURN_IF_ERROR(db.Execute("INSERT INTO token_events (token_id, event_id) VALUES ($1, $2) "
                                       "ON CONFLICT DO NOTHING",
                                       {Param(id), Param(event)})
                                .status());
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return fmt::format("{}{}_{}", kTokenPrefix, id, HexEncode(secret));
}

Status RevokeToken(LedgerStore& store, const std::string& token_id, TimePoint now) {
  return store.InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<int64_t> revoked = db.Execute(
        "UPDATE access_tokens SET revoked_at_ms = $2 WHERE id = $1 AND revoked_at_ms IS NULL",
        {Param(token_id), Param(now)});
    if (!revoked.ok()) return revoked.status();
    if (*revoked != 1) return Refuse(Refusal::kNoTokenToRevoke, token_id);
    return Status::Ok();
  });
}

Result<std::vector<TokenInfo>> ListTokens(LedgerStore& store) {
  std::vector<TokenInfo> tokens;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> rows = db.Query(
        "SELECT id, name, role, province, created_at_ms, revoked_at_ms FROM access_tokens "
        "ORDER BY created_at_ms, id",
        {});
    if (!rows.ok()) return rows.status();
    for (size_t row = 0; row < rows->size(); ++row) {
      TokenInfo token{rows->Text(row, 0), rows->Text(row, 1),
                      RoleFromName(rows->Text(row, 2)).value_or(Role::kOrganiser),
                      rows->Text(row, 3), {}, *rows->OptionalTime(row, 4),
                      rows->OptionalTime(row, 5)};
      Result<std::vector<std::string>> events = TokenEvents(db, token.id);
      if (!events.ok()) return events.status();
      token.events = std::move(events).value();
      tokens.push_back(std::move(token));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return tokens;
}

Result<std::optional<Reader>> Authenticate(LedgerStore& store, std::string_view token) {
  std::string id;
  std::string secret;
  if (!ParseToken(token, id, secret)) return std::optional<Reader>();
  std::optional<Reader> reader;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> rows = db.Query(
        "SELECT secret_hash, name, role, province FROM access_tokens "
        "WHERE id = $1 AND revoked_at_ms IS NULL",
        {Param(id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty() || !ConstantTimeEquals(rows->Bytes(0, 0), SecretHash(secret).bytes)) {
      return Status::Ok();
    }
    const std::optional<Role> role = RoleFromName(rows->Text(0, 2));
    if (!role) return Status::Corruption(fmt::format("token {} has an unknown role", id));
    Result<std::vector<std::string>> events = TokenEvents(db, id);
    if (!events.ok()) return events.status();
    reader = Reader{id, rows->Text(0, 1), *role, rows->Text(0, 3), std::move(events).value()};
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return reader;
}

}  // namespace lapak::ledger
