// StallStore: opening the database, the stall's settings, PINs and the journal append.
#include "core/store.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>

#include "core/durable_database.h"
#include "core/schema.h"
#include "core/sqlite.h"
#include "core/refusal.h"
#include "core/text.h"

namespace lapak {

StallStore::StallStore(std::unique_ptr<sqlite::Database> db, const Clock& clock)
    : db_(std::move(db)), clock_(clock) {}

StallStore::~StallStore() = default;

Result<std::unique_ptr<StallStore>> StallStore::Open(const std::string& path, const Clock& clock,
                                                     OpenMode mode, DatabaseUse use,
                                                     const StartupCheckObserver& on_check) {
  Result<std::unique_ptr<sqlite::Database>> db =
      OpenDurableDatabase(path, Migrations(),
                          {.use = use,
                           .create = mode == OpenMode::kCreateIfMissing,
                           .create_hint = "lapak init",
                           .on_check = on_check});
  if (!db.ok()) return db.status();
  std::unique_ptr<StallStore> store(new StallStore(std::move(db).value(), clock));
  if (Status loaded = store->LoadSettings(); !loaded.ok() && loaded.code() != StatusCode::kNotFound) {
    return loaded;
  }
  return store;
}

Status StallStore::LoadSettings() {
  sqlite::Statement select(*db_, "SELECT key, value FROM settings");
  StallInfo info;
  int found = 0;
  while (select.Step()) {
    const std::string key = select.ColumnText(0);
    std::string value = select.ColumnText(1);
    std::string* field = key == "stall_id"      ? &info.stall_id
                         : key == "stall_name"  ? &info.stall_name
                         : key == "terminal_id" ? &info.terminal_id
                         : key == "time_zone"   ? &info.time_zone
                         : key == "day_cutoff"  ? &info.day_cutoff
                                                : nullptr;
    if (field != nullptr) {
      *field = std::move(value);
      ++found;
    }
  }
  LAPAK_RETURN_IF_ERROR(select.status());
  if (found == 0) return Refuse(Refusal::kNotSetUp);
  if (found != 5) return Status::Corruption("the stall's settings are incomplete");
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(info.time_zone, info.day_cutoff);
  if (!calendar.ok()) return calendar.status();
  info_ = std::move(info);
  calendar_ = std::move(calendar).value();
  return Status::Ok();
}

Status StallStore::RequireInitialised() const {
  if (!info_) return Refuse(Refusal::kNotSetUpYet);
  return Status::Ok();
}

Status StallStore::Initialise(const StallSetup& setup) {
  if (info_) {
    return Refuse(Refusal::kAlreadySetUp, info_->stall_id);
  }
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kStallId, setup.stall_id));
  LAPAK_RETURN_IF_ERROR(ValidateIdentifier(Word::kTerminalId, setup.terminal_id));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kStallName, setup.stall_name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(BusinessCalendar::Make(setup.time_zone, setup.day_cutoff).status());
  if (Status s = ValidatePinFormat(setup.owner_pin); !s.ok()) {
    return Refuse(Refusal::kOwnerPinFormat);
  }
  if (Status s = ValidatePinFormat(setup.cashier_pin); !s.ok()) {
    return Refuse(Refusal::kCashierPinFormat);
  }
  if (setup.owner_pin == setup.cashier_pin) {
    return Refuse(Refusal::kSamePins);
  }

  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement insert_setting(*db_, "INSERT INTO settings (key, value) VALUES (?, ?)");
  const std::pair<const char*, const std::string*> settings[] = {
      {"stall_id", &setup.stall_id},       {"stall_name", &setup.stall_name},
      {"terminal_id", &setup.terminal_id}, {"time_zone", &setup.time_zone},
      {"day_cutoff", &setup.day_cutoff}};
  for (const auto& [key, value] : settings) {
    insert_setting.Reset();
    LAPAK_RETURN_IF_ERROR(insert_setting.Bind(1, key).Bind(2, *value).Run());
  }
  sqlite::Statement insert_pin(
      *db_, "INSERT INTO pins (role, salt, iterations, pin_key) VALUES (?, ?, ?, ?)");
  for (const auto& [role, pin] : {std::pair{Role::kOwner, &setup.owner_pin},
                                  std::pair{Role::kCashier, &setup.cashier_pin}}) {
    const PinHash hash = HashPin(*pin);
    insert_pin.Reset();
    LAPAK_RETURN_IF_ERROR(insert_pin.Bind(1, RoleName(role))
                              .BindBlob(2, hash.salt)
                              .Bind(3, int64_t{hash.iterations})
                              .BindBlob(4, hash.key)
                              .Run());
  }
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  return LoadSettings();
}

// Preferences live in the settings table under "pref.<name>", beside the stall's settings.
static Status ValidatePreferenceName(std::string_view name) {
  const bool well_formed = !name.empty() && name.size() <= 32 &&
                           std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  if (!well_formed) return Refuse(Refusal::kNotAPreference, name);
  return Status::Ok();
}

Status StallStore::SetPreference(std::string_view name, std::string_view value) {
  LAPAK_RETURN_IF_ERROR(ValidatePreferenceName(name));
  if (value.size() > 200 || !IsPrintableUtf8(value)) {
    return Refuse(Refusal::kPreferenceTooLong);
  }
  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement upsert(*db_,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = ?2");
  LAPAK_RETURN_IF_ERROR(upsert.Bind(1, "pref." + std::string(name)).Bind(2, value).Run());
  return transaction.Commit();
}

Result<std::optional<std::string>> StallStore::Preference(std::string_view name) {
  LAPAK_RETURN_IF_ERROR(ValidatePreferenceName(name));
  sqlite::Statement select(*db_, "SELECT value FROM settings WHERE key = ?");
  select.Bind(1, "pref." + std::string(name));
  if (select.Step()) return std::optional<std::string>(select.ColumnText(0));
  LAPAK_RETURN_IF_ERROR(select.status());
  return std::optional<std::string>();
}

Result<StallInfo> StallStore::Info() {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  return *info_;
}

Result<std::string> StallStore::Today() {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  return calendar_->BusinessDay(clock_.Now());
}

Status StallStore::CheckPin(Role role, const std::string& pin) {
  LAPAK_RETURN_IF_ERROR(RequireInitialised());
  if (Status format = ValidatePinFormat(pin); !format.ok()) return format;  // not a try: no count

  // The key derivation is slow on purpose: run it before taking the write lock.
  sqlite::Statement select(
      *db_, "SELECT salt, iterations, pin_key, locked_until_ms, failures FROM pins WHERE role = ?");
  select.Bind(1, RoleName(role));
  if (!select.Step()) {
    LAPAK_RETURN_IF_ERROR(select.status());
    return Status::Corruption(fmt::format("no PIN is set for {}", RoleName(role)));
  }
  const PinHash stored{select.ColumnBlob(0), static_cast<int>(select.ColumnInt(1)), select.ColumnBlob(2)};
  const TimePoint now = clock_.Now();
  // A lock stored while the clock ran ahead must not outlast the longest lock.
  const TimePoint locked_until =
      std::min(TimePoint{std::chrono::milliseconds(select.ColumnInt(3))}, now + kLongestPinLock);
  if (now < locked_until) {
    // LocalTime shows minutes: round the end of the lock up so that the time shown is open.
    return Refuse(Refusal::kPinLocked, RoleName(role), select.ColumnInt(4),
                  calendar_->LocalTime(locked_until + std::chrono::seconds(59)));
  }
  const bool matches = PinMatches(stored, pin);
  // The read above must end before the write begins: a write begun on a read's snapshot
  // fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait) when another process — the sync
  // watcher, lapak-pos's uploader — has written since.
  select.Reset();

  sqlite::WriteTransaction transaction(*db_);
  LAPAK_RETURN_IF_ERROR(transaction.status());
  sqlite::Statement failures_now(*db_, "SELECT failures FROM pins WHERE role = ?");
  failures_now.Bind(1, RoleName(role));
  if (!failures_now.Step()) {
    LAPAK_RETURN_IF_ERROR(failures_now.status());
    return Status::Corruption(fmt::format("no PIN is set for {}", RoleName(role)));
  }
  const int failures = static_cast<int>(failures_now.ColumnInt(0));
  if (matches && failures == 0) return Status::Ok();  // nothing to write
  const int new_failures = matches ? 0 : failures + 1;
  const TimePoint new_lock = matches ? TimePoint{} : now + PinLockAfter(new_failures);
  sqlite::Statement update(*db_, "UPDATE pins SET failures = ?, locked_until_ms = ? WHERE role = ?");
  LAPAK_RETURN_IF_ERROR(update.Bind(1, int64_t{new_failures})
                            .Bind(2, new_lock.time_since_epoch().count())
                            .Bind(3, RoleName(role))
                            .Run());
  LAPAK_RETURN_IF_ERROR(transaction.Commit());
  if (matches) return Status::Ok();
  if (new_failures < kFreePinTries) {
    return Refuse(Refusal::kWrongPin, RoleName(role), kFreePinTries - new_failures);
  }
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(PinLockAfter(new_failures));
  return Refuse(Refusal::kWrongPinLocked, RoleName(role), minutes.count());
}

}  // namespace lapak
