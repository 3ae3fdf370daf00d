#include "tests/support/chromium.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <vector>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include "tests/support/process.h"

extern char** environ;

namespace lapak::testing {

namespace {

struct Finished {
  int wait_status = 0;
  bool timed_out = false;
};

// Starts `argv` in a new process group with stdin /dev/null and stdout, stderr to files;
// waits for it at most kChromiumTimeout, then kills the group. Whatever of the group is still
// running when the leader has exited (chromium's helpers) is killed too.
Result<Finished> RunInGroup(std::vector<std::string> argv, const std::string& out_path,
                            const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  std::vector<char*> c_argv;
  for (std::string& arg : argv) c_argv.push_back(arg.data());
  c_argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, c_argv[0], &actions, &attributes, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) return Status::IoError("cannot start " + argv[0] + ": " + std::strerror(rc));

  Finished finished;
  const auto deadline = std::chrono::steady_clock::now() + kChromiumTimeout;
  for (;;) {
    const pid_t done = ::waitpid(pid, &finished.wait_status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      ::kill(-pid, SIGKILL);
      return Status::IoError(std::string("waitpid failed: ") + std::strerror(errno));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      finished.timed_out = true;
      ::kill(-pid, SIGKILL);
      while (::waitpid(pid, &finished.wait_status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(-pid, SIGKILL);  // helpers left behind; ESRCH when there are none
  return finished;
}

// The last lines of chromium's stderr, without its D-Bus complaints (there is no bus here).
std::string StderrTail(const std::string& stderr_text) {
  std::istringstream lines(stderr_text);
  std::string kept;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("dbus") == std::string::npos) kept += line + "\n";
  }
  constexpr size_t kTail = 2000;
  return kept.size() > kTail ? "…" + kept.substr(kept.size() - kTail) : kept;
}

// Runs chromium on `url` with the common flags and `extra` ones; its stdout when it exits 0.
Result<std::string> RunChromium(const std::vector<std::string>& extra, const std::string& url,
                                int width, int height) {
  TempDir dir;
  std::vector<std::string> argv = {
      kChromiumPath,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--hide-scrollbars",
      "--no-first-run",
      "--user-data-dir=" + dir.File("profile"),
      "--window-size=" + std::to_string(width) + "," + std::to_string(height)};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(url);
  Result<Finished> finished = RunInGroup(argv, dir.File("stdout"), dir.File("stderr"));
  if (!finished.ok()) return finished.status();
  const std::string err = StderrTail(ReadFile(dir.File("stderr")));
  if (finished->timed_out) {
    return Status::IoError("chromium did not finish within " +
                           std::to_string(kChromiumTimeout.count()) + " s on " + url + "\n" + err);
  }
  const int status = finished->wait_status;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status)
                                ? "exited with " + std::to_string(WEXITSTATUS(status))
                                : "was killed by signal " + std::to_string(WTERMSIG(status));
    return Status::IoError("chromium " + how + " on " + url + "\n" + err);
  }
  return ReadFile(dir.File("stdout"));
}

}  // namespace

bool ChromiumAvailable() { return ::access(kChromiumPath, X_OK) == 0; }

Result<std::string> ChromiumDumpDom(const std::string& url, int width, int height) {
  Result<std::string> dom = RunChromium({"--dump-dom"}, url, width, height);
  if (dom.ok() && dom->empty()) return Status::IoError("chromium dumped no DOM for " + url);
  return dom;
}

Status ChromiumScreenshot(const std::string& url, const std::string& png_path, int width,
                          int height) {
  std::error_code ignored;
  std::filesystem::remove(png_path, ignored);
  Result<std::string> run = RunChromium({"--screenshot=" + png_path}, url, width, height);
  if (!run.ok()) return run.status();
  if (!std::filesystem::exists(png_path)) {
    return Status::IoError("chromium exited 0 but wrote no screenshot to " + png_path);
  }
  return Status::Ok();
}

Status ChromiumPrintToPdf(const std::string& url, const std::string& pdf_path) {
  std::error_code ignored;
  std::filesystem::remove(pdf_path, ignored);
  Result<std::string> run =
      RunChromium({"--print-to-pdf=" + pdf_path, "--no-pdf-header-footer"}, url, 1366, 900);
  if (!run.ok()) return run.status();
  if (!std::filesystem::exists(pdf_path)) {
    return Status::IoError("chromium exited 0 but wrote no PDF to " + pdf_path);
  }
  return Status::Ok();
}

Result<PngStats> ReadPngStats(const std::string& path) {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 3);
  if (pixels == nullptr) {
    return Status::InvalidArgument("cannot read image " + path + ": " + stbi_failure_reason());
  }
  std::unordered_map<uint32_t, int64_t> counts;
  const int64_t total = int64_t{width} * height;
  for (int64_t i = 0; i < total; ++i) {
    const unsigned char* p = pixels + 3 * i;
    ++counts[uint32_t{p[0]} << 16 | uint32_t{p[1]} << 8 | p[2]];
  }
  stbi_image_free(pixels);
  int64_t background = 0;
  for (const auto& [colour, count] : counts) background = std::max(background, count);
  PngStats stats;
  stats.width = width;
  stats.height = height;
  stats.colours = static_cast<int>(std::min<size_t>(counts.size(), PngStats::kColourCap));
  stats.not_background =
      total == 0 ? 0.0 : 1.0 - static_cast<double>(background) / static_cast<double>(total);
  return stats;
}

}  // namespace lapak::testing
