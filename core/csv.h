// RFC 4180 CSV, as a spreadsheet writes it.
//
//   file   := record (line-break record)* [line-break]
//   record := field (separator field)*        (separator: ',' or, as Excel saves CSV in an
//                                              Indonesian locale, ';': the caller's choice)
//   field  := quoted | bare
//   quoted := '"' (any byte but '"' | '""')* '"'      (may hold commas and line breaks)
//   bare   := (any byte but the separator, '"', CR, LF)*
//   line-break := CRLF | LF | CR       (a lone CR: old spreadsheets on the Mac)
//
// Blank lines are skipped. A UTF-8 byte-order mark at the very start is skipped (spreadsheets on Windows write one).
// Positions are 1-based. A record carries the physical line on which it starts; an error names
// the physical line of the problem (for an unclosed quote, the line where it opens) and the
// field's column number.
//
// Formula neutralising (OWASP's rule against CSV injection), for every CSV the project writes.
// A spreadsheet runs a cell that starts with '=', '+', '-', '@', TAB or CR as a formula, so a
// *text* cell — a name, an id, free text — is written with a "'" in front when it starts with
// one of them. Numbers the program computed (amounts, counts, percents) are *number* cells and
// are written as they are, a minus sign included. The kind comes from the API (CsvCell), never
// from the content.
//
//   formula-start := '=' | '+' | '-' | '@' | TAB | CR
//   written text  := "'" text    when text matches "'"* formula-start …
//                  | text        otherwise
//
// The leading quotes in the pattern make the rule reversible: RestoreCsvText takes one "'" off
// a cell that matches "'"+ formula-start …, so a text that itself starts with "'=" reads back
// unchanged. ParseCsv does not restore: a reader that wants the text back (the catalog import)
// calls RestoreCsvText on the cells it knows are text.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace lapak {

struct CsvRecord {
  int line = 0;  // physical line on which the record starts, 1-based
  std::vector<std::string> fields;
};

// Splits `text` into records. Fails only on broken quoting (an unterminated quoted field,
// or bytes after a closing quote), naming the line and column.
[[nodiscard]] Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char separator = ',');

// `text` as a text cell holds it: with "'" in front when it matches "'"* formula-start.
[[nodiscard]] std::string NeutraliseCsvText(std::string_view text);

// The text a text cell was written from: `cell` without its first "'" when it matches
// "'"+ formula-start, else `cell` itself. RestoreCsvText(NeutraliseCsvText(t)) == t.
[[nodiscard]] std::string_view RestoreCsvText(std::string_view cell);

// One field of a record the project writes. Text is the default: anything that converts to a
// string_view becomes a text cell, neutralised. A number the program computed becomes a cell
// only through Integer or Hundredths, and is written as it is.
class CsvCell {
 public:
  template <typename Text>
    requires std::convertible_to<const Text&, std::string_view>
  CsvCell(const Text& text) : value_(NeutraliseCsvText(text)) {}  // NOLINT: implicit by design

  static CsvCell Integer(int64_t value);  // "-5000"
  // Rounded to hundredths, half away from zero, without trailing zeros: "-25", "12.5", "33.33".
  static CsvCell Hundredths(double value);

  // What goes between the commas, before CSV quoting.
  const std::string& value() const { return value_; }

 private:
  struct Number {};
  CsvCell(Number, std::string value) : value_(std::move(value)) {}

  std::string value_;
};

// Appends one record, quoting a field only when it holds ',', '"', CR or LF. Ends with LF.
void AppendCsvRecord(std::string& out, const std::vector<CsvCell>& fields);

}  // namespace lapak
