// Debian's HAProxy on 127.0.0.1 in front of several `lapak-ledger serve`, for the tests and
// the load test of a ledger spread over servers on one PostgreSQL database.
//
// Every request is balanced on its own, round robin, even on a kept-alive connection (HAProxy
// balances each request unless told to prefer the last server), so a terminal's batches
// reach the servers in turn. A server is checked with GET /v1/health every 200 ms and taken
// out at its first failed check; a request that cannot connect to a server goes to another
// (retry-on conn-failure, redispatch). A request already sent is not retried: its terminal
// sends the batch again itself, which the sync contract makes harmless. At most
// `per_server_connections` connections to each server; requests beyond them queue in HAProxy.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace lapak::testing {

class Balancer {
 public:
  // Starts `haproxy` (found on $PATH or in /usr/sbin) with a configuration in `dir`,
  // listening on a free port, and waits until it accepts connections. Throws
  // std::runtime_error when it cannot be started.
  Balancer(const TempDir& dir, const std::vector<int>& server_ports, int per_server_connections = 200);
  ~Balancer();  // stops it
  Balancer(const Balancer&) = delete;
  Balancer& operator=(const Balancer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  std::unique_ptr<Child> child_;
  int port_ = 0;
};

}  // namespace lapak::testing
