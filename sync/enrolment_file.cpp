#include "sync/enrolment_file.h"

#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

#include "core/refusal.h"
#include "core/small_file.h"

namespace lapak::sync {

namespace {

namespace fs = std::filesystem;

constexpr int kLevelsBelowRoot = 2;

// The folders of `folder` (following links, as a mount may be one), at most kMaxFoldersPerLevel
// entries looked at; errors (a folder not readable, a stick pulled meanwhile) skip it.
std::vector<fs::path> FoldersIn(const fs::path& folder) {
  std::vector<fs::path> folders;
  std::error_code error;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (size_t looked = 0; !error && it != fs::directory_iterator() && looked < kMaxFoldersPerLevel;
       it.increment(error), ++looked) {
    std::error_code kind_error;
    if (it->is_directory(kind_error)) folders.push_back(it->path());
  }
  return folders;
}

struct Candidate {
  std::string path;
  fs::file_time_type modified;
};

void ConsiderFile(const fs::path& path, std::optional<Candidate>& newest) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return;
  const fs::file_time_type modified = fs::last_write_time(path, error);
  if (error) return;
  if (!newest || modified > newest->modified) newest = Candidate{path.string(), modified};
}

}  // namespace

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

std::vector<std::string> MediaRoots() {
  const char* configured = std::getenv("LAPAK_MEDIA_ROOTS");
  if (configured == nullptr || *configured == '\0') return {"/media", "/run/media", "/mnt"};
  std::vector<std::string> roots;
  std::string_view rest = configured;
  while (!rest.empty()) {
    const size_t colon = rest.find(':');
    const std::string_view root = rest.substr(0, colon);
    if (!root.empty()) roots.emplace_back(root);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return roots;
}

Result<std::string> FindEnrolmentFile(const std::vector<std::string>& roots, std::string_view stall_id,
                                      std::string_view terminal_id) {
  const std::string name = EnrolmentFileName(stall_id, terminal_id);
  std::optional<Candidate> newest;
  for (const std::string& root : roots) {
    std::vector<fs::path> level = {fs::path(root)};
    for (int depth = 0; depth <= kLevelsBelowRoot && !level.empty(); ++depth) {
      std::vector<fs::path> below;
      for (const fs::path& folder : level) {
        ConsiderFile(folder / name, newest);
        if (depth < kLevelsBelowRoot) {
          for (fs::path& child : FoldersIn(folder)) below.push_back(std::move(child));
        }
      }
      level = std::move(below);
    }
  }
  if (!newest) {
    std::string looked;
    for (const std::string& root : roots) looked += (looked.empty() ? "" : ", ") + root;
    return Refuse(Refusal::kNoEnrolmentFile, name, looked);
  }
  return newest->path;
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
