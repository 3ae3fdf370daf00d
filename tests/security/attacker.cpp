#include "tests/security/attacker.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <fmt/core.h>

#include "tests/sync/ledger_target.h"

extern char** environ;

namespace lapak::testing {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr char kGnuTime[] = "/usr/bin/time";

int MillisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<int64_t>(left, 0, 3'600'000));
}

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Where the head of an HTTP message ends (after its blank line), npos when not yet.
size_t HeadEnd(std::string_view raw) {
  const size_t blank = raw.find("\r\n\r\n");
  return blank == std::string_view::npos ? blank : blank + 4;
}

// Whether `raw` holds a whole answer: its head and as many body bytes as its Content-Length
// says (no Content-Length: the head alone).
bool WholeAnswer(std::string_view raw) {
  const size_t head_end = HeadEnd(raw);
  if (head_end == std::string_view::npos) return false;
  const RawAnswer head = ParseAnswer(raw.substr(0, head_end));
  const std::string length = head.Header("content-length");
  return raw.size() >= head_end + (length.empty() ? 0 : std::stoull(length));
}

double Megabytes(int64_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

int64_t PeakMemory(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::strtoll(line.c_str() + 6, nullptr, 10) * 1024;
  }
  return -1;
}

::testing::AssertionResult PeakWithinBound(std::string_view what, int64_t peak, int64_t at_start) {
  const std::string figures =
      fmt::format("{}: peak {:.1f} MB, {:.1f} MB at start, grew {:.1f} MB (bound {:.0f} MB{})", what,
                  Megabytes(peak), Megabytes(at_start), Megabytes(peak - at_start),
                  Megabytes(kPeakMemoryBound), kSanitized ? " of growth: AddressSanitizer build" : "");
  std::cout << "[ memory ] " << figures << std::endl;
  if (peak <= 0 || at_start <= 0) return ::testing::AssertionFailure() << "unreadable: " << figures;
  if (peak - at_start >= kPeakMemoryBound || (!kSanitized && peak >= kPeakMemoryBound)) {
    return ::testing::AssertionFailure() << figures;
  }
  return ::testing::AssertionSuccess() << figures;
}

// ---- RawConnection ----------------------------------------------------------------------

RawConnection::RawConnection(int port, int send_buffer) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  if (send_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_SNDBUF, &send_buffer, sizeof send_buffer);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  while (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    if (errno == EINTR) continue;
    const std::string error = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("connect to port " + std::to_string(port) + ": " + error);
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      closed_by_peer_(other.closed_by_peer_),
      received_(std::move(other.received_)) {}

bool RawConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

int64_t RawConnection::SendSome(std::string_view bytes) {
  for (;;) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    return -1;
  }
}

bool RawConnection::ReadAvailable() {
  char chunk[16 * 1024];
  for (;;) {
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      received_.append(chunk, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    closed_by_peer_ = true;  // end of stream, or reset
    return false;
  }
}

const std::string& RawConnection::ReadAnswer(milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (!closed_by_peer_ && !WholeAnswer(received_)) {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, MillisecondsLeft(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    if (!ReadAvailable()) break;
  }
  return received_;
}

bool RawConnection::WaitForClose(milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (!closed_by_peer_) {
    pollfd p{fd_, POLLIN | POLLRDHUP, 0};
    const int ready = ::poll(&p, 1, MillisecondsLeft(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    ReadAvailable();
  }
  return true;
}

// ---- answers ----------------------------------------------------------------------------

std::string RawAnswer::Header(std::string_view name) const {
  for (const auto& [header, value] : headers) {
    if (header == name) return value;
  }
  return "";
}

bool RawAnswer::HasHeader(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
}

std::string RawAnswer::Refusal() const {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("reason") || !parsed["reason"].is_object()) return "";
  return parsed["reason"].value("refusal", "");
}

RawAnswer ParseAnswer(std::string_view raw) {
  RawAnswer answer;
  if (!raw.starts_with("HTTP/1.")) return answer;
  const size_t head_end = HeadEnd(raw);
  const std::string_view head = raw.substr(0, head_end == std::string_view::npos ? raw.size() : head_end);
  const size_t space = head.find(' ');
  if (space == std::string_view::npos) return answer;
  answer.status = std::atoi(std::string(head.substr(space + 1, 3)).c_str());
  size_t line_start = head.find("\r\n");
  while (line_start != std::string_view::npos && line_start + 2 < head.size()) {
    line_start += 2;
    const size_t line_end = head.find("\r\n", line_start);
    const std::string_view line = head.substr(line_start, line_end - line_start);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      answer.headers.emplace_back(Lowercase(line.substr(0, colon)), std::string(value));
    }
    line_start = line_end;
  }
  if (head_end != std::string_view::npos) answer.body = std::string(raw.substr(head_end));
  return answer;
}

std::string MissingProtection(const RawAnswer& answer) {
  std::string missing;
  if (answer.Header("x-frame-options") != "DENY") missing += " X-Frame-Options: DENY;";
  if (answer.Header("x-content-type-options") != "nosniff") missing += " X-Content-Type-Options: nosniff;";
  if (answer.Header("content-security-policy").find("frame-ancestors 'none'") == std::string::npos) {
    missing += " Content-Security-Policy with frame-ancestors 'none';";
  }
  return missing;
}

RawAnswer Exchange(int port, std::string_view request, milliseconds timeout) {
  RawConnection connection(port);
  connection.Send(request);  // a refusal may close before all is sent: its answer is waiting
  return ParseAnswer(connection.ReadAnswer(timeout));
}

std::string GetRequest(int port, std::string_view target, std::string_view extra_headers) {
  return fmt::format("GET {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{}Connection: close\r\n\r\n", target,
                     port, extra_headers);
}

std::string PostFormRequest(int port, std::string_view target, std::string_view body,
                            std::string_view extra_headers) {
  return fmt::format(
      "POST {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{}Content-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: {}\r\nConnection: close\r\n\r\n{}",
      target, port, extra_headers, body.size(), body);
}

Flood FloodConnection(int port, std::string_view head, char filler, int64_t total, milliseconds stall) {
  constexpr int kSendBuffer = 64 * 1024;
  RawConnection connection(port, kSendBuffer);
  const std::string piece(64 * 1024, filler);
  Flood flood;
  std::string_view pending = head;
  while (flood.sent < total) {
    pollfd p{connection.fd(), POLLIN | POLLOUT, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(stall.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      flood.stalled = true;
      break;
    }
    if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0 && connection.WaitForClose(milliseconds(0))) {
      flood.closed = true;
      break;
    }
    if ((p.revents & POLLOUT) == 0) continue;
    if (pending.empty()) {
      pending = std::string_view(piece).substr(0, static_cast<size_t>(std::min<int64_t>(
                                                      total - flood.sent, static_cast<int64_t>(piece.size()))));
    }
    const int64_t taken = connection.SendSome(pending);
    if (taken < 0) {
      flood.closed = true;
      break;
    }
    flood.sent += taken;
    pending.remove_prefix(static_cast<size_t>(taken));
  }
  // The answer sent before the close may still be waiting to be read.
  if (flood.closed) connection.WaitForClose(std::chrono::seconds(5));
  flood.answer = connection.received();
  return flood;
}

// ---- LedgerUnderAttack ------------------------------------------------------------------

LedgerUnderAttack::LedgerUnderAttack() : database_(NewLedgerLocation(dir_)), process_(database_) {
  if (process_.pid() <= 0) throw std::runtime_error("cannot tell the pid of lapak-ledger serve");
  peak_at_start_ = testing::PeakMemory(process_.pid());
}

int64_t LedgerUnderAttack::PeakMemory() const { return testing::PeakMemory(process_.pid()); }

::testing::AssertionResult LedgerUnderAttack::MemoryWithinBound(std::string_view attack) const {
  return PeakWithinBound(fmt::format("lapak-ledger serve after {}", attack), PeakMemory(), peak_at_start_);
}

const std::string& LedgerUnderAttack::AdminToken() {
  if (admin_token_.empty()) {
    admin_token_ = FirstLine(LedgerAdmin(database_, {"token", "add", "Admin", "--role", "admin"}));
  }
  return admin_token_;
}

nlohmann::json LedgerUnderAttack::Metrics() {
  const RawAnswer answer =
      Exchange(port(), GetRequest(port(), "/v1/metrics", "Authorization: Bearer " + AdminToken() + "\r\n"));
  if (answer.status != 200) {
    throw std::runtime_error("GET /v1/metrics: " + std::to_string(answer.status) + " " + answer.body);
  }
  return nlohmann::json::parse(answer.body);
}

bool LedgerUnderAttack::WaitForMetrics(const std::function<bool(const nlohmann::json&)>& done,
                                       milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  for (;;) {
    if (done(Metrics())) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(20));  // the pace of asking, not a synchronisation
  }
}

bool LedgerUnderAttack::Healthy(milliseconds timeout) {
  const RawAnswer answer = Exchange(port(), GetRequest(port(), "/v1/health"), timeout);
  return answer.status == 200 && answer.body == R"({"ok":true})";
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// ---- running binaries -------------------------------------------------------------------

bool CanMeasureChildMemory() { return ::access(kGnuTime, X_OK) == 0; }

MeasuredRun RunMeasuringMemory(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  TempDir report;
  const std::string figures = report.File("time");
  // -q: no "Command exited with non-zero status" line; %M: maximum resident set in KiB.
  std::vector<std::string> timed = {kGnuTime, "-q", "-f", "%M", "-o", figures};
  timed.insert(timed.end(), argv.begin(), argv.end());
  MeasuredRun run;
  run.result = Run(timed, env);
  const std::string kib = ReadFile(figures);
  if (!kib.empty() && std::isdigit(static_cast<unsigned char>(kib.front()))) {
    run.peak_memory = std::stoll(kib) * 1024;
  }
  return run;
}

BoundedRun RunWithin(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                     milliseconds timeout) {
  TempDir capture;
  const int out_fd = ::open(capture.File("out").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const int err_fd = ::open(capture.File("err").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<std::string> args = argv;
  std::vector<std::string> environment = env;  // first: getenv() takes the first match
  for (char** e = environ; *e != nullptr; ++e) environment.emplace_back(*e);
  std::vector<char*> c_args = CStrings(args);
  std::vector<char*> c_env = CStrings(environment);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_fd);
  ::close(err_fd);
  if (spawned != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(spawned));

  // Waits on a pidfd: readable once the child has exited.
  BoundedRun run;
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    const Clock::time_point deadline = Clock::now() + timeout;
    int ready = 0;
    while ((ready = ::poll(&p, 1, MillisecondsLeft(deadline))) < 0 && errno == EINTR) {
    }
    ::close(pidfd);
    if (ready == 0) {
      run.timed_out = true;
      ::kill(pid, SIGKILL);
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.result.out = ReadFile(capture.File("out"));
  run.result.err = ReadFile(capture.File("err"));
  return run;
}

}  // namespace lapak::testing
