// RFC 4180 CSV, as a spreadsheet writes it.
//
//   file   := record (line-break record)* [line-break]
//   record := field ("," field)*
//   field  := quoted | bare
//   quoted := '"' (any byte but '"' | '""')* '"'      (may hold commas and line breaks)
//   bare   := (any byte but ',', '"', CR, LF)*
//   line-break := CRLF | LF | CR       (a lone CR: old spreadsheets on the Mac)
//
// Blank lines are skipped. A UTF-8 byte-order mark at the very start is skipped (spreadsheets on Windows write one).
// Positions are 1-based. A record carries the physical line on which it starts; an error names
// the physical line of the problem (for an unclosed quote, the line where it opens) and the
// field's column number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace lapak {

struct CsvRecord {
  int line = 0;  // physical line on which the record starts, 1-based
  std::vector<std::string> fields;
};

// Splits `text` into records. Fails only on broken quoting (an unterminated quoted field,
// or bytes after a closing quote), naming the line and column.
[[nodiscard]] Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

// Appends one record, quoting a field only when it holds ',', '"', CR or LF. Ends with LF.
void AppendCsvRecord(std::string& out, const std::vector<std::string>& fields);

}  // namespace lapak
