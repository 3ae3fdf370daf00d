#include "core/csv.h"

#include <fmt/core.h>

#include <cmath>

#include "core/refusal.h"

namespace lapak {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, char separator) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<CsvRecord> records;
  CsvRecord record{1, {}};
  std::string field;
  int line = 1;
  size_t i = 0;
  bool record_has_content = false;

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    records.push_back(std::move(record));
    record = CsvRecord{line, {}};
    record_has_content = false;
  };

  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      const int quote_line = line;
      const size_t column = record.fields.size() + 1;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      if (!closed) {
        return Refuse(Refusal::kCsvUnclosedQuote, quote_line, column);
      }
      if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        return Refuse(Refusal::kCsvTextAfterQuote, line, column);
      }
      record_has_content = true;
      continue;
    }
    if (c == separator) {
      end_field();
      record_has_content = true;
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (c == '\n' || c == '\r') {
      ++line;
      ++i;
      if (record_has_content) {
        end_record();
      } else {
        record.line = line;  // a blank line is no record
      }
      continue;
    }
    if (c == '"') {
      return Refuse(Refusal::kCsvQuoteInField, line, record.fields.size() + 1);
    }
    field.push_back(c);
    record_has_content = true;
    ++i;
  }
  if (record_has_content) end_record();
  return records;
}

// formula-start of csv.h.
constexpr std::string_view kFormulaStart = "=+-@\t\r";

// True when `text`, after its leading "'"s, starts with a formula-start character.
static bool StartsFormula(std::string_view text) {
  const size_t first = text.find_first_not_of('\'');
  return first != std::string_view::npos &&
         kFormulaStart.find(text[first]) != std::string_view::npos;
}

std::string NeutraliseCsvText(std::string_view text) {
  return StartsFormula(text) ? "'" + std::string(text) : std::string(text);
}

std::string_view RestoreCsvText(std::string_view cell) {
  return cell.starts_with('\'') && StartsFormula(cell) ? cell.substr(1) : cell;
}

CsvCell CsvCell::Integer(int64_t value) { return CsvCell(Number{}, std::to_string(value)); }

CsvCell CsvCell::Hundredths(double value) {
  std::string text = fmt::format("{:.2f}", std::round(value * 100) / 100);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return CsvCell(Number{}, std::move(text));
}

void AppendCsvRecord(std::string& out, const std::vector<CsvCell>& fields) {
  for (size_t f = 0; f < fields.size(); ++f) {
    if (f > 0) out.push_back(',');
    const std::string& value = fields[f].value();
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
      out += value;
      continue;
    }
    out.push_back('"');
    for (const char c : value) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out.push_back('\n');
}

}  // namespace lapak
