// A workbook's cells as a spreadsheet would read them: tests/tools/xlsx_cells.py (Python's
// zipfile and xml, not libxlsxwriter) run on the bytes, its JSON returned. The format of the
// JSON is in that script.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lapak::testing {

// The workbook's sheets; a failed test and an empty object when the bytes are not a workbook.
nlohmann::json ReadXlsx(const std::string& bytes);

// The sheet named `name`; a failed test and null when there is none.
const nlohmann::json& XlsxSheet(const nlohmann::json& workbook, const std::string& name);

// The names of the workbook's sheets, in order.
std::vector<std::string> XlsxSheetNames(const nlohmann::json& workbook);

// The cell under heading `heading` (row 0) in the first row whose first cell is the text
// `key`; null when there is none.
nlohmann::json XlsxCell(const nlohmann::json& sheet, const std::string& key, const std::string& heading);

}  // namespace lapak::testing
