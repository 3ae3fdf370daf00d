// Who may read the ledger's reports: access tokens with roles.
//
// A token is made by `lapak-ledger token add` and shown once:
//
//   lapak_<id>_<secret>      id: 8 lowercase hex digits (public: listed, revoked by it)
//                            secret: 64 lowercase hex digits (32 random bytes)
//
// The ledger keeps only SHA-256 of the secret. Roles:
//   organiser — the events named when the token was made (the panitia of those events)
//   province  — every event of its province (the provincial office)
//   admin     — every event
// Terminal keys are not tokens and read nothing. A token that is malformed, unknown,
// revoked or wrong is refused the same way, and a reader asking for an event it may not see
// is answered as if the event did not exist.
//
// In store/ with the rest of the ledger's SQL: every operation below is one transaction on
// the tables access_tokens and token_events; the rest (roles, the token's grammar) serves them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

enum class Role { kOrganiser, kProvince, kAdmin };

// "organiser", "province", "admin".
std::string_view RoleName(Role role);
std::optional<Role> RoleFromName(std::string_view name);

struct TokenSpec {
  std::string name;                 // who holds it: "Panitia Expo Semarang"
  Role role = Role::kOrganiser;
  std::string province;             // for kProvince
  std::vector<std::string> events;  // for kOrganiser: at least one
};

// A token as listed (never its secret).
struct TokenInfo {
  std::string id;
  std::string name;
  Role role = Role::kOrganiser;
  std::string province;
  std::vector<std::string> events;
  TimePoint created_at;
  std::optional<TimePoint> revoked_at;
};

// An authenticated reader.
struct Reader {
  std::string token_id;
  std::string name;
  Role role = Role::kOrganiser;
  std::string province;
  std::vector<std::string> events;

  bool CanRead(const EventSpec& event) const;
};

// Makes a token; returns it whole ("lapak_<id>_<secret>"), the only time it is seen.
// InvalidArgument for a spec that does not fit its role, NotFound for an unknown event.
[[nodiscard]] Result<std::string> AddToken(LedgerStore& store, const TokenSpec& spec, TimePoint now);
[[nodiscard]] Status RevokeToken(LedgerStore& store, const std::string& token_id, TimePoint now);
[[nodiscard]] Result<std::vector<TokenInfo>> ListTokens(LedgerStore& store);

// The reader a token stands for; nullopt for a token that is malformed, unknown, revoked or
// wrong (the secret is compared in constant time). An error only when the database fails.
[[nodiscard]] Result<std::optional<Reader>> Authenticate(LedgerStore& store, std::string_view token);

}  // namespace lapak::ledger
