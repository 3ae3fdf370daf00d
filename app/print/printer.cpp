#include "app/print/printer.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "core/refusal.h"

namespace lapak::print {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kDefaultPort = "9100";

struct TcpAddress {
  std::string host;
  std::string port;
};

// "tcp:HOST[:PORT]" split; false when it is not that form.
bool SplitTcp(std::string_view address, TcpAddress& out) {
  if (!address.starts_with(kNetworkPrefix)) return false;
  std::string_view rest = address.substr(kNetworkPrefix.size());
  const size_t colon = rest.rfind(':');
  out.host = std::string(colon == std::string_view::npos ? rest : rest.substr(0, colon));
  out.port = colon == std::string_view::npos ? kDefaultPort : std::string(rest.substr(colon + 1));
  if (out.host.empty() || out.host.size() > kMaxHostBytes || out.port.empty() || out.port.size() > 5) return false;
  for (const char c : out.port) {
    if (c < '0' || c > '9') return false;
  }
  const int port = std::stoi(out.port);
  return port > 0 && port < 65536;
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int MillisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

std::string Seconds(std::chrono::milliseconds timeout) { return std::to_string((timeout.count() + 999) / 1000); }

// Waits until `fd` can take more (or has an error) before `deadline`; false on timeout.
bool WaitWritable(int fd, Clock::time_point deadline) {
  for (;;) {
    pollfd poll_fd{fd, POLLOUT, 0};
    const int ready = ::poll(&poll_fd, 1, MillisecondsLeft(deadline));
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return true;  // the write that follows says what is wrong
  }
}

Status WriteAll(int fd, bool socket, std::string_view address, std::string_view job,
                std::chrono::milliseconds timeout, Clock::time_point deadline) {
  size_t sent = 0;
  while (sent < job.size()) {
    if (!WaitWritable(fd, deadline)) return Refuse(Refusal::kPrinterTimedOut, address, Seconds(timeout));
    const ssize_t n = socket ? ::send(fd, job.data() + sent, job.size() - sent, MSG_NOSIGNAL)
                             : ::write(fd, job.data() + sent, job.size() - sent);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      return Refuse(Refusal::kPrinterGone, address, std::strerror(errno));
    }
  }
  return Status::Ok();
}

Status SendToDevice(std::string_view address, std::string_view job, std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  const std::string path(address);
  Descriptor fd(::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC | O_APPEND));
  if (fd.get() < 0) return Refuse(Refusal::kPrinterNotReached, address, std::strerror(errno));
  if (::isatty(fd.get())) {  // an rfcomm (or any serial) device: bytes as they are
    termios mode{};
    if (::tcgetattr(fd.get(), &mode) == 0) {
      ::cfmakeraw(&mode);
      ::tcsetattr(fd.get(), TCSANOW, &mode);
    }
  }
  return WriteAll(fd.get(), false, address, job, timeout, deadline);
}

Status SendToTcp(std::string_view address, const TcpAddress& tcp, std::string_view job,
                 std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (const int error = ::getaddrinfo(tcp.host.c_str(), tcp.port.c_str(), &hints, &found); error != 0) {
    return Refuse(Refusal::kPrinterNotReached, address, ::gai_strerror(error));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  Descriptor fd(::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) return Refuse(Refusal::kPrinterNotReached, address, std::strerror(errno));
  ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDBUF, &kSendBufferBytes, sizeof kSendBufferBytes);
  if (::connect(fd.get(), found->ai_addr, found->ai_addrlen) != 0 && errno != EINPROGRESS) {
    return Refuse(Refusal::kPrinterNotReached, address, std::strerror(errno));
  }
  if (!WaitWritable(fd.get(), deadline)) return Refuse(Refusal::kPrinterTimedOut, address, Seconds(timeout));
  int error = 0;
  socklen_t length = sizeof error;
  ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length);
  if (error != 0) return Refuse(Refusal::kPrinterNotReached, address, std::strerror(error));
  LAPAK_RETURN_IF_ERROR(WriteAll(fd.get(), true, address, job, timeout, deadline));
  ::shutdown(fd.get(), SHUT_WR);  // the job's end, for a printer that waits for it
  return Status::Ok();
}

}  // namespace

Status CheckPrinterAddress(std::string_view address) {
  TcpAddress tcp;
  if (SplitTcp(address, tcp) || (address.starts_with('/') && address.size() > 1)) return Status::Ok();
  return Refuse(Refusal::kPrinterAddressBad, address);
}

Status SendToPrinter(std::string_view address, std::string_view job, std::chrono::milliseconds timeout) {
  LAPAK_RETURN_IF_ERROR(CheckPrinterAddress(address));
  TcpAddress tcp;
  if (SplitTcp(address, tcp)) return SendToTcp(address, tcp, job, timeout);
  return SendToDevice(address, job, timeout);
}

}  // namespace lapak::print
