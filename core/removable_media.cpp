#include "core/removable_media.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace lapak {

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

std::optional<std::string> FindNewestOnMedia(const std::vector<std::string>& roots,
                                             const std::vector<std::string>& names) {
  std::optional<Candidate> newest;
  for (const std::string& root : roots) {
    std::vector<fs::path> level = {fs::path(root)};
    for (int depth = 0; depth <= kLevelsBelowRoot && !level.empty(); ++depth) {
      std::vector<fs::path> below;
      for (const fs::path& folder : level) {
        for (const std::string& name : names) ConsiderFile(folder / name, newest);
        if (depth < kLevelsBelowRoot) {
          for (fs::path& child : FoldersIn(folder)) below.push_back(std::move(child));
        }
      }
      level = std::move(below);
    }
  }
  if (!newest) return std::nullopt;
  return newest->path;
}

std::string ListRoots(const std::vector<std::string>& roots) {
  std::string listed;
  for (const std::string& root : roots) listed += (listed.empty() ? "" : ", ") + root;
  return listed;
}

}  // namespace lapak
