#include "tests/sync/fake_ledger.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace lapak::testing {

namespace {

constexpr size_t kMaxRequestHeadBytes = 64 * 1024;

// A TCP socket bound to 127.0.0.1 on a free port; its port through `port`.
int BindLoopback(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

// The Content-Length that `head` states; 0 when none.
size_t ContentLength(std::string head) {
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const size_t at = head.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  return std::strtoull(head.c_str() + at + 17, nullptr, 10);
}

}  // namespace

std::optional<std::string> FakePeer::ReadRequest() {
  const auto read_more = [this] {
    char buffer[16 * 1024];
    for (;;) {
      const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      pending_.append(buffer, static_cast<size_t>(n));
      return true;
    }
  };
  size_t head_end = 0;
  while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (pending_.size() > kMaxRequestHeadBytes || !read_more()) return std::nullopt;
  }
  const size_t end = head_end + 4 + ContentLength(pending_.substr(0, head_end + 2));
  while (pending_.size() < end) {
    if (!read_more()) return std::nullopt;
  }
  std::string request = pending_.substr(0, end);
  pending_.erase(0, end);
  return request;
}

bool FakePeer::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent_ += n;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void FakePeer::Stream(std::string_view bytes, int64_t total) {
  for (int64_t left = total; left > 0;) {
    const std::string_view chunk =
        bytes.substr(0, static_cast<size_t>(std::min<int64_t>(left, bytes.size())));
    if (!Send(chunk)) return;
    left -= static_cast<int64_t>(chunk.size());
  }
}

void FakePeer::WaitForClose() {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n == 0 || (n < 0 && errno != EINTR)) return;
  }
}

std::string HttpAnswer(int status, std::string_view body) {
  return "HTTP/1.1 " + std::to_string(status) +
         " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + std::string(body);
}

FakeLedger::FakeLedger(Serve serve) : serve_(std::move(serve)) {
  listen_fd_ = BindLoopback(port_);
  if (::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("listen failed");
  }
  thread_ = std::thread([this] { Run(); });
}

FakeLedger::~FakeLedger() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (current_fd_ >= 0) ::shutdown(current_fd_, SHUT_RDWR);
  }
  ::shutdown(listen_fd_, SHUT_RDWR);  // wakes accept()
  thread_.join();
  ::close(listen_fd_);
}

int FakeLedger::accepted() const {
  std::lock_guard lock(mutex_);
  return accepted_;
}

int64_t FakeLedger::WaitServed(int count) {
  std::unique_lock lock(mutex_);
  served_changed_.wait(lock, [&] { return served_ >= count; });
  return last_sent_;
}

void FakeLedger::Run() {
  int number = 0;
  for (;;) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    {
      std::lock_guard lock(mutex_);
      if (fd < 0 && errno == EINTR && !stopping_) continue;
      if (fd < 0 || stopping_) {
        if (fd >= 0) ::close(fd);
        return;
      }
      current_fd_ = fd;
      number = ++accepted_;
    }
    FakePeer peer(fd);
    serve_(peer, number);
    {
      std::lock_guard lock(mutex_);
      ::close(fd);
      current_fd_ = -1;
      ++served_;
      last_sent_ = peer.sent();
    }
    served_changed_.notify_all();
  }
}

RefusingPort::RefusingPort() { fd_ = BindLoopback(port_); }

RefusingPort::~RefusingPort() { ::close(fd_); }

}  // namespace lapak::testing
