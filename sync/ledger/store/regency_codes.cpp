#include "sync/ledger/store/regency_codes.h"

#include <algorithm>

#include "core/refusal.h"
#include "core/text.h"

namespace lapak::ledger {

namespace {

using sql::Param;

// Four digits, the first two a province's (Aceh 11 … Papua Barat Daya 96).
bool IsRegencyCode(std::string_view code) {
  if (code.size() != 4 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  const int province = (code[0] - '0') * 10 + (code[1] - '0');
  return province >= 11 && province <= 96 && code.substr(2) != "00";
}

}  // namespace

Status SetRegencyCode(LedgerStore& store, const RegencyCode& regency) {
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kRegency, regency.name, kMaxNameBytes));
  LAPAK_RETURN_IF_ERROR(ValidateText(Word::kProvince, regency.province, kMaxNameBytes));
  if (!IsRegencyCode(regency.code)) return Refuse(Refusal::kRegencyCodeMalformed, regency.code);
  return store.InTransaction(sql::Transaction::kWrite, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> holder =
        db.Query("SELECT name FROM regencies WHERE code = $1 AND name <> $2", {Param(regency.code), Param(regency.name)});
    if (!holder.ok()) return holder.status();
    if (!holder->empty()) return Refuse(Refusal::kRegencyCodeTaken, regency.code, holder->Text(0, 0));
    LAPAK_RETURN_IF_ERROR(db.Execute("DELETE FROM regencies WHERE name = $1", {Param(regency.name)}).status());
    return db.Execute("INSERT INTO regencies (name, code, province) VALUES ($1, $2, $3)",
                      {Param(regency.name), Param(regency.code), Param(regency.province)})
        .status();
  });
}

Result<std::vector<RegencyCode>> ListRegencyCodes(LedgerStore& store) {
  std::vector<RegencyCode> regencies;
  const Status done = store.InTransaction(sql::Transaction::kRead, [&](sql::Connection& db) -> Status {
    Result<sql::Rows> rows = db.Query("SELECT name, code, province FROM regencies ORDER BY code", {});
    if (!rows.ok()) return rows.status();
    for (size_t row = 0; row < rows->size(); ++row) {
      regencies.push_back({rows->Text(row, 0), rows->Text(row, 1), rows->Text(row, 2)});
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return regencies;
}

}  // namespace lapak::ledger
