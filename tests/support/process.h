// Running real binaries from tests: spawn, read their output, wait or kill.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace lapak::testing {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` to completion with `env` added to the environment; stdin is /dev/null.
RunResult Run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
// The same with `input` on its stdin, then the end of it.
RunResult RunWithInput(const std::vector<std::string>& argv, const std::string& input,
                       const std::vector<std::string>& env = {});

// A child whose stdout is a pipe the test reads line by line.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  // With `env` added to the environment and a pipe to its stdin, which the test writes with
  // WriteStdin and ends with CloseStdin (or the destructor does).
  Child(const std::vector<std::string>& argv, const std::vector<std::string>& env, bool pipe_stdin);
  ~Child();  // kills and reaps the child if still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The next line of stdout without its '\n'; false at end of output.
  bool ReadLine(std::string& line);
  void WriteStdin(const std::string& bytes);
  void CloseStdin();
  void Kill(int signal);
  // Waits for the child; its raw wait status.
  int Wait();
  // Whether the child has ended (it is reaped then; Wait() must not follow).
  bool Exited();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stdin_fd_ = -1;
  std::string buffer_;
};

// A fresh folder under the test temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace lapak::testing
