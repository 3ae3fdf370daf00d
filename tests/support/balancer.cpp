#include "tests/support/balancer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include <fmt/core.h>

namespace lapak::testing {

namespace {

// A port free on 127.0.0.1 now (the kernel's pick for port 0). HAProxy binds it a moment
// later; another program taking it meanwhile makes the start fail, not pass.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

bool Accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  const bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  if (fd >= 0) ::close(fd);
  return connected;
}

std::string HaproxyPath() {
  for (const char* candidate : {"/usr/sbin/haproxy", "/usr/bin/haproxy"}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  throw std::runtime_error("haproxy is not installed (scripts/install-deps installs it)");
}

std::string Configuration(int port, const std::vector<int>& server_ports, int per_server_connections) {
  std::string config = fmt::format(
      "global\n"
      "  maxconn 8192\n"
      "defaults\n"
      "  mode http\n"
      "  timeout connect 2s\n"
      "  timeout client 60s\n"
      "  timeout server 60s\n"
      "  timeout queue 60s\n"
      "  retries 3\n"
      "  retry-on conn-failure\n"
      "  option redispatch\n"
      "frontend ledger\n"
      "  bind 127.0.0.1:{}\n"
      "  default_backend servers\n"
      "backend servers\n"
      "  balance roundrobin\n"
      "  option httpchk GET /v1/health\n",
      port);
  for (size_t i = 0; i < server_ports.size(); ++i) {
    config += fmt::format("  server ledger{} 127.0.0.1:{} check inter 200ms fall 1 rise 1 maxconn {}\n",
                          i + 1, server_ports[i], per_server_connections);
  }
  return config;
}

}  // namespace

Balancer::Balancer(const TempDir& dir, const std::vector<int>& server_ports, int per_server_connections) {
  const std::string haproxy = HaproxyPath();
  port_ = FreePort();
  const std::string config_path = dir.File("haproxy.cfg");
  WriteFile(config_path, Configuration(port_, server_ports, per_server_connections));
  // -db: stay in the foreground, logs on stderr; -W: master-worker, so SIGTERM stops it whole.
  child_ = std::make_unique<Child>(std::vector<std::string>{haproxy, "-db", "-W", "-f", config_path});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!Accepts(port_)) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error(fmt::format("haproxy did not listen on 127.0.0.1:{} ({})", port_, config_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Balancer::~Balancer() {
  if (child_) {
    child_->Kill(SIGTERM);
    child_->Wait();
  }
}

}  // namespace lapak::testing
