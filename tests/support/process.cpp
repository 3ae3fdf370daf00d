#include "tests/support/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace lapak::testing {

namespace {

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// `stdin_fd` -1: /dev/null.
pid_t Spawn(std::vector<std::string> argv, std::vector<std::string> env, int stdin_fd, int stdout_fd,
            int stderr_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_fd < 0) {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  } else {
    posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  // `env` first: getenv() answers with the first match, so the test's values win.
  for (char** e = environ; *e != nullptr; ++e) env.push_back(*e);
  std::vector<char*> c_argv = CStrings(argv);
  std::vector<char*> c_env = CStrings(env);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  return status;
}

// `input_fd` -1: /dev/null.
RunResult RunFrom(const std::vector<std::string>& argv, const std::vector<std::string>& env, int input_fd) {
  TempDir capture;
  const int out_fd = ::open(capture.File("out").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const int err_fd = ::open(capture.File("err").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const pid_t pid = Spawn(argv, env, input_fd, out_fd, err_fd);
  ::close(out_fd);
  ::close(err_fd);
  const int status = WaitFor(pid);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(capture.File("out"));
  result.err = ReadFile(capture.File("err"));
  return result;
}

}  // namespace

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path);
}

RunResult Run(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  return RunFrom(argv, env, -1);
}

RunResult RunWithInput(const std::vector<std::string>& argv, const std::string& input,
                       const std::vector<std::string>& env) {
  TempDir dir;
  WriteFile(dir.File("in"), input);
  const int in_fd = ::open(dir.File("in").c_str(), O_RDONLY | O_CLOEXEC);
  if (in_fd < 0) throw std::runtime_error("cannot open " + dir.File("in"));
  RunResult result = RunFrom(argv, env, in_fd);
  ::close(in_fd);
  return result;
}

Child::Child(const std::vector<std::string>& argv) : Child(argv, {}, false) {}

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& env, bool pipe_stdin) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  int in[2] = {-1, -1};
  if (pipe_stdin && ::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = Spawn(argv, env, in[0], out[1], 2);
  ::close(out[1]);
  stdout_fd_ = out[0];
  if (pipe_stdin) ::close(in[0]);
  stdin_fd_ = in[1];
}

Child::~Child() {
  CloseStdin();
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    WaitFor(pid_);
  }
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
}

void Child::WriteStdin(const std::string& bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(stdin_fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("cannot write to the child's stdin");
    written += static_cast<size_t>(n);
  }
}

void Child::CloseStdin() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  stdin_fd_ = -1;
}

bool Child::ReadLine(std::string& line) {
  for (;;) {
    const size_t newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return true;
    }
    char chunk[4096];
    const ssize_t n = ::read(stdout_fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

void Child::Kill(int signal) { ::kill(pid_, signal); }

bool Child::Exited() {
  if (pid_ <= 0) return true;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
  pid_ = -1;
  return true;
}

int Child::Wait() {
  const int status = WaitFor(pid_);
  pid_ = -1;
  return status;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "lapak-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace lapak::testing
