#include "tests/sync/ledger_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "tests/sync/ledger_target.h"

namespace lapak::testing {

namespace {

// `lapak-ledger` on `database`, followed by `args`.
std::vector<std::string> LedgerArgv(const ledger::sql::Location& database,
                                    const std::vector<std::string>& args) {
  std::vector<std::string> argv{LAPAK_LEDGER_PATH};
  for (std::string& option : LedgerDbArgs(database)) argv.push_back(std::move(option));
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// The children of this process that run the program at `path` (from /proc: Child keeps its
// pid to itself).
std::set<pid_t> ChildrenRunning(const std::string& path) {
  std::set<pid_t> children;
  std::error_code error;
  const std::filesystem::path program = std::filesystem::canonical(path, error);
  if (error) return children;
  for (std::filesystem::directory_iterator entry("/proc", error), end; !error && entry != end;
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const std::string stat = ReadFile(entry->path().string() + "/stat");
    const size_t comm_end = stat.rfind(')');
    if (comm_end == std::string::npos || comm_end + 4 >= stat.size()) continue;
    if (std::strtol(stat.c_str() + comm_end + 4, nullptr, 10) != ::getpid()) continue;
    std::error_code unreadable;
    if (std::filesystem::read_symlink(entry->path() / "exe", unreadable) == program) {
      children.insert(static_cast<pid_t>(std::stol(name)));
    }
  }
  return children;
}

}  // namespace

LedgerProcess::LedgerProcess(ledger::sql::Location database, std::vector<std::string> serve_args)
    : database_(std::move(database)), serve_args_(std::move(serve_args)) {
  Start();
}

LedgerProcess::~LedgerProcess() {
  if (child_) Kill(SIGTERM);
}

void LedgerProcess::Start() {
  std::vector<std::string> args{"serve", "--port", "0"};
  args.insert(args.end(), serve_args_.begin(), serve_args_.end());
  const std::set<pid_t> before = ChildrenRunning(LAPAK_LEDGER_PATH);
  child_ = std::make_unique<Child>(LedgerArgv(database_, args));
  std::string line;
  if (!child_->ReadLine(line)) throw std::runtime_error("lapak-ledger did not start");
  // It has printed a line: it runs the ledger's program by now.
  pid_ = -1;
  for (const pid_t child : ChildrenRunning(LAPAK_LEDGER_PATH)) {
    if (before.count(child) == 0) pid_ = pid_ == -1 ? child : -1;  // two new ones: cannot tell
  }
  const size_t colon = line.rfind(':');
  const bool https = line.find("listening on https://127.0.0.1:") != std::string::npos;
  if ((!https && line.find("listening on http://127.0.0.1:") == std::string::npos) ||
      colon == std::string::npos) {
    throw std::runtime_error("unexpected first line from lapak-ledger: " + line);
  }
  scheme_ = https ? "https" : "http";
  port_ = std::stoi(line.substr(colon + 1));
}

void LedgerProcess::Kill(int signal) {
  child_->Kill(signal);
  child_->Wait();
  child_.reset();
  pid_ = -1;
}

RunResult RunLedger(const ledger::sql::Location& database, const std::vector<std::string>& args,
                    const std::vector<std::string>& env) {
  return Run(LedgerArgv(database, args), env);
}

std::string LedgerAdmin(const ledger::sql::Location& database,
                        const std::vector<std::string>& args) {
  RunResult result = RunLedger(database, args, {"LAPAK_LANG=en"});
  if (result.exit_code != 0) {
    throw std::runtime_error("lapak-ledger " + args.front() + " failed: " + result.err);
  }
  return result.out;
}

std::string EnrolTerminal(const ledger::sql::Location& database, const std::string& event_id,
                          const std::string& stall_id, const std::string& terminal_id,
                          const std::string& ledger_url) {
  RunResult event =
      RunLedger(database, {"--json", "event", "add", event_id, "--name", "Bazar UMKM " + event_id,
                           "--province", "Jawa Tengah", "--regency", "Kota Semarang", "--from",
                           "2026-11-20", "--to", "2026-11-22"});
  if (event.exit_code != 0 && event.err.find(R"("refusal":"EventExists")") == std::string::npos) {
    throw std::runtime_error("event add failed: " + event.err);
  }
  RunResult stall = RunLedger(database, {"--json", "stall", "add", event_id, stall_id, "--name",
                                         "Stall " + stall_id, "--category", "makanan"});
  if (stall.exit_code != 0 && stall.err.find(R"("refusal":"StallAlreadyInEvent")") == std::string::npos) {
    throw std::runtime_error("stall add failed: " + stall.err);
  }
  std::string code = LedgerAdmin(
      database, {"terminal", "enrol", stall_id, terminal_id, "--url", ledger_url, "--no-qr"});
  while (!code.empty() && (code.back() == '\n' || code.back() == ' ')) code.pop_back();
  return code;
}

}  // namespace lapak::testing
