#include "tests/support/balancer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include <fmt/core.h>

namespace lapak::testing {

namespace {

// HAProxy answers this path itself (monitor-uri), so the test knows it reaches its own HAProxy.
constexpr char kMonitorUri[] = "/lapak-balancer-alive";

// A port free on 127.0.0.1 now (the kernel's pick for port 0). HAProxy binds it a moment
// later; another program may take it meanwhile: then HAProxy exits, or a probe finds the
// other program, and the start is tried again on another port.
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

// Whether the program on 127.0.0.1:`port` is this test's HAProxy: it answers its monitor URI
// with 200 (a ledger would answer 404, nothing at all: no answer).
bool AnswersAsBalancer(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const timeval timeout{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = std::string("GET ") + kMonitorUri + " HTTP/1.0\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      char buffer[64];
      const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
      if (got > 0) answer.assign(buffer, static_cast<size_t>(got));
    }
  }
  ::close(fd);
  return answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200");
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
      "  monitor-uri {}\n"
      "  default_backend servers\n"
      "backend servers\n"
      "  balance roundrobin\n"
      "  option httpchk GET /v1/health\n",
      port, kMonitorUri);
  for (size_t i = 0; i < server_ports.size(); ++i) {
    config += fmt::format("  server ledger{} 127.0.0.1:{} check inter 200ms fall 1 rise 1 maxconn {}\n",
                          i + 1, server_ports[i], per_server_connections);
  }
  return config;
}

}  // namespace

Balancer::Balancer(const TempDir& dir, const std::vector<int>& server_ports, int per_server_connections) {
  const std::string haproxy = HaproxyPath();
  const std::string config_path = dir.File("haproxy.cfg");
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = FreePort();
    WriteFile(config_path, Configuration(port_, server_ports, per_server_connections));
    // -db: stay in the foreground, logs on stderr; -W: master-worker, so SIGTERM stops it whole.
    child_ = std::make_unique<Child>(std::vector<std::string>{haproxy, "-db", "-W", "-f", config_path});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!child_->Exited() && std::chrono::steady_clock::now() < deadline) {
      if (AnswersAsBalancer(port_)) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // HAProxy has no "ready" line
    }
    // Exited (its port taken?) or never answered: stop it (SIGTERM: the master stops its
    // worker too) and try another port.
    if (!child_->Exited()) {
      child_->Kill(SIGTERM);
      child_->Wait();
    }
    child_.reset();
  }
  throw std::runtime_error(fmt::format("haproxy did not start with {} (see its messages above)", config_path));
}

Balancer::~Balancer() {
  if (child_) {
    child_->Kill(SIGTERM);
    child_->Wait();
  }
}

}  // namespace lapak::testing
