#include "tests/support/xlsx_cells.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/process.h"

namespace lapak::testing {

nlohmann::json ReadXlsx(const std::string& bytes) {
  std::string path = (std::filesystem::temp_directory_path() / "lapak-test-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) {
    ADD_FAILURE() << "cannot make a temporary file";
    return nlohmann::json::object();
  }
  close(fd);
  std::ofstream(path, std::ios::binary) << bytes;
  RunResult read;
  try {
    read = Run({"/usr/bin/python3", LAPAK_XLSX_CELLS, path});
  } catch (...) {
    std::filesystem::remove(path);
    throw;
  }
  std::filesystem::remove(path);
  if (read.exit_code != 0) {
    ADD_FAILURE() << "xlsx_cells.py: " << read.err;
    return nlohmann::json::object();
  }
  return nlohmann::json::parse(read.out);
}

const nlohmann::json& XlsxSheet(const nlohmann::json& workbook, const std::string& name) {
  static const nlohmann::json kNone;
  if (workbook.contains("sheets")) {
    for (const nlohmann::json& sheet : workbook["sheets"]) {
      if (sheet["name"] == name) return sheet;
    }
  }
  ADD_FAILURE() << "no sheet '" << name << "' in " << workbook.dump();
  return kNone;
}

std::vector<std::string> XlsxSheetNames(const nlohmann::json& workbook) {
  std::vector<std::string> names;
  for (const nlohmann::json& sheet : workbook.value("sheets", nlohmann::json::array())) {
    names.push_back(sheet["name"]);
  }
  return names;
}

nlohmann::json XlsxCell(const nlohmann::json& sheet, const std::string& key, const std::string& heading) {
  if (!sheet.is_object() || sheet["rows"].empty()) return nullptr;
  const nlohmann::json& header = sheet["rows"][0];
  size_t column = 0;
  while (column < header.size() && header[column] != nlohmann::json{{"text", heading}}) ++column;
  if (column == header.size()) {
    ADD_FAILURE() << "no heading '" << heading << "' in " << header.dump();
    return nullptr;
  }
  for (const nlohmann::json& row : sheet["rows"]) {
    if (!row.empty() && row[0] == nlohmann::json{{"text", key}}) {
      return column < row.size() ? row[column] : nlohmann::json(nullptr);
    }
  }
  return nullptr;
}

}  // namespace lapak::testing
