#include "sync/enrolment_file.h"

#include <fmt/core.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "core/refusal.h"
#include "core/removable_media.h"
#include "core/small_file.h"

namespace lapak::sync {

namespace fs = std::filesystem;

std::string EnrolmentFileName(std::string_view stall_id, std::string_view terminal_id) {
  return fmt::format("lapak-enrol-{}-{}.txt", stall_id, terminal_id);
}

Status CheckEnrolmentFolder(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return Refuse(Refusal::kEnrolmentOutNotAFolder, folder);
  return Status::Ok();
}

Result<std::string> WriteEnrolmentFile(const std::string& folder, std::string_view stall_id,
                                       const EnrolmentCode& code) {
  LAPAK_RETURN_IF_ERROR(CheckEnrolmentFolder(folder));
  const std::string path = (fs::path(folder) / EnrolmentFileName(stall_id, code.terminal_id)).string();
  const std::string text = fmt::format(
      "# Kode pendaftaran Lapak untuk terminal {0} lapak {1}, ledger {2}.\n"
      "# Di terminal: colokkan USB ini, Pengaturan > Daftar dari USB (atau: lapak enrol --usb).\n"
      "# Terminal menghapus berkas ini setelah dipakai. Rahasia: siapa pun yang memegangnya\n"
      "# dapat mengirim penjualan atas nama terminal ini.\n"
      "{3}\n",
      code.terminal_id, stall_id, code.ledger_url, FormatEnrolmentCode(code));
  LAPAK_RETURN_IF_ERROR(WriteFileAtomically(path, text, 0600));
  return path;
}

Result<std::string> FindEnrolmentFile(const std::vector<std::string>& roots, std::string_view stall_id,
                                      std::string_view terminal_id) {
  const std::string name = EnrolmentFileName(stall_id, terminal_id);
  std::optional<std::string> newest = FindNewestOnMedia(roots, {name});
  if (!newest) return Refuse(Refusal::kNoEnrolmentFile, name, ListRoots(roots));
  return *newest;
}

Result<std::string> ReadEnrolmentFile(const std::string& path) {
  Result<std::string> text = ReadSmallFile(path, kMaxEnrolmentFileBytes);
  if (!text.ok()) return text.status();
  std::vector<std::string_view> codes;
  std::string_view rest = *text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // a BOM, from an editor on another system
  while (!rest.empty()) {
    const size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    codes.push_back(line);
  }
  if (codes.size() != 1) {
    return RefuseAt(Refusal::kAtEnrolmentFile, path)(Refuse(Refusal::kEnrolmentFileNotOneCode, codes.size()));
  }
  return std::string(codes.front());
}

}  // namespace lapak::sync
