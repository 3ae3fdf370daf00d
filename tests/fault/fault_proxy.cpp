#include "tests/fault/fault_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace lapak::testing {
namespace {

constexpr size_t kMaxMessage = size_t{8} << 20;
constexpr size_t kHistorySize = 64;
constexpr std::array kAllFaults = {Fault::kNone,     Fault::kDelay,           Fault::kDrop,
                                   Fault::kTruncate, Fault::kCorrupt,         Fault::kDuplicate,
                                   Fault::kReplay,   Fault::kCloseAfterAnswer};

// An HTTP message as read from a socket: bytes[0, body_offset) is the start line, the headers
// and the blank line; the rest is the body.
struct Message {
  std::string bytes;
  size_t body_offset = 0;
};

// What Draw chose for one request.
struct Plan {
  Fault fault = Fault::kNone;
  std::chrono::milliseconds delay{0};  // kDelay
  size_t truncate_at = 0;              // kTruncate: how many bytes are forwarded
  size_t flip_at = 0;                  // kCorrupt: index of the flipped byte in the request
  unsigned char flip_mask = 0;         // kCorrupt: the flipped bit; 0 when there is no body
  std::optional<std::string> replay;   // kReplay: the earlier request, if there was one
};

class UniqueFd {
 public:
  UniqueFd() = default;
  ~UniqueFd() {
    if (fd_ >= 0) close(fd_);
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  void reset(int fd) { fd_ = fd; }
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

[[noreturn]] void ThrowErrno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

sockaddr_in Loopback(uint16_t port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

bool ConnectLoopback(int fd, uint16_t port) {
  const sockaddr_in addr = Loopback(port);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0) return true;
  if (errno != EINTR) return false;
  // An interrupted connect goes on in the background: wait for it and read its result.
  pollfd writable{fd, POLLOUT, 0};
  while (poll(&writable, 1, -1) < 0) {
    if (errno != EINTR) return false;
  }
  int error = 0;
  socklen_t size = sizeof error;
  return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
}

ssize_t RecvSome(int fd, char* data, size_t size) {
  for (;;) {
    const ssize_t n = recv(fd, data, size, 0);
    if (n >= 0 || errno != EINTR) return n;
  }
}

[[nodiscard]] bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool IEquals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view HeaderName(std::string_view line) { return line.substr(0, line.find(':')); }

// The Content-Length of `head` (start line and header lines, no trailing blank line):
// 0 without one, nullopt when its value is not a plain decimal number.
std::optional<size_t> ContentLength(std::string_view head) {
  size_t length = 0;
  for (size_t end = head.find("\r\n"); end != std::string_view::npos;) {
    const size_t start = end + 2;
    end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, end - start);
    if (!IEquals(HeaderName(line), "Content-Length")) continue;
    std::string_view value = line.substr(line.find(':') + 1);
    value.remove_prefix(std::min(value.find_first_not_of(" \t"), value.size()));
    value = value.substr(0, value.find_last_not_of(" \t") + 1);
    const auto [last, error] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (error != std::errc() || last != value.data() + value.size()) return std::nullopt;
  }
  return length;
}

// Reads one message: up to and including "\r\n\r\n", then Content-Length body bytes. Bytes
// after the message are discarded. nullopt on EOF, error, a bad Content-Length or > 8 MiB.
std::optional<Message> ReadMessage(int fd) {
  Message message;
  std::array<char, 16384> chunk;
  size_t head_end = std::string::npos;
  while (head_end == std::string::npos) {
    if (message.bytes.size() > kMaxMessage) return std::nullopt;
    const size_t searched = message.bytes.size() < 3 ? 0 : message.bytes.size() - 3;
    const ssize_t n = RecvSome(fd, chunk.data(), chunk.size());
    if (n <= 0) return std::nullopt;
    message.bytes.append(chunk.data(), static_cast<size_t>(n));
    head_end = message.bytes.find("\r\n\r\n", searched);
  }
  const std::optional<size_t> length =
      ContentLength(std::string_view(message.bytes).substr(0, head_end));
  message.body_offset = head_end + 4;
  if (!length || message.body_offset > kMaxMessage || *length > kMaxMessage - message.body_offset) {
    return std::nullopt;
  }
  const size_t total = message.body_offset + *length;
  size_t have = std::min(message.bytes.size(), total);
  message.bytes.resize(total);
  while (have < total) {
    const ssize_t n = RecvSome(fd, message.bytes.data() + have, total - have);
    if (n <= 0) return std::nullopt;
    have += static_cast<size_t>(n);
  }
  return message;
}

// `answer` with its Connection headers replaced by "Connection: close".
std::string WithConnectionClose(const Message& answer) {
  // Every line of the head, the start line included, ends in "\r\n".
  const std::string_view head = std::string_view(answer.bytes).substr(0, answer.body_offset - 2);
  std::string out;
  for (size_t start = 0; start < head.size();) {
    const size_t end = head.find("\r\n", start) + 2;
    const std::string_view line = head.substr(start, end - start);
    start = end;
    if (!IEquals(HeaderName(line), "Connection")) out += line;
  }
  out += "Connection: close\r\n\r\n";
  out.append(answer.bytes, answer.body_offset);
  return out;
}

}  // namespace

std::string_view FaultName(Fault fault) {
  switch (fault) {
    case Fault::kNone:
      return "none";
    case Fault::kDelay:
      return "delay";
    case Fault::kDrop:
      return "drop";
    case Fault::kTruncate:
      return "truncate";
    case Fault::kCorrupt:
      return "corrupt";
    case Fault::kDuplicate:
      return "duplicate";
    case Fault::kReplay:
      return "replay";
    case Fault::kCloseAfterAnswer:
      return "close-after-answer";
  }
  return "unknown";
}

// Threads: the acceptor owns workers_; each worker serves one connection. Everything else is
// guarded by mu_. Shutdown: stopping_ is set under mu_, every registered socket is shut down
// (which wakes a blocked recv or send), the wake pipe ends the acceptor's poll.
class FaultProxy::Impl {
 public:
  explicit Impl(FaultProxyOptions options);
  ~Impl();

  uint16_t port() const { return port_; }
  std::map<Fault, int64_t> Counts() const;
  int64_t requests() const;

 private:
  // A connected socket the destructor can shut down. It stays in open_fds_ while open and is
  // closed under mu_, so its number is never reused while registered. Invalid (closed at once)
  // when given fd < 0 or when the proxy is stopping.
  class Socket {
   public:
    Socket(Impl& impl, int fd);
    ~Socket();
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    explicit operator bool() const { return fd_ >= 0; }
    int fd() const { return fd_; }

   private:
    Impl& impl_;
    int fd_;
  };

  void AcceptLoop();
  void JoinFinishedWorkers();
  void Serve(int client_fd);
  void Handle(int client_fd);
  Plan Draw(const Message& request);
  bool SleepUnlessStopping(std::chrono::milliseconds delay);
  Socket ConnectUpstream();
  std::optional<Message> Exchange(std::string_view request);

  FaultProxyOptions options_;
  UniqueFd listener_;
  UniqueFd wake_read_;
  UniqueFd wake_write_;
  uint16_t port_ = 0;
  std::thread acceptor_;
  std::list<std::thread> workers_;  // the acceptor's; the destructor's once acceptor_ is joined

  mutable std::mutex mu_;
  std::condition_variable stopped_;
  bool stopping_ = false;
  std::set<int> open_fds_;
  std::vector<std::thread::id> finished_;  // workers that are returning
  std::mt19937_64 rng_;
  std::map<Fault, int64_t> counts_;
  std::deque<std::string> history_;  // the last kHistorySize requests read, oldest first
};

FaultProxy::Impl::Socket::Socket(Impl& impl, int fd) : impl_(impl), fd_(fd) {
  if (fd_ < 0) return;
  std::lock_guard lock(impl_.mu_);
  if (impl_.stopping_) {
    close(fd_);
    fd_ = -1;
  } else {
    impl_.open_fds_.insert(fd_);
  }
}

FaultProxy::Impl::Socket::~Socket() {
  if (fd_ < 0) return;
  std::lock_guard lock(impl_.mu_);
  impl_.open_fds_.erase(fd_);
  close(fd_);
}

FaultProxy::Impl::Impl(FaultProxyOptions options) : options_(options), rng_(options.seed) {
  options_.fault_rate = std::clamp(options_.fault_rate, 0.0, 1.0);
  options_.max_delay = std::max(options_.max_delay, std::chrono::milliseconds(1));
  for (Fault fault : kAllFaults) counts_[fault] = 0;

  listener_.reset(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (listener_.get() < 0) ThrowErrno("FaultProxy socket");
  const int one = 1;
  if (setsockopt(listener_.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) {
    ThrowErrno("FaultProxy SO_REUSEADDR");
  }
  sockaddr_in addr = Loopback(0);
  socklen_t size = sizeof addr;
  if (bind(listener_.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listener_.get(), SOMAXCONN) != 0 ||
      getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
    ThrowErrno("FaultProxy listen on 127.0.0.1");
  }
  port_ = ntohs(addr.sin_port);
  std::array<int, 2> pipe_fds{};
  if (pipe2(pipe_fds.data(), O_CLOEXEC) != 0) ThrowErrno("FaultProxy pipe");
  wake_read_.reset(pipe_fds[0]);
  wake_write_.reset(pipe_fds[1]);
  acceptor_ = std::thread(&Impl::AcceptLoop, this);
}

FaultProxy::Impl::~Impl() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    for (int fd : open_fds_) shutdown(fd, SHUT_RDWR);
  }
  stopped_.notify_all();
  const char byte = 0;
  while (write(wake_write_.get(), &byte, 1) < 0 && errno == EINTR) {
  }
  acceptor_.join();
  for (std::thread& worker : workers_) worker.join();
}

std::map<Fault, int64_t> FaultProxy::Impl::Counts() const {
  std::lock_guard lock(mu_);
  return counts_;
}

int64_t FaultProxy::Impl::requests() const {
  std::lock_guard lock(mu_);
  int64_t total = 0;
  for (const auto& [fault, count] : counts_) total += count;
  return total;
}

void FaultProxy::Impl::AcceptLoop() {
  std::array<pollfd, 2> fds = {{{listener_.get(), POLLIN, 0}, {wake_read_.get(), POLLIN, 0}}};
  for (;;) {
    JoinFinishedWorkers();
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    const int fd = accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) workers_.emplace_back(&Impl::Serve, this, fd);
  }
}

void FaultProxy::Impl::JoinFinishedWorkers() {
  std::vector<std::thread::id> finished;
  {
    std::lock_guard lock(mu_);
    finished.swap(finished_);
  }
  for (std::thread::id id : finished) {
    const auto worker = std::find_if(workers_.begin(), workers_.end(),
                                     [id](const std::thread& t) { return t.get_id() == id; });
    worker->join();
    workers_.erase(worker);
  }
}

void FaultProxy::Impl::Serve(int client_fd) {
  {
    const Socket client(*this, client_fd);
    if (client) Handle(client.fd());
  }
  std::lock_guard lock(mu_);
  finished_.push_back(std::this_thread::get_id());
}

void FaultProxy::Impl::Handle(int client_fd) {
  const std::optional<Message> request = ReadMessage(client_fd);
  if (!request) return;
  const Plan plan = Draw(*request);
  const std::string_view bytes = request->bytes;
  std::optional<Message> answer;
  switch (plan.fault) {
    case Fault::kNone:
      answer = Exchange(bytes);
      break;
    case Fault::kDelay:
      if (SleepUnlessStopping(plan.delay)) answer = Exchange(bytes);
      break;
    case Fault::kDrop:
      break;
    case Fault::kTruncate:
      if (const Socket upstream = ConnectUpstream()) {
        static_cast<void>(SendAll(upstream.fd(), bytes.substr(0, plan.truncate_at)));
      }
      break;
    case Fault::kCorrupt:
      if (plan.flip_mask != 0) {
        std::string corrupt = request->bytes;
        corrupt[plan.flip_at] = static_cast<char>(corrupt[plan.flip_at] ^ plan.flip_mask);
        answer = Exchange(corrupt);
      }
      break;
    case Fault::kDuplicate:
      static_cast<void>(Exchange(bytes));
      answer = Exchange(bytes);
      break;
    case Fault::kReplay:
      if (plan.replay) static_cast<void>(Exchange(*plan.replay));
      answer = Exchange(bytes);
      break;
    case Fault::kCloseAfterAnswer:
      static_cast<void>(Exchange(bytes));
      break;
  }
  // A client that went away needs nothing more.
  if (answer) static_cast<void>(SendAll(client_fd, WithConnectionClose(*answer)));
}

Plan FaultProxy::Impl::Draw(const Message& request) {
  std::lock_guard lock(mu_);
  const auto between = [this](auto low, decltype(low) high) {
    return std::uniform_int_distribution<decltype(low)>(low, high)(rng_);
  };
  Plan plan;
  if (std::bernoulli_distribution(options_.fault_rate)(rng_)) {
    plan.fault = kAllFaults[between(size_t{1}, kAllFaults.size() - 1)];
  }
  switch (plan.fault) {
    case Fault::kDelay:
      plan.delay = std::chrono::milliseconds(
          between(std::chrono::milliseconds::rep{1}, options_.max_delay.count()));
      break;
    case Fault::kTruncate:  // a message is at least "\r\n\r\n"
      plan.truncate_at = between(size_t{1}, request.bytes.size() - 1);
      break;
    case Fault::kCorrupt:
      if (request.body_offset < request.bytes.size()) {
        plan.flip_at = between(request.body_offset, request.bytes.size() - 1);
        plan.flip_mask = static_cast<unsigned char>(1u << between(0u, 7u));
      }
      break;
    case Fault::kReplay:
      if (!history_.empty()) plan.replay = history_[between(size_t{0}, history_.size() - 1)];
      break;
    default:
      break;
  }
  ++counts_[plan.fault];
  history_.push_back(request.bytes);
  if (history_.size() > kHistorySize) history_.pop_front();
  return plan;
}

bool FaultProxy::Impl::SleepUnlessStopping(std::chrono::milliseconds delay) {
  std::unique_lock lock(mu_);
  return !stopped_.wait_for(lock, delay, [this] { return stopping_; });
}

FaultProxy::Impl::Socket FaultProxy::Impl::ConnectUpstream() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0 && !ConnectLoopback(fd, options_.upstream_port)) {
    close(fd);
    fd = -1;
  }
  return Socket(*this, fd);
}

// Sends `request` on a new upstream connection and reads the whole answer.
std::optional<Message> FaultProxy::Impl::Exchange(std::string_view request) {
  const Socket upstream = ConnectUpstream();
  if (!upstream || !SendAll(upstream.fd(), request)) return std::nullopt;
  return ReadMessage(upstream.fd());
}

FaultProxy::FaultProxy(FaultProxyOptions options) : impl_(std::make_unique<Impl>(options)) {}

FaultProxy::~FaultProxy() = default;

uint16_t FaultProxy::port() const { return impl_->port(); }

std::map<Fault, int64_t> FaultProxy::Counts() const { return impl_->Counts(); }

int64_t FaultProxy::requests() const { return impl_->requests(); }

}  // namespace lapak::testing
