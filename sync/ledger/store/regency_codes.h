// The official code of each regency or city (kode wilayah), as the provincial Satu Data
// portals publish their tables: four digits, the province's two (33 Jawa Tengah) then the
// regency's two (3374 Kota Semarang), the codes of Kemendagri and BPS. Events and stalls name
// their regency by its name ("Kota Semarang"); the province export (reports.h
// MakeProvinceExport) keys its rows by the code recorded here for that name.
//
// In store/ with the rest of the ledger's SQL: the table regencies (name, code, province).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "sync/ledger/store/ledger_store.h"

namespace lapak::ledger {

struct RegencyCode {
  std::string name;      // as events and stalls write it: "Kota Semarang"
  std::string code;      // "3374"
  std::string province;  // "Jawa Tengah"
  bool operator==(const RegencyCode&) const = default;
};

// Records the code of a regency, or changes it. Refused: a code that is not four digits with
// a province part from 11 to 96, a name or province that is empty or too long, a code already
// recorded for another name.
[[nodiscard]] Status SetRegencyCode(LedgerStore& store, const RegencyCode& regency);

// Every regency recorded, by code.
[[nodiscard]] Result<std::vector<RegencyCode>> ListRegencyCodes(LedgerStore& store);

}  // namespace lapak::ledger
