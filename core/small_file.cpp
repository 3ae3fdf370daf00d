#include "core/small_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/refusal.h"

namespace lapak {

namespace {

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Refuse(Refusal::kCannotReadFile, path);
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) return Refuse(Refusal::kFileTooLarge, path, max_bytes);
  }
  if (in.bad()) return Refuse(Refusal::kCannotReadFile, path);
  return text;
}

Status WriteFileAtomically(const std::string& path, const std::string& contents, unsigned mode) {
  const std::string temporary = path + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return Refuse(Refusal::kCannotWriteFile, temporary, std::strerror(errno));
  size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  const bool synced = written == contents.size() && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!synced || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(synced ? errno : saved_errno);
    ::unlink(temporary.c_str());
    return Refuse(Refusal::kCannotWriteFile, path, reason);
  }
  // The rename itself is durable only once the directory is on disk.
  const int directory = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory < 0) return Refuse(Refusal::kCannotWriteFile, path, std::strerror(errno));
  const bool directory_synced = ::fsync(directory) == 0 || errno == EINVAL;  // some filesystems refuse it
  const int directory_errno = errno;
  ::close(directory);
  if (!directory_synced) return Refuse(Refusal::kCannotWriteFile, path, std::strerror(directory_errno));
  return Status::Ok();
}

}  // namespace lapak
