// A real `lapak-ledger` on 127.0.0.1 for integration tests, and its admin commands, on the
// ledger database at a sql::Location: a SQLite file (--db) or a PostgreSQL database
// (--postgres), see tests/sync/ledger_target.h.
//
// The binary's path comes from LAPAK_LEDGER_PATH (a compile definition). The server is
// started with --port 0 and its port read from its first line of output, so tests run in
// parallel without fixed ports.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "sync/ledger/store/sql.h"
#include "tests/support/process.h"

namespace lapak::testing {

class LedgerProcess {
 public:
  // Starts `lapak-ledger --db <path> | --postgres <uri> serve --port 0 <serve_args…>` and
  // waits for it to listen (e.g. {"--tls-cert", C, "--tls-key", K} for HTTPS).
  explicit LedgerProcess(ledger::sql::Location database, std::vector<std::string> serve_args = {});
  ~LedgerProcess();  // SIGTERM, then waits
  LedgerProcess(const LedgerProcess&) = delete;
  LedgerProcess& operator=(const LedgerProcess&) = delete;

  int port() const { return port_; }
  // The server's process id (for /proc/<pid>/status); -1 when it could not be told from this
  // process's children.
  pid_t pid() const { return pid_; }
  // "http://127.0.0.1:PORT", or https:// when serving TLS.
  std::string url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_); }
  // Sends `signal` and reaps the process; a later Start() serves the same database again.
  void Kill(int signal);
  void Start();

 private:
  ledger::sql::Location database_;
  std::vector<std::string> serve_args_;
  std::unique_ptr<Child> child_;
  std::string scheme_ = "http";
  int port_ = 0;
  pid_t pid_ = -1;
};

// Runs `lapak-ledger --db <path> | --postgres <uri> <args…>` with `env` added to its
// environment; without LAPAK_LANG=en in it, errors are said in Bahasa Indonesia.
RunResult RunLedger(const ledger::sql::Location& database, const std::vector<std::string>& args,
                    const std::vector<std::string>& env = {});

// RunLedger with LAPAK_LANG=en; throws with its stderr unless it exits 0.
std::string LedgerAdmin(const ledger::sql::Location& database,
                        const std::vector<std::string>& args);

// Adds event `event_id` (WIB, 2026-11-20..22) unless it exists, stall `stall_id` to it unless
// it takes part already, and enrols `terminal_id` of that stall; returns the enrolment code
// naming `ledger_url`.
std::string EnrolTerminal(const ledger::sql::Location& database, const std::string& event_id,
                          const std::string& stall_id, const std::string& terminal_id,
                          const std::string& ledger_url);

}  // namespace lapak::testing
